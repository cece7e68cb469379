#!/usr/bin/env python3
"""Writes the PayStar PayNetEasy bridge flow vectors, paynet.json (format: core/src/flow/vectors.rs).

Expected values are written by hand from shared/providers/paystar.md §18.5 and the upstream
PayNetEasy protocol named in core/src/providers/paystar_paynet/mod.rs (status by client_orderid
alone: doc /api/v2/status; show_html: the official PHP library's StatusQuery), or computed here
with hashlib (controls) and the shared backoff rule of _generate_paystar_family.py. Nothing is
taken from pspkit's output. Run: python3 tests/vectors/flows/_generate_paynet.py
"""
import hashlib
from urllib.parse import urlencode

from _generate_paystar_family import (BASE, POLL, Rng, attention, backoff, done, resp, send, st, t,
                                      wait, write)

# =============================================================================================
# PayNetEasy bridge (paystar.md §18.5; upstream PayNetEasy sale/status/callback)
# =============================================================================================
EP, LOGIN, MC = "1111", "merchant-login", "B17F59B4-A7DC-41B4-8FF9-37D986B43D20"
PN = {"provider": "paystar_paynet", "baseUrl": BASE, "endpointId": EP, "login": LOGIN, "merchantControl": MC}
FORM = "application/x-www-form-urlencoded"
SALE = {"type": "create_deposit", "merchantId": "902B4FF5", "amount": "10.42", "currency": "USD",
        "description": "Order 902B4FF5",
        "card": {"number": "4111111111111111", "holder": "JOHN SMITH", "expiryMonth": "12",
                 "expiryYear": "2099", "cvv": "123"},
        "customer": {"email": "john.smith@gmail.com", "address": "2704 Colonial Drive", "city": "Houston",
                     "zipCode": "1235", "phone": "660-485-6353", "ip": "127.0.0.1"},
        "country": "US", "successUrl": "https://merchant.example/return"}


def sha1(text):
    return hashlib.sha1(text.encode()).hexdigest()


SALE_CONTROL = sha1(f"{EP}902B4FF51042john.smith@gmail.com{MC}")
assert SALE_CONTROL == "c6bdd88a78834ef4b863b088827a459f039e8257"  # the Authorization page's example


def pn_sale():
    body = urlencode([("client_orderid", "902B4FF5"), ("order_desc", "Order 902B4FF5"),
                      ("card_printed_name", "JOHN SMITH"), ("address1", "2704 Colonial Drive"),
                      ("city", "Houston"), ("zip_code", "1235"), ("country", "US"), ("phone", "660-485-6353"),
                      ("email", "john.smith@gmail.com"),
                      ("amount", "10.42"), ("currency", "USD"), ("credit_card_number", "4111111111111111"),
                      ("expire_month", "12"), ("expire_year", "2099"), ("cvv2", "123"),
                      ("ipaddress", "127.0.0.1"), ("redirect_url", "https://merchant.example/return"),
                      ("control", SALE_CONTROL)])
    return send({"type": "create_deposit", "merchantId": "902B4FF5"},
                {"method": "POST", "url": f"{BASE}/paynet/api/v2/sale/{EP}",
                 "headers": {"content-type": FORM}, "body": body})


def pn_status(orderid="1969596"):
    """The status call; `orderid=None` asks by client_orderid alone (upstream /api/v2/status:
    orderid is conditional), and the control then concatenates nothing in its place."""
    control = sha1(f"{LOGIN}902B4FF5{orderid or ''}{MC}")
    pairs = [("login", LOGIN), ("client_orderid", "902B4FF5")]
    if orderid:
        pairs.append(("orderid", orderid))
    body = urlencode(pairs + [("control", control)])
    op = {"type": "get_deposit", "merchantId": "902B4FF5"}
    if orderid:
        op["providerId"] = orderid
    return send(op,
                {"method": "POST", "url": f"{BASE}/paynet/api/v2/sale/status/{EP}",
                 "headers": {"content-type": FORM}, "body": body})


def form_lines(pairs):
    return "\n&".join(f"{k}={urlencode({'x': v})[2:]}" for k, v in pairs) + "\n"


ASYNC = resp(200, form_lines([("type", "async-response"),
                              ("serial-number", "00000000-0000-0000-0000-000002e2cc5a"),
                              ("merchant-order-id", "902B4FF5"), ("paynet-order-id", "1969596")]), FORM)


