#!/usr/bin/env python3
"""Writes paths.json: the PayStar bridges' (Butler, CoreFy, PayNetEasy) header, URL and path
rules (DESIGN §8), and what the PayNetEasy callback `control` covers. Expected errors are typed
by hand from the rules in core/src/url.rs and core/src/validate.rs; URLs from
shared/providers/paystar.md §18; controls computed here with hashlib (SHA-1 of
status + orderid + client_orderid + merchant_control, the upstream formula). Nothing is taken
from pspkit's output. Run: python3 tests/vectors/paystar_bridges/paths.py"""
import hashlib
import json
import os
from urllib.parse import urlencode

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = "https://bridge.example.com"
PAY_T, DEP_T = "butler-payout-token", "butler-deposit-token"
BT = {"provider": "paystar_butler", "baseUrl": BASE, "payoutToken": PAY_T, "depositToken": DEP_T}
CF = {"provider": "paystar_corefy", "baseUrl": BASE, "depositToken": "corefy-token"}
EP, LOGIN, MC = "1111", "merchant-login", "B17F59B4-A7DC-41B4-8FF9-37D986B43D20"
PN = {"provider": "paystar_paynet", "baseUrl": BASE, "endpointId": EP, "login": LOGIN, "merchantControl": MC}
W_URL = "/api/v1/integration/butler/withdrawal-order"

HEADER = "must be printable ASCII without control characters such as CR or LF (it is sent in an HTTP header)"
BLANK = "must not be empty or blank"
KEY_CTRL = "must not contain control characters such as CR or LF"
USERINFO = "must not carry userinfo (user@host): the host would be what follows the @"
NO_HOST = "must have a host"
CHARS = "must not contain spaces, control characters or backslashes"
HTTPS = "must use https (plain http only for localhost, 127.0.0.0/8 or [::1])"
SEGMENT = "must not be \".\" or \"..\" (it is used as a URL path segment)"
ID_CHARS = "may contain only letters, digits and - _ . : ~"


def refused(field, rule):
    return {"expectError": {"code": "invalid_request", "retryable": False, "message": f"{field}: {rule}"}}


def with_(base, **kw):
    c = dict(base)
    c.update(kw)
    return c


def control(st, orderid, client_orderid, key=MC):
    return hashlib.sha1(f"{st}{orderid}{client_orderid}{key}".encode()).hexdigest()


W_STATUS = {"type": "get_payout", "merchantId": "Merch-1"}
WITHDRAWAL = {"type": "create_payout", "merchantId": "Merch-1", "amount": "1000", "currency": "USD",
              "card": {"number": "1111123456781111"}}
INVOICE = {"type": "create_deposit", "merchantId": "INV-1", "amount": "100.00", "currency": "USD",
           "paymentMethod": "card"}
SALE = {"type": "create_deposit", "merchantId": "902B4FF5", "amount": "10.42", "currency": "USD",
        "description": "Order 902B4FF5", "customer": {"email": "john.smith@gmail.com"},
        "card": {"number": "4111111111111111", "holder": "JOHN SMITH", "expiryMonth": "12",
                 "expiryYear": "2099", "cvv": "123"}}
PN_STATUS = {"type": "get_deposit", "merchantId": "902B4FF5", "providerId": "1969596"}

cases = []
# ---- Butler: ids in …/withdrawal-order/{id}, tokens, base URL
for mid in ["..", "."]:
    cases.append({"name": f"Butler withdrawal status for merchantId {mid!r} -> invalid_request (dot segment)",
                  "config": BT, "build": with_(W_STATUS, merchantId=mid), **refused("merchantId", SEGMENT)})
    cases.append({"name": f"Butler withdrawal create with merchantId {mid!r} -> invalid_request (its status path would climb)",
                  "config": BT, "build": with_(WITHDRAWAL, merchantId=mid), **refused("merchantId", SEGMENT)})
