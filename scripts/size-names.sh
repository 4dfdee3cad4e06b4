#!/usr/bin/env bash
# A names build for size work (issue 16): the release app as scripts/build.sh makes it, but with function names
# kept (target/names, target/names-pkg), then twiggy's view of what takes the bytes: per crate and the largest
# functions and data, for the main module and for the answer path (tools/size-names.mjs). docs/size.md keeps
# the findings. Installs twiggy with cargo when missing. Not part of the test run: a full build of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
command -v twiggy >/dev/null || cargo install --locked twiggy --version 0.8.0

target=target/names
pkg=target/names-pkg
split=target/names-split
CARGO_TARGET_DIR="$target" CARGO_PROFILE_RELEASE_STRIP=false \
  RUSTFLAGS="${RUSTFLAGS:-} -Clink-args=--emit-relocs --cfg leye_split --cfg erase_components" \
  cargo build --release --locked --target wasm32-unknown-unknown --bin leye
rm -rf "$pkg" "$split"
mkdir -p "$pkg" "$split"
wasm-split-cli --target web --out-name leye "$target/wasm32-unknown-unknown/release/leye.wasm" "$split" >/dev/null
wasm-bindgen --target web --keep-lld-exports --no-demangle --out-dir "$pkg" --out-name leye "$split/leye.wasm"
find "$split" -maxdepth 1 -type f ! -name leye.wasm -exec cp {} "$pkg/" \;
# The same optimisation as the release, keeping the names (-g).
export WASM_OPT_FEATURES="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue"
# shellcheck disable=SC2016
find "$pkg" -name '*.wasm' -print0 | xargs -0 -P "$(nproc)" -n 1 sh -c '
  wasm-opt -Oz -g $WASM_OPT_FEATURES "$0" -o "$0" 2>/dev/null'
node tools/size-names.mjs --pkg "$pkg" "$@"
