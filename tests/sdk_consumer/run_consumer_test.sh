#!/usr/bin/env bash
# The installed SDK, used the way another city system would use it (ctest: sdk_install_consumer).
#
#   tests/sdk_consumer/run_consumer_test.sh BUILD_DIR [FLAGS]   (FLAGS: -fsanitize=... of a sanitized tree)
#
# 1. cmake --install BUILD_DIR --component sdk into BUILD_DIR/sdk-consumer/prefix (emptied first),
#    and checks that only the SDK's files went there (no server, no gateway);
# 2. configures tests/sdk_consumer against that prefix only (find_package(KinerjaSdk)), with Ninja
#    and ccache when present, in BUILD_DIR/sdk-consumer/build, and builds it;
# 3. runs the consumer's own mock test (the installed gMock connections);
# 4. starts BUILD_DIR/server/kinerja_server on free loopback ports against a new database on the
#    fixture's MariaDB (KINERJA_TEST_DB_ENV), with a bootstrap administrator;
# 5. runs the consumer against it (sign-in, Ping, GetMyAccount, GetEmployee, ...);
# and always stops the server and drops the database. Any failure fails the test.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=scripts/lib.sh
source "$HERE/../../scripts/lib.sh"

(($# == 1 || $# == 2)) || kinerja_die "usage: $0 BUILD_DIR [CONSUMER_COMPILE_AND_LINK_FLAGS]"
BUILD="$(cd "$1" && pwd -P)"
# The build tree's sanitizer flags (-fsanitize=...) when it is a sanitized one: its libraries need them.
EXTRA_FLAGS="${2:-}"
WORK="$BUILD/sdk-consumer"
PREFIX="$WORK/prefix"
CONSUMER_BUILD="$WORK/build"
SERVER_BIN="$BUILD/server/kinerja_server"
SERVER_LOG="$WORK/server.log"
ADMIN_NIP=196505051990031009
# Meets the password rules; no run of 8 digits, so it cannot contain a NIP or a birth date.
while :; do
  ADMIN_PASSWORD="Konsumen-$(kinerja_random_secret 6)!"
  [[ "$ADMIN_PASSWORD" =~ [0-9]{8} ]] || break
done

kinerja_require_cmd cmake mariadb curl
[[ -x "$SERVER_BIN" ]] || kinerja_die "$SERVER_BIN is missing: build the tree first"
[[ -n "${KINERJA_TEST_DB_ENV:-}" && -r "$KINERJA_TEST_DB_ENV" ]] ||
  kinerja_die "KINERJA_TEST_DB_ENV is not set or unreadable: run through ctest (fixture mariadb)"

# The fixture's env file: exactly KEY=VALUE lines; read them without evaluating anything.
DB_HOST="" DB_PORT="" DB_USER="" DB_PASSWORD=""
while IFS='=' read -r key value; do
  case "$key" in
    KINERJA_DB_HOST) DB_HOST="$value" ;;
    KINERJA_DB_PORT) DB_PORT="$value" ;;
    KINERJA_DB_USER) DB_USER="$value" ;;
    KINERJA_DB_PASSWORD) DB_PASSWORD="$value" ;;
  esac
done <"$KINERJA_TEST_DB_ENV"
[[ -n "$DB_HOST" && -n "$DB_PORT" && -n "$DB_USER" ]] ||
  kinerja_die "incomplete $KINERJA_TEST_DB_ENV"
DB_NAME="kinerja_sdkc_$$"

db_sql() {
  MYSQL_PWD="$DB_PASSWORD" timeout 30 mariadb --no-defaults --protocol=TCP -h"$DB_HOST" \
    -P"$DB_PORT" -u"$DB_USER" --batch -e "$1"
}

server_pid=""
cleanup() {
  local rc=$?
  if [[ -n "$server_pid" ]]; then
    kinerja_stop_pid "$server_pid" kinerja_server 20
  fi
  db_sql "DROP DATABASE IF EXISTS $DB_NAME" || true
  if ((rc != 0)) && [[ -f "$SERVER_LOG" ]]; then
    kinerja_log "--- last lines of $SERVER_LOG ---"
    tail -n 20 "$SERVER_LOG" >&2 || true
  fi
  exit "$rc"
}
trap cleanup EXIT

# ---- 1. install ---------------------------------------------------------------------------------
mkdir -p "$WORK"
rm -rf "$PREFIX"
kinerja_log "installing component sdk into $PREFIX"
cmake --install "$BUILD" --prefix "$PREFIX" --component sdk >"$WORK/install.log"
for f in lib/libkinerja_sdk.a lib/libkinerja_protos.a lib/cmake/KinerjaSdk/KinerjaSdkConfig.cmake \
  lib/cmake/KinerjaSdk/KinerjaSdkConfigVersion.cmake include/kinerja/sdk/kinerja_sdk.h \
  include/kinerja/sdk/version.h include/kinerja/sdk/mocks/mock_directory_connection.h \
  include/kinerja/v1/directory.grpc.pb.h include/kinerja/v1/directory_mock.grpc.pb.h \
  include/google/rpc/status.pb.h include/google/api/annotations.pb.h; do
  [[ -f "$PREFIX/$f" ]] || kinerja_die "install: $f is missing"
