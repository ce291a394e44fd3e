#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests of rileva.
#
#   scripts/postgres.sh start   installs PostgreSQL if missing, creates a fresh cluster in a new
#                               temporary folder (owned by the postgres user when run as root),
#                               starts it on 127.0.0.1 and a free private port with trust auth,
#                               waits until it accepts connections and prints its URL on stdout
#                               (postgres://postgres@127.0.0.1:PORT/postgres); nothing else goes
#                               to stdout.
#   scripts/postgres.sh stop    stops the server started last (by the pid file of its cluster)
#                               and removes its folder.
#   scripts/postgres.sh url     prints the URL of the running server again.
#
# The folder of the running cluster is recorded in $RILEVA_PG_STATE (default
# ${TMPDIR:-/tmp}/rileva-postgres.state). $RILEVA_PG_PORT picks the port instead of a free one.
set -euo pipefail

state=${RILEVA_PG_STATE:-${TMPDIR:-/tmp}/rileva-postgres.state}

say() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() {
  say "$*"
  exit 1
}

# The folder holding initdb, pg_ctl and postgres: the newest Debian version, else PATH.
pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
    echo "$dir"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  fi
}

install_if_missing() {
  if [ -n "$(pg_bin)" ]; then
    return
  fi
  say "PostgreSQL is not installed: installing the Debian package"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >&2
  [ -n "$(pg_bin)" ] || die "initdb still not found after installing postgresql"
}

# Run a command as the cluster's owner: the postgres user when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
  local port tries
  for tries in $(seq 1 50); do
    port=$((40000 + RANDOM % 20000))
    if ! port_in_use "$port"; then
      echo "$port"
      return
    fi
  done
  die "no free port found"
}

start() {
  if [ -f "$state" ] && [ -f "$(cat "$state")/data/postmaster.pid" ]; then
    say "note: the server in $(cat "$state") is still running; starting another one"
  fi
  install_if_missing
  local bin dir port
  bin=$(pg_bin)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/rileva-pg.XXXXXX")
  chmod 755 "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "the postgres user does not exist"
    chown postgres: "$dir"
  fi
  port=${RILEVA_PG_PORT:-$(free_port)}
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
    die "initdb failed: $(cat "$dir/initdb.log")"
  echo "$dir" >"$state"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null 2>&1 || die "the server did not start: $(tail -n 20 "$dir/server.log" 2>/dev/null)"
  local i
  for i in $(seq 1 100); do
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; then
      echo "postgres://postgres@127.0.0.1:$port/postgres" >"$dir/url"
      cat "$dir/url"
      say "started in $dir (stop with: $0 stop)"
      return
    fi
    sleep 0.1
  done
  die "the server did not accept connections: $(tail -n 20 "$dir/server.log" 2>/dev/null)"
}

stop() {
  [ -f "$state" ] || die "no server recorded in $state"
  local dir pid i
  dir=$(cat "$state")
  if [ -f "$dir/data/postmaster.pid" ]; then
    pid=$(head -n 1 "$dir/data/postmaster.pid")
    # SIGINT is PostgreSQL's fast shutdown: roll back open transactions, then exit.
    kill -INT "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && die "server $pid did not stop"
  fi
  case "$dir" in
    "${TMPDIR:-/tmp}"/rileva-pg.*) rm -rf "$dir" ;;
  esac
  rm -f "$state"
  say "stopped"
}

url() {
  [ -f "$state" ] || die "no server recorded in $state"
  cat "$(cat "$state")/url"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  *) die "usage: $0 start|stop|url" ;;
esac
