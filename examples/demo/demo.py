"""The demo in Python: a PayStar hosted deposit and a PayStar card payout, each from create to
final state, through the `pspkit` wheel's `Client` (build -> send -> parse) against the sandbox
at $PSPKIT_SANDBOX_URL. Callbacks arrive at a local endpoint and are verified with
`Gateway.parse_callback`; each is confirmed with the status call it names. The sandbox's clock
moves only when we advance it, so a lifecycle takes seconds, not minutes.

    tests/sandbox/with-sandbox.sh .venv/bin/python examples/demo/demo.py     (or: make demo)
"""
from __future__ import annotations

import http.server
import json
import os
import sys
import threading
import time
import urllib.request
from typing import Any, Dict, List

import pspkit
from pspkit import Client, Context, Gateway, HttpRequest, HttpResponse, Operation, UrllibTransport

BASE = os.environ.get("PSPKIT_SANDBOX_URL", "").rstrip("/")


# --- the sandbox's admin API (not part of pspkit: it stands in for time passing) -------------
def admin(method: str, path: str, body: Any = None) -> Dict[str, Any]:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(f"{BASE}/__admin{path}", data=data, method=method,
                                 headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read().decode())


def advance(seconds: int) -> None:
    print(f"  clock +{seconds}s", flush=True)
    admin("POST", "/advance", {"seconds": seconds})


def state_of(payment: Dict[str, Any]) -> str:
    s = payment["status"]
    return f"{s['state']} ({s.get('providerStatus') or '-'})"


def note(transitions: List[str], payment: Dict[str, Any]) -> None:
    if not transitions or transitions[-1] != state_of(payment):
        transitions.append(state_of(payment))


# --- what the merchant's code looks like ------------------------------------------------------
class PrintingTransport:
    """The Client's default transport, printing each request line, answer status and time."""

    def __init__(self) -> None:
        self.inner = UrllibTransport()

    def send(self, request: HttpRequest, timeout: float) -> HttpResponse:
        started = time.monotonic()
        response = self.inner.send(request, timeout)
        ms = int((time.monotonic() - started) * 1000)
        print(f"  -> {request.method} {request.url}  <- {response.status} in {ms} ms", flush=True)
        return response


class CallbackEndpoint:
    """The merchant's callback endpoint: every callback is verified by Gateway.parse_callback and
    answered with the reply the core says the provider expects (400 when rejected)."""

    def __init__(self, gateway: Gateway) -> None:
        self.received: List[Dict[str, Any]] = []
        endpoint = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length).decode("utf-8", "replace")
                url = f"https://127.0.0.1:{self.server.server_address[1]}{self.path}"
                request = pspkit.from_dict(HttpRequest, {
                    "method": self.command, "url": url,
                    "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body,
                })
                status, reply = 400, "rejected"
                try:
                    event = pspkit.to_dict(gateway.parse_callback(request, Context(now=None, nonce=None)), secrets="reveal")
                    endpoint.received.append(event)
                    status, reply = event["reply"]["status"], event["reply"].get("body") or ""
                    signed = "verified" if event.get("verified") else "NOT verified"
                    print(f"    <- callback {self.command} {url}  signature {signed}  "
                          f"claims {state_of(event['payment'])}  -> reply {status}", flush=True)
                except pspkit.PspError as e:
                    print(f"    <- callback REJECTED: {pspkit.error_to_dict(e)['code']}", flush=True)
                data = reply.encode()
                self.send_response(status)
                self.send_header("content-type", "text/plain")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"https://127.0.0.1:{self.server.server_address[1]}/callbacks"


def check(cond: bool, what: str) -> None:
    if not cond:
        raise SystemExit(f"demo: expected {what}")


