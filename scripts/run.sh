#!/usr/bin/env bash
# Feedroom's main job: builds the optimised server and serves the embedded default (SQLite
# under ./feedroom-data) with the demo configuration, ready for webhooks on 127.0.0.1:8080.
# Environment: FEEDROOM_CONFIG (default config/demo.toml), FEEDROOM_DATA (./feedroom-data),
# FEEDROOM_LISTEN (127.0.0.1:8080); secrets as in docs/configuration.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh release feedroom
exec build/release/apps/feedroom/feedroom serve \
  --config "${FEEDROOM_CONFIG:-config/demo.toml}" \
  --data "${FEEDROOM_DATA:-./feedroom-data}" \
  --listen "${FEEDROOM_LISTEN:-127.0.0.1:8080}"
