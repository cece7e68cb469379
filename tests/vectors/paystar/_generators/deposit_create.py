"""deposit_create.json: PayStar H2H deposit creation (fact sheet 5.1-5.3)."""
from .common import *  # noqa: F401,F403 (the shared constants and case helpers)


def deposit_create():
    c = []
    c.append({
        "name": "direct card deposit goes to the secure host with card number and redirect urls",
        "build": {
            "type": "create_deposit", "merchantId": "Merch12345", "amount": "100", "currency": "USD",
            "flow": "direct",
            "callbackUrl": "https://merch.com/callbackUrl",
            "successUrl": "https://merch.com/success",
            "failureUrl": "https://merch.com/failed",
            "processingUrl": "https://merch.com/processing",
            "card": {"number": "4111111111111111", "holder": "JOHN WEAK", "expiryMonth": "12",
                     "expiryYear": "2030", "cvv": "123"},
        },
        "expectRequest": {
            "method": "POST", "url": SECURE + DEPOSIT_PATH, "headers": create_headers(DEP_TOKEN),
            "json": {
                "amount": 100, "currency": "USD", "externalTransactionId": "Merch12345",
                "callbackUrl": "https://merch.com/callbackUrl",
                "successRedirectUrl": "https://merch.com/success",
                "failedRedirectUrl": "https://merch.com/failed",
                "processingRedirectUrl": "https://merch.com/processing",
                # holder/expiry/CVV keys are pspkit's documented choice (the docs show only
                # cardNumber): see core/src/providers/paystar/requests.rs card_details.
                "additionalFields": [{"key": "cardNumber", "value": "4111111111111111"},
                                     {"key": "cardHolder", "value": "JOHN WEAK"},
                                     {"key": "cardExpiryMonth", "value": "12"},
                                     {"key": "cardExpiryYear", "value": "2030"},
                                     {"key": "cardCvv", "value": "123"}],
            },
        },
        "response": ok({"externalId": "a64104f5-58ff-4c8f-b704-fa28f2d0cf57", "orderStatus": "Processing"}),
        "expect": payment(direction="deposit", providerId="a64104f5-58ff-4c8f-b704-fa28f2d0cf57",
                          merchantId="Merch12345", amount="100.00", currency="USD",
                          status=status("processing", False, "Processing"), nextAction=None,
                          pollAfterSeconds=120),
    })
    c.append({
        "name": "card number implies the direct flow (secure host) when flow is not given",
        "build": {"type": "create_deposit", "merchantId": "M-direct-2", "amount": "2600", "currency": "RUB",
                  "card": {"number": "4111 1111 1111 1111"}},
        "expectRequest": {
            "method": "POST", "url": SECURE + DEPOSIT_PATH,
            "json": {"amount": 2600, "currency": "RUB", "externalTransactionId": "M-direct-2",
                     "additionalFields": [{"key": "cardNumber", "value": "4111111111111111"}]},
        },
    })
    c.append({
        "name": "typed fields become additionalFields, then extras; a typed key wins over an extra",
        "build": {
            "type": "create_deposit", "merchantId": "M-fields-1", "amount": "100.00", "currency": "USD",
            "card": {"number": "4111111111111111"},
            "bankAccount": {"bankName": "SuperBank"},
            "telecomOperator": "vodafone-uk",
            "customer": {"id": "Merch-12345", "email": "Jhon.Wick@Continental-Hotel.com", "phone": "+44644012345"},
            "extras": {"type": "card", "productCode": "Merch-12345", "bankName": "OtherBank"},
        },
        "expectRequest": {
            "url": SECURE + DEPOSIT_PATH,
            "json": {"additionalFields": [
                {"key": "cardNumber", "value": "4111111111111111"},
                {"key": "bankName", "value": "SuperBank"},
                {"key": "telecomOperator", "value": "vodafone-uk"},
                {"key": "phoneNumber", "value": "+44644012345"},
                {"key": "email", "value": "Jhon.Wick@Continental-Hotel.com"},
                {"key": "payeerIdentifier", "value": "Merch-12345"},
                {"key": "productCode", "value": "Merch-12345"},
                {"key": "type", "value": "card"},
            ]},
        },
    })
    c.append({
        "name": "P2P deposit (paymentMethod p2p) needs no card and goes to the secure host",
        "build": {"type": "create_deposit", "merchantId": "M-p2p-1", "amount": "500", "currency": "RUB",
                  "paymentMethod": "p2p", "bankAccount": {"bankName": "all"}},
        "expectRequest": {
            "method": "POST", "url": SECURE + DEPOSIT_PATH,
            "json": {"amount": 500, "currency": "RUB", "externalTransactionId": "M-p2p-1",
                     "additionalFields": [{"key": "bankName", "value": "all"}]},
        },
        "response": ok({"externalId": "e21ac743-9205-4a22-a634-bcd772ad770e", "orderStatus": "Created"}),
        "expect": payment(direction="deposit", providerId="e21ac743-9205-4a22-a634-bcd772ad770e",
                          merchantId="M-p2p-1", amount="500.00", currency="RUB",
                          status=status("pending", False, "Created"), pollAfterSeconds=120),
    })
    c.append({
        "name": "token deposit goes to the token host with cardStorageToken",
        "build": {"type": "create_deposit", "merchantId": "M-token-1", "amount": "10.5", "currency": "USD",
                  "flow": "token", "card": {"token": "7b9fdcbe-10cb-4e06-b8d1-25c4b1cbb081"}},
        "expectRequest": {
            "method": "POST", "url": TOKEN_HOST + DEPOSIT_PATH, "headers": create_headers(DEP_TOKEN),
            "json": {"amount": 10.5, "currency": "USD", "externalTransactionId": "M-token-1",
                     "additionalFields": [{"key": "cardStorageToken",
                                           "value": "7b9fdcbe-10cb-4e06-b8d1-25c4b1cbb081"}]},
        },
        "response": ok({"externalId": "a64104f5-58ff-4c8f-b704-fa28f2d0cf57", "orderStatus": "Processing",
                        "externalParams": {"cardToken": None,
                                           "cardStorageToken": "7b9fdcbe-10cb-4e06-b8d1-25c4b1cbb081",
                                           "cardHolder": "JOHN WEAK", "cardNumber": "123412******1234"}}),
        "expect": payment(direction="deposit", merchantId="M-token-1", amount="10.50", currency="USD",
                          status=status("processing", False, "Processing"),
                          card={"masked": "123412******1234", "holder": "JOHN WEAK",
                                "token": "7b9fdcbe-10cb-4e06-b8d1-25c4b1cbb081", "issuerToken": None}),
    })
    c.append({
        "name": "a card token without flow implies the token host",
        "build": {"type": "create_deposit", "merchantId": "M-token-2", "amount": "1", "currency": "USD",
                  "card": {"token": "PayStarToken-bf95219b-393d-4323-91bf-639ac"}},
        "expectRequest": {"method": "POST", "url": TOKEN_HOST + DEPOSIT_PATH,
                          "json": {"additionalFields": [{"key": "cardStorageToken",
                                                         "value": "PayStarToken-bf95219b-393d-4323-91bf-639ac"}]}},
    })
    c.append({
        "name": "hosted (H2C) deposit goes to the init host without card data; Init answer asks for a redirect",
        "build": {"type": "create_deposit", "merchantId": "M-hosted-1", "amount": "100", "currency": "USD",
                  "flow": "hosted", "successUrl": "https://merch.com/success"},
        "expectRequest": {
            "method": "POST", "url": INIT + DEPOSIT_PATH, "headers": create_headers(DEP_TOKEN),
            "json": {"amount": 100, "currency": "USD", "externalTransactionId": "M-hosted-1",
                     "successRedirectUrl": "https://merch.com/success"},
        },
        "response": ok({"externalId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2", "orderStatus": "Init",
                        "redirectUrl": "https://payform.paystar.uk/pay/c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"}),
        "expect": payment(direction="deposit", providerId="c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2",
                          merchantId="M-hosted-1", status=status("requires_action", False, "Init"),
                          nextAction={"type": "redirect",
                                      "url": "https://payform.paystar.uk/pay/c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"},
                          pollAfterSeconds=120),
    })
    c.append({
        "name": "no card, no token, no flow: the hosted page on the init host",
        "build": {"type": "create_deposit", "merchantId": "M-hosted-2", "amount": "100", "currency": "USD"},
        "expectRequest": {"method": "POST", "url": INIT + DEPOSIT_PATH},
    })
    c.append({
        "name": "InstantTransfer reverse deposit posts to deposit-order/reverse with the deposit key",
        "build": {"type": "create_reverse_deposit", "merchantId": "GateWay12345", "amount": "100",
                  "currency": "USD", "card": {"number": "1234123412341234"},
                  "bankAccount": {"bankName": "SuperBank"}},
        "expectRequest": {
            "method": "POST", "url": SECURE + "/api/v1/integration/deposit-order/reverse",
            "headers": create_headers(DEP_TOKEN),
            "json": {"amount": 100, "currency": "USD", "externalTransactionId": "GateWay12345",
                     "additionalFields": [{"key": "cardNumber", "value": "1234123412341234"},
                                          {"key": "bankName", "value": "SuperBank"}]},
        },
        "response": ok({"externalId": "e21ac743-9205-4a22-a634-bcd772ad770e", "orderStatus": "Created"}),
        "expect": payment(direction="deposit", providerId="e21ac743-9205-4a22-a634-bcd772ad770e",
                          merchantId="GateWay12345", amount="100.00", currency="USD",
                          status=status("pending", False, "Created")),
    })
    base = dict(TOKENS, baseUrl="https://baseurl.com")
    for flow, extra in (("direct", {"card": {"number": "4111111111111111"}}),
                        ("token", {"card": {"token": "tok-1"}}),
                        ("hosted", {})):
        c.append({
            "name": f"baseUrl points the {flow} deposit at the InstantTransfer host",
            "config": base,
            "build": dict({"type": "create_deposit", "merchantId": f"IT-{flow}", "amount": "100",
                           "currency": "USD", "flow": flow}, **extra),
            "expectRequest": {"method": "POST", "url": "https://baseurl.com" + DEPOSIT_PATH},
        })
    c.append({
        "name": "baseUrl is normalized: host lower case, trailing slash dropped",
        "config": dict(TOKENS, baseUrl="https://BaseURL.com/"),
        "build": {"type": "create_reverse_deposit", "merchantId": "GateWay12345", "amount": "100",
                  "currency": "USD", "card": {"number": "1234123412341234"}},
        "expectRequest": {"url": "https://baseurl.com/api/v1/integration/deposit-order/reverse"},
    })
    c.append({
        "name": "a per-host override beats baseUrl for that host only (token)",
        "config": dict(TOKENS, baseUrl="https://baseurl.com",
                       hosts={"token": "https://token.example.com"}),
        "build": {"type": "create_deposit", "merchantId": "IT-token-2", "amount": "100", "currency": "USD",
                  "card": {"token": "tok-2"}},
        "expectRequest": {"url": "https://token.example.com" + DEPOSIT_PATH},
    })
    c.append({
        "name": "a per-host override of init leaves secure at the production host",
        "config": dict(TOKENS, hosts={"init": "https://payform.paystar.uk"}),
        "build": {"type": "create_deposit", "merchantId": "M-h-3", "amount": "100", "currency": "USD",
                  "flow": "hosted"},
        "expectRequest": {"url": "https://payform.paystar.uk" + DEPOSIT_PATH},
    })
    c.append({
        "name": "the local sandbox may use plain http on 127.0.0.1",
        "config": dict(TOKENS, baseUrl="http://127.0.0.1:8080"),
        "build": {"type": "create_deposit", "merchantId": "SB-1", "amount": "100", "currency": "USD",
                  "card": {"number": "4111111111111111"}},
        "expectRequest": {"url": "http://127.0.0.1:8080" + DEPOSIT_PATH},
    })
    c.append({
        "name": "plain http baseUrl on a public host is refused",
        "config": dict(TOKENS, baseUrl="http://baseurl.com"),
        "build": {"type": "get_balance", "currency": "USD"},
        "expectError": invalid(),
    })
    # Issue 12 item 2: a create answer naming another externalTransactionId is not our order.
    c.append({
        "name": "create answer with another externalTransactionId is bad_response (never replaces our id)",
        "build": {"type": "create_deposit", "merchantId": "Merch12345", "amount": "100", "currency": "USD",
                  "card": {"number": "4111111111111111"}},
        "response": ok({"externalId": "a64104f5-58ff-4c8f-b704-fa28f2d0cf57",
                        "externalTransactionId": "Merch99999", "orderStatus": "Created"}),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "payout create answer with another externalTransactionId is bad_response",
        "build": {"type": "create_payout", "merchantId": "Merch12345", "amount": "100", "currency": "USD",
                  "card": {"number": "1234123412341234"}},
        "response": ok({"externalId": "a30288b2-220a-4495-9bcb-6821dcc39331",
                        "externalTransactionId": "MerchID-other", "orderStatus": "Created"}),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "create answer echoing our externalTransactionId is read",
        "build": {"type": "create_payout", "merchantId": "Merch12345", "amount": "100", "currency": "USD",
                  "card": {"number": "1234123412341234"}},
        "response": ok({"externalId": "a30288b2-220a-4495-9bcb-6821dcc39331",
                        "externalTransactionId": "Merch12345", "orderStatus": "Created"}),
        "expect": payment(direction="payout", providerId="a30288b2-220a-4495-9bcb-6821dcc39331",
                          merchantId="Merch12345", status=status("pending", False, "Created")),
    })
    # Issue 12 item 5: the payer redirect is read from redirectUrl only (the field name is pspkit's
    # documented choice: PayStar's pages never show it), https only, http only on loopback.
    hosted = {"type": "create_deposit", "merchantId": "M-hosted-1", "amount": "100", "currency": "USD",
              "flow": "hosted"}
    hid = "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"
    for field in ("url", "link", "paymentUrl", "payUrl", "formUrl", "threeDsUrl", "acsUrl"):
        c.append({
            "name": f"a payer URL under the undocumented field {field!r} is not a redirect",
            "build": hosted,
            "response": ok({"externalId": hid, "orderStatus": "Init", field: "https://evil.example/pay"}),
            "expect": payment(status=status("requires_action", False, "Init"), nextAction=None),
        })
    c.append({
        "name": "the issue's case: \"url\":\"http://evil.example/pay\" never becomes the redirect",
        "build": hosted,
        "response": ok({"externalId": hid, "orderStatus": "Init", "url": "http://evil.example/pay"}),
        "expect": payment(nextAction=None),
    })
    for bad_url in ("http://evil.example/pay", "javascript:alert(1)", "//evil.example/pay",
                    "https://", "http://127.0.0.1.evil.example/pay", "http://localhost@evil.example/pay"):
        c.append({
            "name": f"redirectUrl {bad_url!r} (not https, not loopback http) is bad_response",
            "build": hosted,
            "response": ok({"externalId": hid, "orderStatus": "Init", "redirectUrl": bad_url}),
            "expectError": err("bad_response"),
        })
    c.append({
        "name": "a junk redirectUrl never costs a final status: Success with an http redirectUrl is read",
        "build": {"type": "get_deposit", "providerId": hid},
        "response": ok({"externalId": hid, "orderStatus": "Success", "redirectUrl": "http://evil.example/pay"}),
        "expect": payment(status=status("succeeded", True, "Success"), nextAction=None),
    })
    c.append({
        "name": "redirectUrl that is not a string is bad_response",
        "build": hosted,
        "response": ok({"externalId": hid, "orderStatus": "Init", "redirectUrl": {"href": "https://x.example"}}),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "redirectUrl null means no redirect",
        "build": hosted,
        "response": ok({"externalId": hid, "orderStatus": "Init", "redirectUrl": None}),
        "expect": payment(status=status("requires_action", False, "Init"), nextAction=None),
    })
    c.append({
        "name": "plain http redirectUrl on loopback (the local sandbox) is a redirect",
        "build": hosted,
        "response": ok({"externalId": hid, "orderStatus": "Init",
                        "redirectUrl": "http://127.0.0.1:8080/paystar/pay/" + hid}),
        "expect": payment(nextAction={"type": "redirect", "url": "http://127.0.0.1:8080/paystar/pay/" + hid}),
    })
    c.append({
        "name": "a 3DS link on a direct card deposit comes from redirectUrl too",
        "build": {"type": "create_deposit", "merchantId": "M-3ds-1", "amount": "100", "currency": "USD",
                  "card": {"number": "4111111111111111"}},
        "response": ok({"externalId": hid, "orderStatus": "Processing",
                        "redirectUrl": "https://acs.bank.example/3ds?tx=1"}),
        "expect": payment(status=status("processing", False, "Processing"),
                          nextAction={"type": "redirect", "url": "https://acs.bank.example/3ds?tx=1"}),
    })
    return write("deposit_create.json",
                 "PayStar deposit creation: direct card & P2P (secure), token (token), hosted H2C (init), "
                 "InstantTransfer reverse deposit, baseUrl and per-host overrides.", c)
