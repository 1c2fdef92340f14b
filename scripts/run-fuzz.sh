#!/usr/bin/env bash
# Fuzzes the ESPI validator (parse + every check) for SECONDS with libFuzzer, ASan and UBSan in a clang build dir.
# Usage: scripts/run-fuzz.sh [SECONDS=60]   (env FUZZ_BUILD_DIR, default build-fuzz). Exit non-zero on a crash,
# leak, sanitizer report or timeout; the reproducer is left in the build dir as crash-*/leak-*/timeout-*.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
build="${FUZZ_BUILD_DIR:-build-fuzz}"
if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ meson setup "$build" -Dfuzz=enabled -Dtests=disabled -Dbenchmarks=disabled \
    -Dbrowser_tests=disabled -Dwerror=false -Dbuildtype=debugoptimized -Db_sanitize=address,undefined \
    -Db_lundef=false -Dcpp_args=-fsanitize=fuzzer-no-link >/dev/null
fi
meson compile -C "$build" espi_validate_fuzz >/dev/null
corpus="$build/fuzz-corpus"
mkdir -p "$corpus"
cp -n fixtures/espi/*.xml "$corpus"/ 2>/dev/null || true
cd "$build"
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
  ./conformance/fuzz/espi_validate_fuzz -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
  -dict=../conformance/fuzz/espi.dict -print_final_stats=1 fuzz-corpus
