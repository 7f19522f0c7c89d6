#!/usr/bin/env bash
# shellcheck disable=SC2317 # cleanup() runs from a trap
# Browser tests of the admin console, end to end on loopback:
#
#   tests/browser/run_browser_tests.sh BUILD_DIR
#
#   1. a MariaDB of its own (tests/integration/mariadb_fixture.sh) in BUILD_DIR/tests/browser/run/,
#      and an empty database in it
#   2. BUILD_DIR/server/kinerja_server with a bootstrap BKPP administrator (an employee of the test
#      organisation), on free ports; login_lock_after=3 so the lock-out test needs few attempts
#   3. BUILD_DIR/gateway/kinerja_gateway serving the console from BUILD_DIR/gateway/web
#   4. the organisation of fixtures/org.mjs and the SKP chain of fixtures/skp.mjs loaded through the
#      gateway's HTTP API (seed_org.mjs, seed_skp.mjs)
#   5. node --test *.test.mjs in headless Chromium (/usr/bin/chromium) with BASE_URL and
#      SCREENSHOT_DIR=BUILD_DIR/tests/browser/screenshots
# Everything it started is stopped on exit, also after a failure or Ctrl-C; a run left behind by a
# killed one is cleaned up first. Passwords are generated for each run and passed in the environment,
# never printed. Logs: BUILD_DIR/tests/browser/logs (their tails are printed when something fails).
# Exit 77 (ctest: skipped) when tests/browser/node_modules is missing and CI is unset.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=scripts/lib.sh
source "$HERE/../../scripts/lib.sh"

(($# == 1)) || kinerja_die "usage: $0 BUILD_DIR"
[[ -d "$1" ]] || kinerja_die "build directory '$1' does not exist"
BUILD_DIR="$(cd "$1" && pwd -P)"

SERVER_BIN="$BUILD_DIR/server/kinerja_server"
GATEWAY_BIN="$BUILD_DIR/gateway/kinerja_gateway"
WEB_DIR="$BUILD_DIR/gateway/web"
WORK_DIR="$BUILD_DIR/tests/browser"
LOG_DIR="$WORK_DIR/logs"
RUN_DIR="$WORK_DIR/run"
DB_DIR="$RUN_DIR/mariadb"
SCREENSHOT_DIR="$WORK_DIR/screenshots"
CHROMIUM="${KINERJA_BT_CHROMIUM:-/usr/bin/chromium}"
DB_NAME=kinerja_browser
TESTS_TIMEOUT=150 # seconds for all the node tests together

# ---- prerequisites --------------------------------------------------------------------------------
if [[ ! -f "$HERE/node_modules/playwright-core/package.json" ]]; then
  case "${CI:-}" in
    "" | false | 0)
      echo "SKIPPED: tests/browser/node_modules is missing; run scripts/deps.sh (npm ci --prefix tests/browser)"
      exit 77
      ;;
    *) kinerja_die "tests/browser/node_modules is missing (CI=$CI): scripts/deps.sh must run npm ci --prefix tests/browser" ;;
  esac
fi
kinerja_require_cmd node curl mariadb
[[ -x "$CHROMIUM" ]] || kinerja_die "$CHROMIUM not found: install Debian's chromium (apt-get install chromium; scripts/deps.sh)"
for f in "$SERVER_BIN" "$GATEWAY_BIN"; do
  [[ -x "$f" ]] || kinerja_die "$f not found: build it first (cmake --build $BUILD_DIR)"
done
[[ -f "$WEB_DIR/index.html" && -f "$WEB_DIR/assets/app.js" ]] ||
  kinerja_die "the console is not built in $WEB_DIR: build the kinerja_console target"

