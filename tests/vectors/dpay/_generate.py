#!/usr/bin/env python3
"""Writes the DPay conformance vectors (DESIGN §6) in this folder.

Facts: shared/providers/agent-payout-gateway.md and seed 003. Every request body below is written
by hand (the field order is the one pspkit documents in core/src/providers/dpay/requests.rs), and
every DPAY_SECURE value is computed here with Python's standard library (hashlib, base64), by the
documented formula base64(md5(salt + base64(sha1(body, raw)) + salt, raw)) — never taken from
pspkit's output. Run: python3 tests/vectors/dpay/_generate.py
"""
import base64
import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CTX = {"now": "2026-01-01T00:00:00Z"}

CLIENT = "1043"
SECRET = "kassa_secret_8f3b"
CONFIG = {"provider": "dpay", "client": CLIENT, "secret": SECRET}
BASE = "https://api.dpay.africa"


def dpay_secure(body: str, salt: str = SECRET) -> str:
    inner = base64.b64encode(hashlib.sha1(body.encode("utf-8")).digest()).decode()
    return base64.b64encode(hashlib.md5((salt + inner + salt).encode("utf-8")).digest()).decode()


# The fact sheet's worked example, checked here so the formula above is the documented one.
assert dpay_secure('{"payment_id":"123"}', "my_cash_register_secret") == "ZI9yOfAKMAp+kiqkzvdb5g=="
assert dpay_secure('{"payment_id": "123"}', "my_cash_register_secret") == "F24C6vV3OFifpWOx9pUBNg=="


def req(path: str, body: str, base: str = BASE, client: str = CLIENT, salt: str = SECRET) -> dict:
    return {
        "method": "POST",
        "url": base + path,
        "headers": {
            "content-type": "application/json",
            "dpay_client": client,
            "dpay_secure": dpay_secure(body, salt),
        },
        "body": body,
    }


def resp(body, status: int = 200, signed: bool = True, salt: str = SECRET) -> dict:
    text = body if isinstance(body, str) else json.dumps(body, separators=(",", ":"), ensure_ascii=False)
    headers = {"content-type": "application/json"}
    if signed:
        headers["DPAY_SECURE"] = dpay_secure(text, salt)
    return {"status": status, "headers": headers, "body": text}


def payment(**kw) -> dict:
    return {"type": "payment", "payment": kw}


def st(state: str, final: bool, provider):
    return {"state": state, "final": final, "providerStatus": provider}


def err(code: str, **kw) -> dict:
    out = {"code": code, "retryable": code == "temporarily_unavailable"}
    out.update(kw)
    return out


def write(name: str, description: str, cases: list, config=None):
    doc = {"description": description, "config": config or CONFIG, "context": CTX, "cases": cases}
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return len(cases)


MOMO = {
    "type": "create_payout", "merchantId": "W-1001", "amount": "1000", "currency": "GHS",
    "paymentMethod": "mtn-ghana.ghs", "customer": {"phone": "+233241234567"},
    "description": "Payout W-1001", "callbackUrl": "https://shop.example/dpay?payment_id=W-1001",
}
MOMO_BODY = ('{"payment_id":"W-1001","amount":1000.00,"currency":"mtn-ghana.ghs",'
             '"recipient":"233241234567","description":"Payout W-1001",'
             '"status_url":"https://shop.example/dpay?payment_id=W-1001"}')

total = 0

