#!/usr/bin/env python3
"""Writes headers_urls.json: what PayStar accepts into a header or a URL (DESIGN §8), and what a
callback's Signature covers. Expected errors are typed by hand from the rules in core/src/url.rs
and core/src/validate.rs (field named, value never echoed); expected URLs from
shared/providers/paystar.md; callback signatures computed here with hashlib (plain SHA-256 of
externalId;status;amount;orderType;key, the fact sheet's formula). Nothing is taken from
pspkit's output. Run: python3 tests/vectors/paystar/headers_urls.py"""
import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
DEP = "dep-token-123"
CB_KEY = "cb-key-789"
CONFIG = {"provider": "paystar", "depositToken": DEP, "payoutToken": "pay-token-456", "callbackKey": CB_KEY}
STATUS = {"type": "get_deposit", "providerId": "P-1"}
PATH = "/api/v1/integration/deposit-order/P-1/status"

HEADER = "must be printable ASCII without control characters such as CR or LF (it is sent in an HTTP header)"
BLANK = "must not be empty or blank"
KEY_CTRL = "must not contain control characters such as CR or LF"
USERINFO = "must not carry userinfo (user@host): the host would be what follows the @"
NO_HOST = "must have a host"
CHARS = "must not contain spaces, control characters or backslashes"
PORT = "must have a port from 1 to 65535 after the colon"
HTTPS = "must use https (plain http only for localhost, 127.0.0.0/8 or [::1])"
QUERY = "must be scheme://host[:port][/path], without query or fragment"
DOTS = "must not contain \".\" or \"..\" path segments"
SEGMENT = "must not be \".\" or \"..\" (it is used as a URL path segment)"


def cfg(**kw):
    c = dict(CONFIG)
    c.update(kw)
    return {k: v for k, v in c.items() if v is not None}


def refused(field, rule):
    return {"expectError": {"code": "invalid_request", "retryable": False, "message": f"{field}: {rule}"}}


def sig(external_id, status, amount, order_type, key=CB_KEY):
    return hashlib.sha256(f"{external_id};{status};{amount};{order_type};{key}".encode()).hexdigest()


def callback(body, signature):
    return {"method": "POST", "url": "https://shop.example/paystar/cb",
            "headers": {"content-type": "application/json", "signature": signature},
            "body": json.dumps(body, separators=(",", ":"))}


cases = []
# ---- tokens and keys: checked when the config is read, before anything is built
for field, value, rule, what in [
    ("depositToken", "tok\r\nX-Evil: 1", HEADER, "CR/LF header injection"),
    ("depositToken", "tok\n", HEADER, "trailing LF"),
    ("depositToken", "tok\u0000", HEADER, "NUL"),
    ("depositToken", "tok\u007f", HEADER, "DEL"),
    ("payoutToken", "   ", BLANK, "blank (would be 'Bearer   ')"),
    ("payoutToken", "", BLANK, "empty"),
    ("depositToken", "\t", BLANK, "only a tab"),
    ("depositToken", " tok", "must not start or end with a space (it is sent in an HTTP header)", "leading space"),
    ("depositToken", "t\u00f6k", HEADER, "non-ASCII"),
]:
    cases.append({"name": f"{field} {what} -> invalid_request naming the field",
                  "config": cfg(**{field: value}), "build": STATUS, **refused(field, rule)})
