# pspkit — one entry point for every language.
#   make setup            install what the build needs (idempotent; CI runs it on a fresh machine)
#   make test             every test of every language
#   make demo             the runnable example (see README)
#   make vectors DIR=d    run a folder of conformance vectors through every language
#   make inspector        serve the payment inspector page on 127.0.0.1 (mk/inspector.mk)
#   make bench            every language's benchmarks, then the README table (mk/bench.mk)
#
# Each language adds itself in mk/<language>.mk by appending to these lists, so adding a
# language never edits this file.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
DIR ?= tests/vectors
export DIR

SETUP_TARGETS :=
TEST_TARGETS :=
VECTOR_TARGETS :=
DEMO_TARGETS :=

include $(sort $(wildcard mk/*.mk))

.PHONY: setup test vectors demo
setup: $(SETUP_TARGETS)

test: $(TEST_TARGETS)

demo: $(DEMO_TARGETS)

# Runs every language even when one fails; each prints "<language>: N passed, M failed".
vectors:
	@rc=0; for t in $(VECTOR_TARGETS); do $(MAKE) --no-print-directory $$t DIR="$(abspath $(DIR))" || rc=1; done; exit $$rc