class Demo:
    def __init__(self) -> None:
        config = {
            "provider": "paystar",
            "baseUrl": f"{BASE}/paystar",
            "depositKeys": {"publicKey": "sandbox-deposit-public", "privateKey": "sandbox-deposit-private"},
            "payoutKeys": {"publicKey": "sandbox-payout-public", "privateKey": "sandbox-payout-private"},
        }
        self.gateway = Gateway.from_json(json.dumps(config))
        self.nonce = 0
        # The sandbox's clock stands in for the wall clock in each request's context.
        self.client = Client(self.gateway, timeout=5, transport=PrintingTransport(), context=self.context)
        self.endpoint = CallbackEndpoint(self.gateway)

    def context(self) -> Context:
        self.nonce += 1
        return Context(now=admin("GET", "/health")["now"], nonce=f"python-demo-{self.nonce}")

    def call(self, op: Dict[str, Any]) -> Dict[str, Any]:
        print(f"  {op['type']}", flush=True)
        payment = pspkit.to_dict(self.client.send(pspkit.from_dict(Operation, op)), secrets="reveal")["payment"]
        extra = ""
        if payment.get("nextAction"):
            extra = f", next: {payment['nextAction']['type']} to {payment['nextAction'].get('url')}"
        final = ", final" if payment["status"].get("final") else ""
        print(f"     => {state_of(payment)}{final}{extra}", flush=True)
        return payment

    def follow(self, transitions: List[str], steps: List[int]) -> Dict[str, Any]:
        """Advances the clock step by step; confirms each callback with its status call."""
        payment: Dict[str, Any] = {}
        for seconds in steps:
            before = len(self.endpoint.received)
            advance(seconds)
            for event in self.endpoint.received[before:]:
                note(transitions, event["payment"])
                check(bool(event.get("verified")) and bool(event.get("confirmWith")),
                      "a verified callback naming its status call")
                print("  confirm the callback with a status call (a callback alone never settles a payment)")
                payment = self.call(event["confirmWith"])
                note(transitions, payment)
        return payment

    def deposit(self) -> None:
        print("== PayStar hosted deposit: EUR 42.50, the payer pays on PayStar's page", flush=True)
        create = {
            "type": "create_deposit", "merchantId": "py-D1", "amount": "42.50", "currency": "EUR",
            "callbackUrl": self.endpoint.url,
            "successUrl": "https://merchant.example/ok", "failureUrl": "https://merchant.example/failed",
        }
        transitions: List[str] = []
        payment = self.call(create)
        note(transitions, payment)
        check(payment["status"]["state"] == "requires_action", "requires_action after create")
        url = payment["nextAction"]["url"]
        with urllib.request.urlopen(url, timeout=5) as resp:
            resp.read()
            print(f"  payer opens {url} -> {resp.status}", flush=True)
        payment = self.follow(transitions, [30, 60])
        check(payment.get("status", {}).get("state") == "succeeded" and payment["status"].get("final"),
              "a final succeeded deposit")
        print(f"  status: {' -> '.join(transitions)}")
        print(f"  final: deposit py-D1 EUR {payment['amount']}: {state_of(payment)}, final\n", flush=True)

    def payout(self) -> None:
        print("== PayStar card payout: USD 100.00 to a card", flush=True)
        create = {
            "type": "create_payout", "merchantId": "py-P1", "amount": "100.00", "currency": "USD",
            "callbackUrl": self.endpoint.url, "card": {"number": "4111111111111111"},
        }
        transitions: List[str] = []
        payment = self.call(create)
        note(transitions, payment)
        payment = self.follow(transitions, [30, 60])
        check(payment.get("status", {}).get("state") == "succeeded" and payment["status"].get("final"),
              "a final succeeded payout")
        print("  get_payout by merchant id, as after a restart")
        payment = self.call({"type": "get_payout", "merchantId": "py-P1"})
        print(f"  status: {' -> '.join(transitions)}")
        print(f"  final: payout py-P1 USD 100.00: {state_of(payment)}, final\n", flush=True)


def main() -> int:
    if not BASE:
        print("PSPKIT_SANDBOX_URL is not set (start the sandbox with tests/sandbox/with-sandbox.sh)",
              file=sys.stderr)
        return 2
    demo = Demo()
    try:
        admin("POST", "/reset")
        demo.deposit()
        admin("POST", "/reset")
        demo.payout()
    finally:
        demo.endpoint.server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
