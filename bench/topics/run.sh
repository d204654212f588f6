#!/usr/bin/env bash
# bench/topics: FindTopics on real customer tweets and Hebrew comments from the shared data,
# beside plain MinHash/LSH and exact shared bigrams in the same run: docs/s, coverage, purity
# against the brand / complaint reason / article, and how many topic ids survive a re-run
# (topics_bench.cc says what each figure means). One JSON line per set and method; about ten
# seconds on one core. Environment: DOCS (100000, the throughput run's size), BUILD_DIR (a
# configured release build directory instead of the release preset's build/release),
# FR_SHARED_DIR (../shared next to the repository).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/build_bench.sh
bench_build fr_bench_topics
echo "{\"machine\":{\"uptime\":\"$(uptime | sed 's/^ *//')\",\"cpus\":$(nproc)}}"
exec "$BUILD_DIR/bench/fr_bench_topics" --data "${FR_SHARED_DIR:-../shared}/data" --docs "${DOCS:-100000}" "$@"
