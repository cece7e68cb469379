# Kotlin: generated bindings (never committed) + the host shim, compiled with kotlinc into a jar
# that carries the native library at JNA's resource path (linux-x86-64/libpspkit_ffi.so), so no
# -Djna.library.path is needed; published as a Maven-layout artifact (pom + jar) under
# bindings/kotlin/build/maven. Tested with JUnit 5 on the JVM (vectors, leaks, client, flow,
# coroutines, OkHttp), the README's Kotlin blocks and the e2e scenarios against the sandbox.
SETUP_TARGETS += setup-kotlin
TEST_TARGETS += test-kotlin
VECTOR_TARGETS += vectors-kotlin
BENCH_TARGETS += bench-kotlin

KOTLINC := .tools/kotlinc/bin/kotlinc
KT_DIR := bindings/kotlin
KT_BUILD := $(KT_DIR)/build
KT_JAR := $(KT_BUILD)/pspkit.jar
KT_TEST_JAR := $(KT_BUILD)/pspkit-tests.jar
KT_LIB := .tools/kotlinc/lib
KT_VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
KT_MAVEN := $(KT_BUILD)/maven/dev/pspkit/pspkit/$(KT_VERSION)
# JNA's resource folder for this platform (Platform.RESOURCE_PREFIX).
KT_NATIVE := linux-x86-64
SJ := /usr/share/java
# What the jar needs: JNA always; coroutines (+ atomicfu, which it loads at run time) for the
# suspend API; OkHttp (+ okio) for OkHttpTransport.
JAVA_LIBS := $(SJ)/jna.jar:$(SJ)/kotlinx-coroutines-core.jar:$(SJ)/atomicfu.jar:$(SJ)/okhttp.jar:$(SJ)/okio.jar
JUNIT := $(SJ)/junit-platform-console-standalone.jar
KT_RUN_CP := $(KT_JAR):$(KT_TEST_JAR):$(JAVA_LIBS):$(KT_LIB)/kotlin-stdlib.jar
# No jna.library.path: the tests load the library from inside the jar, as users do.
KT_JVM := java -jar $(JUNIT) --disable-banner --details=summary --class-path $(KT_RUN_CP)

.PHONY: setup-kotlin kotlin-jar test-kotlin vectors-kotlin e2e-kotlin readme-kotlin bench-kotlin
setup-kotlin:
	scripts/install/kotlin.sh

# A release build of the cdylib (slow on 2 cores when the core changed), then kotlinc. The
# generated Gateway's build/parse/parseCallback are redirected to the direct JNA call
# (scripts/patch-direct.py, src/main/kotlin/dev/pspkit/DirectAbi.kt), same API and types.
kotlin-jar:
	cargo build -q --release -p pspkit-ffi
	rm -rf $(KT_DIR)/generated $(KT_BUILD)/native && mkdir -p $(KT_BUILD)/native/$(KT_NATIVE)
	cargo run -q -p pspkit-ffi --features cli --bin uniffi-bindgen -- generate \
	  --library target/release/libpspkit_ffi.so --language kotlin --out-dir $(KT_DIR)/generated --no-format >/dev/null
	$(KT_DIR)/scripts/patch-generated.sh $(KT_DIR)/generated/dev/pspkit/ffi/pspkit_ffi.kt
	python3 $(KT_DIR)/scripts/patch-direct.py $(KT_DIR)/generated/dev/pspkit/ffi/pspkit_ffi.kt
	python3 $(KT_DIR)/scripts/patch-lone-surrogate.py $(KT_DIR)/generated/dev/pspkit/ffi/pspkit_ffi.kt \
	  $(KT_DIR)/generated/dev/pspkit/model/pspkit_model.kt
	$(KOTLINC) -nowarn -cp $(JAVA_LIBS) -d $(KT_JAR) $(KT_DIR)/generated $(KT_DIR)/src/main/kotlin
	cp target/release/libpspkit_ffi.so $(KT_BUILD)/native/$(KT_NATIVE)/
	jar uf $(KT_JAR) -C $(KT_BUILD)/native $(KT_NATIVE)/libpspkit_ffi.so
	rm -rf $(KT_BUILD)/maven && mkdir -p $(KT_MAVEN)
	cp $(KT_JAR) $(KT_MAVEN)/pspkit-$(KT_VERSION).jar
	sed 's/@VERSION@/$(KT_VERSION)/' $(KT_DIR)/pom.xml > $(KT_MAVEN)/pspkit-$(KT_VERSION).pom
	$(KOTLINC) -nowarn -cp $(KT_JAR):$(JAVA_LIBS):$(JUNIT) -d $(KT_TEST_JAR) $(KT_DIR)/src/test/kotlin

test-kotlin: kotlin-jar
	PSPKIT_VECTORS=$(CURDIR)/tests/vectors PSPKIT_MAVEN_DIR=$(CURDIR)/$(KT_MAVEN) $(KT_JVM) --scan-class-path
	$(MAKE) --no-print-directory readme-kotlin

# Prints exactly "kotlin: N passed, M failed"; JUnit's report goes to stderr.
vectors-kotlin:
	@[ -f $(KT_TEST_JAR) ] || $(MAKE) --no-print-directory kotlin-jar >&2
	@log=$$(mktemp); rc=0; \
	PSPKIT_VECTORS="$(DIR)" $(KT_JVM) --select-class dev.pspkit.VectorsTest >"$$log" 2>&1 || rc=$$?; \
	line=$$(grep -E '^kotlin: [0-9]+ passed, [0-9]+ failed$$' "$$log" || true); \
	if [ -z "$$line" ] || [ $$rc -ne 0 ]; then grep -vE '^kotlin: ' "$$log" >&2; fi; \
	if [ -z "$$line" ]; then echo "kotlin: 0 passed, 1 failed"; rm -f "$$log"; exit 1; fi; \
	echo "$$line"; rm -f "$$log"; exit $$rc

# The Kotlin e2e runner alone over tests/scenarios (make test-sandbox runs it with the others).
e2e-kotlin:
	tests/sandbox/with-sandbox.sh bash tests/scenarios/runners/run-kotlin.sh

# Every ```kotlin block of README.md, compiled against the Maven artifact and run against a sandbox.
readme-kotlin:
	@[ -f $(KT_JAR) ] || $(MAKE) --no-print-directory kotlin-jar
	tests/sandbox/with-sandbox.sh $(KT_DIR)/scripts/readme-blocks.sh

# A PayStar status answer, parse + normalize: pspkit against org.json + the same status table.
bench-kotlin:
	@[ -f $(KT_JAR) ] || $(MAKE) --no-print-directory kotlin-jar
	mkdir -p target/bench-kotlin
	$(KOTLINC) -nowarn -cp $(KT_JAR):$(JAVA_LIBS):$(SJ)/com.android.json.jar -d target/bench-kotlin/bench.jar $(KT_DIR)/bench/ParseStatus.kt
	java -cp target/bench-kotlin/bench.jar:$(KT_JAR):$(JAVA_LIBS):$(SJ)/com.android.json.jar:$(KT_LIB)/kotlin-stdlib.jar dev.pspkit.bench.ParseStatusKt
