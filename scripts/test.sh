#!/usr/bin/env bash
# Command 2 of the README: install what is missing, build, and run every test (unit, integration, browser, conformance).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}

scripts/install-deps.sh
[ -d "$BUILD" ] || meson setup "$BUILD" -Dbenchmarks=enabled
meson compile -C "$BUILD"
status=0
meson test -C "$BUILD" --print-errorlogs --num-processes 2 || status=$?
python3 scripts/test_summary.py "$BUILD/meson-logs/testlog.json" || status=1
if [ -x scripts/run-fuzz.sh ] && [ "$FUZZ_SECONDS" != 0 ]; then
  scripts/run-fuzz.sh "$FUZZ_SECONDS" || status=1
fi
exit $status
