#!/usr/bin/env bash
# The demo behind `make demo` (mk/demo.mk): builds what each language needs (only what is missing
# or stale), starts ONE sandbox (tests/sandbox/with-sandbox.sh, which stops it whatever happens),
# and runs a PayStar deposit and payout lifecycle through the JS, Python and Kotlin clients in
# turn. Exits non-zero if any language's demo failed; the others still run.
set -euo pipefail
cd "$(dirname "$0")/../.."
kotlinc=.tools/kotlinc/bin/kotlinc
kt_jar=bindings/kotlin/build/pspkit.jar
kt_demo=target/demo-kotlin/demo.jar
kt_cp="$kt_demo:$kt_jar:/usr/share/java/jna.jar:.tools/kotlinc/lib/kotlin-stdlib.jar"

if [ -z "${PSPKIT_SANDBOX_URL:-}" ]; then
  echo "Preparing the demo (JS wasm build, Python wheel, Kotlin jar; skipped when up to date)..."
  make --no-print-directory -s js-build >&2
  if ! .venv/bin/python -c "import pspkit" 2>/dev/null; then
    make --no-print-directory python-wheel >&2
  fi
  if ! { [ -f "$kt_jar" ] && [ -f target/release/libpspkit_ffi.so ]; }; then
    make --no-print-directory kotlin-jar >&2
  fi
  mkdir -p "$(dirname "$kt_demo")"
  if [ ! -f "$kt_demo" ] || [ examples/demo/Demo.kt -nt "$kt_demo" ] || [ "$kt_jar" -nt "$kt_demo" ]; then
    "$kotlinc" -nowarn -cp "$kt_jar:/usr/share/java/jna.jar" -d "$kt_demo" examples/demo/Demo.kt
  fi
  exec tests/sandbox/with-sandbox.sh "$0"
fi

rc=0
section() {
  local title="$1"; shift
  printf '\n################ %s ################\n\n' "$title"
  "$@" || { echo "!! $title demo FAILED (exit $?)"; rc=1; }
}
section "JavaScript (npm package: js/, over wasm)" node examples/demo/demo.mjs
section "Python (pspkit wheel, over uniffi)" .venv/bin/python examples/demo/demo.py
section "Kotlin (bindings/kotlin, over uniffi + JNA)" \
  java -Djna.library.path="$PWD/target/release" -cp "$kt_cp" dev.pspkit.demo.DemoKt
if [ $rc -eq 0 ]; then
  echo "demo: JavaScript, Python and Kotlin each took a deposit and a payout to a final state"
fi
exit $rc
