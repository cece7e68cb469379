"""The README's Python blocks: type-checked (mypy --strict, pyright) and run against the sandbox.

Each ```python block of the README's "## Python" section is a self-contained program. The
sandbox (tests/sandbox) runs on a free port; `127.0.0.1:8787` (what `make sandbox` uses) in a
block is rewritten to it. Blocks that define a web `app` (the FastAPI and Flask webhook recipes)
are served on a free port, a PayStar payout is created with its `callbackUrl` pointing there, the
sandbox clock is moved so the sandbox delivers its signed callbacks, and the replies the sandbox
recorded are checked (200 and the provider's body), as is a forged callback (400).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

import pytest

REPO = Path(__file__).resolve().parents[2]
README_PORT = "127.0.0.1:8787"


def python_blocks() -> List[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index("\n## Python\n")
    end = text.index("\n## ", start + 5)
    return re.findall(r"```python\n(.*?)```", text[start:end], re.S)


BLOCKS = python_blocks()


def test_the_section_has_blocks() -> None:
    assert len(BLOCKS) >= 4


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    assert found, f"{name} is not installed in the venv (make setup)"
    return found


@pytest.fixture(scope="module")
def block_files(tmp_path_factory: pytest.TempPathFactory) -> List[Path]:
    folder = tmp_path_factory.mktemp("readme_blocks")
    paths = []
    for i, block in enumerate(BLOCKS):
        path = folder / f"readme_block_{i}.py"
        path.write_text(block, encoding="utf-8")
        paths.append(path)
    return paths


def test_blocks_pass_mypy_strict(block_files: List[Path]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", os.devnull,
         *map(str, block_files)],
        capture_output=True, text=True, cwd=block_files[0].parent,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_blocks_pass_pyright(block_files: List[Path]) -> None:
    folder = block_files[0].parent
    (folder / "pyrightconfig.json").write_text(json.dumps({"pythonVersion": "3.11"}))
    result = subprocess.run(
        [_tool("pyright"), "--pythonpath", sys.executable, *map(str, block_files)],
        capture_output=True, text=True, cwd=folder,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# ---- against the sandbox ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def sandbox() -> Iterator[str]:
    url = os.environ.get("PSPKIT_SANDBOX_URL")
    if url:
        yield url.rstrip("/")
        return
    subprocess.run(["cargo", "build", "-q", "-p", "pspkit-sandbox"], cwd=REPO, check=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    proc = subprocess.Popen([str(target / "debug" / "pspkit-sandbox"), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        m = re.search(r"listening on (\S+)", line)
        assert m, f"sandbox did not start: {line!r}"
        yield f"http://{m.group(1)}"
    finally:
        proc.terminate()
        proc.wait(10)


def _admin(sandbox: str, path: str, body: Any = None) -> Any:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(f"{sandbox}/__admin/{path}", data=data,
                                 method="GET" if body is None else "POST",
                                 headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read() or b"null")


def _run_block(i: int, sandbox: str) -> Dict[str, Any]:
    source = BLOCKS[i].replace(f"http://{README_PORT}", sandbox)
    namespace: Dict[str, Any] = {"__name__": f"readme_block_{i}"}
    exec(compile(source, f"README.md python block {i}", "exec"), namespace)
    return namespace


def _app_blocks() -> List[int]:
    return [i for i, b in enumerate(BLOCKS) if re.search(r"^app = ", b, re.M)]


def test_plain_blocks_run(sandbox: str, capsys: pytest.CaptureFixture[str]) -> None:
    _admin(sandbox, "reset", {})
    ran = 0
    for i, block in enumerate(BLOCKS):
        if i in _app_blocks():
            continue
        _run_block(i, sandbox)
        ran += 1
    assert ran >= 2
    out = capsys.readouterr().out
    assert "not_found" in out  # the quick start's lookup of an order the sandbox never saw


def _serve(app: Any, framework: str) -> Tuple[int, Any]:
    if framework == "fastapi":
        import uvicorn

        config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="error", lifespan="off")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        for _ in range(200):
            if server.started and server.servers:
                break
            time.sleep(0.05)
        port = server.servers[0].sockets[0].getsockname()[1]

        def stop() -> None:
            server.should_exit = True
            thread.join(10)

        return port, stop
    from werkzeug.serving import make_server

    wsgi = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=wsgi.serve_forever, daemon=True)
    thread.start()

    def stop_wsgi() -> None:
        wsgi.shutdown()
        thread.join(10)

    return wsgi.server_port, stop_wsgi


@pytest.mark.parametrize("framework", ["fastapi", "flask"])
def test_webhook_recipe_against_the_sandbox(sandbox: str, framework: str) -> None:
    import pspkit

    block = next(i for i in _app_blocks() if f"from {framework} import" in BLOCKS[i])
    namespace = _run_block(block, sandbox)
    port, stop = _serve(namespace["app"], framework)
    try:
        _admin(sandbox, "reset", {})
        gateway = namespace["gateway"]
        merchant_id = f"readme-{framework}-{int(time.time() * 1000)}"
        outcome = pspkit.Client(gateway, timeout=5).send(
            {"type": "create_payout", "merchantId": merchant_id, "amount": "100.00",
             "currency": "USD", "callbackUrl": f"https://127.0.0.1:{port}/callbacks/paystar",
             "card": {"number": "4111111111111111"}},
            now=_admin(sandbox, "health")["now"],
        )
        assert outcome["type"] == "payment" and outcome["payment"]["merchantId"] == merchant_id
        advanced = _admin(sandbox, "advance", {"seconds": 120})
        deliveries = advanced.get("deliveries") or advanced.get("callbacks") or advanced
        text = json.dumps(deliveries)
        assert "reply_status" in text or "replyStatus" in text, text
        replies = [(d.get("replyStatus", d.get("reply_status")), d.get("replyBody", d.get("reply_body")))
                   for d in _walk_deliveries(deliveries)]
        assert replies and all(status == 200 for status, _ in replies), replies
        received = namespace["received"]
        assert len(received) == len(replies)
        assert all(e["verified"] for e in received)
        provider_id = outcome["payment"]["providerId"]
        assert provider_id and {e["payment"]["providerId"] for e in received} == {provider_id}
        assert [e["payment"]["status"]["state"] for e in received][-1] == "succeeded"
        assert all(e["confirmWith"] is not None for e in received)
        # A callback with a forged signature is refused, and nothing is recorded.
        forged = urllib.request.Request(
            f"http://127.0.0.1:{port}/callbacks/paystar", method="POST",
            data=json.dumps({"externalId": "x", "orderStatus": "Success"}).encode(),
            headers={"content-type": "application/json", "signature": "forged.forged.forged"},
        )
        try:
            urllib.request.urlopen(forged, timeout=5)
            status = 200
        except urllib.error.HTTPError as e:
            status = e.code
        assert status == 400
        assert len(received) == len(replies)
    finally:
        stop()


def _walk_deliveries(value: Any) -> List[Dict[str, Any]]:
    """The delivery records in the sandbox's advance answer, wherever it nests them."""
    if isinstance(value, dict):
        if any(k in value for k in ("replyStatus", "reply_status")):
            return [value]
        return [d for v in value.values() for d in _walk_deliveries(v)]
    if isinstance(value, list):
        return [d for v in value for d in _walk_deliveries(v)]
    return []
