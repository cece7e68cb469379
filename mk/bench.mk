# Benchmarks (issue 15): `make bench` runs every language's bench target, each printing the
# pspkit figure, the reference figure and the ratio from one run, then regenerates the README
# performance table from what they wrote to target/bench/*.json (scripts/bench/readme_table.py).
# Each language appends its target in its own mk file (BENCH_TARGETS += bench-js, ...); the
# list is read after every mk file is included (second expansion), so a language whose mk file
# is absent is simply not run. Not part of `make test`: benchmarks carry claims, not verdicts.
#   make bench                 everything (Rust alone: ~4 min on 2 idle cores, more when loaded)
#   make bench-rust            the native hot path and bulk, with callgrind instruction counts
#   BENCH_INSTRUCTIONS=0 make bench-rust   times only (no valgrind)
#   make bench-table           only regenerate the README table from the last runs
BENCH_TARGETS += bench-rust
BENCH_INSTRUCTIONS ?= 1

.PHONY: bench bench-rust bench-table
.SECONDEXPANSION:
bench: $$(BENCH_TARGETS)
	@$(MAKE) --no-print-directory bench-table

# Instruction counts need valgrind (Debian package `valgrind`, installed by `make setup`).
bench-rust:
	@if [ "$(BENCH_INSTRUCTIONS)" = 1 ] && ! command -v valgrind >/dev/null; then \
		echo "bench-rust: valgrind not found; times only (apt-get install valgrind)" >&2; fi
	PSPKIT_BENCH_INSTRUCTIONS=$$( [ "$(BENCH_INSTRUCTIONS)" = 1 ] && command -v valgrind >/dev/null && echo 1 || echo 0 ) \
		cargo bench -q -p pspkit --bench hot_path
	cargo bench -q -p pspkit --bench bulk

bench-table:
	python3 scripts/bench/readme_table.py README.md target/bench

SETUP_TARGETS += setup-bench
.PHONY: setup-bench
setup-bench:
	@command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind; } || \
		echo "setup-bench: could not install valgrind; make bench-rust will report times only" >&2
