#!/usr/bin/env bash
# bench/metrics: rollup overhead on writes (with vs without, same run) and dashboard query
# latency (p50 / p99) over a generated year of history, beside the plain SQL over per-case
# facts. Prints one JSON line per figure. Environment: CASES (4200000, about 10 million
# messages), OVERHEAD_CASES (40000), OVERHEAD_DAYS (7), RUNS (200), BUILD_DIR (a configured release build
# directory to build in instead of the release preset's build/release), DIR (where the
# databases go; /tmp/fr-bench-metrics, removed at the end unless KEEP=1), REUSE=1 (only re-time
# the queries on the history a KEEP=1 run left in DIR).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/build_bench.sh
bench_build fr_bench_metrics
dir="${DIR:-/tmp/fr-bench-metrics}"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$dir"' EXIT
echo "{\"machine\":{\"uptime\":\"$(uptime | sed 's/^ *//')\",\"cpus\":$(nproc)}}"
"$BUILD_DIR/bench/fr_bench_metrics" --dir "$dir" --cases "${CASES:-4200000}" \
  --overhead-cases "${OVERHEAD_CASES:-40000}" --overhead-days "${OVERHEAD_DAYS:-7}" \
  --runs "${RUNS:-200}" $([ "${REUSE:-0}" = 1 ] && echo --reuse)
