#!/usr/bin/env bash
# The rules pages: every bundled ruleset renders (scripts/build-pages.sh fails on any
# error), and every page is complete, script-free and style-attribute-free (so it works
# under a Content-Security-Policy of default-src 'self').
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/build-pages.sh
shopt -s nullglob
pages=(www/pages/*.html)
rules=(www/rules/*.yaml)
if [ "${#pages[@]}" -lt "${#rules[@]}" ]; then
  echo "expected a page for each of ${#rules[@]} rulesets, found ${#pages[@]}" >&2
  exit 1
fi
fail=0
for p in "${pages[@]}"; do
  if ! tail -c 200 "$p" | grep -q '</html>'; then
    echo "$p: incomplete page" >&2; fail=1
  fi
  # Only real tags can match: ruleset text is escaped, so it never contains a raw `<`.
  if grep -Eiq '<script|<[a-z][^<>]*[[:space:]](style|on[a-z]+)=' "$p"; then
    echo "$p: has a script, an inline style or an event handler attribute" >&2; fail=1
  fi
  if ! grep -q '<html lang="' "$p"; then
    echo "$p: no lang attribute" >&2; fail=1
  fi
done
exit $fail
