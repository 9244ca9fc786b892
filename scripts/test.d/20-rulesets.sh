#!/usr/bin/env bash
# Every bundled ruleset checks cleanly and passes every worked example.
set -euo pipefail
cargo build --locked --quiet
bin=target/debug/carebudget
shopt -s nullglob
files=(www/rules/*.yaml)
for f in "${files[@]}"; do
  "$bin" check "$f"
done
"$bin" test "${files[@]}" tests/cases/*.yaml
