#!/usr/bin/env python3
"""Writes the flow vectors for PayStar and its bridges: paystar_more.json, butler.json,
written here; corefy*.json by _generate_corefy.py, paynet.json by _generate_paynet.py
(format: core/src/flow/vectors.rs).

Every expected value is written by hand from shared/providers/paystar.md (§3, §5, §6, §8, §13,
§18), seed 000 (Butler withdrawal status) and the upstream protocols each bridge's mod.rs names,
or computed here with Python's standard library: callback Signature = sha256 hex of
externalId;status;amount;orderType;key, PayNetEasy controls = sha1 hex of the documented
concatenations, backoff waits from SplitMix64 (reference constants) and the driver's documented
equal-jitter rule (half the step fixed, the rest drawn). Nothing is taken from pspkit's output.
Run: python3 tests/vectors/flows/_generate_paystar_family.py
"""
import hashlib
import json
import os
from datetime import datetime, timedelta, timezone
from urllib.parse import urlencode

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
MASK = (1 << 64) - 1


def t(seconds: int) -> str:
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


assert Rng(0).next() == 0xE220A8397B1DCDAF  # the reference sequence's first value for seed 0


def backoff(streak, rng, initial=2, cap=300):
    """Wait after the streak-th temporary error in a row: step = initial * 2^(streak-1) capped,
    half of it fixed, the other half drawn in 0..=step-half, at least one second."""
    step = min(initial * (1 << (streak - 1)), cap)
    half = step // 2
    return max(half + rng.next() % (step - half + 1), 1)


def resp(code, body="", ctype="application/json"):
    return {"status": code, "headers": {"content-type": ctype} if ctype else {}, "body": body}


def compact(obj):
    return json.dumps(obj, separators=(",", ":"))


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


def write(name, description, config, cases):
    doc = {"kind": "flow", "description": description, "config": config, "cases": cases}
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{name}: {len(cases)} cases")


# =============================================================================================
# PayStar native (paystar.md §3, §5, §6, §8, §13)
# =============================================================================================
DEP_T, PAY_T, DEP_KEY, PAY_KEY = "dep-token", "pay-token", "dep-private-key", "pay-private-key"
PS = {"provider": "paystar", "depositToken": DEP_T, "payoutToken": PAY_T,
      "depositKeys": {"publicKey": "dep-public", "privateKey": DEP_KEY},
      "payoutKeys": {"publicKey": "pay-public", "privateKey": PAY_KEY}}
SECURE = "https://secure.paystar.uk/api/v1/integration"
INIT = "https://init.paystar.uk/api/v1/integration"
DEP = {"type": "create_deposit", "merchantId": "M-1", "amount": "100.00", "currency": "USD",
       "paymentMethod": "p2p", "flow": "direct"}
POLL = 120  # "every 2 min" (paystar.md §5.5/§5.8 polling line)


def ps_sig(external_id, status, amount, order_type, key):
    return hashlib.sha256(f"{external_id};{status};{amount};{order_type};{key}".encode()).hexdigest()


def ps_callback(external_id, status, amount, order_type, key):
    body = compact({"externalId": external_id, "status": status, "amount": amount, "orderType": order_type})
    return {"method": "POST", "url": "https://merchant.example/paystar/callback",
            "headers": {"Signature": ps_sig(external_id, status, amount, order_type, key)}, "body": body}


def ps_create_request(url=SECURE + "/deposit-order/", token=DEP_T, **json_fields):
    return {"method": "POST", "url": url,
            "headers": {"authorization": f"Bearer {token}", "content-type": "application/json"},
            "json": json_fields}


def ps_status(kind, ref, by_merchant=False, token=DEP_T):
    resource = "deposit-order" if kind == "deposit" else "withdrawal-order"
    suffix = "status-by-external-transaction-id" if by_merchant else "status"
    op = {"type": f"get_{kind}", ("merchantId" if by_merchant else "providerId"): ref}
    return send(op, {"method": "GET", "url": f"{SECURE}/{resource}/{ref}/{suffix}",
                     "headers": {"authorization": f"Bearer {token}"}})


def ok(body):
    return resp(200, compact(body))


