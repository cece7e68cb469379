#!/usr/bin/env python3
"""Writes the hostile-input catalogue (issue 11, "must exist" item 8) in this folder.

Each case feeds one of the four calls (build, parse, parse_callback; flows in flows.json) something
an attacker, a broken provider or a careless host could send, and expects either a typed error with
the code DESIGN §5 gives for it, or the safe result DESIGN §8 asks for. Expected values are written
by hand from DESIGN §5/§6/§8, issue 11 and the provider fact sheets (shared/providers/*.md); every
signature is computed here with Python's hashlib/hmac by the formula of that provider's own vector
generator (tests/vectors/*/_generate.py, tests/vectors/tupay/signatures.py). Nothing is taken from
pspkit's output.

Files are written with ensure_ascii=True so every control character in a case is visible as an
escape when the JSON is reviewed. Run: python3 tests/vectors/hostile/_generate.py
"""
import base64
import hashlib
import hmac
import json
import os
from urllib.parse import urlencode

HERE = os.path.dirname(os.path.abspath(__file__))
CTX = {"now": "2026-01-01T00:00:00Z"}
PAN = "4111111111111111"      # Luhn-valid test card
PAN2 = "5555555555554444"     # Luhn-valid test card
MASKED = "411111******1111"   # DESIGN §8: 6x4 at most
MASKED2 = "555555******4444"
CRLF_TOKEN = "tok\r\nX-Evil: 1"

assert all(len(m) == 16 for m in (MASKED, MASKED2))


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


assert luhn_ok(PAN) and luhn_ok(PAN2)


def err(code, **kw):
    e = {"code": code}
    e.update(kw)
    return e


INVALID = err("invalid_request", retryable=False)
BAD = err("bad_response", retryable=False)
BADSIG = err("invalid_signature", retryable=False)


def resp(status, body, ctype="application/json", headers=None):
    h = {"content-type": ctype} if ctype else {}
    h.update(headers or {})
    return {"status": status, "headers": h, "body": body}


def compact(obj) -> str:
    return json.dumps(obj, separators=(",", ":"))


def nested(depth: int, inner: str = "1") -> str:
    """A JSON array nested `depth` deep: valid JSON, far deeper than any provider documents."""
    return "[" * depth + inner + "]" * depth


def nested_obj(depth: int) -> str:
    return '{"a":' * depth + "1" + "}" * depth


def status(state, final, provider_status, **kw):
    s = {"state": state, "final": final, "providerStatus": provider_status}
    s.update(kw)
    return s


def payment(**kw):
    return {"type": "payment", "payment": kw}


def write(name, description, config, cases, kind=None):
    names = [c["name"] for c in cases]
    dupes = {n for n in names if names.count(n) > 1}
    assert not dupes, f"{name}: duplicate case names {dupes}"
    doc = {}
    if kind:
        doc["kind"] = kind
    doc.update({"description": description, "config": config, "context": CTX, "cases": cases})
    if kind == "flow":
        doc.pop("context")
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print(f"{name}: {len(cases)} cases")
    return len(cases)


# Base URLs every provider must refuse (DESIGN §8: https, http on loopback only, a host, no
# userinfo, no control characters). Each is refused before anything is built.
HOSTILE_BASES = [
    ("userinfo hides the real host (http to evil.com)", "http://localhost:80@evil.com"),
    ("userinfo with a password", "https://user:pass@api.example.com"),
    ("userinfo on a loopback-looking host", "http://127.0.0.1@evil.com"),
    ("backslash before @ (parser confusion)", "https://api.example.com\\@evil.com"),
    ("empty host with a port", "https://:443"),
    ("no host at all", "https://"),
    ("NUL in the host", "https://api.example.com\u0000.evil.com"),
    ("CR/LF in the path", "https://api.example.com/\r\nX-Evil: 1"),
    ("DEL character", "https://api.example.com\u007f"),
    ("tab in the host", "https://api.\texample.com"),
    ("plain http on a public host", "http://api.example.com"),
    ("plain http on a host that only starts like loopback", "http://127.0.0.1.evil.com"),
    ("plain http on localhost as a subdomain", "http://localhost.evil.com"),
    ("a scheme other than http(s)", "ftp://api.example.com"),
    ("a port out of range", "https://api.example.com:99999"),
]


def base_url_cases(provider_label, config, op, extra_key="baseUrl"):
    out = []
    for label, url in HOSTILE_BASES:
        out.append({"name": f"{provider_label} {extra_key}: {label} -> invalid_request",
                    "config": dict(config, **{extra_key: url}),
                    "build": op, "expectError": INVALID})
    return out


def loopback_cases(provider_label, config, op, path):
    out = []
    for base in ("http://127.0.0.1:8080", "http://localhost:8080"):
        out.append({"name": f"{provider_label} baseUrl {base} (loopback) may be plain http",
                    "config": dict(config, baseUrl=base),
                    "build": op, "expectRequest": {"url": base + path}})
    return out


def token_cases(provider_label, config, field, op, header="authorization"):
    """A bearer/login value that reaches a header: no CR/LF or control characters, not blank."""
    bad = [("CR/LF header injection", CRLF_TOKEN),
           ("a bare LF", "tok\nX-Evil: 1"),
           ("NUL", "tok\u0000en"),
           ("DEL", "tok\u007fen"),
           ("blank (spaces only)", "   "),
           ("blank (tab)", "\t")]
    return [{"name": f"{provider_label} {field} with {label} is refused (it would reach the {header} header)",
             "config": dict(config, **{field: value}), "build": op, "expectError": INVALID}
            for label, value in bad]


# =============================================================================================
# PayStar (formulas as in tests/vectors/paystar/_generate.py; paystar.md §5, §8)
# =============================================================================================
PS_DEP_KEYS = {"publicKey": "pk_deposit_live_01", "privateKey": "sk_deposit_secret_01"}
PS_PAY_KEYS = {"publicKey": "pk_payout_live_01", "privateKey": "sk_payout_secret_01"}
PS_TOKENS = {"provider": "paystar", "depositToken": "dep-token-123", "payoutToken": "pay-token-456"}
PS_CB_KEY = "my-private-key"
PS_CB = {"provider": "paystar", "depositKeys": PS_DEP_KEYS, "payoutKeys": PS_PAY_KEYS,
         "callbackKey": PS_CB_KEY}
PS_SECURE = "https://secure.paystar.uk"
PS_DEP = "/api/v1/integration/deposit-order/"
PS_WD = "/api/v1/integration/withdrawal-order/"
PS_STATUS = {"type": "get_deposit", "providerId": "PSP-1"}
PS_PAYOUT_STATUS = {"type": "get_payout", "providerId": "PSP-W-1"}
PS_CREATE = {"type": "create_deposit", "merchantId": "M-1", "amount": "100.00", "currency": "USD",
             "paymentMethod": "p2p", "flow": "direct"}


def ps_sig(external_id, st, amount, order_type, key=PS_CB_KEY):
    """PayStar callback Signature: lowercase hex SHA-256 of externalId;status;amount;orderType;key."""
    return hashlib.sha256(f"{external_id};{st};{amount};{order_type};{key}".encode()).hexdigest()


def ps_cb(body, sig, header="Signature"):
    headers = {"content-type": "application/json"}
    if sig is not None:
        headers[header] = sig
    return {"method": "POST", "url": "https://merch.com/callbackUrl", "headers": headers, "body": body}


PS_CB_BODY = '{"externalId":"PSP-1","status":"Success","amount":"100","orderType":"Deposit"}'
PS_CB_SIG = ps_sig("PSP-1", "Success", "100", "Deposit")


