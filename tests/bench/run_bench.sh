#!/usr/bin/env bash
# Directory benchmarks: produces the "Directory" section of BENCHMARKS.md, everything on loopback.
#
#   tests/bench/run_bench.sh                  full run (a few minutes on 2 cores), writes BENCHMARKS.md
#   BENCH_QUICK=1 tests/bench/run_bench.sh    smoke run (ctest bench_smoke): 1 s per scenario, 1 round,
#                                             3,000 demo employees, 2,000-row imports; the report goes to
#                                             a temporary file that is printed, not to BENCHMARKS.md
#
# Steps: a throwaway MariaDB (tests/integration/mariadb_fixture.sh), database kinerja_bench, the
# server (build/server/kinerja_server) on free loopback ports, whose first BKPP administrator is the
# demo administrator's NIP with a password made up for this run; a second server on the same
# database, once the first is ready, with authorization off
# (KINERJA_BENCHMARK_SKIP_AUTHORIZATION=true: every call runs as an administrator, no credentials or
# policy checked); the HTTP/JSON gateway (build/gateway/kinerja_gateway, its default settings) on a
# free loopback port in front of the first server; demo data and demo users loaded as that
# administrator (build/tools/demo_data/kinerja_demo_data); then ROUNDS interleaved rounds of [Ping,
# GetEmployee signed in, the same GetEmployee through the gateway (GET /v1/employees/{nip} with the
# same token, over 32 HTTP/1.1 keep-alive connections), GetEmployee on the second server without
# credentials, ListEmployees signed in, at 32 calls in flight; the raw prepared SELECT at the
# server's pool size], the median of the rounds taken per figure; then CSV imports
# (kinerja_import_bench, signed in) of SMALL and LARGE new rows and a re-run of the SMALL file. The
# gateway, the servers and MariaDB are stopped on exit, whatever happens. The cost of authorization
# is GetEmployee's rate signed in against the same on the second server; the cost of the gateway is
# GetEmployee through it against the same call over gRPC directly (rate and p99). A call through the
# gateway that is not a 200 carrying the NIP asked for fails the run.
#
# What it expects of the others:
#   kinerja_server   flags from the environment: KINERJA_DB_HOST/PORT/USER/PASSWORD/NAME,
#                    KINERJA_LISTEN_HOST, KINERJA_GRPC_PORT, KINERJA_ADMIN_PORT, KINERJA_DB_POOL_SIZE,
#                    KINERJA_SHUTDOWN_GRACE_S, KINERJA_BOOTSTRAP_ADMIN_NIP/PASSWORD (the first
#                    administrator of an empty database), KINERJA_BENCHMARK_SKIP_AUTHORIZATION; migrates
#                    an empty database at start; GET /readyz on the admin port answers 2xx once it
#                    serves; stops on SIGTERM; accepts 256 MiB messages.
#   kinerja_demo_data --target 127.0.0.1:PORT --admin_nip NIP --write_csv_dir DIR --employees N
#                    --write_demo_users FILE, with KINERJA_DEMO_ADMIN_PASSWORD and
#                    KINERJA_DEMO_USER_PASSWORD: signs in, loads OPDs, Pelaksana/Fungsional positions
#                    and N employees over gRPC, makes the demo users; exit 0 on success.
#   kinerja_gateway  flags from the environment: KINERJA_HTTP_HOST/HTTP_PORT, KINERJA_SERVERS,
#                    KINERJA_SHUTDOWN_GRACE_S; answers HTTP once it listens; stops on SIGTERM.
#   kinerja_loadgen, kinerja_import_bench --login_nip NIP with KINERJA_BENCH_PASSWORD: sign in first.
#
# Environment:
#   BUILD_DIR         built tree (default <repo>/build)
#   BENCH_QUICK=1     the smoke mode above
#   BENCH_STRICT=1    exit 1 when a target fails (otherwise targets are reported, not enforced)
#   BENCH_OUT         report file (default <repo>/BENCHMARKS.md; with BENCH_QUICK a temporary file)
#   BENCH_BUDGET_S    time budget of the whole run in seconds (default 570); every step is bounded by
#                     what is left of it
#   BENCH_ROUNDS, BENCH_DURATION_S   override the number of rounds and the seconds per scenario
# Exit status: 0 on a completed run, 1 when a step fails (or a target, with BENCH_STRICT=1).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(cd "$HERE/../.." && pwd -P)"
# shellcheck source=SCRIPTDIR/../../scripts/lib.sh
source "$ROOT/scripts/lib.sh"

