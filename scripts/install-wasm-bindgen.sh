#!/usr/bin/env bash
# Installs the wasm-bindgen CLI at exactly version $1 (it must match the library in
# src/web/Cargo.toml), reproducibly: the crate's source from crates.io, checked against its
# sha256, built with our own lock file (scripts/tools/wasm-bindgen-cli-<version>.Cargo.lock).
#
# Why our own lock: the lock file packaged in wasm-bindgen-cli 0.2.130 pins webpki-roots
# 1.0.11, which the registry does not offer, so `cargo install --locked` fails and an
# unlocked install picks whatever versions are newest that day. Ours is the packaged lock with
# only webpki-roots moved to 1.0.10 (`cargo update -p webpki-roots --precise 1.0.10`).
# Nothing is downloaded but from crates.io, as cargo itself does.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: scripts/install-wasm-bindgen.sh VERSION}
lock=scripts/tools/wasm-bindgen-cli-$version.Cargo.lock
declare -A sha256=(
  [0.2.130]=c37f6904387d19a319525c74af274c73912f3871c35555aa49f3ea64ebb2fc7a
)
if [ ! -f "$lock" ] || [ -z "${sha256[$version]:-}" ]; then
  echo "install-wasm-bindgen: no lock file or checksum for $version: add $lock and its crate's sha256 here" >&2
  exit 1
fi
command -v curl >/dev/null || {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq curl >/dev/null
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
curl -sSfL -o "$work/crate.tar.gz" "https://static.crates.io/crates/wasm-bindgen-cli/wasm-bindgen-cli-$version.crate"
echo "${sha256[$version]}  $work/crate.tar.gz" | sha256sum -c --quiet -
tar xzf "$work/crate.tar.gz" -C "$work"
cp "$lock" "$work/wasm-bindgen-cli-$version/Cargo.lock"
cargo install --path "$work/wasm-bindgen-cli-$version" --locked
