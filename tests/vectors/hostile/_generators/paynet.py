"""Hostile input for the PayNetEasy bridge."""
import hashlib
from urllib.parse import urlencode

from .common import *  # noqa: F401,F403 (fixtures, error shapes, writers)
from .butler import B_BASE


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
        c.append(answer_case(name, op, resp(200, body, ctype), expect, error))

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
