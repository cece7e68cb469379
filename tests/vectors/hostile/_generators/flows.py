"""Hostile input for flows."""
from .common import *  # noqa: F401,F403 (fixtures, error shapes, writers)
from .dpay import DP, DP_MOMO, dresp
from .paynet import FORM, PN, pn_cb_control, pn_get, PN_SALE
from .paystar import PS_DEP, PS_SECURE, ps_sig
from .tupay import control, notification, TP, TP_DEPOSIT


# =============================================================================================
# Flows ("kind": "flow", core/src/flow/vectors.rs)
# =============================================================================================
FLOW_PS = {"provider": "paystar", "depositToken": "dep-token", "payoutToken": "pay-token", "callbackKey": "cb-secret"}
FLOW_CREATE = {"type": "create_deposit", "merchantId": "M-1", "amount": "100.00", "currency": "USD",
               "paymentMethod": "p2p", "flow": "direct"}


def flow_sig(external_id, st, amount, order_type="Deposit"):
    return ps_sig(external_id, st, amount, order_type, key="cb-secret")


def ps_resp(doc):
    return resp(200, doc if isinstance(doc, str) else compact(doc))


def flow_cb(body, sig):
    return {"method": "POST", "url": "https://merchant.example/paystar/callback",
            "headers": {"Signature": sig}, "body": body}


SEND_CREATE = {"type": "send_request", "operation": {"type": "create_deposit", "merchantId": "M-1"}}
SEND_STATUS = {"type": "send_request", "operation": {"type": "get_deposit", "providerId": "PSP-1"},
               "request": {"method": "GET", "url": PS_SECURE + PS_DEP + "PSP-1/status"}}


def started(t0="2026-01-01T00:00:00Z", t1="2026-01-01T00:00:01Z"):
    return [{"poll": t0, "expect": SEND_CREATE},
            {"response": ps_resp({"externalId": "PSP-1", "orderStatus": "Created"}), "now": t1}]


