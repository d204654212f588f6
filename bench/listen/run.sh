#!/usr/bin/env bash
# Builds the release benchmark and runs it: the listening matcher on 10,000 generated rules and
# 1,000,000 posts of the shared data's text, against RE2::Set and one RE2 per rule, in one run
# (a few minutes on two cores). Prints JSON lines; bench/RESULTS.md explains them.
# Usage: bench/listen/run.sh [--posts N] [--rules N] [--passes N] [--set-posts N]
#                            [--set-seconds S] [--set-max-mem-mb MB] [--naive-posts N]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${BUILD_DIR:-$root/build/release}"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DFR_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" --target fr_bench_listen
echo "{\"machine\":{\"uptime\":\"$(uptime | sed 's/^ *//')\",\"cpus\":$(nproc)}}"
"$build/bench/fr_bench_listen" --data "${FR_SHARED_DIR:-$root/../shared}/data" "$@"
