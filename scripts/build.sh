#!/usr/bin/env bash
# Builds one CMake preset (dev, asan, release, fuzz) after installing what is missing.
# Usage: scripts/build.sh PRESET [ninja targets...]
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:?usage: scripts/build.sh PRESET [targets...]}"
shift
bash scripts/install-deps.sh
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/feedroom-ccache}"
if [ ! -f "build/$preset/build.ninja" ]; then
  cmake --preset "$preset" >/dev/null
fi
if [ $# -gt 0 ]; then
  cmake --build "build/$preset" -j"$(nproc)" --target "$@"
else
  cmake --build "build/$preset" -j"$(nproc)"
fi
