#!/usr/bin/env bash
# SDK benchmark: the "Client SDK" section of BENCHMARKS.md - GetEmployee through the C++ SDK
# beside the raw generated stub, same server, same run.
#
#   tests/bench/run_sdk_bench.sh                         writes the section into BENCHMARKS.md
#   BENCH_OUT=/tmp/x.md tests/bench/run_sdk_bench.sh     (ctest sdk_bench_smoke) into another file
#
# Starts a throwaway MariaDB and kinerja_server on loopback with a bootstrap administrator,
# loads BENCH_EMPLOYEES employees through the SDK (kinerja_sdk_live_seed: ImportEmployees), then
# runs kinerja_sdk_bench: BENCH_ROUNDS interleaved rounds of BENCH_SECONDS each of GetEmployee
# with BENCH_THREADS blocking callers, through the raw stub and through DirectoryClient.
# Target: SDK rate / raw rate at least 0.95.
# Environment: BUILD_DIR (default <repo>/build), BENCH_OUT, BENCH_ROUNDS (5), BENCH_SECONDS (3),
# BENCH_THREADS (32), BENCH_EMPLOYEES (500), BENCH_ENFORCE (1; 0: a ratio below the target does
# not fail the script - the smoke test's 1-second rounds on a shared machine are too noisy for it).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(cd "$HERE/../.." && pwd -P)"
source "$ROOT/scripts/lib.sh"
source "$ROOT/tests/sdk/live_server.sh"

BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
OUT="${BENCH_OUT:-$ROOT/BENCHMARKS.md}"
ROUNDS="${BENCH_ROUNDS:-5}"
SECONDS_PER_ROUND="${BENCH_SECONDS:-3}"
THREADS="${BENCH_THREADS:-32}"
EMPLOYEES="${BENCH_EMPLOYEES:-500}"
TARGET_RATIO=0.95
BENCH="$BUILD_DIR/tests/bench/kinerja_sdk_bench"
SEED="$BUILD_DIR/tests/sdk/kinerja_sdk_live_seed"
FIXTURE="$ROOT/tests/integration/mariadb_fixture.sh"
for f in "$BENCH" "$SEED" "$BUILD_DIR/server/kinerja_server"; do
  [[ -x "$f" ]] || kinerja_die "sdk bench: $f is not built (cmake --build $BUILD_DIR)"
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/kinerja-sdk-bench.XXXXXX")"
cleanup() {
  local rc=$?
  live_server_stop "$rc"
  timeout 60 "$FIXTURE" stop "$WORK/db" >/dev/null 2>&1 || true
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
timeout 120 "$FIXTURE" start "$WORK/db" >"$WORK/fixture.log" 2>&1 ||
  kinerja_die "sdk bench: MariaDB did not start ($(tail -n 5 "$WORK/fixture.log"))"
# A pool as large as the server's default executor would use for the callers.
live_server_start "$BUILD_DIR" "$WORK/db/env" "$WORK/server" 8
ADDR="127.0.0.1:$LIVE_GRPC_PORT"

START_S=$SECONDS
TOKEN="$(KINERJA_PASSWORD="$LIVE_ADMIN_PASSWORD" "$SEED" --target "$ADDR" --nip "$LIVE_ADMIN_NIP" \
  --employees "$EMPLOYEES" --nips_out "$WORK/nips")" || kinerja_die "sdk bench: loading failed"
RESULT="$(timeout 600 "$BENCH" --target "$ADDR" --token "$TOKEN" --nips "$WORK/nips" \
  --threads "$THREADS" --rounds "$ROUNDS" --seconds "$SECONDS_PER_ROUND")" ||
  kinerja_die "sdk bench: kinerja_sdk_bench failed: $RESULT"
field() { sed -E "s/.*\"$1\":(\[[^]]*\]|[0-9.]+).*/\1/" <<<"$RESULT"; }
ratio="$(field ratio)"
verdict="$(awk -v v="$ratio" -v t="$TARGET_RATIO" 'BEGIN { print (v >= t) ? "PASS" : "FAIL" }')"

SECTION="$WORK/section.md"
{
  echo "<!-- bench:sdk:start -->"
  echo "## Client SDK"
  echo
  echo "- Command: \`tests/bench/run_sdk_bench.sh\` ($((SECONDS - START_S)) s), $(date -u +%Y-%m-%d)."
  echo "- Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); MariaDB $(mariadb --version | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1), kinerja_server and the client on loopback, one machine."
  echo "- Data: $(field nips) employees loaded through the SDK (ImportEmployees); every caller walks the same NIPs."
  echo "- What is timed: GetEmployee with $THREADS blocking callers, $ROUNDS interleaved rounds of ${SECONDS_PER_ROUND} s"
  echo "  (after a 0.5 s warm-up) through the raw generated stub on a channel from \`sdk::MakeChannel\`"
  echo "  (the SDK's channel arguments, same deadline and authorization header) and through"
  echo "  \`sdk::DirectoryClient\` (deadline, credentials, x-request-id, retry policy, status mapping)."
  echo "  Rates are the median of the rounds (raw $(field raw_rates), SDK $(field sdk_rates) calls/s)."
  echo
  echo "| Figure | Raw stub | SDK | Ratio (SDK / raw) | Target | Verdict |"
  echo "|---|---|---|---|---|---|"
  printf '| GetEmployee rate, %s callers | %s calls/s | %s calls/s | %s | >= %s | %s |\n' \
    "$THREADS" "$(field raw_rate)" "$(field sdk_rate)" "$ratio" "$TARGET_RATIO" "$verdict"
  printf '| GetEmployee p99 latency (median of rounds) | %s us | %s us | | | |\n' \
    "$(field raw_p99_us)" "$(field sdk_p99_us)"
  echo
  echo "<!-- bench:sdk:end -->"
} >"$SECTION"

kinerja_write_bench_section sdk "$SECTION" "$OUT"
if [[ "$verdict" == FAIL && "${BENCH_ENFORCE:-1}" != 0 ]]; then
  kinerja_log "sdk bench: the ratio $ratio is below $TARGET_RATIO"
  exit 1
fi