cases += [
    {"name": "Butler withdrawal status for merchantId 'a/b' -> invalid_request",
     "config": BT, "build": with_(W_STATUS, merchantId="a/b"), **refused("merchantId", ID_CHARS)},
    {"name": "Butler withdrawal status for merchantId 'W-1..' is one ordinary segment",
     "config": BT, "build": with_(W_STATUS, merchantId="W-1.."),
     "expectRequest": {"method": "GET", "url": f"{BASE}{W_URL}/W-1..", "headers": {"authorization": f"Bearer {PAY_T}"}}},
    {"name": "Butler status against the sandbox on loopback http",
     "config": with_(BT, baseUrl="http://127.0.0.1:8787/paystar/"), "build": W_STATUS,
     "expectRequest": {"url": f"http://127.0.0.1:8787/paystar{W_URL}/Merch-1"}},
    {"name": "Butler payoutToken with CR/LF -> invalid_request",
     "config": with_(BT, payoutToken="tok\r\nX-Evil: 1"), "build": W_STATUS, **refused("payoutToken", HEADER)},
    {"name": "Butler depositToken blank -> invalid_request",
     "config": with_(BT, depositToken="   "), "build": W_STATUS, **refused("depositToken", BLANK)},
    {"name": "Butler payoutKeys.privateKey with a newline -> invalid_request",
     "config": {"provider": "paystar_butler", "baseUrl": BASE, "payoutKeys": {"publicKey": "pk", "privateKey": "sk\r\n"}},
     "build": W_STATUS, **refused("payoutKeys.privateKey", KEY_CTRL)},
    {"name": "Butler baseUrl with userinfo -> invalid_request",
     "config": with_(BT, baseUrl="http://localhost:80@evil.com"), "build": W_STATUS, **refused("baseUrl", USERINFO)},
    {"name": "Butler baseUrl without a host -> invalid_request",
     "config": with_(BT, baseUrl="https://:443"), "build": W_STATUS, **refused("baseUrl", NO_HOST)},
    {"name": "Butler baseUrl plain http to a public host -> invalid_request",
     "config": with_(BT, baseUrl="http://bridge.example.com"), "build": W_STATUS, **refused("baseUrl", HTTPS)},
]
# ---- CoreFy: token and base URL
cases += [
    {"name": "CoreFy depositToken with LF -> invalid_request",
     "config": with_(CF, depositToken="corefy\n"), "build": INVOICE, **refused("depositToken", HEADER)},
    {"name": "CoreFy depositToken only a tab -> invalid_request",
     "config": with_(CF, depositToken="\t"), "build": INVOICE, **refused("depositToken", BLANK)},
    {"name": "CoreFy depositToken empty -> invalid_request",
     "config": with_(CF, depositToken=""), "build": INVOICE, **refused("depositToken", BLANK)},
    {"name": "CoreFy baseUrl with NUL -> invalid_request",
     "config": with_(CF, baseUrl="https://bridge.example.com\u0000"), "build": INVOICE, **refused("baseUrl", CHARS)},
    {"name": "CoreFy baseUrl with user:password -> invalid_request",
     "config": with_(CF, baseUrl="https://u:p@bridge.example.com"), "build": INVOICE, **refused("baseUrl", USERINFO)},
    {"name": "CoreFy invoice on loopback http goes to {base}/payment-invoices",
     "config": with_(CF, baseUrl="http://localhost:8787/corefy"), "build": INVOICE,
     "expectRequest": {"method": "POST", "url": "http://localhost:8787/corefy/payment-invoices",
                       "headers": {"authorization": "Bearer corefy-token"}}},
]
# ---- PayNetEasy: endpointId is a path segment of both calls
for ep, rule in [("..", SEGMENT), (".", SEGMENT), ("1/2", ID_CHARS), ("", "must not be empty")]:
    cases.append({"name": f"PayNetEasy endpointId {ep!r} -> invalid_request",
                  "config": with_(PN, endpointId=ep), "build": PN_STATUS, **refused("endpointId", rule)})
