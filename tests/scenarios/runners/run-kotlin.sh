#!/usr/bin/env bash
# Builds the Kotlin e2e runner (E2e.kt) against the Kotlin package's jar (mk/kotlin.mk
# kotlin-jar, built first if missing) and runs it over tests/scenarios/.
set -euo pipefail
cd "$(dirname "$0")/../../.."
kotlinc=.tools/kotlinc/bin/kotlinc
jar=bindings/kotlin/build/pspkit.jar
out=target/e2e-kotlin/e2e.jar
[ -x "$kotlinc" ] || make --no-print-directory setup-kotlin >&2
[ -f "$jar" ] && [ -f target/release/libpspkit_ffi.so ] || make --no-print-directory kotlin-jar >&2
mkdir -p "$(dirname "$out")"
if [ ! -f "$out" ] || [ tests/scenarios/runners/E2e.kt -nt "$out" ] || [ "$jar" -nt "$out" ]; then
  "$kotlinc" -nowarn -cp "$jar:/usr/share/java/jna.jar" -d "$out" tests/scenarios/runners/E2e.kt
fi
# No jna.library.path: the jar carries libpspkit_ffi.so at JNA's resource path.
exec java \
  -cp "$out:$jar:/usr/share/java/jna.jar:.tools/kotlinc/lib/kotlin-stdlib.jar" \
  dev.pspkit.e2e.E2eKt tests/scenarios
