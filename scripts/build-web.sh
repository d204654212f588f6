#!/usr/bin/env bash
# Builds the web app (web/dist, served by `feedroom serve` at /): installs its npm packages
# exactly as package-lock.json pins them when the lock changed, generates the API types from
# schema/openapi.yaml, type-checks and bundles.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cd web
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f node_modules/.feedroom-lock ] || [ "$(cat node_modules/.feedroom-lock)" != "$lock_sum" ]; then
  # `npm ci` refuses this lock: npm 11 records only this platform's optional binaries (rollup,
  # esbuild), then asks for the others. `install --no-save` installs what the lock pins.
  # The registry sometimes stalls mid-download (EIDLETIMEOUT); npm's own retries do not cover
  # that, so a failed install is tried again after a pause.
  for attempt in 1 2 3 4; do
    if npm install --no-save --no-audit --no-fund --loglevel=error \
        --fetch-retries=5 --fetch-retry-mintimeout=5000 --fetch-timeout=120000; then
      break
    fi
    if [ "$attempt" = 4 ]; then
      echo "build-web.sh: npm install failed 4 times" >&2
      exit 1
    fi
    echo "build-web.sh: npm install failed (attempt $attempt); retrying in $((attempt * 15)) s" >&2
    sleep $((attempt * 15))
  done
  echo "$lock_sum" >node_modules/.feedroom-lock
fi
npm run --silent build
