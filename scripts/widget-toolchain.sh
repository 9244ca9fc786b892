# The toolchain for the widget's release build (sourced by setup-web.sh and build-web.sh).
#
# A pinned nightly, because the two options that make the module 14% smaller are unstable:
# `-Zbuild-std` with std's `optimize_for_size`, and `-Cpanic=immediate-abort`. Pinned to a
# date so that a build is reproducible and a new nightly cannot break it unseen; move it
# deliberately, then rebuild and check the size and the browser tests (scripts/test.sh).
# Everything else (the CLI, native and wasm-bindgen tests, clippy) uses stable.
WIDGET_TOOLCHAIN=nightly-2026-05-20
# The flags and cargo arguments every build of the widget's module uses (build-web.sh, and
# the peer benchmark's engine-alone module in bench/setup.sh).
WIDGET_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
WIDGET_CARGO_ARGS=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