cases += [
    {"name": "depositKeys.privateKey with a trailing newline -> invalid_request",
     "config": {"provider": "paystar", "depositKeys": {"publicKey": "pk", "privateKey": "sk\n"}},
     "build": STATUS, **refused("depositKeys.privateKey", KEY_CTRL)},
    {"name": "payoutKeys.publicKey blank -> invalid_request",
     "config": {"provider": "paystar", "payoutKeys": {"publicKey": "  ", "privateKey": "sk"}},
     "build": {"type": "get_payout", "providerId": "P-1"}, **refused("payoutKeys.publicKey", BLANK)},
    {"name": "callbackKey blank -> invalid_request",
     "config": cfg(callbackKey=" "), "build": STATUS, **refused("callbackKey", BLANK)},
]
# ---- base URLs and host overrides
for field, url, rule, what in [
    ("baseUrl", "http://localhost:80@evil.com", USERINFO, "userinfo that would send plain http to evil.com"),
    ("baseUrl", "https://user:pass@secure.paystar.uk", USERINFO, "user:password@"),
    ("baseUrl", "https://:443", NO_HOST, "empty host"),
    ("baseUrl", "https://", NO_HOST, "nothing after the scheme"),
    ("baseUrl", "https://secure.paystar.uk\u0000", CHARS, "NUL"),
    ("baseUrl", "https://secure.paystar.uk/\u007f", CHARS, "DEL"),
    ("baseUrl", "https://secure.paystar.uk/\u0085", CHARS, "C1 control U+0085"),
    ("baseUrl", "https://secure.paystar.uk\r\nX-Evil: 1", CHARS, "CR/LF"),
    ("baseUrl", "https://secure.paystar.uk/a b", CHARS, "a space"),
    ("baseUrl", "https://secure.paystar.uk\\@evil.com", CHARS, "a backslash"),
    ("baseUrl", "https://secure.paystar.uk:99999", PORT, "port out of range"),
    ("baseUrl", "https://secure.paystar.uk:0", PORT, "port 0"),
    ("baseUrl", "https://secure.paystar.uk:", PORT, "empty port"),
    ("baseUrl", "https://secure.paystar.uk/?x=1", QUERY, "a query"),
    ("baseUrl", "https://secure.paystar.uk/api/../admin", DOTS, "a dot segment"),
    ("baseUrl", "http://secure.paystar.uk", HTTPS, "plain http to a public host"),
    ("baseUrl", "http://127.0.0.1.evil.com", HTTPS, "plain http to a host that only starts like loopback"),
    ("baseUrl", "http://127.0.0.300", HTTPS, "plain http to a non-address"),
    ("hosts.secure", "https://a@b.example", USERINFO, "userinfo in a host override"),
    ("hosts.api", "http://api.paystar.uk", HTTPS, "plain http in a host override"),
]:
    if field == "baseUrl":
        config = cfg(baseUrl=url)
    else:
        config = cfg(hosts={field.split(".")[1]: url})
    cases.append({"name": f"{field} with {what} -> invalid_request",
                  "config": config, "build": STATUS, **refused(field, rule)})
for url, want in [
    ("http://127.0.0.1:8787/paystar", "http://127.0.0.1:8787/paystar"),
    ("http://127.5.6.7:8080/", "http://127.5.6.7:8080"),
    ("http://[::1]:8080", "http://[::1]:8080"),
    ("http://LocalHost:9/", "http://localhost:9"),
    ("https://Secure.PayStar.uk:443/", "https://secure.paystar.uk:443"),
]:
    cases.append({"name": f"baseUrl {url} is accepted (loopback http / https)",
                  "config": cfg(baseUrl=url), "build": STATUS,
                  "expectRequest": {"method": "GET", "url": want + PATH,
                                    "headers": {"authorization": "Bearer " + DEP}}})
# ---- ids in paths
for field, op in [
    ("merchantId", {"type": "get_deposit", "merchantId": ".."}),
    ("merchantId", {"type": "get_deposit", "merchantId": "."}),
    ("providerId", {"type": "get_deposit", "providerId": ".."}),
    ("providerId", {"type": "get_payout", "providerId": "."}),
    ("merchantId", {"type": "create_payout", "merchantId": "..", "amount": "1.00", "currency": "USD",
                    "card": {"number": "4111111111111111"}}),
]:
    cases.append({"name": f"{op['type']} with {field} {op.get(field)!r} (a dot segment) -> invalid_request",
                  "config": cfg(), "build": op, **refused(field, SEGMENT)})
cases += [
    {"name": "merchantId with a slash -> invalid_request (never a second path segment)",
     "config": cfg(), "build": {"type": "get_deposit", "merchantId": "a/../b"},
     **refused("merchantId", "may contain only letters, digits and - _ . : ~")},
    {"name": "providerId '...' is an ordinary segment",
     "config": cfg(), "build": {"type": "get_payout", "providerId": "..."},
     "expectRequest": {"url": "https://secure.paystar.uk/api/v1/integration/withdrawal-order/.../status"}},
    {"name": "merchantId 'a..b' is an ordinary segment",
     "config": cfg(), "build": {"type": "get_deposit", "merchantId": "a..b"},
     "expectRequest": {"url": "https://secure.paystar.uk/api/v1/integration/deposit-order/a..b/status-by-external-transaction-id"}},
]
# ---- callbacks: the Signature covers externalId;status;amount;orderType only
body = {"externalId": "PS-1", "status": "Success", "amount": "5", "orderType": "Deposit",
        "externalTransactionId": "M-OF-SOMEONE-ELSE", "currency": "USD"}
