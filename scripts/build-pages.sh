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
# An index of the pages (www/pages/index.html), so that /pages/ lists them: each page by its
# own <title>, which the page command writes from the ruleset's title (already escaped).
{
  printf '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
  printf '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
  printf '<title>Published rules — carebudget</title>\n<link rel="stylesheet" href="../rules-page.css">\n</head>\n'
  printf '<body>\n<main id="main"><div class="wrap">\n<h1>Published rules</h1>\n'
  printf '<p>Every ruleset the calculator can use, as a page you can read without JavaScript.</p>\n<ul>\n'
  for page in "$out"/*.html; do
    name=$(basename "$page")
    [ "$name" = index.html ] && continue
    title=$(sed -n 's:.*<title>\(.*\) — [^—]*</title>.*:\1:p' "$page" | head -n 1)
    case $name in *.cy.html) lang=' lang="cy"' ;; *) lang='' ;; esac
    printf '<li><a href="%s"%s>%s</a></li>\n' "$name" "$lang" "${title:-$name}"
  done
  printf '</ul>\n<p><a href="../">Back to the calculator</a></p>\n</div></main>\n</body>\n</html>\n'
} > "$out/index.html"
echo "$count rules pages in $out/, and $out/index.html"
