# The README's demo in every binding language: examples/demo/run.sh builds what is missing, starts
# one sandbox, runs a PayStar deposit and payout through the JS, Python and Kotlin clients in turn
# and stops the sandbox whatever happens. (Rust's own demos: demo-rust, demo-sandbox.)
DEMO_TARGETS += demo-languages

.PHONY: demo-languages
demo-languages: setup-rust setup-js setup-python setup-kotlin
	examples/demo/run.sh