# ---------------------------------------------------------------- create
create = [
    {"name": "mobile money payout: exact body, headers, signature (phone without +, amount with GHS decimals)",
     "build": MOMO, "expectRequest": req("/api/payment/create", MOMO_BODY)},
    {"name": "card payout: card number digits only in recipient",
     "build": {"type": "create_payout", "merchantId": "W-1002", "amount": "250.5", "currency": "UAH",
               "paymentMethod": "visamaster.uah", "card": {"number": "4111 1111 1111 1111"}},
     "expectRequest": req("/api/payment/create",
                          '{"payment_id":"W-1002","amount":250.50,"currency":"visamaster.uah",'
                          '"recipient":"4111111111111111"}')},
    {"name": "crypto payout: wallet address, USDT six decimals",
     "build": {"type": "create_payout", "merchantId": "W-1003", "amount": "25.5", "currency": "USDT",
               "paymentMethod": "usdt_trc20", "walletAddress": "TQ5NbS7wRUdPbyVeRZ2Ahjx2mzZrqpnyvH"},
     "expectRequest": req("/api/payment/create",
                          '{"payment_id":"W-1003","amount":25.500000,"currency":"usdt_trc20",'
                          '"recipient":"TQ5NbS7wRUdPbyVeRZ2Ahjx2mzZrqpnyvH"}')},
    {"name": "XOF has no decimals; extras become extra_fields (sorted by key)",
     "build": {"type": "create_payout", "merchantId": "W-1004", "amount": "2000", "currency": "XOF",
               "paymentMethod": "orange_money-ci.xof", "customer": {"phone": "2250701020304"},
               "extras": {"operator": "orange", "first_name": "Awa"}},
     "expectRequest": req("/api/payment/create",
                          '{"payment_id":"W-1004","amount":2000,"currency":"orange_money-ci.xof",'
                          '"recipient":"2250701020304","extra_fields":{"first_name":"Awa","operator":"orange"}}')},
    {"name": "bank payout: account number as recipient; the phone is only a contact",
     "build": {"type": "create_payout", "merchantId": "W-1005", "amount": "15000", "currency": "NGN",
               "paymentMethod": "bank.ngn", "bankAccount": {"accountNumber": "0123456789"},
               "customer": {"phone": "+2348012345678"}},
     "expectRequest": req("/api/payment/create",
                          '{"payment_id":"W-1005","amount":15000.00,"currency":"bank.ngn",'
                          '"recipient":"0123456789"}')},
    {"name": "non-ASCII description is signed as UTF-8 bytes",
     "build": {"type": "create_payout", "merchantId": "W-1006", "amount": "100", "currency": "UAH",
               "paymentMethod": "visamaster.uah", "card": {"number": "5375414100000000"},
               "description": "Виплата №6"},
     "expectRequest": req("/api/payment/create",
                          '{"payment_id":"W-1006","amount":100.00,"currency":"visamaster.uah",'
                          '"recipient":"5375414100000000","description":"Виплата №6"}')},
    {"name": "the design's example config on another deployment's host",
     "config": {"provider": "dpay", "baseUrl": "https://acquiring_api.obmenka.ua/", "client": "kassa-id", "secret": "salt"},
     "build": {"type": "get_payout", "merchantId": "123"},
     "expectRequest": req("/api/payment/status", '{"payment_id":"123"}',
                          base="https://acquiring_api.obmenka.ua", client="kassa-id", salt="salt")},
    # status_url = callbackUrl + payment_id=<merchantId> (module docs: the callback must name the payout).
    {"name": "status_url: a plain callbackUrl gets ?payment_id=<merchantId>",
     "build": {**MOMO, "callbackUrl": "https://shop.example/dpay"},
     "expectRequest": req("/api/payment/create", MOMO_BODY)},
    {"name": "status_url: an existing query gets &payment_id=, percent-encoded (':' → %3A)",
     "build": {**MOMO, "merchantId": "W:7", "callbackUrl": "https://shop.example/dpay?shop=ua"},
     "expectRequest": req("/api/payment/create",
                          '{"payment_id":"W:7","amount":1000.00,"currency":"mtn-ghana.ghs",'
                          '"recipient":"233241234567","description":"Payout W-1001",'
                          '"status_url":"https://shop.example/dpay?shop=ua&payment_id=W%3A7"}')},
    {"name": "status_url: callbackUrl with another payment_id → invalid_request",
     "build": {**MOMO, "callbackUrl": "https://shop.example/dpay?payment_id=W-9"},
     "expectError": err("invalid_request")},
    {"name": "create answer: tracking and payment_id, no status → unknown, amount from the request",
     "build": MOMO,
     "response": resp({"tracking": "79DF-60B0-17F6", "payment_id": "W-1001"}),
     "expect": payment(direction="payout", providerId="79DF-60B0-17F6", merchantId="W-1001",
                       amount="1000.00", currency="GHS", status=st("unknown", False, None))},
    {"name": "create answer with status CREATED → pending",
     "build": MOMO,
     "response": resp({"tracking": "79DF-60B0-17F6", "payment_id": "W-1001", "status": "CREATED"}),
     "expect": payment(providerId="79DF-60B0-17F6", status=st("pending", False, "CREATED"), pollAfterSeconds=60)},
    {"name": "create answer without tracking → bad_response",
     "build": MOMO, "response": resp({"payment_id": "W-1001"}), "expectError": err("bad_response")},
    {"name": "create answer about another payment_id → bad_response",
     "build": MOMO, "response": resp({"tracking": "79DF", "payment_id": "W-9999"}),
     "expectError": err("bad_response")},
    {"name": "duplicate payment_id (documented envelope) → duplicate",
     "build": MOMO, "response": resp({"error": {"code": 0, "message": "Transaction already exists"}}),
     "expectError": err("duplicate", providerCode="0", httpStatus=200)},
]
val = [
    ("no paymentMethod", {**MOMO, "paymentMethod": None}),
    ("paymentMethod currency differs from currency", {**MOMO, "currency": "XOF", "amount": "1000"}),
    ("GHS amount with three decimals", {**MOMO, "amount": "10.001"}),
    ("zero amount", {**MOMO, "amount": "0"}),
    ("upper-case method code", {**MOMO, "paymentMethod": "MTN-GHANA.GHS"}),
    ("no recipient at all", {**MOMO, "customer": None}),
    ("two destinations (card and bank account)",
     {**MOMO, "card": {"number": "4111111111111111"}, "bankAccount": {"accountNumber": "0123456789"}}),
    ("successUrl on a payout", {**MOMO, "successUrl": "https://shop.example/ok"}),
    ("plain http status_url", {**MOMO, "callbackUrl": "http://shop.example/dpay"}),
    ("crypto method without walletAddress",
     {**MOMO, "currency": "USDT", "paymentMethod": "usdt_trc20", "amount": "10"}),
    ("bank account with separators", {**MOMO, "customer": None, "bankAccount": {"accountNumber": "0123-4567-89"}}),
    ("merchantId with a slash", {**MOMO, "merchantId": "W/1001"}),
]
for name, op in val:
    op = {k: v for k, v in op.items() if v is not None}
    create.append({"name": "invalid: " + name, "build": op, "expectError": err("invalid_request")})
