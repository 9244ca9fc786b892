#!/usr/bin/env bash
# Formatting, lints, and the Rust unit, integration and property tests.
set -euo pipefail
cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings
# The widget's journey builds natively too (the fuzz targets use it): keep it so.
cargo clippy --lib --features journey --locked -- -D warnings
cargo test --locked
