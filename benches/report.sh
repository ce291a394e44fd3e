#!/usr/bin/env bash
# Benchmark of `rileva report` on 100,000 and 1,000,000 stored responses, in SQLite and in
# PostgreSQL: wall time and the peak resident memory of the rileva process (GNU time).
# The aggregation runs in the database, so the peak must not grow with the responses
# (within 20% from 100k to 1M; the script fails otherwise). The rows are made in the
# database itself (INSERT ... SELECT over a series) into the table `rileva build --target
# sql` creates, so every CHECK of the table judges them; the survey is
# tests/report/sportello_a.rileva (11 questions: scales, a multi, NPS, yes/no, number).
#
# usage: benches/report.sh            (starts its own PostgreSQL with scripts/postgres.sh)
#        RILEVA_BIN=target/release/rileva SIZES="100000 1000000" benches/report.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${RILEVA_BIN:-target/release/rileva}
sizes=${SIZES:-"100000 1000000"}
[ -x "$bin" ] || cargo build --release --quiet --bin rileva
survey=tests/report/sportello_a.rileva
work=$(mktemp -d)
trap 'rm -rf "$work"; RILEVA_PG_STATE=$work/pg.state scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
"$bin" build --target sql --out "$work/build" "$survey" >/dev/null
sql="$work/build/prova.sportello_a/sql"
pg=$(RILEVA_PG_STATE=$work/pg.state scripts/postgres.sh start)
export PGOPTIONS="-c client_min_messages=warning"

# One row per i: codes spread over every value, routing and channels respected.
columns='survey_version, language, channel, submitted_at, facilita, informazioni, efficacia, soddisfazione,
  motivi_1, motivi_2, motivi_3, motivi_4, motivi_99, attesa, cortesia, raccomandazione, prenotazione, minuti'
values() { # $1: the submitted_at expression, $2: true, $3: false
  cat <<SQL
'1.0.0', CASE WHEN i % 10 = 0 THEN 'en' ELSE 'it' END, CASE WHEN i % 2 = 0 THEN 'web' ELSE 'kiosk' END, $1,
  CASE WHEN i % 17 = 0 THEN 9 ELSE 1 + (i * 7) % 5 END, 1 + (i * 3) % 5, 1 + i % 3, 1 + (i * 11) % 5,
  CASE WHEN 1 + (i * 11) % 5 <= 2 THEN $2 END, CASE WHEN 1 + (i * 11) % 5 <= 2 THEN CASE WHEN i % 2 = 0 THEN $2 ELSE $3 END END,
  CASE WHEN 1 + (i * 11) % 5 <= 2 THEN CASE WHEN i % 3 = 0 THEN $2 ELSE $3 END END,
  CASE WHEN 1 + (i * 11) % 5 <= 2 THEN $3 END, CASE WHEN 1 + (i * 11) % 5 <= 2 THEN $3 END,
  CASE WHEN i % 5 = 0 THEN NULL ELSE 1 + (i * 13) % 5 END, 1 + (i * 5) % 5,
  CASE WHEN i % 2 = 0 THEN i % 11 END, 1 + i % 2, CASE WHEN i % 2 = 0 THEN i % 181 END
SQL
}

fill_sqlite() { # $1: file, $2: rows
  rm -f "$1"
  { cat "$sql/sqlite.sql"
    echo "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $2)"
    echo "INSERT INTO prova_sportello_a_v1 ($columns) SELECT"
    values "strftime('%Y-%m-%dT%H:%M:%SZ', '2026-01-01', '+' || (i % 365) || ' days', '+' || (i % 36000) || ' seconds')" 1 0
    echo "FROM s;"
  } | sqlite3 "$1"
}

fill_postgres() { # $1: rows
  psql -q -X -v ON_ERROR_STOP=1 "$pg" -c "DROP TABLE IF EXISTS prova_sportello_a_v1 CASCADE" >/dev/null
  psql -q -X -v ON_ERROR_STOP=1 "$pg" -f "$sql/postgres.sql" >/dev/null
  { echo "INSERT INTO prova_sportello_a_v1 ($columns) SELECT"
    values "timestamptz '2026-01-01 00:00:00Z' + (i % 365) * interval '1 day' + (i % 36000) * interval '1 second'" TRUE FALSE
    echo "FROM generate_series(1, $1) AS s(i); ANALYZE prova_sportello_a_v1;"
  } | psql -q -X -v ON_ERROR_STOP=1 "$pg" >/dev/null
}

measure() { # $1: label, $2: --db; prints "label seconds peak_kib" for the slowest grouping
  for flags in "" "--by month --by-channel"; do
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" report "$survey" --db "$2" --format json --out "$work/out" $flags >/dev/null
    read -r secs kib <"$work/time"
    printf '%-34s %-26s %8s s %8s KiB\n' "$1" "${flags:-(no grouping)}" "$secs" "$kib"
    echo "$1 $kib" >>"$work/peaks"
  done
}

printf '%-34s %-26s %10s %12s\n' "database, responses" "grouping" "time" "peak RSS"
for n in $sizes; do
  fill_sqlite "$work/r.db" "$n"
  measure "SQLite $n" "sqlite:$work/r.db"
  fill_postgres "$n"
  measure "PostgreSQL $n" "$pg"
done

# The peak at the largest size within 20% of the peak at the smallest, per database.
status=0
for db in SQLite PostgreSQL; do
  small=$(grep "^$db ${sizes%% *} " "$work/peaks" | awk '{print $3}' | sort -n | tail -1)
  large=$(grep "^$db ${sizes##* } " "$work/peaks" | awk '{print $3}' | sort -n | tail -1)
  ratio=$(awk -v a="$large" -v b="$small" 'BEGIN { printf "%.3f", a / b }')
  echo "$db: peak ${large} KiB at ${sizes##* } vs ${small} KiB at ${sizes%% *}: ratio $ratio"
  awk -v r="$ratio" 'BEGIN { exit !(r <= 1.2) }' || { echo "$db: memory grows with the responses" >&2; status=1; }
done
exit $status
