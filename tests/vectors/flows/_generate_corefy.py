#!/usr/bin/env python3
"""Writes the PayStar CoreFy bridge flow vectors: corefy.json (payment invoices) and
corefy_payout.json (payout invoices). Format: core/src/flow/vectors.rs.

Expected values are written by hand from the upstream CoreFy documents the provider's mod.rs
names (paycoreio/docs: status tables, lookups by id only, reference_id as the idempotency key,
429 = duplicate request, X-Signature = base64(sha1(secret . body . secret))), or computed here
with Python's standard library (hashlib, base64). Backoff waits: SplitMix64 (reference
constants) and the driver's documented equal-jitter rule. Nothing is taken from pspkit's output.

Recovery after a lost create: CoreFy has no lookup by reference_id, so the driver re-sends the
identical create (the reference_id makes it idempotent); a duplicate (429) answer means the
invoice exists, and after maxCreateAttempts the flow stops for a person.
Run: python3 tests/vectors/flows/_generate_corefy.py
"""
import base64
import hashlib
import json
import os
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
MASK = (1 << 64) - 1
POLL = 120  # the bridge's pollAfterSeconds: PayStar's "every 2 min" (paystar.md §5.5)
BASE = "https://bridge.example.com"
CF_T, CF_P, CF_KEY = "corefy-deposit-token", "corefy-payout-token", "corefy-callback-secret"
CF = {"provider": "paystar_corefy", "baseUrl": BASE, "depositToken": CF_T, "payoutToken": CF_P,
      "callbackKey": CF_KEY}
REF = "12345678-1234-1234-1234-123456789012"
INV = "cpi_Xk1c2Y3a"
INVOICE = {"type": "create_deposit", "merchantId": REF, "amount": "100.00", "currency": "USD",
           "paymentMethod": "payment_card_usd_hpp", "description": "Transaction 123456"}
INVOICE_BODY = ('{"data":{"type":"payment-invoices","attributes":{'
                f'"reference_id":"{REF}","description":"Transaction 123456","currency":"USD",'
                '"amount":100.00,"service":"payment_card_usd_hpp"}}}')
P_REF, P_ID = "f3WbQNCAMAQs2DMWLyBiKF9jwv36z1TCS", "cpoi_ztg1119SQjlAk1Y2"
PAYOUT = {"type": "create_payout", "merchantId": P_REF, "amount": "100", "currency": "EUR",
          "description": "Test payout", "paymentMethod": "payment_card_uah",
          "card": {"number": "5404367504475264"}}
PAYOUT_BODY = ('{"data":{"type":"payout-invoices","attributes":{'
               f'"reference_id":"{P_REF}","description":"Test payout","currency":"EUR","amount":100.00,'
               '"service":"payment_card_uah","fields":{"card_number":"5404367504475264"}}}}')