cases += [
    {"name": "PayNetEasy merchantControl blank -> invalid_request",
     "config": with_(PN, merchantControl="  "), "build": PN_STATUS, **refused("merchantControl", BLANK)},
    {"name": "PayNetEasy merchantControl with a trailing newline -> invalid_request",
     "config": with_(PN, merchantControl=MC + "\n"), "build": PN_STATUS, **refused("merchantControl", KEY_CTRL)},
    {"name": "PayNetEasy baseUrl with userinfo -> invalid_request",
     "config": with_(PN, baseUrl="https://bridge.example.com@evil.com"), "build": PN_STATUS, **refused("baseUrl", USERINFO)},
    {"name": "PayNetEasy status on loopback http keeps the endpoint segment",
     "config": with_(PN, baseUrl="http://127.0.0.1:8787/paystar"), "build": PN_STATUS,
     "expectRequest": {"method": "POST", "url": f"http://127.0.0.1:8787/paystar/paynet/api/v2/sale/status/{EP}"}},
]


# ---- PayNetEasy callbacks: the control covers status, orderid and client_orderid only
def cb(pairs):
    return {"method": "GET", "url": "https://merch.com/cb?" + urlencode(pairs), "headers": {}, "body": ""}


signed = [("status", "approved"), ("orderid", "1969596"), ("client_orderid", "902B4FF5")]
good = control("approved", "1969596", "902B4FF5")
cases += [
    {"name": "PayNetEasy callback: signed ids and status; amount and currency listed as unsigned",
     "config": PN, "callback": cb(signed + [("amount", "10.42"), ("currency", "USD"), ("control", good)]),
     "expect": {"verified": True,
                "payment": {"providerId": "1969596", "merchantId": "902B4FF5",
                            "status": {"state": "succeeded", "providerStatus": "approved"},
                            "details": {"unsignedFields": "amount,currency"}},
                "confirmWith": {"type": "get_deposit", "providerId": "1969596", "merchantId": "902B4FF5"}}},
    {"name": "PayNetEasy callback: the unsigned type shapes the state, so the state is listed as unsigned",
     "config": PN, "callback": cb(signed + [("type", "sale"), ("amount", "10.42"), ("control", good)]),
     "expect": {"verified": True,
                "payment": {"status": {"state": "succeeded", "providerStatus": "approved"},
                            "details": {"unsignedFields": "amount,status.state"}}}},
    {"name": "PayNetEasy callback: type=reversal read as reversed, and still only a claim",
     "config": PN, "callback": cb(signed + [("type", "reversal"), ("control", good)]),
     "expect": {"verified": True,
                "payment": {"status": {"state": "reversed", "providerStatus": "approved"},
                            "details": {"unsignedFields": "status.state"}}}},
    {"name": "PayNetEasy callback: an unsigned redirect-to makes the state a claim",
     "config": PN,
     "callback": cb([("status", "processing"), ("orderid", "1969596"), ("client_orderid", "902B4FF5"),
                     ("redirect-to", "https://acs.example/3ds"),
                     ("control", control("processing", "1969596", "902B4FF5"))]),
     "expect": {"verified": True,
                "payment": {"status": {"state": "requires_action", "providerStatus": "processing"},
                            "details": {"unsignedFields": "status.state,nextAction"}}}},
    {"name": "PayNetEasy callback: a changed client_orderid -> invalid_signature",
     "config": PN,
     "callback": cb([("status", "approved"), ("orderid", "1969596"), ("client_orderid", "VICTIM-1"), ("control", good)]),
     "expectError": {"code": "invalid_signature"}},
    {"name": "PayNetEasy callback: a changed orderid -> invalid_signature",
     "config": PN,
     "callback": cb([("status", "approved"), ("orderid", "1969597"), ("client_orderid", "902B4FF5"), ("control", good)]),
     "expectError": {"code": "invalid_signature"}},
    {"name": "PayNetEasy callback: a changed status -> invalid_signature",
     "config": PN,
     "callback": cb([("status", "declined"), ("orderid", "1969596"), ("client_orderid", "902B4FF5"), ("control", good)]),
     "expectError": {"code": "invalid_signature"}},
]

doc = {"description": "PayStar bridges: tokens, keys, base URLs and path ids refused by name; what the PayNetEasy callback control covers (DESIGN §8).",
       "config": BT, "context": {"now": "2026-01-01T00:00:00Z"}, "cases": cases}
with open(os.path.join(HERE, "paths.json"), "w") as f:
    json.dump(doc, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"paths.json: {len(cases)} cases")
