#!/usr/bin/env python3
"""Writes the PayStar CoreFy bridge conformance vectors (DESIGN §6): corefy.json (payment
invoices), corefy_payout.json (payout invoices and lookups), corefy_statuses.json (every row of
CoreFy's two status tables), corefy_callbacks.json (X-Signature) and corefy_php_shapes.json
(PHP's `[]` for an empty map, HTTP 429).

Every expected value is written by hand from shared/providers/paystar.md §18.4 and the upstream
CoreFy documents (paycoreio/docs; paths named where used), or computed here with Python's
standard library (hashlib, base64, json). Nothing is taken from pspkit's output.
Run: python3 tests/vectors/paystar_bridges/_generate_corefy.py
"""
import base64
import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CTX = {"now": "2026-01-01T00:00:00Z"}
BASE = "https://bridge.example.com"
CF_T = "corefy-deposit-token"
CF_P = "corefy-payout-token"
CF_KEY = "corefy-callback-secret"
CF = {"provider": "paystar_corefy", "baseUrl": BASE, "depositToken": CF_T, "payoutToken": CF_P,
      "callbackKey": CF_KEY}
REF = "12345678-1234-1234-1234-123456789012"
RET = f"https://example.com/payment/return?id={REF}"
INVOICE_OP = {"type": "create_deposit", "merchantId": REF, "amount": "100.00", "currency": "USD",
              "paymentMethod": "payment_card_usd_hpp", "description": "Transaction 123456",
              "successUrl": RET, "failureUrl": "https://example.com/payment/fail"}


def status(state, final, provider_status, reason=None):
    return {"state": state, "final": final, "providerStatus": provider_status, "reason": reason}


def resp(code, body, ctype="application/json"):
    return {"status": code, "headers": {"content-type": ctype} if ctype else {}, "body": body}


def compact(obj) -> str:
    return json.dumps(obj, separators=(",", ":"))


def x_signature(secret: str, body: str) -> str:
    """callbacks.md: base64_encode(sha1($secret . $callbackData . $secret, true))."""
    return base64.b64encode(hashlib.sha1((secret + body + secret).encode()).digest()).decode()


def write(name, description, cases, config=CF):
    doc = {"description": description, "config": config, "context": CTX, "cases": cases}
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{name}: {len(cases)} cases")


def invoice(status_word, kind="payment-invoices", id_="cpi_Xk1c2Y3a", ref=REF, **attrs):
    a = {"reference_id": ref, "status": status_word, "amount": 100, "currency": "USD",
         "service": "payment_card_usd_hpp"}
    a.update(attrs)
    return compact({"data": {"type": kind, "id": id_, "attributes": a}})


# =============================================================================================
# corefy.json: payment invoices (bridge page §18.4 request; upstream answers)
# =============================================================================================
# The page's example body, written out by hand in the page's field order (amount as 100.00).
EXAMPLE_BODY = (
    '{"data":{"type":"payment-invoices","attributes":{'
    f'"reference_id":"{REF}","description":"Transaction 123456","currency":"USD",'
    '"amount":100.00,"service":"payment_card_usd_hpp",'
    f'"return_url":"{RET}",'
    f'"return_urls":{{"success":"{RET}","fail":"https://example.com/payment/fail"}}'
    '}}}'
)

