# Fuzzing: cargo-fuzz (libFuzzer) targets in fuzz/ (their own workspace and target dir, so the
# main build is untouched), on the stable toolchain via RUSTC_BOOTSTRAP=1 and `--sanitizer none`.
#   make fuzz                 each target FUZZ_SECONDS (60) from the seed corpus
#   make test-fuzz            the smoke `make test` runs: FUZZ_SMOKE_SECONDS (10) per target
#   make fuzz FUZZ_PENDING=1  also the checks current main is known to fail (README, reliability)
#   make fuzz FUZZ_TARGETS="parse money"
SETUP_TARGETS += setup-fuzz
TEST_TARGETS += test-fuzz

FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 10
FUZZ_PENDING ?= 0
# The smoke in `make test` uses a fixed libFuzzer seed over the corpus generated from the vectors,
# so a CI run explores the same inputs every time (a red CI is a regression, not luck); `make fuzz`
# draws a new seed each run.
FUZZ_SMOKE_SEED ?= 1
FUZZ_TARGETS ?=

.PHONY: setup-fuzz fuzz test-fuzz
setup-fuzz:
	scripts/install/fuzz.sh

fuzz: setup-fuzz
	PSPKIT_FUZZ_PENDING=$(FUZZ_PENDING) fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

test-fuzz: setup-fuzz
	cargo fmt --manifest-path fuzz/Cargo.toml --all -- --check
	cargo clippy -q --manifest-path fuzz/Cargo.toml --workspace --all-targets -- -D warnings
	cargo test -q --manifest-path fuzz/Cargo.toml -p pspkit-fuzz-common
	FUZZ_SEED=$(FUZZ_SMOKE_SEED) PSPKIT_FUZZ_PENDING=$(FUZZ_PENDING) fuzz/run.sh $(FUZZ_SMOKE_SECONDS) $(FUZZ_TARGETS)

# The findings kept in fuzz/regressions/, run with the pending checks: which still fail.
.PHONY: fuzz-regressions
fuzz-regressions: setup-fuzz
	fuzz/regressions.sh
