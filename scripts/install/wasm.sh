#!/usr/bin/env bash
# The wasm toolchain for bindings/wasm and js/: the wasm32 target and a wasm-bindgen CLI whose
# version matches the `wasm-bindgen` crate in Cargo.lock exactly (the CLI refuses any other).
# Idempotent: a warm machine (binary already in ~/.cargo/bin) returns at once.
#
# `cargo install wasm-bindgen-cli --locked` fails on this registry mirror (its lockfile pins a
# webpki-roots release the mirror lacks), so the crate is unpacked from cargo's own download
# cache, that one dependency is moved to a release the mirror has, and it is installed --locked.
set -euo pipefail
cd "$(dirname "$0")/../.."

VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
VERSION=${VERSION:-0.2.130}
WEBPKI=1.0.10

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

have() { command -v "$1" >/dev/null && "$1" --version 2>/dev/null | grep -q " $VERSION"; }
if have wasm-bindgen && have wasm-bindgen-test-runner; then
  exit 0
fi

echo "installing wasm-bindgen-cli $VERSION" >&2
crate=$(ls ~/.cargo/registry/cache/*/wasm-bindgen-cli-"$VERSION".crate 2>/dev/null | head -n1 || true)
if [ -z "$crate" ]; then
  # Let cargo download the crate into its cache (the build itself is expected to fail here).
  cargo install wasm-bindgen-cli --version "$VERSION" --locked >/dev/null 2>&1 || true
  crate=$(ls ~/.cargo/registry/cache/*/wasm-bindgen-cli-"$VERSION".crate 2>/dev/null | head -n1 || true)
fi
if have wasm-bindgen && have wasm-bindgen-test-runner; then
  exit 0
fi
[ -n "$crate" ] || { echo "wasm-bindgen-cli-$VERSION.crate not in ~/.cargo/registry/cache" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$crate" -C "$work"
cd "$work/wasm-bindgen-cli-$VERSION"
cargo update -q -p webpki-roots --precise "$WEBPKI"
cargo install -q --path . --locked --force
have wasm-bindgen && have wasm-bindgen-test-runner
