"""The dict-first API: `Gateway(dict)`, dicts in and out, `PspError` as a plain exception."""
from __future__ import annotations

import json
import pickle
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict

import pytest

import pspkit
from pspkit import ErrorCode, Gateway, PspError

REPO = Path(__file__).resolve().parents[2]
CONFIG: Dict[str, Any] = {"provider": "paystar", "depositToken": "dep-token"}
STATUS = json.dumps({"externalId": "ps-1", "orderStatus": "Success", "amount": "26.50",
                     "orderHistory": []})


def callbacks_vector() -> Dict[str, Any]:
    data: Dict[str, Any] = json.loads((REPO / "tests/vectors/paystar/callbacks.json").read_text())
    return data


def test_build_defaults_now_and_returns_a_dict() -> None:
    request = Gateway(CONFIG).build({"type": "get_deposit", "providerId": "ps-1"})
    assert request == {
        "method": "GET",
        "url": "https://secure.paystar.uk/api/v1/integration/deposit-order/ps-1/status",
        "headers": request["headers"], "body": "",
    }
    assert request["headers"]["authorization"] == "Bearer dep-token"


def test_parse_returns_the_outcome_as_a_dict() -> None:
    outcome = Gateway(CONFIG).parse({"type": "get_deposit", "providerId": "ps-1"},
                                    {"status": 200, "body": STATUS})
    assert outcome["type"] == "payment"
    payment = outcome["payment"]
    assert (payment["providerId"], payment["amount"]) == ("ps-1", "26.50")
    assert payment["status"] == {"state": "succeeded", "final": True, "providerStatus": "Success",
                                 "reason": None}
    # Headers and bytes bodies are accepted as frameworks hand them over.
    again = Gateway(CONFIG).parse({"type": "get_deposit", "providerId": "ps-1"},
                                  {"status": 200, "body": STATUS.encode(),
                                   "headers": {"Content-Type": "application/json"}})
    assert again == outcome


def test_config_records_and_json_text_give_the_same_gateway() -> None:
    record = pspkit.from_dict(pspkit.GatewayConfig, CONFIG)
    op = {"type": "get_deposit", "providerId": "ps-1"}
    now = "2026-01-01T00:00:00Z"
    want = Gateway(CONFIG).build(op, now)  # type: ignore[arg-type]
    assert Gateway(record).build(op, now) == want  # type: ignore[arg-type]
    assert Gateway.from_json(json.dumps(CONFIG)).build(op, now) == want  # type: ignore[arg-type]
    assert "dep-token" not in repr(Gateway(CONFIG))


def test_typed_records_still_work_on_the_same_gateway() -> None:
    gateway = Gateway(CONFIG)
    op = pspkit.Operation.GET_DEPOSIT(pspkit.OrderRef(provider_id="ps-1", merchant_id=None))
    outcome = gateway.parse(op, pspkit.HttpResponse(status=200, headers={}, body=STATUS))
    assert outcome.payment.status.state == pspkit.State.SUCCEEDED  # type: ignore[attr-defined]
    request = gateway.build(op, pspkit.Context(now="2026-01-01T00:00:00Z", nonce=None))
    assert request.url.endswith("/ps-1/status")


def test_pspkit_error_is_a_plain_exception_with_the_message_first() -> None:
    with pytest.raises(PspError) as info:
        Gateway(CONFIG).parse({"type": "get_deposit", "providerId": "ps-1"},
                              {"status": 423, "body": "{}"})
    e = info.value
    assert isinstance(e, Exception) and type(e) is PspError
    assert e.code == "temporarily_unavailable" and e.code is ErrorCode.TEMPORARILY_UNAVAILABLE
    assert e.retryable is True and e.http_status == 423
    assert str(e).startswith(e.message) and str(e).endswith("(code=temporarily_unavailable, http_status=423)")
    assert e.to_dict()["code"] == "temporarily_unavailable"
    back = pickle.loads(pickle.dumps(e))
    assert (back.code, back.message, back.http_status) == (e.code, e.message, 423)


