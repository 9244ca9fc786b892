#!/usr/bin/env bash
# The peer benchmark, in one command (see docs/benchmarks.md):
#   bash bench/run.sh           installs what is missing (bench/setup.sh), checks that ours,
#                               OpenFisca, Publicodes and GoRules ZEN agree to the penny on
#                               10,000 households, then times them all; prints a markdown table
#                               and writes bench/out/results.md
#   bash bench/run.sh --smoke   about 100 households, the agreement check only, no timing
# Exits non-zero if any implementation disagrees (before anything is timed).
set -euo pipefail
cd "$(dirname "$0")"
if [[ " $* " == *" --smoke "* ]]; then
  bash setup.sh --smoke
else
  bash setup.sh
fi
exec .venv/bin/python run.py "$@"
