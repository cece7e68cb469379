"""callbacks.json: PayStar order-status callbacks and their Signature header."""
import hashlib
import hmac

from .common import *  # noqa: F401,F403 (the shared constants and case helpers)


CB_KEY = "my-private-key"


def cb(body, sig=None, method="POST", sig_header="Signature"):
    headers = {"content-type": "application/json"}
    if sig is not None:
        headers[sig_header] = sig
    return {"method": method, "url": "https://merch.com/callbackUrl", "headers": headers, "body": body}


def callbacks():
    c = []
    cfg_cb = dict(KEYS, callbackKey=CB_KEY)
    # Fact-sheet worked example, checked here against the sheet's digest.
    it_sig = signature("e21ac743-9205-4a22-a634-bcd772ad770e", "Processing", "100", "Deposit", CB_KEY)
    assert it_sig == "295d8c28ba72b8a165fbd6e7f9c75ef6e64d5af8beffdfca4a5c32a03cddfe0e", it_sig
    it_body = ('{"externald":"e21ac743-9205-4a22-a634-bcd772ad770e","status":"Processing",'
               '"amount":100,"orderType":"Deposit"}')
    c.append({
        "name": "InstantTransfer example with the documented externald spelling, signed with callbackKey",
        "config": cfg_cb,
        "callback": cb(it_body, it_sig),
        "expect": {
            "verified": True,
            "payment": {"direction": "deposit", "providerId": "e21ac743-9205-4a22-a634-bcd772ad770e",
                        "amount": "100", "status": status("processing", False, "Processing")},
            "confirmWith": {"type": "get_deposit", "providerId": "e21ac743-9205-4a22-a634-bcd772ad770e"},
            "reply": {"status": 200, "body": "OK"},
        },
    })
    ps_body = ('{"externalId":"PayStar-bf95219b-393d-4323-91bf-639be","status":"Created","amount":"100",'
               '"orderType":"Deposit","externalParams":{"cardToken":"BankToken-bf95219b-393d-4323-91bf-639be",'
               '"cardStorageToken":"PayStarToken-bf95219b-393d-4323-91bf-639be",'
               '"cardHolder":"123456****1234","cardNumber":"JOHN WEAK"}}')
    ps_sig = signature("PayStar-bf95219b-393d-4323-91bf-639be", "Created", "100", "Deposit",
                       DEP_KEYS["privateKey"])
    c.append({
        "name": "PayStar example (string amount, swapped cardHolder/cardNumber) signed with the deposit privateKey",
        "callback": cb(ps_body, ps_sig),
        "expect": {
            "verified": True,
            "payment": {"direction": "deposit", "providerId": "PayStar-bf95219b-393d-4323-91bf-639be",
                        "amount": "100", "status": status("pending", False, "Created"),
                        "card": {"masked": "123456****1234", "holder": "JOHN WEAK",
                                 "token": "PayStarToken-bf95219b-393d-4323-91bf-639be",
                                 "issuerToken": "BankToken-bf95219b-393d-4323-91bf-639be"}},
            "confirmWith": {"type": "get_deposit", "providerId": "PayStar-bf95219b-393d-4323-91bf-639be"},
            "reply": {"status": 200, "body": "OK"},
        },
    })
    c.append({
        "name": "upper-case hex signature is accepted",
        "config": cfg_cb,
        "callback": cb(it_body, it_sig.upper()),
        "expect": {"verified": True},
    })
    c.append({
        "name": "header name in lower case is found",
        "config": cfg_cb,
        "callback": cb(it_body, it_sig, sig_header="signature"),
        "expect": {"verified": True},
    })
    wd_body = ('{"externalId":"a30288b2-220a-4495-9bcb-6821dcc39331","status":"Success","amount":100.00,'
               '"currency":"USD","orderType":"Withdrawal"}')
    wd_sig = signature("a30288b2-220a-4495-9bcb-6821dcc39331", "Success", "100.00", "Withdrawal",
                       PAY_KEYS["privateKey"])
    c.append({
        "name": "Withdrawal callback signed with the payout privateKey -> confirmWith get_payout",
        "callback": cb(wd_body, wd_sig),
        "expect": {
            "verified": True,
            "payment": {"direction": "payout", "providerId": "a30288b2-220a-4495-9bcb-6821dcc39331",
                        "amount": "100.00", "currency": "USD",
                        "status": status("succeeded", True, "Success"), "pollAfterSeconds": None},
            "confirmWith": {"type": "get_payout", "providerId": "a30288b2-220a-4495-9bcb-6821dcc39331"},
            "reply": {"status": 200, "body": "OK"},
        },
    })
    c.append({
        "name": "Withdrawal callback signed with the deposit privateKey -> invalid_signature",
        "callback": cb(wd_body, signature("a30288b2-220a-4495-9bcb-6821dcc39331", "Success", "100.00",
                                          "Withdrawal", DEP_KEYS["privateKey"])),
        "expectError": err("invalid_signature", retryable=False),
    })
    c.append({
        "name": "the amount is signed exactly as written: 100.00 in the body, 100 in the signature -> invalid",
        "callback": cb(wd_body, signature("a30288b2-220a-4495-9bcb-6821dcc39331", "Success", "100",
                                          "Withdrawal", PAY_KEYS["privateKey"])),
        "expectError": err("invalid_signature"),
    })
    c.append({
        "name": "wrong signature -> invalid_signature",
        "config": cfg_cb,
        "callback": cb(it_body, signature("e21ac743-9205-4a22-a634-bcd772ad770e", "Success", "100",
                                          "Deposit", CB_KEY)),
        "expectError": err("invalid_signature", retryable=False),
    })
    c.append({
        "name": "missing Signature header -> invalid_signature",
        "config": cfg_cb,
        "callback": cb(it_body),
        "expectError": err("invalid_signature"),
    })
    c.append({
        "name": "empty Signature header -> invalid_signature",
        "config": cfg_cb,
        "callback": cb(it_body, ""),
        "expectError": err("invalid_signature"),
    })
    c.append({
        "name": "HMAC instead of plain SHA-256 -> invalid_signature",
        "config": cfg_cb,
        "callback": cb(it_body, hmac.new(CB_KEY.encode(),
                                         b"e21ac743-9205-4a22-a634-bcd772ad770e;Processing;100;Deposit",
                                         hashlib.sha256).hexdigest()),
        "expectError": err("invalid_signature"),
    })
    c.append({
        "name": "a tampered status (signed Processing, body says Success) -> invalid_signature",
        "config": cfg_cb,
        "callback": cb(it_body.replace("Processing", "Success"), it_sig),
        "expectError": err("invalid_signature"),
    })
    fail_body = ('{"externalId":"c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2","status":"Failed","amount":2600.00,'
                 '"currency":"RUB","orderType":"Deposit","orderHistory":['
                 '{"time":"2025-08-01T10:00:00Z","action":"1.1.1.00"},'
                 '{"time":"2025-08-01T10:00:05Z","action":"4.1.4.63"}]}')
    c.append({
        "name": "Failed callback with orderHistory carries the failure reason",
        "callback": cb(fail_body, signature("c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2", "Failed", "2600.00",
                                            "Deposit", DEP_KEYS["privateKey"])),
        "expect": {"verified": True,
                   "payment": {"amount": "2600.00", "currency": "RUB",
                               "status": status("failed", True, "Failed",
                                                {"code": "4.1.4.63", "message": "ISSUER / INSUFFICIENT_FUNDS"})},
                   "confirmWith": {"type": "get_deposit", "providerId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"}},
    })
    low_body = ('{"externalId":"PayStar-1","status":"success","amount":"5","orderType":"Deposit"}')
    c.append({
        "name": "a signed lowercase 'success' is unknown and not final",
        "callback": cb(low_body, signature("PayStar-1", "success", "5", "Deposit", DEP_KEYS["privateKey"])),
        "expect": {"verified": True, "payment": {"status": status("unknown", False, "success")}},
    })
    pan_body = ('{"externalId":"PayStar-2","status":"Success","amount":"5","orderType":"Deposit",'
                '"externalParams":{"cardNumber":"4111111111111111","cardHolder":"JOHN WEAK"}}')
    c.append({
        "name": "a full PAN in a callback leaves the core masked 6x4",
        "callback": cb(pan_body, signature("PayStar-2", "Success", "5", "Deposit", DEP_KEYS["privateKey"])),
        "expect": {"verified": True, "payment": {"card": {"masked": "411111******1111", "holder": "JOHN WEAK"}}},
    })
    c.append({
        "name": "callbackKey is used for withdrawals too when configured",
        "config": cfg_cb,
        "callback": cb(wd_body, signature("a30288b2-220a-4495-9bcb-6821dcc39331", "Success", "100.00",
                                          "Withdrawal", CB_KEY)),
        "expect": {"verified": True, "confirmWith": {"type": "get_payout",
                                                     "providerId": "a30288b2-220a-4495-9bcb-6821dcc39331"}},
    })
    c.append({
        "name": "without callbackKey or a privateKey for the pipeline the callback cannot be verified",
        "config": TOKENS,
        "callback": cb(it_body, it_sig),
        "expectError": invalid(),
    })
    c.append({
        "name": "a callback body that is not JSON -> bad_response",
        "config": cfg_cb,
        "callback": cb("externalId=e21ac743&status=Processing", it_sig),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "a callback without orderType -> bad_response",
        "config": cfg_cb,
        "callback": cb('{"externalId":"e21ac743-9205-4a22-a634-bcd772ad770e","status":"Processing","amount":100}',
                       it_sig),
        "expectError": err("bad_response"),
    })
    c.append({
        "name": "a callback with an undocumented orderType -> bad_response",
        "config": cfg_cb,
        "callback": cb('{"externalId":"X-1","status":"Success","amount":1,"orderType":"Refund"}',
                       signature("X-1", "Success", "1", "Refund", CB_KEY)),
        "expectError": err("bad_response"),
    })
    # Issue 12 items 1 and 5 on the callback path.
    late_body = ('{"externalId":"c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2","status":"Failed","amount":2600.00,'
                 '"orderType":"Deposit","orderHistory":['
                 '{"time":"2025-08-01T10:00:00Z","action":"1.1.1.00"},'
                 '{"time":"2025-08-01T10:00:05Z","action":"4.1.4.63"},'
                 '{"time":"2025-08-01T10:01:00Z","action":"6.2.4.12"},'
                 '{"time":"2025-08-01T10:02:00Z","action":"3.0.1.53"}]}')
    c.append({
        "name": "Failed callback: later 6.2.4.12 and 3.0.1.53 events do not replace 4.1.4.63 as the reason",
        "callback": cb(late_body, signature("c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2", "Failed", "2600.00",
                                            "Deposit", DEP_KEYS["privateKey"])),
        "expect": {"verified": True,
                   "payment": {"status": status("failed", True, "Failed",
                                                {"code": "4.1.4.63", "message": "ISSUER / INSUFFICIENT_FUNDS"})}},
    })
    redirect_body = ('{"externalId":"PayStar-7","status":"Created","amount":"5","orderType":"Deposit",'
                     '"redirectUrl":"https://evil.example/pay","url":"https://evil.example/pay"}')
    c.append({
        "name": "a callback never yields a payer redirect (unsigned redirectUrl/url fields are ignored)",
        "callback": cb(redirect_body, signature("PayStar-7", "Created", "5", "Deposit", DEP_KEYS["privateKey"])),
        "expect": {"verified": True, "payment": {"status": status("pending", False, "Created"),
                                                 "nextAction": None}},
    })
    return write("callbacks.json",
                 "PayStar callbacks: Signature = lowercase hex SHA-256 of externalId;status;amount;orderType;"
                 "privateKey over the values as received (computed with Python hashlib).", c, config=KEYS)
