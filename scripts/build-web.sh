#!/usr/bin/env bash
# Builds the <care-budget> widget and everything the demo pages need:
#   1. the WebAssembly engine: wasm-pack --target web --mode no-install (never downloads),
#      with the pinned nightly toolchain (scripts/widget-toolchain.sh),
#      optimised by wasm-opt (npm binaryen, flags in Cargo.toml) → www/pkg/, its JavaScript
#      glue minified by terser, and the stylesheet minified by lightningcss
#   2. the published rulesets: `carebudget build` of www/rules/*.yaml → www/rules/*.json
#      (the ruleset, for people and tools) and www/rules/*.cbp (the compiled program the
#      widget reads), and the pinned hashes (`rules-sha256`) in the demo pages updated to match
#   3. the npm package from pkg-config/ → target/npm/
#   4. the size budget (pkg-config/size-budget.json): fails if the widget is over it.
# Installs what is missing first (scripts/setup-web.sh). Options:
#   --no-setup    skip the install check     --no-budget   report sizes but do not fail
set -euo pipefail
cd "$(dirname "$0")/.."
setup=1 budget=1
for a in "$@"; do
  case $a in
    --no-setup) setup=0 ;;
    --no-budget) budget=0 ;;
    *) echo "build-web: unknown option $a" >&2; exit 2 ;;
  esac
done
[ $setup = 1 ] && bash scripts/setup-web.sh
log() { printf 'build-web: %s\n' "$*" >&2; }

log "WebAssembly (release, wasm-opt)"
# wasm-pack runs the first wasm-opt on PATH, with the flags in Cargo.toml: binaryen from npm.
export PATH="$PWD/scripts/web-tools/node_modules/.bin:$PATH"
if [ "$(command -v wasm-opt)" != "$PWD/scripts/web-tools/node_modules/.bin/wasm-opt" ]; then
  log "binaryen's wasm-opt is missing (scripts/setup-web.sh installs it)"; exit 1
fi
# Built with the pinned nightly in scripts/widget-toolchain.sh, for two unstable options that
# take a seventh off the module's brotli size (docs/widget.md, "Size"): std rebuilt with
# `optimize_for_size`, and panics that stop at once (`immediate-abort`) without formatting a
# message no one would see (a panic in WebAssembly stops the module either way). Its own
# target directory keeps the stable builds' caches intact.
source scripts/widget-toolchain.sh
RUSTUP_TOOLCHAIN=$WIDGET_TOOLCHAIN CARGO_TARGET_DIR="$PWD/target/widget" \
  RUSTFLAGS="$WIDGET_RUSTFLAGS" \
  wasm-pack --quiet build --target web --mode no-install --release --no-pack --no-gitignore \
  --out-dir "$PWD/www/pkg" --out-name engine src/web -- --features dom --locked \
  "${WIDGET_CARGO_ARGS[@]}"

# wasm-bindgen's glue is generated code: minified, a third of its transfer size (terser,
# from scripts/web-tools; the exports and `engine.d.ts` are unchanged).
log "minifying the generated glue (terser)"
terser www/pkg/engine.js --module --compress --mangle -o www/pkg/engine.min.js
mv www/pkg/engine.min.js www/pkg/engine.js

log "minifying the stylesheet (lightningcss) → www/pkg/carebudget.css"
node scripts/web.mjs css

log "published rulesets"
cargo build --locked --quiet --bin carebudget
shopt -s nullglob
for f in www/rules/*.yaml; do
  id=$(basename "$f" .yaml)
  if ! target/debug/carebudget build "$f" -o "www/rules/$id.json" --program "www/rules/$id.cbp" \
      >/dev/null 2>"target/build-$id.err"; then
    log "warning: $f does not build; www/rules/$id.json and .cbp not published:"
    sed 's/^/    /' "target/build-$id.err" | head -5 >&2
    rm -f "www/rules/$id.json" "www/rules/$id.cbp"
  fi
done
node scripts/web.mjs pin

log "npm package → target/npm"
node scripts/web.mjs package target/npm

if [ $budget = 1 ]; then node scripts/web.mjs size; else node scripts/web.mjs size --report-only; fi