INVOCATION="$(
  for v in BENCH_QUICK BENCH_STRICT BENCH_ROUNDS BENCH_DURATION_S BENCH_BUDGET_S BUILD_DIR; do
    if [[ -n "${!v:-}" ]]; then printf '%s=%q ' "$v" "${!v}"; fi
  done
  printf '%q' "$0"
  (($# == 0)) || printf ' %q' "$@"
)"

BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
QUICK="${BENCH_QUICK:-0}"
STRICT="${BENCH_STRICT:-0}"
BUDGET_S="${BENCH_BUDGET_S:-570}"
POOL_SIZE=8          # the server's connection pool, and the raw SELECT's concurrency
LOAD_CONCURRENCY=32  # calls in flight for every gRPC scenario
CHANNELS=4
TARGET_RATE_RATIO=0.4   # GetEmployee rate >= 0.4 x Ping rate
TARGET_P99_RATIO=2      # GetEmployee p99 <= 2 x Ping p99
TARGET_IMPORT_RATE=20000
TARGET_AUTH_RATIO=0.9   # GetEmployee rate signed in >= 0.9 x the same without authorization
TARGET_SKP_RATIO=0.3    # GetSkp rate >= 0.3 x Ping rate
TARGET_GW_RATE_RATIO=0.6  # GetEmployee through the gateway: rate >= 0.6 x the same call over gRPC
TARGET_GW_P99_RATIO=2     # ... and p99 <= 2 x its p99
# The server's first administrator: the demo administrator (kDemoAdminNip in tools/demo_data/model.h),
# who is also an employee of BKPP in the demo data. Its password is made up for each run.
BENCH_NIP=199003152015031002
if [[ "$QUICK" == 1 ]]; then
  ROUNDS="${BENCH_ROUNDS:-1}"
  DURATION_S="${BENCH_DURATION_S:-1}"
  WARMUP_S=0.5
  SKP_WARMUP_S=2
  DEMO_EMPLOYEES=3000
  IMPORT_SMALL=2000
  IMPORT_LARGE=2000
else
  ROUNDS="${BENCH_ROUNDS:-5}"
  DURATION_S="${BENCH_DURATION_S:-5}"
  WARMUP_S=1
  SKP_WARMUP_S=10
  DEMO_EMPLOYEES=15000
  IMPORT_SMALL=15000
  IMPORT_LARGE=100000
fi
[[ "$ROUNDS" =~ ^[1-9]$ ]] || kinerja_die "bench: BENCH_ROUNDS must be 1..9"
if ! [[ "$DURATION_S" =~ ^[0-9]+$ ]] || ((DURATION_S < 1 || DURATION_S > 60)); then
  kinerja_die "bench: BENCH_DURATION_S must be 1..60"
fi
[[ "$BUDGET_S" =~ ^[0-9]+$ ]] || kinerja_die "bench: BENCH_BUDGET_S must be a number of seconds"

# bench_password: a throwaway password that meets the server's rules (at least 10 characters, letters,
# digits and others; no run of 8 digits, so it contains no NIP and no birth date). Kept in memory only.
bench_password() {
  local pw
  while :; do
    pw="Bench-$(kinerja_random_secret 8)!"
    [[ "$pw" =~ [0-9]{8} ]] || break
  done
  printf '%s' "$pw"
}
BENCH_ADMIN_PASSWORD="$(bench_password)"
BENCH_USER_PASSWORD="$(bench_password)"

SERVER="$BUILD_DIR/server/kinerja_server"
GATEWAY="$BUILD_DIR/gateway/kinerja_gateway"
DEMO="$BUILD_DIR/tools/demo_data/kinerja_demo_data"
LOADGEN="$BUILD_DIR/tests/bench/kinerja_loadgen"
DB_BENCH="$BUILD_DIR/tests/bench/kinerja_db_bench"
IMPORT_BENCH="$BUILD_DIR/tests/bench/kinerja_import_bench"
FIXTURE="$ROOT/tests/integration/mariadb_fixture.sh"
for exe in "$SERVER" "$GATEWAY" "$DEMO" "$LOADGEN" "$DB_BENCH" "$IMPORT_BENCH"; do
  [[ -x "$exe" ]] || kinerja_die "bench: $exe is missing; build the tree first (cmake --build $BUILD_DIR)"
done
[[ -x "$FIXTURE" ]] || kinerja_die "bench: $FIXTURE is missing"
kinerja_require_cmd mariadb curl timeout awk sed sort

# ---------------------------------------------------------------------------------------------------
# Time budget, clean-up

START_S=$SECONDS
CLEANUP_RESERVE_S=40  # stopping the server and MariaDB

# bounded SECONDS CMD...: runs CMD with a timeout of SECONDS, or less if the budget is running out.
bounded() {
  local want="$1" left
  shift
  left=$((BUDGET_S - (SECONDS - START_S) - CLEANUP_RESERVE_S))
  ((left > 0)) || kinerja_die "bench: time budget of ${BUDGET_S}s exhausted before: $*"
  ((want < left)) || want=$left
  timeout --kill-after=5 "$want" "$@"
}

# The script's own stdout and stderr, for the clean-up: a signal trap runs inside whatever
# redirection the interrupted command had (e.g. 2>>loadgen.log). Long-lived children get them closed.
exec 8>&1 9>&2

WORK="$(mktemp -d "${TMPDIR:-/tmp}/kinerja-bench.XXXXXX")"
DB_DIR="$WORK/mariadb"
RESULTS="$WORK/results"
mkdir -p "$RESULTS"
SERVER_PID=""    # the server, with authentication and authorization
SERVER_B_PID=""  # the same on the same database with authorization off (the cost of authorization)
GATEWAY_PID=""   # the HTTP/JSON gateway in front of the first server
DB_STARTED=0

# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
  local rc=$?
  set +e
  exec 1>&8 2>&9
  if [[ -n "$GATEWAY_PID" ]]; then  # first: it calls the server
    kinerja_stop_pid "$GATEWAY_PID" kinerja_gateway 15
  fi
  if [[ -n "$SERVER_B_PID" ]]; then
    kill -TERM "$SERVER_B_PID" 2>/dev/null # both stop at once; kinerja_stop_pid waits below
  fi
  if [[ -n "$SERVER_PID" ]]; then
    kinerja_stop_pid "$SERVER_PID" kinerja_server 15
  fi
  if [[ -n "$SERVER_B_PID" ]]; then
    kinerja_stop_pid "$SERVER_B_PID" kinerja_server 15
  fi
  if ((DB_STARTED)); then
    timeout 60 "$FIXTURE" stop "$DB_DIR" >>"$WORK/fixture.log" 2>&1 ||
      kinerja_warn "bench: MariaDB in $DB_DIR did not stop cleanly (see $WORK/fixture.log)"
  fi
  if ((rc == 0)); then
    rm -rf "$WORK"
  else
    local log
    for log in server.log server_unchecked.log gateway.log; do
      if [[ -s "$WORK/$log" ]]; then
        kinerja_warn "bench: last lines of $log:"
        tail -n 20 "$WORK/$log" >&2
      fi
    done
    kinerja_warn "bench: failed (exit $rc); logs kept in $WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------------
# Small helpers

# json_field FILE KEY: the value of a flat JSON member (numbers, booleans, simple strings).
json_field() {
  sed -n "s/.*\"$2\":\"\{0,1\}\([^,\"}]*\).*/\1/p" "$1" | head -n 1
}

# median_of SCENARIO KEY: median over the rounds of KEY in results/SCENARIO.r*.json.
median_of() {
  local f
  for f in "$RESULTS/$1".r*.json; do json_field "$f" "$2"; done |
    sort -g | awk '{ v[NR] = $1 } END {
      if (NR == 0) { print 0; exit }
      if (NR % 2) { print v[(NR + 1) / 2] } else { print (v[NR / 2] + v[NR / 2 + 1]) / 2 } }'
}