payment_cases = [
    {"name": "payment invoice: the page's JSON:API example, snake_case, deposit bearer",
     "build": INVOICE_OP,
     "expectRequest": {"method": "POST", "url": f"{BASE}/payment-invoices",
                       "headers": {"authorization": f"Bearer {CF_T}", "content-type": "application/json"},
                       "body": EXAMPLE_BODY}},
    {"name": "payment invoice: customer, callback_url, locale and metadata from extras",
     "build": {**INVOICE_OP, "callbackUrl": "https://merch.com/cb", "language": "en",
               "customer": {"id": "cust-7", "email": "jane@example.com", "firstName": "Jane", "lastName": "Doe"},
               "extras": {"order": "A-1"}},
     "expectRequest": {"json": {"data": {"type": "payment-invoices", "attributes": {
         "callback_url": "https://merch.com/cb", "locale": "en", "metadata": {"order": "A-1"},
         "customer": {"reference_id": "cust-7", "email": "jane@example.com", "name": "Jane Doe"}}}}}},
    {"name": "payment invoice without service (paymentMethod) → invalid_request",
     "build": {k: v for k, v in INVOICE_OP.items() if k != "paymentMethod"},
     "expectError": {"code": "invalid_request"}},
    {"name": "payment invoice with card data → invalid_request",
     "build": {**INVOICE_OP, "card": {"number": "4111111111111111"}},
     "expectError": {"code": "invalid_request"}},
    {"name": "payment invoice with card data under extras (cardNumber) is refused, naming the field",
     "build": {**INVOICE_OP, "extras": {"cardNumber": "4111111111111111"}},
     "expectError": {"code": "invalid_request", "message":
                     "extras.cardNumber: is card data: a CoreFy payment invoice carries none; the service's page collects it"}},
    {"name": "payment invoice with extras.cvv is refused",
     "build": {**INVOICE_OP, "extras": {"cvv": "123"}},
     "expectError": {"code": "invalid_request"}},
    {"name": "a payment invoice needs the deposit pipeline: a payout-only config is refused",
     "config": {"provider": "paystar_corefy", "baseUrl": BASE, "payoutToken": CF_P},
     "build": INVOICE_OP,
     "expectError": {"code": "invalid_request"}},
    {"name": "answer: created with hpp_url → requires_action, redirect to the page",
     "build": INVOICE_OP,
     "response": resp(201, invoice("created", hpp_url="https://pay.example.com/hpp/cpi_Xk1c2Y3a")),
     "expect": {"type": "payment", "payment": {
         "direction": "deposit", "providerId": "cpi_Xk1c2Y3a", "merchantId": REF,
         "amount": "100.00", "currency": "USD", "status": status("requires_action", False, "created"),
         "nextAction": {"type": "redirect", "url": "https://pay.example.com/hpp/cpi_Xk1c2Y3a"}}}},
    {"name": "answer: created without a page → pending",
     "build": INVOICE_OP,
     "response": resp(201, invoice("created")),
     "expect": {"type": "payment", "payment": {"status": status("pending", False, "created"), "nextAction": None}}},
    {"name": "answer: flow_data POST form → payment details with the action URL",
     "build": INVOICE_OP,
     "response": resp(201, invoice("processing", flow="redirect", flow_data={
         "action": "https://acs.bank.example/pareq", "method": "POST", "params": {"PaReq": "eJzV", "MD": "77"}})),
     "expect": {"type": "payment", "payment": {
         "status": status("processing", False, "processing"),
         "nextAction": {"type": "payment_details", "url": "https://acs.bank.example/pareq",
                        "details": {"PaReq": "eJzV", "MD": "77", "method": "POST"}}}}},
    {"name": "answer: process_failed with a resolution → failed with that reason",
     "build": INVOICE_OP,
     "response": resp(200, invoice("process_failed", resolution="insufficient_funds")),
     "expect": {"type": "payment", "payment": {"status": status(
         "failed", True, "process_failed", {"code": "insufficient_funds", "message": "insufficient funds"})}}},
    {"name": "answer: partially_processed → succeeded, the paid amount reported",
     "build": INVOICE_OP,
     "response": resp(200, invoice("partially_processed", amount=60)),
     "expect": {"type": "payment", "payment": {"amount": "60.00", "status": {
         "state": "succeeded", "providerStatus": "partially_processed",
         "reason": {"code": "partially_processed"}}}}},
    {"name": "answer: data.type other than payment-invoices is bad_response",
     "build": INVOICE_OP,
     "response": resp(201, compact({"data": {"type": "payout-invoices", "id": "cpo_1", "attributes": {"status": "created"}}})),
     "expectError": {"code": "bad_response"}},
    {"name": "answer about another reference_id is bad_response",
     "build": INVOICE_OP,
     "response": resp(201, invoice("created", ref="someone-else")),
     "expectError": {"code": "bad_response"}},
    {"name": "answer: hpp_url over plain http is bad_response, never a redirect",
     "build": INVOICE_OP,
     "response": resp(201, invoice("created", hpp_url="http://evil.example/hpp")),
     "expectError": {"code": "bad_response"}},
    {"name": "answer: flow_data.action with a javascript: URL is bad_response",
     "build": INVOICE_OP,
     "response": resp(201, invoice("created", flow_data={"action": "javascript:alert(1)", "method": "GET"})),
     "expectError": {"code": "bad_response"}},
    {"name": "answer: a junk hpp_url never costs a final status (processed is read, no redirect)",
     "build": INVOICE_OP,
     "response": resp(201, invoice("processed", hpp_url="http://evil.example/hpp")),
     "expect": {"type": "payment", "payment": {"status": status("succeeded", True, "processed"),
                                               "nextAction": None}}},
    {"name": "answer: hpp_url on loopback http (the local sandbox) is a redirect",
     "build": INVOICE_OP,
     "response": resp(201, invoice("created", hpp_url="http://127.0.0.1:8080/hpp/cpi_Xk1c2Y3a")),
     "expect": {"type": "payment", "payment": {
         "status": status("requires_action", False, "created"),
         "nextAction": {"type": "redirect", "url": "http://127.0.0.1:8080/hpp/cpi_Xk1c2Y3a"}}}},
    {"name": "error: JSON:API 422 errors[] → invalid_request with the error code",
     "build": INVOICE_OP,
     "response": resp(422, compact({"errors": [{"status": "422", "code": "invalid_amount", "title": "Invalid amount",
                                                "detail": "Amount must be positive", "source": {"pointer": "/data/attributes/amount"}}]})),
     "expectError": {"code": "invalid_request", "providerCode": "invalid_amount", "httpStatus": 422}},
    {"name": "error: PayStar's 400 1-4007 body → duplicate",
     "build": INVOICE_OP,
     "response": resp(400, compact({"label": "VALIDATION_ERROR.", "message": "order with this external_transaction_id already exists",
                                    "statusDescrption": "1-4007"})),
     "expectError": {"code": "duplicate", "providerCode": "1-4007"}},
    {"name": "error: 503 → temporarily_unavailable",
     "build": INVOICE_OP,
     "response": resp(503, "<html>Service Unavailable</html>", "text/html"),
     "expectError": {"code": "temporarily_unavailable", "retryable": True}},
    # Lookups by id only (commerce-account.md: "get Payment Invoices and Payout Invoice by ID").
    {"name": "get_deposit by providerId: GET /payment-invoices/{id} on the deposit bearer",
     "build": {"type": "get_deposit", "providerId": "cpi_UoIW6RdSYyIRj8vR"},
     "expectRequest": {"method": "GET", "url": f"{BASE}/payment-invoices/cpi_UoIW6RdSYyIRj8vR",
                       "headers": {"authorization": f"Bearer {CF_T}"}, "body": ""}},
    {"name": "get_deposit by merchantId is unsupported (CoreFy documents no lookup by reference_id)",
     "build": {"type": "get_deposit", "merchantId": REF},
     "expectError": {"code": "unsupported"}},
    {"name": "get_deposit answer about another invoice id is bad_response",
     "build": {"type": "get_deposit", "providerId": "cpi_UoIW6RdSYyIRj8vR"},
     "response": resp(200, invoice("processed", id_="cpi_SomeoneElse")),
     "expectError": {"code": "bad_response"}},
    {"name": "get_deposit answer without data.id cannot be matched: bad_response",
     "build": {"type": "get_deposit", "providerId": "cpi_UoIW6RdSYyIRj8vR"},
     "response": resp(200, compact({"data": {"type": "payment-invoices", "attributes": {"status": "processed"}}})),
     "expectError": {"code": "bad_response"}},
    {"name": "get_deposit answered 404 JSON:API → not_found",
     "build": {"type": "get_deposit", "providerId": "cpi_UoIW6RdSYyIRj8vR"},
     "response": resp(404, compact({"errors": [{"status": "404", "title": "Not found"}]})),
     "expectError": {"code": "not_found", "httpStatus": 404}},
    {"name": "get_deposit with a providerId of .. is refused (never a path segment)",
     "build": {"type": "get_deposit", "providerId": ".."},
     "expectError": {"code": "invalid_request"}},
    {"name": "get_balance is unsupported on the CoreFy bridge",
     "build": {"type": "get_balance", "currency": "USD"},
     "expectError": {"code": "unsupported"}},
]

