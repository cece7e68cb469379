# JavaScript / TypeScript: the wasm binding (bindings/wasm) and the npm package (js/).
SETUP_TARGETS += setup-js
TEST_TARGETS += test-js
VECTOR_TARGETS += vectors-js
BENCH_TARGETS += bench-js

.PHONY: setup-js test-js vectors-js js-build bench-js

WASM_RAW := target/wasm32-unknown-unknown/wasm/pspkit_wasm.wasm
JS_WASM := js/dist/pspkit_wasm_bg.wasm
JS_CJS := js/dist/pspkit.cjs
# `pspkit/paystar`: the same package over a wasm with only PayStar compiled in (core features).
JS_PAYSTAR := js/dist/paystar/pspkit_wasm_bg.wasm
JS_WASM_INPUTS := $(shell find core/src bindings/wasm/src -name '*.rs' 2>/dev/null) \
	Cargo.toml Cargo.lock core/Cargo.toml bindings/wasm/Cargo.toml
# With the wasm profile's opt-level "z", the inliner at -O2's threshold (see Cargo.toml).
WASM_RUSTFLAGS := -C llvm-args=-inline-threshold=225
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
	@RUSTFLAGS="$(WASM_RUSTFLAGS)" cargo build -q -p pspkit-wasm --target wasm32-unknown-unknown --profile wasm
	@wasm-bindgen --target web --out-dir js/dist --out-name pspkit_wasm $(WASM_RAW)
	@# Consumers on lib es2022 have no Symbol.dispose; `free()` stays the documented way.
	@sed -i '/\[Symbol\.dispose\]/d' js/dist/pspkit_wasm.d.ts
	@js/node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers $(WASM_FEATURES) $(JS_WASM) -o $(JS_WASM)

# `require("pspkit")` on Node versions without require(esm) (engines says >=20): the Node entry
# bundled as CommonJS; `import.meta.url` becomes the .cjs file's own URL, so the wasm is read from
# the same dist/ folder.
$(JS_CJS): $(JS_WASM) $(wildcard js/src/*.js)
	@js/node_modules/.bin/esbuild js/src/node.js --bundle --format=cjs --platform=node --target=node20 \
		--outfile=$@ --log-level=warning --define:import.meta.url=__pspkit_import_meta_url \
		'--banner:js=const __pspkit_import_meta_url = require("node:url").pathToFileURL(__filename).href;'

# The per-provider entry: the wasm built with one provider feature, and a copy of js/src whose
# imports point at it (generated, so it never drifts from js/src). Built after the full wasm (the
# two builds share target/ and the artifact path).
$(JS_PAYSTAR): $(JS_WASM_INPUTS) $(wildcard js/src/*.js) | $(JS_WASM)
	@RUSTFLAGS="$(WASM_RUSTFLAGS)" cargo build -q -p pspkit-wasm --target wasm32-unknown-unknown --profile wasm \
		--no-default-features --features paystar
	@wasm-bindgen --target web --out-dir js/dist/paystar --out-name pspkit_wasm $(WASM_RAW)
	@sed -i '/\[Symbol\.dispose\]/d' js/dist/paystar/pspkit_wasm.d.ts
	@js/node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers $(WASM_FEATURES) $@ -o $@
	@rm -rf js/dist/paystar/src && mkdir -p js/dist/paystar/src
	@for f in js/src/*.js; do sed 's#\.\./dist/pspkit_wasm#../pspkit_wasm#g' $$f > js/dist/paystar/src/$$(basename $$f); done

js-build: $(JS_WASM) $(JS_CJS) $(JS_PAYSTAR)

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
	node js/bench/cold.js
	node js/bench/parse.bench.js
	node js/bench/build.bench.js
	node js/bench/boundary.bench.js
	@if command -v valgrind >/dev/null; then sh js/bench/instructions.sh; else echo "bench-js: valgrind not found; no instruction counts"; fi
