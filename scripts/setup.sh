#!/usr/bin/env bash
# Installs what building (and, with --test, testing) 乐业通 needs, skipping whatever is already there.
# Works on a fresh Debian machine with rustup, Node and apt. Safe to run again: a second run installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# Rust: the wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock)
if [ -z "$WBG_VERSION" ]; then
  echo "setup: could not read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WBG_VERSION" ]; then
  say "installing wasm-bindgen-cli $WBG_VERSION"
  # Not --locked: its lock file names a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

# wasm-split cuts the app's wasm at its lazily loaded routes (the #[lazy_route] screens in src/app.rs).
WSPLIT_VERSION=0.2.4
# (it has no --version: ask cargo which version it installed)
installed_crates="$(cargo install --list)"
if ! command -v wasm-split-cli >/dev/null ||
  ! grep -qx "wasm_split_cli_support v$WSPLIT_VERSION:" <<<"$installed_crates"; then
  say "installing wasm-split-cli $WSPLIT_VERSION"
  cargo install --locked wasm_split_cli_support --version "$WSPLIT_VERSION" --features build-binary
fi

# Trunk, for the development loop (`trunk serve`, see Trunk.toml); the release is scripts/build.sh.
TRUNK_VERSION=0.21.14
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# Node tools: binaryen 132 (wasm-opt; Debian's 108 breaks the wasm) and the e2e driver.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing node tools (npm ci)"
  npm ci --no-audit --no-fund
fi

# Headless Chromium: the build renders the first screen into index.html with it (tools/prerender.mjs); the
# tests drive it.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
if [ "$want_test" = 1 ]; then
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  # Without a CJK font headless screenshots show boxes instead of Chinese.
  fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk" || missing+=(fonts-wqy-microhei)
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} with apt"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