# rounds_of SCENARIO KEY: the values of every round, "a / b / c".
rounds_of() {
  local f out=""
  for f in "$RESULTS/$1".r*.json; do out+="${out:+ / }$(fmt_int "$(json_field "$f" "$2")")"; done
  printf '%s' "$out"
}

# calc A B: A / B with 2 decimals (3 below 0.1); "n/a" when B is zero or empty.
calc() {
  awk -v a="$1" -v d="$2" 'BEGIN {
    if (d + 0 == 0) { print "n/a"; exit }
    r = a / d
    printf (r < 1 ? "%.3f" : "%.2f"), r }'
}
# exact A B: A / B unrounded, for the verdicts (a ratio shown as 0.30 may be 0.296); "n/a" when B
# is zero or empty.
exact() { awk -v a="$1" -v d="$2" 'BEGIN { if (d + 0 == 0) print "n/a"; else printf "%.9f", a / d }'; }
# ge A B / le A B: numeric comparisons (false on "n/a").
# shellcheck disable=SC2317  # invoked through verdict
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "n/a" && a + 0 >= b + 0) }'; }
# shellcheck disable=SC2317
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "n/a" && a + 0 <= b + 0) }'; }
# fmt_int N: rounded, with thousands separators.
fmt_int() { printf '%.0f' "${1:-0}" | sed -E ':a;s/^(-?[0-9]+)([0-9]{3})/\1,\2/;ta'; }

# verdict CMD...: PASS when CMD succeeds, else FAIL. (Called in $(...), so failures are counted
# from the finished report, not here.)
verdict() { if "$@"; then echo PASS; else echo FAIL; fi; }

# ---------------------------------------------------------------------------------------------------
# MariaDB, the server, demo data

if [[ "$QUICK" == 1 ]]; then MODE=quick; else MODE=full; fi
kinerja_log "bench: work directory $WORK ($MODE mode)"
DB_STARTED=1
bounded 120 "$FIXTURE" start "$DB_DIR" >"$WORK/fixture.log" 2>&1 8>&- 9>&- ||
  kinerja_die "bench: MariaDB did not start (see $WORK/fixture.log)"
# The fixture writes exactly KEY=VALUE lines (no quotes) for KINERJA_DB_HOST/PORT/USER/PASSWORD.
while IFS='=' read -r key value; do
  case "$key" in
    KINERJA_DB_HOST | KINERJA_DB_PORT | KINERJA_DB_USER | KINERJA_DB_PASSWORD) export "$key=$value" ;;
  esac
done <"$DB_DIR/env"
[[ -n "${KINERJA_DB_PORT:-}" && -n "${KINERJA_DB_PASSWORD:-}" ]] ||
  kinerja_die "bench: $DB_DIR/env lacks the connection settings"
export KINERJA_DB_NAME=kinerja_bench
export MYSQL_PWD="$KINERJA_DB_PASSWORD"  # for the mariadb client: keeps the password out of `ps`

# shellcheck disable=SC2153  # KINERJA_DB_HOST comes from the fixture's env file
db_sql() {
  bounded 60 mariadb --no-defaults --protocol=TCP \
    -h"$KINERJA_DB_HOST" -P"$KINERJA_DB_PORT" -u"$KINERJA_DB_USER" --batch --skip-column-names "$@"
}
db_sql -e "CREATE DATABASE IF NOT EXISTS kinerja_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
DB_VERSION="$(db_sql -e 'SELECT VERSION()')"

# pick_port VAR: a free loopback port, different from every port picked before, into VAR.
USED_PORTS="$KINERJA_DB_PORT"
pick_port() {
  local p i
  for ((i = 0; i < 50; i++)); do
    p="$(kinerja_free_port 20000 32000)" || break
    if [[ " $USED_PORTS " != *" $p "* ]]; then
      USED_PORTS+=" $p"
      printf -v "$1" '%s' "$p"
      return 0
    fi
  done
  kinerja_die "bench: no free port"
}
pick_port GRPC_PORT
pick_port ADMIN_PORT
pick_port GRPC_PORT_B
pick_port ADMIN_PORT_B
pick_port GATEWAY_PORT
TARGET="127.0.0.1:$GRPC_PORT"
TARGET_B="127.0.0.1:$GRPC_PORT_B"