def paystar():
    c = []
    c += base_url_cases("paystar", PS_TOKENS, PS_STATUS)
    for host in ("secure", "token", "init", "api"):
        c.append({"name": f"paystar hosts.{host} with userinfo is refused like baseUrl",
                  "config": dict(PS_TOKENS, hosts={host: "http://localhost:80@evil.com"}),
                  "build": PS_STATUS, "expectError": INVALID})
    c.append({"name": "paystar hosts.secure with CR/LF is refused",
              "config": dict(PS_TOKENS, hosts={"secure": "https://secure.paystar.uk\r\nX-Evil: 1"}),
              "build": PS_STATUS, "expectError": INVALID})
    c += loopback_cases("paystar", PS_TOKENS, PS_STATUS, PS_DEP + "PSP-1/status")
    c += token_cases("paystar", PS_TOKENS, "depositToken", PS_STATUS)
    c.append({"name": "paystar payoutToken with CR/LF is refused for a payout call",
              "config": dict(PS_TOKENS, payoutToken=CRLF_TOKEN),
              "build": PS_PAYOUT_STATUS, "expectError": INVALID})
    c.append({"name": "paystar blank payoutToken is refused (never 'Bearer   ')",
              "config": dict(PS_TOKENS, payoutToken="  "),
              "build": PS_PAYOUT_STATUS, "expectError": INVALID})

    # ids in URL paths: an id that could leave its path segment is refused. (DESIGN §8 allows
    # percent-encoding instead; PayStar's existing vectors already refuse "../balance", so the
    # catalogue pins the refusal.)
    for op_type, field in (("get_deposit", "providerId"), ("get_payout", "merchantId")):
        for raw in ("a/b", "../../balance", "%2e%2e", "a?b#c"):
            c.append({"name": f"paystar {op_type} {field} {raw!r} is refused (it could leave its path segment)",
                      "build": {"type": op_type, field: raw}, "expectError": INVALID})
        for raw in ("a\r\nb", "a\u0000b", "a\tb"):
            c.append({"name": f"paystar {op_type} {field} with a control character {raw!r} is refused",
                      "build": {"type": op_type, field: raw}, "expectError": INVALID})
    c.append({"name": "paystar get_payout providerId '..' is refused",
              "build": {"type": "get_payout", "providerId": ".."}, "expectError": INVALID})
    c.append({"name": "paystar create merchantId with CR/LF is refused",
              "build": dict(PS_CREATE, merchantId="M-1\r\nX-Evil: 1"), "expectError": INVALID})
    c.append({"name": "paystar create merchantId with NUL is refused",
              "build": dict(PS_CREATE, merchantId="M-1\u0000"), "expectError": INVALID})
    for field, value in (("callbackUrl", "https://merch.com/cb\r\nX-Evil: 1"),
                         ("successUrl", "https://merch.com/ok\u0000"),
                         ("failureUrl", "javascript:alert(1)"),
                         ("callbackUrl", "http://localhost:80@evil.com/cb")):
        c.append({"name": f"paystar create {field} {value!r} is refused",
                  "build": dict(PS_CREATE, **{field: value}), "expectError": INVALID})

    # Answers the docs do not describe.
    def ans(name, body, op=PS_STATUS, expect=None, error=BAD):
        case = {"name": name, "build": op, "response": resp(200, body)}
        if expect is not None:
            case["expect"] = expect
        else:
            case["expectError"] = error
        c.append(case)

    ans("paystar status answer nested 10000 deep -> bad_response", nested(10000))
    ans("paystar status answer with externalParams nested 5000 deep: documented fields still read, no crash",
        '{"externalId":"PSP-1","orderStatus":"Success","externalParams":' + nested_obj(5000) + "}",
        expect=payment(providerId="PSP-1", status=status("succeeded", True, "Success"), card=None))
    ans("paystar duplicate orderStatus (Failed, then Success) -> bad_response",
        '{"externalId":"PSP-1","orderStatus":"Failed","orderStatus":"Success"}')
    ans("paystar duplicate externalId (ours, then another) -> bad_response",
        '{"externalId":"PSP-1","externalId":"PSP-2","orderStatus":"Success"}')
    ans("paystar duplicate amount -> bad_response",
        '{"externalId":"PSP-1","orderStatus":"Success","amount":1,"amount":100000}')
    ans("paystar status answer about another order -> bad_response",
        '{"externalId":"PSP-2","orderStatus":"Success","amount":100}')
    ans("paystar status answer about an id differing only in case -> bad_response",
        '{"externalId":"psp-1","orderStatus":"Success","amount":100}')
    ans("paystar payout status answer about another order -> bad_response",
        '{"externalId":"PSP-W-2","orderStatus":"Success"}', op=PS_PAYOUT_STATUS)
    ans("paystar externalId of type object -> bad_response",
        '{"externalId":{"id":"PSP-1"},"orderStatus":"Success"}')
    ans("paystar externalId of type array -> bad_response",
        '{"externalId":["PSP-1"],"orderStatus":"Success"}')
    ans("paystar amount of type array -> bad_response",
        '{"externalId":"PSP-1","orderStatus":"Success","amount":[100]}')
    ans("paystar externalParams of type string -> bad_response",
        '{"externalId":"PSP-1","orderStatus":"Success","externalParams":"' + PAN + '"}')
    ans("paystar answer that is a JSON array -> bad_response", "[]")
    ans("paystar answer that is JSON null -> bad_response", "null")
    ans("paystar answer that is a JSON string -> bad_response", '"Success"')
    ans("paystar answer with a NUL byte inside a string value -> status is not Success",
        '{"externalId":"PSP-1","orderStatus":"Success\\u0000","amount":100}',
        expect=payment(status={"state": "unknown", "final": False}))

    # PANs written with separators must come out masked 6x4 (DESIGN §8).
    for label, number in (("spaces", "4111 1111 1111 1111"), ("dashes", "4111-1111-1111-1111"),
                          ("dots", "4111.1111.1111.1111"), ("NULs", "4111111\u0000111111111"),
                          ("tabs", "4111\t1111\t1111\t1111"),
                          ("a trailing x", "4111 1111 1111 1111 x"),
                          ("mixed x and *", "4111 1111 1111 1111 x*")):
        body = compact({"externalId": "PSP-1", "orderStatus": "Success", "amount": 100,
                        "externalParams": {"cardNumber": number, "cardHolder": "JOHN WEAK"}})
        ans(f"paystar cardNumber with {label} comes back masked 6x4", body,
            expect=payment(card={"masked": MASKED, "holder": "JOHN WEAK"}))
    ans("paystar cardHolder holding a PAN (cardNumber a name: the swapped doc example) is masked",
        compact({"externalId": "PSP-1", "orderStatus": "Success", "amount": 100,
                 "externalParams": {"cardNumber": "JOHN WEAK", "cardHolder": "4111 1111 1111 1111"}}),
        expect=payment(card={"masked": MASKED, "holder": "JOHN WEAK"}))
    ans("paystar cardHolder holding a second PAN next to a PAN is masked too",
        compact({"externalId": "PSP-1", "orderStatus": "Success", "amount": 100,
                 "externalParams": {"cardNumber": PAN, "cardHolder": PAN2}}),
        expect=payment(card={"masked": MASKED, "holder": MASKED2}))

    # Callbacks: the signature covers externalId;status;amount;orderType only.
    def cbcase(name, body, sig, expect=None, error=None, config=None, header="Signature"):
        case = {"name": name, "callback": ps_cb(body, sig, header)}
        if config:
            case["config"] = config
        if error is not None:
            case["expectError"] = error
        else:
            case["expect"] = expect
        c.append(case)

    for label, sig in (("one hex digit short", PS_CB_SIG[:-1]),
                       ("one hex digit too many", PS_CB_SIG + "0"),
                       ("twice the digest", PS_CB_SIG * 2),
                       ("non-hex characters of the right length", "g" * 64),
                       ("NUL in place of the last digit", PS_CB_SIG[:-1] + "\u0000"),
                       ("the digest in Base64", base64.b64encode(bytes.fromhex(PS_CB_SIG)).decode()),
                       ("100 000 characters", "a" * 100000),
                       ("64 zeros", "0" * 64),
                       ("the signature of another order", ps_sig("PSP-2", "Success", "100", "Deposit"))):
        cbcase(f"paystar callback Signature {label} -> invalid_signature", PS_CB_BODY, sig, error=BADSIG)
    cbcase("paystar callback with an altered (signed) externalId -> invalid_signature",
           PS_CB_BODY.replace("PSP-1", "PSP-EVIL"), PS_CB_SIG, error=BADSIG)
    cbcase("paystar callback with an altered (signed) amount -> invalid_signature",
           PS_CB_BODY.replace('"100"', '"100000"'), PS_CB_SIG, error=BADSIG)
    body = ('{"externalId":"PSP-1","status":"Success","amount":"100","orderType":"Deposit",'
            '"externalTransactionId":"M-EVIL","currency":"EUR"}')
    cbcase("paystar callback: an unsigned merchant id never chooses the order to confirm",
           body, PS_CB_SIG,
           expect={"verified": True,
                   "confirmWith": {"type": "get_deposit", "providerId": "PSP-1", "merchantId": None}})
    dup = '{"externalId":"PSP-1","status":"Processing","status":"Success","amount":"100","orderType":"Deposit"}'
    cbcase("paystar callback with duplicate status, signed over the first -> bad_response",
           dup, ps_sig("PSP-1", "Processing", "100", "Deposit"), error=BAD)
    cbcase("paystar callback with duplicate status, signed over the last -> bad_response",
           dup, ps_sig("PSP-1", "Success", "100", "Deposit"), error=BAD)
    dup_id = '{"externalId":"PSP-1","externalId":"PSP-EVIL","status":"Success","amount":"100","orderType":"Deposit"}'
    cbcase("paystar callback with duplicate externalId -> bad_response", dup_id, PS_CB_SIG, error=BAD)
    cbcase("paystar callback nested 10000 deep -> bad_response", nested(10000), PS_CB_SIG, error=BAD)
    cbcase("paystar callback with status of type object -> bad_response",
           '{"externalId":"PSP-1","status":{"v":"Success"},"amount":"100","orderType":"Deposit"}',
           PS_CB_SIG, error=BAD)
    cbcase("paystar callback with externalId of type number -> bad_response",
           '{"externalId":12345,"status":"Success","amount":"100","orderType":"Deposit"}',
           ps_sig("12345", "Success", "100", "Deposit"), error=BAD)
    pan_body = ('{"externalId":"PSP-1","status":"Success","amount":"100","orderType":"Deposit",'
                '"externalParams":{"cardNumber":"4111 1111 1111 1111","cardHolder":"4111-1111-1111-1111"}}')
    cbcase("paystar callback: a PAN with separators in cardNumber and cardHolder comes back masked",
           pan_body, PS_CB_SIG,
           expect={"verified": True, "payment": {"card": {"masked": MASKED, "holder": MASKED}}})
    cbcase("paystar callback with a CR/LF externalId (signed) is refused, never confirmed",
           '{"externalId":"PSP-1\\r\\nX","status":"Success","amount":"100","orderType":"Deposit"}',
           ps_sig("PSP-1\r\nX", "Success", "100", "Deposit"), error=BAD)
    cbcase("paystar callback with a '..' externalId (signed) is refused, never confirmed",
           '{"externalId":"..","status":"Success","amount":"100","orderType":"Deposit"}',
           ps_sig("..", "Success", "100", "Deposit"), error=BAD)
    return write("paystar.json",
                 "Hostile inputs for PayStar (paystar.md; DESIGN §5, §8): base URLs, tokens, ids in "
                 "paths, undocumented answers, PANs with separators, forged callbacks.",
                 PS_CB, c)


