#!/usr/bin/env bash
# Python tools for the `pspkit` wheel: a project venv (.venv) with maturin, pytest and httpx
# (the optional extra the async client uses). Idempotent: a warm machine only checks versions.
# Registries: PyPI only.
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
    ok = m.version("maturin").startswith(sys.argv[1]) and all(m.version(p) for p in ("pytest", "httpx"))
except m.PackageNotFoundError:
    ok = False
sys.exit(0 if ok else 1)
PYEOF
}
if ! have "$want_maturin"; then
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
    "maturin>=1.16,<1.17" "pytest>=8,<9" "httpx>=0.27,<1"
fi
"$VENV/bin/python" -m maturin --version >/dev/null