# =============================================================================================
# corefy_payout.json: payout invoices (play-with-api.md "Create payout over Commerce Private API")
# =============================================================================================
P_REF = "f3WbQNCAMAQs2DMWLyBiKF9jwv36z1TCS"
PAYOUT_OP = {"type": "create_payout", "merchantId": P_REF, "amount": "100", "currency": "EUR",
             "description": "Test payout", "paymentMethod": "payment_card_uah",
             "card": {"number": "5404367504475264"}}
# Upstream's example attributes, in the JSON:API envelope; amount with EUR's two decimals.
PAYOUT_BODY = (
    '{"data":{"type":"payout-invoices","attributes":{'
    f'"reference_id":"{P_REF}","description":"Test payout","currency":"EUR","amount":100.00,'
    '"service":"payment_card_uah","fields":{"card_number":"5404367504475264"}}}}'
)
P_ID = "cpoi_ztg1119SQjlAk1Y2"


def payout_invoice(status_word, ref=P_REF, id_=P_ID, **attrs):
    a = {"reference_id": ref, "status": status_word, "amount": 100, "currency": "EUR",
         "fields": [], "service": "payment_card_uah"}
    a.update(attrs)
    return compact({"data": {"type": "payout-invoices", "id": id_, "attributes": a}})


payout_cases = [
    {"name": "payout invoice: upstream's example, JSON:API envelope, payout bearer",
     "build": PAYOUT_OP,
     "expectRequest": {"method": "POST", "url": f"{BASE}/payout-invoices",
                       "headers": {"authorization": f"Bearer {CF_P}", "content-type": "application/json"},
                       "body": PAYOUT_BODY}},
    {"name": "payout invoice to a bank account: account_number and the service's own fields from extras",
     "build": {"type": "create_payout", "merchantId": "BI20", "amount": "1", "currency": "USD",
               "paymentMethod": "swift_usd", "description": "test swift",
               "bankAccount": {"accountNumber": "GB94BARC193459"},
               "extras": {"swift_code": "TESTUAUKXXX", "recipient_name": "John", "country_code": "UA"},
               "callbackUrl": "https://merch.com/cb",
               "customer": {"id": "example_ref1", "email": "test@example.com"}},
     "expectRequest": {"json": {"data": {"type": "payout-invoices", "attributes": {
         "reference_id": "BI20", "service": "swift_usd", "currency": "USD",
         "fields": {"account_number": "GB94BARC193459", "swift_code": "TESTUAUKXXX",
                    "recipient_name": "John", "country_code": "UA"},
         "callback_url": "https://merch.com/cb",
         "customer": {"reference_id": "example_ref1", "email": "test@example.com"}}}}}},
    {"name": "payout invoice with a card CVV is refused (a payout carries the number only)",
     "build": {**PAYOUT_OP, "card": {"number": "5404367504475264", "cvv": "123"}},
     "expectError": {"code": "invalid_request"}},
    {"name": "payout invoice with the card number under extras is refused, naming the field",
     "build": {**{k: v for k, v in PAYOUT_OP.items() if k != "card"}, "extras": {"card_number": "5404367504475264"}},
     "expectError": {"code": "invalid_request", "message":
                     "extras.card_number: is card data: give the payee's card number as card.number"}},
    {"name": "payout invoice without service (paymentMethod) → invalid_request",
     "build": {k: v for k, v in PAYOUT_OP.items() if k != "paymentMethod"},
     "expectError": {"code": "invalid_request"}},
    {"name": "payout invoice with a successUrl is refused (none documented for payouts)",
     "build": {**PAYOUT_OP, "successUrl": "https://example.com/ok"},
     "expectError": {"code": "invalid_request"}},
    {"name": "a payout invoice needs the payout pipeline: a deposit-only config is refused",
     "config": {"provider": "paystar_corefy", "baseUrl": BASE, "depositToken": CF_T},
     "build": PAYOUT_OP,
     "expectError": {"code": "invalid_request"}},
    {"name": "payout answer: created → pending, no page",
     "build": PAYOUT_OP,
     "response": resp(201, payout_invoice("created")),
     "expect": {"type": "payment", "payment": {
         "direction": "payout", "providerId": P_ID, "merchantId": P_REF, "amount": "100.00",
         "currency": "EUR", "status": status("pending", False, "created"), "nextAction": None}}},
    {"name": "payout answer: processed → succeeded",
     "build": PAYOUT_OP,
     "response": resp(201, payout_invoice("processed", resolution="ok")),
     "expect": {"type": "payment", "payment": {"status": status("succeeded", True, "processed")}}},
    {"name": "payout answer of type payment-invoices is bad_response",
     "build": PAYOUT_OP,
     "response": resp(201, invoice("created", ref=P_REF)),
     "expectError": {"code": "bad_response"}},
    {"name": "payout answer about another reference_id is bad_response",
     "build": PAYOUT_OP,
     "response": resp(201, payout_invoice("created", ref="someone-else")),
     "expectError": {"code": "bad_response"}},
    {"name": "get_payout by providerId: GET /payout-invoices/{id} on the payout bearer",
     "build": {"type": "get_payout", "providerId": P_ID},
     "expectRequest": {"method": "GET", "url": f"{BASE}/payout-invoices/{P_ID}",
                       "headers": {"authorization": f"Bearer {CF_P}"}, "body": ""}},
    {"name": "get_payout answer: process_failed with resolution invalid_details → failed",
     "build": {"type": "get_payout", "providerId": P_ID},
     "response": resp(200, payout_invoice("process_failed", resolution="invalid_details")),
     "expect": {"type": "payment", "payment": {
         "direction": "payout", "providerId": P_ID, "merchantId": P_REF,
         "status": status("failed", True, "process_failed",
                          {"code": "invalid_details", "message": "invalid details"})}}},
    {"name": "get_payout answer about another invoice is bad_response",
     "build": {"type": "get_payout", "providerId": P_ID},
     "response": resp(200, payout_invoice("processed", id_="cpoi_Other")),
     "expectError": {"code": "bad_response"}},
    {"name": "get_payout by providerId and merchantId: an answer naming another reference_id is bad_response",
     "build": {"type": "get_payout", "providerId": P_ID, "merchantId": P_REF},
     "response": resp(200, payout_invoice("processed", ref="someone-else")),
     "expectError": {"code": "bad_response"}},
    {"name": "get_payout by merchantId is unsupported",
     "build": {"type": "get_payout", "merchantId": P_REF},
     "expectError": {"code": "unsupported"}},
    {"name": "get_payout with a deposit-only config is refused (the payout bearer is needed)",
     "config": {"provider": "paystar_corefy", "baseUrl": BASE, "depositToken": CF_T},
     "build": {"type": "get_payout", "providerId": P_ID},
     "expectError": {"code": "invalid_request"}},
]

