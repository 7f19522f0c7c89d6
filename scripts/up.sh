#!/usr/bin/env bash
# shellcheck disable=SC2317 # cleanup() and stop_gateway() run from traps
# THE RUN COMMAND: everything needed to use Kinerja locally, in the foreground.
#
#   1. installs missing Debian packages (scripts/deps.sh)
#   2. configures once (cmake --preset default) and builds (cmake --build build -j2)
#   3. starts a project-local MariaDB in .local/mariadb on 127.0.0.1:${KINERJA_DB_PORT:-13306}
#   4. creates database and user "kinerja" (password generated once into .local/secrets/db_password),
#      and generates once the demo passwords: .local/secrets/admin_password (the first BKPP
#      administrator's) and .local/secrets/demo_user_password (shared by the demo users)
#   5. starts build/server/kinerja_server (it applies migrations at start-up and, on a database without
#      any, creates the BKPP administrator: NIP 199003152015031002 with that password), waits for /readyz
#   6. loads demo data with build/tools/demo_data/kinerja_demo_data, signed in as that administrator
#      (the data loads once; every run makes sure the demo users have accounts with their password)
#   7. starts build/gateway/kinerja_gateway on 127.0.0.1:${KINERJA_GATEWAY_PORT:-8080}: the HTTP/JSON
#      API, the web console, /openapi.json and the /api page
#   8. prints the console's address, the other addresses and the demo credentials and waits; Ctrl-C
#      (or SIGTERM) stops what it started: gateway, server, then MariaDB
#
# Environment: KINERJA_DB_PORT (13306), KINERJA_GRPC_PORT (50051), KINERJA_ADMIN_PORT (9091),
#   KINERJA_LISTEN_HOST (127.0.0.1), KINERJA_READY_TIMEOUT seconds (120), KINERJA_SKIP_DEMO_DATA=1,
#   KINERJA_BOOTSTRAP_ADMIN_NIP (the demo administrator, 199003152015031002), and any other KINERJA_*
#   server setting, which is passed through to the server.
# Everything it writes lives in .local/ (ignored by git): mariadb/, logs/, secrets/, run/. The secrets
# are files of mode 600 in a directory of mode 700; they are passed in the environment, never as flags,
# and the server does not log them.
set -euo pipefail
# shellcheck source=scripts/mariadb.sh
source "$(dirname "${BASH_SOURCE[0]}")/mariadb.sh"
cd "$KINERJA_ROOT"

DB_PORT="${KINERJA_DB_PORT:-13306}"
GRPC_PORT="${KINERJA_GRPC_PORT:-50051}"
ADMIN_PORT="${KINERJA_ADMIN_PORT:-9091}"
LISTEN_HOST="${KINERJA_LISTEN_HOST:-127.0.0.1}"
READY_TIMEOUT="${KINERJA_READY_TIMEOUT:-120}"
DB_NAME=kinerja
DB_USER=kinerja

LOCAL_DIR="$KINERJA_ROOT/.local"
MARIADB_DIR="$LOCAL_DIR/mariadb"
LOG_DIR="$LOCAL_DIR/logs"
RUN_DIR="$LOCAL_DIR/run"
SECRETS_DIR="$LOCAL_DIR/secrets"
PASSWORD_FILE="$SECRETS_DIR/db_password"
ADMIN_PASSWORD_FILE="$SECRETS_DIR/admin_password"
DEMO_USER_PASSWORD_FILE="$SECRETS_DIR/demo_user_password"
DEMO_USERS_FILE="$RUN_DIR/demo_users.csv" # role,nip,name of the demo users, from kinerja_demo_data
SERVER_LOG="$LOG_DIR/server.log"
SERVER_PIDFILE="$RUN_DIR/server.pid"
UP_PIDFILE="$RUN_DIR/up.pid"
# Holds the pid of a MariaDB that up.sh started, so a later run adopts (and stops) it after a crash,
# but leaves alone one that was started by hand with scripts/mariadb.sh.
MARIADB_OWNER_FILE="$RUN_DIR/mariadb.owner"

