# The payment inspector (inspector/): a static page on the npm package's browser entry.
#   make inspector        build what it needs, then serve it on 127.0.0.1 (prints the address)
#   make test-inspector   its Playwright smoke in headless Chromium (about 30 s)
# Needs nothing beyond setup-js (wasm, Node, playwright-core, Debian's Chromium).
TEST_TARGETS += test-inspector

.PHONY: inspector inspector-build test-inspector
INSPECTOR_EXAMPLES := inspector/dist/examples.js
INSPECTOR_PORT ?= 8377

$(INSPECTOR_EXAMPLES): inspector/tools/examples.mjs $(shell find tests/vectors -name '*.json' 2>/dev/null)
	@node inspector/tools/examples.mjs

inspector-build: js-build $(INSPECTOR_EXAMPLES)

inspector: inspector-build
	node inspector/server.mjs --port $(INSPECTOR_PORT)

test-inspector: inspector-build
	node --test inspector/test/
