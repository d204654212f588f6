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
  libgtest-dev libgmock-dev curl openssl python3 bc nginx-light
)

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
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
