#!/usr/bin/env bash
# THE TEST COMMAND: installs missing dependencies, configures once, builds, and runs every test with
# ctest (unit tests, and integration tests against a throwaway MariaDB started by the ctest fixture).
#
# Usage: scripts/test.sh [extra ctest arguments, e.g. -L unit or -R Nip]
# Environment:
#   KINERJA_TEST_PRESET  CMake preset: "default" (build/) or "asan" (build-asan/, ASan+UBSan)
#
# Exits with ctest's exit code. Needs no terminal (CI=true is fine).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$KINERJA_ROOT"

preset="${KINERJA_TEST_PRESET:-default}"
case "$preset" in
  default) build_dir=build ;;
  asan) build_dir=build-asan ;;
  *) kinerja_die "KINERJA_TEST_PRESET must be 'default' or 'asan', not '$preset'" ;;
esac

"$KINERJA_ROOT/scripts/deps.sh"

if [[ ! -f "$build_dir/build.ninja" ]]; then
  kinerja_log "configuring: cmake --preset $preset"
  cmake --preset "$preset"
fi

kinerja_log "building: cmake --build $build_dir -j2"
cmake --build "$build_dir" -j2

# In CI, the unit and integration suites also run under AddressSanitizer and UBSan first (build-asan/),
# so that the run still ends with the main suite's summary. KINERJA_TEST_SANITIZERS=0/1 overrides.
if [[ "$preset" == default && "${KINERJA_TEST_SANITIZERS:-${CI:-false}}" =~ ^(1|true)$ ]]; then
  [[ -f build-asan/build.ninja ]] || cmake --preset asan
  kinerja_log "building with sanitizers: cmake --build build-asan -j2"
  cmake --build build-asan -j2
  kinerja_log "testing with sanitizers: ctest --test-dir build-asan -L 'unit|integration|gateway'"
  ctest --test-dir build-asan --output-on-failure -j2 --timeout 600 -L 'unit|integration|gateway' ||
    kinerja_die "tests FAILED under AddressSanitizer/UBSan (build-asan)"
fi

kinerja_log "testing: ctest --test-dir $build_dir --output-on-failure -j2 --timeout 600 $*"
rc=0
ctest --test-dir "$build_dir" --output-on-failure -j2 --timeout 600 "$@" || rc=$?
if ((rc == 0)); then
  kinerja_log "tests passed ($preset)"
else
  kinerja_log "tests FAILED ($preset, ctest exit code $rc)"
fi
exit "$rc"
