#!/usr/bin/env bash
# Builds the release benchmark and runs it: the listening matcher on 10,000 generated rules and
# 1,000,000 posts of the shared data's text, against RE2::Set and one RE2 per rule.
# Usage: bench/listen/run.sh [--posts N] [--rules N] [--naive-posts N]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${BUILD_DIR:-$root/build/release}"
cmake --preset release -S "$root" >/dev/null 2>&1 || \
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DFR_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target fr_bench_listen -j"$(nproc)"
"$build/bench/fr_bench_listen" --data "${FR_SHARED_DIR:-$root/../shared}/data" "$@"
