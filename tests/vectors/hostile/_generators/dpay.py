"""Hostile input for DPay."""
import base64
import hashlib

from .common import *  # noqa: F401,F403 (fixtures, error shapes, writers)


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
        c.append(answer_case(name, op, dresp(body, signed, sig=sig), expect, error))

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
