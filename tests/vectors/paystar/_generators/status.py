"""status.json: PayStar status answers read into the normalized payment."""
from .common import *  # noqa: F401,F403 (the shared constants and case helpers)


FAILED_DOC = {  # Deposit status - PayStar ID example (fact sheet 5.5)
    "externalId": "ad66a2ff-97d1-47c5-8552-53752a51f031", "orderStatus": "Failed", "amount": "__2600.00__",
    "externalParams": {"cardToken": None, "cardStorageToken": None, "cardHolder": None, "cardNumber": None},
    "orderHistory": [{"time": "2025-07-28T09:29:51.339832", "action": "1.1.0.0"},
                     {"time": "2025-07-28T09:29:51.339832", "action": "4.1.0.0"}],
}


def status_cases():
    c = []
    c.append({
        "name": "deposit status by PayStar id: GET .../deposit-order/{externalId}/status, Failed example",
        "build": {"type": "get_deposit", "providerId": "ad66a2ff-97d1-47c5-8552-53752a51f031"},
        "expectRequest": {
            "method": "GET",
            "url": SECURE + "/api/v1/integration/deposit-order/ad66a2ff-97d1-47c5-8552-53752a51f031/status",
            "headers": {"authorization": "Bearer " + DEP_TOKEN, "content-type": "application/json"},
            "body": "",
        },
        "response": ok(raw(FAILED_DOC)),
        "expect": payment(direction="deposit", providerId="ad66a2ff-97d1-47c5-8552-53752a51f031",
                          merchantId=None, amount="2600.00",
                          status=status("failed", True, "Failed", None), nextAction=None, card=None,
                          history=[{"at": "2025-07-28T09:29:51.339832", "code": "1.1.0.0"},
                                   {"at": "2025-07-28T09:29:51.339832", "code": "4.1.0.0"}],
                          pollAfterSeconds=None),
    })
    success_doc = {
        "externalId": "PSP-bf95219b-393d-4323-91bf-639ac", "orderStatus": "Success", "amount": "__2600.00__",
        "externalParams": {"cardToken": "BankToken-bf95219b-393d-4323-91bf-639ac",
                           "cardStorageToken": "PayStarToken-bf95219b-393d-4323-91bf-639ac",
                           "cardNumber": "123456****1234", "cardHolder": "JOHN WEAK"},
        "orderHistory": [{"time": "2025-07-28T09:29:51.339832", "action": "1.1.0.0"},
                         {"time": "2025-07-28T09:29:51.339832", "action": "4.1.0.0"}],
    }
    c.append({
        "name": "deposit status by merchant id (seed 002): status-by-external-transaction-id, Success example",
        "build": {"type": "get_deposit", "merchantId": "7e586998-31b0-41f3-8746-4a93a1aca802"},
        "expectRequest": {
            "method": "GET",
            "url": SECURE + "/api/v1/integration/deposit-order/7e586998-31b0-41f3-8746-4a93a1aca802"
                            "/status-by-external-transaction-id",
            "headers": {"authorization": "Bearer " + DEP_TOKEN},
        },
        "response": ok(raw(success_doc)),
        "expect": payment(direction="deposit", providerId="PSP-bf95219b-393d-4323-91bf-639ac",
                          merchantId="7e586998-31b0-41f3-8746-4a93a1aca802", amount="2600.00",
                          status=status("succeeded", True, "Success", None),
                          card={"masked": "123456****1234", "holder": "JOHN WEAK",
                                "token": "PayStarToken-bf95219b-393d-4323-91bf-639ac",
                                "issuerToken": "BankToken-bf95219b-393d-4323-91bf-639ac"},
                          pollAfterSeconds=None),
    })
    payout_example = {"externalId": "PSP-bf95219b-393d-4323-91bf-639ac", "orderStatus": "Success",
                      "orderHistory": [{"time": "2025-07-28T09:29:51.339832", "action": "1.1.0.0"},
                                       {"time": "2025-07-28T09:29:51.339832", "action": "4.1.0.0"}]}
    c.append({
        "name": "payout status by PayStar id: withdrawal-order/{externalId}/status, example without amount",
        "build": {"type": "get_payout", "providerId": "PSP-bf95219b-393d-4323-91bf-639ac"},
        "expectRequest": {
            "method": "GET",
            "url": SECURE + "/api/v1/integration/withdrawal-order/PSP-bf95219b-393d-4323-91bf-639ac/status",
            "headers": {"authorization": "Bearer " + PAY_TOKEN},
        },
        "response": ok(payout_example),
        "expect": payment(direction="payout", providerId="PSP-bf95219b-393d-4323-91bf-639ac", amount=None,
                          status=status("succeeded", True, "Success"), card=None),
    })
    # The page's own pair: asked for 11b57a18-..., answered about PSP-bf95219b-... . An answer
    # naming another order than the one asked for is bad_response (DESIGN section 8; issue 12 item 2).
    c.append({
        "name": "the page's example pair (asked 11b57a18-..., answered PSP-bf95219b-...) is an answer about another order",
        "build": {"type": "get_payout", "providerId": "11b57a18-184a-4c76-a5f1-b581a4fc1edf"},
        "expectRequest": {
            "method": "GET",
            "url": SECURE + "/api/v1/integration/withdrawal-order/11b57a18-184a-4c76-a5f1-b581a4fc1edf/status",
        },
        "response": ok(payout_example),
        "expectError": err("bad_response", retryable=False),
    })
    c.append({
        "name": "deposit status by PayStar id answered Success about another externalId is bad_response, not success",
        "build": {"type": "get_deposit", "providerId": "ad66a2ff-97d1-47c5-8552-53752a51f031"},
        "response": ok(raw({"externalId": "PSP-someone-else", "orderStatus": "Success", "amount": "__2600.00__"})),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "status by merchant id whose answer names another externalTransactionId is bad_response",
        "build": {"type": "get_deposit", "merchantId": "7e586998-31b0-41f3-8746-4a93a1aca802"},
        "response": ok({"externalId": "PSP-bf95219b-393d-4323-91bf-639ac",
                        "externalTransactionId": "another-merchant-order", "orderStatus": "Success"}),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "status by merchant id whose answer echoes the same externalTransactionId is read",
        "build": {"type": "get_payout", "merchantId": "MerchID-1692410753091667"},
        "response": ok({"externalId": "f8832bdf-ce98-48e1-b3d3-023fdb7358d0",
                        "externalTransactionId": "MerchID-1692410753091667", "orderStatus": "Processing"}),
        "expect": payment(direction="payout", providerId="f8832bdf-ce98-48e1-b3d3-023fdb7358d0",
                          merchantId="MerchID-1692410753091667", status=status("processing", False, "Processing")),
    })
    c.append({
        "name": "payout status by merchant id: Processing example",
        "build": {"type": "get_payout", "merchantId": "MerchID-1692410753091667"},
        "expectRequest": {
            "method": "GET",
            "url": SECURE + "/api/v1/integration/withdrawal-order/MerchID-1692410753091667"
                            "/status-by-external-transaction-id",
            "headers": {"authorization": "Bearer " + PAY_TOKEN},
        },
        "response": ok({"externalId": "f8832bdf-ce98-48e1-b3d3-023fdb7358d0", "orderStatus": "Processing",
                        "orderHistory": [{"time": "2025-07-28T09:29:51.339832", "action": "4.1.0.0"}]}),
        "expect": payment(direction="payout", providerId="f8832bdf-ce98-48e1-b3d3-023fdb7358d0",
                          merchantId="MerchID-1692410753091667",
                          status=status("processing", False, "Processing"), pollAfterSeconds=120,
                          history=[{"at": "2025-07-28T09:29:51.339832", "code": "4.1.0.0"}]),
    })
    c.append({
        "name": "status calls use the secure host even with an init override",
        "config": dict(TOKENS, hosts={"init": "https://init.example.com"}),
        "build": {"type": "get_deposit", "providerId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"},
        "expectRequest": {"url": SECURE + "/api/v1/integration/deposit-order/c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2/status"},
    })
    c.append({
        "name": "status with baseUrl goes to the InstantTransfer host",
        "config": dict(TOKENS, baseUrl="https://baseurl.com"),
        "build": {"type": "get_payout", "providerId": "11b57a18-184a-4c76-a5f1-b581a4fc1edf"},
        "expectRequest": {"url": "https://baseurl.com/api/v1/integration/withdrawal-order/11b57a18-184a-4c76-a5f1-b581a4fc1edf/status"},
    })
    # every status value
    table = [
        ("Init", "requires_action", False),
        ("Created", "pending", False),
        ("Processing", "processing", False),
        ("Success", "succeeded", True),
        ("Failed", "failed", True),
        ("Pending", "unknown", False),
        ("success", "unknown", False),
        ("Successful", "unknown", False),
        ("", "unknown", False),
    ]
    for word, state, final in table:
        c.append({
            "name": f"deposit orderStatus {word!r} -> {state}",
            "build": {"type": "get_deposit", "providerId": "7b1f3c5a-96ab-4b77-8c8a-0f7b22c9fd01"},
            "response": ok({"externalId": "7b1f3c5a-96ab-4b77-8c8a-0f7b22c9fd01", "orderStatus": word,
                            "amount": 100}),
            "expect": payment(status={"state": state, "final": final, "providerStatus": word},
                              pollAfterSeconds=None if final else 120),
        })
    c.append({
        "name": "a payout reported as Init is unknown (payouts have no Init), not requires_action",
        "build": {"type": "get_payout", "providerId": "f8832bdf-ce98-48e1-b3d3-023fdb7358d0"},
        "response": ok({"externalId": "f8832bdf-ce98-48e1-b3d3-023fdb7358d0", "orderStatus": "Init"}),
        "expect": payment(direction="payout", status=status("unknown", False, "Init"), pollAfterSeconds=120),
    })
    c.append({
        "name": "a negative order amount is not what PayStar documents",
        "build": {"type": "get_deposit", "providerId": "7b1f3c5a-96ab-4b77-8c8a-0f7b22c9fd01"},
        "response": ok('{"externalId":"7b1f3c5a-96ab-4b77-8c8a-0f7b22c9fd01","orderStatus":"Success","amount":-100}'),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "a missing orderStatus is unknown, not final",
        "build": {"type": "get_payout", "providerId": "f8832bdf-ce98-48e1-b3d3-023fdb7358d0"},
        "response": ok({"externalId": "f8832bdf-ce98-48e1-b3d3-023fdb7358d0"}),
        "expect": payment(direction="payout", status=status("unknown", False, None), pollAfterSeconds=120),
    })
    c.append({
        "name": "orderStatus null is unknown, not final",
        "build": {"type": "get_payout", "providerId": "f8832bdf-ce98-48e1-b3d3-023fdb7358d0"},
        "response": ok('{"externalId":"f8832bdf-ce98-48e1-b3d3-023fdb7358d0","orderStatus":null}'),
        "expect": payment(direction="payout", status=status("unknown", False, None)),
    })
    # amounts
    for label, literal, expected in (
        ("number with two decimals", "2600.00", "2600.00"),
        ("string with two decimals", '"2600.00"', "2600.00"),
        ("integer number", "100", "100"),
        ("integer string (callback style)", '"100"', "100"),
    ):
        c.append({
            "name": f"amount as {label}",
            "build": {"type": "get_deposit", "providerId": "PSP-bf95219b-393d-4323-91bf-639ac"},
            "response": ok('{"externalId":"PSP-bf95219b-393d-4323-91bf-639ac","orderStatus":"Success",'
                           f'"amount":{literal}}}'),
            "expect": payment(amount=expected, status=status("succeeded", True, "Success")),
        })
    c.append({
        "name": "a create answer without amount keeps the requested amount in the currency's decimals",
        "build": {"type": "create_deposit", "merchantId": "M-amt-1", "amount": "2600", "currency": "RUB",
                  "card": {"number": "4111111111111111"}},
        "response": ok({"externalId": "ad66a2ff-97d1-47c5-8552-53752a51f031", "orderStatus": "Created"}),
        "expect": payment(amount="2600.00", currency="RUB"),
    })
    c.append({
        "name": "an amount that is not a decimal is a bad response",
        "build": {"type": "get_deposit", "providerId": "PSP-1"},
        "response": ok('{"externalId":"PSP-1","orderStatus":"Success","amount":"one hundred"}'),
        "expectError": err("bad_response", retryable=False),
    })
    c.append({
        "name": "an amount of type boolean is a bad response",
        "build": {"type": "get_deposit", "providerId": "PSP-1"},
        "response": ok('{"externalId":"PSP-1","orderStatus":"Success","amount":true}'),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "an amount in exponent notation is a bad response (no floats)",
        "build": {"type": "get_deposit", "providerId": "PSP-1"},
        "response": ok('{"externalId":"PSP-1","orderStatus":"Success","amount":2.6e3}'),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "orderStatus of the wrong type is a bad response",
        "build": {"type": "get_deposit", "providerId": "PSP-1"},
        "response": ok('{"externalId":"PSP-1","orderStatus":5}'),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "an object with neither externalId nor orderStatus is a bad response",
        "build": {"type": "get_deposit", "providerId": "PSP-1"},
        "response": ok("{}"),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "a status call with both ids is refused",
        "build": {"type": "get_deposit", "providerId": "PSP-1", "merchantId": "M-1"},
        "expectError": invalid(),
    })
    c.append({
        "name": "a status call with no id is refused",
        "build": {"type": "get_payout"},
        "expectError": invalid(),
    })
    c.append({
        "name": "a provider id that would break the URL path is refused",
        "build": {"type": "get_deposit", "providerId": "../balance"},
        "expectError": invalid(),
    })
    for field, op_type in (("merchantId", "get_deposit"), ("providerId", "get_payout")):
        for dots in (".", ".."):
            c.append({
                "name": f"{op_type} {field} {dots!r} is refused (a dot segment would change the URL path)",
                "build": {"type": op_type, field: dots},
                "expectError": invalid(),
            })
    c.append({
        "name": "dots inside an id are ordinary characters",
        "build": {"type": "get_deposit", "merchantId": "a..b"},
        "expectRequest": {"url": SECURE + "/api/v1/integration/deposit-order/a..b/status-by-external-transaction-id"},
    })
    c.append({
        "name": "an empty merchant id in a status call is refused",
        "build": {"type": "get_payout", "merchantId": ""},
        "expectError": invalid(),
    })
    return write("status.json",
                 "PayStar status calls: deposit/payout by PayStar id and merchant id (doc examples), every "
                 "status value, amounts as numbers and strings.", c)