# =============================================================================================
# corefy_statuses.json: every row of both status tables, by hand from
#   payment: paycoreio/docs docs/products/commerce/payment-invoice.md ("Status list")
#   payout:  paycoreio/docs docs/products/commerce/payout-invoice.md ("Status list")
#   + charged_back / partially_charged_back: docs/release-notes/v1.45-1.53.md ("considered final")
# Each row: (word, CoreFy's Final column, the state it means here, whether a reason is given).
# `final` expected = the Final column, except processed / partially_processed: blank upstream
# only because a refund/cancel may follow, which pspkit reports as a documented late
# transition from a final `succeeded` (core/src/providers/paystar_corefy/status.rs).
# =============================================================================================
PAYMENT_TABLE = [
    ("created", False, "pending", False),
    ("expired", True, "expired", False),
    ("terminated", True, "cancelled", True),       # "Terminated by a payer"
    ("processing", False, "processing", False),
    ("process_pending", False, "processing", True),
    ("processed", False, "succeeded", False),      # blank: "can be refunded" later
    ("partially_processed", False, "succeeded", True),
    ("process_error", False, "processing", True),
    ("process_failed", True, "failed", False),
    ("refunding", False, "processing", True),
    ("refund_pending", False, "processing", True),
    ("partially_refunded", True, "succeeded", True),
    ("refunded", True, "reversed", False),
    ("refund_error", False, "processing", True),
    ("refund_failed", True, "succeeded", True),    # the refund failed: the payment stands
    ("charged_back", True, "reversed", True),
    ("partially_charged_back", True, "succeeded", True),
]
PAYOUT_TABLE = [
    ("created", False, "pending", False),
    ("expired", True, "expired", False),
    ("terminated", True, "cancelled", True),
    ("processing", False, "processing", False),
    ("process_pending", False, "processing", True),
    ("processed", False, "succeeded", False),      # blank: "can be canceled" later
    ("partially_processed", False, "succeeded", True),
    ("process_error", False, "processing", True),
    ("process_failed", True, "failed", False),
    ("canceling", False, "processing", True),
    ("cancel_pending", False, "processing", True),
    ("partially_canceled", True, "succeeded", True),
    ("canceled", True, "reversed", False),         # the workflow image: cancel follows processed
    ("cancel_error", False, "processing", True),
    ("cancel_failed", True, "succeeded", True),
]
LATE_EXCEPTION = {"processed", "partially_processed"}