# =============================================================================================
# Butler bridge (tests/vectors/paystar_bridges/_generate.py; paystar.md §18.1-18.3)
# =============================================================================================
B_BASE = "https://bridge.example.com"
BT = {"provider": "paystar_butler", "baseUrl": B_BASE, "payoutToken": "butler-payout-token",
      "depositToken": "butler-deposit-token"}
BW = "/api/v1/integration/butler/withdrawal-order"
B_STATUS = {"type": "get_payout", "merchantId": "Merch-1"}
B_CREATE = {"type": "create_payout", "merchantId": "Merch-1", "amount": "1000", "currency": "USD",
            "card": {"number": "1111123456781111"}, "telecomOperator": "vodafone-uk"}
B_DOC = {"amount": "1000", "status": "Created", "externalId": "Merch-1",
         "pspDepositOrderID": "PayStar-9dc24b8a"}


def butler():
    c = []
    c += base_url_cases("butler", BT, B_STATUS)
    c += loopback_cases("butler", BT, B_STATUS, BW + "/Merch-1")
    c += token_cases("butler", BT, "payoutToken", B_STATUS)[:5]
    c.append({"name": "butler depositToken with CR/LF is refused for a deposit",
              "config": dict(BT, depositToken=CRLF_TOKEN),
              "build": {"type": "create_reverse_deposit", "merchantId": "T-1", "amount": "1000",
                        "currency": "USD", "card": {"number": "1111123456781111"}},
              "expectError": INVALID})
    for raw in (".", ".."):
        c.append({"name": f"butler status merchantId {raw!r} is refused (dot segment)",
                  "build": {"type": "get_payout", "merchantId": raw}, "expectError": INVALID})
    for raw in ("a/b", "../x", "a?b"):
        c.append({"name": f"butler status merchantId {raw!r} is refused (it could leave its path segment)",
                  "build": {"type": "get_payout", "merchantId": raw}, "expectError": INVALID})
    c.append({"name": "butler status merchantId with CR/LF is refused",
              "build": {"type": "get_payout", "merchantId": "M\r\n1"}, "expectError": INVALID})
    c.append({"name": "butler create merchantId with NUL is refused",
              "build": dict(B_CREATE, merchantId="Merch\u00001"), "expectError": INVALID})
    c.append({"name": "butler merch deposit successUrl with CR/LF is refused",
              "build": {"type": "create_deposit", "merchantId": "d-1", "amount": "100", "currency": "RUB",
                        "card": {"number": "111111111111111111"},
                        "successUrl": "https://example.com/ok\r\nX-Evil: 1"},
              "expectError": INVALID})

    def ans(name, body, op=B_STATUS, expect=None, error=BAD):
        case = {"name": name, "build": op, "response": resp(200, body)}
        if expect is not None:
            case["expect"] = expect
        else:
            case["expectError"] = error
        c.append(case)

    ans("butler status answer nested 10000 deep -> bad_response", nested(10000))
    ans("butler duplicate status (Failed, then Success) -> bad_response",
        '{"amount":"1000","status":"Failed","status":"Success","externalId":"Merch-1"}')
    ans("butler duplicate externalId -> bad_response",
        '{"amount":"1000","status":"Success","externalId":"Merch-1","externalId":"Merch-2"}')
    ans("butler status answer about an id differing only in case -> bad_response",
        compact(dict(B_DOC, externalId="merch-1", status="Success")))
    ans("butler create answer about another externalId -> bad_response",
        compact(dict(B_DOC, externalId="Merch-EVIL")), op=B_CREATE)
    ans("butler amount of type object -> bad_response", compact(dict(B_DOC, amount={"v": 1000})))
    ans("butler status of type number -> bad_response", compact(dict(B_DOC, status=3)))
    ans("butler externalId of type array -> bad_response", compact(dict(B_DOC, externalId=["Merch-1"])))
    ans("butler answer that is a JSON array -> bad_response", "[" + compact(B_DOC) + "]")
    c.append({"name": "butler has no callbacks: even a hostile one is unsupported, never parsed",
              "callback": {"method": "POST", "url": "https://merch.com/cb",
                           "headers": {"content-type": "application/json"}, "body": nested(10000)},
              "expectError": err("unsupported")})
    return write("paystar_butler.json",
                 "Hostile inputs for the PayStar Butler bridge (paystar.md §18.1-18.3; DESIGN §5, §8).",
                 BT, c)


# =============================================================================================
# CoreFy bridge (paystar.md §18.4)
# =============================================================================================
CF = {"provider": "paystar_corefy", "baseUrl": B_BASE, "depositToken": "corefy-deposit-token"}
REF = "12345678-1234-1234-1234-123456789012"
CF_OP = {"type": "create_deposit", "merchantId": REF, "amount": "100.00", "currency": "USD",
         "paymentMethod": "payment_card_usd_hpp", "successUrl": "https://example.com/ok",
         "failureUrl": "https://example.com/fail"}


def invoice(status_word="created", **attrs):
    a = {"reference_id": REF, "status": status_word, "amount": 100, "currency": "USD",
         "service": "payment_card_usd_hpp"}
    a.update(attrs)
    return compact({"data": {"type": "payment-invoices", "id": "cpi_1", "attributes": a}})


def corefy():
    c = []
    c += base_url_cases("corefy", CF, CF_OP)
    c += loopback_cases("corefy", CF, CF_OP, "/payment-invoices")
    c += token_cases("corefy", CF, "depositToken", CF_OP)
    for field, value in (("successUrl", "https://example.com/ok\r\nX-Evil: 1"),
                         ("failureUrl", "https://example.com/\u0000"),
                         ("successUrl", "http://localhost:80@evil.com/ok")):
        c.append({"name": f"corefy {field} {value!r} is refused",
                  "build": dict(CF_OP, **{field: value}), "expectError": INVALID})
    c.append({"name": "corefy merchantId with CR/LF is refused",
              "build": dict(CF_OP, merchantId="ref\r\n1"), "expectError": INVALID})

    def ans(name, body, expect=None, error=BAD, code=201):
        case = {"name": name, "build": CF_OP, "response": resp(code, body)}
        if expect is not None:
            case["expect"] = expect
        else:
            case["expectError"] = error
        c.append(case)

    ans("corefy answer nested 10000 deep -> bad_response", nested(10000))
    ans("corefy metadata nested 5000 deep: documented fields still read, no crash",
        invoice()[:-3] + ',"metadata":' + nested_obj(5000) + "}}}",
        expect=payment(providerId="cpi_1", merchantId=REF, status=status("pending", False, "created")))
    ans("corefy duplicate status (process_failed, then processed) -> bad_response",
        invoice("process_failed")[:-3] + ',"status":"processed"}}}')
    ans("corefy duplicate reference_id -> bad_response",
        invoice()[:-3] + ',"reference_id":"someone-else"}}}')
    ans("corefy answer about a reference_id one character off -> bad_response",
        invoice(reference_id=REF[:-1] + "3"))
    ans("corefy data of type array -> bad_response",
        compact({"data": [{"type": "payment-invoices", "id": "cpi_1", "attributes": {"status": "created"}}]}))
    ans("corefy status of type number -> bad_response", invoice(status_word=5))
    ans("corefy amount that is not a number -> bad_response", invoice(amount="one hundred"))
    ans("corefy hpp_url with CR/LF -> bad_response (never handed to the host as a redirect)",
        invoice(hpp_url="https://pay.example.com/hpp\r\nSet-Cookie: x=1"))
    ans("corefy hpp_url javascript: -> bad_response (never handed to the host as a redirect)",
        invoice(hpp_url="javascript:alert(1)"))
    c.append({"name": "corefy callback naming a key twice is refused (bad_response) before any provider reads it",
              "config": dict(CF, callbackKey="corefy-callback-secret"),
              "callback": {"method": "POST", "url": "https://merch.com/cb",
                           "headers": {"content-type": "application/json", "x-signature": "AAAA"},
                           "body": "{\"a\":1,\"a\":2}"},
              "expectError": BAD})
    return write("paystar_corefy.json",
                 "Hostile inputs for the PayStar CoreFy bridge (paystar.md §18.4; DESIGN §5, §8).",
                 CF, c)


# =============================================================================================
# PayNetEasy bridge (paystar.md §18.5; formulas as in paystar_bridges/_generate.py)
# =============================================================================================
EP = "1111"
PN_LOGIN = "merchant-login"
MC = "B17F59B4-A7DC-41B4-8FF9-37D986B43D20"
PN = {"provider": "paystar_paynet", "baseUrl": B_BASE, "endpointId": EP, "login": PN_LOGIN,
      "merchantControl": MC}