# start_server PID_VAR LOG GRPC_PORT ADMIN_PORT [VAR=VALUE...]: starts the server in the background with
# the bench settings plus VAR=VALUE in its environment, and puts its pid into PID_VAR (at once, for the
# clean-up). Its log (a line per call) keeps only the last 500 lines.
start_server() {
  local pid_var="$1" log="$2" grpc="$3" admin="$4"
  shift 4
  env KINERJA_LISTEN_HOST=127.0.0.1 KINERJA_GRPC_PORT="$grpc" KINERJA_ADMIN_PORT="$admin" \
    KINERJA_DB_POOL_SIZE="$POOL_SIZE" KINERJA_SHUTDOWN_GRACE_S=5 "$@" \
    "$SERVER" > >(tail -n 500 >"$log") 2>&1 8>&- 9>&- &
  printf -v "$pid_var" '%s' "$!"  # env execs the server: this is the server's pid
}

# wait_ready PID ADMIN_PORT NAME: waits up to 60 s for GET /readyz.
wait_ready() {
  local start=$SECONDS
  while ((SECONDS - start < 60)); do
    kinerja_pid_running "$1" || kinerja_die "bench: $3 exited during start-up"
    if curl -fsS --max-time 2 "http://127.0.0.1:$2/readyz" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.1
  done
  kinerja_die "bench: $3 was not ready within 60 s"
}

kinerja_log "bench: starting the server on $TARGET (admin $ADMIN_PORT)"
start_server SERVER_PID "$WORK/server.log" "$GRPC_PORT" "$ADMIN_PORT" \
  KINERJA_BOOTSTRAP_ADMIN_NIP="$BENCH_NIP" KINERJA_BOOTSTRAP_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD"
wait_ready "$SERVER_PID" "$ADMIN_PORT" "the server"
# Started only now: the first server has applied the migrations, so the two never race for them.
kinerja_log "bench: starting a second server with authorization off on $TARGET_B (admin $ADMIN_PORT_B)"
start_server SERVER_B_PID "$WORK/server_unchecked.log" "$GRPC_PORT_B" "$ADMIN_PORT_B" \
  KINERJA_BENCHMARK_SKIP_AUTHORIZATION=true
wait_ready "$SERVER_B_PID" "$ADMIN_PORT_B" "the server with authorization off"

kinerja_log "bench: starting the gateway on 127.0.0.1:$GATEWAY_PORT in front of $TARGET"
# Its default settings but the address, the server and a short stop (as the servers' 5 s).
env KINERJA_HTTP_HOST=127.0.0.1 KINERJA_HTTP_PORT="$GATEWAY_PORT" KINERJA_SERVERS="$TARGET" \
  KINERJA_SHUTDOWN_GRACE_S=5 "$GATEWAY" > >(tail -n 500 >"$WORK/gateway.log") 2>&1 8>&- 9>&- &
GATEWAY_PID=$!  # env execs the gateway
gw_start=$SECONDS
# Ready once it answers HTTP at all (a path no route has: 404 without calling the server).
gw_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 2 \
    "http://127.0.0.1:$GATEWAY_PORT/v1/bench-readiness-probe" 2>/dev/null || true
}
until [[ "$(gw_status)" =~ ^[1-5][0-9]{2}$ ]]; do
  kinerja_pid_running "$GATEWAY_PID" || kinerja_die "bench: the gateway exited during start-up"
  ((SECONDS - gw_start < 30)) || kinerja_die "bench: the gateway did not answer within 30 s"
  sleep 0.1
done

kinerja_log "bench: loading $DEMO_EMPLOYEES demo employees and the demo users, signed in as $BENCH_NIP"
demo_start=$SECONDS
KINERJA_DEMO_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" KINERJA_DEMO_USER_PASSWORD="$BENCH_USER_PASSWORD" \
  bounded 300 "$DEMO" --target "$TARGET" --admin_nip "$BENCH_NIP" --write_csv_dir "$WORK/csv" \
  --employees "$DEMO_EMPLOYEES" --write_demo_users "$WORK/demo_users.csv" \
  >"$WORK/demo.log" 2>&1 || {
  tail -n 20 "$WORK/demo.log" >&2
  kinerja_die "bench: demo data failed (see $WORK/demo.log)"
}
DEMO_S=$((SECONDS - demo_start))
N_DEMO_USERS=$(($(wc -l <"$WORK/demo_users.csv") - 1))
read -r N_EMPLOYEES N_OPDS N_POSITIONS <<<"$(db_sql kinerja_bench -e \
  'SELECT (SELECT COUNT(*) FROM employees), (SELECT COUNT(*) FROM opds), (SELECT COUNT(*) FROM positions)')"

# SKPs for GetSkp: one APPROVED 2026 plan per open assignment, each with 3 RHK of 2 IKI and 2
# expectations (a typical plan's size), written with SQL: the API path is measured, not the loading.
db_sql kinerja_bench -e "
  INSERT INTO skps (assignment_id, nip, opd_id, position_id, year, approach, state, start_date)
    SELECT id, nip, opd_id, position_id, 2026, 'SKP_APPROACH_KUANTITATIF', 'SKP_STATE_APPROVED',
      '2026-01-01' FROM assignments WHERE end_date IS NULL;
  INSERT INTO skp_rhks (skp_id, ordinal, kind, text, approved)
    SELECT s.id, q.seq, IF(q.seq = 0, 'RHK_KIND_UTAMA', 'RHK_KIND_TAMBAHAN'),
      CONCAT('Rencana hasil kerja ', q.seq + 1, ' pegawai ', s.nip), TRUE
    FROM skps s JOIN seq_0_to_2 q;
  INSERT INTO skp_ikis (rhk_id, ordinal, text, aspect, target, unit)
    SELECT r.id, q.seq, CONCAT('Indikator ', q.seq + 1), 'IKI_ASPECT_KUANTITAS', '12', 'dokumen'
    FROM skp_rhks r JOIN seq_0_to_1 q;
  INSERT INTO skp_expectations (skp_id, value, text)
    SELECT s.id, v.value, 'Ekspektasi khusus pimpinan' FROM skps s
    JOIN (SELECT 'BERAKHLAK_AKUNTABEL' AS value UNION ALL SELECT 'BERAKHLAK_KOLABORATIF') v;" ||
  kinerja_die "bench: loading SKPs failed"
