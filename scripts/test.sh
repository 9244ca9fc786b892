#!/usr/bin/env bash
# Runs every test: the README's test command, and what CI runs (.ci/run).
# Installs what it needs first (idempotent: quick when already there).
# Each part lives in scripts/test.d/NN-name.sh and runs in order; any failure stops the run.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
start=$(date +%s)
for part in scripts/test.d/*.sh; do
  t0=$(date +%s)
  printf '\n==> %s\n' "$part"
  bash "$part"
  printf '<== %s (%ss)\n' "$part" "$(( $(date +%s) - t0 ))"
done
printf '\nall test parts passed in %ss\n' "$(( $(date +%s) - start ))"
