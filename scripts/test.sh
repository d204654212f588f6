#!/usr/bin/env bash
# Every test: builds with AddressSanitizer + UBSan and runs all unit and integration tests
# (ctest), after a short libFuzzer run of each webhook parser and the feed parser (clang);
# builds the web app and runs its unit tests (Vitest) and, last, its browser tests
# (Playwright driving Debian's Chromium against the ASan `feedroom serve` and
# `feedroom simulate`).
# Environment: FR_FUZZ_SECONDS (default 20 per fuzzer); FEEDROOM_E2E_SHOTS (where the browser
# tests save their screenshots; default: a new folder under /tmp, printed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh asan
bash scripts/build.sh fuzz
bash scripts/build-web.sh
echo "== web unit tests (vitest)"
(cd web && npx --no-install vitest run)

fuzz_seconds="${FR_FUZZ_SECONDS:-20}"
# Each fuzzer with its seeds: the webhook goldens, the shared RSS/Atom fixtures (read in
# place, never copied), and our TWCS history sample.
for spec in "x_webhook:tests/golden/x" "meta_webhook:tests/golden/meta" \
            "feed_parse:../shared/fixtures/rss" "twcs_csv:tests/golden/twcs"; do
  fuzzer="fuzz_${spec%%:*}"
  seeds="${spec#*:}"
  corpus="$(mktemp -d)"
  echo "== ${fuzzer} for ${fuzz_seconds}s (seeds: ${seeds})"
  status=0
  "build/fuzz/fuzz/${fuzzer}" -max_total_time="$fuzz_seconds" -print_final_stats=1 \
    "$corpus" "$seeds" >"$corpus.log" 2>&1 || status=$?
  grep -E "^(stat::number_of_executed_units|Done|==[0-9]+==ERROR|SUMMARY)" "$corpus.log" || true
  [ "$status" -eq 0 ] || tail -50 "$corpus.log"
  rm -rf "$corpus" "$corpus.log"
  if [ "$status" -ne 0 ]; then
    echo "${fuzzer} found a crash (exit $status)" >&2
    exit 1
  fi
done

(cd build/asan && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j2 --timeout 600)

echo "== browser tests (playwright-core, /usr/bin/chromium)"
(cd web && FEEDROOM_BIN="$PWD/../build/asan/apps/feedroom/feedroom" npm run --silent e2e)
