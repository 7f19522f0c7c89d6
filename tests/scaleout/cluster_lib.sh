# shellcheck shell=bash
# Shared by run_scaleout_test.sh and run_scaleout_bench.sh: a scratch database on a MariaDB, N
# kinerja_server replicas on it and kinerja_gateway in front of them, all on 127.0.0.1.
# Source it after scripts/lib.sh, with BUILD and WORK set. Starts nothing by itself.
#
#   scaleout_read_db_env FILE        DB_HOST DB_PORT DB_USER DB_PASSWORD from a fixture env file
#   scaleout_db_sql SQL              runs SQL on DB_NAME
#   scaleout_server_sql SQL          runs SQL on no database (CREATE/DROP DATABASE)
#   scaleout_start_replica I [boot]  replica I (1-based); "boot": with the bootstrap administrator
#                                    (the first on an empty database: it also migrates)
#   scaleout_start_gateway           kinerja_gateway --servers <every replica started>
#   scaleout_stop_all                SIGTERM (then SIGKILL) to every process started here
# After a start: GRPC_PORT[I], ADMIN_PORT[I], SERVER_PID[I], HTTP_PORT, GATEWAY_PID; LOAD_BIN is
# kinerja_scaleout_load.
# shellcheck disable=SC2034  # LOAD_BIN, ADMIN_PORT and HTTP_PORT are for the scripts

SERVER_BIN="$BUILD/server/kinerja_server"
GATEWAY_BIN="$BUILD/gateway/kinerja_gateway"
LOAD_BIN="$BUILD/tests/scaleout/kinerja_scaleout_load"
ADMIN_NIP=196505051990031009
declare -a GRPC_PORT=() ADMIN_PORT=() SERVER_PID=()
HTTP_PORT="" GATEWAY_PID=""
DB_HOST="" DB_PORT="" DB_USER="" DB_PASSWORD="" DB_NAME="${DB_NAME:-}"

# Meets the password rules; no run of 8 digits (no NIP, no birth date).
while :; do
  ADMIN_PASSWORD="Skala-$(kinerja_random_secret 6)!"
  [[ "$ADMIN_PASSWORD" =~ [0-9]{8} ]] || break
done

scaleout_read_db_env() {
  local key value
  while IFS='=' read -r key value; do
    case "$key" in
      KINERJA_DB_HOST) DB_HOST="$value" ;;
      KINERJA_DB_PORT) DB_PORT="$value" ;;
      KINERJA_DB_USER) DB_USER="$value" ;;
      KINERJA_DB_PASSWORD) DB_PASSWORD="$value" ;;
    esac
  done <"$1"
  [[ -n "$DB_HOST" && -n "$DB_PORT" && -n "$DB_USER" ]] || kinerja_die "incomplete $1"
}

scaleout_server_sql() {
  MYSQL_PWD="$DB_PASSWORD" timeout 60 mariadb --no-defaults --protocol=TCP -h"$DB_HOST" \
    -P"$DB_PORT" -u"$DB_USER" --batch --skip-column-names -e "$1"
}
scaleout_db_sql() { scaleout_server_sql "USE $DB_NAME; $1"; }

# scaleout_wait_http URL SECONDS PID NAME [ANY]: until URL answers 200 (ANY: any HTTP status),
# while PID lives.
scaleout_wait_http() {
  local url="$1" deadline=$((SECONDS + $2)) pid="$3" name="$4" any="${5:-}" code
  while :; do
    kinerja_pid_running "$pid" || { kinerja_warn "$name exited during start-up"; return 1; }
    code="$(curl -s --noproxy '*' -o /dev/null -w '%{http_code}' --max-time 2 "$url" 2>/dev/null ||
      true)"
    [[ "$code" == 200 || (-n "$any" && "$code" =~ ^[1-5][0-9][0-9]$) ]] && return 0
    ((SECONDS < deadline)) || { kinerja_warn "$name: $url not ready (HTTP ${code:-000})"; return 1; }
    sleep 0.1
  done
}

scaleout_start_replica() {
  local i="$1" boot="${2:-}" grpc admin pid
  local -a env_boot=()
  [[ "$boot" == boot ]] && env_boot=(KINERJA_BOOTSTRAP_ADMIN_NIP="$ADMIN_NIP"
    KINERJA_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD")
  for _ in 1 2 3; do
    grpc="$(kinerja_free_port 20000 32000)" || kinerja_die "no free port"
    admin="$(kinerja_free_port 20000 32000)" || kinerja_die "no free port"
    [[ "$grpc" != "$admin" ]] || continue
    env KINERJA_LISTEN_HOST=127.0.0.1 KINERJA_GRPC_PORT="$grpc" KINERJA_ADMIN_PORT="$admin" \
      KINERJA_DB_HOST="$DB_HOST" KINERJA_DB_PORT="$DB_PORT" KINERJA_DB_USER="$DB_USER" \
      KINERJA_DB_PASSWORD="$DB_PASSWORD" KINERJA_DB_NAME="$DB_NAME" \
      KINERJA_DB_POOL_SIZE="${SCALEOUT_POOL_SIZE:-4}" KINERJA_SHUTDOWN_GRACE_S=5 "${env_boot[@]}" \
      "$SERVER_BIN" </dev/null >>"$WORK/server$i.log" 2>&1 &
    pid=$!
    if scaleout_wait_http "http://127.0.0.1:$admin/readyz" 90 "$pid" "kinerja_server $i"; then
      GRPC_PORT[i]="$grpc" ADMIN_PORT[i]="$admin" SERVER_PID[i]="$pid"
      kinerja_log "replica $i: gRPC 127.0.0.1:$grpc, admin 127.0.0.1:$admin, pid $pid"
      return 0
    fi
    kinerja_stop_pid "$pid" kinerja_server 10
  done
  kinerja_die "replica $i did not start (log: $WORK/server$i.log)"
}

# The gRPC addresses of replicas 1..K, comma-separated.
scaleout_endpoints() {
  local k="$1" i out=""
  for ((i = 1; i <= k; i++)); do out+="${out:+,}127.0.0.1:${GRPC_PORT[i]}"; done
  printf '%s\n' "$out"
}

scaleout_start_gateway() {
  local port pid servers
  servers="$(scaleout_endpoints "${#GRPC_PORT[@]}")"
  for _ in 1 2 3; do
    port="$(kinerja_free_port 20000 32000)" || kinerja_die "no free port"
    "$GATEWAY_BIN" --http_host 127.0.0.1 --http_port "$port" --servers "$servers" --web_dir "" \
      --access_log=false --shutdown_grace_s 2 </dev/null >>"$WORK/gateway.log" 2>&1 &
    pid=$!
    # No readiness endpoint on the gateway: any HTTP answer (401 without credentials) will do.
    if scaleout_wait_http "http://127.0.0.1:$port/v1/opds" 20 "$pid" kinerja_gateway any; then
      HTTP_PORT="$port" GATEWAY_PID="$pid"
      kinerja_log "gateway: http://127.0.0.1:$port -> $servers, pid $pid"
      return 0
    fi
    kinerja_stop_pid "$pid" kinerja_gateway 5
  done
  kinerja_die "kinerja_gateway did not start (log: $WORK/gateway.log)"
}

scaleout_stop_all() {
  local i
  if [[ -n "$GATEWAY_PID" ]]; then
    kinerja_stop_pid "$GATEWAY_PID" kinerja_gateway 10
    GATEWAY_PID=""
  fi
  for i in "${!SERVER_PID[@]}"; do
    kinerja_stop_pid "${SERVER_PID[i]}" kinerja_server 10
  done
  SERVER_PID=()
}
