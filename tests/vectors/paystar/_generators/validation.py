"""validation.json: PayStar bad input refused before anything is sent."""
from .common import *  # noqa: F401,F403 (the shared constants and case helpers)


def validation():
    c = []

    def bad(name, op):
        c.append({"name": name, "build": op, "expectError": invalid()})

    d = dict(DEPOSIT_OP)
    bad("empty merchantId", dict(d, merchantId=""))
    bad("merchantId of 65 characters", dict(d, merchantId="M" * 65))
    c.append({"name": "merchantId of 64 characters is accepted", "build": dict(d, merchantId="M" * 64),
              "expectRequest": {"json": {"externalTransactionId": "M" * 64}}})
    bad("merchantId with a space", dict(d, merchantId="Merch 12345"))
    bad("merchantId '..' (could never be looked up by merchant id)", dict(d, merchantId=".."))
    bad("payout merchantId '.'", dict(PAYOUT_OP, merchantId="."))
    bad("amount 0", dict(d, amount="0"))
    bad("amount 0.00", dict(d, amount="0.00"))
    bad("negative amount", dict(d, amount="-10.00"))
    bad("amount with three decimals in USD", dict(d, amount="10.001"))
    bad("amount with decimals in JPY", dict(d, amount="100.5", currency="JPY"))
    c.append({"name": "JPY whole amount is sent without decimals",
              "build": dict(d, amount="1500", currency="JPY"),
              "expectRequest": {"json": {"amount": 1500, "currency": "JPY"}}})
    bad("amount in exponent notation", dict(d, amount="1e3"))
    bad("amount with a thousands separator", dict(d, amount="1,000.00"))
    bad("empty amount", dict(d, amount=""))
    bad("unknown currency", dict(d, currency="XYZ"))
    bad("lower-case currency", dict(d, currency="usd"))
    bad("non-https callbackUrl", dict(d, callbackUrl="http://merch.com/callbackUrl"))
    bad("relative failureUrl", dict(d, failureUrl="/failed"))
    bad("successUrl with a space", dict(d, successUrl="https://merch.com/suc cess"))
    bad("direct deposit without card number", {"type": "create_deposit", "merchantId": "M-1", "amount": "100",
                                                "currency": "USD", "flow": "direct",
                                                "card": {"holder": "JOHN WEAK"}})
    bad("direct deposit without any card", {"type": "create_deposit", "merchantId": "M-1", "amount": "100",
                                            "currency": "USD", "flow": "direct"})
    bad("token deposit without token", {"type": "create_deposit", "merchantId": "M-1", "amount": "100",
                                        "currency": "USD", "flow": "token"})
    bad("hosted deposit with a card number", {"type": "create_deposit", "merchantId": "M-1", "amount": "100",
                                              "currency": "USD", "flow": "hosted",
                                              "card": {"number": "4111111111111111"}})
    bad("hosted deposit with a cvv", {"type": "create_deposit", "merchantId": "M-1", "amount": "100",
                                      "currency": "USD", "flow": "hosted", "card": {"cvv": "123"}})
    bad("card number too short", dict(d, card={"number": "411111"}))
    bad("card number with letters", dict(d, card={"number": "4111abcd11111111"}))
    bad("invalid customer email", dict(d, customer={"email": "not-an-email"}))
    bad("invalid customer phone", dict(d, customer={"phone": "call me"}))
    bad("extras value with a newline", dict(d, extras={"type": "card\nx"}))
    bad("payout with an empty merchantId", dict(PAYOUT_OP, merchantId=""))
    bad("payout amount 0", dict(PAYOUT_OP, amount="0"))
    bad("reverse deposit with a negative amount", {"type": "create_reverse_deposit", "merchantId": "GateWay12345",
                                                   "amount": "-1", "currency": "USD",
                                                   "card": {"number": "1234123412341234"}})
    bad("payout with a non-https callbackUrl", dict(PAYOUT_OP, callbackUrl="ftp://merch.com/cb"))
    bad("hosted deposit with a card holder", {"type": "create_deposit", "merchantId": "M-1", "amount": "100",
                                              "currency": "USD", "flow": "hosted", "card": {"holder": "JOHN WEAK"}})
    bad("token deposit that also carries a card number",
        {"type": "create_deposit", "merchantId": "M-1", "amount": "100", "currency": "USD", "flow": "token",
         "card": {"token": "7b9fdcbe-10cb-4e06-b8d1-25c4b1cbb081", "number": "4111111111111111"}})
    bad("an unknown operation field (a typo of callbackUrl) is refused, not ignored",
        dict(d, callbackURL="https://merch.com/callbackUrl"))
    bad("an unknown card field is refused, not ignored", dict(d, card={"number": "4111111111111111", "pan": "x"}))
    bad("card expiry month 13", dict(d, card={"number": "4111111111111111", "expiryMonth": "13"}))
    bad("card cvv of 2 digits", dict(d, card={"number": "4111111111111111", "cvv": "12"}))
    # Issue 12 item 3: hosted (H2C) deposits carry no card data, also not under a free key.
    hosted = {"type": "create_deposit", "merchantId": "M-1", "amount": "100", "currency": "USD", "flow": "hosted"}
    hosted_rule = "is card data: hosted deposits must not carry it; PayStar's page collects the card"
    for key, value in (("cardNumber", "4111111111111111"), ("CardNumber", "4111111111111111"),
                       ("card_number", "4111111111111111"), ("\u0441ardNumber", "4111111111111111"),
                       ("cvv", "123"), ("CVV2", "123"), ("cardCvv", "123"), ("cvc", "123"),
                       ("expiryMonth", "12"), ("cardExpiryYear", "2030"), ("exp_month", "12"),
                       ("cardHolder", "JOHN WEAK")):
        c.append({"name": f"hosted deposit with extras.{key} is refused, naming the field",
                  "build": dict(hosted, extras={key: value}),
                  "expectError": {"code": "invalid_request", "retryable": False,
                                  "message": f"extras.{key}: {hosted_rule}"}})
    c.append({"name": "a deposit with no card, token or flow is hosted: extras.cardNumber is refused",
              "build": {"type": "create_deposit", "merchantId": "M-1", "amount": "100", "currency": "USD",
                        "extras": {"cardNumber": "4111111111111111"}},
              "expectError": {"code": "invalid_request", "message": f"extras.cardNumber: {hosted_rule}"}})
    c.append({"name": "hosted deposit with ordinary extras (bankName, type) is sent",
              "build": dict(hosted, extras={"bankName": "all", "type": "card"}),
              "expectRequest": {"url": INIT + DEPOSIT_PATH,
                                "json": {"additionalFields": [{"key": "bankName", "value": "all"},
                                                              {"key": "type", "value": "card"}]}}})
    c.append({"name": "token deposit with extras.cvv is refused",
              "build": {"type": "create_deposit", "merchantId": "M-1", "amount": "100", "currency": "USD",
                        "card": {"token": "7b9fdcbe-10cb-4e06-b8d1-25c4b1cbb081"}, "extras": {"cvv": "123"}},
              "expectError": {"code": "invalid_request",
                              "message": "extras.cvv: is card data: token deposits send the stored token, not card data"}})
    c.append({"name": "hosted deposit with a stored card.token is refused (it would be dropped)",
              "build": dict(hosted, card={"token": "7b9fdcbe-10cb-4e06-b8d1-25c4b1cbb081"}),
              "expectError": {"code": "invalid_request",
                              "message": "card.token: hosted deposits do not use a stored token; a token deposit is flow \"token\""}})
    # Issue 12 item 4: a payout carries cardNumber only (seed 001); a CVV or expiry is refused.
    payout_rule = "a payout never carries a CVV or an expiry date (PayStar's payout takes cardNumber only)"
    for field, card in (("card.cvv", {"number": "1234123412341234", "cvv": "123"}),
                        ("card.expiryMonth", {"number": "1234123412341234", "expiryMonth": "12"}),
                        ("card.expiryYear", {"number": "1234123412341234", "expiryYear": "2030"}),
                        ("card.cvv", {"cvv": "123"})):
        op = dict(PAYOUT_OP, card=card)
        if "number" not in card:
            op["customer"] = {"phone": "+44644012345"}
        c.append({"name": f"payout with {field} is refused ({sorted(card)})", "build": op,
                  "expectError": {"code": "invalid_request", "retryable": False,
                                  "message": f"{field}: {payout_rule}"}})
    for key in ("cardCvv", "cvv", "cardExpiryMonth", "expYear"):
        c.append({"name": f"payout with extras.{key} is refused",
                  "build": dict(PAYOUT_OP, extras={key: "12"}),
                  "expectError": {"code": "invalid_request",
                                  "message": f"extras.{key}: is card security data: a payout never carries a CVV or an expiry date"}})
    c.append({"name": "payout card with a holder sends cardNumber and cardHolder only",
              "build": {"type": "create_payout", "merchantId": "Merch12345", "amount": "100", "currency": "USD",
                        "card": {"number": "1234123412341234", "holder": "JOHN WEAK"}},
              "expectRequest": {"url": SECURE + PAYOUT_PATH,
                                "json": {"amount": 100, "currency": "USD", "externalTransactionId": "Merch12345",
                                         "additionalFields": [{"key": "cardNumber", "value": "1234123412341234"},
                                                              {"key": "cardHolder", "value": "JOHN WEAK"}]}}})
    return write("validation.json",
                 "PayStar bad input: every operation field checked before anything is sent; each refusal is "
                 "invalid_request.", c)
