#!/usr/bin/env bash
# Command 2 of the README: install what is missing, build, and run every test (unit, integration, browser, conformance,
# stress). --sanitize also builds everything with ASan+UBSan in build-sanitize and runs the unit, integration and
# conformance suites there (a cold sanitized build is ~20+ min of both cores: not part of CI, see README "Testing").
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
SANITIZE_BUILD=${SANITIZE_BUILD:-build-sanitize}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
SANITIZE=0
for arg in "$@"; do
  case "$arg" in
    --sanitize) SANITIZE=1 ;;
    *) echo "usage: scripts/test.sh [--sanitize]" >&2; exit 2 ;;
  esac
done

scripts/install-deps.sh
[ -d "$BUILD" ] || meson setup "$BUILD" -Dbenchmarks=enabled -Dtests=enabled -Dbrowser_tests=enabled
meson compile -C "$BUILD"
status=0
meson test -C "$BUILD" --print-errorlogs --num-processes 2 || status=$?
# Command 1 of the README must work too (reports go to a git-ignored folder); its first two lines are shown.
if BUILD="$BUILD" OUT=reports/out/ci-quickstart scripts/quickstart.sh >"$BUILD/quickstart.out" 2>&1; then
  echo "test.sh: README command 1 ok:"; grep -m2 -E "^(PASS|FAIL|ERROR):|HTML report" "$BUILD/quickstart.out"
else
  echo "test.sh: README command 1 FAILED:"; tail -n 20 "$BUILD/quickstart.out"; status=1
fi
if [ -x scripts/run-fuzz.sh ] && [ "$FUZZ_SECONDS" != 0 ]; then
  scripts/run-fuzz.sh "$FUZZ_SECONDS" || status=1
fi
if [ "$SANITIZE" = 1 ]; then
  # meson test sets ASAN_OPTIONS/UBSAN_OPTIONS to halt (and fail the test) on the first report.
  [ -d "$SANITIZE_BUILD" ] || meson setup "$SANITIZE_BUILD" -Db_sanitize=address,undefined -Dtests=enabled \
    -Dbrowser_tests=disabled -Dbenchmarks=disabled
  meson compile -C "$SANITIZE_BUILD"
  meson test -C "$SANITIZE_BUILD" --print-errorlogs --num-processes 2 --suite unit --suite integration \
    --suite conformance || status=1
  echo "test.sh: ASan+UBSan build (unit, integration, conformance suites):"
  python3 scripts/test_summary.py "$SANITIZE_BUILD/meson-logs/testlog.json" || status=1
fi
# Last line: N passed, N failed, N skipped (the meson tests).
python3 scripts/test_summary.py "$BUILD/meson-logs/testlog.json" || status=1
exit $status
