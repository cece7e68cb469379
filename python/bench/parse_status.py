"""Per-call cost of parse + normalize of a PayStar status answer, from Python.

Compares a pure-Python reference (json.loads + the same PayStar status mapping as
core/src/providers/paystar/status.rs; no validation, no money checks, no history decoding)
with pspkit's shapes, from the most general to the hot path:
  - `Gateway.parse(operation, HttpResponse)`: the full typed Outcome record;
  - `Gateway.parse_status(operation_json, status, body)`: flat arguments, flat StatusSummary;
  - `StatusParser.parse(status, body)`: the operation prepared once, StatusSummary out;
  - `StatusParser.parse_state(status, body)`: the state enum only;
  - `StatusParser.parse_batch` / `parse_states`: N answers in one call (lists), cost per answer;
  - `pspkit.parse_states(parser, answers)`: the answers joined into one string, one string back.
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
BATCH = 100


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
    parser = gw.status_parser(op_json)
    statuses, bodies = [200] * BATCH, [BODY] * BATCH
    pairs, one = list(zip(statuses, bodies)), [(200, BODY)]
    assert gw.parse_status(op_json, 200, BODY).state == pspkit.State.SUCCEEDED
    assert parser.parse(200, BODY).state == pspkit.State.SUCCEEDED
    assert parser.parse_state(200, BODY) == pspkit.State.SUCCEEDED
    assert parser.parse_batch(statuses, bodies)[-1].summary.state == pspkit.State.SUCCEEDED
    assert parser.parse_states(statuses, bodies) == [pspkit.State.SUCCEEDED] * BATCH
    assert pspkit.parse_states(parser, pairs) == [pspkit.State.SUCCEEDED] * BATCH
    assert reference(200, BODY)["state"] == "succeeded"
    n = 20000
    # name -> (callable, answers per call)
    results = {
        "pure-Python reference (json.loads + mapping)": (lambda: reference(200, BODY), 1),
        "Gateway.parse (typed Outcome)": (lambda: gw.parse(op, resp), 1),
        "Gateway.parse_status (flat)": (lambda: gw.parse_status(op_json, 200, BODY), 1),
        "StatusParser.parse (prepared)": (lambda: parser.parse(200, BODY), 1),
        "StatusParser.parse_state (prepared, enum)": (lambda: parser.parse_state(200, BODY), 1),
        f"StatusParser.parse_batch ({BATCH}/call)": (lambda: parser.parse_batch(statuses, bodies), BATCH),
        f"StatusParser.parse_states ({BATCH}/call)": (lambda: parser.parse_states(statuses, bodies), BATCH),
        "pspkit.parse_states (1 answer)": (lambda: pspkit.parse_states(parser, one), 1),
        f"pspkit.parse_states ({BATCH}/call, one string)": (lambda: pspkit.parse_states(parser, pairs), BATCH),
    }
    best = {}
    for name, (f, per) in results.items():
        calls = max(1, n // per)
        best[name] = min(timeit.repeat(f, number=calls, repeat=5)) / (calls * per) * 1e6
    ref = best["pure-Python reference (json.loads + mapping)"]
    print(f"body {len(BODY)} bytes, best of 5; µs per answer parsed")
    for name, us in best.items():
        print(f"{name:46s} {us:7.2f} µs/answer  {us / ref:5.2f}x reference")


if __name__ == "__main__":
    main()
