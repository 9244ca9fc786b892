#!/usr/bin/env bash
# The widget in a real browser (Debian's headless Chromium):
#   1. build it (installs what is missing; fails above the size limit in pkg-config/size-budget.json),
#      and clippy on the widget's own code, which native builds leave out
#   2. the bindings and the journey: src/web/tests/{web,journey}.rs with wasm-bindgen-test,
#      driven through chromedriver (src/web/webdriver.json gives Chromium's flags)
#   3. end to end: tests/e2e (playwright-core + axe-core) — five people's journeys, keyboard
#      only, WCAG 2.2 A/AA on every step, 320 px, strict CSP, hostile labels, pinned hash,
#      no traffic or storage
set -euo pipefail
cd "$(dirname "$0")/../.."

bash scripts/build-web.sh

echo "web: clippy on the widget's code (wasm32, feature web)"
cargo clippy --locked --quiet --target wasm32-unknown-unknown -p carebudget-web --features dom --lib --tests -- -D warnings

echo "web: bindings and journey (wasm-bindgen-test in headless Chromium; webdriver.json in src/web)"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120}
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --target wasm32-unknown-unknown -p carebudget-web --features dom --test web --test journey

echo "web: end-to-end journeys (playwright-core, axe-core)"
(cd tests/e2e && npm test --silent)
