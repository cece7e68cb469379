# JavaScript / TypeScript: the wasm binding (bindings/wasm) and the npm package (js/).
SETUP_TARGETS += setup-js
TEST_TARGETS += test-js
VECTOR_TARGETS += vectors-js

.PHONY: setup-js test-js vectors-js js-build bench-js

WASM_RAW := target/wasm32-unknown-unknown/wasm/pspkit_wasm.wasm
JS_WASM := js/dist/pspkit_wasm_bg.wasm
JS_WASM_INPUTS := $(shell find core/src bindings/wasm/src -name '*.rs' 2>/dev/null) \
	Cargo.lock core/Cargo.toml bindings/wasm/Cargo.toml
# The features the Rust wasm32 target emits by default; wasm-opt must accept them (and no more).
WASM_FEATURES := --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
	--enable-sign-ext --enable-reference-types --enable-multivalue

setup-js:
	scripts/install/wasm.sh
	scripts/install/node.sh
	scripts/install/chromium.sh

# wasm-bindgen's `web` output serves every entry (Node loads it with initSync); wasm-opt is the
# npm binaryen build (Debian's older one breaks the module's externref table).
$(JS_WASM): $(JS_WASM_INPUTS)
	@cargo build -q -p pspkit-wasm --target wasm32-unknown-unknown --profile wasm
	@wasm-bindgen --target web --out-dir js/dist --out-name pspkit_wasm $(WASM_RAW)
	@# Consumers on lib es2022 have no Symbol.dispose; `free()` stays the documented way.
	@sed -i '/\[Symbol\.dispose\]/d' js/dist/pspkit_wasm.d.ts
	@js/node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers $(WASM_FEATURES) $(JS_WASM) -o $(JS_WASM)

js-build: $(JS_WASM)

test-js: js-build
	python3 bindings/wasm/tools/tsify_sweep.py --check
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
		cargo test -p pspkit-wasm --target wasm32-unknown-unknown --test node 2>&1 | grep -v "^ *\(Compiling\|Finished\|Running\)"
	cd js && node --test --test-concurrency=2 test/*.test.js
	@# The README's js/ts blocks and webhook recipes against one sandbox, one file at a time
	@# (each resets it).
	tests/sandbox/with-sandbox.sh sh -c 'cd js && node --test --test-concurrency=1 test/sandbox/*.test.js'

vectors-js: js-build
	@node js/test/run-vectors.js "$(DIR)"

# Benchmarks (not tests): the README's two numbers.
bench-js: js-build
	node js/bench/size.js
	node js/bench/parse.bench.js