def pn_status_answer(status, **more):
    pairs = [("type", "status-response"), ("serial-number", "00000000-0000-0000-0000-0000005b5eb3"),
             ("merchant-order-id", "902B4FF5"), ("paynet-order-id", "1969596"), ("status", status),
             ("amount", "10.42"), ("currency", "USD")] + list(more.items())
    return resp(200, form_lines(pairs), FORM)


def pn_callback(status, control=None, orderid="1969596"):
    control = control or sha1(f"{status}{orderid}902B4FF5{MC}")
    query = urlencode([("status", status), ("orderid", orderid), ("client_orderid", "902B4FF5"),
                       ("amount", "10.42"), ("currency", "USD"), ("type", "sale"), ("control", control)])
    return {"method": "GET", "url": f"https://merchant.example/paynet/callback?{query}", "headers": {}, "body": ""}


def paynet_cases():
    cases = []
    cases.append({
        "name": "happy path: sale (control c6bdd88a...), async-response, status with both ids, approved",
        "create": SALE, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": pn_sale()},
            {"response": ASYNC, "now": t(1)},
            {"poll": t(1), "expect": wait(t(1 + POLL))},
            {"poll": t(1 + POLL), "expect": pn_status()},
            {"response": pn_status_answer("approved"), "now": t(2 + POLL)},
            {"poll": t(2 + POLL), "expect": done({"providerId": "1969596", "merchantId": "902B4FF5",
                                                  "amount": "10.42", "currency": "USD",
                                                  "status": st("succeeded", True, "approved")})},
        ]})
    # The sale's answer is lost: upstream lets the status be asked by client_orderid alone, so the
    # flow recovers by a status call (DESIGN §5), never by a second card sale.
    cases.append({
        "name": "lost sale answer: recovered by a status call by client_orderid alone; no second sale",
        "create": SALE, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": pn_sale()},
            {"transportError": "timeout", "now": t(30)},
            {"poll": t(30), "expect": wait(t(32))},
            {"poll": t(32), "expect": pn_status(None)},
            {"response": pn_status_answer("approved"), "now": t(33)},
            {"poll": t(33), "expect": done({"providerId": "1969596", "merchantId": "902B4FF5",
                                            "status": st("succeeded", True, "approved")})},
        ]})
    cases.append({
        "name": "lost sale answer, still processing: the recovered orderid is then sent with client_orderid",
        "create": SALE, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": pn_sale()},
            {"transportError": "timeout", "now": t(30)},
            {"poll": t(32), "expect": pn_status(None)},
            {"response": pn_status_answer("processing"), "now": t(33)},
            {"poll": t(33), "expect": wait(t(33 + POLL))},
            {"poll": t(33 + POLL), "expect": pn_status()},
            {"response": pn_status_answer("declined", **{"error-message": "Do not honor",
                                                         "error-code": "05"}), "now": t(34 + POLL)},
            {"poll": t(34 + POLL), "expect": done({"status": st("failed", True, "declined",
                                                                reason={"code": "05", "message": "Do not honor"})})},
        ]})
    cases.append({
        "name": "lost sale answer, the bridge refuses the lookup (type=error): stop for a person, no second sale",
        "create": SALE, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": pn_sale()},
            {"transportError": "timeout", "now": t(30)},
            {"poll": t(32), "expect": pn_status(None)},
            {"response": resp(200, form_lines([("type", "error"), ("error-message", "Order not found"),
                                               ("error-code", "1")]), FORM), "now": t(33)},
            {"poll": t(33), "expect": attention("status_rejected", errorCode="provider_error")},
            {"poll": t(3600), "expect": attention("status_rejected")},
        ]})
    rng = Rng(5)
    w1 = backoff(1, rng)
    w2 = backoff(2, rng)
    a1 = 2 + POLL
    a2 = a1 + w1 + 1
    cases.append({
        "name": "status call answered 500 then 423: backoff with jitter, then declined with its error-message",
        "create": SALE, "start": t(0), "options": {"seed": 5},
        "steps": [
            {"poll": t(0), "expect": pn_sale()},
            {"response": ASYNC, "now": t(1)},
            {"poll": t(1 + POLL), "expect": pn_status()},
            {"response": resp(500, "", None), "now": t(a1)},
            {"poll": t(a1), "expect": wait(t(a1 + w1))},
            {"poll": t(a1 + w1), "expect": pn_status()},
            {"response": resp(423, "", None), "now": t(a2)},
            {"poll": t(a2), "expect": wait(t(a2 + w2))},
            {"poll": t(a2 + w2), "expect": pn_status()},
            {"response": pn_status_answer("declined", **{"error-message": "Insufficient funds",
                                                         "error-code": "4"}), "now": t(a2 + w2 + 1)},
            {"poll": t(a2 + w2 + 1), "expect": done({"status": st("failed", True, "declined",
                                                                  reason={"code": "4",
                                                                          "message": "Insufficient funds"})})},
        ]})
    cases.append({
        "name": "a forged callback (control computed with another key) is refused and only triggers a status call",
        "create": SALE, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": pn_sale()},
            {"response": ASYNC, "now": t(1)},
            {"callback": pn_callback("approved", control=sha1("approved19695969" + "02B4FF5" + "wrong-key")),
             "now": t(20), "expectError": {"code": "invalid_signature"}},
            {"poll": t(20), "expect": pn_status()},
            {"response": pn_status_answer("processing"), "now": t(21)},
            {"poll": t(21), "expect": wait(t(21 + POLL))},
        ]})
    cases.append({
        "name": "a verified approved callback asks for the status call, whose answer decides",
        "create": SALE, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": pn_sale()},
            {"response": ASYNC, "now": t(1)},
            {"callback": pn_callback("approved"), "now": t(20), "expect": {"status": 200, "body": "OK"}},
            {"poll": t(20), "expect": pn_status()},
            {"response": pn_status_answer("approved"), "now": t(21)},
            {"poll": t(21), "expect": done({"status": st("succeeded", True, "approved")})},
        ]})
    cases.append({
        "name": "a verified callback about another orderid is refused; nothing moves",
        "create": SALE, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": pn_sale()},
            {"response": ASYNC, "now": t(1)},
            {"callback": pn_callback("approved", orderid="7777777"), "now": t(20),
             "expectError": {"code": "invalid_request"}},
            {"poll": t(20), "expect": wait(t(1 + POLL))},
        ]})
    cases.append({
        "name": "3-D Secure: processing with an https redirect-to is requires_action; then approved",
        "create": SALE, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": pn_sale()},
            {"response": ASYNC, "now": t(1)},
            {"poll": t(1 + POLL), "expect": pn_status()},
            {"response": pn_status_answer("processing", **{"redirect-to": "https://acs.bank.example/3ds?id=77"}),
             "now": t(2 + POLL)},
            {"poll": t(2 + POLL), "expect": wait(t(2 + 2 * POLL))},
            {"poll": t(2 + 2 * POLL), "expect": pn_status()},
            {"response": pn_status_answer("approved"), "now": t(3 + 2 * POLL)},
            {"poll": t(3 + 2 * POLL), "expect": done({"status": st("succeeded", True, "approved")})},
        ]})
    html = '<form method="POST" action="https://acs.bank.example/pareq"><input name="PaReq" value="eJxVUttu"></form>'
    cases.append({
        "name": "3-D Secure: processing with html is requires_action (show_html); the page is not stored; then approved",
        "create": SALE, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": pn_sale()},
            {"response": ASYNC, "now": t(1)},
            {"poll": t(1 + POLL), "expect": pn_status()},
            {"response": pn_status_answer("processing", html=html), "now": t(2 + POLL)},
            {"state": {"mustNotContain": ["PaReq", "eJxVUttu", "4111111111111111", "123\"", "B17F59B4"],
                       "expect": {"payment": {"status": {"state": "requires_action", "providerStatus": "processing"},
                                              "nextAction": None}}}},
            {"poll": t(2 + POLL), "expect": wait(t(2 + 2 * POLL))},
            {"poll": t(2 + 2 * POLL), "expect": pn_status()},
            {"response": pn_status_answer("approved"), "now": t(3 + 2 * POLL)},
            {"poll": t(3 + 2 * POLL), "expect": done({"status": st("succeeded", True, "approved")})},
        ]})
    return cases



if __name__ == "__main__":
    write("paynet.json",
          "PayStar PayNetEasy bridge flows (paystar.md 18.5, upstream PayNetEasy): sale control from the "
          "page's worked example, status by client_orderid alone after a lost sale answer and with both ids "
          "after, 3-D Secure redirect-to and html steps, callbacks verified by control.",
          PN, paynet_cases())