SERVER_BIN="$KINERJA_ROOT/build/server/kinerja_server"
DEMO_DATA_BIN="$KINERJA_ROOT/build/tools/demo_data/kinerja_demo_data"
# The demo's BKPP administrator (kDemoAdminNip in tools/demo_data/model.h): an employee of BKPP in the
# demo data, and the account the server creates at its first start-up.
ADMIN_NIP="${KINERJA_BOOTSTRAP_ADMIN_NIP:-199003152015031002}"

case "${KINERJA_BENCHMARK_SKIP_AUTHORIZATION:-}" in
  "" | false | 0) ;;
  *) kinerja_die "KINERJA_BENCHMARK_SKIP_AUTHORIZATION turns authorization off and is for tests/bench only; unset it" ;;
esac

# ---- GATEWAY --------------------------------------------------------------------------------------
# The HTTP/JSON gateway in front of the server; it also serves the web console (build/gateway/web).
GATEWAY_PORT="${KINERJA_GATEWAY_PORT:-8080}"
GATEWAY_BIN="$KINERJA_ROOT/build/gateway/kinerja_gateway"
gateway_pid=""
start_gateway() {
  kinerja_port_in_use "$GATEWAY_PORT" &&
    kinerja_die "port $GATEWAY_PORT is in use; set KINERJA_GATEWAY_PORT to another port"
  kinerja_log "starting kinerja_gateway (http://127.0.0.1:$GATEWAY_PORT -> gRPC 127.0.0.1:$GRPC_PORT)"
  KINERJA_HTTP_HOST=127.0.0.1 KINERJA_HTTP_PORT="$GATEWAY_PORT" KINERJA_SERVERS="127.0.0.1:$GRPC_PORT" \
    setsid "$GATEWAY_BIN" </dev/null >>"$LOG_DIR/gateway.log" 2>&1 &
  gateway_pid=$!
  local i
  for ((i = 0; i < 50; i++)); do
    kinerja_port_in_use "$GATEWAY_PORT" && return 0
    kinerja_pid_alive "$gateway_pid" || kinerja_die "the gateway did not start; see $LOG_DIR/gateway.log"
    sleep 0.1
  done
  kinerja_die "the gateway did not listen within 5 s; see $LOG_DIR/gateway.log"
}
stop_gateway() {
  if [[ -n "$gateway_pid" ]]; then
    kinerja_stop_pid "$gateway_pid" gateway 30
    gateway_pid=""
  fi
}
# ---------------------------------------------------------------------------------------------------

server_pid=""
own_mariadb=0