PN_STATUS = {"type": "get_deposit", "merchantId": "902B4FF5", "providerId": "1969596"}
FORM = "application/x-www-form-urlencoded"
PN_SALE = {"type": "create_deposit", "merchantId": "902B4FF5", "amount": "10.42", "currency": "USD",
           "description": "Order 902B4FF5",
           "card": {"number": PAN, "holder": "JOHN SMITH", "expiryMonth": "12", "expiryYear": "2099",
                    "cvv": "123"},
           "customer": {"email": "john.smith@gmail.com", "address": "2704 Colonial Drive", "city": "Houston",
                        "zipCode": "1235", "phone": "660-485-6353", "ip": "127.0.0.1"},
           "country": "US", "successUrl": "https://merch.com/return"}  # upstream-mandatory (issue 13)


def sha1(text):
    return hashlib.sha1(text.encode()).hexdigest()


def pn_cb_control(st, orderid, client_orderid):
    """Upstream PayNetEasy callback control: sha1(status + orderid + client_orderid + merchant_control)."""
    return sha1(f"{st}{orderid}{client_orderid}{MC}")


def pn_status_body(pairs):
    return "\n&".join(f"{k}={urlencode({'x': v})[2:]}" for k, v in pairs) + "\n"


PN_BASE_PAIRS = [("type", "status-response"), ("merchant-order-id", "902B4FF5"),
                 ("paynet-order-id", "1969596"), ("serial-number", "00000000-0000-0000-0000-0000005b5eb3")]


def pn_get(pairs):
    return {"method": "GET", "url": "https://merch.com/cb?" + urlencode(pairs), "headers": {}, "body": ""}


def paynet():
    c = []
    c += base_url_cases("paynet", PN, PN_STATUS)
    c += loopback_cases("paynet", PN, PN_STATUS, f"/paynet/api/v2/sale/status/{EP}")
    for label, value in ((".", "."), ("..", ".."), ("a slash", "11/../22"), ("CR/LF", "11\r\n11"),
                         ("NUL", "11\u000011"), ("blank", "  ")):
        c.append({"name": f"paynet endpointId {label} ({value!r}) is refused (it goes into the URL path)",
                  "config": dict(PN, endpointId=value), "build": PN_STATUS, "expectError": INVALID})
    for label, value in (("blank", "   "), ("NUL", "B17F\u0000")):
        c.append({"name": f"paynet merchantControl {label} is refused",
                  "config": dict(PN, merchantControl=value), "build": PN_STATUS, "expectError": INVALID})
    c.append({"name": "paynet login with CR/LF is refused",
              "config": dict(PN, login="merchant\r\nX-Evil: 1"), "build": PN_STATUS, "expectError": INVALID})
    c.append({"name": "paynet sale successUrl with CR/LF is refused",
              "build": dict(PN_SALE, successUrl="https://merch.com/return\r\nX-Evil: 1"), "expectError": INVALID})
    c.append({"name": "paynet sale callbackUrl with userinfo over plain http is refused",
              "build": dict(PN_SALE, callbackUrl="http://localhost:80@evil.com/cb"), "expectError": INVALID})

    def ans(name, body, op=PN_STATUS, expect=None, error=BAD, ctype=FORM):
        case = {"name": name, "build": op, "response": resp(200, body, ctype)}
        if expect is not None:
            case["expect"] = expect
        else:
            case["expectError"] = error
        c.append(case)

    ans("paynet status answer about another merchant-order-id -> bad_response",
        pn_status_body([("type", "status-response"), ("merchant-order-id", "EVIL-1"),
                        ("paynet-order-id", "1969596"), ("status", "approved")]))
    ans("paynet status answer with duplicate status (declined, then approved) -> bad_response",
        pn_status_body(PN_BASE_PAIRS + [("status", "declined"), ("status", "approved")]))
    ans("paynet status answer with duplicate paynet-order-id -> bad_response",
        pn_status_body(PN_BASE_PAIRS + [("paynet-order-id", "2000000"), ("status", "approved")]))
    ans("paynet status answer as JSON nested 10000 deep -> bad_response", nested(10000), ctype="application/json")
    ans("paynet amount that is not a decimal -> bad_response",
        pn_status_body(PN_BASE_PAIRS + [("status", "approved"), ("amount", "1e3"), ("currency", "USD")]))
    ans("paynet declined message with a spaced PAN comes back masked",
        pn_status_body(PN_BASE_PAIRS + [("status", "declined"), ("error-code", "51"),
                                        ("error-message", "Card 4111 1111 1111 1111 declined")]),
        expect=payment(status=status("failed", True, "declined",
                                     reason={"code": "51", "message": f"Card {MASKED} declined"})))
    ans("paynet declined message with a NUL-split PAN comes back masked",
        pn_status_body(PN_BASE_PAIRS + [("status", "declined"), ("error-code", "51"),
                                        ("error-message", "Card 4111111\u0000111111111 declined")]),
        expect=payment(status=status("failed", True, "declined",
                                     reason={"code": "51", "message": f"Card {MASKED} declined"})))
    ans("paynet sale answer with a duplicate merchant-order-id -> bad_response",
        "type=async-response\n&merchant-order-id=902B4FF5\n&merchant-order-id=EVIL\n&paynet-order-id=1969596\n",
        op=PN_SALE)

    good = [("status", "approved"), ("client_orderid", "902B4FF5"), ("orderid", "1969596")]
    ctl = pn_cb_control("approved", "1969596", "902B4FF5")
    for label, bad in (("one hex digit short", ctl[:-1]), ("one hex digit too many", ctl + "0"),
                       ("SHA-256 instead of SHA-1",
                        hashlib.sha256(f"approved1969596902B4FF5{MC}".encode()).hexdigest()),
                       ("over swapped ids", pn_cb_control("approved", "902B4FF5", "1969596")),
                       ("40 non-hex characters", "z" * 40)):
        c.append({"name": f"paynet callback control {label} -> invalid_signature",
                  "callback": pn_get(good + [("control", bad)]), "expectError": BADSIG})
    c.append({"name": "paynet callback with an altered (signed) orderid -> invalid_signature",
              "callback": pn_get([("status", "approved"), ("client_orderid", "902B4FF5"),
                                  ("orderid", "6666666"), ("control", ctl)]),
              "expectError": BADSIG})
    c.append({"name": "paynet callback: an unsigned merchant_order never chooses the order to confirm",
              "callback": pn_get(good + [("merchant_order", "EVIL-ORDER"), ("control", ctl)]),
              "expect": {"verified": True,
                         "confirmWith": {"type": "get_deposit", "providerId": "1969596",
                                         "merchantId": "902B4FF5"}}})
    c.append({"name": "paynet callback with duplicate status, signed over the last -> bad_response",
              "callback": pn_get([("status", "declined"), ("status", "approved"), ("client_orderid", "902B4FF5"),
                                  ("orderid", "1969596"), ("control", ctl)]),
              "expectError": BAD})
    c.append({"name": "paynet callback with duplicate client_orderid -> bad_response",
              "callback": pn_get([("status", "approved"), ("client_orderid", "902B4FF5"),
                                  ("client_orderid", "EVIL"), ("orderid", "1969596"), ("control", ctl)]),
              "expectError": BAD})
    c.append({"name": "paynet callback with a CR/LF client_orderid (signed) is refused",
              "callback": pn_get([("status", "approved"), ("client_orderid", "9\r\n1"), ("orderid", "1969596"),
                                  ("control", pn_cb_control("approved", "1969596", "9\r\n1"))]),
              "expectError": BAD})
    return write("paystar_paynet.json",
                 "Hostile inputs for the PayStar PayNetEasy bridge (paystar.md §18.5; DESIGN §5, §8). "
                 "Callback control = sha1(status + orderid + client_orderid + merchantControl), hashlib.",
                 PN, c)


# =============================================================================================
# Tupay (tupay.md; formulas as in tests/vectors/tupay/signatures.py)
# =============================================================================================
DEP_SECRET, X_LOGIN = "my_deposit_api_signature", "my_x_login"
CASH_SECRET = "my_cashout_api_signature"
TP_API = "https://api-stg.tupayonline.com"
TP = {"provider": "tupay", "baseUrl": TP_API, "depositLogin": X_LOGIN, "depositSecret": DEP_SECRET,
      "cashoutLogin": "cashout_login", "cashoutPass": "cashout_pass", "cashoutSecret": CASH_SECRET}
TP_CUSTOMER = {"id": "11", "firstName": "Ana", "lastName": "Quispe", "document": "86970864",
               "documentType": "DNI", "email": "ana@example.pe"}
TP_DEPOSIT = {"type": "create_deposit", "merchantId": "INV-0001", "amount": "10", "currency": "PEN",
              "paymentMethod": "XA", "successUrl": "https://shop.pe/ok", "failureUrl": "https://shop.pe/error",
              "callbackUrl": "https://shop.pe/tupay/notify", "customer": TP_CUSTOMER}
TP_DEPOSIT_BODY = ('{"country":"PE","amount":10.00,"currency":"PEN","invoice_id":"INV-0001","payment_method":"XA",'
                   '"payer":{"id":"11","first_name":"Ana","last_name":"Quispe","document":"86970864","document_type":"DNI",'
                   '"email":"ana@example.pe"},"back_url":"https://shop.pe/error","success_url":"https://shop.pe/ok",'
                   '"error_url":"https://shop.pe/error","notification_url":"https://shop.pe/tupay/notify"}')
