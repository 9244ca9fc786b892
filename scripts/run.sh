#!/usr/bin/env bash
# The README's run command: builds everything the demo needs and serves www/ on
# http://127.0.0.1:8080 (PORT=… to change). Installs what is missing first.
#   - the WebAssembly widget and the published rulesets (scripts/build-web.sh)
#   - the static rules pages (scripts/build-pages.sh, when present)
set -euo pipefail
cd "$(dirname "$0")/.."
# The demo runs even if the widget is over its size budget; the tests enforce it.
bash scripts/build-web.sh --no-budget
if [ -f scripts/build-pages.sh ]; then bash scripts/build-pages.sh; fi
echo
echo "Demo pages:"
echo "  http://127.0.0.1:${PORT:-8080}/               the calculator (index)"
echo "  http://127.0.0.1:${PORT:-8080}/council.html   a council's information page"
echo "  http://127.0.0.1:${PORT:-8080}/charity.html   a charity's page (iframe and element)"
echo "  http://127.0.0.1:${PORT:-8080}/strict-csp.html under a strict Content-Security-Policy"
exec node scripts/serve.mjs --port "${PORT:-8080}"
