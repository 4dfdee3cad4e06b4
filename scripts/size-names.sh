#!/usr/bin/env bash
# A names build for size work (issue 16): the release app as scripts/build.sh makes it, with function names
# kept (LEYE_NAMES=1: target/names, target/names-pkg), then twiggy's view of what takes the bytes: per crate and
# the largest functions and data, for the main module and for the answer path (tools/size-names.mjs).
# docs/size.md keeps the findings. Installs twiggy with cargo when missing. Not part of the test run.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
command -v twiggy >/dev/null || cargo install --locked twiggy --version 0.8.0
LEYE_NAMES=1 ./scripts/build.sh
node tools/size-names.mjs --pkg target/names-pkg "$@"
