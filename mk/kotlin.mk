# Kotlin: generated bindings (never committed) + the host shim, compiled with kotlinc into a jar,
# tested with JUnit 5 on the JVM (JNA loads target/release/libpspkit_ffi.so).
SETUP_TARGETS += setup-kotlin
TEST_TARGETS += test-kotlin
VECTOR_TARGETS += vectors-kotlin

KOTLINC := .tools/kotlinc/bin/kotlinc
KT_DIR := bindings/kotlin
KT_BUILD := $(KT_DIR)/build
KT_JAR := $(KT_BUILD)/pspkit.jar
KT_TEST_JAR := $(KT_BUILD)/pspkit-tests.jar
KT_LIB := .tools/kotlinc/lib
JAVA_LIBS := /usr/share/java/jna.jar
JUNIT := /usr/share/java/junit-platform-console-standalone.jar
KT_RUN_CP := $(KT_JAR):$(KT_TEST_JAR):$(JAVA_LIBS):$(KT_LIB)/kotlin-stdlib.jar
KT_JVM := java -Djna.library.path=$(CURDIR)/target/release -jar $(JUNIT) \
	--disable-banner --details=summary --class-path $(KT_RUN_CP)

.PHONY: setup-kotlin kotlin-jar test-kotlin vectors-kotlin
setup-kotlin:
	scripts/install/kotlin.sh

kotlin-jar:
	cargo build -q --release -p pspkit-ffi
	rm -rf $(KT_DIR)/generated && mkdir -p $(KT_BUILD)
	cargo run -q -p pspkit-ffi --features cli --bin uniffi-bindgen -- generate \
	  --library target/release/libpspkit_ffi.so --language kotlin --out-dir $(KT_DIR)/generated --no-format >/dev/null
	$(KOTLINC) -nowarn -cp $(JAVA_LIBS) -d $(KT_JAR) $(KT_DIR)/generated $(KT_DIR)/src/main/kotlin
	$(KOTLINC) -nowarn -cp $(KT_JAR):$(JAVA_LIBS):$(JUNIT) -d $(KT_TEST_JAR) $(KT_DIR)/src/test/kotlin

test-kotlin: kotlin-jar
	PSPKIT_VECTORS=$(CURDIR)/tests/vectors $(KT_JVM) --scan-class-path

# Prints exactly "kotlin: N passed, M failed"; JUnit's report goes to stderr.
vectors-kotlin:
	@[ -f $(KT_TEST_JAR) ] || $(MAKE) --no-print-directory kotlin-jar >&2
	@log=$$(mktemp); rc=0; \
	PSPKIT_VECTORS="$(DIR)" $(KT_JVM) --select-class dev.pspkit.VectorsTest >"$$log" 2>&1 || rc=$$?; \
	line=$$(grep -E '^kotlin: [0-9]+ passed, [0-9]+ failed$$' "$$log" || true); \
	if [ -z "$$line" ] || [ $$rc -ne 0 ]; then grep -vE '^kotlin: ' "$$log" >&2; fi; \
	if [ -z "$$line" ]; then echo "kotlin: 0 passed, 1 failed"; rm -f "$$log"; exit 1; fi; \
	echo "$$line"; rm -f "$$log"; exit $$rc
