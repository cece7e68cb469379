"""Hostile input for Tupay."""
import hashlib
import hmac
from urllib.parse import urlencode

from .common import *  # noqa: F401,F403 (fixtures, error shapes, writers)


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
        c.append(answer_case(name, op, resp(code, body), expect, error))

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
