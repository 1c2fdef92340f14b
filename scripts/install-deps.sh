#!/usr/bin/env bash
# Installs the Debian packages and the npm test tools this project needs (idempotent; root or sudo): the browser-test
# driver playwright-core, openid-client and the GitHub workflow validator @action-validator/cli; python3-yaml, -jsonschema and
# -junitparser check the generated GitLab pipeline and JUnit.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(meson ninja-build g++ pkg-config python3 libcpp-httplib-dev nlohmann-json3-dev libpugixml-dev
          libgtest-dev libgmock-dev libssl-dev libxml2-dev libxml2-utils clang nodejs npm chromium
          python3-yaml python3-jsonschema python3-junitparser)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node/npm may come from outside Debian (e.g. preinstalled): do not fight them.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]:-}"
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "install-deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/openid-client ] || [ ! -d node_modules/@action-validator/cli ]; then
  echo "install-deps: npm ci (playwright-core driver, the browser is Debian's chromium; action-validator)"
  npm ci --no-audit --no-fund --loglevel=error
fi
