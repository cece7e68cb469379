"""Hostile input for the CoreFy bridge."""
from .common import *  # noqa: F401,F403 (fixtures, error shapes, writers)
from .butler import B_BASE


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
        c.append(answer_case(name, CF_OP, resp(code, body), expect, error))

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
