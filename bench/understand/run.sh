#!/usr/bin/env bash
# bench/understand: messages per second on one core for language + sentiment + intent +
# sensitivity together ("all") and for each stage alone, over the Hebrew and English
# validation texts of shared/data, with the shipped models/. Prints one JSON line per stage.
# Environment: SECONDS_PER_STAGE (3), DATA (../shared/data), BUILD_DIR (a configured release
# build directory to build in instead of the release preset's build/release).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/build_bench.sh
bench_build fr_bench_understand
data="${DATA:-../shared/data}"
echo "{\"machine\":{\"uptime\":\"$(uptime | sed 's/^ *//')\",\"cpus\":$(nproc)}}"
exec taskset -c 0 "$BUILD_DIR/bench/fr_bench_understand" --data "$data" --models models \
  --seconds "${SECONDS_PER_STAGE:-3}"
