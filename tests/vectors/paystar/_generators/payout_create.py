"""payout_create.json: PayStar H2H payout creation."""
from .common import *  # noqa: F401,F403 (the shared constants and case helpers)


def payout_create():
    c = []
    c.append({
        "name": "Payout H2H cURL example 1 (seed 001): USD, cardNumber and bankName",
        "build": {"type": "create_payout", "merchantId": "Merch12345", "amount": "100", "currency": "USD",
                  "card": {"number": "1234123412341234"}, "bankAccount": {"bankName": "SuperBank"}},
        "expectRequest": {
            "method": "POST", "url": SECURE + PAYOUT_PATH, "headers": create_headers(PAY_TOKEN),
            "json": {"amount": 100, "currency": "USD", "externalTransactionId": "Merch12345",
                     "additionalFields": [{"key": "cardNumber", "value": "1234123412341234"},
                                          {"key": "bankName", "value": "SuperBank"}]},
        },
        "response": ok({"externalId": "a30288b2-220a-4495-9bcb-6821dcc39331", "orderStatus": "Created"}),
        "expect": payment(direction="payout", providerId="a30288b2-220a-4495-9bcb-6821dcc39331",
                          merchantId="Merch12345", amount="100.00", currency="USD",
                          status=status("pending", False, "Created"), nextAction=None, pollAfterSeconds=120),
    })
    c.append({
        "name": "Payout H2H request example 2 (seed 001): RUB with callback and redirect urls, payee id, email",
        "build": {"type": "create_payout", "merchantId": "MerchID-1692410753091667", "amount": "100",
                  "currency": "RUB",
                  "callbackUrl": "https://merch.com/callbackUrl",
                  "processingUrl": "https://merch.com/processing",
                  "failureUrl": "https://merch.com/failed",
                  "successUrl": "https://merch.com/success",
                  "card": {"number": "1234123412341234"},
                  "customer": {"id": "Merch-12345", "email": "Jhon.Wick@Continental-Hotel.com"}},
        "expectRequest": {
            "method": "POST", "url": SECURE + PAYOUT_PATH, "headers": create_headers(PAY_TOKEN),
            "json": {"amount": 100, "currency": "RUB", "externalTransactionId": "MerchID-1692410753091667",
                     "callbackUrl": "https://merch.com/callbackUrl",
                     "processingRedirectUrl": "https://merch.com/processing",
                     "failedRedirectUrl": "https://merch.com/failed",
                     "successRedirectUrl": "https://merch.com/success",
                     "additionalFields": [{"key": "cardNumber", "value": "1234123412341234"},
                                          {"key": "email", "value": "Jhon.Wick@Continental-Hotel.com"},
                                          {"key": "payeerIdentifier", "value": "Merch-12345"}]},
        },
        "response": ok({"externalId": "a30288b2-220a-4495-9bcb-6821dcc39331", "orderStatus": "Created"}),
        "expect": payment(direction="payout", merchantId="MerchID-1692410753091667", amount="100.00",
                          currency="RUB", status=status("pending", False, "Created")),
    })
    c.append({
        "name": "payout to a phone with its telecom operator",
        "build": {"type": "create_payout", "merchantId": "M-phone-1", "amount": "25.00", "currency": "GBP",
                  "customer": {"phone": "+44644012345"}, "telecomOperator": "vodafone-uk"},
        "expectRequest": {
            "url": SECURE + PAYOUT_PATH,
            "json": {"amount": 25, "currency": "GBP",
                     "additionalFields": [{"key": "telecomOperator", "value": "vodafone-uk"},
                                          {"key": "phoneNumber", "value": "+44644012345"}]},
        },
    })
    c.append({
        "name": "payout to a bank account",
        "build": {"type": "create_payout", "merchantId": "M-bank-1", "amount": "1000", "currency": "RUB",
                  "bankAccount": {"bankName": "SuperBank", "accountNumber": "40817810099910004312"}},
        "expectRequest": {
            "url": SECURE + PAYOUT_PATH,
            "json": {"additionalFields": [{"key": "bankName", "value": "SuperBank"},
                                          {"key": "accountNumber", "value": "40817810099910004312"}]},
        },
    })
    c.append({
        "name": "payout with both pipelines configured carries the payout token, never the deposit token",
        "build": {"type": "create_payout", "merchantId": "M-sep-1", "amount": "100", "currency": "USD",
                  "card": {"number": "1234123412341234"}},
        "expectRequest": {"headers": {"authorization": "Bearer " + PAY_TOKEN}},
    })
    c.append({
        "name": "payout without any destination is refused",
        "build": {"type": "create_payout", "merchantId": "M-nodest", "amount": "100", "currency": "USD"},
        "expectError": invalid(),
    })
    c.append({
        "name": "payout answered Success directly",
        "build": {"type": "create_payout", "merchantId": "M-fast-1", "amount": "100", "currency": "USD",
                  "card": {"number": "1234123412341234"}},
        "response": ok({"externalId": "f8832bdf-ce98-48e1-b3d3-023fdb7358d0", "orderStatus": "Success"}),
        "expect": payment(direction="payout", status=status("succeeded", True, "Success"),
                          pollAfterSeconds=None),
    })
    c.append({
        "name": "payout with baseUrl goes to the InstantTransfer host",
        "config": dict(TOKENS, baseUrl="https://baseurl.com"),
        "build": {"type": "create_payout", "merchantId": "Merch12345", "amount": "100", "currency": "USD",
                  "card": {"number": "1234123412341234"}, "bankAccount": {"bankName": "SuperBank"}},
        "expectRequest": {"method": "POST", "url": "https://baseurl.com" + PAYOUT_PATH},
    })
    c.append({
        "name": "payout with a secure-host override",
        "config": dict(TOKENS, hosts={"secure": "https://secure.example.com"}),
        "build": {"type": "create_payout", "merchantId": "Merch12345", "amount": "100", "currency": "USD",
                  "card": {"number": "1234123412341234"}},
        "expectRequest": {"url": "https://secure.example.com" + PAYOUT_PATH},
    })
    return write("payout_create.json",
                 "PayStar Payout H2H (seed 001 examples), destinations, pipeline separation, host overrides.", c)