cleanup() {
  local rc=$?
  set +e
  trap '' INT TERM HUP
  stop_gateway
  if [[ -n "$server_pid" ]]; then
    kinerja_log "stopping kinerja_server (pid $server_pid)"
    kinerja_stop_pid "$server_pid" kinerja_server 30
    rm -f "$SERVER_PIDFILE"
  fi
  if ((own_mariadb)); then
    mdb_stop
    rm -f "$MARIADB_OWNER_FILE"
  fi
  if [[ "$(kinerja_read_pid "$UP_PIDFILE")" == "$$" ]]; then
    rm -f "$UP_PIDFILE"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'kinerja_log "interrupted; shutting down"; exit 130' INT
trap 'kinerja_log "terminated; shutting down"; exit 143' TERM
trap 'exit 129' HUP

# One up.sh at a time: a second one would stop the first one's server below.
mkdir -p "$RUN_DIR" "$LOG_DIR"
other="$(kinerja_read_pid "$UP_PIDFILE")"
other_cmdline=""
if [[ -n "$other" && "$other" != "$$" ]] && kinerja_pid_running "$other"; then
  other_cmdline="$(tr '\0' ' ' 2>/dev/null <"/proc/$other/cmdline" || true)"
fi
if [[ "$other_cmdline" == *up.sh* ]]; then
  kinerja_die "scripts/up.sh is already running (pid $other); stop it with Ctrl-C there or 'kill $other'"
fi
echo "$$" >"$UP_PIDFILE"

# A server left behind by a killed run would hold the ports; it belongs to us, so stop it.
stop_stale_server() {
  local pid
  pid="$(kinerja_read_pid "$SERVER_PIDFILE")"
  if [[ -n "$pid" ]] && kinerja_pid_alive "$pid" kinerja_server; then
    kinerja_log "stopping kinerja_server left over from an earlier run (pid $pid)"
    kinerja_stop_pid "$pid" kinerja_server 30
  fi
  rm -f "$SERVER_PIDFILE"
}

check_ports_free() {
  local name port
  for name in GRPC_PORT ADMIN_PORT; do
    port="${!name}"
    if kinerja_port_in_use "$port"; then
      kinerja_die "port $port (KINERJA_${name}) is already in use; stop whatever listens there or choose another port"
    fi
  done
}

stop_stale_server
check_ports_free

# ---- 1-2. dependencies and build ------------------------------------------------------------------
"$KINERJA_ROOT/scripts/deps.sh"
if [[ ! -f build/build.ninja ]]; then
  kinerja_log "configuring: cmake --preset default"
  cmake --preset default || kinerja_die "cmake configure failed"
fi
kinerja_log "building: cmake --build build -j2"
cmake --build build -j2 || kinerja_die "build failed (see the compiler output above)"
[[ -x "$SERVER_BIN" ]] || kinerja_die "the build did not produce $SERVER_BIN"

# ---- 3. MariaDB -----------------------------------------------------------------------------------
mdb_configure "$MARIADB_DIR" "$DB_PORT"
running_pid="$(mdb_pid)"
if [[ -z "$running_pid" ]]; then
  own_mariadb=1 # about to start it (set now, so a Ctrl-C during start-up also stops it)
elif [[ "$(kinerja_read_pid "$MARIADB_OWNER_FILE")" == "$running_pid" ]]; then
  own_mariadb=1 # left running by an earlier up.sh that was killed: adopt it
fi
mdb_start
if ((MDB_STARTED)); then
  own_mariadb=1
fi
if ((own_mariadb)); then
  mdb_pid >"$MARIADB_OWNER_FILE"
fi
DB_PORT="$MDB_PORT" # mdb_start keeps the port of a server that was already running

# ---- 4. database, user and password ---------------------------------------------------------------
if [[ ! -s "$PASSWORD_FILE" ]]; then
  (
    umask 077
    mkdir -p "$SECRETS_DIR"
    kinerja_random_secret 24 >"$PASSWORD_FILE"
  )
  kinerja_log "generated a database password in ${PASSWORD_FILE#"$KINERJA_ROOT"/}"
fi
chmod 700 "$SECRETS_DIR"
chmod 600 "$PASSWORD_FILE"
DB_PASSWORD="$(<"$PASSWORD_FILE")"
mdb_ensure_db "$DB_NAME" "$DB_USER" "$DB_PASSWORD"

# new_demo_password: "Kinerja-" + 12 random hex characters + "!". It meets the server's password rules
# (at least 10 characters of at least 2 kinds: letters, digits, others) and, with no run of 8 digits,
# cannot contain a NIP or a birth date.
new_demo_password() {
  local pw
  while :; do
    pw="Kinerja-$(kinerja_random_secret 6)!"
    [[ "$pw" =~ [0-9]{8} ]] || break
  done
  printf '%s\n' "$pw"
}
# ensure_demo_secret FILE WHAT: generates the password into FILE once; later runs reuse it.
ensure_demo_secret() {
  if [[ ! -s "$1" ]]; then
    (
      umask 077
      new_demo_password >"$1"
    )
    kinerja_log "generated $2 in ${1#"$KINERJA_ROOT"/}"
  fi
  chmod 600 "$1"
}
ensure_demo_secret "$ADMIN_PASSWORD_FILE" "the BKPP administrator's password"
ensure_demo_secret "$DEMO_USER_PASSWORD_FILE" "the demo users' password"
ADMIN_PASSWORD="$(<"$ADMIN_PASSWORD_FILE")"
DEMO_USER_PASSWORD="$(<"$DEMO_USER_PASSWORD_FILE")"

# ---- 5. server ------------------------------------------------------------------------------------
stop_stale_server
check_ports_free
if [[ -f "$SERVER_LOG" ]]; then
  mv -f "$SERVER_LOG" "$SERVER_LOG.1"
fi
kinerja_log "starting kinerja_server (gRPC $LISTEN_HOST:$GRPC_PORT, admin $LISTEN_HOST:$ADMIN_PORT; log ${SERVER_LOG#"$KINERJA_ROOT"/})"
# setsid: Ctrl-C reaches only this script, which then stops the server and MariaDB in order.
KINERJA_DB_HOST=127.0.0.1 \
  KINERJA_DB_PORT="$DB_PORT" \
  KINERJA_DB_USER="$DB_USER" \
  KINERJA_DB_PASSWORD="$DB_PASSWORD" \
  KINERJA_DB_NAME="$DB_NAME" \
  KINERJA_GRPC_PORT="$GRPC_PORT" \
  KINERJA_ADMIN_PORT="$ADMIN_PORT" \
  KINERJA_LISTEN_HOST="$LISTEN_HOST" \
  KINERJA_BOOTSTRAP_ADMIN_NIP="$ADMIN_NIP" \
  KINERJA_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  setsid "$SERVER_BIN" </dev/null >>"$SERVER_LOG" 2>&1 &
server_pid=$!
echo "$server_pid" >"$SERVER_PIDFILE"

server_failed() {
  kinerja_log "--- last lines of ${SERVER_LOG#"$KINERJA_ROOT"/} ---"
  tail -n 30 "$SERVER_LOG" >&2 || true
  kinerja_die "$1 (full log: $SERVER_LOG)"
}

READY_URL="http://127.0.0.1:$ADMIN_PORT/readyz"
kinerja_log "waiting for $READY_URL (up to ${READY_TIMEOUT}s; migrations run at start-up)"
deadline=$((SECONDS + READY_TIMEOUT))
code="000"
while :; do
  if ! kinerja_pid_running "$server_pid"; then
    rc=0
    wait "$server_pid" || rc=$?
    server_pid=""
    server_failed "kinerja_server exited during start-up with code $rc"
  fi
  code="$(curl -s --noproxy '*' -o /dev/null -w '%{http_code}' --max-time 2 "$READY_URL" 2>/dev/null || true)"
  [[ "$code" == 200 ]] && break
  if ((SECONDS >= deadline)); then
    server_failed "kinerja_server not ready after ${READY_TIMEOUT}s ($READY_URL answered HTTP ${code:-000})"
  fi
  sleep 0.5
done
kinerja_log "server ready"

# ---- 6. demo data ---------------------------------------------------------------------------------
rm -f "$DEMO_USERS_FILE"
if [[ "${KINERJA_SKIP_DEMO_DATA:-0}" == 1 ]]; then
  kinerja_log "demo data: skipped (KINERJA_SKIP_DEMO_DATA=1)"
elif [[ -x "$DEMO_DATA_BIN" ]]; then
  kinerja_log "demo data: ${DEMO_DATA_BIN#"$KINERJA_ROOT"/} --target 127.0.0.1:$GRPC_PORT --admin_nip $ADMIN_NIP"
  # The passwords go in the environment of this one command only.
  KINERJA_DEMO_ADMIN_PASSWORD="$ADMIN_PASSWORD" KINERJA_DEMO_USER_PASSWORD="$DEMO_USER_PASSWORD" \
    "$DEMO_DATA_BIN" --target "127.0.0.1:$GRPC_PORT" --admin_nip "$ADMIN_NIP" \
    --write_demo_users "$DEMO_USERS_FILE" || {
    rc=$?
    kinerja_log "demo data failed (exit $rc). If the sign-in was refused: the server creates its administrator"
    kinerja_log "only on a database without one, so ${ADMIN_PASSWORD_FILE#"$KINERJA_ROOT"/} must be the file of that"
    kinerja_log "first start; to begin again from nothing, stop up.sh and remove .local/mariadb (all data)."
    kinerja_die "demo data loading failed; the server log is $SERVER_LOG. Set KINERJA_SKIP_DEMO_DATA=1 to start without it"
  }
else
  kinerja_log "demo data: ${DEMO_DATA_BIN#"$KINERJA_ROOT"/} does not exist yet; continuing without demo data"
fi

# ---- gateway and console --------------------------------------------------------------------------
start_gateway

# ---- 8. addresses, then wait ----------------------------------------------------------------------
print_addresses() {
  kinerja_log "Kinerja is running. Press Ctrl-C to stop the server and the local MariaDB."
  kinerja_log "  gRPC API      $LISTEN_HOST:$GRPC_PORT"
  kinerja_log "  admin         http://127.0.0.1:$ADMIN_PORT/healthz  /readyz  /metrics"
  kinerja_log "  MariaDB       127.0.0.1:$DB_PORT database $DB_NAME, user $DB_USER (password in ${PASSWORD_FILE#"$KINERJA_ROOT"/}); admin shell: scripts/mariadb.sh sql"
  kinerja_log "  HTTP/JSON API http://127.0.0.1:$GATEWAY_PORT/v1/... (the gateway; e.g. POST /v1/sessions:login)"
  kinerja_log "  API reference http://127.0.0.1:$GATEWAY_PORT/api  (OpenAPI: /openapi.json)"
  kinerja_log "  logs          ${SERVER_LOG#"$KINERJA_ROOT"/}  ${LOG_DIR#"$KINERJA_ROOT"/}/gateway.log  ${MDB_LOG#"$KINERJA_ROOT"/}"
  kinerja_log ""
  kinerja_log "  CONSOLE       http://127.0.0.1:$GATEWAY_PORT/   (sign in with a NIP and password below)"
}

# The demo credentials: sign in with IdentityService.Login {nip, password}, then send the session
# token as "authorization: Bearer <token>". The passwords come from .local/secrets/.
print_credentials() {
  local role nip name
  kinerja_log "Demo sign-in, in the console or with IdentityService.Login (passwords kept in ${SECRETS_DIR#"$KINERJA_ROOT"/}/):"
  kinerja_log "  BKPP administrator  NIP $ADMIN_NIP  password $ADMIN_PASSWORD"
  if [[ ! -s "$DEMO_USERS_FILE" ]]; then
    kinerja_log "  demo users          none (no demo data loaded in this run)"
    return 0
  fi
  kinerja_log "  demo users, each with password $DEMO_USER_PASSWORD:"
  while IFS=, read -r role nip name; do
    [[ "$role" == role ]] && continue # the header
    if [[ "$name" == \"*\" ]]; then  # an RFC 4180 quoted field
      name="${name:1:${#name}-2}"
      name="${name//\"\"/\"}"
    fi
    kinerja_log "$(printf '    %-13s %-19s %s' "$role" "$nip" "$name")"
  done <"$DEMO_USERS_FILE"
}
print_addresses
print_credentials

rc=0
wait "$server_pid" || rc=$?
# Reached only if the server exits by itself (a signal to this script runs the traps instead).
server_pid=""
rm -f "$SERVER_PIDFILE"
kinerja_log "--- last lines of ${SERVER_LOG#"$KINERJA_ROOT"/} ---"
tail -n 30 "$SERVER_LOG" >&2 || true
kinerja_log "kinerja_server exited with code $rc"
exit "$rc"
