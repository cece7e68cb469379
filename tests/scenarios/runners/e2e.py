"""Python e2e runner: every scenario of tests/scenarios/ through the `pspkit` wheel's public API
(`Gateway`, `Client`, the canonical JSON helpers) against the sandbox at $PSPKIT_SANDBOX_URL.

Closes with "python e2e: N passed, M failed"; exits 1 if any failed. Format: ../README.md.
PSPKIT_E2E_VERBOSE=1 prints every step.
"""
from __future__ import annotations

import http.server
import json
import os
import sys
import threading
import urllib.request
from pathlib import Path
from typing import Any, Dict, List, Optional

import pspkit
from pspkit import Client, Context, Gateway, HttpRequest, Operation, Outcome, CallbackEvent

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BASE = os.environ.get("PSPKIT_SANDBOX_URL", "").rstrip("/")
VERBOSE = os.environ.get("PSPKIT_E2E_VERBOSE") == "1"


def say(line: str) -> None:
    if VERBOSE:
        print(line, flush=True)


def scenario_files(d: Path) -> List[Path]:
    out: List[Path] = []
    for p in sorted(d.iterdir()):
        if p.is_dir():
            if p.name != "runners":
                out.extend(scenario_files(p))
        elif p.suffix == ".json":
            out.append(p)
    return out


def mismatch(expected: Any, actual: Any, path: str = "$") -> Optional[str]:
    """Subset match (DESIGN §6): None if `actual` contains `expected`, else where it differs."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{path}: expected an object, got {json.dumps(actual)}"
        for k, v in expected.items():
            if k not in actual:
                return f"{path}.{k}: missing"
            m = mismatch(v, actual[k], f"{path}.{k}")
            if m:
                return m
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return f"{path}: expected an array of {len(expected)}, got {json.dumps(actual)}"
        for i, (e, a) in enumerate(zip(expected, actual)):
            m = mismatch(e, a, f"{path}[{i}]")
            if m:
                return m
        return None
    # JSON equality: 1 == 1.0 but True is not 1.
    if isinstance(expected, bool) or isinstance(actual, bool):
        ok = type(expected) is type(actual) and expected == actual
    else:
        ok = expected == actual
    return None if ok else f"{path}: expected {json.dumps(expected)}, got {json.dumps(actual)}"


def template(value: Any, variables: Dict[str, str]) -> Any:
    if isinstance(value, str):
        for k, v in variables.items():
            value = value.replace("{{" + k + "}}", v)
        return value
    if isinstance(value, list):
        return [template(v, variables) for v in value]
    if isinstance(value, dict):
        return {k: template(v, variables) for k, v in value.items()}
    return value


def error_json(e: BaseException) -> Dict[str, Any]:
    """A raised error as the DESIGN §5 object; the Client's transport failures are "transport"."""
    if isinstance(e, pspkit.PspError):
        err = pspkit.error_to_dict(e)
        if (
            err.get("code") == "temporarily_unavailable"
            and err.get("httpStatus") is None
            and str(err.get("message", "")).startswith("transport:")
        ):
            return {"code": "transport", "message": err.get("message")}
        return err
    return {"code": "runner_exception", "message": repr(e)}