def paystar_cases():
    cases = []
    create_step = {"poll": t(0), "expect": send({"type": "create_deposit", "merchantId": "M-1"},
                                                ps_create_request(externalTransactionId="M-1",
                                                                  amount=100.0, currency="USD"))}

    # 1. 5xx then 423 on status calls: backoff with jitter, then the answer decides.
    rng = Rng(7)
    w1 = backoff(1, rng)
    w2 = backoff(2, rng)
    a1 = 1 + POLL + 1          # the 503 arrives one second after the first status call
    a2 = a1 + w1 + 1           # the 423 arrives one second after the second
    cases.append({
        "name": "status call answered 503, then 423: jittered backoff each time, then Success decides",
        "create": DEP, "start": t(0), "options": {"seed": 7},
        "steps": [
            create_step,
            {"response": ok({"externalId": "PSP-10", "orderStatus": "Created"}), "now": t(1)},
            {"poll": t(1), "expect": wait(t(1 + POLL))},
            {"poll": t(1 + POLL), "expect": ps_status("deposit", "PSP-10")},
            {"response": resp(503, "<html><body>503 Service Unavailable</body></html>", "text/html"),
             "now": t(a1)},
            {"poll": t(a1), "expect": wait(t(a1 + w1))},
            {"poll": t(a1 + w1), "expect": ps_status("deposit", "PSP-10")},
            {"response": ok({"label": "", "message": "There is currently a temporary error",
                             "statusDescrption": "0000-1"}) | {"status": 423}, "now": t(a2)},
            {"poll": t(a2), "expect": wait(t(a2 + w2))},
            {"poll": t(a2 + w2), "expect": ps_status("deposit", "PSP-10")},
            {"response": ok({"externalId": "PSP-10", "orderStatus": "Success", "amount": 100}),
             "now": t(a2 + w2 + 1)},
            {"poll": t(a2 + w2 + 1), "expect": done({"providerId": "PSP-10", "merchantId": "M-1",
                                                     "status": st("succeeded", True, "Success")})},
        ]})

    # 2. A status answer about another order is not ours: bad_response, backoff, ask again.
    #    The final answer's decline reason is the event that failed the payment (4.1.4.63), not
    #    the later merchant-callback failure (6.2.4.12) or the info event (3.0.1.53).
    rng = Rng(3)
    w1 = backoff(1, rng)
    a1 = 1 + POLL + 1
    cases.append({
        "name": "status answer about another externalId is refused, then Failed with reason 4.1.4.63 (not 6.2.4.12)",
        "create": DEP, "start": t(0), "options": {"seed": 3},
        "steps": [
            create_step,
            {"response": ok({"externalId": "PSP-11", "orderStatus": "Created"}), "now": t(1)},
            {"poll": t(1 + POLL), "expect": ps_status("deposit", "PSP-11")},
            {"response": ok({"externalId": "PSP-someone-else", "orderStatus": "Success", "amount": 100}),
             "now": t(a1)},
            {"poll": t(a1), "expect": wait(t(a1 + w1))},
            {"poll": t(a1 + w1), "expect": ps_status("deposit", "PSP-11")},
            {"response": ok({"externalId": "PSP-11", "orderStatus": "Failed", "amount": 100.00,
                             "orderHistory": [{"time": "2026-01-01T00:00:01Z", "action": "1.1.1.00"},
                                              {"time": "2026-01-01T00:00:02Z", "action": "2.1.1.00"},
                                              {"time": "2026-01-01T00:00:40Z", "action": "3.0.1.53"},
                                              {"time": "2026-01-01T00:01:00Z", "action": "4.1.4.63"},
                                              {"time": "2026-01-01T00:01:05Z", "action": "6.2.4.12"}]}),
             "now": t(a1 + w1 + 1)},
            {"poll": t(a1 + w1 + 1), "expect": done({
                "providerId": "PSP-11",
                "status": st("failed", True, "Failed",
                             reason={"code": "4.1.4.63", "message": "ISSUER / INSUFFICIENT_FUNDS"})})},
        ]})

    # 3. Hosted (H2C) deposit: Init with redirectUrl, a verified Success callback, confirmed.
    hosted = {"type": "create_deposit", "merchantId": "M-H1", "amount": "25.00", "currency": "USD",
              "flow": "hosted"}
    cases.append({
        "name": "hosted deposit: Init with redirectUrl, verified Success callback, status confirms, done",
        "create": hosted, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": send({"type": "create_deposit", "merchantId": "M-H1"},
                                          ps_create_request(INIT + "/deposit-order/", externalTransactionId="M-H1",
                                                            amount=25.0, currency="USD"))},
            {"response": ok({"externalId": "PSP-12", "orderStatus": "Init",
                             "redirectUrl": "https://payform.paystar.uk/pay/PSP-12"}), "now": t(1)},
            {"poll": t(1), "expect": wait(t(1 + POLL))},
            {"callback": ps_callback("PSP-12", "Success", "25.00", "Deposit", DEP_KEY), "now": t(60),
             "expect": {"status": 200, "body": "OK"}},
            {"poll": t(60), "expect": ps_status("deposit", "PSP-12")},
            # The status answer carries no currency: the amount is kept as PayStar wrote it.
            {"response": resp(200, '{"externalId":"PSP-12","orderStatus":"Success","amount":25.00}'), "now": t(61)},
            {"poll": t(61), "expect": done({"providerId": "PSP-12", "merchantId": "M-H1", "amount": "25.00",
                                            "status": st("succeeded", True, "Success")})},
        ]})

    # 4. A correctly signed callback about another order does not touch this flow.
    cases.append({
        "name": "a signed callback about another order is refused and changes nothing",
        "create": DEP, "start": t(0),
        "steps": [
            create_step,
            {"response": ok({"externalId": "PSP-13", "orderStatus": "Created"}), "now": t(1)},
            {"callback": ps_callback("PSP-other", "Success", "100.00", "Deposit", DEP_KEY), "now": t(30),
             "expectError": {"code": "invalid_request"}},
            {"poll": t(30), "expect": wait(t(1 + POLL))},
            {"poll": t(1 + POLL), "expect": ps_status("deposit", "PSP-13")},
        ]})

    # 5. Payout: the payout pipeline's token and key throughout.
    payout = {"type": "create_payout", "merchantId": "P-1", "amount": "100.00", "currency": "USD",
              "card": {"number": "1234123412341234"}}
    cases.append({
        "name": "payout: payout token, Withdrawal callback signed with the payout key, Success confirmed",
        "create": payout, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": send({"type": "create_payout", "merchantId": "P-1"},
                                          ps_create_request(SECURE + "/withdrawal-order/", PAY_T,
                                                            externalTransactionId="P-1", amount=100.0,
                                                            currency="USD",
                                                            additionalFields=[{"key": "cardNumber",
                                                                               "value": "1234123412341234"}]))},
            {"response": ok({"externalId": "a30288b2-220a-4495-9bcb-6821dcc39331", "orderStatus": "Created"}),
             "now": t(1)},
            {"callback": ps_callback("a30288b2-220a-4495-9bcb-6821dcc39331", "Processing", "100.00",
                                     "Withdrawal", PAY_KEY), "now": t(20),
             "expect": {"status": 200}},
            {"poll": t(20), "expect": ps_status("payout", "a30288b2-220a-4495-9bcb-6821dcc39331", token=PAY_T)},
            {"response": ok({"externalId": "a30288b2-220a-4495-9bcb-6821dcc39331", "orderStatus": "Success"}),
             "now": t(21)},
            {"poll": t(21), "expect": done({"direction": "payout", "merchantId": "P-1", "amount": "100.00",
                                            "status": st("succeeded", True, "Success")})},
        ]})

    # 6. Lost create answer; the lookup by merchant id meets a 500 first, then finds the order.
    rng = Rng(0)
    w1 = backoff(1, rng)       # after the create's timeout
    w2 = backoff(2, rng)       # after the lookup's 500
    lost = 30
    l1 = lost + w1
    cases.append({
        "name": "lost create answer: lookup by merchant id answered 500, backoff, then found: no second create",
        "create": DEP, "start": t(0),
        "steps": [
            create_step,
            {"transportError": "reset", "now": t(lost)},
            {"poll": t(lost), "expect": wait(t(l1))},
            {"poll": t(l1), "expect": ps_status("deposit", "M-1", by_merchant=True)},
            {"response": resp(500, ""), "now": t(l1 + 1)},
            {"poll": t(l1 + 1), "expect": wait(t(l1 + 1 + w2))},
            {"poll": t(l1 + 1 + w2), "expect": ps_status("deposit", "M-1", by_merchant=True)},
            {"response": ok({"externalId": "PSP-14", "orderStatus": "Processing", "amount": 100}),
             "now": t(l1 + 2 + w2)},
            {"poll": t(l1 + 2 + w2), "expect": wait(t(l1 + 2 + w2 + POLL))},
            {"poll": t(l1 + 2 + w2 + POLL), "expect": ps_status("deposit", "PSP-14")},
        ]})
    return cases


