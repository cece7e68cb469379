# Python: the `pspkit` wheel (maturin + uniffi), its pytest suite and the vector runner.
SETUP_TARGETS += setup-python
TEST_TARGETS += test-python
VECTOR_TARGETS += vectors-python

PYTHON_VENV := .venv
PY := $(PYTHON_VENV)/bin/python

.PHONY: setup-python python-wheel test-python vectors-python
setup-python:
	scripts/install/python.sh

# Builds the wheel (release cdylib; bindings generated now, never committed) and installs it
# into the project venv, so the tests see exactly what users install.
python-wheel:
	rm -f target/wheels/pspkit-*.whl
	cd python && ../$(PY) -m maturin build --release --quiet -o ../target/wheels
	$(PY) -m pip install -q --disable-pip-version-check --force-reinstall --no-deps target/wheels/pspkit-*.whl

# gen_types --check: python/pspkit/types.py must match the core's model (a debug build of the
# declarations printer, ~1 min cold). test_readme.py type-checks and runs the README's blocks.
test-python: python-wheel
	$(PY) python/tools/gen_types.py --check
	$(PY) -m pytest -q -p no:cacheprovider python/tests

# Prints exactly "python: N passed, M failed"; details of failures go to stderr.
vectors-python:
	@$(PY) -c "import pspkit" 2>/dev/null || $(MAKE) --no-print-directory python-wheel >&2
	@log=$$(mktemp); rc=0; \
	PSPKIT_VECTORS="$(DIR)" $(PY) -m pytest -q -p no:cacheprovider python/tests/test_vectors.py >"$$log" 2>&1 || rc=$$?; \
	grep -E '^(FAILED|ERROR)' "$$log" >&2 || true; \
	line=$$(grep -E '^python: [0-9]+ passed, [0-9]+ failed$$' "$$log" || true); \
	if [ -z "$$line" ]; then cat "$$log" >&2; echo "python: 0 passed, 1 failed"; rm -f "$$log"; exit 1; fi; \
	echo "$$line"; rm -f "$$log"; exit $$rc

# Benchmarks (not tests), each printing pspkit's figure, the reference's and the ratio from
# one run: the dict-first single call and the batch path (issue 15.4), import time (14.4), and
# the older per-shape table of the typed records.
BENCH_TARGETS += bench-python
.PHONY: bench-python
bench-python:
	@$(PY) -c "import pspkit" 2>/dev/null || $(MAKE) --no-print-directory python-wheel >&2
	$(PY) python/bench/dict_parse.py
	$(PY) python/bench/import_time.py
	$(PY) python/bench/parse_status.py