def admin(method: str, path: str, body: Any = None) -> Any:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(
        f"{BASE}/__admin{path}", data=data, method=method,
        headers={"content-type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=30) as resp:
        text = resp.read().decode()
        if resp.status != 200:
            raise RuntimeError(f"admin {path}: HTTP {resp.status} {text}")
        return json.loads(text)


def state_of(o: Any) -> str:
    p = (o or {}).get("payment") or o or {}
    s = p.get("status") or {}
    return f"{s.get('state', '?')} ({s.get('providerStatus') or '-'})"


class Receiver:
    """The merchant's callback endpoint: each callback goes through Gateway.parse_callback and is
    answered with the event's reply (400 when it was rejected)."""

    def __init__(self) -> None:
        self.gateway: Optional[Gateway] = None
        self.received: List[Dict[str, Any]] = []
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def handle_any(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
                port = self.server.server_address[1]
                request = pspkit.from_dict(HttpRequest, {
                    "method": self.command,
                    "url": f"https://127.0.0.1:{port}{self.path}",
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                    "body": body,
                })
                status, reply = 400, "rejected"
                try:
                    assert receiver.gateway is not None
                    event = receiver.gateway.parse_callback(request, Context(now=None, nonce=None))
                    seen = pspkit.to_dict(event, secrets="reveal")
                    status = seen["reply"]["status"]
                    reply = seen["reply"].get("body") or ""
                    say(f"    <- callback {self.command} {self.path}  signature "
                        f"{'verified' if seen.get('verified') else 'NOT verified'}  claims {state_of(seen)}  -> reply {status}")
                except Exception as e:  # noqa: BLE001 - a rejected callback is data here
                    seen = {"error": error_json(e)}
                    say(f"    <- callback REJECTED: {seen['error']['code']}")
                receiver.received.append(seen)
                data = reply.encode()
                self.send_response(status)
                self.send_header("content-type", "text/plain")
                self.send_header("content-length", str(len(data)))
                self.send_header("connection", "close")
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = handle_any

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}/callbacks"


class Runner:
    def __init__(self) -> None:
        self.receiver = Receiver()
        self.nonce = 0

    def call(self, op: Dict[str, Any], step: Dict[str, Any], config: Dict[str, Any]) -> Dict[str, Any]:
        gateway = Gateway.from_json(json.dumps(step.get("config", config)))
        now = admin("GET", "/health")["now"]
        self.nonce += 1
        nonce = f"python-{self.nonce}"
        client = Client(
            gateway,
            timeout=step.get("timeoutMs", 3000) / 1000.0,
            context=lambda: Context(now=now, nonce=nonce),
        )
        try:
            outcome = pspkit.to_dict(client.send(pspkit.from_dict(Operation, op)), secrets="reveal")
            say(f"  -> {op['type']}  => {state_of(outcome)}")
            return {"outcome": outcome}
        except Exception as e:  # noqa: BLE001 - errors are expected results
            err = error_json(e)
            say(f"  -> {op['type']}  !! {err['code']}")
            return {"error": err}

    @staticmethod
    def check(step: Dict[str, Any], result: Dict[str, Any], memory: Dict[str, Any]) -> None:
        if "expectError" in step:
            if "error" not in result:
                raise AssertionError(f"expected error {json.dumps(step['expectError'])}, got {json.dumps(result)}")
            m = mismatch(step["expectError"], result["error"])
            if m:
                raise AssertionError(f"error: {m}")
            return
        if "outcome" not in result:
            raise AssertionError(f"expected an outcome, got {json.dumps(result)}")
        if "expect" in step:
            m = mismatch(step["expect"], result["outcome"])
            if m:
                raise AssertionError(f"outcome: {m}")
        url = ((result["outcome"].get("payment") or {}).get("nextAction") or {}).get("url")
        if url:
            memory["next_action_url"] = url

    def run(self, scenario: Dict[str, Any]) -> None:
        variables = {"sandbox": BASE, "callbackUrl": self.receiver.url, "run": "python"}
        admin("POST", "/reset")
        if "faults" in scenario:
            admin("POST", "/faults", {"faults": scenario["faults"]})
        config = template(scenario["config"], variables)
        self.receiver.gateway = Gateway.from_json(json.dumps(config))
        memory: Dict[str, Any] = {"callbacks": [], "next_action_url": None}
        for i, raw in enumerate(scenario["steps"]):
            step = template(raw, variables)
            try:
                self.step(step, config, memory)
            except Exception as e:  # noqa: BLE001
                raise AssertionError(f"step {i + 1}: {e}") from e

    def step(self, step: Dict[str, Any], config: Dict[str, Any], memory: Dict[str, Any]) -> None:
        if "call" in step:
            self.check(step, self.call(step["call"], step, config), memory)
        elif "confirm" in step:
            last = next((c for c in reversed(memory["callbacks"]) if c.get("confirmWith")), None)
            if last is None:
                raise AssertionError("no callback with confirmWith to confirm")
            say("  confirm the callback with the status call")
            self.check(step, self.call(last["confirmWith"], step, config), memory)
        elif "advance" in step:
            self.receiver.received = []
            say(f"  clock +{step['advance']}s")
            admin("POST", "/advance", {"seconds": step["advance"]})
            got = list(self.receiver.received)
            memory["callbacks"].extend(got)
            want = step.get("expectCallbacks")
            if want is not None:
                if len(got) != len(want):
                    raise AssertionError(f"expected {len(want)} callbacks, got {len(got)}: {json.dumps(got)}")
                for n, (w, g) in enumerate(zip(want, got)):
                    m = mismatch(w, g)
                    if m:
                        raise AssertionError(f"callback {n + 1}: {m}")
        elif "visit" in step:
            url = memory["next_action_url"]
            if not url:
                raise AssertionError("no nextAction.url to visit")
            if step.get("query"):
                url = f"{url}?{step['query']}"
            try:
                with urllib.request.urlopen(url, timeout=5) as resp:
                    status = resp.status
                    resp.read()
            except urllib.error.HTTPError as e:
                status = e.code
            say(f"  payer visits {url} -> {status}")
            if status != step.get("expectStatus", 200):
                raise AssertionError(f"visit: HTTP {status}")
        elif "faults" in step:
            admin("POST", "/faults", {"faults": step["faults"]})
        else:
            raise AssertionError(f"unknown step {json.dumps(step)}")


def main() -> int:
    if not BASE:
        print("PSPKIT_SANDBOX_URL is not set (start with tests/sandbox/with-sandbox.sh)", file=sys.stderr)
        return 2
    runner = Runner()
    passed = failed = 0
    for f in scenario_files(ROOT):
        scenario = json.loads(f.read_text())
        say(f"== {scenario['name']}")
        try:
            runner.run(scenario)
            passed += 1
            print(f"ok   {scenario['name']}", flush=True)
        except Exception as e:  # noqa: BLE001
            failed += 1
            print(f"FAIL {scenario['name']} ({f}): {e}", flush=True)
    runner.receiver.server.shutdown()
    print(f"python e2e: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
