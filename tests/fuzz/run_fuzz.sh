#!/usr/bin/env bash
# Builds tests/fuzz/transcoder_fuzz.cc with clang++ -fsanitize=fuzzer,address,undefined against the
# installed protobuf, gRPC and Abseil and the generated protos of a CMake build directory, then runs
# it for a bounded time on a copy of the seed corpus in tests/fuzz/corpus.
#
#   tests/fuzz/run_fuzz.sh BUILD_DIR [SECONDS]     (default 30 seconds)
#
# BUILD_DIR is any configured Kinerja build (its kinerja_protos target is built if needed). Objects,
# the binary, the working corpus and any crash artifacts go to BUILD_DIR/fuzz/; objects are reused
# while their sources are unchanged. Exit status: 0 when the run found nothing, non-zero otherwise
# (the reproducer is BUILD_DIR/fuzz/crash-* etc.; replay with BUILD_DIR/fuzz/transcoder_fuzz FILE).
# Environment: CXX_FUZZ (default clang++-14), FUZZ_JOBS (parallel compiles, default 1).
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 BUILD_DIR [SECONDS]" >&2
  exit 2
fi
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="$(cd "$1" && pwd)"
SECONDS_TO_RUN="${2:-30}"
CXX="${CXX_FUZZ:-clang++-14}"
JOBS="${FUZZ_JOBS:-1}"
GEN="$BUILD/protos/gen"
OUT="$BUILD/fuzz"

if ! ls "$GEN"/kinerja/v1/*.pb.cc >/dev/null 2>&1; then
  echo "== building kinerja_protos in $BUILD"
  cmake --build "$BUILD" --target kinerja_protos -j "$JOBS"
fi
mkdir -p "$OUT/obj" "$OUT/corpus"

PKGS="protobuf grpc++ absl_status absl_statusor absl_strings absl_cord"
CFLAGS=(-std=c++17 -g -O1 -fno-omit-frame-pointer -w -I"$ROOT" -I"$GEN")
read -r -a PKG_CFLAGS <<<"$(pkg-config --cflags $PKGS)"
read -r -a PKG_LIBS <<<"$(pkg-config --libs $PKGS)"
# Coverage feedback for the transcoder and the target; the generated protos only need the sanitizers.
COVERED=(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined)
PLAIN=(-fsanitize=address,undefined -fno-sanitize-recover=undefined)

objects=()
stale() {  # stale OBJ SRC HEADER_DIR...: missing, or older than its source, a header, this script
  local obj="$1" src="$2"; shift 2
  [[ ! -f "$obj" || "$src" -nt "$obj" || "${BASH_SOURCE[0]}" -nt "$obj" ]] ||
    [[ -n "$(find "$@" -name '*.h' -newer "$obj" -print -quit)" ]]
}
compile() {  # compile SOURCE HEADER_DIRS FLAGS...: into $OUT/obj unless up to date
  local src="$1" header_dirs="$2"; shift 2
  local rel="${src#"$GEN"/}"
  rel="${rel#"$ROOT"/}"
  local obj="$OUT/obj/${rel//\//_}.o"
  objects+=("$obj")
  # shellcheck disable=SC2086
  if stale "$obj" "$src" $header_dirs; then
    echo "== compiling $rel"
    "$CXX" "${CFLAGS[@]}" "${PKG_CFLAGS[@]}" "$@" -c "$src" -o "$obj" &
    while [[ $(jobs -rp | wc -l) -ge $JOBS ]]; do wait -n; done
  fi
}
for src in "$GEN"/google/api/*.pb.cc "$GEN"/google/rpc/*.pb.cc "$GEN"/kinerja/v1/*.pb.cc; do
  [[ "$src" == *.grpc.pb.cc ]] && continue
  compile "$src" "$GEN" "${PLAIN[@]}"
done
for src in "$ROOT"/gateway/transcoder/*.cc "$ROOT"/tests/fuzz/transcoder_fuzz.cc; do
  compile "$src" "$ROOT/gateway/transcoder $GEN" "${COVERED[@]}"
done
for pid in $(jobs -p); do wait "$pid"; done

echo "== linking $OUT/transcoder_fuzz"
"$CXX" -fsanitize=fuzzer,address,undefined "${objects[@]}" "${PKG_LIBS[@]}" -o "$OUT/transcoder_fuzz"

echo "== fuzzing for ${SECONDS_TO_RUN}s"
cd "$OUT"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
./transcoder_fuzz -max_total_time="$SECONDS_TO_RUN" -rss_limit_mb=2048 -max_len=65536 -timeout=10 \
  -print_final_stats=1 -dict="$ROOT/tests/fuzz/transcoder.dict" -artifact_prefix="$OUT/" \
  "$OUT/corpus" "$ROOT/tests/fuzz/corpus"
