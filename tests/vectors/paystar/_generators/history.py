"""history.json: PayStar orderHistory codes decoded into events and reasons."""
from .common import *  # noqa: F401,F403 (the shared constants and case helpers)


def history():
    c = []
    v2_success = {"externalId": "7b1f3c5a-96ab-4b77-8c8a-0f7b22c9fd01", "orderStatus": "Success",
                  "amount": "__2600.0__",
                  "orderHistory": [{"time": "2025-08-01T10:00:00Z", "action": "1.1.1.00"},
                                   {"time": "2025-08-01T10:00:01Z", "action": "2.1.1.00"},
                                   {"time": "2025-08-01T10:00:05Z", "action": "4.1.3.00"}]}
    c.append({
        "name": "v2 success example: history kept in order, no reason",
        "build": {"type": "get_deposit", "providerId": "7b1f3c5a-96ab-4b77-8c8a-0f7b22c9fd01"},
        "response": ok(raw(v2_success)),
        "expect": payment(status=status("succeeded", True, "Success", None),
                          history=[{"at": "2025-08-01T10:00:00Z", "code": "1.1.1.00"},
                                   {"at": "2025-08-01T10:00:01Z", "code": "2.1.1.00"},
                                   {"at": "2025-08-01T10:00:05Z", "code": "4.1.3.00"}]),
    })
    v2_fail = {"externalId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2", "orderStatus": "Failed",
               "amount": "__2600.0__",
               "orderHistory": [{"time": "2025-08-01T10:00:00Z", "action": "1.1.1.00"},
                                {"time": "2025-08-01T10:00:01Z", "action": "2.1.1.00"},
                                {"time": "2025-08-01T10:00:05Z", "action": "4.1.4.63"}]}
    c.append({
        "name": "v2 failure example: 4.1.4.63 gives the reason ISSUER / INSUFFICIENT_FUNDS",
        "build": {"type": "get_deposit", "providerId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"},
        "response": ok(raw(v2_fail)),
        "expect": payment(status=status("failed", True, "Failed",
                                        {"code": "4.1.4.63", "message": "ISSUER / INSUFFICIENT_FUNDS"}),
                          history=[{"code": "1.1.1.00"}, {"code": "2.1.1.00"},
                                   {"at": "2025-08-01T10:00:05Z", "code": "4.1.4.63"}]),
    })
    for legacy, message, what in (("1.2.1.1", "BUSINESS / LIMIT", "pre-check limit"),
                                  ("1.2.1.4", "BUSINESS / BALANCE", "pre-check balance"),
                                  ("2.2.1.3", "TECH / INVALID_RESPONSE", "gateway invalid response"),
                                  ("2.2.2.1", "AUTHZ / 401_UNAUTHORIZED", "gateway 401"),
                                  ("3.0.1.5", "USER / CLICK_CANCEL", "user clicked cancel")):
        c.append({
            "name": f"legacy failure {legacy} ({what}) gives its reason via the v2 mapping",
            "build": {"type": "get_payout", "merchantId": "MerchID-1692410753091667"},
            "response": ok({"externalId": "f8832bdf-ce98-48e1-b3d3-023fdb7358d0", "orderStatus": "Failed",
                            "orderHistory": [{"time": "2025-07-28T09:29:51.339832", "action": "1.1.0.0"},
                                             {"time": "2025-07-28T09:29:52.339832", "action": legacy}]}),
            "expect": payment(direction="payout",
                              status=status("failed", True, "Failed", {"code": legacy, "message": message})),
        })
    c.append({
        "name": "a cascade: the latest move to failed gives the reason (2.2.4.11 retried, then 4.1.4.56)",
        "build": {"type": "get_deposit", "providerId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"},
        "response": ok({"externalId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2", "orderStatus": "Failed",
                        "orderHistory": [{"time": "2025-08-01T10:00:00Z", "action": "1.1.1.00"},
                                         {"time": "2025-08-01T10:00:01Z", "action": "2.2.4.11"},
                                         {"time": "2025-08-01T10:00:02Z", "action": "2.1.1.00"},
                                         {"time": "2025-08-01T10:00:09Z", "action": "4.1.4.56"}]}),
        "expect": payment(status=status("failed", True, "Failed",
                                        {"code": "4.1.4.56", "message": "USER / 3DS_FAILED"})),
    })
    c.append({
        "name": "a failure whose history carries no reason has reason null",
        "build": {"type": "get_deposit", "providerId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"},
        "response": ok({"externalId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2", "orderStatus": "Failed",
                        "orderHistory": [{"time": "2025-08-01T10:00:00Z", "action": "1.1.1.00"},
                                         {"time": "2025-08-01T10:00:05Z", "action": "4.1.4.00"}]}),
        "expect": payment(status=status("failed", True, "Failed", None)),
    })
    c.append({
        "name": "a successful payment carries no reason even if its history has user events",
        "build": {"type": "get_deposit", "providerId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"},
        "response": ok({"externalId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2", "orderStatus": "Success",
                        "orderHistory": [{"time": "2025-08-01T10:00:00Z", "action": "3.0.1.51"},
                                         {"time": "2025-08-01T10:00:05Z", "action": "4.1.3.00"}]}),
        "expect": payment(status=status("succeeded", True, "Success", None)),
    })
    c.append({
        "name": "an undocumented history code is kept with description null",
        "build": {"type": "get_deposit", "providerId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"},
        "response": ok({"externalId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2", "orderStatus": "Processing",
                        "orderHistory": [{"time": "2025-08-01T10:00:00Z", "action": "9.9.9.99"}]}),
        "expect": payment(status=status("processing", False, "Processing"),
                          history=[{"at": "2025-08-01T10:00:00Z", "code": "9.9.9.99", "description": None}]),
    })
    c.append({
        "name": "a history item without time keeps at null; one without action is skipped",
        "build": {"type": "get_deposit", "providerId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"},
        "response": ok({"externalId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2", "orderStatus": "Created",
                        "orderHistory": [{"action": "1.1.1.00"}, {"time": "2025-08-01T10:00:00Z"}]}),
        "expect": payment(history=[{"at": None, "code": "1.1.1.00"}]),
    })
    c.append({
        "name": "orderHistory that is not an array is a bad response",
        "build": {"type": "get_deposit", "providerId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"},
        "response": ok({"externalId": "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2", "orderStatus": "Created",
                        "orderHistory": "1.1.1.00"}),
        "expectError": err("bad_response"),
    })
    # Issue 12 item 1: the reason comes from the event that moved the payment to failed. By the
    # v2 table (A.C.B.RR): B = 4 is "payment failed"; C = 0 is an info event; stage A = 6 is the
    # merchant callback (our endpoint), which says nothing about the payment.
    fail_id = "c4c1d7b0-5b6e-4aaf-9bc2-7c1a3c7a39b2"
    issuer = {"code": "4.1.4.63", "message": "ISSUER / INSUFFICIENT_FUNDS"}
    for name, tail in (
        ("an info event after the failure (3.0.1.53, personal data entered) does not replace 4.1.4.63",
         ["3.0.1.53"]),
        ("a merchant-callback delivery failure (6.2.4.12) after 4.1.4.63 does not replace it",
         ["6.2.4.12"]),
        ("late info and merchant-callback events (3.0.1.52, 6.2.4.11, 6.2.4.12) leave 4.1.4.63 as the reason",
         ["3.0.1.52", "6.2.4.11", "6.2.4.12"]),
    ):
        hist = [{"time": "2025-08-01T10:00:00Z", "action": "1.1.1.00"},
                {"time": "2025-08-01T10:00:01Z", "action": "3.0.1.53"},
                {"time": "2025-08-01T10:00:05Z", "action": "4.1.4.63"}]
        hist += [{"time": f"2025-08-01T10:0{i + 1}:00Z", "action": a} for i, a in enumerate(tail)]
        c.append({
            "name": name,
            "build": {"type": "get_deposit", "providerId": fail_id},
            "response": ok({"externalId": fail_id, "orderStatus": "Failed", "orderHistory": hist}),
            "expect": payment(status=status("failed", True, "Failed", issuer)),
        })
    c.append({
        "name": "the payer's cancel (3.0.4.54: info, payment failed) is the event that failed the payment",
        "build": {"type": "get_deposit", "providerId": fail_id},
        "response": ok({"externalId": fail_id, "orderStatus": "Failed",
                        "orderHistory": [{"time": "2025-08-01T10:00:00Z", "action": "1.1.1.00"},
                                         {"time": "2025-08-01T10:00:01Z", "action": "3.0.1.51"},
                                         {"time": "2025-08-01T10:00:09Z", "action": "3.0.4.54"},
                                         {"time": "2025-08-01T10:01:00Z", "action": "6.2.4.12"}]}),
        "expect": payment(status=status("failed", True, "Failed",
                                        {"code": "3.0.4.54", "message": "USER / CLICK_CANCEL"})),
    })
    c.append({
        "name": "only info and merchant-callback events carry reasons: the failure has reason null",
        "build": {"type": "get_deposit", "providerId": fail_id},
        "response": ok({"externalId": fail_id, "orderStatus": "Failed",
                        "orderHistory": [{"time": "2025-08-01T10:00:00Z", "action": "1.1.1.00"},
                                         {"time": "2025-08-01T10:00:01Z", "action": "3.0.1.53"},
                                         {"time": "2025-08-01T10:00:05Z", "action": "4.1.4.00"},
                                         {"time": "2025-08-01T10:01:00Z", "action": "6.2.4.12"}]}),
        "expect": payment(status=status("failed", True, "Failed", None)),
    })
    c.append({
        "name": "a payout failed by the gateway (2.2.4.31) keeps that reason after a merchant-callback failure",
        "build": {"type": "get_payout", "merchantId": "MerchID-1692410753091667"},
        "response": ok({"externalId": "f8832bdf-ce98-48e1-b3d3-023fdb7358d0", "orderStatus": "Failed",
                        "orderHistory": [{"time": "2025-08-01T10:00:00Z", "action": "1.1.1.00"},
                                         {"time": "2025-08-01T10:00:01Z", "action": "2.2.4.31"},
                                         {"time": "2025-08-01T10:01:00Z", "action": "6.2.4.13"}]}),
        "expect": payment(direction="payout",
                          status=status("failed", True, "Failed",
                                        {"code": "2.2.4.31", "message": "BUSINESS / BALANCE"})),
    })
    return write("history.json",
                 "PayStar orderHistory: v2 A.C.B.RR and legacy X.Y.Z.W codes, failure reasons from the "
                 "documented reason dictionary and legacy->v2 mapping table.", c)