total += write("create.json", "DPay payout create: request bytes and DPAY_SECURE, answers, caller mistakes", create)

# ---------------------------------------------------------------- validate / process
BY_MID = {"merchantId": "W-1001"}
BY_TRK = {"providerId": "79DF-60B0-17F6"}
vp = [
    {"name": "validate by payment_id", "build": {"type": "validate_payout", **BY_MID},
     "expectRequest": req("/api/payment/validate", '{"payment_id":"W-1001"}')},
    {"name": "validate by tracking", "build": {"type": "validate_payout", **BY_TRK},
     "expectRequest": req("/api/payment/validate", '{"tracking":"79DF-60B0-17F6"}')},
    {"name": "validate: can be executed", "build": {"type": "validate_payout", **BY_MID},
     "response": resp({"is_valid": True}), "expect": {"type": "validation", "valid": True, "reason": None}},
    {"name": "validate: cannot, with reason", "build": {"type": "validate_payout", **BY_MID},
     "response": resp({"is_valid": False, "reason": "Insufficient balance"}),
     "expect": {"type": "validation", "valid": False, "reason": "Insufficient balance"}},
    {"name": "validate: is_valid as PHP's 0", "build": {"type": "validate_payout", **BY_MID},
     "response": resp('{"is_valid":0,"reason":"Recipient blocked"}'),
     "expect": {"type": "validation", "valid": False, "reason": "Recipient blocked"}},
    {"name": "validate: is_valid not a boolean → bad_response", "build": {"type": "validate_payout", **BY_MID},
     "response": resp({"is_valid": "yes"}), "expectError": err("bad_response")},
    {"name": "validate: unknown payout (documented envelope, code 401) → not_found",
     "build": {"type": "validate_payout", **BY_MID},
     "response": resp({"error": {"code": 401, "message": "Payment not found"}}),
     "expectError": err("not_found", providerCode="401")},
    {"name": "validate with both ids → invalid_request",
     "build": {"type": "validate_payout", **BY_MID, **BY_TRK}, "expectError": err("invalid_request")},
    {"name": "process by payment_id", "build": {"type": "process_payout", **BY_MID},
     "expectRequest": req("/api/payment/process", '{"payment_id":"W-1001"}')},
    {"name": "process accepted: IN_PROGRESS → processing", "build": {"type": "process_payout", **BY_MID},
     "response": resp({"payment_id": "W-1001", "tracking": "79DF-60B0-17F6", "status": "IN_PROGRESS"}),
     "expect": payment(direction="payout", merchantId="W-1001", providerId="79DF-60B0-17F6",
                       status=st("processing", False, "IN_PROGRESS"))},
    {"name": "process refused: any other status → declined with the status as providerCode",
     "build": {"type": "process_payout", **BY_TRK},
     "response": resp({"payment_id": "W-1001", "tracking": "79DF-60B0-17F6", "status": "CREATED",
                       "message": "Not enough money on the balance"}),
     "expectError": err("declined", providerCode="CREATED")},
    {"name": "process answer without status → bad_response", "build": {"type": "process_payout", **BY_MID},
     "response": resp({"payment_id": "W-1001"}), "expectError": err("bad_response")},
    {"name": "process with neither id → invalid_request", "build": {"type": "process_payout"},
     "expectError": err("invalid_request")},
]
total += write("validate_process.json", "DPay validate and process (execute) calls", vp)

