#!/usr/bin/env bash
# bench/understand: messages per second on one core for language + sentiment + intent +
# sensitivity together ("all") and for each stage alone, over the Hebrew and English
# validation texts of shared/data, with the shipped models/. Prints one JSON line per stage.
# Environment: SECONDS_PER_STAGE (3), DATA (../shared/data).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/build.sh release fr_bench_understand >/dev/null
data="${DATA:-../shared/data}"
exec taskset -c 0 build/release/bench/fr_bench_understand --data "$data" --models models \
  --seconds "${SECONDS_PER_STAGE:-3}"