def t(seconds):
    return (T0 + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


class Rng:
    """SplitMix64 (Steele, Lea, Flood 2014)."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


assert Rng(0).next() == 0xE220A8397B1DCDAF


def backoff(streak, rng, initial=2, cap=300):
    step = min(initial * (1 << (streak - 1)), cap)
    half = step // 2
    return max(half + rng.next() % (step - half + 1), 1)


def resp(code, body="", ctype="application/json"):
    return {"status": code, "headers": {"content-type": ctype} if ctype else {}, "body": body}


def compact(obj):
    return json.dumps(obj, separators=(",", ":"))


def sig(body, key=CF_KEY):
    return base64.b64encode(hashlib.sha1((key + body + key).encode()).digest()).decode()


def send(op, request):
    return {"type": "send_request", "operation": op, "request": request}


def wait(at):
    return {"type": "wait_until", "at": at}


def done(payment):
    return {"type": "done", "payment": payment}


def attention(reason, **more):
    return dict({"type": "needs_attention", "reason": reason}, **more)


def st(state, final, provider_status, **more):
    return dict({"state": state, "final": final, "providerStatus": provider_status}, **more)


def create_dep():
    return send({"type": "create_deposit", "merchantId": REF},
                {"method": "POST", "url": f"{BASE}/payment-invoices",
                 "headers": {"authorization": f"Bearer {CF_T}", "content-type": "application/json"},
                 "body": INVOICE_BODY})


def create_pay():
    return send({"type": "create_payout", "merchantId": P_REF},
                {"method": "POST", "url": f"{BASE}/payout-invoices",
                 "headers": {"authorization": f"Bearer {CF_P}", "content-type": "application/json"},
                 "body": PAYOUT_BODY})


def get_dep():
    return send({"type": "get_deposit", "providerId": INV},
                {"method": "GET", "url": f"{BASE}/payment-invoices/{INV}",
                 "headers": {"authorization": f"Bearer {CF_T}"}})


def get_pay():
    return send({"type": "get_payout", "providerId": P_ID},
                {"method": "GET", "url": f"{BASE}/payout-invoices/{P_ID}",
                 "headers": {"authorization": f"Bearer {CF_P}"}})


def invoice_doc(word, **attrs):
    a = {"reference_id": REF, "status": word, "amount": 100, "currency": "USD",
         "service": "payment_card_usd_hpp", "metadata": [], "payload": []}
    a.update(attrs)
    return compact({"data": {"type": "payment-invoices", "id": INV, "attributes": a}})


def invoice(word, code=200, **attrs):
    return resp(code, invoice_doc(word, **attrs))


def payout_doc(word, **attrs):
    a = {"reference_id": P_REF, "status": word, "amount": 100, "currency": "EUR", "fields": [],
         "service": "payment_card_uah"}
    a.update(attrs)
    return compact({"data": {"type": "payout-invoices", "id": P_ID, "attributes": a}})


def callback(body, signature):
    return {"method": "POST", "url": "https://merchant.example/corefy/callback",
            "headers": {"content-type": "application/json", "x-signature": signature}, "body": body}


HPP = "https://pay.example.com/hpp/cpi_Xk1c2Y3a"
RATE = compact({"errors": [{"status": "429", "code": "too_many_requests", "title": "Too Many Requests"}]})


def deposit_cases():
    cases = []
    cases.append({
        "name": "happy path: created with a page, tracked by GET /payment-invoices/{id}, processed: done",
        "create": INVOICE, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": create_dep()},
            {"response": invoice("created", 201, flow_data={"action": HPP, "method": "GET", "params": []}), "now": t(1)},
            {"poll": t(1), "expect": wait(t(1 + POLL))},
            {"poll": t(1 + POLL), "expect": get_dep()},
            {"response": invoice("processing"), "now": t(2 + POLL)},
            {"poll": t(2 + POLL), "expect": wait(t(2 + 2 * POLL))},
            {"poll": t(2 + 2 * POLL), "expect": get_dep()},
            {"response": invoice("processed", resolution="ok"), "now": t(3 + 2 * POLL)},
            {"poll": t(3 + 2 * POLL), "expect": done({"providerId": INV, "merchantId": REF, "amount": "100.00",
                                                      "status": st("succeeded", True, "processed")})},
        ]})
    body = invoice_doc("processed", resolution="ok")
    cases.append({
        "name": "a signed callback wakes the flow: the status call by the signed id decides",
        "create": INVOICE, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": create_dep()},
            {"response": invoice("created", 201, hpp_url=HPP), "now": t(1)},
            {"poll": t(1), "expect": wait(t(1 + POLL))},
            {"callback": callback(body, sig(body)), "now": t(30), "expect": {"status": 200}},
            {"poll": t(30), "expect": get_dep()},
            {"response": invoice("processed"), "now": t(31)},
            {"poll": t(31), "expect": done({"status": st("succeeded", True, "processed")})},
        ]})
    cases.append({
        "name": "a forged callback is refused (invalid_signature) and only asks for a status call",
        "create": INVOICE, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": create_dep()},
            {"response": invoice("created", 201, hpp_url=HPP), "now": t(1)},
            {"callback": callback(body, sig(body, "not-the-secret")), "now": t(30),
             "expectError": {"code": "invalid_signature"}},
            {"poll": t(30), "expect": get_dep()},
            {"response": invoice("created", hpp_url=HPP), "now": t(31)},
            {"poll": t(31), "expect": wait(t(31 + POLL))},
        ]})
    rng = Rng(0)
    w1 = backoff(1, rng)
    cases.append({
        "name": "lost create answer: no lookup by reference_id, so the identical create is re-sent after a backoff",
        "create": INVOICE, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": create_dep()},
            {"transportError": "timeout", "now": t(30)},
            {"poll": t(30), "expect": wait(t(30 + w1))},
            {"poll": t(30 + w1), "expect": create_dep()},
            {"response": invoice("created", 201, hpp_url=HPP), "now": t(31 + w1)},
            {"poll": t(31 + w1), "expect": wait(t(31 + w1 + POLL))},
        ]})
    rng = Rng(0)
    w1 = backoff(1, rng)
    w2 = backoff(2, rng)
    w3 = backoff(3, rng)
    cases.append({
        "name": "lost create, then the re-sends answered 429 (duplicate: the invoice exists): too_many_creates",
        "create": INVOICE, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": create_dep()},
            {"transportError": "timeout", "now": t(30)},
            {"poll": t(30), "expect": wait(t(30 + w1))},
            {"poll": t(30 + w1), "expect": create_dep()},
            {"response": resp(429, RATE), "now": t(31 + w1)},
            {"poll": t(31 + w1), "expect": wait(t(31 + w1 + w2))},
            {"poll": t(31 + w1 + w2), "expect": create_dep()},
            {"response": resp(429, RATE), "now": t(32 + w1 + w2)},
            {"poll": t(32 + w1 + w2), "expect": wait(t(32 + w1 + w2 + w3))},
            {"poll": t(32 + w1 + w2 + w3), "expect": attention("too_many_creates", errorCode="duplicate")},
            {"state": {"expect": {"orderExists": True}}},
        ]})
    cases.append({
        "name": "create answer about another reference_id is bad_response: outcome unknown, re-sent, never taken as ours",
        "create": INVOICE, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": create_dep()},
            {"response": invoice("processed", 201, reference_id="someone-elses-ref"), "now": t(1)},
            {"poll": t(1), "expect": wait(t(1 + w1))},
            {"poll": t(1 + w1), "expect": create_dep()},
        ]})
    cases.append({
        "name": "create answered 422 JSON:API validation error: create_rejected",
        "create": INVOICE, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": create_dep()},
            {"response": resp(422, compact({"errors": [{"status": "422", "code": "invalid_service",
                                                        "title": "Invalid service",
                                                        "source": {"pointer": "/data/attributes/service"}}]})),
             "now": t(1)},
            {"poll": t(1), "expect": attention("create_rejected", errorCode="invalid_request")},
        ]})
    refunded = invoice_doc("refunded", resolution="ok")
    cases.append({
        "name": "processed, then refunded (payment-invoice.md: processed is refundable): a documented late transition",
        "create": INVOICE, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": create_dep()},
            {"response": invoice("processed", 201), "now": t(1)},
            {"poll": t(1), "expect": done({"status": st("succeeded", True, "processed")})},
            {"callback": callback(refunded, sig(refunded)), "now": t(86400), "expect": {"status": 200}},
            {"poll": t(86400), "expect": get_dep()},
            {"response": resp(200, refunded), "now": t(86401)},
            {"poll": t(86401), "expect": {"type": "late_transition", "previous": {"state": "succeeded"},
                                          "payment": {"status": st("reversed", True, "refunded")}}},
            {"poll": t(86402), "expect": done({"status": st("reversed", True, "refunded")})},
        ]})
    cases.append({
        "name": "terminated by the payer: cancelled and final (not a moderator's rejection)",
        "create": INVOICE, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": create_dep()},
            {"response": invoice("terminated", 201), "now": t(1)},
            {"poll": t(1), "expect": done({"status": st("cancelled", True, "terminated",
                                                         reason={"code": "terminated"})})},
        ]})
    return cases


def payout_cases():
    cases = []
    cases.append({
        "name": "payout lifecycle: created, tracked by GET /payout-invoices/{id}, processed: done",
        "create": PAYOUT, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": create_pay()},
            {"response": resp(201, payout_doc("created")), "now": t(1)},
            {"poll": t(1), "expect": wait(t(1 + POLL))},
            {"poll": t(1 + POLL), "expect": get_pay()},
            {"response": resp(200, payout_doc("processing")), "now": t(2 + POLL)},
            {"poll": t(2 + POLL), "expect": wait(t(2 + 2 * POLL))},
            {"poll": t(2 + 2 * POLL), "expect": get_pay()},
            {"response": resp(200, payout_doc("processed", resolution="ok")), "now": t(3 + 2 * POLL)},
            {"poll": t(3 + 2 * POLL), "expect": done({"direction": "payout", "providerId": P_ID, "merchantId": P_REF,
                                                      "amount": "100.00", "status": st("succeeded", True, "processed")})},
            {"state": {"mustNotContain": ["5404367504475264"]}},
        ]})
    rng = Rng(0)
    w1 = backoff(1, rng)
    cases.append({
        "name": "payout: lost create answer, the identical create re-sent (card supplied again), then tracked",
        "create": PAYOUT, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": create_pay()},
            {"transportError": "reset", "now": t(5)},
            {"poll": t(5), "expect": wait(t(5 + w1))},
            {"poll": t(5 + w1), "expect": create_pay()},
            {"response": resp(201, payout_doc("processing")), "now": t(6 + w1)},
            {"poll": t(6 + w1), "expect": wait(t(6 + w1 + POLL))},
            {"state": {"mustNotContain": ["5404367504475264"]}},
        ]})
    canceled = payout_doc("canceled", resolution="ok")
    cases.append({
        "name": "payout processed, then canceled (payout-invoice.md): a documented late transition to reversed",
        "create": PAYOUT, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": create_pay()},
            {"response": resp(201, payout_doc("processed")), "now": t(1)},
            {"poll": t(1), "expect": done({"status": st("succeeded", True, "processed")})},
            {"callback": callback(canceled, sig(canceled)), "now": t(3600), "expect": {"status": 200}},
            {"poll": t(3600), "expect": get_pay()},
            {"response": resp(200, canceled), "now": t(3601)},
            {"poll": t(3601), "expect": {"type": "late_transition", "previous": {"state": "succeeded"},
                                         "payment": {"status": st("reversed", True, "canceled")}}},
        ]})
    cases.append({
        "name": "payout process_failed with resolution invalid_details: failed, the reason kept",
        "create": PAYOUT, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": create_pay()},
            {"response": resp(201, payout_doc("process_failed", resolution="invalid_details")), "now": t(1)},
            {"poll": t(1), "expect": done({"status": st("failed", True, "process_failed",
                                                         reason={"code": "invalid_details", "message": "invalid details"})})},
        ]})
    return cases


def write(name, description, cases):
    doc = {"kind": "flow", "description": description, "config": CF, "cases": cases}
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{name}: {len(cases)} cases")


if __name__ == "__main__":
    write("corefy.json", "PayStar CoreFy bridge payment-invoice flows (paystar.md 18.4; upstream paycoreio/docs): "
          "tracked by invoice id, signed callbacks wake the flow, a lost create is re-sent (reference_id is "
          "the idempotency key; no lookup by it exists), refunds are documented late transitions.", deposit_cases())
    write("corefy_payout.json", "PayStar CoreFy bridge payout-invoice flows (upstream paycoreio/docs "
          "play-with-api.md, payout-invoice.md): lifecycle, lost create re-sent, cancel after processed.",
          payout_cases())
