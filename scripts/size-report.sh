#!/usr/bin/env bash
# Builds the release app and prints its size per file and for the initial load; fails over budget.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
node tools/size-report.mjs --dir dist --budget-kb "${LEYE_BUDGET_KB:-200}"