@pytest.mark.parametrize("config,field", [
    ({"provider": "paystar", "depositToken": "t", "depositTokn": "x"}, "depositTokn"),
    ({"provider": "paystr", "depositToken": "t"}, "paystr"),
    ({"provider": "dpay", "client": "k"}, "secret"),
])
def test_config_errors_name_the_field_in_the_users_terms(config: Dict[str, Any], field: str) -> None:
    with pytest.raises(PspError) as info:
        Gateway(config)
    e = info.value
    assert e.code == "invalid_request" and field in e.message, e.message
    assert not re.search(r"line \d+ column \d+|pspkit::|::[A-Z]", e.message), e.message


def test_operation_errors_name_the_field() -> None:
    gateway = Gateway(CONFIG)
    with pytest.raises(PspError) as info:
        gateway.build({"type": "get_deposit", "providerID": "ps-1"})
    assert info.value.code == "invalid_request" and "providerID" in info.value.message
    assert "line " not in info.value.message and "pspkit::" not in info.value.message
    with pytest.raises(PspError) as info:
        gateway.parse({"type": "get_deposit", "providerId": "ps-1"}, {"body": STATUS})  # type: ignore[typeddict-item]
    assert "response.status" in info.value.message
    with pytest.raises(PspError) as info:
        gateway.build({"type": "get_deposit", "providerId": object()})  # type: ignore[typeddict-item]
    assert info.value.message.startswith("operation: not plain JSON data")


def test_a_lone_surrogate_names_the_field_that_holds_it() -> None:
    gateway = Gateway(CONFIG)
    lone = "is not valid Unicode text (a lone UTF-16 surrogate)"
    cases = [
        (lambda: gateway.build({"type": "get_deposit", "merchantId": "M\ud800"}),
         f"operation.merchantId: {lone}"),
        (lambda: gateway.build({"type": "get_deposit", "merchantId": "M", "x\udc00": 1}),  # type: ignore[typeddict-unknown-key]
         f"operation: has a field name that {lone}"),
        (lambda: gateway.parse({"type": "get_deposit", "merchantId": "M\udbff"}, {"status": 200, "body": STATUS}),
         f"operation.merchantId: {lone}"),
        (lambda: gateway.parse({"type": "get_deposit", "providerId": "ps-1"}, {"status": 200, "body": "{\"a\":\"\ud800\"}"}),
         "response.body: is not valid UTF-8 text"),
        (lambda: gateway.parse({"type": "get_deposit", "providerId": "ps-1"},
                               {"status": 200, "headers": {"X-A": "\ud800"}, "body": STATUS}),
         f"response.headers.x-a: {lone}"),
        (lambda: gateway.build({"type": "get_deposit", "providerId": "ps-1"}, "2026-01-01T00:00:00Z\udc00"),
         f"context.now: {lone}"),
        (lambda: gateway.build({"type": "get_deposit", "providerId": "ps-1"}, nonce="\ud800"),
         f"context.nonce: {lone}"),
    ]
    callbacks = Gateway({**CONFIG, "callbackKey": "cb-key"})
    request = {"method": "POST", "url": "https://merchant.example/cb", "headers": {}, "body": "{}"}
    cases += [
        (lambda: callbacks.parse_callback({**request, "headers": {"X-Sig": "\ud800"}}),
         f"request.headers.x-sig: {lone}"),
        (lambda: callbacks.parse_callback({**request, "url": "https://merchant.example/cb\udfff"}),
         f"request.url: {lone}"),
    ]
    cases.append((lambda: Gateway({"provider": "paystar", "depositToken": "t\ud800"}),
                  f"config.depositToken: {lone}"))
    for call, message in cases:
        with pytest.raises(PspError) as info:
            call()
        assert info.value.code == "invalid_request"
        assert info.value.message == message


