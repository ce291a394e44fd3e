#!/usr/bin/env bash
# Runs every test of rileva on a fresh machine: installs what is missing (Debian and npm
# packages), starts a throwaway PostgreSQL, then runs the Rust tests (unit, ui snapshots,
# agreement on SQLite and PostgreSQL), the Python and language-server tests, the VS Code
# extension (grammar, .vsix, its client in code-server) and the browser tests (Chromium,
# axe-core, Nu HTML Checker). A missing tool makes a test fail; nothing is skipped in silence.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '\n== %s\n' "$*"; }

# --- Debian packages -------------------------------------------------------------------
need=()
command -v pg_ctlcluster >/dev/null 2>&1 || [ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
command -v python3 >/dev/null 2>&1 && python3 -c 'import ensurepip' >/dev/null 2>&1 || need+=(python3 python3-venv)
if [ ${#need[@]} -gt 0 ]; then
  log "installing Debian packages: ${need[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# --- npm packages for the browser tests ---------------------------------------------------
if [ -f tests/e2e/package.json ]; then
  if [ ! -d tests/e2e/node_modules ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules ]; then
    log "installing npm packages in tests/e2e"
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

# --- npm packages of the VS Code extension (grammar tests, packaging) ------------------------
if [ ! -d editors/vscode/node_modules ] || [ editors/vscode/package-lock.json -nt editors/vscode/node_modules ]; then
  log "installing npm packages in editors/vscode"
  (cd editors/vscode && npm ci --no-audit --no-fund --loglevel=error)
fi

# --- code-server: a real VS Code for the extension's client test ---------------------------
# (its install builds VS Code's native modules; install.sh says what it needs and why)
if [ ! -d editors/vscode/test/code-server/node_modules ] || [ editors/vscode/test/code-server/package-lock.json -nt editors/vscode/test/code-server/node_modules ]; then
  log "installing code-server and playwright-core in editors/vscode/test/code-server"
  editors/vscode/test/code-server/install.sh
fi

# --- npm packages of the CI-output tests (the SARIF Multitool, tests/sarif.rs) -------------
if [ ! -d tests/tools/node_modules ] || [ tests/tools/package-lock.json -nt tests/tools/node_modules ]; then
  log "installing npm packages in tests/tools"
  (cd tests/tools && npm ci --no-audit --no-fund --loglevel=error)
fi

# --- Python packages for tests/python, in one venv at .venv/ ------------------------------
python3 -m venv --help >/dev/null 2>&1 || {
  log "installing Debian package python3-venv"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
}
if [ ! -x .venv/bin/python ] || [ tests/python/requirements.txt -nt .venv/.installed ]; then
  log "installing Python packages in .venv (tests/python/requirements.txt)"
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r tests/python/requirements.txt
  touch .venv/.installed
fi
export RILEVA_PYTHON="$root/.venv/bin/python"

# --- PostgreSQL ---------------------------------------------------------------------------
log "starting a throwaway PostgreSQL"
RILEVA_TEST_POSTGRES=$(scripts/postgres.sh start)
export RILEVA_TEST_POSTGRES
trap 'scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
echo "PostgreSQL at $RILEVA_TEST_POSTGRES"

# --- Rust ---------------------------------------------------------------------------------
log "cargo fmt --check"
cargo fmt --all -- --check
log "cargo clippy"
cargo clippy --workspace --all-targets --quiet -- -D warnings
log "cargo test"
cargo build --quiet --bin rileva
# Run every suite even when one fails, so one run shows every failure.
set +e
log_file="${TMPDIR:-/tmp}/rileva-cargo-test.log"
cargo test --workspace --no-fail-fast -- --skip every_judge_agrees 2>&1 | tee "$log_file"
cargo_status=${PIPESTATUS[0]}
# The agreement test prints how many responses and judges agreed: show it.
log "agreement of the four judges (JSON Schema, rileva validate, SQLite, PostgreSQL)"
cargo test --test agreement --quiet -- every_judge_agrees --nocapture --test-threads=1 2>&1 | tee -a "$log_file"
agreement_status=${PIPESTATUS[0]}
set -e

# --- Fuzzing -------------------------------------------------------------------------------
log "fuzzing (scripts/fuzz.sh: cargo-fuzz targets compile, validate, fmt, diff, a minute each)"
fuzz_status=0
fuzz_log="${TMPDIR:-/tmp}/rileva-fuzz.log"
set +e
scripts/fuzz.sh 2>&1 | tee "$fuzz_log"
fuzz_status=${PIPESTATUS[0]}
set -e

# --- Python -------------------------------------------------------------------------------
log "Python tests (tests/python: DDI schema validation and round trip; rileva new in a terminal; pre-commit hooks; the GitHub Action)"
python_status=0
python_log="${TMPDIR:-/tmp}/rileva-python-test.log"
set +e
RILEVA_BIN="$root/target/debug/rileva" .venv/bin/python -m unittest discover -s tests/python -p 'test_*.py' -v 2>&1 | tee "$python_log"
python_status=${PIPESTATUS[0]}
set -e

# --- The collection API fuzzed from its OpenAPI description -------------------------------
log "API fuzzing (tests/api/run.py: schemathesis against a live rileva serve on SQLite, /openapi.json)"
api_status=0
api_log="${TMPDIR:-/tmp}/rileva-api-test.log"
set +e
RILEVA_BIN="$root/target/debug/rileva" .venv/bin/python tests/api/run.py 2>&1 | tee "$api_log"
api_status=${PIPESTATUS[0]}
set -e

# --- Language server ----------------------------------------------------------------------
log "language server tests (tests/lsp: pytest-lsp drives rileva lsp)"
lsp_status=0
lsp_log="${TMPDIR:-/tmp}/rileva-lsp-test.log"
set +e
RILEVA_BIN="$root/target/debug/rileva" .venv/bin/python -m pytest -c tests/lsp/pytest.ini --rootdir tests/lsp -p no:cacheprovider -rs tests/lsp 2>&1 | tee "$lsp_log"
lsp_status=${PIPESTATUS[0]}
set -e
# A skipped test is a failed one: nothing is skipped in silence.
if grep -Eq '[0-9]+ (skipped|xfailed)' "$lsp_log"; then lsp_status=1; fi

# --- VS Code extension -------------------------------------------------------------------
log "VS Code extension (editors/vscode: grammar snapshots of every example, assertions, .vsix)"
vscode_status=0
(cd editors/vscode && npm test --silent && npm run package --silent) || vscode_status=$?
log "VS Code client (editors/vscode/test/code-server: rileva.vsix installed in code-server, driven in Chromium: Problems panel, hover)"
client_status=0
client_log="${TMPDIR:-/tmp}/rileva-vscode-client-test.log"
set +e
RILEVA_BIN="$root/target/debug/rileva" node --test editors/vscode/test/code-server/client.test.mjs 2>&1 | tee "$client_log"
client_status=${PIPESTATUS[0]}
set -e

# --- Browser ------------------------------------------------------------------------------
node_status=0
if compgen -G "tests/e2e/*.test.mjs" >/dev/null; then
  log "browser tests (node --test)"
  export RILEVA_BIN="$root/target/debug/rileva"
  node --test --test-concurrency=1 tests/e2e/*.test.mjs || node_status=$?
fi

log "summary"
passed=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$log_file" | awk '{s+=$4} END {print s+0}')
failed=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed; [0-9]+ failed' "$log_file" | awk '{s+=$6} END {print s+0}')
grep -Eo 'agreement[^.]*judges agree.*' "$log_file" || true
python_ran=$(grep -Eo '^Ran [0-9]+ tests?' "$python_log" | awk '{s+=$2} END {print s+0}')
lsp_counts=$(grep -Eo '[0-9]+ (passed|failed)' "$lsp_log" | tr '\n' ' ')
client_counts=$(grep -Eo '^# (pass|fail) [0-9]+' "$client_log" | sed 's/^# //' | tr '\n' ' ')
sed -n '/^== fuzz summary/,$p' "$fuzz_log" | tail -n +2
grep -E '^api: ' "$api_log" || true
echo "rust: $passed passed, $failed failed (cargo exit $cargo_status, agreement exit $agreement_status); fuzz: exit $fuzz_status; api: exit $api_status; python: $python_ran run, exit $python_status; lsp: ${lsp_counts:-none} (pytest exit $lsp_status); vscode: exit $vscode_status; vscode client: ${client_counts:-none} (node exit $client_status); browser: node exit $node_status"
[ "$cargo_status" -eq 0 ] && [ "$fuzz_status" -eq 0 ] && [ "$api_status" -eq 0 ] && [ "$agreement_status" -eq 0 ] && [ "$python_status" -eq 0 ] && [ "$lsp_status" -eq 0 ] && [ "$vscode_status" -eq 0 ] && [ "$client_status" -eq 0 ] && [ "$node_status" -eq 0 ]
