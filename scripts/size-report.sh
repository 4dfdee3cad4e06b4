#!/usr/bin/env bash
# Builds the release app and prints its size per file, for the initial load, the answer path and the whole
# install; fails over a gate of tools/budgets.json.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
node tools/size-report.mjs --dir dist ${LEYE_BUDGET_KB:+--budget-kb "$LEYE_BUDGET_KB"}
