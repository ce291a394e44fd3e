#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for a bounded time (docs/reliability.md): builds
# them with libFuzzer (cargo-fuzz, installed when missing; RUSTC_BOOTSTRAP=1 on a stable
# toolchain), runs each for RILEVA_FUZZ_SECONDS (default 60), RILEVA_FUZZ_JOBS (default 2)
# at a time, from its seeds in a throwaway corpus, prints executions, corpus and coverage
# per target, and fails on any crash, hang or broken property, leaving the input in
# target/fuzz-artifacts/<target>/.
#   scripts/fuzz.sh [TARGET...]       every target when none is named
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
CARGO_FUZZ_VERSION=0.13.2
seconds=${RILEVA_FUZZ_SECONDS:-60}
# Seeds: each target's committed folder, and for the source targets every example,
# contract, ui and fmt fixture (tests/fuzz.rs runs the targets on the same files).
source_seeds=(examples tests/contract tests/ui tests/fmt)

if ! cargo fuzz --version 2>/dev/null | grep -q "cargo-fuzz $CARGO_FUZZ_VERSION"; then
  echo "installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install --quiet --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi
export RUSTC_BOOTSTRAP=1
# The main target/ holds the build under target/x86_64-unknown-linux-gnu/release/, apart
# from target/debug: the test build is not touched (docs/reliability.md, "Build").
triple=$(rustc -vV | sed -n 's/^host: //p')
start=$(date +%s)
(cd fuzz && cargo fuzz build --sanitizer none --target-dir "$root/target")
echo "fuzz build: $(( $(date +%s) - start )) s"

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(compile validate fmt diff)
jobs=${RILEVA_FUZZ_JOBS:-2}
results=$(mktemp -d "${TMPDIR:-/tmp}/rileva-fuzz-results.XXXXXX")

# One target: its line in $results/<target>, its libFuzzer exit status in $results/<target>.status.
fuzz_one() {
  local t=$1 corpus artifacts log code execs last cov ft edges units bytes line
  corpus=$(mktemp -d "${TMPDIR:-/tmp}/rileva-fuzz-$t.XXXXXX")
  artifacts="$root/target/fuzz-artifacts/$t"
  mkdir -p "$artifacts"
  local seeds=("fuzz/seeds/$t") dict=()
  # The source targets also insert whole tokens of the grammar (fuzz/rileva.dict).
  [ "$t" = validate ] || { seeds+=("${source_seeds[@]}"); dict=(-dict=fuzz/rileva.dict); }
  log="$corpus.log"
  echo "== fuzzing $t for ${seconds} s (seeds: ${seeds[*]})"
  set +e
  "$root/target/$triple/release/$t" "$corpus" "${seeds[@]}" \
    -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" >"$log" 2>&1
  code=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
  edges=$(sed -nE 's/^INFO: Loaded 1 modules +\(([0-9]+) inline.*/\1/p' "$log" | head -1)
  units=$(find "$corpus" -type f | wc -l)
  bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}')
  line="$t: ${execs:-0} executions in ${seconds} s, corpus $units inputs ($bytes bytes), coverage ${cov:-0} of ${edges:-?} edges (${ft:-0} features)"
  if [ "$code" -ne 0 ]; then
    line="$line: FAILED (libFuzzer exit $code; input kept in $artifacts/)"
    { grep -E -A25 'panicked at|==ERROR|SUMMARY|Test unit written' "$log" | head -60 || tail -40 "$log" || true; } >&2
  fi
  echo "$line"
  echo "$line" >"$results/$t"
  echo "$code" >"$results/$t.status"
  rm -rf "$corpus" "$log"
}

running=0
for t in "${targets[@]}"; do
  fuzz_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait || true
echo "== fuzz summary"
status=0
for t in "${targets[@]}"; do
  cat "$results/$t" 2>/dev/null || echo "$t: did not run"
  [ "$(cat "$results/$t.status" 2>/dev/null || echo 1)" -eq 0 ] || status=1
done
rm -rf "$results"
exit $status
