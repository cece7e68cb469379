"""`Client` against a local http.server on 127.0.0.1: success, timeout, 423, HTML 502."""
from __future__ import annotations

import asyncio
import http.server
import json
import threading
import time
from typing import Any, Dict, Iterator, List, Tuple

import pytest

import pspkit
from pspkit import Client, Context, ErrorCode, Gateway, Operation, OrderRef, PspError, State

STATUS_BODY = json.dumps(
    {"externalId": "ok-1", "orderStatus": "Success", "amount": 26.5, "orderHistory": []}
)
# path -> (status, content type, body, delay in seconds)
ROUTES: Dict[str, Tuple[int, str, str, float]] = {
    "ok": (200, "application/json", STATUS_BODY, 0.0),
    "slow": (200, "application/json", STATUS_BODY, 2.0),
    "locked": (423, "application/json", '{"code":"423","message":"Locked"}', 0.0),
    "html": (502, "text/html", "<html><body>502 Bad Gateway</body></html>", 0.0),
}
SEEN: List[Dict[str, Any]] = []


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        SEEN.append({"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}})
        route = next((r for key, r in ROUTES.items() if f"/{key}-" in self.path), None)
        status, ctype, body, delay = route or (404, "text/plain", "no route", 0.0)
        time.sleep(delay)
        data = body.encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def gateway(base_url: str) -> Gateway:
    return Gateway.from_json(
        json.dumps({"provider": "paystar", "baseUrl": base_url, "depositToken": "dep-token"})
    )


def status_of(route: str) -> Operation:
    return Operation.GET_DEPOSIT(OrderRef(provider_id=f"{route}-1", merchant_id=None))


CTX = Context(now="2026-01-01T00:00:00Z", nonce=None)


def test_success_is_parsed_into_the_model(base_url: str) -> None:
    client = Client(gateway(base_url), timeout=5)
    outcome = client.send(status_of("ok"), CTX)
    assert isinstance(outcome, Outcome := pspkit.Outcome)
    payment = outcome.payment  # type: ignore[attr-defined]
    assert payment.status.state == State.SUCCEEDED and payment.status.is_final
    assert payment.provider_id == "ok-1"
    assert SEEN[-1]["headers"]["authorization"] == "Bearer dep-token"
    assert SEEN[-1]["path"].endswith("/deposit-order/ok-1/status")
    # The canonical JSON helpers round-trip what the client returned.
    data = pspkit.to_dict(outcome)
    assert data["payment"]["status"]["state"] == "succeeded"
    assert pspkit.from_dict(Outcome, data) == outcome


def test_timeout_is_a_retryable_error_with_unknown_outcome(base_url: str) -> None:
    client = Client(gateway(base_url), timeout=0.3)
    started = time.monotonic()
    with pytest.raises(PspError) as info:
        client.send(status_of("slow"), CTX)
    assert time.monotonic() - started < 1.5
    e: Any = info.value
    assert e.code == ErrorCode.TEMPORARILY_UNAVAILABLE and e.retryable
    assert e.http_status is None and "0.3" in e.detail


def test_423_is_temporarily_unavailable(base_url: str) -> None:
    with pytest.raises(PspError) as info:
        Client(gateway(base_url), timeout=5).send(status_of("locked"), CTX)
    e: Any = info.value
    assert (e.code, e.retryable, e.http_status) == (ErrorCode.TEMPORARILY_UNAVAILABLE, True, 423)


def test_html_502_is_temporarily_unavailable_not_a_crash(base_url: str) -> None:
    with pytest.raises(PspError) as info:
        Client(gateway(base_url), timeout=5).send(status_of("html"), CTX)
    e: Any = info.value
    assert (e.code, e.retryable, e.http_status) == (ErrorCode.TEMPORARILY_UNAVAILABLE, True, 502)
    assert pspkit.error_to_dict(e)["code"] == "temporarily_unavailable"


def test_connection_refused_is_a_transport_error() -> None:
    gw = Gateway.from_json(
        json.dumps({"provider": "paystar", "baseUrl": "http://127.0.0.1:9", "depositToken": "t"})
    )
    with pytest.raises(PspError) as info:
        Client(gw, timeout=2).send(status_of("ok"), CTX)
    assert info.value.code == ErrorCode.TEMPORARILY_UNAVAILABLE  # type: ignore[attr-defined]


def test_async_client_on_httpx(base_url: str) -> None:
    pytest.importorskip("httpx")

    async def run() -> Any:
        client = pspkit.AsyncClient(gateway(base_url), timeout=5)
        try:
            ok = await client.send(status_of("ok"), CTX)
            with pytest.raises(PspError) as info:
                await pspkit.AsyncClient(gateway(base_url), timeout=0.3).send(status_of("slow"), CTX)
            return ok, info.value
        finally:
            await client.aclose()

    ok, err = asyncio.run(run())
    assert ok.payment.status.state == State.SUCCEEDED
    assert err.code == ErrorCode.TEMPORARILY_UNAVAILABLE


def test_secrets_never_show_in_repr() -> None:
    config = pspkit.from_dict(
        pspkit.GatewayConfig, {"provider": "paystar", "depositToken": "very-secret-token"}
    )
    assert "very-secret-token" not in repr(config) and "very-secret-token" not in str(config)
    assert "very-secret-token" in pspkit.to_json(config, secrets="reveal")  # storable form, by name
    assert "very-secret-token" not in pspkit.to_json(config)  # the default is for logs
    assert Gateway(config).capabilities()["provider"] == "paystar"
    assert Gateway(config).typed.capabilities().provider == "paystar"


def test_parse_status_hot_path_matches_parse(base_url: str) -> None:
    gw = gateway(base_url)
    op_json = '{"type":"get_deposit","providerId":"ok-1"}'
    summary = gw.parse_status(op_json, 200, STATUS_BODY)
    assert summary.state == State.SUCCEEDED and summary.is_final
    payment = gw.parse(pspkit.from_json(Operation, op_json), pspkit.HttpResponse(
        status=200, headers={}, body=STATUS_BODY)).payment  # type: ignore[attr-defined]
    assert summary.provider_status == payment.status.provider_status == "Success"
    assert (summary.provider_id, summary.amount) == (payment.provider_id, payment.amount)


def test_dict_send_and_the_per_call_timeout(base_url: str) -> None:
    gateway = pspkit.Gateway({"provider": "paystar", "baseUrl": base_url, "depositToken": "dep-token"})
    client = Client(gateway, timeout=30)
    outcome = client.send({"type": "get_deposit", "providerId": "ok-1"})
    assert outcome["type"] == "payment" and outcome["payment"]["status"]["state"] == "succeeded"
    assert SEEN[-1]["headers"]["authorization"] == "Bearer dep-token"
    started = time.monotonic()
    with pytest.raises(PspError) as info:
        client.send({"type": "get_deposit", "providerId": "slow-1"}, timeout=0.3)
    assert time.monotonic() - started < 1.5  # the call's timeout, not the client's 30 s
    e = info.value
    assert e.code == "temporarily_unavailable" and e.retryable and e.http_status is None
    assert e.transport_kind == pspkit.TransportError.TIMEOUT
    assert str(e).startswith("transport: no answer within 0.3 s")


def test_dict_send_on_the_async_client(base_url: str) -> None:
    gateway = pspkit.Gateway({"provider": "paystar", "baseUrl": base_url, "depositToken": "dep-token"})

    async def go() -> Any:
        client = pspkit.AsyncClient(gateway, timeout=30)
        try:
            ok = await client.send({"type": "get_deposit", "providerId": "ok-1"})
            with pytest.raises(PspError) as info:
                await client.send({"type": "get_deposit", "providerId": "slow-1"}, timeout=0.3)
            return ok, info.value
        finally:
            await client.aclose()

    ok, error = asyncio.run(go())
    assert ok["payment"]["providerId"] == "ok-1"
    assert error.code == "temporarily_unavailable"
    assert error.transport_kind == pspkit.TransportError.TIMEOUT
