# A kinerja_server for a test script, on a new database of an existing MariaDB (sourced, not run).
#
#   source tests/sdk/live_server.sh
#   live_server_start BUILD_DIR DB_ENV_FILE WORK_DIR [POOL_SIZE]
#   ... 127.0.0.1:$LIVE_GRPC_PORT, bootstrap administrator $LIVE_ADMIN_NIP / $LIVE_ADMIN_PASSWORD
#   live_server_stop           (also drops the database; call it from the script's EXIT trap)
#
# DB_ENV_FILE is the fixture's env file (KINERJA_DB_HOST/PORT/USER/PASSWORD lines), read without
# evaluating it. The server listens on free loopback ports (retried if a port race is lost) and
# logs to WORK_DIR/server.log; live_server_stop prints its last lines when the script failed.
# Needs scripts/lib.sh sourced first.

LIVE_ADMIN_NIP=196505051990031009
LIVE_GRPC_PORT=""
LIVE_ADMIN_PORT=""
LIVE_ADMIN_PASSWORD=""
_live_server_pid=""
_live_db_name=""
_live_log=""
_live_db=()

_live_sql() {
  MYSQL_PWD="${_live_db[3]}" timeout 30 mariadb --no-defaults --protocol=TCP -h"${_live_db[0]}" \
    -P"${_live_db[1]}" -u"${_live_db[2]}" --batch -e "$1"
}

live_server_start() {
  local build="$1" env_file="$2" work="$3" pool="${4:-2}" key value attempt i code
  local bin="$build/server/kinerja_server"
  [[ -x "$bin" ]] || kinerja_die "$bin is missing: build the tree first"
  [[ -r "$env_file" ]] || kinerja_die "no MariaDB env file at '$env_file'"
  local host="" port="" user="" password=""
  while IFS='=' read -r key value; do
    case "$key" in
      KINERJA_DB_HOST) host="$value" ;;
      KINERJA_DB_PORT) port="$value" ;;
      KINERJA_DB_USER) user="$value" ;;
      KINERJA_DB_PASSWORD) password="$value" ;;
    esac
  done <"$env_file"
  [[ -n "$host" && -n "$port" && -n "$user" ]] || kinerja_die "incomplete $env_file"
  _live_db=("$host" "$port" "$user" "$password")
  mkdir -p "$work"
  _live_log="$work/server.log"
  # Meets the password rules; no run of 8 digits, so it cannot contain a NIP or a birth date.
  while :; do
    LIVE_ADMIN_PASSWORD="Uji-Langsung-$(kinerja_random_secret 6)!"
    [[ "$LIVE_ADMIN_PASSWORD" =~ [0-9]{8} ]] || break
  done
  _live_db_name="kinerja_live_$$_${RANDOM}"
  _live_sql "CREATE DATABASE $_live_db_name CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" ||
    kinerja_die "cannot create database $_live_db_name"
  for attempt in 1 2 3; do
    LIVE_GRPC_PORT="$(kinerja_free_port 20000 32000)" || kinerja_die "no free port"
    LIVE_ADMIN_PORT="$(kinerja_free_port 20000 32000)" || kinerja_die "no free port"
    [[ "$LIVE_GRPC_PORT" != "$LIVE_ADMIN_PORT" ]] || continue
    KINERJA_LISTEN_HOST=127.0.0.1 KINERJA_GRPC_PORT="$LIVE_GRPC_PORT" \
      KINERJA_ADMIN_PORT="$LIVE_ADMIN_PORT" KINERJA_DB_HOST="$host" KINERJA_DB_PORT="$port" \
      KINERJA_DB_USER="$user" KINERJA_DB_PASSWORD="$password" KINERJA_DB_NAME="$_live_db_name" \
      KINERJA_DB_POOL_SIZE="$pool" KINERJA_BOOTSTRAP_ADMIN_NIP="$LIVE_ADMIN_NIP" \
      KINERJA_BOOTSTRAP_ADMIN_PASSWORD="$LIVE_ADMIN_PASSWORD" KINERJA_SHUTDOWN_GRACE_S=5 \
      "$bin" </dev/null >"$_live_log" 2>&1 &
    _live_server_pid=$!
    for ((i = 0; i < 600; i++)); do
      kinerja_pid_running "$_live_server_pid" || break
      code="$(curl -s --noproxy '*' -o /dev/null -w '%{http_code}' --max-time 2 \
        "http://127.0.0.1:$LIVE_ADMIN_PORT/readyz" 2>/dev/null || true)"
      [[ "$code" == 200 ]] && return 0
      sleep 0.1
    done
    kinerja_warn "kinerja_server did not become ready (attempt $attempt; lost a port race?)"
    kinerja_stop_pid "$_live_server_pid" kinerja_server 10
    _live_server_pid=""
  done
  kinerja_die "kinerja_server did not start: $(tail -n 5 "$_live_log")"
}

live_server_stop() {
  local rc="${1:-0}"
  if [[ -n "$_live_server_pid" ]]; then
    kinerja_stop_pid "$_live_server_pid" kinerja_server 20
    _live_server_pid=""
  fi
  if [[ -n "$_live_db_name" ]]; then
    _live_sql "DROP DATABASE IF EXISTS $_live_db_name" || true
    _live_db_name=""
  fi
  if ((rc != 0)) && [[ -f "$_live_log" ]]; then
    kinerja_log "--- last lines of $_live_log ---"
    tail -n 20 "$_live_log" >&2 || true
  fi
}
