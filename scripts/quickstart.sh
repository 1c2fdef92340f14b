#!/usr/bin/env bash
# Command 1 of the README: install what is missing, build, start the mock utility and run the full conformance plan against it.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
OUT=${OUT:-reports/out/quickstart}

scripts/install-deps.sh
[ -d "$BUILD" ] || meson setup "$BUILD" >/dev/null
meson compile -C "$BUILD" >/dev/null
# stdout opens with the one-line verdict and the HTML report path; per-variant progress goes to stderr.
exec "$BUILD/conformance/cli/gbc-conformance" run --sim --report-dir "$OUT" --format console,json,junit,html