# ---------------------------------------------------------------- status
stat = [
    {"name": "status by payment_id", "build": {"type": "get_payout", **BY_MID},
     "expectRequest": req("/api/payment/status", '{"payment_id":"W-1001"}')},
    {"name": "status by tracking", "build": {"type": "get_payout", **BY_TRK},
     "expectRequest": req("/api/payment/status", '{"tracking":"79DF-60B0-17F6"}')},
]
table = [
    ("CREATED", "pending", False), ("IN_PROGRESS", "processing", False), ("PAYOUT", "processing", False),
    ("BLOCKED", "on_hold", False), ("PAYED", "succeeded", True), ("CANCELED", "cancelled", True),
    ("REVERSED", "reversed", True), ("FAILED", "failed", True),
    # Seed 003: "Technical operation of agent account replenishment (final status)". Final, and
    # not a payout: nothing was paid to a recipient, so failed (with reason REFILL), never succeeded.
    ("REFILL", "failed", True),
    ("PAID", "unknown", False), ("payed", "unknown", False),
]
for word, state, final in table:
    body = {"status": word, "payment_id": "W-1001", "tracking": "79DF-60B0-17F6",
            "amount": "1000", "currency": "mtn-ghana.ghs"}
    expect = {"status": st(state, final, word), "pollAfterSeconds": None if final else 60}
    if word == "REFILL":
        expect["status"]["reason"] = {"code": "REFILL"}
    stat.append({"name": f"status {word} → {state}", "build": {"type": "get_payout", **BY_MID},
                 "response": resp(body), "expect": {"type": "payment", "payment": expect}})