def table_cases(table, op, body_fn, what):
    out = []
    for word, final_col, state, has_reason in table:
        final = final_col or word in LATE_EXCEPTION
        assert final == (state in ("succeeded", "failed", "cancelled", "expired", "reversed"))
        st = {"state": state, "final": final, "providerStatus": word,
              "reason": {"code": word} if has_reason else None}
        note = "Final ✔" if final_col else "Final blank"
        if word in LATE_EXCEPTION:
            note += " (a later refund/cancel is a documented late transition)"
        out.append({"name": f"{what} status {word} ({note}) → {state}, final {str(final).lower()}",
                    "build": op, "response": resp(200, body_fn(word)),
                    "expect": {"type": "payment", "payment": {"status": st, "nextAction": None}}})
    return out


status_cases = table_cases(PAYMENT_TABLE, {"type": "get_deposit", "providerId": "cpi_Xk1c2Y3a"},
                           lambda w: invoice(w), "payment invoice")
status_cases += table_cases(PAYOUT_TABLE, {"type": "get_payout", "providerId": P_ID},
                            lambda w: payout_invoice(w), "payout invoice")
status_cases += [
    {"name": "payment invoice terminated with a resolution: cancelled, the resolution is the reason",
     "build": {"type": "get_deposit", "providerId": "cpi_Xk1c2Y3a"},
     "response": resp(200, invoice("terminated", resolution="customer_cancelled")),
     "expect": {"type": "payment", "payment": {"status": status(
         "cancelled", True, "terminated", {"code": "customer_cancelled", "message": "customer cancelled"})}}},
    {"name": "a payout word in a payment invoice (canceled) is unknown, never final",
     "build": {"type": "get_deposit", "providerId": "cpi_Xk1c2Y3a"},
     "response": resp(200, invoice("canceled")),
     "expect": {"type": "payment", "payment": {"status": status("unknown", False, "canceled")}}},
    {"name": "a payment word in a payout invoice (refunded) is unknown, never final",
     "build": {"type": "get_payout", "providerId": P_ID},
     "response": resp(200, payout_invoice("refunded")),
     "expect": {"type": "payment", "payment": {"status": status("unknown", False, "refunded")}}},
    {"name": "verify_failed is a card-vault status (release notes v1.22), not an invoice one: unknown",
     "build": {"type": "get_deposit", "providerId": "cpi_Xk1c2Y3a"},
     "response": resp(200, invoice("verify_failed")),
     "expect": {"type": "payment", "payment": {"status": status("unknown", False, "verify_failed")}}},
    {"name": "an undocumented status is unknown, never final",
     "build": {"type": "get_deposit", "providerId": "cpi_Xk1c2Y3a"},
     "response": resp(200, invoice("success")),
     "expect": {"type": "payment", "payment": {"status": status("unknown", False, "success")}}},
    {"name": "status words are exact: Processed is unknown",
     "build": {"type": "get_deposit", "providerId": "cpi_Xk1c2Y3a"},
     "response": resp(200, invoice("Processed")),
     "expect": {"type": "payment", "payment": {"status": status("unknown", False, "Processed")}}},
]