done
unexpected="$(cd "$PREFIX" && find . -type f ! -path './include/*' \
  ! -path './lib/cmake/KinerjaSdk/*' ! -name libkinerja_sdk.a ! -name libkinerja_protos.a)"
[[ -z "$unexpected" ]] || kinerja_die "install: unexpected files (server or gateway?): $unexpected"
if find "$PREFIX/include" -path '*server*' -o -path '*gateway*' | grep -q .; then
  kinerja_die "install: server or gateway headers were installed"
fi
[[ ! -e "$PREFIX/include/kinerja/sdk/version.h.in" ]] ||
  kinerja_die "install: version.h.in installed"

# ---- 2. configure and build the consumer against the prefix only --------------------------------
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# A generator change needs a fresh build directory.
wanted_generator="${generator[1]:-Unix Makefiles}"
if [[ -f "$CONSUMER_BUILD/CMakeCache.txt" ]] &&
  ! grep -q "^CMAKE_GENERATOR:INTERNAL=$wanted_generator\$" "$CONSUMER_BUILD/CMakeCache.txt"; then
  rm -rf "$CONSUMER_BUILD"
fi
kinerja_log "configuring tests/sdk_consumer with CMAKE_PREFIX_PATH=$PREFIX"
cmake -S "$HERE" -B "$CONSUMER_BUILD" "${generator[@]}" "${launcher[@]}" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_PREFIX_PATH="$PREFIX" \
  -DCMAKE_CXX_FLAGS="$EXTRA_FLAGS" -DCMAKE_EXE_LINKER_FLAGS="$EXTRA_FLAGS" >"$WORK/configure.log" ||
  { cat "$WORK/configure.log" >&2; kinerja_die "configuring the consumer failed"; }
grep -q "KinerjaSdk_DIR:PATH=$PREFIX/lib/cmake/KinerjaSdk" "$CONSUMER_BUILD/CMakeCache.txt" ||
  kinerja_die "the consumer did not find KinerjaSdk in $PREFIX"
kinerja_log "building the consumer"
cmake --build "$CONSUMER_BUILD" -j1 || kinerja_die "building the consumer failed"

# ---- 3. the consumer's mock test ----------------------------------------------------------------
"$CONSUMER_BUILD/kinerja_sdk_consumer_mock_test" || kinerja_die "the consumer's mock test failed"

# ---- 4. a server on the fixture's MariaDB -------------------------------------------------------
db_sql "CREATE DATABASE $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" ||
  kinerja_die "cannot create database $DB_NAME"
for attempt in 1 2 3; do
  grpc_port="$(kinerja_free_port 20000 32000)" || kinerja_die "no free port"
  admin_port="$(kinerja_free_port 20000 32000)" || kinerja_die "no free port"
  [[ "$grpc_port" != "$admin_port" ]] || continue
  kinerja_log "starting kinerja_server on 127.0.0.1:$grpc_port (attempt $attempt)"
  KINERJA_LISTEN_HOST=127.0.0.1 KINERJA_GRPC_PORT="$grpc_port" KINERJA_ADMIN_PORT="$admin_port" \
    KINERJA_DB_HOST="$DB_HOST" KINERJA_DB_PORT="$DB_PORT" KINERJA_DB_USER="$DB_USER" \
    KINERJA_DB_PASSWORD="$DB_PASSWORD" KINERJA_DB_NAME="$DB_NAME" KINERJA_DB_POOL_SIZE=2 \
    KINERJA_BOOTSTRAP_ADMIN_NIP="$ADMIN_NIP" KINERJA_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    KINERJA_SHUTDOWN_GRACE_S=5 \
    "$SERVER_BIN" </dev/null >"$SERVER_LOG" 2>&1 &
  server_pid=$!
  ready=0
  for ((i = 0; i < 600; i++)); do
    kinerja_pid_running "$server_pid" || break
    code="$(curl -s --noproxy '*' -o /dev/null -w '%{http_code}' --max-time 2 \
      "http://127.0.0.1:$admin_port/readyz" 2>/dev/null || true)"
    if [[ "$code" == 200 ]]; then
      ready=1
      break
    fi
    sleep 0.1
  done
  ((ready)) && break
  kinerja_warn "kinerja_server did not become ready (lost a port race?)"
  kinerja_stop_pid "$server_pid" kinerja_server 10
  server_pid=""
done
[[ -n "$server_pid" ]] || kinerja_die "kinerja_server did not start"

# ---- 5. the consumer against it -----------------------------------------------------------------
KINERJA_SDK_CONSUMER_PASSWORD="$ADMIN_PASSWORD" \
  "$CONSUMER_BUILD/kinerja_sdk_consumer" --target "127.0.0.1:$grpc_port" --nip "$ADMIN_NIP" ||
  kinerja_die "the consumer failed against the live server"
kinerja_log "sdk consumer: install, find_package, build and live calls all passed"
