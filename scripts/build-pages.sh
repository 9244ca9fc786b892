#!/usr/bin/env bash
# Generates the rules pages: www/pages/<id>.html for every www/rules/*.yaml, and for a
# ruleset written in Welsh as well, www/pages/<id>.cy.html, each linking to the other.
# The pages are generated output (www/pages/ is ignored by git); scripts/test.sh and the
# run script regenerate them. Pages link ../rules-page.css and have no scripts.
# Set CAREBUDGET_BIN to use an already built binary instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${CAREBUDGET_BIN:-}
if [ -z "$bin" ]; then
  cargo build --locked --quiet
  bin=target/debug/carebudget
fi
out=www/pages
mkdir -p "$out"
shopt -s nullglob
count=0
for f in www/rules/*.yaml; do
  # The ruleset's own id (the first top-level `id:` line), else the file name.
  id=$(sed -n 's/^id:[[:space:]]*\([A-Za-z0-9_-]*\).*/\1/p' "$f" | head -n 1)
  id=${id:-$(basename "$f" .yaml)}
  if grep -Eq '^languages:.*\bcy\b' "$f"; then
    "$bin" page "$f" -o "$out/$id.html" --lang en --alternate "$id.cy.html"
    "$bin" page "$f" -o "$out/$id.cy.html" --lang cy --alternate "$id.html"
    count=$((count + 2))
  else
    "$bin" page "$f" -o "$out/$id.html" --lang en
    count=$((count + 1))
  fi
done
echo "$count rules pages in $out/"