TP_DEP_STATUS = {"type": "get_deposit", "providerId": "301178393"}
TP_CASH_STATUS = {"type": "get_payout", "providerId": "8405147"}
TP_CASH_BY_EXT = {"type": "get_payout", "merchantId": "cashoutV35381"}
TP_FORM = {"content-type": "application/x-www-form-urlencoded"}


def dep_auth(prefix, xdate, body):
    mac = hmac.new(DEP_SECRET.encode(), (xdate + X_LOGIN + body).encode("utf-8"), hashlib.sha256).hexdigest()
    return f"{prefix} {mac}"


def control(external_id, secret=CASH_SECRET):
    """Cashout notification control: UPPERCASE hex HMAC-SHA256(secret, "Be4" + external_id + "Bo7")."""
    return hmac.new(secret.encode(), ("Be4" + external_id + "Bo7").encode("utf-8"), hashlib.sha256).hexdigest().upper()


assert control("cashoutV35381") == "753B585699ED53021C3C54118E4E5746CD27DF49732FF925330374673EE3EDB4"


def tp_status_body(**extra):
    d = {"user_id": "11", "deposit_id": 301178393, "invoice_id": "INV-0001", "country": "PE", "currency": "PEN",
         "usd_amount": 2.54, "local_amount": 10.00, "payment_method": "XA", "payment_type": "VOUCHER",
         "status": "COMPLETED"}
    d.update(extra)
    return compact(d)


def notification(pairs):
    return {"method": "POST", "url": "https://shop.pe/tupay/cashouts", "headers": TP_FORM, "body": urlencode(pairs)}


def tupay():
    c = []
    c += base_url_cases("tupay", TP, TP_DEP_STATUS)
    c += loopback_cases("tupay", TP, TP_DEP_STATUS, "/v3/deposits/301178393")
    c.append({"name": "tupay reconciliationUrl with userinfo is refused",
              "config": dict(TP, reconciliationUrl="http://localhost:80@evil.com"),
              "build": TP_DEP_STATUS, "expectError": INVALID})
    c += token_cases("tupay", TP, "depositLogin", TP_DEP_STATUS, header="x-login")
    c.append({"name": "tupay authPrefix with CR/LF is refused (it starts the authorization header)",
              "config": dict(TP, authPrefix="D24\r\nX-Evil: 1"), "build": TP_DEP_STATUS, "expectError": INVALID})
    c.append({"name": "tupay blank depositSecret is refused",
              "config": dict(TP, depositSecret="  "), "build": TP_DEP_STATUS, "expectError": INVALID})
    c.append({"name": "tupay blank cashoutSecret is refused",
              "config": dict(TP, cashoutSecret=" "), "build": TP_CASH_STATUS, "expectError": INVALID})
    c.append({"name": "tupay idempotencyKey with CR/LF is refused (it is a header)",
              "build": dict(TP_DEPOSIT, idempotencyKey="k\r\nX-Evil: 1"), "expectError": INVALID})
    c.append({"name": "tupay idempotencyKey with NUL is refused",
              "build": dict(TP_DEPOSIT, idempotencyKey="k\u0000"), "expectError": INVALID})
    c.append({"name": "tupay blank idempotencyKey is refused",
              "build": dict(TP_DEPOSIT, idempotencyKey="   "), "expectError": INVALID})
    c.append({"name": "tupay callbackUrl with CR/LF is refused",
              "build": dict(TP_DEPOSIT, callbackUrl="https://shop.pe/n\r\nX-Evil: 1"), "expectError": INVALID})
    for raw in ("..", ".", "a/b", "1/../2", "301178393\r\n", "301178393%2F.."):
        c.append({"name": f"tupay deposit status providerId {raw!r} is refused (a deposit_id is an integer)",
                  "build": {"type": "get_deposit", "providerId": raw}, "expectError": INVALID})

    # `now` at the edges: X-Date must be a time the core can write back (issue 11 item 9).
    for label, now in (("year 10000", "10000-01-01T00:00:00Z"),
                       ("an offset that makes it year 10000 in UTC", "9999-12-31T23:30:00-01:00"),
                       ("an offset that makes it year -1 in UTC", "0000-01-01T00:30:00+01:00"),
                       ("a negative year", "-0001-01-01T00:00:00Z"),
                       ("CR/LF after it", "2026-01-01T00:00:00Z\r\nX-Evil: 1"),
                       ("NUL inside", "2026-01-01T00:00\u0000:00Z"),
                       ("month 13", "2026-13-01T00:00:00Z")):
        c.append({"name": f"tupay now with {label} is refused (it becomes the X-Date header)",
                  "context": {"now": now}, "build": TP_DEPOSIT, "expectError": INVALID})
    c.append({"name": "tupay now at the last second of year 9999 is still written back as X-Date",
              "context": {"now": "9999-12-31T23:59:59Z"}, "build": TP_DEPOSIT,
              "expectRequest": {"headers": {"x-date": "9999-12-31T23:59:59Z",
                                            "authorization": dep_auth("D24", "9999-12-31T23:59:59Z", TP_DEPOSIT_BODY)},
                                "body": TP_DEPOSIT_BODY}})
    c.append({"name": "tupay now at the first second of year 1 is still written back as X-Date",
              "context": {"now": "0001-01-01T00:00:00Z"}, "build": TP_DEPOSIT,
              "expectRequest": {"headers": {"x-date": "0001-01-01T00:00:00Z",
                                            "authorization": dep_auth("D24", "0001-01-01T00:00:00Z", TP_DEPOSIT_BODY)}}})

    def ans(name, body, op=TP_DEP_STATUS, expect=None, error=BAD, code=200):
        case = {"name": name, "build": op, "response": resp(code, body)}
        if expect is not None:
            case["expect"] = expect
        else:
            case["expectError"] = error
        c.append(case)

    ans("tupay deposit status answer about another deposit_id -> bad_response", tp_status_body(deposit_id=301178394))
    ans("tupay deposit create answer about another invoice -> bad_response",
        compact({"checkout_type": "HOSTED", "redirect_url": "https://checkout-stg.directa24.com/v1/gateway/show?id_payment=1",
                 "deposit_id": 300000025, "merchant_invoice_id": "INV-EVIL"}), op=TP_DEPOSIT, code=201)
    ans("tupay deposit create answer with a javascript: redirect_url -> bad_response",
        compact({"checkout_type": "HOSTED", "redirect_url": "javascript:alert(1)",
                 "deposit_id": 300000025, "merchant_invoice_id": "INV-0001"}), op=TP_DEPOSIT, code=201)
    ans("tupay deposit create answer with CR/LF in redirect_url -> bad_response",
        compact({"checkout_type": "HOSTED", "redirect_url": "https://checkout-stg.directa24.com/x\r\nSet-Cookie: a=1",
                 "deposit_id": 300000025, "merchant_invoice_id": "INV-0001"}), op=TP_DEPOSIT, code=201)
    ans("tupay deposit status nested 10000 deep -> bad_response", nested(10000))
    ans("tupay deposit status with payer nested 5000 deep: documented fields still read, no crash",
        tp_status_body()[:-1] + ',"payer":' + nested_obj(5000) + "}",
        expect=payment(providerId="301178393", merchantId="INV-0001",
                       status=status("succeeded", True, "COMPLETED")))
    ans("tupay duplicate status (CANCELLED, then COMPLETED) -> bad_response",
        tp_status_body(status="CANCELLED")[:-1] + ',"status":"COMPLETED"}')
    ans("tupay duplicate deposit_id -> bad_response",
        tp_status_body()[:-1] + ',"deposit_id":999}')
    ans("tupay status of type number -> bad_response", tp_status_body(status=1))
    ans("tupay deposit_id that is not an integer -> bad_response", tp_status_body(deposit_id="abc"))
    ans("tupay local_amount that is not a number -> bad_response", tp_status_body(local_amount="ten"))
    ans("tupay answer that is a JSON array -> bad_response", "[" + tp_status_body() + "]")
    ans("tupay cashout_status of type boolean -> bad_response",
        compact({"cashout_status": True}), op=TP_CASH_STATUS)
    ans("tupay cashout_status 1.5 -> bad_response", '{"cashout_status":1.5}', op=TP_CASH_STATUS)
    ans("tupay duplicate cashout_status (3, then 1) -> bad_response",
        '{"cashout_status":3,"cashout_status":1}', op=TP_CASH_STATUS)
    ans("tupay cashout status answer naming another cashout_id -> bad_response",
        compact({"cashout_status": 1, "cashout_id": 999}), op=TP_CASH_STATUS)
    ans("tupay cashout status answer naming another external_id -> bad_response",
        compact({"cashout_status": 1, "external_id": "cashoutEVIL"}), op=TP_CASH_BY_EXT)
    for label, reason in (("plain", f"card {PAN} blocked"), ("spaced", "card 4111 1111 1111 1111 blocked"),
                          ("dashed", "card 4111-1111-1111-1111 blocked"),
                          ("NUL-split", "card 4111111\u0000111111111 blocked")):
        ans(f"tupay rejection_reason with a {label} PAN comes back masked",
            compact({"cashout_status": 3, "cashout_status_description": "Rejected", "rejection_code": 808,
                     "rejection_reason": reason}), op=TP_CASH_STATUS,
            expect=payment(status=status("failed", True, "3",
                                         reason={"code": "808", "message": f"card {MASKED} blocked"})))

    # Cashout notifications: `control` covers only external_id (tupay.md §3.5).
    ctl = control("cashoutV35381")
    for label, bad in (("one hex digit short", ctl[:-1]), ("one hex digit too many", ctl + "0"),
                       ("in mixed case", ctl[:32] + ctl[32:].lower()),
                       ("without the Be4/Bo7 affixes",
                        hmac.new(CASH_SECRET.encode(), b"cashoutV35381", hashlib.sha256).hexdigest().upper()),
                       ("as a plain SHA-256", hashlib.sha256(b"Be4cashoutV35381Bo7").hexdigest().upper()),
                       ("with a leading space", " " + ctl),
                       ("of 100 000 characters", "A" * 100000)):
        c.append({"name": f"tupay cashout notification control {label} -> invalid_signature",
                  "callback": notification([("external_id", "cashoutV35381"), ("control", bad),
                                            ("cashout_id", "60067")]),
                  "expectError": BADSIG})
    c.append({"name": "tupay cashout notification: an altered (unsigned) cashout_id never chooses the order",
              "callback": notification([("date", "2020-03-12 20:26:11"), ("external_id", "cashoutV35381"),
                                        ("control", ctl), ("cashout_id", "99999")]),
              "expect": {"verified": True,
                         "confirmWith": {"type": "get_payout", "merchantId": "cashoutV35381", "providerId": None}}})
    c.append({"name": "tupay cashout notification without cashout_id confirms by the signed external_id",
              "callback": notification([("external_id", "cashoutV35381"), ("control", ctl)]),
              "expect": {"verified": True,
                         "confirmWith": {"type": "get_payout", "merchantId": "cashoutV35381", "providerId": None}}})
    c.append({"name": "tupay cashout notification with a duplicate external_id -> bad_response",
              "callback": notification([("external_id", "cashoutEVIL"), ("external_id", "cashoutV35381"),
                                        ("control", ctl), ("cashout_id", "60067")]),
              "expectError": BAD})
    c.append({"name": "tupay cashout notification with a duplicate control -> bad_response",
              "callback": notification([("external_id", "cashoutV35381"), ("control", "0" * 64),
                                        ("control", ctl), ("cashout_id", "60067")]),
              "expectError": BAD})
    c.append({"name": "tupay cashout notification with a CR/LF external_id (signed) is refused",
              "callback": notification([("external_id", "cash\r\nout"), ("control", control("cash\r\nout"))]),
              "expectError": BAD})
    for label, body in (("nested 10000 deep", nested(10000)),
                        ("deposit_id of type object", '{"deposit_id":{"id":1}}'),
                        ("deposit_id of type array", '{"deposit_id":[3000000001]}'),
                        ("deposit_id with a path traversal", '{"deposit_id":"../1"}'),
                        ("deposit_id in exponent notation", '{"deposit_id":3e9}'),
                        ("deposit_id negative", '{"deposit_id":-1}'),
                        ("duplicate deposit_id", '{"deposit_id":3000000001,"deposit_id":3000000002}')):
        c.append({"name": f"tupay deposit notification {label} -> bad_response",
                  "callback": {"method": "POST", "url": "https://shop.pe/tupay/notify",
                               "headers": {"content-type": "application/json"}, "body": body},
                  "expectError": BAD})
    return write("tupay.json",
                 "Hostile inputs for Tupay (tupay.md; DESIGN §5, §8): base URLs, header values, `now` at "
                 "the edges, undocumented answers, forged and altered notifications (control computed with "
                 "Python hmac).", TP, c)


