#!/usr/bin/env bash
# SKP benchmarks: the "SKP" section of BENCHMARKS.md, on a throwaway MariaDB on loopback.
#
#   tests/bench/run_skp_bench.sh                 writes the section into BENCHMARKS.md
#   BENCH_OUT=/tmp/x.md tests/bench/run_skp_bench.sh   (ctest skp_bench_smoke) into another file
#
# kinerja_skp_bench loads 60 OPDs and 15,000 employees with evaluated SKPs (one OPD of 2,000) and
# times the distribution-quota check through the server's repository and domain code, beside one
# "SELECT 1" round trip as the baseline. Target: under 100 ms for the OPD and for the whole city.
# Environment: BUILD_DIR (default <repo>/build), BENCH_OUT, BENCH_ROUNDS (30).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(cd "$HERE/../.." && pwd -P)"
# shellcheck source=SCRIPTDIR/../../scripts/lib.sh
source "$ROOT/scripts/lib.sh"

BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
OUT="${BENCH_OUT:-$ROOT/BENCHMARKS.md}"
ROUNDS="${BENCH_ROUNDS:-30}"
TARGET_MS=100
BENCH="$BUILD_DIR/tests/bench/kinerja_skp_bench"
FIXTURE="$ROOT/tests/integration/mariadb_fixture.sh"
[[ -x "$BENCH" ]] || kinerja_die "skp bench: $BENCH is not built (cmake --build $BUILD_DIR)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/kinerja-skp-bench.XXXXXX")"
cleanup() {
  timeout 60 "$FIXTURE" stop "$WORK/db" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
timeout 120 "$FIXTURE" start "$WORK/db" >"$WORK/fixture.log" 2>&1 ||
  kinerja_die "skp bench: MariaDB did not start ($(tail -n 5 "$WORK/fixture.log"))"
set -a
# shellcheck disable=SC1091  # written by the fixture: KINERJA_DB_HOST/PORT/USER/PASSWORD
source "$WORK/db/env"
set +a

START_S=$SECONDS
RESULT="$(timeout 300 "$BENCH" --db_host "$KINERJA_DB_HOST" --db_port "$KINERJA_DB_PORT" \
  --db_user "$KINERJA_DB_USER" --rounds "$ROUNDS")" || kinerja_die "skp bench: kinerja_skp_bench failed"
field() { sed -E "s/.*\"$1\":([0-9.]+).*/\1/" <<<"$RESULT"; }
verdict() { awk -v v="$1" -v t="$TARGET_MS" 'BEGIN { print (v < t) ? "PASS" : "FAIL" }'; }
big="$(field big_opd_median_ms)" city="$(field city_median_ms)" base="$(field baseline_median_ms)"

SECTION="$WORK/section.md"
{
  echo "<!-- bench:skp:start -->"
  echo "## SKP"
  echo
  echo "- Command: \`tests/bench/run_skp_bench.sh\` ($((SECONDS - START_S)) s), $(date -u +%Y-%m-%d)."
  echo "- Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); MariaDB $(mariadb --version | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1) on loopback."
  echo "- Data: $(field opds) OPDs, $(field employees) employees with an evaluated SKP each, one OPD of $(field big_opd) (loaded in $(field load_ms) ms); median of $(field rounds) runs after a warm-up."
  echo "- What is timed: the server's own code (SkpRepository and the domain's CheckQuota), as"
  echo "  GetOpdSkpSummary/FinalizeOpdSkps run it for one OPD and ListOpdQuotaReports for the city."
  echo
  echo "| Figure | Median | Max | Baseline (\`SELECT 1\` round trip) | Target | Verdict |"
  echo "|---|---|---|---|---|---|"
  printf '| Quota check, OPD of %s employees (summary: counts, employees without an SKP, quota) | %s ms | %s ms | %s ms | < %s ms | %s |\n' \
    "$(field big_opd)" "$big" "$(field big_opd_max_ms)" "$base" "$TARGET_MS" "$(verdict "$big")"
  printf '| Quota check, whole city (%s OPDs, %s employees) | %s ms | %s ms | %s ms | < %s ms | %s |\n' \
    "$(field opds)" "$(field employees)" "$city" "$(field city_max_ms)" "$base" "$TARGET_MS" "$(verdict "$city")"
  echo
  echo "<!-- bench:skp:end -->"
} >"$SECTION"

kinerja_write_bench_section skp "$SECTION" "$OUT"
if grep -q '| FAIL' "$SECTION"; then
  kinerja_log "skp bench: a target failed"
  exit 1
fi
