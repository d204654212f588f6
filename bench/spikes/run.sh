#!/usr/bin/env bash
# bench/spikes: SpikeDetector's recall, precision, false alarms and detection delay on synthetic
# minute series with injected spikes, beside a naive detector in the same run. One JSON line
# per detector. Environment: SERIES (24), WEEKS (7), SPIKES (6 per series), BUILD_DIR (a
# configured release build directory instead of the release preset's build/release).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/build_bench.sh
bench_build fr_bench_spikes
echo "{\"machine\":{\"uptime\":\"$(uptime | sed 's/^ *//')\",\"cpus\":$(nproc)}}"
exec "$BUILD_DIR/bench/fr_bench_spikes" --series "${SERIES:-24}" --weeks "${WEEKS:-7}" \
  --spikes "${SPIKES:-6}"