# =============================================================================================
# DPay (agent-payout-gateway.md; formula as in tests/vectors/dpay/_generate.py)
# =============================================================================================
DP_SECRET = "kassa_secret_8f3b"
DP = {"provider": "dpay", "client": "1043", "secret": DP_SECRET}
DP_BASE = "https://api.dpay.africa"
DP_STATUS = {"type": "get_payout", "merchantId": "W-1001"}
DP_BY_TRK = {"type": "get_payout", "providerId": "79DF-60B0-17F6"}
DP_MOMO = {"type": "create_payout", "merchantId": "W-1001", "amount": "1000", "currency": "GHS",
           "paymentMethod": "mtn-ghana.ghs", "customer": {"phone": "+233241234567"},
           "description": "Payout W-1001", "callbackUrl": "https://shop.example/dpay?payment_id=W-1001"}


def dpay_secure(body, salt=DP_SECRET):
    """base64(md5(salt + base64(sha1(body)) + salt))."""
    inner = base64.b64encode(hashlib.sha1(body.encode("utf-8")).digest()).decode()
    return base64.b64encode(hashlib.md5((salt + inner + salt).encode("utf-8")).digest()).decode()


assert dpay_secure('{"payment_id":"123"}', "my_cash_register_secret") == "ZI9yOfAKMAp+kiqkzvdb5g=="


def dresp(body, signed=True, status_code=200, sig=None):
    h = {"content-type": "application/json"}
    if signed:
        h["DPAY_SECURE"] = sig if sig is not None else dpay_secure(body)
    return {"status": status_code, "headers": h, "body": body}


def dpay():
    c = []
    c += base_url_cases("dpay", DP, DP_STATUS)
    for base in ("http://127.0.0.1:8080", "http://localhost:8080"):
        c.append({"name": f"dpay baseUrl {base} (loopback) may be plain http",
                  "config": dict(DP, baseUrl=base), "build": DP_STATUS,
                  "expectRequest": {"url": base + "/api/payment/status",
                                    "headers": {"dpay_secure": dpay_secure('{"payment_id":"W-1001"}')}}})
    c += token_cases("dpay", DP, "client", DP_STATUS, header="dpay_client")
    c.append({"name": "dpay blank secret is refused",
              "config": dict(DP, secret="   "), "build": DP_STATUS, "expectError": INVALID})
    for field, value in (("callbackUrl", "https://shop.example/dpay\r\nX-Evil: 1"),
                         ("callbackUrl", "https://shop.example/\u0000"),
                         ("callbackUrl", "http://localhost:80@evil.com/dpay")):
        c.append({"name": f"dpay {field} {value!r} is refused",
                  "build": dict(DP_MOMO, **{field: value}), "expectError": INVALID})
    c.append({"name": "dpay merchantId with CR/LF is refused",
              "build": dict(DP_MOMO, merchantId="W-1\r\n001"), "expectError": INVALID})

    def ans(name, body, op=DP_STATUS, expect=None, error=BAD, signed=True, sig=None):
        case = {"name": name, "build": op, "response": dresp(body, signed, sig=sig)}
        if expect is not None:
            case["expect"] = expect
        else:
            case["expectError"] = error
        c.append(case)

    ok_body = '{"status":"PAYED","payment_id":"W-1001","tracking":"79DF-60B0-17F6"}'
    good = dpay_secure(ok_body)
    ans("dpay DPAY_SECURE with its Base64 case swapped -> invalid_signature", ok_body, sig=good.swapcase(),
        error=BADSIG)
    ans("dpay DPAY_SECURE one character short -> invalid_signature", ok_body, sig=good[:-3] + "=",
        error=BADSIG)
    ans("dpay DPAY_SECURE with an extra character -> invalid_signature", ok_body, sig="A" + good, error=BADSIG)
    ans("dpay DPAY_SECURE of 100 000 characters -> invalid_signature", ok_body, sig="A" * 100000, error=BADSIG)
    ans("dpay answer about another tracking (asked by tracking) -> bad_response",
        '{"status":"PAYED","payment_id":"W-1001","tracking":"EVIL-0000"}', op=DP_BY_TRK)
    ans("dpay answer about a payment_id differing only in case -> bad_response",
        '{"status":"PAYED","payment_id":"w-1001","tracking":"79DF-60B0-17F6"}')
    ans("dpay process answer about another payout -> bad_response",
        '{"payment_id":"W-EVIL","tracking":"79DF-60B0-17F6","status":"IN_PROGRESS"}',
        op={"type": "process_payout", "merchantId": "W-1001"})
    ans("dpay create answer naming another payment_id -> bad_response",
        '{"tracking":"79DF","payment_id":"W-1001 "}', op=DP_MOMO)
    ans("dpay duplicate status (FAILED, then PAYED) -> bad_response",
        '{"status":"FAILED","status":"PAYED","payment_id":"W-1001"}')
    ans("dpay duplicate payment_id -> bad_response",
        '{"status":"PAYED","payment_id":"W-EVIL","payment_id":"W-1001"}')
    ans("dpay answer nested 10000 deep -> bad_response", nested(10000))
    # (No in-field nesting case for DPay: it refuses deep nesting as bad_response, which is as safe
    # as reading the documented fields; the whole-body case above covers it.)
    ans("dpay status of type number -> bad_response", '{"status":5,"payment_id":"W-1001"}')
    ans("dpay payment_id of type object -> bad_response", '{"status":"PAYED","payment_id":{"id":"W-1001"}}')
    ans("dpay amount of type boolean -> bad_response", '{"status":"PAYED","payment_id":"W-1001","amount":true}')
    for label, rec in (("spaces", "4111 1111 1111 1111"), ("dashes", "4111-1111-1111-1111"),
                       ("NULs", "4111111\u0000111111111")):
        body = compact({"status": "FAILED", "payment_id": "W-1001", "tracking": "79DF-60B0-17F6",
                        "amount": "250.50", "currency": "visamaster.uah", "recipient": rec})
        ans(f"dpay recipient card number with {label} comes back masked", body,
            expect=payment(card={"masked": MASKED}, details={"recipient": MASKED}))
    ans("dpay validate reason with a spaced PAN comes back masked",
        compact({"is_valid": False, "reason": "card 4111 1111 1111 1111 blocked"}),
        op={"type": "validate_payout", "merchantId": "W-1001"},
        expect={"type": "validation", "valid": False, "reason": f"card {MASKED} blocked"})
    for label, msg in (("spaces", "card 4111 1111 1111 1111 is blocked"),
                       ("a NUL", "card 4111111\u0000111111111 is blocked")):
        ans(f"dpay error message with a PAN split by {label} is masked",
            compact({"error": {"code": 9, "message": msg}}),
            error=err("provider_error", message=f"DPay error 9: card {MASKED} is blocked (HTTP 200)"))

    def dcb(name, url, error=None, expect=None):
        case = {"name": name, "callback": {"method": "GET", "url": url, "headers": {}, "body": ""}}
        if error is not None:
            case["expectError"] = error
        else:
            case["expect"] = expect
        c.append(case)

    dcb("dpay status_url with a CR/LF payment_id -> bad_response",
        "https://shop.example/dpay?payment_id=W-1%0D%0AX-Evil:%201", error=BAD)
    dcb("dpay status_url with a NUL payment_id -> bad_response",
        "https://shop.example/dpay?payment_id=W-1%00", error=BAD)
    dcb("dpay status_url with a duplicate payment_id -> bad_response",
        "https://shop.example/dpay?payment_id=W-1001&payment_id=W-EVIL", error=BAD)
    dcb("dpay status_url with a 100 000 character payment_id -> bad_response",
        "https://shop.example/dpay?payment_id=" + "W" * 100000, error=BAD)
    return write("dpay.json",
                 "Hostile inputs for DPay (agent-payout-gateway.md; DESIGN §5, §8). DPAY_SECURE computed "
                 "with Python hashlib/base64.", DP, c)