mkdir -p "$LOG_DIR" "$RUN_DIR" "$SCREENSHOT_DIR"
rm -f "$SCREENSHOT_DIR"/*.png

# ---- clean-up, also of a run that was killed --------------------------------------------------------
stop_recorded() { # stop_recorded NAME COMM: the process whose pid RUN_DIR/NAME.pid holds, if still ours
  local pid
  pid="$(kinerja_read_pid "$RUN_DIR/$1.pid")"
  if [[ -n "$pid" ]] && kinerja_pid_alive "$pid" "$2"; then
    kinerja_stop_pid "$pid" "$2" 20
  fi
  rm -f "$RUN_DIR/$1.pid"
}

failed=1
cleanup() {
  local rc=$?
  set +e
  trap '' INT TERM HUP
  stop_recorded gateway kinerja_gateway
  stop_recorded server kinerja_server
  "$HERE/../integration/mariadb_fixture.sh" stop "$DB_DIR" >/dev/null 2>&1
  if ((rc != 0 || failed)); then
    local log
    for log in "$LOG_DIR/server.log" "$LOG_DIR/gateway.log"; do
      [[ -s "$log" ]] || continue
      echo "----- last lines of $log -----" >&2
      tail -n 40 "$log" >&2
    done
  fi
  ((rc == 0 && failed)) && rc=1
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

stop_recorded gateway kinerja_gateway
stop_recorded server kinerja_server

# ---- 1. MariaDB and a database --------------------------------------------------------------------
"$HERE/../integration/mariadb_fixture.sh" start "$DB_DIR"
declare -A DB
while IFS='=' read -r key value; do
  DB["$key"]="$value"
done <"$DB_DIR/env"
MYSQL_PWD="${DB[KINERJA_DB_PASSWORD]}" timeout 30 mariadb --no-defaults --protocol=TCP \
  -h"${DB[KINERJA_DB_HOST]}" -P"${DB[KINERJA_DB_PORT]}" -u"${DB[KINERJA_DB_USER]}" --batch \
  -e "DROP DATABASE IF EXISTS $DB_NAME; CREATE DATABASE $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" ||
  kinerja_die "could not create the database $DB_NAME"

# ---- secrets ----------------------------------------------------------------------------------------
new_password() { # "Kinerja-<hex>!": meets the password rules; no run of 8 digits (no NIP, no birth date)
  local pw
  while :; do
    pw="Kinerja-$(kinerja_random_secret 8)!"
    [[ "$pw" =~ [0-9]{8} ]] || break
  done
  printf '%s\n' "$pw"
}
KINERJA_BT_ADMIN_PASSWORD="$(new_password)"
KINERJA_BT_OPERATOR_PASSWORD="$(new_password)"
KINERJA_BT_LOCKOUT_PASSWORD="$(new_password)"
KINERJA_BT_SKP_PASSWORD="$(new_password)"
export KINERJA_BT_ADMIN_PASSWORD KINERJA_BT_OPERATOR_PASSWORD KINERJA_BT_LOCKOUT_PASSWORD KINERJA_BT_SKP_PASSWORD
ADMIN_NIP="$(cd "$HERE" && node --input-type=module -e \
  "import('./fixtures/org.mjs').then((m) => console.log(m.ADMIN.nip))")"
[[ "$ADMIN_NIP" =~ ^[0-9]{18}$ ]] || kinerja_die "fixtures/org.mjs gave no administrator NIP"

# ---- 2. server ----------------------------------------------------------------------------------------
wait_http() { # wait_http URL SECONDS PID NAME: until URL answers 200, while PID lives
  local url="$1" secs="$2" pid="$3" name="$4" deadline=$((SECONDS + $2)) code
  while :; do
    kinerja_pid_running "$pid" || { kinerja_warn "$name exited during start-up"; return 1; }
    code="$(curl -s --noproxy '*' -o /dev/null -w '%{http_code}' --max-time 2 "$url" 2>/dev/null || true)"
    [[ "$code" == 200 ]] && return 0
    ((SECONDS < deadline)) || { kinerja_warn "$name: $url not ready after ${secs}s (HTTP ${code:-000})"; return 1; }
    sleep 0.3
  done
}

start_server() {
  GRPC_PORT="$(kinerja_free_port 20000 32000)" && ADMIN_PORT="$(kinerja_free_port 20000 32000)" || return 1
  [[ "$GRPC_PORT" != "$ADMIN_PORT" ]] || return 1
  env KINERJA_DB_HOST="${DB[KINERJA_DB_HOST]}" KINERJA_DB_PORT="${DB[KINERJA_DB_PORT]}" \
    KINERJA_DB_USER="${DB[KINERJA_DB_USER]}" KINERJA_DB_PASSWORD="${DB[KINERJA_DB_PASSWORD]}" \
    KINERJA_DB_NAME="$DB_NAME" KINERJA_DB_POOL_SIZE=4 \
    KINERJA_LISTEN_HOST=127.0.0.1 KINERJA_GRPC_PORT="$GRPC_PORT" KINERJA_ADMIN_PORT="$ADMIN_PORT" \
    KINERJA_BOOTSTRAP_ADMIN_NIP="$ADMIN_NIP" KINERJA_BOOTSTRAP_ADMIN_PASSWORD="$KINERJA_BT_ADMIN_PASSWORD" \
    KINERJA_LOGIN_LOCK_AFTER=3 \
    setsid "$SERVER_BIN" </dev/null >>"$LOG_DIR/server.log" 2>&1 &
  echo $! >"$RUN_DIR/server.pid"
  wait_http "http://127.0.0.1:$ADMIN_PORT/readyz" 90 "$!" kinerja_server && return 0
  stop_recorded server kinerja_server
  return 1
}

start_gateway() {
  HTTP_PORT="$(kinerja_free_port 20000 32000)" || return 1
  setsid "$GATEWAY_BIN" --http_host 127.0.0.1 --http_port "$HTTP_PORT" --servers "127.0.0.1:$GRPC_PORT" \
    --web_dir "$WEB_DIR" </dev/null >>"$LOG_DIR/gateway.log" 2>&1 &
  echo $! >"$RUN_DIR/gateway.pid"
  wait_http "http://127.0.0.1:$HTTP_PORT/" 20 "$!" kinerja_gateway && return 0
  stop_recorded gateway kinerja_gateway
  return 1
}

: >"$LOG_DIR/server.log"
: >"$LOG_DIR/gateway.log"
# A free port can be taken by someone else before we bind it: try again on other ports.
for attempt in 1 2 3; do
  start_server && break
  ((attempt < 3)) || kinerja_die "kinerja_server did not start (log: $LOG_DIR/server.log)"
done
kinerja_log "kinerja_server ready: gRPC 127.0.0.1:$GRPC_PORT, admin 127.0.0.1:$ADMIN_PORT"
for attempt in 1 2 3; do
  start_gateway && break
  ((attempt < 3)) || kinerja_die "kinerja_gateway did not start (log: $LOG_DIR/gateway.log)"
done
BASE_URL="http://127.0.0.1:$HTTP_PORT"
kinerja_log "kinerja_gateway ready: $BASE_URL"

# ---- 3. data, 4. tests ----------------------------------------------------------------------------
export BASE_URL SCREENSHOT_DIR KINERJA_BT_CHROMIUM="$CHROMIUM"
(cd "$HERE" && timeout 120 node seed_org.mjs) || kinerja_die "loading the test organisation failed"

mapfile -t test_files < <(cd "$HERE" && ls -1 ./*.test.mjs)
kinerja_log "running ${#test_files[@]} test files in headless Chromium; screenshots in $SCREENSHOT_DIR"
(cd "$HERE" && timeout --kill-after=10 "$TESTS_TIMEOUT" \
  node --test --test-concurrency=1 --test-reporter=spec "${test_files[@]}")
failed=0
