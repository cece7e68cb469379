# The sandbox (tests/sandbox): a local emulator of the providers. Its e2e tests run every
# language's runner over tests/scenarios/ against one sandbox process, which with-sandbox.sh
# starts on a free port and stops afterwards whatever happens.
TEST_TARGETS += test-sandbox
DEMO_TARGETS += demo-sandbox

.PHONY: test-sandbox demo-sandbox sandbox

test-sandbox: $(if $(filter test-js,$(TEST_TARGETS)),js-build)
	tests/sandbox/with-sandbox.sh tests/sandbox/e2e-all.sh

# A deposit and a payout lifecycle against the sandbox, step by step.
demo-sandbox: setup-rust
	tests/sandbox/with-sandbox.sh cargo run -q -p pspkit-sandbox --example demo

# Runs the sandbox in the foreground on port 8787 (Ctrl-C stops it).
sandbox:
	cargo run -q -p pspkit-sandbox -- --port 8787