# =============================================================================================
# Huge values: a 1 MB amount must give a short typed error (only the code is checked: the vector
# format has no length matcher; see the README of this folder).
# =============================================================================================
def huge():
    mb = "1" * 1_000_000
    big = "9" * 100_000
    c = [
        {"name": "paystar create_deposit with a 1 MB amount -> invalid_request",
         "config": PS_TOKENS, "build": dict(PS_CREATE, amount=mb), "expectError": INVALID},
        {"name": "tupay create_deposit with a 1 MB amount -> invalid_request",
         "config": TP, "build": dict(TP_DEPOSIT, amount=mb), "expectError": INVALID},
        {"name": "dpay create_payout with a 100 kB amount -> invalid_request",
         "config": DP, "build": dict(DP_MOMO, amount=big), "expectError": INVALID},
        {"name": "butler create_payout with a 100 kB amount -> invalid_request",
         "config": BT, "build": dict(B_CREATE, amount=big), "expectError": INVALID},
        {"name": "corefy create_deposit with a 100 kB amount -> invalid_request",
         "config": CF, "build": dict(CF_OP, amount=big), "expectError": INVALID},
        {"name": "paynet sale with a 100 kB amount -> invalid_request",
         "config": PN, "build": dict(PN_SALE, amount=big), "expectError": INVALID},
        {"name": "paystar create with a 100 kB merchantId -> invalid_request",
         "config": PS_TOKENS, "build": dict(PS_CREATE, merchantId="M" * 100_000), "expectError": INVALID},
        {"name": "paystar status answer with a 100 kB amount -> bad_response",
         "config": PS_TOKENS, "build": PS_STATUS,
         "response": resp(200, '{"externalId":"PSP-1","orderStatus":"Success","amount":' + big + "}"),
         "expectError": BAD},
        {"name": "dpay status answer with a 100 kB amount string -> bad_response",
         "config": DP, "build": DP_STATUS,
         "response": dresp('{"status":"PAYED","payment_id":"W-1001","amount":"' + big + '","currency":"mtn-ghana.ghs"}'),
         "expectError": BAD},
    ]
    return write("huge.json", "Huge values through every provider: typed errors, never a panic or an "
                 "unbounded echo (issue 11 item 3).", PS_TOKENS, c)


# =============================================================================================
# Flows ("kind": "flow", core/src/flow/vectors.rs)
# =============================================================================================
FLOW_PS = {"provider": "paystar", "depositToken": "dep-token", "payoutToken": "pay-token", "callbackKey": "cb-secret"}
FLOW_CREATE = {"type": "create_deposit", "merchantId": "M-1", "amount": "100.00", "currency": "USD",
               "paymentMethod": "p2p", "flow": "direct"}


def flow_sig(external_id, st, amount, order_type="Deposit"):
    return ps_sig(external_id, st, amount, order_type, key="cb-secret")


def ps_resp(doc):
    return resp(200, doc if isinstance(doc, str) else compact(doc))


def flow_cb(body, sig):
    return {"method": "POST", "url": "https://merchant.example/paystar/callback",
            "headers": {"Signature": sig}, "body": body}


SEND_CREATE = {"type": "send_request", "operation": {"type": "create_deposit", "merchantId": "M-1"}}
SEND_STATUS = {"type": "send_request", "operation": {"type": "get_deposit", "providerId": "PSP-1"},
               "request": {"method": "GET", "url": PS_SECURE + PS_DEP + "PSP-1/status"}}


def started(t0="2026-01-01T00:00:00Z", t1="2026-01-01T00:00:01Z"):
    return [{"poll": t0, "expect": SEND_CREATE},
            {"response": ps_resp({"externalId": "PSP-1", "orderStatus": "Created"}), "now": t1}]


