#!/usr/bin/env bash
# Formatting, lints, and the Rust unit, integration and property tests of every crate in the
# workspace (the widget's journey included: it is plain Rust, tested natively here and in
# the browser by 40-web.sh). Then the crate graph itself: the widget must not depend on the
# ruleset format (no parser or checker in the browser).
set -euo pipefail
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked
if cargo tree --locked -p carebudget-web -e normal --prefix none | grep -q '^carebudget-format'; then
  echo "carebudget-web depends on carebudget-format: the widget must depend on the core only" >&2
  exit 1
fi
