#!/usr/bin/env bash
# Builds the release app into dist/ (wasm-opt -Oz, service worker, CSP) without any download.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release --offline "$@"