def flows():
    c = []
    # Status answers naming another order never end the flow (DESIGN §8).
    c.append({"name": "flow: a status answer about another order is a bad answer: never adopted, never done, the flow waits and asks again",
              "create": FLOW_CREATE, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": started() + [
                  {"poll": "2026-01-01T00:02:01Z", "expect": SEND_STATUS},
                  {"response": ps_resp({"externalId": "PSP-OTHER", "orderStatus": "Success", "amount": 100}),
                   "now": "2026-01-01T00:02:02Z"},
                  {"poll": "2026-01-01T00:02:02Z",
                   "expect": {"type": "wait_until"}}]})
    c.append({"name": "flow: a create answer with duplicate orderStatus keys never makes the flow done",
              "create": FLOW_CREATE, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": [{"poll": "2026-01-01T00:00:00Z", "expect": SEND_CREATE},
                        {"response": ps_resp('{"externalId":"PSP-1","orderStatus":"Failed","orderStatus":"Success"}'),
                         "now": "2026-01-01T00:00:01Z"},
                        {"poll": "2026-01-01T00:00:01Z",
                         "expect": {"type": "wait_until"}}]})
    c.append({"name": "flow: a deeply nested status answer is a bad answer, the flow keeps waiting",
              "create": FLOW_CREATE, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": started() + [
                  {"poll": "2026-01-01T00:02:01Z", "expect": SEND_STATUS},
                  {"response": ps_resp(nested(10000)), "now": "2026-01-01T00:02:02Z"},
                  {"poll": "2026-01-01T00:02:02Z", "expect": {"type": "wait_until"}}]})
    # Callbacks.
    other = '{"externalId":"PSP-OTHER","status":"Success","amount":"100","orderType":"Deposit"}'
    c.append({"name": "flow: a signed callback about another order is refused and changes nothing",
              "create": FLOW_CREATE, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": started() + [
                  {"callback": flow_cb(other, flow_sig("PSP-OTHER", "Success", "100")),
                   "now": "2026-01-01T00:00:10Z", "expectError": {"code": "invalid_request"}},
                  {"poll": "2026-01-01T00:00:10Z",
                   "expect": {"type": "wait_until", "at": "2026-01-01T00:02:01Z"}}]})
    own = '{"externalId":"PSP-1","status":"Success","amount":"100","orderType":"Deposit"}'
    for label, sig in (("one digit short", flow_sig("PSP-1", "Success", "100")[:-1]),
                       ("one digit too many", flow_sig("PSP-1", "Success", "100") + "0")):
        c.append({"name": f"flow: a callback with a Signature {label} is refused and only asks for a status call",
                  "create": FLOW_CREATE, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
                  "steps": started() + [
                      {"callback": flow_cb(own, sig), "now": "2026-01-01T00:00:10Z",
                       "expectError": {"code": "invalid_signature"}},
                      {"poll": "2026-01-01T00:00:10Z", "expect": SEND_STATUS},
                      {"response": ps_resp({"externalId": "PSP-1", "orderStatus": "Processing"}),
                       "now": "2026-01-01T00:00:11Z"},
                      {"poll": "2026-01-01T00:00:11Z", "expect": {"type": "wait_until"}}]})
    dup_cb = '{"externalId":"PSP-1","status":"Processing","status":"Success","amount":"100","orderType":"Deposit"}'
    c.append({"name": "flow: a callback with duplicate status keys is refused and moves nothing",
              "create": FLOW_CREATE, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": started() + [
                  {"callback": flow_cb(dup_cb, flow_sig("PSP-1", "Success", "100")),
                   "now": "2026-01-01T00:00:10Z", "expectError": {"code": "bad_response"}},
                  {"poll": "2026-01-01T00:00:10Z",
                   "expect": {"type": "wait_until", "at": "2026-01-01T00:02:01Z"}}]})
    c.append({"name": "flow: a callback nested 10000 deep is refused and moves nothing",
              "create": FLOW_CREATE, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": started() + [
                  {"callback": flow_cb(nested(10000), flow_sig("PSP-1", "Success", "100")),
                   "now": "2026-01-01T00:00:10Z", "expectError": {"code": "bad_response"}},
                  {"poll": "2026-01-01T00:00:10Z",
                   "expect": {"type": "wait_until", "at": "2026-01-01T00:02:01Z"}}]})
    # Other providers: callbacks naming another order, unsigned fields.
    hosted = compact({"checkout_type": "HOSTED",
                      "redirect_url": "https://checkout-stg.directa24.com/v1/gateway/show?id_payment=300000025",
                      "deposit_id": 300000025, "merchant_invoice_id": "INV-0001"})
    c.append({"name": "flow (tupay): a deposit notification for another deposit_id is refused",
              "config": TP, "create": TP_DEPOSIT, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": [
                  {"poll": "2026-01-01T00:00:00Z",
                   "expect": {"type": "send_request", "operation": {"type": "create_deposit"}}},
                  {"response": resp(201, hosted), "now": "2026-01-01T00:00:01Z"},
                  {"callback": {"method": "POST", "url": "https://shop.pe/tupay/notify",
                                "headers": {"content-type": "application/json"},
                                "body": '{"deposit_id": 300000099}'},
                   "now": "2026-01-01T00:00:10Z", "expectError": {"code": "invalid_request"}},
                  {"poll": "2026-01-01T00:00:10Z", "expect": {"type": "wait_until"}}]})
    c.append({"name": "flow (dpay): a status_url call naming another payout is refused",
              "config": DP, "create": DP_MOMO, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": [
                  {"poll": "2026-01-01T00:00:00Z",
                   "expect": {"type": "send_request", "operation": {"type": "create_payout"}}},
                  {"response": dresp('{"tracking":"79DF-60B0-17F6","payment_id":"W-1001","status":"CREATED"}'),
                   "now": "2026-01-01T00:00:01Z"},
                  {"callback": {"method": "GET", "url": "https://shop.example/dpay?payment_id=W-EVIL",
                                "headers": {}, "body": ""},
                   "now": "2026-01-01T00:00:10Z", "expectError": {"code": "invalid_request"}},
                  {"poll": "2026-01-01T00:00:10Z", "expect": {"type": "wait_until"}}]})
    pn_async = "type=async-response\n&merchant-order-id=902B4FF5\n&paynet-order-id=1969596\n"
    c.append({"name": "flow (paynet): an unsigned merchant_order in a verified callback is not adopted",
              "config": PN, "create": PN_SALE, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": [
                  {"poll": "2026-01-01T00:00:00Z",
                   "expect": {"type": "send_request", "operation": {"type": "create_deposit"}}},
                  {"response": resp(200, pn_async, FORM), "now": "2026-01-01T00:00:01Z"},
                  {"callback": pn_get([("status", "approved"), ("merchant_order", "EVIL-ORDER"),
                                       ("client_orderid", "902B4FF5"), ("orderid", "1969596"),
                                       ("control", pn_cb_control("approved", "1969596", "902B4FF5"))]),
                   "now": "2026-01-01T00:00:10Z", "expect": {"status": 200}},
                  {"poll": "2026-01-01T00:00:10Z",
                   "expect": {"type": "send_request",
                              "operation": {"type": "get_deposit", "merchantId": "902B4FF5",
                                            "providerId": "1969596"}}}]})
    # Tupay: an altered cashout_id in a verified notification never becomes the order asked about.
    tp_create = {"type": "create_payout", "merchantId": "cashoutV35381", "amount": "100", "currency": "PEN",
                 "callbackUrl": "https://shop.pe/tupay/cashouts",
                 "customer": {"firstName": "Juan", "lastName": "Perez", "document": "86970864",
                              "documentType": "DNI"},
                 "bankAccount": {"interbankCode": "00219300153895206813", "accountType": "S"}}
    c.append({"name": "flow (tupay): after a lost create, a notification's unsigned cashout_id is not adopted",
              "config": TP, "create": tp_create, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": [
                  {"poll": "2026-01-01T00:00:00Z",
                   "expect": {"type": "send_request", "operation": {"type": "create_payout"}}},
                  {"transportError": "timeout", "now": "2026-01-01T00:00:30Z"},
                  {"callback": notification([("date", "2026-01-01 00:00:40"), ("external_id", "cashoutV35381"),
                                             ("control", control("cashoutV35381")), ("cashout_id", "99999")]),
                   "now": "2026-01-01T00:00:40Z", "expect": {"status": 200}},
                  {"poll": "2026-01-01T00:10:00Z",
                   "expect": {"type": "send_request",
                              "operation": {"type": "get_payout", "merchantId": "cashoutV35381",
                                            "providerId": None},
                              "request": {"json": {"external_id": "cashoutV35381"}}}}]})
    # Dates at the edges (issue 11 item 9).
    for label, now in (("year 10000", "10000-01-01T00:00:00Z"),
                       ("an offset that makes it year 10000 in UTC", "9999-12-31T23:30:00-01:00"),
                       ("an offset that makes it year -1 in UTC", "0000-01-01T00:30:00+01:00"),
                       ("CR/LF", "2026-01-01T00:00:00Z\r\n")):
        c.append({"name": f"flow: a poll at a now with {label} is refused with a typed error",
                  "create": FLOW_CREATE, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
                  "steps": [{"poll": now, "expectError": {"code": "invalid_request"}},
                            {"poll": "2026-01-01T00:00:00Z", "expect": SEND_CREATE}]})
    c.append({"name": "flow: an answer at a now of year 10000 is refused, the request stays in flight",
              "create": FLOW_CREATE, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": [{"poll": "2026-01-01T00:00:00Z", "expect": SEND_CREATE},
                        {"response": ps_resp({"externalId": "PSP-1", "orderStatus": "Created"}),
                         "now": "10000-01-01T00:00:00Z", "expectError": {"code": "invalid_request"}},
                        {"response": ps_resp({"externalId": "PSP-1", "orderStatus": "Created"}),
                         "now": "2026-01-01T00:00:01Z"},
                        {"poll": "2026-01-01T00:00:01Z",
                         "expect": {"type": "wait_until", "at": "2026-01-01T00:02:01Z"}}]})
    c.append({"name": "flow: near the end of year 9999 a next poll past the year still stores and resumes",
              "create": FLOW_CREATE, "start": "9999-12-31T23:58:00Z",
              "options": {"seed": 0, "deadlineSeconds": 60},
              "steps": [{"poll": "9999-12-31T23:58:00Z", "expect": SEND_CREATE},
                        {"response": ps_resp({"externalId": "PSP-1", "orderStatus": "Created"}),
                         "now": "9999-12-31T23:58:30Z"},
                        {"poll": "9999-12-31T23:58:40Z",
                         "expect": {"type": "wait_until", "at": "9999-12-31T23:59:00Z"}},
                        {"poll": "9999-12-31T23:59:00Z",
                         "expect": {"type": "needs_attention", "reason": "deadline_passed"}}]})
    c.append({"name": "flow: started at 9999-12-31T12:00Z (default deadline past the year) still resumes",
              "create": FLOW_CREATE, "start": "9999-12-31T12:00:00Z", "options": {"seed": 0},
              "steps": [{"poll": "9999-12-31T12:00:00Z", "expect": SEND_CREATE},
                        {"response": ps_resp({"externalId": "PSP-1", "orderStatus": "Created"}),
                         "now": "9999-12-31T12:00:01Z"},
                        {"poll": "9999-12-31T12:00:01Z",
                         "expect": {"type": "wait_until", "at": "9999-12-31T12:02:01Z"}}]})
    # Card data given to a flow never comes back unmasked in what it returns.
    card_create = {"type": "create_deposit", "merchantId": "M-1", "amount": "100.00", "currency": "USD",
                   "flow": "direct", "card": {"number": PAN, "holder": "JOHN WEAK", "expiryMonth": "12",
                                              "expiryYear": "2030", "cvv": "123"}}
    c.append({"name": "flow: a provider answer with a spaced PAN is masked in the done payment",
              "create": card_create, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": [{"poll": "2026-01-01T00:00:00Z",
                         "expect": {"type": "send_request", "operation": {"type": "create_deposit"}}},
                        {"response": ps_resp({"externalId": "PSP-1", "orderStatus": "Success", "amount": 100,
                                              "externalParams": {"cardNumber": "4111 1111 1111 1111",
                                                                 "cardHolder": "JOHN WEAK"}}),
                         "now": "2026-01-01T00:00:01Z"},
                        {"poll": "2026-01-01T00:00:01Z",
                         "expect": {"type": "done", "payment": {"card": {"masked": MASKED, "holder": "JOHN WEAK"},
                                                                "status": {"state": "succeeded"}}}}]})
    return write("flows.json",
                 "Hostile inputs through the lifecycle driver (core/src/flow/vectors.rs format): answers and "
                 "callbacks about other orders, bad signatures, unsigned ids, `now` at the edges of what "
                 "the core can write back. Signatures computed with Python hashlib/hmac.",
                 FLOW_PS, c, kind="flow")


if __name__ == "__main__":
    total = paystar() + butler() + corefy() + paynet() + tupay() + dpay() + huge() + flows()
    print(f"wrote {total} hostile cases")
