"""The built wheel installs into a fresh venv and works there (no source tree on the path)."""
from __future__ import annotations

import glob
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = r"""
import json, pspkit
gw = pspkit.Gateway.from_json(json.dumps({"provider": "paystar", "payoutToken": "t"}))
op = pspkit.from_dict(pspkit.Operation, {"type": "get_payout", "merchantId": "M-2"})
req = gw.build(op, pspkit.Context(now="2026-01-01T00:00:00Z", nonce=None))
assert req.method == "GET" and req.url.startswith("https://secure.paystar.uk/"), req.url
try:
    gw.parse(op, pspkit.HttpResponse(status=200, headers={}, body="<html>"))
except pspkit.PspError as e:
    print(pspkit.error_to_dict(e)["code"])
import pspkit._generated, os
print(os.path.dirname(pspkit.__file__))
"""


def test_wheel_installs_into_a_fresh_venv(tmp_path: Path) -> None:
    wheels = sorted(glob.glob(os.environ.get("PSPKIT_WHEEL") or str(REPO / "target/wheels/pspkit-*.whl")))
    if not wheels:
        pytest.fail("no wheel: run `make test-python` (it builds target/wheels/pspkit-*.whl)")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = str(env_dir / "bin" / "python")
    subprocess.run(
        [py, "-m", "pip", "install", "-q", "--no-index", "--no-deps", wheels[-1]], check=True
    )
    out = subprocess.run([py, "-c", SCRIPT], cwd=tmp_path, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    code, location = out.stdout.split()
    assert code == "bad_response"
    assert location.startswith(str(env_dir))
    assert Path(location, "py.typed").exists()
