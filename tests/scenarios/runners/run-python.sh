#!/usr/bin/env bash
# Runs the Python e2e runner (e2e.py) with the project venv's installed `pspkit` wheel, building
# and installing the wheel first if it is missing (mk/python.mk python-wheel).
set -euo pipefail
cd "$(dirname "$0")/../../.."
py=.venv/bin/python
if ! [ -x "$py" ] || ! "$py" -c "import pspkit" 2>/dev/null; then
  [ -x "$py" ] || make --no-print-directory setup-python >&2
  make --no-print-directory python-wheel >&2
fi
exec "$py" tests/scenarios/runners/e2e.py