def test_parse_callback_takes_the_raw_body_and_any_headers() -> None:
    data = callbacks_vector()
    case = next(c for c in data["cases"] if "deposit privateKey" in c["name"])
    gateway = Gateway(data["config"])
    request = case["callback"]
    event = gateway.parse_callback(
        {"method": request["method"], "url": request["url"], "body": request["body"].encode(),
         "headers": {k.upper(): v for k, v in request["headers"].items()}},
        data["context"]["now"])
    assert event["verified"] is True
    assert event["payment"]["providerId"] == case["expect"]["payment"]["providerId"]
    assert event["reply"]["status"] == 200
    with pytest.raises(PspError) as info:
        gateway.parse_callback({"method": "POST", "url": request["url"],
                                "body": json.loads(request["body"]),  # type: ignore[typeddict-item]
                                "headers": request["headers"]})
    assert "raw body" in info.value.message and info.value.code == "invalid_request"
    tampered = dict(request, body=request["body"].replace("Created", "Success"))
    with pytest.raises(PspError) as info:
        gateway.parse_callback(tampered)
    assert info.value.code == "invalid_signature"


def test_parse_states_batch_agrees_with_parse() -> None:
    gateway = Gateway(CONFIG)
    op: pspkit.types.GetDepositOperation = {"type": "get_deposit", "providerId": "ps-1"}
    answers = [(200, STATUS), (423, "{}"), (200, "<html>"), (200, STATUS.replace("Success", "Weird"))]
    assert gateway.parse_states(op, answers) == ["succeeded", "!temporarily_unavailable",
                                                 "!bad_response", "unknown"]
    assert list(gateway.iter_states(op, iter(answers), chunk=3)) == gateway.parse_states(op, answers)
    assert gateway.parse_states(op, [(200, STATUS.replace("ps-1", "ps-1\x1e"))]) == ["!bad_response"]


def test_a_reused_operation_dict_mutated_in_place_is_read_again() -> None:
    # The gateway keeps the last operation's JSON (and the native side the operation it read):
    # a change to the same dict object must reach the core.
    gateway = Gateway(CONFIG)
    op: Dict[str, Any] = {"type": "get_deposit", "providerId": "ps-1"}
    response = {"status": 200, "body": STATUS}
    assert gateway.parse(op, response)["payment"]["providerId"] == "ps-1"  # type: ignore[arg-type]
    op["type"] = "get_deposti"
    with pytest.raises(PspError) as info:
        gateway.parse(op, response)  # type: ignore[arg-type]
    assert info.value.code == "invalid_request" and "get_deposti" in str(info.value)
    op["type"] = "get_deposit"
    assert gateway.parse(dict(reversed(list(op.items()))), response)["type"] == "payment"  # type: ignore[arg-type]
    op["providerId"] = 7  # not kept (not a str), and refused by the core's reader
    with pytest.raises(PspError) as info:
        gateway.parse(op, response)  # type: ignore[arg-type]
    assert info.value.code == "invalid_request" and "providerId" in str(info.value)


@pytest.mark.parametrize("status", [-1, 70000, 2**40])
def test_a_status_out_of_range_is_a_typed_error(status: int) -> None:
    with pytest.raises(PspError) as info:
        Gateway(CONFIG).parse({"type": "get_deposit", "providerId": "ps-1"},
                              {"status": status, "body": STATUS})
    assert info.value.code == "invalid_request" and "status" in str(info.value)


def test_import_is_lazy() -> None:
    code = ("import sys, pspkit; assert 'pspkit._generated' not in sys.modules; "
            "pspkit.Gateway({'provider': 'paystar', 'depositToken': 't'}); "
            "assert 'pspkit._generated.pspkit_model' not in sys.modules; "
            "pspkit.Operation; assert 'pspkit._generated.pspkit_model' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, cwd="/")


def test_generated_types_cover_the_model() -> None:
    from pspkit import types

    assert types.GetPayoutOperation.__required_keys__ >= {"type"}
    for name in ("GatewayConfig", "Operation", "Outcome", "Payment", "CallbackEvent", "HttpRequest",
                 "HttpResponse", "Context", "PaymentOrder", "ErrorCode", "State"):
        assert hasattr(types, name), name
    assert set(types.ErrorCode.__args__) == {c.value for c in ErrorCode}  # type: ignore[attr-defined]
