#!/usr/bin/env python3
"""Writes the PayStar API bridge conformance vectors (DESIGN §6): butler.json
(corefy*.json: _generate_corefy.py; paynet*.json: _generate_paynet.py).

Every expected value is written by hand from shared/providers/paystar.md §18 (and §3, §8), seed
000 (Butler status page) and the upstream protocols named in each provider's mod.rs — or computed
here with Python's standard library (hashlib, hmac, base64, json, urllib.parse). Nothing is taken
from pspkit's output. Run: python3 tests/vectors/paystar_bridges/_generate.py
"""
import base64
import hashlib
import hmac
import json
import os
from urllib.parse import urlencode

HERE = os.path.dirname(os.path.abspath(__file__))
CTX = {"now": "2026-01-01T00:00:00Z"}
BASE = "https://bridge.example.com"
FORM = "application/x-www-form-urlencoded"


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def b64u(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def jwt(public_key: str, private_key: str) -> str:
    header = b64u(b'{"alg":"HS256","typ":"JWT"}')
    payload = b64u(json.dumps({"publicKey": public_key}, separators=(",", ":")).encode())
    sig = b64u(hmac.new(private_key.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest())
    return f"{header}.{payload}.{sig}"


def status(state, final, provider_status, reason=None):
    return {"state": state, "final": final, "providerStatus": provider_status, "reason": reason}


def resp(code, body, ctype="application/json"):
    return {"status": code, "headers": {"content-type": ctype} if ctype else {}, "body": body}


def compact(obj) -> str:
    return json.dumps(obj, separators=(",", ":"))


def write(name, description, config, cases):
    doc = {"description": description, "config": config, "context": CTX, "cases": cases}
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{name}: {len(cases)} cases")


# ---------------------------------------------------------------------------------------------
# Butler bridge (§18.1–18.3, seed 000)
# ---------------------------------------------------------------------------------------------
PAY_T = "butler-payout-token"
DEP_T = "butler-deposit-token"
BT = {"provider": "paystar_butler", "baseUrl": BASE, "payoutToken": PAY_T, "depositToken": DEP_T}
W_URL = f"{BASE}/api/v1/integration/butler/withdrawal-order"


def withdrawal_op(amount="1000", **more):
    op = {"type": "create_payout", "merchantId": "Merch-12345", "amount": amount, "currency": "USD",
          "card": {"number": "1111123456781111"}, "telecomOperator": "vodafone-uk"}
    op.update(more)
    return op


W_STATUS = {"type": "get_payout", "merchantId": "Merch-1234567890"}
DOC_STATUS = {"amount": "1000", "status": "Created", "externalId": "Merch-1234567890",
              "pspDepositOrderID": "PayStar-9dc24b8a-0c32-4437-9645-8f53cd07e1e8"}

butler = [
    {"name": "withdrawal create: externalId = merchant id, integer amount, properties; payout bearer",
     "build": withdrawal_op(),
     "expectRequest": {
         "method": "POST", "url": W_URL,
         "headers": {"authorization": f"Bearer {PAY_T}", "content-type": "application/json"},
         "body": compact({"externalId": "Merch-12345", "amount": 1000, "properties": [
             {"key": "cardNumber", "value": "1111123456781111"},
             {"key": "telecomOperator", "value": "vodafone-uk"}]})}},
    {"name": "withdrawal create: 1000.00 USD is the integer 1000 (whole major units)",
     "build": withdrawal_op(amount="1000.00"),
     "expectRequest": {"json": {"amount": 1000}}},
    {"name": "withdrawal create: a fractional amount is refused, never rounded",
     "build": withdrawal_op(amount="10.50"),
     "expectError": {"code": "invalid_request"}},
    {"name": "withdrawal create: phone-only destination goes as phoneNumber",
     "build": {"type": "create_payout", "merchantId": "Merch-2", "amount": "50", "currency": "GBP",
               "customer": {"phone": "+44644012345"}, "telecomOperator": "o2-uk"},
     "expectRequest": {"json": {"externalId": "Merch-2", "amount": 50, "properties": [
         {"key": "telecomOperator", "value": "o2-uk"}, {"key": "phoneNumber", "value": "+44644012345"}]}}},
    {"name": "withdrawal create: no destination is invalid_request",
     "build": {"type": "create_payout", "merchantId": "Merch-3", "amount": "50", "currency": "USD"},
     "expectError": {"code": "invalid_request"}},
    {"name": "withdrawal create answer in Butler's shape → pending with both ids",
     "build": withdrawal_op(),
     "response": resp(200, compact({"amount": "1000", "status": "Created", "externalId": "Merch-12345",
                                    "pspDepositOrderID": "PayStar-11111111-2222-3333-4444-555555555555"})),
     "expect": {"type": "payment", "payment": {
         "direction": "payout", "merchantId": "Merch-12345",
         "providerId": "PayStar-11111111-2222-3333-4444-555555555555",
         "amount": "1000.00", "currency": "USD", "status": status("pending", False, "Created"),
         "pollAfterSeconds": 120}}},
    {"name": "withdrawal create: duplicate externalId (400 1-4007) → duplicate",
     "build": withdrawal_op(),
     "response": resp(400, compact({"label": "VALIDATION_ERROR.", "message": "order with this external_transaction_id already exists",
                                    "statusDescrption": "1-4007"})),
     "expectError": {"code": "duplicate", "providerCode": "1-4007", "httpStatus": 400}},
    {"name": "withdrawal create with payout keys: bearer is the HS256 JWT {publicKey}",
     "config": {"provider": "paystar_butler", "baseUrl": BASE,
                "payoutKeys": {"publicKey": "pk_butler_01", "privateKey": "sk_butler_01"}},
     "build": withdrawal_op(),
     "expectRequest": {"headers": {"authorization": "Bearer " + jwt("pk_butler_01", "sk_butler_01")}}},
    {"name": "withdrawal create with only deposit credentials → invalid_request",
     "config": {"provider": "paystar_butler", "baseUrl": BASE, "depositToken": DEP_T},
     "build": withdrawal_op(),
     "expectError": {"code": "invalid_request"}},
    {"name": "withdrawal status: GET …/butler/withdrawal-order/{externalId} with the payout bearer",
     "build": W_STATUS,
     "expectRequest": {"method": "GET", "url": f"{W_URL}/Merch-1234567890",
                       "headers": {"authorization": f"Bearer {PAY_T}"}, "body": ""}},
    {"name": "withdrawal status by providerId alone is refused",
     "build": {"type": "get_payout", "providerId": "PayStar-9dc24b8a-0c32-4437-9645-8f53cd07e1e8"},
     "expectError": {"code": "invalid_request"}},
    {"name": "withdrawal status: the page's 200 example (string amount, status, pspDepositOrderID)",
     "build": W_STATUS,
     "response": resp(200, json.dumps(DOC_STATUS, indent=4)),
     "expect": {"type": "payment", "payment": {
         "direction": "payout", "merchantId": "Merch-1234567890",
         "providerId": "PayStar-9dc24b8a-0c32-4437-9645-8f53cd07e1e8", "amount": "1000",
         "status": status("pending", False, "Created"), "pollAfterSeconds": 120}}},
    {"name": "withdrawal status: Success → succeeded, final",
     "build": W_STATUS,
     "response": resp(200, compact({**DOC_STATUS, "status": "Success"})),
     "expect": {"type": "payment", "payment": {"status": status("succeeded", True, "Success"), "pollAfterSeconds": None}}},
    {"name": "withdrawal status: Failed → failed, final",
     "build": W_STATUS,
     "response": resp(200, compact({**DOC_STATUS, "status": "Failed"})),
     "expect": {"type": "payment", "payment": {"status": status("failed", True, "Failed")}}},
    {"name": "withdrawal status: Processing → processing",
     "build": W_STATUS,
     "response": resp(200, compact({**DOC_STATUS, "status": "Processing"})),
     "expect": {"type": "payment", "payment": {"status": status("processing", False, "Processing")}}},
    {"name": "withdrawal status: the glossary word Successful is unknown, not success",
     "build": W_STATUS,
     "response": resp(200, compact({**DOC_STATUS, "status": "Successful"})),
     "expect": {"type": "payment", "payment": {"status": status("unknown", False, "Successful")}}},
    {"name": "withdrawal status: 404 Order Not Found → not_found",
     "build": W_STATUS,
     "response": resp(404, "", None),
     "expectError": {"code": "not_found", "httpStatus": 404}},
    {"name": "withdrawal status: 401 → unauthorized",
     "build": W_STATUS,
     "response": resp(401, "", None),
     "expectError": {"code": "unauthorized"}},
    {"name": "withdrawal status: 423 0000-1 → temporarily_unavailable",
     "build": W_STATUS,
     "response": resp(423, compact({"statusDescrption": "0000-1", "message": "There is currently a problem"})),
     "expectError": {"code": "temporarily_unavailable", "retryable": True}},
    {"name": "withdrawal status: an HTML page with 200 is bad_response",
     "build": W_STATUS,
     "response": resp(200, "<html>maintenance</html>", "text/html"),
     "expectError": {"code": "bad_response"}},
    {"name": "withdrawal status answer about another externalId is bad_response",
     "build": W_STATUS,
     "response": resp(200, compact({**DOC_STATUS, "externalId": "Merch-OTHER"})),
     "expectError": {"code": "bad_response"}},
    {"name": "PSP deposit order (create_reverse_deposit): the page's body, CardNumber key, deposit bearer",
     "build": {"type": "create_reverse_deposit", "merchantId": "Test01", "amount": "1000",
               "currency": "USD", "card": {"number": "1111123456781111"}},
     "expectRequest": {
         "method": "POST", "url": f"{BASE}/api/v1/integration/psp-deposit-order/v2",
         "headers": {"authorization": f"Bearer {DEP_T}", "content-type": "application/json"},
         "body": compact({"externalId": "Test01", "amount": 1000,
                          "properties": [{"key": "CardNumber", "value": "1111123456781111"}]})}},
    {"name": "PSP deposit order without a card number → invalid_request",
     "build": {"type": "create_reverse_deposit", "merchantId": "Test01", "amount": "1000", "currency": "USD"},
     "expectError": {"code": "invalid_request"}},
    {"name": "Merch deposit order (create_deposit): top-level bankName, paymentDetails, resultRedirect",
     "build": {"type": "create_deposit", "merchantId": "test01", "amount": "100", "currency": "RUB",
               "card": {"number": "111111111111111111"}, "bankAccount": {"bankName": "ANY"},
               "successUrl": "https://example.com/success", "failureUrl": "https://example.com/failed",
               "processingUrl": "https://example.com/processing"},
     "expectRequest": {
         "method": "POST", "url": f"{BASE}/api/v1/integration/merch-deposit-order",
         "headers": {"authorization": f"Bearer {DEP_T}"},
         "json": {"amount": 100, "currency": "RUB", "externalTransactionId": "test01", "bankName": "ANY",
                  "paymentDetails": {"cardNumber": "111111111111111111"},
                  "resultRedirect": {"successUrl": "https://example.com/success",
                                     "failUrl": "https://example.com/failed",
                                     "processingUrl": "https://example.com/processing"}}}},
    {"name": "Merch deposit order answer in PayStar's native shape → pending with PayStar's id",
     "build": {"type": "create_deposit", "merchantId": "test01", "amount": "100", "currency": "RUB",
               "card": {"number": "111111111111111111"}},
     "response": resp(200, compact({"externalId": "a30288b2-220a-4495-9bcb-6821dcc39331", "orderStatus": "Created"})),
     "expect": {"type": "payment", "payment": {
         "direction": "deposit", "providerId": "a30288b2-220a-4495-9bcb-6821dcc39331",
         "merchantId": "test01", "amount": "100.00", "currency": "RUB",
         "status": status("pending", False, "Created")}}},
    {"name": "get_balance is unsupported on the Butler bridge",
     "build": {"type": "get_balance", "currency": "USD"},
     "expectError": {"code": "unsupported"}},
    {"name": "config without any credentials is invalid",
     "config": {"provider": "paystar_butler", "baseUrl": BASE},
     "build": W_STATUS,
     "expectError": {"code": "invalid_request"}},
]

# The CoreFy bridge's vectors (corefy*.json) are written by _generate_corefy.py.

# ---------------------------------------------------------------------------------------------
# Issue 12 review: items 2, 4, 5 and 6 on the bridges
# ---------------------------------------------------------------------------------------------
butler += [
    # Seed 000 lists Created, Processing, Success, Failed for withdrawals: Init is not among them.
    {"name": "withdrawal status answered Init is unknown and not final (payout mapping), not requires_action",
     "build": W_STATUS,
     "response": resp(200, compact({**DOC_STATUS, "status": "Init"})),
     "expect": {"type": "payment", "payment": {"direction": "payout",
                                               "status": status("unknown", False, "Init"),
                                               "nextAction": None}}},
    {"name": "withdrawal create answered Init is unknown too",
     "build": withdrawal_op(),
     "response": resp(200, compact({"amount": "1000", "status": "Init", "externalId": "Merch-12345"})),
     "expect": {"type": "payment", "payment": {"status": status("unknown", False, "Init")}}},
    {"name": "withdrawal with card.cvv is refused, naming the field",
     "build": withdrawal_op(card={"number": "1111123456781111", "cvv": "123"}),
     "expectError": {"code": "invalid_request", "message":
                     "card.cvv: the Butler bridge carries the card number only, never a CVV or an expiry date"}},
    {"name": "withdrawal with card.expiryYear is refused",
     "build": withdrawal_op(card={"number": "1111123456781111", "expiryYear": "2030"}),
     "expectError": {"code": "invalid_request", "message":
                     "card.expiryYear: the Butler bridge carries the card number only, never a CVV or an expiry date"}},
    {"name": "withdrawal with extras.cardCvv is refused",
     "build": withdrawal_op(extras={"cardCvv": "123"}),
     "expectError": {"code": "invalid_request", "message":
                     "extras.cardCvv: is card security data: the Butler bridge never carries a CVV or an expiry date"}},
    {"name": "merch deposit answer naming another externalTransactionId is bad_response",
     "build": {"type": "create_deposit", "merchantId": "test01", "amount": "100", "currency": "RUB",
               "card": {"number": "4111111111111111"}},
     "response": resp(200, compact({"externalId": "PayStar-1", "externalTransactionId": "test02",
                                    "orderStatus": "Created"})),
     "expectError": {"code": "bad_response"}},
    {"name": "merch deposit with extras is refused (its body has no free fields), naming the key",
     "build": {"type": "create_deposit", "merchantId": "test01", "amount": "100", "currency": "RUB",
               "extras": {"cardNumber": "4111111111111111"}},
     "expectError": {"code": "invalid_request", "message":
                     "extras.cardNumber: the Merch deposit order has no free fields (documented: amount, currency, "
                     "externalTransactionId, bankName, paymentDetails.cardNumber, resultRedirect)"}},
    {"name": "merch deposit with card.cvv is refused (paymentDetails carries the card number only)",
     "build": {"type": "create_deposit", "merchantId": "test01", "amount": "100", "currency": "RUB",
               "card": {"number": "4111111111111111", "cvv": "123"}},
     "expectError": {"code": "invalid_request", "message":
                     "card.cvv: the Merch deposit order carries the card number only (paymentDetails.cardNumber)"}},
    {"name": "merch deposit answer with redirectUrl over plain http is bad_response",
     "build": {"type": "create_deposit", "merchantId": "test01", "amount": "100", "currency": "RUB",
               "card": {"number": "4111111111111111"}},
     "response": resp(200, compact({"externalId": "PayStar-1", "orderStatus": "Created",
                                    "redirectUrl": "http://evil.example/pay"})),
     "expectError": {"code": "bad_response"}},
]

write("butler.json", "PayStar Butler bridge (paystar.md §18.1-18.3, seed 000)", BT, butler)
