#!/usr/bin/env bash
# Runs every language's e2e runner over tests/scenarios/ against the sandbox at
# $PSPKIT_SANDBOX_URL (start one with tests/sandbox/with-sandbox.sh). One after another: the
# runners share the sandbox and each scenario resets it. Every runner prints
# "<language> e2e: N passed, M failed"; the script fails if any runner failed.
set -uo pipefail
cd "$(dirname "$0")/../.."
: "${PSPKIT_SANDBOX_URL:?start the sandbox with tests/sandbox/with-sandbox.sh}"
rc=0
run() {
  local name="$1"; shift
  echo "--- $name e2e"
  "$@" || { echo "$name e2e: FAILED (exit $?)"; rc=1; }
}
run rust cargo test -q -p pspkit-sandbox --test e2e -- --nocapture
if [ -f js/dist/pspkit_wasm_bg.wasm ]; then
  run js node tests/scenarios/runners/e2e.mjs
else
  echo "js e2e: skipped (js/dist not built; run make js-build)"; rc=1
fi
for extra in tests/scenarios/runners/run-*.sh; do
  [ -e "$extra" ] || continue
  run "$(basename "$extra" .sh | sed 's/^run-//')" bash "$extra"
done
exit $rc
