#!/usr/bin/env bash
# Installs what is missing, then runs every test: native Rust tests, browser tests (wasm-bindgen-test in
# headless Chromium), the release build with its size budget, and end-to-end tests against that build.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "native tests (domain, catalog, CLI)"
cargo test --locked

web_tests=()
for f in tests/web_*.rs; do
  [ -e "$f" ] && web_tests+=(--test "$(basename "$f" .rs)")
done
if [ ${#web_tests[@]} -gt 0 ]; then
  step "browser tests (wasm-bindgen-test, headless Chromium)"
  CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown "${web_tests[@]}"
fi

step "release build and size budget"
./scripts/build.sh
# Issue 6's budget: html + js + wasm + css + the built-in catalog, brotli, at most 200 KB.
node tools/size-report.mjs --dir dist --budget-kb "${LEYE_BUDGET_KB:-200}"

step "end-to-end tests (release build, headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