# =============================================================================================
# corefy_callbacks.json: X-Signature = base64(sha1(secret . raw body . secret)) (callbacks.md)
# =============================================================================================
# callbacks.md's own example, byte for byte as the page prints it (pretty, PHP's [] maps).
DOC_CALLBACK = """{
   "data":{
      "type":"payment-invoices",
      "id":"cpi_UoIW6RdSYyIRj8vR",
      "attributes":{
         "status":"process_pending",
         "resolution":"ok",
         "moderation_required":false,
         "amount":4,
         "payment_amount":4,
         "currency":"UAH",
         "service_currency":"UAH",
         "reference_id":"e2041fe2-44da-44da-0090-4ffe9d2f25d0",
         "test_mode":false,
         "fee":0,
         "deposit":4,
         "processed":null,
         "processed_amount":null,
         "processed_fee":null,
         "processed_deposit":null,
         "metadata":[

         ],
         "flow_data":{
            "action":"https://cardgate.example.io/hpp/2018e26d-8882-57f6-9a91-ac2acfeedbe3",
            "method":"GET",
            "params":[

            ]
         },
         "flow":"hpp",
         "created":1560889898,
         "updated":1560889898,
         "payload":[

         ]
      },
      "relationships":{
         "payment-service":{
            "data":{
               "type":"payment-services",
               "id":"payment_card_uah_hpp"
            }
         },
         "payment-method":{
            "data":{
               "type":"payment-methods",
               "id":"payment_card"
            }
         }
      },
      "links":{
         "self":"/api/payment-invoices/cpi_UoIW6RdSYyIRj8vR"
      }
   }
}"""
# release notes v1.54-1.65's payout-invoice callback (its // comments dropped: not JSON).
PAYOUT_CALLBACK = compact({"data": {"id": P_ID, "type": "payout-invoices", "attributes": {
    "fee": 0, "amount": 1000, "currency": "USD", "fields": [], "status": "processed",
    "payouts": [{"id": "po_4a3Bgz6YR3cRjW6k", "rrn": None, "amount": 725, "currency": "USD", "status": "processed"},
                {"id": "po_3cR4z6kgYR6aj3BW", "rrn": None, "amount": 275, "currency": "USD", "status": "processed"}]}}})
CB_URL = "https://merchant.example/corefy/callback"


def cb(body, signature=None, method="POST", **headers):
    h = {"content-type": "application/json"}
    if signature is not None:
        h["x-signature"] = signature
    h.update(headers)
    return {"method": method, "url": CB_URL, "headers": h, "body": body}


SIG_DOC = x_signature(CF_KEY, DOC_CALLBACK)
forged_body = DOC_CALLBACK.replace('"status":"process_pending"', '"status":"processed"')
assert forged_body != DOC_CALLBACK

