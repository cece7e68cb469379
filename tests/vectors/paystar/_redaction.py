"""Writes redaction.json: PayStar answers and callbacks carrying card numbers where the docs put
holder names, history actions and error messages (DESIGN §8: PANs masked 6x4 whatever separates
their digits). Expected values are written by hand; signatures are computed here with hashlib
over externalId;status;amount;orderType;privateKey (fact sheet, callbacks)."""
import hashlib
import json
import pathlib

CONFIG = {"provider": "paystar", "depositToken": "dep-token-123", "payoutToken": "pay-token-456"}
KEYS = {
    "provider": "paystar",
    "depositKeys": {"publicKey": "pk_deposit_live_01", "privateKey": "sk_deposit_secret_01"},
    "payoutKeys": {"publicKey": "pk_payout_live_01", "privateKey": "sk_payout_secret_01"},
}
JSON = {"content-type": "application/json"}
GET = {"type": "get_deposit", "providerId": "ad66a2ff-97d1-47c5-8552-53752a51f031"}


def status_body(params=None, history=None):
    body = {"externalId": GET["providerId"], "orderStatus": "Processing", "amount": 2600.00}
    if params is not None:
        body["externalParams"] = params
    if history is not None:
        body["orderHistory"] = history
    return json.dumps(body)


def params(holder, number):
    return {"cardToken": None, "cardStorageToken": None, "cardHolder": holder, "cardNumber": number}


def status_case(name, body, payment):
    return {
        "name": name,
        "build": GET,
        "response": {"status": 200, "headers": JSON, "body": body},
        "expect": {"type": "payment", "payment": payment},
    }


def error_case(name, status, body, expect_error):
    return {
        "name": name,
        "build": GET,
        "response": {"status": status, "headers": JSON, "body": body},
        "expectError": expect_error,
    }


def callback(name, body_obj, expect):
    body = json.dumps(body_obj, separators=(",", ":"))
    line = ";".join([body_obj["externalId"], body_obj["status"], str(body_obj["amount"]),
                     body_obj["orderType"], KEYS["depositKeys"]["privateKey"]])
    sig = hashlib.sha256(line.encode()).hexdigest()
    return {
        "name": name,
        "config": KEYS,
        "callback": {"method": "POST", "url": "https://merch.com/callbackUrl",
                     "headers": {"content-type": "application/json", "Signature": sig},
                     "body": body},
        "expect": expect,
    }


MASK = "411111******1111"
cases = [
    status_case(
        "cardHolder holding a spaced PAN is masked; the masked cardNumber is kept",
        status_body(params("4111 1111 1111 1111", "411111******1111")),
        {"card": {"masked": MASK, "holder": MASK}},
    ),
    status_case(
        "cardHolder with a name and a PAN split by NUL: only the PAN is masked, nothing joined",
        status_body(params("JOHN 4111111\u0000111111111 WEAK", "411111******1111")),
        {"card": {"masked": MASK, "holder": "JOHN " + MASK + " WEAK"}},
    ),
    status_case(
        "cardNumber sent whole with an x after it is masked 6x4, not passed through",
        status_body(params("JOHN WEAK", "4111 1111 1111 1111 x")),
        {"card": {"masked": MASK, "holder": "JOHN WEAK"}},
    ),
    status_case(
        "cardNumber sent whole with dots is masked 6x4",
        status_body(params("JOHN WEAK", "5500.0000.0000.0004")),
        {"card": {"masked": "550000******0004", "holder": "JOHN WEAK"}},
    ),
    status_case(
        "orderHistory action carrying a dashed PAN: the code is masked, the documented code kept",
        status_body(history=[
            {"time": "2025-07-28T09:29:51.339832", "action": "1.1.0.0"},
            {"time": "2025-07-28T09:29:52.000000", "action": "card 4111-1111-1111-1111 declined"},
        ]),
        {"history": [
            {"at": "2025-07-28T09:29:51.339832", "code": "1.1.0.0"},
            {"at": "2025-07-28T09:29:52.000000", "code": "card " + MASK + " declined",
             "description": None},
        ]},
    ),
    status_case(
        "orderHistory action with the PAN behind a zero-width space and a tab",
        status_body(history=[{"time": "2025-07-28T09:29:51Z",
                              "action": "4111\u200b1111\t1111 1111"}]),
        {"history": [{"at": "2025-07-28T09:29:51Z", "code": MASK}]},
    ),
    error_case(
        "400 message echoing a PAN split by NUL: masked, not joined into a readable PAN",
        400,
        json.dumps({"label": "VALIDATION_ERROR.", "message": "card 4111111\u0000111111111 is blocked",
                    "statusDescrption": "0-0000"}),
        {"code": "invalid_request", "httpStatus": 400, "providerCode": "0-0000",
         "message": "PayStar rejected the request as invalid: card " + MASK + " is blocked (HTTP 400)"},
    ),
    error_case(
        "400 message echoing a spaced PAN",
        400,
        json.dumps({"label": "VALIDATION_ERROR.", "message": "card 4111 1111 1111 1111 is blocked",
                    "statusDescrption": "0-0000"}),
        {"code": "invalid_request",
         "message": "PayStar rejected the request as invalid: card " + MASK + " is blocked (HTTP 400)"},
    ),
    error_case(
        "provider code holding a PAN is masked too",
        400,
        json.dumps({"label": "X", "message": "no", "statusDescrption": "4111111111111111"}),
        {"code": "provider_error", "providerCode": MASK,
         "message": "PayStar rejected the request: no (HTTP 400)"},
    ),
    {
        "name": "an unknown currency of 1000 characters is echoed capped at 64 characters",
        "build": {"type": "create_deposit", "merchantId": "Merch12345", "amount": "100",
                  "currency": "Q" * 1000},
        "expectError": {"code": "invalid_request",
                        "message": "currency: unknown currency \"" + "Q" * 64 + "…\""},
    },
    callback(
        "signed callback whose cardHolder holds a PAN: verified, holder masked",
        {"externalId": "PayStar-bf95219b-393d-4323-91bf-639be", "status": "Created", "amount": "100",
         "orderType": "Deposit",
         "externalParams": {"cardToken": None, "cardStorageToken": None,
                            "cardHolder": "4111-1111-1111-1111", "cardNumber": "411111******1111"}},
        {"verified": True, "payment": {"card": {"masked": MASK, "holder": MASK}}},
    ),
]

out = {
    "description": "PayStar strings that reach the host carry no full PAN (DESIGN §8): holder "
                   "names, history actions, error messages and provider codes with PANs written "
                   "with spaces, dashes, dots, NUL or zero-width characters are masked 6x4; "
                   "echoed caller values are capped. Generated by _redaction.py.",
    "config": CONFIG,
    "context": {"now": "2026-01-01T00:00:00Z"},
    "cases": cases,
}
path = pathlib.Path(__file__).with_name("redaction.json")
path.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
