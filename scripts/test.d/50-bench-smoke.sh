#!/usr/bin/env bash
# The peer benchmark's smoke check (bench/run.sh --smoke): ours, OpenFisca, Publicodes and
# GoRules ZEN give identical budgets and contributions, to the penny, on 100 generated
# households, so the four implementations of the model never drift apart. No timing.
# Installs only what the check needs (pip, npm, our engine natively); ZEN runs through its
# prebuilt Node binding here, since compiling the zen-engine crate takes several minutes on
# 2 cores (the full run, bash bench/run.sh, checks the crate too). See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash bench/setup.sh --smoke
bash bench/run.sh --smoke