db_sql kinerja_bench -e "SELECT CONCAT('employees/', nip, '/skps/', id) FROM skps ORDER BY nip" \
  >"$WORK/skp_names.txt"
N_SKPS="$(wc -l <"$WORK/skp_names.txt")"

# ---------------------------------------------------------------------------------------------------
# Interleaved rounds

run_loadgen() {  # LABEL SCENARIO TARGET ROUND [LOADGEN ARGS...]
  local label="$1" scenario="$2" target="$3" round="$4"
  shift 4
  KINERJA_BENCH_PASSWORD="$BENCH_ADMIN_PASSWORD" bounded $((DURATION_S + 60)) "$LOADGEN" \
    --target "$target" --scenario "$scenario" \
    --concurrency "$LOAD_CONCURRENCY" --channels "$CHANNELS" --duration_s "$DURATION_S" \
    --warmup_s "$WARMUP_S" --nip_cache_file "$WORK/nips.txt" "$@" \
    >"$RESULTS/$label.r$round.json" 2>>"$WORK/loadgen.log" ||
    kinerja_die "bench: kinerja_loadgen $label failed (see $WORK/loadgen.log)"
}
run_db() {  # ROUND
  bounded $((DURATION_S + 60)) "$DB_BENCH" --db_name kinerja_bench --concurrency "$POOL_SIZE" \
    --duration_s "$DURATION_S" --warmup_s "$WARMUP_S" \
    >"$RESULTS/select.r$1.json" 2>>"$WORK/db_bench.log" ||
    kinerja_die "bench: kinerja_db_bench failed (see $WORK/db_bench.log)"
}

# CPU used by the gateway and the server during the GetEmployee scenarios (user + system ticks from
# /proc), to tell where the time of a call through the gateway goes: TICKS[scenario:process].
CLK_TCK="$(getconf CLK_TCK)"
declare -A TICKS
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
with_cpu() {  # SCENARIO CMD...: runs CMD and adds the gateway's and the server's ticks to TICKS
  local s="$1" g0 v0
  shift
  g0="$(cpu_ticks "$GATEWAY_PID")"
  v0="$(cpu_ticks "$SERVER_PID")"
  "$@"
  TICKS[$s:gateway]=$((${TICKS[$s:gateway]:-0} + $(cpu_ticks "$GATEWAY_PID") - g0))
  TICKS[$s:server]=$((${TICKS[$s:server]:-0} + $(cpu_ticks "$SERVER_PID") - v0))
}

# The server's plan cache starts empty, and a plan first read costs its whole aggregate (four
# queries); the rounds measure a server that has read every plan once, as one does after its first
# minutes. One pass over the plans, not counted.
kinerja_log "bench: reading every SKP once (the plan cache's warm-up)"
run_loadgen get_skp_warmup get_skp "$TARGET" 0 --login_nip "$BENCH_NIP" \
  --skp_names_file "$WORK/skp_names.txt" --duration_s "$SKP_WARMUP_S" --warmup_s 0
rm -f "$RESULTS"/get_skp_warmup.r0.json

for ((r = 1; r <= ROUNDS; r++)); do
  kinerja_log "bench: round $r of $ROUNDS"
  run_loadgen ping ping "$TARGET" "$r" # public: no credentials, the bare gRPC baseline
  with_cpu get_employee \
    run_loadgen get_employee get_employee "$TARGET" "$r" --login_nip "$BENCH_NIP"
  # The same calls, NIPs and token through the gateway: 32 keep-alive connections, one call on each.
  with_cpu get_employee_gateway run_loadgen get_employee_gateway http_get_employee "$TARGET" "$r" \
    --login_nip "$BENCH_NIP" --http_target "127.0.0.1:$GATEWAY_PORT"
  gw_errors="$(json_field "$RESULTS/get_employee_gateway.r$r.json" errors)"
  if [[ "$gw_errors" != 0 ]]; then
    kinerja_die "bench: $gw_errors call(s) through the gateway failed in round $r:" \
      "$(sed -n 's/.*"error_kinds":\({[^}]*}\).*"first_error":\(".*"\)}$/\1 first: \2/p' \
        "$RESULTS/get_employee_gateway.r$r.json")"
  fi
  # The same client, token and all: only the server's authentication and policy check differ.
  run_loadgen get_employee_unchecked get_employee "$TARGET_B" "$r" --login_nip "$BENCH_NIP"
  run_loadgen list_employees list_employees "$TARGET" "$r" --login_nip "$BENCH_NIP"
  run_loadgen get_skp get_skp "$TARGET" "$r" --login_nip "$BENCH_NIP" \
    --skp_names_file "$WORK/skp_names.txt"
  run_db "$r"
done

# ---------------------------------------------------------------------------------------------------
# CSV imports

run_import() {  # LABEL ARGS...
  local label="$1"
  shift
  KINERJA_BENCH_PASSWORD="$BENCH_ADMIN_PASSWORD" bounded 240 "$IMPORT_BENCH" --target "$TARGET" \
    --login_nip "$BENCH_NIP" --label "$label" --deadline_s 230 "$@" \
    >"$RESULTS/$label.json" 2>>"$WORK/import.log" ||
    kinerja_die "bench: kinerja_import_bench $label failed (see $WORK/import.log)"
}
kinerja_log "bench: CSV imports of $IMPORT_SMALL and $IMPORT_LARGE rows, then a re-run"
run_import import_small --rows "$IMPORT_SMALL" --write_csv "$WORK/import_small.csv"
run_import import_large --rows "$IMPORT_LARGE"
run_import reimport_small --csv_file "$WORK/import_small.csv"

