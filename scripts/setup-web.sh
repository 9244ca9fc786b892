#!/usr/bin/env bash
# Installs what the WebAssembly build and the browser tests need.
# Idempotent: each step checks first, so a second run takes a second or two.
# Only package registries are reachable, so nothing here downloads a prebuilt binary.
set -euo pipefail
cd "$(dirname "$0")/.."

# The wasm-bindgen CLI must match the library version pinned in Cargo.toml exactly.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p' src/web/Cargo.toml)
WASM_BINDGEN_VERSION=${WASM_BINDGEN_VERSION:-0.2.130}

log() { printf 'setup-web: %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The widget's release build uses a pinned nightly with the standard library's source
# (scripts/widget-toolchain.sh says why); the tests and everything else use stable.
source scripts/widget-toolchain.sh
if ! rustup run "$WIDGET_TOOLCHAIN" rustc --print sysroot >/dev/null 2>&1 \
  || [ ! -d "$(rustup run "$WIDGET_TOOLCHAIN" rustc --print sysroot)/lib/rustlib/src/rust/library" ] \
  || ! rustup target list --installed --toolchain "$WIDGET_TOOLCHAIN" | grep -qx wasm32-unknown-unknown; then
  log "installing the widget's toolchain, $WIDGET_TOOLCHAIN (minimal, with rust-src)"
  rustup toolchain install "$WIDGET_TOOLCHAIN" --profile minimal --component rust-src --target wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes on 2 cores)"
  bash scripts/install-wasm-bindgen.sh "$WASM_BINDGEN_VERSION"
fi

# Pinned, so every machine builds with the same wasm-pack (its own lock file installs cleanly).
WASM_PACK_VERSION=0.15.1
if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$WASM_PACK_VERSION" ]; then
  log "installing wasm-pack $WASM_PACK_VERSION"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked
fi

need_apt=()
command -v brotli >/dev/null || need_apt+=(brotli)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# Node packages, each from its committed lock file: wasm-opt (npm binaryen: Debian's 108
# misreads the externref table wasm-bindgen 0.2.130 emits, breaking the module at run time),
# terser and lightningcss (minify the glue and the stylesheet), and the browser-test tools (playwright-core driving /usr/bin/chromium, axe-core).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  log "installing Debian packages: nodejs npm"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nodejs npm >/dev/null
fi
for dir in scripts/web-tools tests/e2e; do
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
