#!/usr/bin/env bash
# Formatting, lints, and the Rust unit, integration and property tests.
set -euo pipefail
cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings
cargo test --locked
