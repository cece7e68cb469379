#!/usr/bin/env bash
# Compiles and runs every ```kotlin block of README.md, as a user would: against the Maven
# artifact (bindings/kotlin/build/maven) and the jars its pom names, with no jna.library.path,
# against the sandbox at $PSPKIT_SANDBOX_URL (mk/kotlin.mk readme-kotlin starts one). Each block
# is a self-contained program: its imports go to the top of its own file (its own package, so
# names never clash), the rest becomes the body of a function that the runner calls in order.
# Prints "kotlin readme: N passed, M failed"; exits 1 if any block failed to compile or run.
set -euo pipefail
cd "$(dirname "$0")/../../.."
: "${PSPKIT_SANDBOX_URL:?start the sandbox with tests/sandbox/with-sandbox.sh}"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
artifact=bindings/kotlin/build/maven/dev/pspkit/pspkit/$version/pspkit-$version.jar
[ -f "$artifact" ] || { echo "no $artifact: run make kotlin-jar" >&2; exit 1; }
out=target/readme-kotlin
rm -rf "$out" && mkdir -p "$out/src"
python3 - "$out/src" <<'PY'
import re, sys
out = sys.argv[1]
text = open("README.md", encoding="utf-8").read()
blocks = re.findall(r"^```kotlin\n(.*?)^```", text, re.S | re.M)
calls = []
for i, block in enumerate(blocks, 1):
    lines = block.splitlines()
    imports = [l for l in lines if l.startswith("import ")]
    body = [l for l in lines if not l.startswith("import ")]
    with open(f"{out}/Block{i}.kt", "w", encoding="utf-8") as f:
        f.write(f"package readme.b{i}\n\n" + "\n".join(imports) + "\n\n")
        f.write("@Suppress(\"UNUSED_VARIABLE\")\nfun run() {\n" + "\n".join("    " + l for l in body) + "\n}\n")
    calls.append(f'    "README kotlin block {i}" to {{ readme.b{i}.run() }},')
with open(f"{out}/Main.kt", "w", encoding="utf-8") as f:
    f.write("package readme\n\nimport kotlin.system.exitProcess\n\nval blocks = listOf<Pair<String, () -> Unit>>(\n")
    f.write("\n".join(calls) + "\n)\n\n")
    f.write("""fun main() {
    var failed = 0
    for ((name, block) in blocks) {
        try {
            block()
            println("ok   $name")
        } catch (e: Throwable) {
            failed++
            println("FAIL $name: $e")
            e.printStackTrace()
        }
    }
    println("kotlin readme: ${blocks.size - failed} passed, $failed failed")
    // exit now: OkHttp's idle pool threads would keep the JVM up for another minute
    exitProcess(if (failed > 0 || blocks.isEmpty()) 1 else 0)
}
""")
print(f"{len(blocks)} kotlin blocks extracted", file=sys.stderr)
PY
# The pom's dependencies, from Debian's jars (the same versions the pom names).
sj=/usr/share/java
deps="$sj/jna.jar:$sj/kotlinx-coroutines-core.jar:$sj/atomicfu.jar:$sj/okhttp.jar:$sj/okio.jar:.tools/kotlinc/lib/kotlin-stdlib.jar"
.tools/kotlinc/bin/kotlinc -nowarn -cp "$artifact:$deps" -d "$out/readme.jar" "$out/src"
java -cp "$out/readme.jar:$artifact:$deps" readme.MainKt