# ---------------------------------------------------------------------------------------------------
# The report

SCENARIOS=(ping get_employee get_employee_gateway get_employee_unchecked list_employees get_skp select)
# Every GetEmployee/ListEmployees scenario sends a session token (a guard against a mix-up): the
# unchecked one too, so that only the server's check differs.
for f in "$RESULTS"/get_employee.r*.json "$RESULTS"/list_employees.r*.json "$RESULTS"/get_skp.r*.json \
  "$RESULTS"/get_employee_unchecked.r*.json "$RESULTS"/get_employee_gateway.r*.json; do
  [[ "$(json_field "$f" signed_in)" == true ]] || kinerja_die "bench: $f was not signed in"
done
declare -A M  # M[scenario:key]: median over the rounds
for s in "${SCENARIOS[@]}"; do
  for k in rate p50_us p90_us p99_us errors; do
    M[$s:$k]="$(median_of "$s" "$k")"
  done
done
get_rate_ratio="$(calc "${M[get_employee:rate]}" "${M[ping:rate]}")"
get_p99_ratio="$(calc "${M[get_employee:p99_us]}" "${M[ping:p99_us]}")"
list_rate_ratio="$(calc "${M[list_employees:rate]}" "${M[ping:rate]}")"
list_p99_ratio="$(calc "${M[list_employees:p99_us]}" "${M[ping:p99_us]}")"
get_select_ratio="$(calc "${M[get_employee:rate]}" "${M[select:rate]}")"
auth_ratio="$(calc "${M[get_employee:rate]}" "${M[get_employee_unchecked:rate]}")"
skp_rate_ratio="$(calc "${M[get_skp:rate]}" "${M[ping:rate]}")"
gw_rate_ratio="$(calc "${M[get_employee_gateway:rate]}" "${M[get_employee:rate]}")"
gw_p99_ratio="$(calc "${M[get_employee_gateway:p99_us]}" "${M[get_employee:p99_us]}")"
# cpu_per_call SCENARIO PROCESS: µs of CPU per call, the ticks of the whole runs (warm-up included)
# over the calls of warm-up and window, estimated as rate x (warm-up + window) for each round.
cpu_per_call() {
  local f calls=0
  for f in "$RESULTS/$1".r*.json; do
    calls="$(awk -v c="$calls" -v r="$(json_field "$f" rate)" -v t="$(awk -v d="$DURATION_S" \
      -v w="$WARMUP_S" 'BEGIN { print d + w }')" 'BEGIN { print c + r * t }')"
  done
  awk -v t="${TICKS[$1:$2]:-0}" -v hz="$CLK_TCK" -v c="$calls" 'BEGIN {
    if (c + 0 == 0) { print 0; exit }
    printf "%.1f", t / hz * 1e6 / c }'
}
cpu_gw="$(cpu_per_call get_employee_gateway gateway)"
cpu_gw_server="$(cpu_per_call get_employee_gateway server)"
cpu_direct_server="$(cpu_per_call get_employee server)"
total_errors=0
for s in "${SCENARIOS[@]}"; do
  for f in "$RESULTS/$s".r*.json; do
    total_errors=$((total_errors + $(json_field "$f" errors)))
  done
done

import_row() {  # LABEL TITLE: one table row for a first import
  local f="$RESULTS/$1.json" rate rows expected created ratio result
  rate="$(json_field "$f" rows_per_s)"
  rows="$(json_field "$f" rows)"
  expected="$(json_field "$f" expected_rows)"
  created="$(json_field "$f" employees_created)"
  ratio="$(calc "$rate" "$TARGET_IMPORT_RATE")"
  result="$(verdict ge "$rate" "$TARGET_IMPORT_RATE")"
  if [[ "$rows" != "$expected" || "$created" != "$expected" ]]; then
    result="FAIL (server counted $rows rows, created $created, of $expected)"
  fi
  printf '| %s | %s rows/s (%s s) | the target, %s rows/s | %s | ≥ %s rows/s | %s |\n' "$2" \
    "$(fmt_int "$rate")" "$(json_field "$f" seconds)" "$(fmt_int "$TARGET_IMPORT_RATE")" "$ratio" \
    "$(fmt_int "$TARGET_IMPORT_RATE")" "$result"
}

small_rate="$(json_field "$RESULTS/import_small.json" rows_per_s)"
re_rate="$(json_field "$RESULTS/reimport_small.json" rows_per_s)"
re_rows="$(json_field "$RESULTS/reimport_small.json" rows)"
re_unchanged="$(json_field "$RESULTS/reimport_small.json" rows_unchanged)"
re_expected="$(json_field "$RESULTS/reimport_small.json" expected_rows)"