# =============================================================================================
# Butler bridge (paystar.md §18.1, seed 000)
# =============================================================================================
BASE = "https://bridge.example.com"
BT_PAY, BT_DEP = "butler-payout-token", "butler-deposit-token"
BT = {"provider": "paystar_butler", "baseUrl": BASE, "payoutToken": BT_PAY, "depositToken": BT_DEP}
W_URL = f"{BASE}/api/v1/integration/butler/withdrawal-order"
WITHDRAWAL = {"type": "create_payout", "merchantId": "Merch-12345", "amount": "1000", "currency": "USD",
              "card": {"number": "1111123456781111"}, "telecomOperator": "vodafone-uk"}
W_BODY = {"externalId": "Merch-12345", "amount": 1000,
          "properties": [{"key": "cardNumber", "value": "1111123456781111"},
                         {"key": "telecomOperator", "value": "vodafone-uk"}]}
PSP_ID = "PayStar-9dc24b8a-0c32-4437-9645-8f53cd07e1e8"


def bt_create():
    return send({"type": "create_payout", "merchantId": "Merch-12345"},
                {"method": "POST", "url": W_URL,
                 "headers": {"authorization": f"Bearer {BT_PAY}", "content-type": "application/json"},
                 "json": W_BODY})


def bt_status():
    # The status {id} is Butler's externalId, the merchant's own id (seed 000), also after the
    # create answered with pspDepositOrderID.
    return send({"type": "get_payout", "merchantId": "Merch-12345"},
                {"method": "GET", "url": f"{W_URL}/Merch-12345",
                 "headers": {"authorization": f"Bearer {BT_PAY}"}})


