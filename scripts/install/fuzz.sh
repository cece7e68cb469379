#!/usr/bin/env bash
# cargo-fuzz for `make fuzz` and the fuzz smoke in `make test`. libFuzzer runs on the stable
# toolchain with RUSTC_BOOTSTRAP=1 and `--sanitizer none` (mk/fuzz.mk), so no nightly is needed.
# Idempotent: a machine that has cargo-fuzz skips the (few minutes of) building.
set -euo pipefail
command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first" >&2; exit 1; }
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
