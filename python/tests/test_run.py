"""`Client.run` / `AsyncClient.run` against a minimal PayStar on 127.0.0.1, with real time.

The emulator keeps orders by merchant id and answers the three calls a deposit flow makes:
create (`POST .../deposit-order/`), status by PayStar id, status by merchant id (404 when
unknown). Faults are scripted per test. Callbacks are signed here with hashlib (PayStar's
documented `sha256(externalId;status;amount;orderType;key)`), independently of the core.
PayStar advises polling every 120 s, so tests that need the status to move deliver a callback,
which makes the flow ask for the status at once.
"""
from __future__ import annotations

import asyncio
import hashlib
import http.server
import json
import threading
import time
from typing import Any, Dict, Iterator, List

import pytest

import pspkit
from pspkit import (
    Action,
    AsyncCallbackInbox,
    CallbackInbox,
    Client,
    Gateway,
    HttpRequest,
    Operation,
    PspError,
    State,
    TransportError,
)

CALLBACK_KEY = "cb-secret"
PREFIX = "/api/v1/integration/deposit-order/"
# Short waits so real-time runs stay quick; a fixed seed keeps the jitter reproducible.
OPTIONS = {"seed": 7, "backoffInitialSeconds": 1, "backoffMaxSeconds": 2, "deadlineSeconds": 60}