def bt_answer(status, external_id="Merch-12345"):
    return ok({"amount": "1000", "status": status, "externalId": external_id, "pspDepositOrderID": PSP_ID})


def butler_cases():
    cases = []
    cases.append({
        "name": "happy path: create, Created, status by the merchant's externalId, Success, done",
        "create": WITHDRAWAL, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": bt_create()},
            {"response": bt_answer("Created"), "now": t(1)},
            {"poll": t(1), "expect": wait(t(1 + POLL))},
            {"poll": t(1 + POLL), "expect": bt_status()},
            {"response": bt_answer("Processing"), "now": t(2 + POLL)},
            {"poll": t(2 + POLL), "expect": wait(t(2 + 2 * POLL))},
            {"poll": t(2 + 2 * POLL), "expect": bt_status()},
            {"response": bt_answer("Success"), "now": t(3 + 2 * POLL)},
            # Seed 000's answer carries amount "1000" and no currency: kept as written.
            {"poll": t(3 + 2 * POLL), "expect": done({"direction": "payout", "providerId": PSP_ID,
                                                      "merchantId": "Merch-12345", "amount": "1000",
                                                      "status": st("succeeded", True, "Success")})},
        ]})
    rng = Rng(0)
    w1 = backoff(1, rng)
    cases.append({
        "name": "lost create answer: status by merchant id says 404 Order Not Found, the same create once more",
        "create": WITHDRAWAL, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": bt_create()},
            {"transportError": "timeout", "now": t(30)},
            {"poll": t(30), "expect": wait(t(30 + w1))},
            {"poll": t(30 + w1), "expect": bt_status()},
            {"response": resp(404, ""), "now": t(31 + w1)},
            {"poll": t(31 + w1), "expect": bt_create()},
            {"response": bt_answer("Created"), "now": t(32 + w1)},
            {"poll": t(32 + w1), "expect": wait(t(32 + w1 + POLL))},
        ]})
    rng = Rng(11)
    w1 = backoff(1, rng)
    w2 = backoff(2, rng)
    a1 = 2 + POLL
    a2 = a1 + w1 + 1
    cases.append({
        "name": "status call answered 502 then 423: backoff with jitter, then Failed is final",
        "create": WITHDRAWAL, "start": t(0), "options": {"seed": 11},
        "steps": [
            {"poll": t(0), "expect": bt_create()},
            {"response": bt_answer("Created"), "now": t(1)},
            {"poll": t(1 + POLL), "expect": bt_status()},
            {"response": resp(502, "<html>502 Bad Gateway</html>", "text/html"), "now": t(a1)},
            {"poll": t(a1), "expect": wait(t(a1 + w1))},
            {"poll": t(a1 + w1), "expect": bt_status()},
            {"response": resp(423, ""), "now": t(a2)},
            {"poll": t(a2), "expect": wait(t(a2 + w2))},
            {"poll": t(a2 + w2), "expect": bt_status()},
            {"response": bt_answer("Failed"), "now": t(a2 + w2 + 1)},
            {"poll": t(a2 + w2 + 1), "expect": done({"status": st("failed", True, "Failed")})},
        ]})
    # Seed 000 lists Created/Processing/Success/Failed for withdrawals: Init is unknown, not
    # final and not requires_action (issue 12 item 6): the flow keeps polling.
    cases.append({
        "name": "a withdrawal answered Init is unknown, not final: the flow keeps polling until Success",
        "create": WITHDRAWAL, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": bt_create()},
            {"response": bt_answer("Init"), "now": t(1)},
            {"poll": t(1), "expect": wait(t(1 + POLL))},
            {"poll": t(1 + POLL), "expect": bt_status()},
            {"response": bt_answer("Init"), "now": t(2 + POLL)},
            {"poll": t(2 + POLL), "expect": wait(t(2 + 2 * POLL))},
            {"poll": t(2 + 2 * POLL), "expect": bt_status()},
            {"response": bt_answer("Success"), "now": t(3 + 2 * POLL)},
            {"poll": t(3 + 2 * POLL), "expect": done({"status": st("succeeded", True, "Success")})},
        ]})
    rng = Rng(0)
    w1 = backoff(1, rng)
    a1 = 2 + POLL
    cases.append({
        "name": "a status answer about another externalId is refused (bad_response), backoff, then ours",
        "create": WITHDRAWAL, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": bt_create()},
            {"response": bt_answer("Created"), "now": t(1)},
            {"poll": t(1 + POLL), "expect": bt_status()},
            {"response": bt_answer("Success", external_id="Merch-99999"), "now": t(a1)},
            {"poll": t(a1), "expect": wait(t(a1 + w1))},
            {"poll": t(a1 + w1), "expect": bt_status()},
            {"response": bt_answer("Processing"), "now": t(a1 + w1 + 1)},
            {"poll": t(a1 + w1 + 1), "expect": wait(t(a1 + w1 + 1 + POLL))},
        ]})
    # The bridge documents no callbacks: a callback (even with a PayStar Signature) is refused as
    # unsupported and does not move the flow.
    cases.append({
        "name": "a callback to the Butler bridge is unsupported and changes nothing",
        "create": WITHDRAWAL, "start": t(0),
        "steps": [
            {"poll": t(0), "expect": bt_create()},
            {"response": bt_answer("Created"), "now": t(1)},
            {"callback": ps_callback(PSP_ID, "Success", "1000", "Withdrawal", "any-key"), "now": t(10),
             "expectError": {"code": "unsupported"}},
            {"poll": t(10), "expect": wait(t(1 + POLL))},
        ]})
    return cases


# The CoreFy bridge's flows (corefy*.json) are written by _generate_corefy.py.



if __name__ == "__main__":
    write("paystar_more.json",
          "More PayStar flows: 5xx/423 on status calls, an answer about another order, the decline reason "
          "from the event that failed the payment, a hosted deposit, a payout, a lost create answer whose "
          "lookup meets a 500. Signatures with hashlib; backoff from SplitMix64 and the equal-jitter rule.",
          PS, paystar_cases())
    write("butler.json",
          "PayStar Butler bridge withdrawal flows (paystar.md 18.1, seed 000): status by the merchant's "
          "externalId throughout, Init is unknown (payout mapping), lost create answer, 5xx/423, an answer "
          "about another order, callbacks unsupported.",
          BT, butler_cases())
