#!/usr/bin/env bash
# Installs the peer benchmark's tools, each from its registry. Idempotent: every step
# checks first, so a second run takes seconds.
#
#   bash bench/setup.sh           everything bench/run.sh needs
#   bash bench/setup.sh --smoke   only what `bench/run.sh --smoke` (the agreement check) needs
#
# - OpenFisca: pip into bench/.venv, versions pinned in bench/requirements.txt (PyPI)
# - Publicodes, GoRules ZEN's Node binding and wasm package, esbuild, playwright-core:
#   npm in bench/js, from its lock file (npm registry). `npm install` rather than `npm ci`:
#   @gorules/zen-engine lists optional binaries for platforms it never published at 0.54.0,
#   so no lock file can be "in sync" for `npm ci`; with the lock present, `npm install`
#   installs exactly the locked versions.
# - Our engine, natively: cargo build of bench/native (release; its own lock and target dir)
# - Full run only: GoRules ZEN, natively (crate `zen-engine` from crates.io, behind bench/native's
#   `zen` feature: about 470 crates, several minutes on 2 cores, so the smoke check uses ZEN's
#   prebuilt Node binding of the same Rust core instead); our engine as WebAssembly for the
#   browser (bench/wasm, wasm-bindgen CLI); Debian's chromium and brotli; the widget
#   (scripts/build-web.sh) for its transfer size.
set -euo pipefail
cd "$(dirname "$0")"
smoke=0
for a in "$@"; do
  case $a in
    --smoke) smoke=1 ;;
    *) echo "setup: unknown option $a" >&2; exit 2 ;;
  esac
done
log() { printf 'bench/setup: %s\n' "$*" >&2; }

apt_install() {
  log "installing Debian packages: $*"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "$@" >/dev/null
}

# --- Python: OpenFisca ---
command -v python3 >/dev/null || apt_install python3 python3-venv
if ! .venv/bin/python -c '' 2>/dev/null; then
  log "creating bench/.venv"
  rm -rf .venv
  python3 -m venv .venv || { apt_install python3-venv; python3 -m venv .venv; }
fi
if [ ! -f .venv/.installed ] || [ requirements.txt -nt .venv/.installed ]; then
  log "pip install -r bench/requirements.txt (OpenFisca)"
  .venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
  touch .venv/.installed
fi

# --- Node: Publicodes, ZEN (Node binding and wasm package), esbuild, playwright-core ---
command -v npm >/dev/null || apt_install nodejs npm
if [ ! -f js/node_modules/.package-lock.json ] || [ js/package-lock.json -nt js/node_modules/.package-lock.json ]; then
  log "npm install in bench/js (from its lock file)"
  (cd js && npm install --no-audit --no-fund --loglevel=error)
fi

# --- Rust: our engine natively (and ZEN natively for the full run) ---
# cargo skips the build when nothing changed; --locked keeps to bench/native/Cargo.lock.
features=()
[ $smoke = 0 ] && features=(--features zen)
log "cargo build --release ${features[*]} (bench/native)"
(cd native && cargo build --release --locked --quiet "${features[@]}")

[ $smoke = 1 ] && exit 0

# --- Full run: the browser, brotli, our engine as WebAssembly, the widget ---
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v brotli >/dev/null || need_apt+=(brotli)
[ ${#need_apt[@]} -eq 0 ] || apt_install "${need_apt[@]}"

wb_version=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' wasm/Cargo.toml)
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  log "installing wasm-bindgen-cli $wb_version"
  bash ../scripts/install-wasm-bindgen.sh "$wb_version"
fi
wasm_out=out/wasm
wasm_bin=wasm/target/wasm32-unknown-unknown/release/carebudget_bench_wasm.wasm
# Built as the widget is (scripts/build-web.sh): the pinned nightly, std rebuilt for size,
# panics that stop at once.
source ../scripts/widget-toolchain.sh
if ! rustup run "$WIDGET_TOOLCHAIN" rustc --version >/dev/null 2>&1; then
  (cd .. && bash scripts/setup-web.sh)
fi
log "cargo build --release --target wasm32-unknown-unknown (bench/wasm, $WIDGET_TOOLCHAIN)"
(cd wasm && RUSTUP_TOOLCHAIN=$WIDGET_TOOLCHAIN RUSTFLAGS="$WIDGET_RUSTFLAGS" \
  cargo build --release --locked --quiet --target wasm32-unknown-unknown "${WIDGET_CARGO_ARGS[@]}")
if [ ! -f $wasm_out/bench_bg.wasm ] || [ $wasm_bin -nt $wasm_out/bench_bg.wasm ]; then
  mkdir -p $wasm_out
  wasm-bindgen --target web --out-dir $wasm_out --out-name bench $wasm_bin
  # Optimised as the widget is (scripts/build-web.sh: npm binaryen's wasm-opt, the flags in the
  # main Cargo.toml), when the main project's web tools are installed.
  tools=../scripts/web-tools/node_modules/.bin
  wasm_opt=$tools/wasm-opt
  rm -f $wasm_out/wasm-opt.done
  if [ -x $wasm_opt ]; then
    # The flags wasm-pack passes for the widget, from the main Cargo.toml.
    read -ra opt_flags < <(python3 -c 'import tomllib; print(" ".join(tomllib.load(open("../Cargo.toml", "rb"))["package"]["metadata"]["wasm-pack"]["profile"]["release"]["wasm-opt"]))')
    $wasm_opt "${opt_flags[@]}" -o $wasm_out/bench_bg.wasm $wasm_out/bench_bg.wasm
    # And its glue minified, as the widget's is.
    $tools/terser $wasm_out/bench.js --module --compress --mangle -o $wasm_out/bench.js
    touch $wasm_out/wasm-opt.done
  fi
fi

# The widget as the main project builds it (for its transfer size); skipped when built.
if [ ! -f ../www/pkg/engine_bg.wasm ]; then
  log "building the widget (scripts/build-web.sh --no-budget)"
  (cd .. && bash scripts/build-web.sh --no-budget)
fi
log "ready (${SECONDS}s)"