stat += [
    {"name": "status with fee, full_amount, times and mobile recipient",
     "build": {"type": "get_payout", **BY_MID},
     "response": resp({"status": "PAYED", "payment_id": "W-1001", "tracking": "79DF-60B0-17F6",
                       "created_at": "2026-01-01 10:00:00", "processed_at": "2026-01-01 10:02:13",
                       "amount": 1000, "fee": 15.5, "full_amount": "1015.50",
                       "recipient": "233241234567", "currency": "mtn-ghana.ghs"}),
     "expect": payment(direction="payout", providerId="79DF-60B0-17F6", merchantId="W-1001",
                       amount="1000.00", currency="GHS", fee="15.5", card=None,
                       status=st("succeeded", True, "PAYED"),
                       details={"paymentMethod": "mtn-ghana.ghs", "totalAmount": "1015.50",
                                "createdAt": "2026-01-01 10:00:00", "processedAt": "2026-01-01 10:02:13",
                                "recipient": "233241**4567"})},
    {"name": "crypto payout: transaction hash and confirmations surfaced",
     "build": {"type": "get_payout", **BY_TRK},
     "response": resp({"status": "PAYOUT", "payment_id": "W-1003", "tracking": "79DF-60B0-17F6",
                       "amount": "25.5", "fee": "1", "full_amount": "26.5", "currency": "usdt_trc20",
                       "recipient": "TQ5NbS7wRUdPbyVeRZ2Ahjx2mzZrqpnyvH",
                       "crypto": {"transaction": "4fb2de69804a730072111a3d1506ddc16fdf2f29a35c77e11d7d5e0986bf1be1",
                                  "confirmations": "1"}}),
     "expect": payment(amount="25.500000", currency="USDT", fee="1",
                       status=st("processing", False, "PAYOUT"),
                       details={"paymentMethod": "usdt_trc20", "totalAmount": "26.5",
                                "recipient": "TQ5NbS7wRUdPbyVeRZ2Ahjx2mzZrqpnyvH",
                                "txHash": "4fb2de69804a730072111a3d1506ddc16fdf2f29a35c77e11d7d5e0986bf1be1",
                                "confirmations": "1"})},
    {"name": "card payout: the full card number in recipient comes out masked",
     "build": {"type": "get_payout", **BY_MID},
     "response": resp({"status": "FAILED", "payment_id": "W-1001", "tracking": "79DF-60B0-17F6",
                       "amount": "250.50", "currency": "visamaster.uah", "recipient": "4111111111111111"}),
     "expect": payment(card={"masked": "411111******1111"}, amount="250.50", currency="UAH",
                       status=st("failed", True, "FAILED"),
                       details={"paymentMethod": "visamaster.uah", "recipient": "411111******1111"})},
    {"name": "answer about another payout → bad_response", "build": {"type": "get_payout", **BY_MID},
     "response": resp({"status": "PAYED", "payment_id": "W-2002", "tracking": "X"}),
     "expectError": err("bad_response")},
    {"name": "amount with a float exponent → bad_response", "build": {"type": "get_payout", **BY_MID},
     "response": resp('{"status":"PAYED","payment_id":"W-1001","amount":1e3,"currency":"mtn-ghana.ghs"}'),
     "expectError": err("bad_response")},
    {"name": "response DPAY_SECURE verified (lower-case header name)", "build": {"type": "get_payout", **BY_MID},
     "response": {"status": 200, "headers": {"dpay_secure": dpay_secure('{"status":"PAYED","payment_id":"W-1001"}')},
                  "body": '{"status":"PAYED","payment_id":"W-1001"}'},
     "expect": payment(status=st("succeeded", True, "PAYED"))},
    # Intro page: "each response also carries a DPAY_SECURE header" → refused without it.
    {"name": "unsigned answer → invalid_signature by default",
     "build": {"type": "get_payout", **BY_MID},
     "response": resp({"status": "PAYED", "payment_id": "W-1001"}, signed=False),
     "expectError": err("invalid_signature", httpStatus=200)},
    {"name": "unsigned answer accepted with allowUnsignedResponses",
     "config": {**CONFIG, "allowUnsignedResponses": True},
     "build": {"type": "get_payout", **BY_MID},
     "response": resp({"status": "BLOCKED", "payment_id": "W-1001"}, signed=False),
     "expect": payment(status=st("on_hold", False, "BLOCKED"))},
    {"name": "allowUnsignedResponses still verifies a header that is present",
     "config": {**CONFIG, "allowUnsignedResponses": True},
     "build": {"type": "get_payout", **BY_MID},
     "response": resp({"status": "PAYED", "payment_id": "W-1001"}, salt="other_secret"),
     "expectError": err("invalid_signature")},
    {"name": "unsigned 503 is still retryable (a proxy's page, nothing concluded from it)",
     "build": {"type": "get_payout", **BY_MID},
     "response": {"status": 503, "headers": {}, "body": "<html>busy</html>"},
     "expectError": err("temporarily_unavailable", httpStatus=503)},
    # Side amounts are kept exactly as written: an over-precise fee never costs a final status.
    {"name": "PAYED with a three-decimal fee: succeeded, fee and full_amount kept as written",
     "build": {"type": "get_payout", **BY_MID},
     "response": resp('{"status":"PAYED","payment_id":"W-1001","tracking":"79DF-60B0-17F6",'
                      '"amount":"1000.00","fee":"4.995","full_amount":"1004.995","currency":"mtn-ghana.ghs"}'),
     "expect": payment(amount="1000.00", currency="GHS", fee="4.995",
                       status=st("succeeded", True, "PAYED"), details={"totalAmount": "1004.995"})},
    {"name": "a fee that is not a decimal is left out, the status stays",
     "build": {"type": "get_payout", **BY_MID},
     "response": resp('{"status":"PAYED","payment_id":"W-1001","amount":"1000","fee":"n/a","currency":"mtn-ghana.ghs"}'),
     "expect": payment(amount="1000.00", fee=None, status=st("succeeded", True, "PAYED"))},
    {"name": "the principal amount is checked strictly: GHS with three decimals → bad_response",
     "build": {"type": "get_payout", **BY_MID},
     "response": resp('{"status":"PAYED","payment_id":"W-1001","amount":"1000.005","currency":"mtn-ghana.ghs"}'),
     "expectError": err("bad_response")},
    {"name": "response DPAY_SECURE of another body → invalid_signature", "build": {"type": "get_payout", **BY_MID},
     "response": {"status": 200, "headers": {"DPAY_SECURE": dpay_secure('{"status":"FAILED","payment_id":"W-1001"}')},
                  "body": '{"status":"PAYED","payment_id":"W-1001"}'},
     "expectError": err("invalid_signature")},
    {"name": "response signed with another secret → invalid_signature", "build": {"type": "get_payout", **BY_MID},
     "response": resp({"status": "PAYED", "payment_id": "W-1001"}, salt="other_secret"),
     "expectError": err("invalid_signature")},
    {"name": "response DPAY_SECURE in hex instead of Base64 → invalid_signature",
     "build": {"type": "get_payout", **BY_MID},
     "response": {"status": 200, "headers": {"DPAY_SECURE": base64.b64decode(dpay_secure('{"status":"PAYED"}')).hex()},
                  "body": '{"status":"PAYED"}'},
     "expectError": err("invalid_signature")},
]
total += write("status.json", "DPay payout status: the status table, fee/full_amount, crypto, masking, response signature", stat)

