#!/usr/bin/env bash
# Every bundled ruleset checks cleanly, is in force today (or ended no more than 31 days
# ago: bundled rules must not go stale unnoticed), and passes every worked example.
set -euo pipefail
cargo build --locked --quiet
bin=target/debug/carebudget
files=(www/rules/*.yaml)
for f in "${files[@]}"; do
  "$bin" check --stale-after 31 "$f"
done
"$bin" test "${files[@]}"
