#!/usr/bin/env bash
# Installs what is missing, then runs every test: native Rust tests, browser tests (wasm-bindgen-test in
# headless Chromium), the release build with its size budget, and end-to-end tests against that build.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# Every temporary file of this run (browser profiles, build copies, test files) goes in one folder that is
# removed when the run ends, however it ends, so repeated runs do not fill the disk.
export TMPDIR="$PWD/target/test-tmp"
rm -rf "$TMPDIR" && mkdir -p "$TMPDIR"
trap 'rm -rf "$TMPDIR"' EXIT

# The debug and wasm test builds plus the release build need a few GB; say so plainly when space is short,
# since the linker then dies with a bus error that names nothing.
free_kb=$(df -Pk . | awk 'NR==2 {print $4}')
echo "disk: $((free_kb / 1024 / 1024)) GB free in $PWD"
if [ "$free_kb" -lt $((4 * 1024 * 1024)) ]; then
  echo "warning: less than 4 GB free; the builds below may fail for lack of disk space" >&2
fi

step "native tests (core crate, catalog, CLI)"
cargo test --locked --workspace

web_tests=()
for f in tests/web_*.rs; do
  [ -e "$f" ] && web_tests+=(--test "$(basename "$f" .rs)")
done
if [ ${#web_tests[@]} -gt 0 ]; then
  step "browser tests (wasm-bindgen-test, headless Chromium)"
  CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown "${web_tests[@]}"
fi

step "build tools (tests/tools)"
node --test tests/tools/

step "release build and size budget"
./scripts/build.sh
# The gates of tools/budgets.json: issue 6's initial load (html + js + wasm + css + the built-in catalog, brotli,
# at most 200 KB); issue 16's answer path (the rider's journey, driven in headless Chromium) and whole install,
# as ratchets; each icon at most 15 KB.
node tools/size-report.mjs --dir dist ${LEYE_BUDGET_KB:+--budget-kb "$LEYE_BUDGET_KB"}

step "trunk build (the unsplit development build of \`trunk serve\`, Trunk.toml), once"
# trunk.html must load the same stylesheets, in the same order, as the release's index.html.
if ! diff <(grep -o 'href="style/[^"]*"' index.html) <(grep -o 'href="style/[^"]*"' trunk.html); then
  echo "trunk.html and index.html name different stylesheets" >&2
  exit 1
fi
trunk_dist="$TMPDIR/trunk-dist"
trunk build --offline --dist "$trunk_dist"
if [ ! -s "$trunk_dist/index.html" ] || ! compgen -G "$trunk_dist/*.wasm" >/dev/null; then
  echo "trunk build made no index.html or no wasm in $trunk_dist" >&2
  exit 1
fi
grep -q '<script' "$trunk_dist/index.html" || { echo "trunk build's index.html does not load the app" >&2; exit 1; }

step "end-to-end tests (release build, headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