# ---------------------------------------------------------------- balance
bal = [
    {"name": "balance: signed empty object", "build": {"type": "get_balance"},
     "expectRequest": req("/api/payment/balance", "{}")},
    {"name": "balance: one line", "build": {"type": "get_balance"},
     "response": resp({"balance": "1520.75", "currency": "UAH"}),
     "expect": {"type": "balance", "balances": [{"currency": "UAH", "available": "1520.75"}]}},
    {"name": "balance: a list, method-code currency read as ISO", "build": {"type": "get_balance"},
     "response": resp('{"balances":[{"balance":10,"currency":"GHS"},{"balance":"5000","currency":"mtn-ci.xof"}]}'),
     "expect": {"type": "balance", "balances": [{"currency": "GHS", "available": "10.00"},
                                                {"currency": "XOF", "available": "5000"}]}},
    {"name": "balance: line without currency takes the one asked", "build": {"type": "get_balance", "currency": "USD"},
     "response": resp({"balance": 12.5}),
     "expect": {"type": "balance", "balances": [{"currency": "USD", "available": "12.50"}]}},
    {"name": "balance: undocumented shape → bad_response", "build": {"type": "get_balance"},
     "response": resp({"amount": "1"}), "expectError": err("bad_response")},
]
total += write("balance.json", "DPay agent balance (fields not published: the documented choice)", bal)

