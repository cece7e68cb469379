#!/usr/bin/env bash
# Python tools for the `pspkit` wheel: a project venv (.venv) with maturin, pytest and httpx
# (the optional extra the async client uses), the type checkers the README's blocks must pass
# (mypy; pyright through its PyPI wrapper, which fetches the pyright npm package once), and the
# web frameworks of the webhook recipes (FastAPI, Flask, uvicorn). Idempotent: a warm machine
# only checks versions. Registries: PyPI (and npm for pyright's own package).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-python3}
VENV=.venv
want_maturin="1.16"
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
have() { "$VENV/bin/python" - "$@" <<'PYEOF'
import importlib.metadata as m, sys
try:
    ok = m.version("maturin").startswith(sys.argv[1]) and all(
        m.version(p) for p in ("pytest", "httpx", "mypy", "pyright", "fastapi", "flask", "uvicorn"))
except m.PackageNotFoundError:
    ok = False
sys.exit(0 if ok else 1)
PYEOF
}
if ! have "$want_maturin"; then
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
    "maturin>=1.16,<1.17" "pytest>=8,<9" "httpx>=0.27,<1" \
    "mypy>=1.10" "pyright==1.1.414" "fastapi>=0.110" "flask>=3,<4" "uvicorn>=0.29"
fi
"$VENV/bin/python" -m maturin --version >/dev/null
# The first run of the wrapper installs pyright's npm package; do it here, not in a test.
"$VENV/bin/pyright" --version >/dev/null
