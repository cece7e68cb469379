#!/usr/bin/env bash
# The npm package's dev tools (binaryen's wasm-opt, typescript, playwright-core) from the npm
# registry into js/node_modules, exactly as js/package-lock.json pins them. Idempotent: skipped
# when node_modules already matches the lockfile; downloads come from npm's cache (~/.npm) when warm.
set -euo pipefail
cd "$(dirname "$0")/../../js"
command -v node >/dev/null || { echo "node not found (Node >= 20 is needed)" >&2; exit 1; }
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 20 ] || { echo "Node >= 20 is needed, found $(node --version)" >&2; exit 1; }

stamp=node_modules/.pspkit-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x node_modules/.bin/wasm-opt ]; then
  exit 0
fi
npm ci --prefer-offline --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
