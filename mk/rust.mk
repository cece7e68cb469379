# Rust: the core, the CLI, and the core's wasm32 build (proof that it stays pure).
SETUP_TARGETS += setup-rust
TEST_TARGETS += test-rust
VECTOR_TARGETS += vectors-rust
DEMO_TARGETS += demo-rust

.PHONY: setup-rust test-rust vectors-rust demo-rust
setup-rust:
	scripts/install/rust.sh

test-rust:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -q -- -D warnings
	cargo test --workspace -q
	cargo build -q -p pspkit --target wasm32-unknown-unknown

vectors-rust:
	@cargo run -q -p pspkit-cli -- vectors "$(DIR)"

demo-rust: setup-rust
	cargo run -q -p pspkit-cli --example payout_lifecycle
