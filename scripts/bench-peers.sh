#!/usr/bin/env bash
# Token endpoint side by side (not part of CI): gbc-sim, a bare cpp-httplib handler, oidc-provider and
# oauth2-mock-server, each over keep-alive with Debian's wrk, in one run; prints one Markdown table (rps, p50/p99, RSS).
# Usage: scripts/bench-peers.sh [seconds-per-run, default 8] [connections..., default 1 32 256]
# The npm peers go into a scratch folder (PEERS_DIR, default /tmp/gbc-bench-peers), never the repository's node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
PEERS_DIR=${PEERS_DIR:-/tmp/gbc-bench-peers}

if ! command -v wrk >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
mkdir -p "$PEERS_DIR"
if [ ! -d "$PEERS_DIR/node_modules/oidc-provider" ] || [ ! -d "$PEERS_DIR/node_modules/oauth2-mock-server" ]; then
  echo "bench-peers: npm install oidc-provider oauth2-mock-server into $PEERS_DIR" >&2
  (cd "$PEERS_DIR" && { [ -f package.json ] || echo '{"private": true}' >package.json; } &&
   npm install --no-audit --no-fund --loglevel=error oidc-provider@9 oauth2-mock-server@9 >/dev/null)
fi
cp simulator/http/bench/peers/*.mjs "$PEERS_DIR/"
[ -d "$BUILD" ] || meson setup "$BUILD" -Dbenchmarks=enabled
meson compile -C "$BUILD" simulator/http/gbc-sim bare-token-server >/dev/null
echo "bench-peers: $(nproc) cores, $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), node $(node --version)," \
     "oidc-provider $(node -p "require('$PEERS_DIR/node_modules/oidc-provider/package.json').version")," \
     "oauth2-mock-server $(node -p "require('$PEERS_DIR/node_modules/oauth2-mock-server/package.json').version")" >&2
exec python3 simulator/http/bench/bench_peers.py "$BUILD/simulator/http/gbc-sim" "$BUILD/simulator/http/bare-token-server" \
  "$PEERS_DIR" "${1:-8}" "${@:2}"
