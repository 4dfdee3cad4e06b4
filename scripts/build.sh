#!/usr/bin/env bash
# Builds the release app into dist/ without any download:
#   cargo (release, with relocations) → wasm-split (a main module plus a chunk per lazily loaded screen, see
#   src/app.rs) → its shared chunks joined into a few → wasm-bindgen (main module) → short import names →
#   wasm-opt -Oz (every module) → target/web-pkg/ → tools/assemble.mjs (index.html, hashed css, the wasm folder, the loader, CSP, service worker) → dist/
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# LEYE_NAMES=1 (scripts/size-names.sh): the same build with function names kept, in target/names*, for twiggy;
# nothing is assembled into dist/.
if [ "${LEYE_NAMES:-}" = 1 ]; then
  export CARGO_TARGET_DIR=target/names CARGO_PROFILE_RELEASE_STRIP=false
  pkg="target/names-pkg"
  split="target/names-split"
  keep_names="-g"
else
  pkg="target/web-pkg"
  split="target/web-split"
  keep_names="--strip-debug --strip-producers"
fi
target_dir="${CARGO_TARGET_DIR:-target}"

# wasm-split needs the linker's relocations to know which function calls which; `leye_split` turns the lazily
# loaded functions of src/app.rs and src/state/split.rs into split points. erase_components makes Leptos type-erase
# each component's view (as in its debug builds): about 15% less wasm for no change in behaviour.
RUSTFLAGS="${RUSTFLAGS:-} -Clink-args=--emit-relocs --cfg leye_split --cfg erase_components" \
  cargo build --release --locked --target wasm32-unknown-unknown --bin leye

rm -rf "$pkg" "$split"
mkdir -p "$pkg" "$split"
wasm-split-cli --target web --out-name leye "$target_dir/wasm32-unknown-unknown/release/leye.wasm" "$split"
# Features every browser that runs the app has: binaryen's tools (wasm-merge below, wasm-opt) use them.
export WASM_OPT_FEATURES="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue"
# wasm-split's many small shared chunks joined into a few modules, the rider's path first (tools/bundle-chunks.mjs).
node tools/bundle-chunks.mjs "$split"
wasm-bindgen --target web --keep-lld-exports --no-demangle --out-dir "$pkg" --out-name leye "$split/leye.wasm"
rm -f "$pkg"/*.d.ts
# Short names for the main module's imports from its glue, in both files (tools/minify-imports.mjs).
node tools/minify-imports.mjs "$pkg"
find "$split" -maxdepth 1 -type f ! -name leye.wasm -exec cp {} "$pkg/" \;

# wasm-opt on every module, with the features above. One process per core: npm's wasm-opt starts slowly.
# (wasm-split leaves a name subsection that wasm-opt does not know and warns about; the warning is dropped, real
# errors are shown and stop the build.)
export KEEP_NAMES="$keep_names"
# shellcheck disable=SC2016
find "$pkg" -name '*.wasm' -print0 | xargs -0 -P "$(nproc)" -n 1 sh -c '
  log="$(mktemp)"
  if ! wasm-opt -Oz $WASM_OPT_FEATURES $KEEP_NAMES "$0" -o "$0" 2>"$log"; then
    grep -v "unknown name subsection" "$log" >&2; rm -f "$log"; exit 1
  fi
  rm -f "$log"'

[ "${LEYE_NAMES:-}" = 1 ] || node tools/assemble.mjs --out dist