class PayStar:
    """Orders and scripted faults; every request is logged as (method, path)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.orders: Dict[str, Dict[str, str]] = {}  # merchant id -> {"id", "status"}
        self.log: List[tuple] = []
        self.faults: List[str] = []  # consumed in order: "create-timeout", "create-423", "status-423"
        self.created = threading.Event()

    def fault(self, kind: str) -> bool:
        with self.lock:
            if self.faults and self.faults[0] == kind:
                self.faults.pop(0)
                return True
            return False

    def create(self, body: Dict[str, Any]) -> tuple:
        if self.fault("create-timeout"):
            time.sleep(1.5)  # longer than the client's timeout; the order is never made
            return 500, {}
        if self.fault("create-423"):
            return 423, {"statusDescrption": "0000-1", "message": "There is currently"}
        mid = body["externalTransactionId"]
        with self.lock:
            if mid in self.orders:
                return 400, {"label": "VALIDATION_ERROR.", "statusDescrption": "1-4007"}
            order = {"id": f"PSP-{len(self.orders) + 1}", "status": "Created", "amount": body["amount"]}
            self.orders[mid] = order
        self.created.set()
        return 200, {"externalId": order["id"], "orderStatus": "Created"}

    def status(self, key: str, by_merchant_id: bool) -> tuple:
        if self.fault("status-423"):
            return 423, {"statusDescrption": "0000-1"}
        with self.lock:
            if by_merchant_id:
                order = self.orders.get(key)
            else:
                order = next((o for o in self.orders.values() if o["id"] == key), None)
        if order is None:
            return 404, None
        return 200, {"externalId": order["id"], "orderStatus": order["status"],
                     "amount": order["amount"], "currency": "USD"}

    def settle(self, merchant_id: str, status: str = "Success") -> HttpRequest:
        """Moves the order and returns the signed callback PayStar would send."""
        with self.lock:
            order = self.orders[merchant_id]
            order["status"] = status
        amount = "100"
        text = f"{order['id']};{status};{amount};Deposit;{CALLBACK_KEY}"
        body = json.dumps({"externalId": order["id"], "status": status, "amount": amount,
                           "orderType": "Deposit"})
        return HttpRequest(method="POST", url="https://merchant.example/paystar/callback",
                           headers={"Signature": hashlib.sha256(text.encode()).hexdigest()},
                           body=body)

    def count(self, method: str, suffix: str = "") -> int:
        return sum(1 for m, p in self.log if m == method and p.endswith(suffix))


class Handler(http.server.BaseHTTPRequestHandler):
    paystar: PayStar

    def _answer(self, status: int, data: Any) -> None:
        body = b"" if data is None else json.dumps(data).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_POST(self) -> None:
        ps = self.server.paystar  # type: ignore[attr-defined]
        ps.log.append(("POST", self.path))
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        if self.path != PREFIX or self.headers.get("Authorization") != "Bearer dep-token":
            return self._answer(401, {"message": "unauthorized"})
        self._answer(*ps.create(body))

    def do_GET(self) -> None:
        ps = self.server.paystar  # type: ignore[attr-defined]
        ps.log.append(("GET", self.path))
        rest = self.path[len(PREFIX):] if self.path.startswith(PREFIX) else ""
        key, _, tail = rest.partition("/")
        if tail == "status-by-external-transaction-id":
            return self._answer(*ps.status(key, True))
        if tail == "status":
            return self._answer(*ps.status(key, False))
        self._answer(404, None)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture()
def paystar() -> Iterator[tuple]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.paystar = PayStar()  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server.paystar, f"http://127.0.0.1:{server.server_address[1]}"  # type: ignore[attr-defined]
    server.shutdown()
    server.server_close()


def gateway(base_url: str) -> Gateway:
    return Gateway.from_json(json.dumps({"provider": "paystar", "baseUrl": base_url,
                                         "depositToken": "dep-token", "callbackKey": CALLBACK_KEY}))


def deposit(merchant_id: str = "M-1") -> Operation:
    return pspkit.from_json(Operation, json.dumps({
        "type": "create_deposit", "merchantId": merchant_id, "amount": "100.00",
        "currency": "USD", "paymentMethod": "p2p", "flow": "direct"}))


def settle_when_created(ps: PayStar, inbox: CallbackInbox) -> threading.Thread:
    """Once an order exists, the provider settles it and calls back with Success."""
    result: Dict[str, Any] = {}

    def go() -> None:
        assert ps.created.wait(10)
        result["reply"] = inbox.deliver(ps.settle("M-1"))

    t = threading.Thread(target=go, daemon=True)
    t.result = result  # type: ignore[attr-defined]
    t.start()
    return t


def assert_succeeded(action: Action, provider_id: str = "PSP-1") -> None:
    assert isinstance(action, Action.DONE), action
    assert action.payment.status.state == State.SUCCEEDED and action.payment.status.is_final
    assert action.payment.provider_id == provider_id
    assert action.payment.merchant_id == "M-1"


def test_happy_path_create_callback_status_done(paystar: tuple) -> None:
    ps, url = paystar
    inbox = CallbackInbox()
    states: List[str] = []
    t = settle_when_created(ps, inbox)
    action = Client(gateway(url), timeout=5).run(deposit(), OPTIONS, states.append, callbacks=inbox)
    t.join(5)
    assert_succeeded(action)
    assert t.result["reply"].status == 200  # type: ignore[attr-defined]
    # one create, and the callback confirmed by a status call before `done`
    assert ps.log == [("POST", PREFIX), ("GET", PREFIX + "PSP-1/status")]
    # the state was stored after every step, and the last one is final
    assert len(states) >= 5
    assert json.loads(states[-1])["phase"] == "done"
    with pytest.raises(pspkit.InboxClosed):
        inbox.deliver(ps.settle("M-1"), timeout=1)


def test_create_timeout_then_lookup_not_found_then_same_create_again(paystar: tuple) -> None:
    ps, url = paystar
    ps.faults = ["create-timeout"]
    inbox = CallbackInbox()
    t = settle_when_created(ps, inbox)
    action = Client(gateway(url), timeout=0.5).run(deposit(), OPTIONS, callbacks=inbox)
    t.join(5)
    assert_succeeded(action)
    assert [entry for entry in ps.log if "status" not in entry[1] or "external" in entry[1]] == [
        ("POST", PREFIX),
        ("GET", PREFIX + "M-1/status-by-external-transaction-id"),
        ("POST", PREFIX),
    ]
    assert len(ps.orders) == 1


def test_423_on_a_status_call_then_success(paystar: tuple) -> None:
    ps, url = paystar
    ps.faults = ["status-423"]
    inbox = CallbackInbox()
    t = settle_when_created(ps, inbox)
    action = Client(gateway(url), timeout=5).run(deposit(), OPTIONS, callbacks=inbox)
    t.join(5)
    assert_succeeded(action)
    assert ps.count("GET", "PSP-1/status") == 2  # the 423, then the retry after the backoff
    assert ps.count("POST") == 1


def test_423_on_create_is_checked_by_merchant_id_before_creating_again(paystar: tuple) -> None:
    ps, url = paystar
    ps.faults = ["create-423"]
    inbox = CallbackInbox()
    t = settle_when_created(ps, inbox)
    action = Client(gateway(url), timeout=5).run(deposit(), OPTIONS, callbacks=inbox)
    t.join(5)
    assert_succeeded(action)
    assert ps.log[:3] == [("POST", PREFIX), ("GET", PREFIX + "M-1/status-by-external-transaction-id"),
                          ("POST", PREFIX)]


class Crash(Exception):
    """The host dies: raised by the transport after the request reached the provider."""


def test_persist_crash_after_send_and_resume_never_creates_twice(paystar: tuple) -> None:
    ps, url = paystar
    client = Client(gateway(url), timeout=5)
    stored: List[str] = []
    real = client.transport

    class DyingTransport:
        def send(self, request: HttpRequest, timeout: float) -> Any:
            real.send(request, timeout)  # PayStar creates the order ...
            raise Crash()  # ... and the host dies before it reads the answer

    client.transport = DyingTransport()
    with pytest.raises(Crash):
        client.run(deposit(), OPTIONS, stored.append)
    last = json.loads(stored[-1])
    assert last["inFlight"]["purpose"] and last["createsSent"] == 1
    ps.settle("M-1")  # meanwhile the payment went through

    restarted = Client(gateway(url), timeout=5)  # a new process, same config
    action = restarted.resume(stored[-1], stored.append)
    assert_succeeded(action)
    assert ps.count("POST") == 1  # the lost create was looked up, not sent again
    assert ps.log[-1] == ("GET", PREFIX + "M-1/status-by-external-transaction-id")
    assert json.loads(stored[-1])["phase"] == "done"


def test_refused_connection_is_reported_as_refused_and_the_deadline_stops_the_flow() -> None:
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens here any more
    client = Client(gateway(f"http://127.0.0.1:{port}"), timeout=2)
    with pytest.raises(PspError) as e:
        client.transport.send(HttpRequest(method="GET", url=f"http://127.0.0.1:{port}/x",
                                          headers={}, body=""), 2)
    assert e.value.transport_kind == TransportError.REFUSED  # type: ignore[attr-defined]
    action = client.run(deposit(), {"seed": 1, "deadlineSeconds": 1, "backoffInitialSeconds": 1})
    assert isinstance(action, Action.NEEDS_ATTENTION), action
    assert action.reason == pspkit.AttentionReason.DEADLINE_PASSED


def test_async_run_with_callback(paystar: tuple) -> None:
    pytest.importorskip("httpx")
    ps, url = paystar

    async def main() -> Action:
        client = pspkit.AsyncClient(gateway(url), timeout=5)
        inbox = AsyncCallbackInbox()
        states: List[str] = []

        async def provider() -> Any:
            while not ps.created.is_set():
                await asyncio.sleep(0.02)
            return await inbox.deliver(ps.settle("M-1"))

        action, reply = await asyncio.gather(
            client.run(deposit(), OPTIONS, states.append, callbacks=inbox), provider())
        await client.aclose()
        assert reply.status == 200 and json.loads(states[-1])["phase"] == "done"
        return action

    assert_succeeded(asyncio.run(main()))
    assert ps.log == [("POST", PREFIX), ("GET", PREFIX + "PSP-1/status")]