# ---------------------------------------------------------------- errors
S = {"type": "get_payout", **BY_MID}
errs = [
    {"name": "envelope: Wrong sign → invalid_signature", "build": S,
     "response": resp({"error": {"code": 3, "message": "Wrong sign"}}),
     "expectError": err("invalid_signature", providerCode="3")},
    {"name": "envelope: unknown client → unauthorized", "build": S,
     "response": resp({"error": {"code": 2, "message": "Client not found"}}),
     "expectError": err("unauthorized", providerCode="2")},
    {"name": "envelope: insufficient funds → declined", "build": {"type": "process_payout", **BY_MID},
     "response": resp({"error": {"code": 12, "message": "Insufficient funds"}}),
     "expectError": err("declined")},
    {"name": "envelope: limit → limit_exceeded", "build": MOMO,
     "response": resp({"error": {"code": 14, "message": "Daily limit exceeded"}}),
     "expectError": err("limit_exceeded")},
    {"name": "envelope: other text → provider_error keeping the code", "build": MOMO,
     "response": resp({"error": {"code": 9, "message": "Recipient is invalid"}}, status=400),
     "expectError": err("provider_error", providerCode="9", httpStatus=400)},
    {"name": "envelope message echoing a card number is redacted", "build": S,
     "response": resp({"error": {"code": 9, "message": "card 4111111111111111 is blocked"}}),
     "expectError": err("provider_error", message="DPay error 9: card 411111******1111 is blocked (HTTP 200)")},
    {"name": "envelope with a 502 → temporarily_unavailable (retryable)", "build": S,
     "response": resp({"error": {"code": 500, "message": "Internal error"}}, status=502),
     "expectError": err("temporarily_unavailable", retryable=True, httpStatus=502)},
    {"name": "error as a bare string: Access denied → forbidden", "build": S,
     "response": resp({"error": "Access denied"}), "expectError": err("forbidden")},
    {"name": "envelope with a bad response signature → invalid_signature first", "build": S,
     "response": {"status": 200, "headers": {"DPAY_SECURE": "AAAAAAAAAAAAAAAAAAAAAA=="},
                  "body": '{"error":{"code":401,"message":"Payment not found"}}'},
     "expectError": err("invalid_signature")},
    {"name": "HTTP 500 HTML page → temporarily_unavailable", "build": S,
     "response": {"status": 500, "headers": {"content-type": "text/html"}, "body": "<html><body>500</body></html>"},
     "expectError": err("temporarily_unavailable", retryable=True, httpStatus=500)},
    {"name": "HTTP 429 → temporarily_unavailable", "build": S,
     "response": {"status": 429, "headers": {}, "body": ""},
     "expectError": err("temporarily_unavailable", httpStatus=429)},
    {"name": "HTTP 401 without body → unauthorized", "build": S,
     "response": resp("", status=401), "expectError": err("unauthorized", httpStatus=401)},
    {"name": "HTTP 401 without body and without DPAY_SECURE → invalid_signature (every answer is signed)",
     "build": S, "response": {"status": 401, "headers": {}, "body": ""},
     "expectError": err("invalid_signature", httpStatus=401)},
    {"name": "unsigned 404 'not found' is not believed → invalid_signature",
     "build": S, "response": {"status": 200, "headers": {}, "body": '{"error":{"code":401,"message":"Payment not found"}}'},
     "expectError": err("invalid_signature")},
    {"name": "HTTP 403 without body → forbidden", "build": S,
     "response": resp("", status=403), "expectError": err("forbidden", httpStatus=403)},
    {"name": "HTTP 200 HTML page → bad_response", "build": S,
     "response": resp("<!DOCTYPE html><html></html>"),
     "expectError": err("bad_response")},
    {"name": "HTTP 200 broken JSON → bad_response", "build": S,
     "response": resp('{"status":"PAY'), "expectError": err("bad_response")},
    {"name": "HTTP 400 plain text → bad_response", "build": S,
     "response": resp("Bad Request", status=400), "expectError": err("bad_response", httpStatus=400)},
    {"name": "HTTP 400 JSON without envelope → provider_error", "build": S,
     "response": resp('{"result":false}', status=400),
     "expectError": err("provider_error", httpStatus=400)},
    {"name": "create_deposit is not a DPay operation → unsupported",
     "build": {"type": "create_deposit", "merchantId": "D-1", "amount": "10", "currency": "UAH"},
     "expectError": err("unsupported")},
    {"name": "get_deposit is not a DPay operation → unsupported",
     "build": {"type": "get_deposit", "merchantId": "D-1"}, "expectError": err("unsupported")},
    {"name": "config without secret → invalid_request", "config": {"provider": "dpay", "client": CLIENT},
     "build": S, "expectError": err("invalid_request")},
    {"name": "config with empty client → invalid_request",
     "config": {"provider": "dpay", "client": "", "secret": SECRET}, "build": S, "expectError": err("invalid_request")},
    {"name": "config with plain http host → invalid_request",
     "config": {"provider": "dpay", "client": CLIENT, "secret": SECRET, "baseUrl": "http://api.dpay.africa"},
     "build": S, "expectError": err("invalid_request")},
    {"name": "config with an unknown field → invalid_request",
     "config": {"provider": "dpay", "client": CLIENT, "secret": SECRET, "token": "x"},
     "build": S, "expectError": err("invalid_request")},
]
total += write("errors.json", "DPay error envelope, HTTP failures, config mistakes, unsupported operations", errs)

