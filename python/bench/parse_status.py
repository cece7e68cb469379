"""Per-call cost of parse + normalize of a PayStar status answer, from Python.

Compares (1) a pure-Python reference: json.loads + the same PayStar status mapping as
core/src/providers/paystar/status.rs (no validation, no money checks, no history decoding);
(2) pspkit's flat hot path `Gateway.parse_status(operation_json, status, body)`; (3) the typed
`Gateway.parse(operation, HttpResponse)` returning the full Outcome record.
Run: make bench-python  (or .venv/bin/python python/bench/parse_status.py)
"""
from __future__ import annotations

import json
import timeit

import pspkit

BODY = json.dumps({
    "externalId": "ad66a2ff-97d1-47c5-8552-53752a51f031", "orderStatus": "Success",
    "amount": 2600.00, "externalParams": {"cardToken": None, "cardStorageToken": None,
    "cardHolder": None, "cardNumber": None},
    "orderHistory": [{"time": "2025-07-28T09:29:51.339832", "action": "1.1.0.0"}],
})
STATES = {"Init": "requires_action", "Created": "pending", "Processing": "processing",
          "Success": "succeeded", "Failed": "failed"}
FINAL = {"succeeded", "failed"}


def reference(status: int, body: str) -> dict:
    data = json.loads(body)
    state = STATES.get(data.get("orderStatus"), "unknown")
    return {"state": state, "final": state in FINAL, "providerStatus": data.get("orderStatus"),
            "providerId": data.get("externalId"), "amount": data.get("amount")}


def main() -> None:
    gw = pspkit.Gateway.from_json('{"provider":"paystar","depositToken":"t"}')
    op_json = '{"type":"get_deposit","providerId":"ad66a2ff-97d1-47c5-8552-53752a51f031"}'
    op = pspkit.from_json(pspkit.Operation, op_json)
    resp = pspkit.HttpResponse(status=200, headers={}, body=BODY)
    assert gw.parse_status(op_json, 200, BODY).state == pspkit.State.SUCCEEDED
    assert reference(200, BODY)["state"] == "succeeded"
    n = 20000
    results = {
        "pure-Python reference (json.loads + mapping)": lambda: reference(200, BODY),
        "pspkit Gateway.parse_status (flat)": lambda: gw.parse_status(op_json, 200, BODY),
        "pspkit Gateway.parse (typed Outcome)": lambda: gw.parse(op, resp),
    }
    best = {k: min(timeit.repeat(f, number=n, repeat=5)) / n * 1e6 for k, f in results.items()}
    ref = best["pure-Python reference (json.loads + mapping)"]
    print(f"body {len(BODY)} bytes, best of 5 x {n} calls")
    for k, us in best.items():
        print(f"{k:48s} {us:7.2f} µs/call  {us / ref:5.2f}x reference")


if __name__ == "__main__":
    main()