callback_cases = [
    {"name": "the docs' own payment-invoice callback, signed: verified, confirm by the signed id, reply 200",
     "callback": cb(DOC_CALLBACK, SIG_DOC),
     "expect": {"verified": True,
                "payment": {"direction": "deposit", "providerId": "cpi_UoIW6RdSYyIRj8vR",
                            "merchantId": "e2041fe2-44da-44da-0090-4ffe9d2f25d0",
                            "amount": "4.00", "currency": "UAH",
                            "status": {"state": "processing", "final": False, "providerStatus": "process_pending",
                                       "reason": {"code": "process_pending"}},
                            "nextAction": {"type": "redirect",
                                           "url": "https://cardgate.example.io/hpp/2018e26d-8882-57f6-9a91-ac2acfeedbe3"}},
                "confirmWith": {"type": "get_deposit", "providerId": "cpi_UoIW6RdSYyIRj8vR"},
                "reply": {"status": 200}}},
    {"name": "the release notes' payout-invoice callback, signed: processed → succeeded, confirm with get_payout",
     "callback": cb(PAYOUT_CALLBACK, x_signature(CF_KEY, PAYOUT_CALLBACK)),
     "expect": {"verified": True,
                "payment": {"direction": "payout", "providerId": P_ID, "amount": "1000.00", "currency": "USD",
                            "status": status("succeeded", True, "processed")},
                "confirmWith": {"type": "get_payout", "providerId": P_ID},
                "reply": {"status": 200}}},
    {"name": "the header name is case-insensitive (X-Signature)",
     "callback": {"method": "POST", "url": CB_URL,
                  "headers": {"Content-Type": "application/json", "X-Signature": SIG_DOC}, "body": DOC_CALLBACK},
     "expect": {"verified": True, "confirmWith": {"type": "get_deposit", "providerId": "cpi_UoIW6RdSYyIRj8vR"}}},
    {"name": "forged: the body changed after signing (process_pending → processed) → invalid_signature",
     "callback": cb(forged_body, SIG_DOC),
     "expectError": {"code": "invalid_signature"}},
    {"name": "the same JSON re-serialized compactly no longer matches: the signature is over the raw bytes",
     "callback": cb(compact(json.loads(DOC_CALLBACK)), SIG_DOC),
     "expectError": {"code": "invalid_signature"}},
    {"name": "missing X-Signature → invalid_signature",
     "callback": cb(DOC_CALLBACK),
     "expectError": {"code": "invalid_signature"}},
    {"name": "empty X-Signature → invalid_signature",
     "callback": cb(DOC_CALLBACK, ""),
     "expectError": {"code": "invalid_signature"}},
    {"name": "signed with another key (the other mode's secret) → invalid_signature",
     "callback": cb(DOC_CALLBACK, x_signature("corefy-live-secret", DOC_CALLBACK)),
     "expectError": {"code": "invalid_signature"}},
    {"name": "secret only before the body (not the documented secret.body.secret) → invalid_signature",
     "callback": cb(DOC_CALLBACK, base64.b64encode(hashlib.sha1((CF_KEY + DOC_CALLBACK).encode()).digest()).decode()),
     "expectError": {"code": "invalid_signature"}},
    {"name": "hex SHA-1 instead of base64 of the raw digest → invalid_signature",
     "callback": cb(DOC_CALLBACK, hashlib.sha1((CF_KEY + DOC_CALLBACK + CF_KEY).encode()).hexdigest()),
     "expectError": {"code": "invalid_signature"}},
    {"name": "base64 compared exactly: the right signature in lower case → invalid_signature",
     "callback": cb(DOC_CALLBACK, SIG_DOC.lower()),
     "expectError": {"code": "invalid_signature"}},
    {"name": "no callbackKey configured → invalid_request naming callbackKey",
     "config": {"provider": "paystar_corefy", "baseUrl": BASE, "depositToken": CF_T},
     "callback": cb(DOC_CALLBACK, SIG_DOC),
     "expectError": {"code": "invalid_request"}},
    {"name": "a signed body of another type is bad_response (never guessed into a direction)",
     "callback": cb(compact({"data": {"type": "payment-services", "id": "x"}}),
                    x_signature(CF_KEY, compact({"data": {"type": "payment-services", "id": "x"}}))),
     "expectError": {"code": "bad_response"}},
    {"name": "a signed invoice without data.id is bad_response (no signed id to confirm by)",
     "callback": cb(compact({"data": {"type": "payment-invoices", "attributes": {"status": "processed"}}}),
                    x_signature(CF_KEY, compact({"data": {"type": "payment-invoices", "attributes": {"status": "processed"}}}))),
     "expectError": {"code": "bad_response"}},
    {"name": "a GET to the callback URL is not a CoreFy callback",
     "callback": cb(DOC_CALLBACK, SIG_DOC, method="GET"),
     "expectError": {"code": "bad_response"}},
]