SECTION="$WORK/section.md"
{
  echo "<!-- bench:directory:start -->"
  echo "## Directory"
  echo
  echo "Written by \`tests/bench/run_bench.sh\`; do not edit between the markers."
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(
    [[ -n "$(git -C "$ROOT" status --porcelain 2>/dev/null)" ]] && echo ' (with uncommitted changes)')"
  echo "- Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'),"\
    "$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM;"\
    "load average at the start $(cut -d' ' -f1-3 /proc/loadavg); MariaDB $DB_VERSION"
  echo "- Command: \`$INVOCATION\`$([[ "$QUICK" == 1 ]] && echo ' (quick mode: figures are not representative)')"
  echo "- Set-up, all on loopback on this one machine (the load generators, the server and MariaDB share" \
    "the CPUs): the server with a pool of $POOL_SIZE connections; demo data of $(fmt_int "$N_EMPLOYEES")" \
    "employees, $N_OPDS OPDs, $(fmt_int "$N_POSITIONS") positions and $N_DEMO_USERS demo users (loaded in" \
    "${DEMO_S} s); for the cost of authorization, a second server with the same settings on the same" \
    "database, started with \`KINERJA_BENCHMARK_SKIP_AUTHORIZATION=true\` (every call runs as an" \
    "administrator without looking at credentials or the policy), idle while the first is measured;" \
    "the client sends its session token to both, so only the server's check differs; the HTTP/JSON" \
    "gateway (\`kinerja_gateway\`, default settings: 2 HTTP threads, each with its own HTTP/2 connection to the server) in front of" \
    "the first server."
  echo "- Method: $ROUNDS interleaved round(s) of Ping (public, no credentials), GetEmployee signed in as a" \
    "BKPP administrator (session token), the same GetEmployee through the gateway" \
    "(\`GET /v1/employees/{nip}\` with \`Authorization: Bearer <token>\`, $LOAD_CONCURRENCY HTTP/1.1" \
    "keep-alive connections with one call in flight on each, Boost.Beast client in \`kinerja_loadgen\`;" \
    "a call counts only as a 200 whose JSON carries the NIP asked for), GetEmployee with the same" \
    "token on the second server," \
    "ListEmployees signed in (page of 50, filter rotating over the OPDs) with $LOAD_CONCURRENCY calls in" \
    "flight over $CHANNELS channels, then the raw prepared \`SELECT ... FROM employees WHERE nip = ?\` on" \
    "$POOL_SIZE connections; each ${DURATION_S} s after a ${WARMUP_S} s warm-up. Each figure is the median" \
    "of the rounds; latencies are exact percentiles of every call. Imports (signed in) are timed by the" \
    "client from building the request to the response. GetEmployee cycles through every NIP of the" \
    "demo data; the server answers a record it read less than 2 s before from its employee cache" \
    "(per replica; writes through the server invalidate it at once; \`--employee_cache_ttl_ms\`), and" \
    "reads the others from MariaDB in coalesced batches. GetSkp cycles through every plan, after one" \
    "uncounted pass of ${SKP_WARMUP_S} s over them all (the plan cache starts empty), as the" \
    "administrator: access needs no employee record for an administrator or the employee" \
    "themself (a superior's read does, as GetEmployee's); the server answers from its plan cache" \
    "(per replica) a plan the database confirmed less than 2 s before, by a probe of its own or by" \
    "the change feed each replica polls every 0.5 s (writes through the server are seen at once," \
    "through another within a poll; \`--skp_cache_ttl_ms\`), and probes the others' versions in" \
    "coalesced batches (storage/skp_cache.h). CPU per call: the process's user + system" \
    "time (/proc) over the GetEmployee runs, divided by rate x (warm-up + window) summed over the" \
    "rounds; the load generators' own CPU is not in it."
  echo
  echo "Ratio is Value / Baseline, both from this run."
  echo
  echo "| Figure | Value | Baseline | Ratio | Target | Result |"
  echo "|---|---|---|---|---|---|"
  printf '| GetEmployee rate | %s calls/s | Ping %s calls/s | %s | ≥ %s × Ping | %s |\n' \
    "$(fmt_int "${M[get_employee:rate]}")" "$(fmt_int "${M[ping:rate]}")" "$get_rate_ratio" \
    "$TARGET_RATE_RATIO" "$(verdict ge "$(exact "${M[get_employee:rate]}" "${M[ping:rate]}")" "$TARGET_RATE_RATIO")"
  printf '| GetEmployee p99 | %s µs | Ping p99 %s µs | %s | ≤ %s × Ping | %s |\n' \
    "$(fmt_int "${M[get_employee:p99_us]}")" "$(fmt_int "${M[ping:p99_us]}")" "$get_p99_ratio" \
    "$TARGET_P99_RATIO" "$(verdict le "$(exact "${M[get_employee:p99_us]}" "${M[ping:p99_us]}")" "$TARGET_P99_RATIO")"
  printf '| GetSkp rate (an approved plan: 3 RHK, 6 IKI, 2 expectations; %s plans cycled) | %s calls/s | Ping %s calls/s | %s | ≥ %s × Ping | %s |\n' \
    "$(fmt_int "$N_SKPS")" "$(fmt_int "${M[get_skp:rate]}")" "$(fmt_int "${M[ping:rate]}")" \
    "$skp_rate_ratio" "$TARGET_SKP_RATIO" "$(verdict ge "$(exact "${M[get_skp:rate]}" "${M[ping:rate]}")" "$TARGET_SKP_RATIO")"
  printf '| Cost of authorization: GetEmployee rate signed in, against the same without the policy check | %s calls/s | unchecked %s calls/s | %s | ≥ %s × unchecked | %s |\n' \
    "$(fmt_int "${M[get_employee:rate]}")" "$(fmt_int "${M[get_employee_unchecked:rate]}")" \
    "$auth_ratio" "$TARGET_AUTH_RATIO" "$(verdict ge "$(exact "${M[get_employee:rate]}" "${M[get_employee_unchecked:rate]}")" "$TARGET_AUTH_RATIO")"
  printf '| GetEmployee through the gateway (HTTP/JSON), rate | %s calls/s | over gRPC directly %s calls/s | %s | ≥ %s × direct | %s |\n' \
    "$(fmt_int "${M[get_employee_gateway:rate]}")" "$(fmt_int "${M[get_employee:rate]}")" \
    "$gw_rate_ratio" "$TARGET_GW_RATE_RATIO" "$(verdict ge "$(exact "${M[get_employee_gateway:rate]}" "${M[get_employee:rate]}")" "$TARGET_GW_RATE_RATIO")"
  printf '| GetEmployee through the gateway (HTTP/JSON), p99 | %s µs | over gRPC directly %s µs | %s | ≤ %s × direct | %s |\n' \
    "$(fmt_int "${M[get_employee_gateway:p99_us]}")" "$(fmt_int "${M[get_employee:p99_us]}")" \
    "$gw_p99_ratio" "$TARGET_GW_P99_RATIO" "$(verdict le "$(exact "${M[get_employee_gateway:p99_us]}" "${M[get_employee:p99_us]}")" "$TARGET_GW_P99_RATIO")"
  printf '| CPU per GetEmployee call through the gateway: gateway + server | %s µs + %s µs | the server, over gRPC directly: %s µs | %s | informational | |\n' \
    "$cpu_gw" "$cpu_gw_server" "$cpu_direct_server" \
    "$(calc "$(awk -v a="$cpu_gw" -v b="$cpu_gw_server" 'BEGIN { print a + b }')" "$cpu_direct_server")"
  printf '| ListEmployees rate | %s calls/s | Ping %s calls/s | %s | informational | |\n' \
    "$(fmt_int "${M[list_employees:rate]}")" "$(fmt_int "${M[ping:rate]}")" "$list_rate_ratio"
  printf '| ListEmployees p99 | %s µs | Ping p99 %s µs | %s | informational | |\n' \
    "$(fmt_int "${M[list_employees:p99_us]}")" "$(fmt_int "${M[ping:p99_us]}")" "$list_p99_ratio"
  printf '| Raw SELECT rate (database ceiling, %s connections) | %s queries/s | | | informational | |\n' \
    "$POOL_SIZE" "$(fmt_int "${M[select:rate]}")"
  printf '| GetEmployee rate against the raw SELECT | %s calls/s | SELECT %s queries/s | %s | informational | |\n' \
    "$(fmt_int "${M[get_employee:rate]}")" "$(fmt_int "${M[select:rate]}")" "$get_select_ratio"
  import_row import_small "CSV import, $(fmt_int "$IMPORT_SMALL") new rows"
  import_row import_large "CSV import, $(fmt_int "$IMPORT_LARGE") new rows"
  printf '| CSV re-import of the %s-row file (idempotent) | %s rows/s, %s of %s rows unchanged | first import %s rows/s | %s | unchanged = rows | %s |\n' \
    "$(fmt_int "$IMPORT_SMALL")" "$(fmt_int "$re_rate")" "$(fmt_int "$re_unchanged")" \
    "$(fmt_int "$re_expected")" "$(fmt_int "$small_rate")" "$(calc "$re_rate" "$small_rate")" \
    "$(verdict test "$re_unchanged" = "$re_expected" -a "$re_rows" = "$re_expected")"
  printf '| Failed calls in all rounds | %s | | | 0 | %s |\n' "$total_errors" \
    "$(verdict test "$total_errors" -eq 0)"
  echo
  echo "Every scenario, median of the rounds (the rates of each round in the last column):"
  echo
  echo "| Scenario | Rate /s | p50 µs | p90 µs | p99 µs | Errors | Rate of each round |"
  echo "|---|---|---|---|---|---|---|"
  for s in "${SCENARIOS[@]}"; do
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$s" "$(fmt_int "${M[$s:rate]}")" \
      "$(fmt_int "${M[$s:p50_us]}")" "$(fmt_int "${M[$s:p90_us]}")" "$(fmt_int "${M[$s:p99_us]}")" \
      "$(fmt_int "${M[$s:errors]}")" "$(rounds_of "$s" rate)"
  done
  echo
  echo "<!-- bench:directory:end -->"
} >"$SECTION"
# verdict ran in command substitutions (subshells): count the failures from the section itself.
FAILS="$(grep -c '| FAIL' "$SECTION" || true)"

