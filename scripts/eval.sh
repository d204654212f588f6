#!/usr/bin/env bash
# Scores the shipped models on the validation sets of shared/data, beside VADER and AFINN:
# installs the lexicon baselines' npm packages if missing, builds feedroom (release), runs
# `feedroom eval`. Extra arguments go to feedroom eval (e.g. --json).
# Environment: DATA (../shared/data).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d eval/lexicon-baselines/node_modules ] && command -v npm >/dev/null; then
  (cd eval/lexicon-baselines && npm ci --no-audit --no-fund >/dev/null) ||
    echo "eval.sh: npm ci failed; VADER and AFINN will be skipped" >&2
fi
bash scripts/build.sh release feedroom >/dev/null
exec build/release/apps/feedroom/feedroom eval --data "${DATA:-../shared/data}" --models models \
  --baselines eval/lexicon-baselines "$@"
