"""Hostile input for PayStar."""
import base64
import hashlib

from .common import *  # noqa: F401,F403 (fixtures, error shapes, writers)


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
        c.append(answer_case(name, op, resp(200, body), expect, error))

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
