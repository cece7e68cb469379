#!/usr/bin/env bash
# Rust toolchain pieces the build needs beyond a plain rustup install. Idempotent.
set -euo pipefail
command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first" >&2; exit 1; }
rustup component add rustfmt clippy >/dev/null 2>&1 || true
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
