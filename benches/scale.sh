#!/usr/bin/env bash
# rileva at national scale, as a user runs it (release build, whole process): check and build
# of generated 1k/10k/20k-question surveys (half routed, it + en) and of 300 conforming agency
# surveys; validate and load of 100k and 1M responses, each load next to a direct insert of
# the same rows into the same database (SQLite: one prepared INSERT in one transaction, and
# the sqlite3 shell; PostgreSQL, a throwaway one from scripts/postgres.sh: psql's \copy);
# rileva next to pyxform's xls2xform on the same questions, with the ratio of the medians of
# the same run. Wall time and CPU time (user + sys) are the median of RUNS runs; peak memory
# is the resident peak of the process (benches/measure.py, from its rusage). Inputs come
# from benches/generate.py (deterministic) into a temporary folder that is removed at the
# end (1M responses are about 210 MB).
#
# usage: benches/scale.sh
#        RILEVA_BIN=target/release/rileva SIZES="1000 10000" RESPONSES="100000" RUNS=5 benches/scale.sh
#        RILEVA_BASE=/path/to/an/older/rileva benches/scale.sh   (adds the examples, both binaries)
#        NO_PEER=1 benches/scale.sh                              (without pyxform)
#        NO_PG=1 benches/scale.sh                                (without PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin=${RILEVA_BIN:-target/release/rileva}
case $bin in /*) ;; *) bin=$root/$bin ;; esac
sizes=${SIZES-"1000 10000 20000"}
responses=${RESPONSES-"100000 1000000"}
runs=${RUNS:-3}
[ -x "$bin" ] || cargo build --release --quiet --bin rileva
command -v sqlite3 >/dev/null || { echo "scale.sh: needs sqlite3" >&2; exit 1; }
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install --quiet -r benches/requirements.txt
python=$root/.venv/bin/python
work=$(mktemp -d)
pg=
if [ -z "${NO_PG:-}" ]; then
  export RILEVA_PG_STATE=$work/pg.state
  pg=$("$root/scripts/postgres.sh" start)
fi
trap '[ -z "$pg" ] || "$root/scripts/postgres.sh" stop >/dev/null 2>&1; rm -rf "$work"' EXIT
cd "$work"

# median wall, median CPU (user + sys) and largest peak of $runs runs of the command, its output
# thrown away (benches/measure.py: the child's own rusage, wall to the millisecond)
measure() {
  "$python" "$root/benches/measure.py" "$runs" "$@" || exit 1
}

# measure, with the folder $1 removed before each run (outside the time)
measure_fresh() {
  local dir=$1
  shift
  "$python" "$root/benches/measure.py" --fresh "$dir" "$runs" "$@" || exit 1
}

if [ -n "${RILEVA_BASE:-}" ]; then
  # The surveys people write every day: every example, the older binary next to this one,
  # interleaved run by run (benches/examples.py prints its own table).
  "$python" "$root/benches/examples.py" "$RILEVA_BASE" "$bin" $((runs * 10))
  echo
fi
ratios=
echo "| work | wall (median) | CPU user+sys (median) | peak memory |"
echo "| --- | --- | --- | --- |"
for n in $sizes; do
  "$python" "$root/benches/generate.py" survey "$n" "s$n.rileva"
  "$python" "$root/benches/generate.py" xlsform "$n" "s$n.xlsx"
  mb=$(awk -v b="$(wc -c <"s$n.rileva")" 'BEGIN{printf "%.1f", b/1e6}')
  echo "| check, $n questions ($mb MB) | $(measure "$bin" check "s$n.rileva") |"
  built=$(measure_fresh out "$bin" build --out out "s$n.rileva")
  echo "| build (every target) into an empty folder, $n questions | $built |"
  echo "| build again over its output (nothing changed), $n questions | $(measure "$bin" build --out out "s$n.rileva") |"
  if [ -z "${NO_PEER:-}" ]; then
    peer=$(measure "$root/.venv/bin/xls2xform" --skip_validate "s$n.xlsx" "s$n.xml")
    echo "| pyxform xls2xform --skip_validate, $n questions | $peer |"
    # The ratio of the two medians of this run (wall), printed after the table.
    ratios+=$(awk -v n="$n" -v b="${built%% s*}" -v p="${peer%% s*}" \
      'BEGIN { printf "| build every target vs pyxform one XForm, %d questions | %.3f s vs %.3f s | %.1fx faster |\\n", n, b, p, p / b }')
  fi
  rm -rf out
done
"$python" "$root/benches/generate.py" agencies 300 agencies
echo "| check, 300 agency surveys | $(measure "$bin" check agencies) |"
echo "| build (every target) into an empty folder, 300 agency surveys | $(measure_fresh out "$bin" build --out out agencies) |"
echo "| build again over its output (nothing changed), 300 agency surveys | $(measure "$bin" build --out out agencies) |"
rm -rf out agencies
survey=$root/tests/contract/inps_hub_prestazioni.rileva
for n in $responses; do
  "$python" "$root/benches/generate.py" responses "$n" "r$n.jsonl"
  echo "| validate, $n responses | $(measure "$bin" validate "$survey" "r$n.jsonl") |"
  echo "| load into SQLite, $n responses | $(measure sh -c "rm -f load.db && '$bin' load '$survey' r$n.jsonl --db sqlite:load.db") |"
  table=inps_hub_prestazioni_v1
  if [ -n "$pg" ]; then
    printf '%s\n' "psql -q '$pg' -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public'" \
      "'$bin' load '$survey' r$n.jsonl --db '$pg'" >pgload.sh
    echo "| load into PostgreSQL, $n responses (a fresh schema each run) | $(measure sh -e pgload.sh) |"
    # The same rows, copied directly by psql into an empty copy of the loaded table.
    psql -q "$pg" -c "\\copy (SELECT * FROM $table) TO '$work/rows.csv' CSV" \
      -c "CREATE TABLE direct (LIKE $table INCLUDING ALL)"
    printf '%s\n' "psql -q '$pg' -c 'TRUNCATE direct' -c \"\\\\copy direct FROM '$work/rows.csv' CSV\"" >pgcopy.sh
    echo "| psql \\copy of the same rows into PostgreSQL, $n | $(measure sh -e pgcopy.sh) |"
    rm -f rows.csv pgload.sh pgcopy.sh
  fi
  # The same rows inserted directly: one prepared INSERT in one transaction (its own timing of
  # the insert, median of the runs), and the sqlite3 shell running them as INSERT statements
  # (up to DIRECT_MAX rows: it takes about ten times as long as load).
  direct=$(for _ in $(seq "$runs"); do rm -f direct.db; "$python" "$root/benches/direct_sqlite.py" load.db direct.db $table; done | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  echo "| prepared INSERT of the same rows into SQLite, $n (insert and commit only) | $direct s | | |"
  if [ "$n" -gt "${DIRECT_MAX:-100000}" ]; then rm -f "r$n.jsonl" load.db direct.db; continue; fi
  { sqlite3 load.db .schema; echo "BEGIN;"; sqlite3 load.db ".mode insert $table" \
      "SELECT * FROM $table"; echo "COMMIT;"; } >direct.sql
  echo "| sqlite3 inserting the same rows, $n | $(measure sh -c "rm -f direct.db && sqlite3 direct.db <direct.sql") |"
  rm -f "r$n.jsonl" load.db direct.db direct.sql
done
if [ -n "$ratios" ]; then
  echo
  echo "| side by side, same run | wall (medians) | ratio |"
  echo "| --- | --- | --- |"
  printf '%b' "$ratios"
fi