# ---------------------------------------------------------------- callbacks
cb = [
    {"name": "status_url GET with payment_id → unverified, confirm by merchant id",
     "callback": {"method": "GET", "url": "https://shop.example/dpay?payment_id=W-1001", "headers": {}, "body": ""},
     "expect": {"verified": False,
                "payment": {"direction": "payout", "merchantId": "W-1001", "providerId": None,
                            "status": st("unknown", False, None)},
                "confirmWith": {"type": "get_payout", "merchantId": "W-1001"},
                "reply": {"status": 200, "body": "OK"}}},
    {"name": "status_url GET with a percent-encoded payment_id (as create_payout sends it)",
     "callback": {"method": "GET", "url": "https://shop.example/dpay?shop=ua&payment_id=W%3A7", "headers": {}, "body": ""},
     "expect": {"verified": False, "payment": {"merchantId": "W:7"},
                "confirmWith": {"type": "get_payout", "merchantId": "W:7"}}},
    {"name": "status_url GET with tracking only → confirm by provider id",
     "callback": {"method": "GET", "url": "https://shop.example/dpay?tracking=79DF-60B0-17F6", "headers": {}, "body": ""},
     "expect": {"verified": False, "payment": {"providerId": "79DF-60B0-17F6", "merchantId": None},
                "confirmWith": {"type": "get_payout", "providerId": "79DF-60B0-17F6"}}},
    {"name": "status_url GET with both → confirm by merchant id",
     "callback": {"method": "GET", "url": "https://shop.example/dpay?payment_id=W-1001&tracking=79DF-60B0-17F6"},
     "expect": {"verified": False, "payment": {"providerId": "79DF-60B0-17F6", "merchantId": "W-1001"},
                "confirmWith": {"type": "get_payout", "merchantId": "W-1001"}}},
    {"name": "a status in the query is not trusted (unsigned)",
     "callback": {"method": "GET", "url": "https://shop.example/dpay?payment_id=W-1001&status=PAYED"},
     "expect": {"verified": False, "payment": {"status": st("unknown", False, None)},
                "confirmWith": {"type": "get_payout", "merchantId": "W-1001"}}},
    {"name": "POST to status_url → bad_response",
     "callback": {"method": "POST", "url": "https://shop.example/dpay?payment_id=W-1001", "body": "{}"},
     "expectError": err("bad_response")},
    {"name": "GET naming no payout → bad_response",
     "callback": {"method": "GET", "url": "https://shop.example/dpay"}, "expectError": err("bad_response")},
]
total += write("callbacks.json", "DPay status_url notification (unsigned GET)", cb)

print(f"wrote {total} DPay cases")