cases.append({
    "name": "signed callback with an unsigned externalTransactionId: verified, merchantId listed as unsigned, confirm by the signed externalId",
    "config": cfg(), "callback": callback(body, sig("PS-1", "Success", "5", "Deposit")),
    "expect": {"verified": True,
               "payment": {"direction": "deposit", "providerId": "PS-1", "merchantId": "M-OF-SOMEONE-ELSE",
                           "amount": "5.00", "status": {"state": "succeeded", "final": True, "providerStatus": "Success"},
                           "details": {"unsignedFields": "merchantId,currency"}},
               "confirmWith": {"type": "get_deposit", "providerId": "PS-1", "merchantId": None}}})
body = {"externalId": "PS-2", "status": "Processing", "amount": 7, "orderType": "Withdrawal"}
cases.append({
    "name": "a callback carrying only signed fields lists nothing as unsigned",
    "config": cfg(), "callback": callback(body, sig("PS-2", "Processing", "7", "Withdrawal")),
    "expect": {"verified": True,
               "payment": {"providerId": "PS-2", "merchantId": None, "currency": None, "amount": "7",
                           "status": {"state": "processing", "providerStatus": "Processing"}},
               "confirmWith": {"type": "get_payout", "providerId": "PS-2"}}})
body = {"externalId": "PS-3", "status": "Failed", "amount": "5", "orderType": "Deposit", "currency": "USD",
        "orderHistory": [{"time": "2025-08-01T10:00:05Z", "action": "4.1.4.63"}]}
cases.append({
    "name": "failure reason and history come from unsigned fields and are listed",
    "config": cfg(), "callback": callback(body, sig("PS-3", "Failed", "5", "Deposit")),
    "expect": {"verified": True,
               "payment": {"status": {"state": "failed", "providerStatus": "Failed"},
                           "details": {"unsignedFields": "currency,status.reason,history"}}}})
for what, body, signed in [
    ("externalId", {"externalId": "PS-OTHER", "status": "Success", "amount": "5", "orderType": "Deposit"},
     ("PS-1", "Success", "5", "Deposit")),
    ("amount", {"externalId": "PS-1", "status": "Success", "amount": "500", "orderType": "Deposit"},
     ("PS-1", "Success", "5", "Deposit")),
    ("orderType", {"externalId": "PS-1", "status": "Success", "amount": "5", "orderType": "Withdrawal"},
     ("PS-1", "Success", "5", "Deposit")),
]:
    cases.append({"name": f"a callback whose signed {what} was changed -> invalid_signature",
                  "config": cfg(), "callback": callback(body, sig(*signed)),
                  "expectError": {"code": "invalid_signature"}})

# ---- a provider's redirect URL reaches the host's Location header: only safe ones are passed on
HOSTED = {"type": "create_deposit", "merchantId": "M-hosted-1", "amount": "100", "currency": "USD", "flow": "hosted"}
for what, url, passed in [
    ("an https page", "https://payform.paystar.uk/pay/c4c1", True),
    ("CR/LF header injection", "https://payform.paystar.uk/pay\r\nSet-Cookie: a=b", False),
    ("userinfo", "https://payform.paystar.uk@evil.example/pay", False),
    ("plain http to a public host", "http://payform.paystar.uk/pay", False),
    ("a javascript: URL", "javascript:alert(1)", False),
]:
    body = json.dumps({"externalId": "c4c1", "orderStatus": "Init", "redirectUrl": url})
    cases.append({"name": f"create answer redirect with {what}: {'passed on' if passed else 'not passed on'}",
                  "config": cfg(), "build": HOSTED,
                  "response": {"status": 200, "headers": {"content-type": "application/json"}, "body": body},
                  "expect": {"type": "payment", "payment": {
                      "status": {"state": "requires_action", "providerStatus": "Init"},
                      "nextAction": {"type": "redirect", "url": url} if passed else None}}})

doc = {"description": "PayStar: tokens, keys and base URLs checked where the config is read; ids in URL paths; what the callback Signature covers (DESIGN §8).",
       "config": CONFIG, "context": {"now": "2026-01-01T00:00:00Z"}, "cases": cases}
with open(os.path.join(HERE, "headers_urls.json"), "w") as f:
    json.dump(doc, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"headers_urls.json: {len(cases)} cases")
