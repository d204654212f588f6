#!/usr/bin/env bash
# Installs what Feedroom needs to build, run and test on Debian 12 (bookworm), as root.
# Idempotent: packages already present are skipped by apt; apt-get update runs only when
# something is missing. See docs/dependencies.md for why each package is here.
set -euo pipefail

packages=(
  g++ clang libclang-rt-14-dev cmake ninja-build pkg-config ccache git
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsimdjson-dev libsqlite3-dev sqlite3 libicu-dev libsodium-dev
  libspdlog-dev libfmt-dev libcli11-dev libtomlplusplus-dev
  libcurl4-openssl-dev libre2-dev publicsuffix libyaml-cpp-dev
  libcld2-dev libfasttext-dev libbenchmark-dev libxml2-dev libcsv-dev
  libgtest-dev libgmock-dev curl openssl python3 bc nginx-light
  chromium
)
# The web app builds with Node.js and npm. Machines of this kind come with Node 20; a machine
# without any gets Debian's (npm packages of the web app then decide whether it is new enough).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages: ${missing[*]}; run as root (or install them) and retry" >&2
    exit 1
  fi
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq -o Acquire::Retries=5
  apt-get install -y -qq -o Acquire::Retries=5 --no-install-recommends "${missing[@]}" >/dev/null
fi

# Vite 7 needs Node 20.19 or later.
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "install-deps: Node $(node --version) is too old for the web app's build (Vite 7 needs 20.19 or later)" >&2
  exit 1
fi
