#!/usr/bin/env bash
# bench/spikes: SpikeDetector's recall, precision, false alarms and detection delay on synthetic
# minute series with injected spikes, beside a naive detector in the same run. One JSON line
# per detector. Environment: SERIES (24), WEEKS (7), SPIKES (6 per series), BUILD_DIR (a
# configured release build directory instead of the release preset's build/release).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -n "${BUILD_DIR:-}" ]; then
  cmake --build "$BUILD_DIR" --target fr_bench_spikes >/dev/null
else
  BUILD_DIR=build/release
  bash scripts/build.sh release fr_bench_spikes >/dev/null
fi
echo "{\"machine\":{\"uptime\":\"$(uptime | sed 's/^ *//')\",\"cpus\":$(nproc)}}"
exec "$BUILD_DIR/bench/fr_bench_spikes" --series "${SERIES:-24}" --weeks "${WEEKS:-7}" \
  --spikes "${SPIKES:-6}"
