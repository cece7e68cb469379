"""Hostile input for the Butler bridge."""
from .common import *  # noqa: F401,F403 (fixtures, error shapes, writers)


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
        c.append(answer_case(name, op, resp(200, body), expect, error))

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
