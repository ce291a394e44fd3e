"""The collection API fuzzed from its own description: starts `rileva serve examples/` on a
fresh SQLite database, runs schemathesis against GET /openapi.json for a bounded time
(every check: no 5xx, every status, header and body as described, negative data refused),
stops the server, then checks what was stored: one row per distinct response_id answered
2xx, each key once, and every stored body valid for `rileva validate`. Exit 1 on any failure.

    RILEVA_BIN=target/debug/rileva .venv/bin/python tests/api/run.py [SECONDS]
"""

import collections
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RILEVA = os.environ.get("RILEVA_BIN", str(ROOT / "target/debug/rileva"))
SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("RILEVA_API_SECONDS", "90"))


def start(db: Path) -> tuple[subprocess.Popen, str]:
    server = subprocess.Popen(
        [RILEVA, "serve", "examples/", "--db", f"sqlite:{db}", "--listen", "127.0.0.1:0", "--rate-limit", "0"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    line = server.stdout.readline()
    match = re.search(r"listening on (http://[0-9.:]+)/", line)
    if not match:
        server.kill()
        sys.exit(f"rileva serve did not start: {line}{server.stderr.read()}")
    return server, match.group(1)


def survey_files() -> dict[tuple[str, str], Path]:
    """(survey id, version) -> its file below examples/ (`survey <id> {` then `version <v>`)."""
    out = {}
    for path in sorted((ROOT / "examples").rglob("*.rileva")):
        match = re.search(r"^survey\s+([A-Za-z0-9_.]+)\s*\{\s*version\s+(\S+)", path.read_text(encoding="utf-8"), re.M)
        if match:
            out[(match.group(1), match.group(2))] = path
    return out


def check_stored(db: Path, records: list[dict], work: Path) -> list[str]:
    problems = []
    stored = [r for r in records if "body" in r]
    # response_id counts per table: one survey's.
    ids = {(json.loads(r["body"]).get("survey"), r["response_id"]) for r in stored}
    with sqlite3.connect(db) as conn:
        tables = [t for (t,) in conn.execute("select name from sqlite_master where type='table' and name not like 'sqlite_%'")]
        keys = conn.execute("select count(*) from rileva_idempotency").fetchone()[0]
        rows = 0
        for table in tables:
            columns = [c[1] for c in conn.execute(f'pragma table_info("{table}")')]
            if "response_id" in columns and table != "rileva_idempotency":
                rows += conn.execute(f'select count(*) from "{table}"').fetchone()[0]
    if rows != len(ids):
        problems.append(f"{rows} rows stored, {len(ids)} distinct response_id answered 2xx")
    if keys != rows:
        problems.append(f"{keys} idempotency keys for {rows} rows")
    by_survey = collections.defaultdict(list)
    files = survey_files()
    for r in stored:
        body = json.loads(r["body"])
        version = body.get("version")
        if version is None:  # no version: the latest one served judged it
            version = max((v for (i, v) in files if i == body.get("survey")), key=lambda v: [int(p) for p in v.split(".")], default=None)
        by_survey[(body.get("survey"), version)].append(r["body"])
    for survey, bodies in sorted(by_survey.items(), key=str):
        if survey not in files:
            problems.append(f"stored a response to {survey!r}, which no example defines")
            continue
        lines = work / f"{survey[0]}@{survey[1]}.jsonl"
        lines.write_text("".join(b.replace("\n", " ") + "\n" for b in bodies), encoding="utf-8")
        result = subprocess.run([RILEVA, "validate", str(files[survey]), str(lines)], cwd=ROOT, capture_output=True, text=True)
        if result.returncode != 0:
            problems.append(f"rileva validate refuses stored responses of {survey}:\n{result.stdout}{result.stderr}")
    return problems


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="rileva-api-") as tmp:
        work = Path(tmp)
        db = work / "responses.db"
        record = work / "calls.jsonl"
        record.touch()
        server, base = start(db)
        try:
            env = dict(os.environ, SCHEMATHESIS_HOOKS="hooks", RILEVA_API_RECORD=str(record),
                       PYTHONPATH=str(Path(__file__).parent))
            command = [
                str(Path(sys.executable).parent / "schemathesis"), "run", f"{base}/openapi.json",
                "--checks", "all", "--max-time", str(SECONDS), "--workers", "2",
                "--seed", os.environ.get("RILEVA_API_SEED", "1"),
                "--generation-database", "none", "--no-color", "--warnings", "off",
            ]
            print("$", " ".join(command), flush=True)
            # In the temporary folder: schemathesis keeps a cache of failures where it runs.
            st = subprocess.run(command, cwd=work, env=env)
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                code = server.wait(timeout=40)
            except subprocess.TimeoutExpired:
                server.kill()
                code = "killed"
        errors = server.stderr.read()
        records = [json.loads(l) for l in record.read_text(encoding="utf-8").splitlines() if l]
        statuses = collections.Counter(r["status"] for r in records)
        problems = check_stored(db, records, work)
        if st.returncode != 0:
            problems.append(f"schemathesis found failures (exit {st.returncode})")
        if code != 0:
            problems.append(f"rileva serve exited {code} after SIGTERM")
        if any(s >= 500 for s in statuses):
            problems.append("answers with a 5xx status")
        if "BUG" in errors:
            problems.append(f"the server logged a bug:\n{errors}")
        stored = len({(json.loads(r["body"]).get("survey"), r["response_id"]) for r in records if "body" in r})
        summary = ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items()))
        print(f"api: {len(records)} requests in {SECONDS} s ({summary}); {stored} responses stored, all valid: {not problems}")
        for p in problems:
            print("FAILED:", p)
        return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