if [[ "$QUICK" == 1 ]]; then
  OUT="${BENCH_OUT:-$WORK/BENCHMARKS.md}"
else
  OUT="${BENCH_OUT:-$ROOT/BENCHMARKS.md}"
fi
tmp_out="$OUT.tmp.$$"
if [[ -f "$OUT" ]] && grep -q '<!-- bench:directory:start -->' "$OUT" &&
  grep -q '<!-- bench:directory:end -->' "$OUT"; then
  # Replace the marked section, keep everything else.
  awk -v section="$SECTION" '
    /<!-- bench:directory:start -->/ { while ((getline line < section) > 0) print line; skip = 1; next }
    /<!-- bench:directory:end -->/ { skip = 0; next }
    !skip { print }' "$OUT" >"$tmp_out"
elif [[ -f "$OUT" ]]; then
  { cat "$OUT"; echo; cat "$SECTION"; } >"$tmp_out"
else
  {
    echo "# Benchmarks"
    echo
    echo "Each figure is measured in one run beside its baseline, with the machine and the command that"
    echo "produced it. Sections are rewritten by the scripts under \`tests/bench/\`."
    echo
    cat "$SECTION"
  } >"$tmp_out"
fi
mv -f "$tmp_out" "$OUT"

cat "$SECTION"
kinerja_log "bench: report written to $OUT; $FAILS target(s) failed; $((SECONDS - START_S)) s in all"
if [[ "$STRICT" == 1 ]] && ((FAILS > 0)); then
  kinerja_log "bench: BENCH_STRICT=1 and $FAILS target(s) failed"
  exit 1
fi
exit 0
