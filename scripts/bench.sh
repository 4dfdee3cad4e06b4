#!/usr/bin/env bash
# Benchmarks, printing figures (nothing here gates CI except the size budget, which test.sh also checks):
# native engine and training benches, the IndexedDB storage bench, the release size report, Lighthouse and
# first-content timings, and the check's three journeys (taps, screens, seconds).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# Browser profiles and the like go in one folder, removed at the end (as in test.sh).
export TMPDIR="$PWD/target/bench-tmp"
rm -rf "$TMPDIR" && mkdir -p "$TMPDIR"
trap 'rm -rf "$TMPDIR"' EXIT
if [ ! -d tools/lighthouse/node_modules/lighthouse ]; then
  npm ci --prefix tools/lighthouse --no-audit --no-fund
fi

for b in benches/*.rs; do
  [ -e "$b" ] || continue
  printf '\n== bench %s\n' "$(basename "$b" .rs)"
  cargo bench --locked --bench "$(basename "$b" .rs)"
done

printf '\n== storage bench (IndexedDB in headless Chromium)\n'
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --test web_bench -- --nocapture

printf '\n== size\n'
./scripts/build.sh
node tools/size-report.mjs --dir dist ${LEYE_BUDGET_KB:+--budget-kb "$LEYE_BUDGET_KB"} || true

printf '\n== web\n'
node tools/bench-web.mjs --dir dist

printf '\n== journeys (the check, issue 12)\n'
node tools/bench-journeys.mjs --dir dist