# =============================================================================================
# corefy_php_shapes.json: PHP's [] for an empty map; HTTP 429 (play-with-api.md)
# =============================================================================================
php_cases = [
    {"name": "create answer with the docs' flow_data {\"params\":[]} (GET) → a redirect to the action",
     "build": INVOICE_OP,
     "response": resp(201, invoice("created", metadata=[], payload=[], flow="hpp", flow_data={
         "action": "https://cardgate.example.io/hpp/2018e26d", "method": "GET", "params": []})),
     "expect": {"type": "payment", "payment": {
         "status": status("requires_action", False, "created"),
         "nextAction": {"type": "redirect", "url": "https://cardgate.example.io/hpp/2018e26d"}}}},
    {"name": "flow_data itself as [] (release notes v1.66-1.75) → no page, pending",
     "build": INVOICE_OP,
     "response": resp(201, invoice("created", flow_data=[], return_urls=[], metadata=[])),
     "expect": {"type": "payment", "payment": {"status": status("pending", False, "created"), "nextAction": None}}},
    {"name": "a POST flow_data with params [] → payment details with the method only",
     "build": INVOICE_OP,
     "response": resp(201, invoice("processing", flow_data={
         "action": "https://acs.bank.example/pareq", "method": "POST", "params": []})),
     "expect": {"type": "payment", "payment": {
         "nextAction": {"type": "payment_details", "url": "https://acs.bank.example/pareq",
                        "details": {"method": "POST"}}}}},
    {"name": "flow_data null → no page",
     "build": INVOICE_OP,
     "response": resp(201, invoice("created", flow_data=None)),
     "expect": {"type": "payment", "payment": {"status": status("pending", False, "created"), "nextAction": None}}},
    {"name": "params as a non-empty list is not a PHP empty map: bad_response",
     "build": INVOICE_OP,
     "response": resp(201, invoice("created", flow_data={
         "action": "https://acs.bank.example/pareq", "method": "POST", "params": ["PaReq"]})),
     "expectError": {"code": "bad_response"}},
    {"name": "flow_data as a string is bad_response",
     "build": INVOICE_OP,
     "response": resp(201, invoice("created", flow_data="https://acs.bank.example/pareq")),
     "expectError": {"code": "bad_response"}},
    {"name": "a payout answer with fields [] and payouts reads as usual",
     "build": PAYOUT_OP,
     "response": resp(201, payout_invoice("processing", fields=[], metadata=[])),
     "expect": {"type": "payment", "payment": {"status": status("processing", False, "processing")}}},
    {"name": "HTTP 429 to a create: CoreFy's \"duplicate request detected\" → duplicate, not retryable",
     "build": INVOICE_OP,
     "response": resp(429, compact({"errors": [{"status": "429", "code": "too_many_requests",
                                                "title": "Too Many Requests"}]})),
     "expectError": {"code": "duplicate", "retryable": False, "httpStatus": 429,
                     "providerCode": "too_many_requests"}},
    {"name": "HTTP 429 with no body to a payout create → duplicate",
     "build": PAYOUT_OP,
     "response": resp(429, "", None),
     "expectError": {"code": "duplicate", "retryable": False, "httpStatus": 429}},
    {"name": "HTTP 429 to a status call (a GET is never a duplicate) → temporarily_unavailable, retryable",
     "build": {"type": "get_deposit", "providerId": "cpi_Xk1c2Y3a"},
     "response": resp(429, compact({"errors": [{"status": "429", "title": "Too Many Requests"}]})),
     "expectError": {"code": "temporarily_unavailable", "retryable": True, "httpStatus": 429}},
]

if __name__ == "__main__":
    write("corefy.json", "PayStar CoreFy bridge: payment invoices and lookups (paystar.md §18.4; upstream "
          "paycoreio/docs for answers, lookups by id and errors)", payment_cases)
    write("corefy_payout.json", "PayStar CoreFy bridge: payout invoices (paycoreio/docs "
          "docs/getting-started/play-with-api.md; batch-example.csv for fields)", payout_cases)
    write("corefy_statuses.json", "PayStar CoreFy bridge: every row of CoreFy's payment- and payout-invoice "
          "status tables, final per the Final column (paycoreio/docs docs/products/commerce/)", status_cases)
    write("corefy_callbacks.json", "PayStar CoreFy bridge callbacks: X-Signature = base64(sha1(secret.body.secret)) "
          "(paycoreio/docs docs/integration/callbacks.md), computed with hashlib", callback_cases)
    write("corefy_php_shapes.json", "PayStar CoreFy bridge: PHP's [] for an empty map and HTTP 429 "
          "(paycoreio/docs callbacks.md, play-with-api.md)", php_cases)
