#!/usr/bin/env bash
# A throwaway MariaDB for the integration tests (the ctest fixture "mariadb", see fixture.cmake).
#
#   tests/integration/mariadb_fixture.sh start DIR
#       Deletes DIR (stopping a server left running there), starts a fresh server through
#       scripts/mariadb.sh on a free 127.0.0.1 port, creates kinerja_test@'127.0.0.1' (and @'localhost')
#       with a random password and ALL PRIVILEGES ON *.* WITH GRANT OPTION (tests create and drop
#       their own databases), and writes DIR/env (mode 600), exactly four KEY=VALUE lines, no quotes:
#         KINERJA_DB_HOST=127.0.0.1
#         KINERJA_DB_PORT=<port>
#         KINERJA_DB_USER=kinerja_test
#         KINERJA_DB_PASSWORD=<48 hex characters>
#   tests/integration/mariadb_fixture.sh stop DIR
#       Shuts the server down and removes DIR.
#
# Every step is bounded; a smaller buffer pool than the dev server keeps it light
# (KINERJA_TEST_MARIADB_BUFFER_POOL, default 128M).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=scripts/mariadb.sh
source "$HERE/../../scripts/mariadb.sh"

usage() {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}

(($# == 2)) || usage
cmd="$1"
dir="$2"
[[ -n "$dir" && "$dir" != "/" ]] || kinerja_die "fixture: refusing directory '$dir'"

export KINERJA_MARIADB_BUFFER_POOL="${KINERJA_TEST_MARIADB_BUFFER_POOL:-128M}"
export KINERJA_MARIADB_WAIT="${KINERJA_MARIADB_WAIT:-60}"
TEST_USER=kinerja_test

fixture_stop() {
  if [[ -d "$dir" ]]; then
    mdb_configure "$dir" 1
    mdb_stop
    rm -rf "$dir"
  fi
}

fixture_start() {
  # Leftovers of an interrupted run: stop whatever still runs there, then start from nothing.
  fixture_stop

  local attempt port started=0
  for attempt in 1 2 3; do
    port="$(kinerja_free_port 20000 32000)" || kinerja_die "fixture: no free loopback port found"
    mdb_configure "$dir" "$port"
    # A subshell, so that a failed start (kinerja_die) can be retried on another port: the only
    # expected failure is losing a race for the port.
    if (mdb_start); then
      started=1
      break
    fi
    kinerja_warn "fixture: start on port $port failed (attempt $attempt)"
    (mdb_stop) || true
    rm -rf "$dir"
  done
  ((started)) || kinerja_die "fixture: could not start MariaDB in $dir"

  local password quoted host sql=""
  password="$(kinerja_random_secret 24)"
  quoted="$(mdb_sql_quote "$password")"
  for host in 127.0.0.1 localhost; do
    sql+="CREATE USER IF NOT EXISTS '$TEST_USER'@'$host' IDENTIFIED BY '$quoted';"$'\n'
    sql+="ALTER USER '$TEST_USER'@'$host' IDENTIFIED BY '$quoted';"$'\n'
    sql+="GRANT ALL PRIVILEGES ON *.* TO '$TEST_USER'@'$host' WITH GRANT OPTION;"$'\n'
  done
  timeout 60 mariadb --defaults-file="$MDB_CNF" --batch <<<"$sql" ||
    kinerja_die "fixture: could not create $TEST_USER"

  # Prove the TCP path the tests will use before declaring the fixture ready.
  MYSQL_PWD="$password" timeout 30 mariadb --no-defaults --protocol=TCP -h127.0.0.1 -P"$port" \
    -u"$TEST_USER" --connect-timeout=5 --batch -e 'SELECT 1' >/dev/null ||
    kinerja_die "fixture: $TEST_USER cannot log in over 127.0.0.1:$port"

  local tmp="$dir/env.tmp"
  (
    umask 077
    printf '%s\n' \
      "KINERJA_DB_HOST=127.0.0.1" \
      "KINERJA_DB_PORT=$port" \
      "KINERJA_DB_USER=$TEST_USER" \
      "KINERJA_DB_PASSWORD=$password" >"$tmp"
  )
  mv -f "$tmp" "$dir/env"
  kinerja_log "fixture: MariaDB ready on 127.0.0.1:$port; connection settings in $dir/env"
}

case "$cmd" in
  start) fixture_start ;;
  stop) fixture_stop ;;
  *) usage ;;
esac