def flows():
    c = []
    # Status answers naming another order never end the flow (DESIGN §8).
    c.append({"name": "flow: a status answer about another order is a bad answer: never adopted, never done, the flow waits and asks again",
              "create": FLOW_CREATE, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": started() + [
                  {"poll": "2026-01-01T00:02:01Z", "expect": SEND_STATUS},
                  {"response": ps_resp({"externalId": "PSP-OTHER", "orderStatus": "Success", "amount": 100}),
                   "now": "2026-01-01T00:02:02Z"},
                  {"poll": "2026-01-01T00:02:02Z",
                   "expect": {"type": "wait_until"}}]})
    c.append({"name": "flow: a create answer with duplicate orderStatus keys never makes the flow done",
              "create": FLOW_CREATE, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": [{"poll": "2026-01-01T00:00:00Z", "expect": SEND_CREATE},
                        {"response": ps_resp('{"externalId":"PSP-1","orderStatus":"Failed","orderStatus":"Success"}'),
                         "now": "2026-01-01T00:00:01Z"},
                        {"poll": "2026-01-01T00:00:01Z",
                         "expect": {"type": "wait_until"}}]})
    c.append({"name": "flow: a deeply nested status answer is a bad answer, the flow keeps waiting",
              "create": FLOW_CREATE, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": started() + [
                  {"poll": "2026-01-01T00:02:01Z", "expect": SEND_STATUS},
                  {"response": ps_resp(nested(10000)), "now": "2026-01-01T00:02:02Z"},
                  {"poll": "2026-01-01T00:02:02Z", "expect": {"type": "wait_until"}}]})
    # Callbacks.
    other = '{"externalId":"PSP-OTHER","status":"Success","amount":"100","orderType":"Deposit"}'
    c.append({"name": "flow: a signed callback about another order is refused and changes nothing",
              "create": FLOW_CREATE, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": started() + [
                  {"callback": flow_cb(other, flow_sig("PSP-OTHER", "Success", "100")),
                   "now": "2026-01-01T00:00:10Z", "expectError": {"code": "invalid_request"}},
                  {"poll": "2026-01-01T00:00:10Z",
                   "expect": {"type": "wait_until", "at": "2026-01-01T00:02:01Z"}}]})
    own = '{"externalId":"PSP-1","status":"Success","amount":"100","orderType":"Deposit"}'
    for label, sig in (("one digit short", flow_sig("PSP-1", "Success", "100")[:-1]),
                       ("one digit too many", flow_sig("PSP-1", "Success", "100") + "0")):
        c.append({"name": f"flow: a callback with a Signature {label} is refused and only asks for a status call",
                  "create": FLOW_CREATE, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
                  "steps": started() + [
                      {"callback": flow_cb(own, sig), "now": "2026-01-01T00:00:10Z",
                       "expectError": {"code": "invalid_signature"}},
                      {"poll": "2026-01-01T00:00:10Z", "expect": SEND_STATUS},
                      {"response": ps_resp({"externalId": "PSP-1", "orderStatus": "Processing"}),
                       "now": "2026-01-01T00:00:11Z"},
                      {"poll": "2026-01-01T00:00:11Z", "expect": {"type": "wait_until"}}]})
    dup_cb = '{"externalId":"PSP-1","status":"Processing","status":"Success","amount":"100","orderType":"Deposit"}'
    c.append({"name": "flow: a callback with duplicate status keys is refused and moves nothing",
              "create": FLOW_CREATE, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": started() + [
                  {"callback": flow_cb(dup_cb, flow_sig("PSP-1", "Success", "100")),
                   "now": "2026-01-01T00:00:10Z", "expectError": {"code": "bad_response"}},
                  {"poll": "2026-01-01T00:00:10Z",
                   "expect": {"type": "wait_until", "at": "2026-01-01T00:02:01Z"}}]})
    c.append({"name": "flow: a callback nested 10000 deep is refused and moves nothing",
              "create": FLOW_CREATE, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": started() + [
                  {"callback": flow_cb(nested(10000), flow_sig("PSP-1", "Success", "100")),
                   "now": "2026-01-01T00:00:10Z", "expectError": {"code": "bad_response"}},
                  {"poll": "2026-01-01T00:00:10Z",
                   "expect": {"type": "wait_until", "at": "2026-01-01T00:02:01Z"}}]})
    # Other providers: callbacks naming another order, unsigned fields.
    hosted = compact({"checkout_type": "HOSTED",
                      "redirect_url": "https://checkout-stg.directa24.com/v1/gateway/show?id_payment=300000025",
                      "deposit_id": 300000025, "merchant_invoice_id": "INV-0001"})
    c.append({"name": "flow (tupay): a deposit notification for another deposit_id is refused",
              "config": TP, "create": TP_DEPOSIT, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": [
                  {"poll": "2026-01-01T00:00:00Z",
                   "expect": {"type": "send_request", "operation": {"type": "create_deposit"}}},
                  {"response": resp(201, hosted), "now": "2026-01-01T00:00:01Z"},
                  {"callback": {"method": "POST", "url": "https://shop.pe/tupay/notify",
                                "headers": {"content-type": "application/json"},
                                "body": '{"deposit_id": 300000099}'},
                   "now": "2026-01-01T00:00:10Z", "expectError": {"code": "invalid_request"}},
                  {"poll": "2026-01-01T00:00:10Z", "expect": {"type": "wait_until"}}]})
    c.append({"name": "flow (dpay): a status_url call naming another payout is refused",
              "config": DP, "create": DP_MOMO, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": [
                  {"poll": "2026-01-01T00:00:00Z",
                   "expect": {"type": "send_request", "operation": {"type": "create_payout"}}},
                  {"response": dresp('{"tracking":"79DF-60B0-17F6","payment_id":"W-1001","status":"CREATED"}'),
                   "now": "2026-01-01T00:00:01Z"},
                  {"callback": {"method": "GET", "url": "https://shop.example/dpay?payment_id=W-EVIL",
                                "headers": {}, "body": ""},
                   "now": "2026-01-01T00:00:10Z", "expectError": {"code": "invalid_request"}},
                  {"poll": "2026-01-01T00:00:10Z", "expect": {"type": "wait_until"}}]})
    pn_async = "type=async-response\n&merchant-order-id=902B4FF5\n&paynet-order-id=1969596\n"
    c.append({"name": "flow (paynet): an unsigned merchant_order in a verified callback is not adopted",
              "config": PN, "create": PN_SALE, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": [
                  {"poll": "2026-01-01T00:00:00Z",
                   "expect": {"type": "send_request", "operation": {"type": "create_deposit"}}},
                  {"response": resp(200, pn_async, FORM), "now": "2026-01-01T00:00:01Z"},
                  {"callback": pn_get([("status", "approved"), ("merchant_order", "EVIL-ORDER"),
                                       ("client_orderid", "902B4FF5"), ("orderid", "1969596"),
                                       ("control", pn_cb_control("approved", "1969596", "902B4FF5"))]),
                   "now": "2026-01-01T00:00:10Z", "expect": {"status": 200}},
                  {"poll": "2026-01-01T00:00:10Z",
                   "expect": {"type": "send_request",
                              "operation": {"type": "get_deposit", "merchantId": "902B4FF5",
                                            "providerId": "1969596"}}}]})
    # Tupay: an altered cashout_id in a verified notification never becomes the order asked about.
    tp_create = {"type": "create_payout", "merchantId": "cashoutV35381", "amount": "100", "currency": "PEN",
                 "callbackUrl": "https://shop.pe/tupay/cashouts",
                 "customer": {"firstName": "Juan", "lastName": "Perez", "document": "86970864",
                              "documentType": "DNI"},
                 "bankAccount": {"interbankCode": "00219300153895206813", "accountType": "S"}}
    c.append({"name": "flow (tupay): after a lost create, a notification's unsigned cashout_id is not adopted",
              "config": TP, "create": tp_create, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": [
                  {"poll": "2026-01-01T00:00:00Z",
                   "expect": {"type": "send_request", "operation": {"type": "create_payout"}}},
                  {"transportError": "timeout", "now": "2026-01-01T00:00:30Z"},
                  {"callback": notification([("date", "2026-01-01 00:00:40"), ("external_id", "cashoutV35381"),
                                             ("control", control("cashoutV35381")), ("cashout_id", "99999")]),
                   "now": "2026-01-01T00:00:40Z", "expect": {"status": 200}},
                  {"poll": "2026-01-01T00:10:00Z",
                   "expect": {"type": "send_request",
                              "operation": {"type": "get_payout", "merchantId": "cashoutV35381",
                                            "providerId": None},
                              "request": {"json": {"external_id": "cashoutV35381"}}}}]})
    # Dates at the edges (issue 11 item 9).
    for label, now in (("year 10000", "10000-01-01T00:00:00Z"),
                       ("an offset that makes it year 10000 in UTC", "9999-12-31T23:30:00-01:00"),
                       ("an offset that makes it year -1 in UTC", "0000-01-01T00:30:00+01:00"),
                       ("CR/LF", "2026-01-01T00:00:00Z\r\n")):
        c.append({"name": f"flow: a poll at a now with {label} is refused with a typed error",
                  "create": FLOW_CREATE, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
                  "steps": [{"poll": now, "expectError": {"code": "invalid_request"}},
                            {"poll": "2026-01-01T00:00:00Z", "expect": SEND_CREATE}]})
    c.append({"name": "flow: an answer at a now of year 10000 is refused, the request stays in flight",
              "create": FLOW_CREATE, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": [{"poll": "2026-01-01T00:00:00Z", "expect": SEND_CREATE},
                        {"response": ps_resp({"externalId": "PSP-1", "orderStatus": "Created"}),
                         "now": "10000-01-01T00:00:00Z", "expectError": {"code": "invalid_request"}},
                        {"response": ps_resp({"externalId": "PSP-1", "orderStatus": "Created"}),
                         "now": "2026-01-01T00:00:01Z"},
                        {"poll": "2026-01-01T00:00:01Z",
                         "expect": {"type": "wait_until", "at": "2026-01-01T00:02:01Z"}}]})
    c.append({"name": "flow: near the end of year 9999 a next poll past the year still stores and resumes",
              "create": FLOW_CREATE, "start": "9999-12-31T23:58:00Z",
              "options": {"seed": 0, "deadlineSeconds": 60},
              "steps": [{"poll": "9999-12-31T23:58:00Z", "expect": SEND_CREATE},
                        {"response": ps_resp({"externalId": "PSP-1", "orderStatus": "Created"}),
                         "now": "9999-12-31T23:58:30Z"},
                        {"poll": "9999-12-31T23:58:40Z",
                         "expect": {"type": "wait_until", "at": "9999-12-31T23:59:00Z"}},
                        {"poll": "9999-12-31T23:59:00Z",
                         "expect": {"type": "needs_attention", "reason": "deadline_passed"}}]})
    c.append({"name": "flow: started at 9999-12-31T12:00Z (default deadline past the year) still resumes",
              "create": FLOW_CREATE, "start": "9999-12-31T12:00:00Z", "options": {"seed": 0},
              "steps": [{"poll": "9999-12-31T12:00:00Z", "expect": SEND_CREATE},
                        {"response": ps_resp({"externalId": "PSP-1", "orderStatus": "Created"}),
                         "now": "9999-12-31T12:00:01Z"},
                        {"poll": "9999-12-31T12:00:01Z",
                         "expect": {"type": "wait_until", "at": "9999-12-31T12:02:01Z"}}]})
    # Card data given to a flow never comes back unmasked in what it returns.
    card_create = {"type": "create_deposit", "merchantId": "M-1", "amount": "100.00", "currency": "USD",
                   "flow": "direct", "card": {"number": PAN, "holder": "JOHN WEAK", "expiryMonth": "12",
                                              "expiryYear": "2030", "cvv": "123"}}
    c.append({"name": "flow: a provider answer with a spaced PAN is masked in the done payment",
              "create": card_create, "start": "2026-01-01T00:00:00Z", "options": {"seed": 0},
              "steps": [{"poll": "2026-01-01T00:00:00Z",
                         "expect": {"type": "send_request", "operation": {"type": "create_deposit"}}},
                        {"response": ps_resp({"externalId": "PSP-1", "orderStatus": "Success", "amount": 100,
                                              "externalParams": {"cardNumber": "4111 1111 1111 1111",
                                                                 "cardHolder": "JOHN WEAK"}}),
                         "now": "2026-01-01T00:00:01Z"},
                        {"poll": "2026-01-01T00:00:01Z",
                         "expect": {"type": "done", "payment": {"card": {"masked": MASKED, "holder": "JOHN WEAK"},
                                                                "status": {"state": "succeeded"}}}}]})
    return write("flows.json",
                 "Hostile inputs through the lifecycle driver (core/src/flow/vectors.rs format): answers and "
                 "callbacks about other orders, bad signatures, unsigned ids, `now` at the edges of what "
                 "the core can write back. Signatures computed with Python hashlib/hmac.",
                 FLOW_PS, c, kind="flow")
