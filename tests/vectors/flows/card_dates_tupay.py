#!/usr/bin/env python3
"""Writes card_safety.json, edge_dates.json and tupay_recreate.json (flow vectors, format in
core/src/flow/vectors.rs). Request bodies are typed by hand from shared/providers/paystar.md
(sections 5.2, 5.3) and shared/providers/tupay.md (sections 2.1-2.3); the card keys other than
cardNumber are pspkit's documented choice (core/src/providers/paystar/requests.rs). Tupay
Authorization = HMAC-SHA256(secret, X-Date + X-Login + body) computed with Python's hmac. Backoff
waits: a Python SplitMix64 seeded with the case's seed and the equal-jitter rule of
core/src/flow/policy.rs (step = min(initial * 2^(streak-1), max); wait = step//2 + draw % (step -
step//2 + 1), at least 1). Nothing here is taken from pspkit's output.
Run: python3 tests/vectors/flows/card_dates_tupay.py"""
import calendar, hashlib, hmac, json, os, time

DIR = os.path.dirname(os.path.abspath(__file__))
M = 2**64 - 1


class SplitMix64:
    def __init__(self, seed):
        self.s = seed

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & M
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        return z ^ (z >> 31)

    def below(self, n):
        return 0 if n == 0 else self.next() % n


def backoff(streak, rng, initial=2, maximum=300):
    step = min(initial * 2 ** min(streak - 1, 40), maximum)
    half = step // 2
    return max(half + rng.below(step - half + 1), 1)


def ts(unix):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(unix))


T0 = calendar.timegm((2026, 1, 1, 0, 0, 0))


def write(name, doc):
    with open(os.path.join(DIR, name), "w") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")


def resp(status, body):
    return {"status": status, "headers": {"content-type": "application/json"}, "body": body}


# ------------------------------------------------------------------ card safety (PayStar)
PAN, CVV, HOLDER = "4111111111111111", "123", "JOHN WEAK"
CARD = {"number": PAN, "holder": HOLDER, "expiryMonth": "12", "expiryYear": "2031", "cvv": CVV}
MASK = "411111******1111"  # first six, six stars, last four
FIELDS = ["number", "holder", "expiryMonth", "expiryYear", "cvv"]
SECRETS = [PAN, '"' + CVV + '"', HOLDER, "2031", "4111 1111"]
URLS = {"callbackUrl": "https://merch.example/cb", "successUrl": "https://merch.example/ok",
        "failureUrl": "https://merch.example/failed", "processingUrl": "https://merch.example/wait"}
CARD_CREATE = {"type": "create_deposit", "merchantId": "M-C1", "amount": "100.00",
               "currency": "USD", "flow": "direct", **URLS, "card": CARD}
DEPOSIT_URL = "https://secure.paystar.uk/api/v1/integration/deposit-order/"
# §5.2: amount, currency, externalTransactionId, callbackUrl, the three redirect URLs, and the
# card in additionalFields (cardNumber first, then holder, expiry, CVV).
CARD_BODY = {
    "amount": 100.0, "currency": "USD", "externalTransactionId": "M-C1",
    "callbackUrl": "https://merch.example/cb", "successRedirectUrl": "https://merch.example/ok",
    "failedRedirectUrl": "https://merch.example/failed",
    "processingRedirectUrl": "https://merch.example/wait",
    "additionalFields": [{"key": "cardNumber", "value": PAN},
                         {"key": "cardHolder", "value": HOLDER},
                         {"key": "cardExpiryMonth", "value": "12"},
                         {"key": "cardExpiryYear", "value": "2031"},
                         {"key": "cardCvv", "value": CVV}]}


def no_card(expect=None):
    s = {"state": {"mustNotContain": SECRETS}}
    if expect:
        s["state"]["expect"] = expect
    return s


def send_create(at):
    return {"poll": ts(at), "expect": {
        "type": "send_request",
        "operation": {"type": "create_deposit", "merchantId": "M-C1", "card": {"number": MASK}},
        "request": {"method": "POST", "url": DEPOSIT_URL,
                    "headers": {"authorization": "Bearer dep-token"}, "json": CARD_BODY}}}


PAYSTAR = {"provider": "paystar", "depositToken": "dep-token", "payoutToken": "pay-token",
           "callbackKey": "cb-secret"}

rng = SplitMix64(0)
w1 = backoff(1, rng)
lost = T0 + 5
case_resend = {
    "name": "a card create re-sent after a lost answer: the host supplies the card on every resume, the state never holds it, the re-send is identical",
    "create": CARD_CREATE, "start": ts(T0), "options": {"seed": 0},
    "steps": [
        no_card({"version": 2, "phase": "create", "card": {"masked": MASK, "fields": FIELDS},
                 "create": {"merchantId": "M-C1"}}),
        send_create(T0),
        no_card({"inFlight": {"purpose": "create"}}),
        {"transportError": "timeout", "now": ts(lost)},
        no_card({"phase": "recover", "lastError": {"code": "temporarily_unavailable"}}),
        {"poll": ts(lost), "expect": {"type": "wait_until", "at": ts(lost + w1)}},
        {"poll": ts(lost + w1), "expect": {"type": "send_request", "operation": {
            "type": "get_deposit", "merchantId": "M-C1"}, "request": {
            "method": "GET",
            "url": "https://secure.paystar.uk/api/v1/integration/deposit-order/M-C1/status-by-external-transaction-id"}}},
        {"response": resp(404, ""), "now": ts(lost + w1 + 1)},
        send_create(lost + w1 + 1),
        {"response": resp(200, '{"externalId":"PSP-C1","orderStatus":"Created"}'),
         "now": ts(lost + w1 + 2)},
        no_card({"phase": "track", "providerId": "PSP-C1", "createsSent": 2}),
    ]}

case_needs_card = {
    "name": "resumed without the card: needs_card_data, a different or incomplete card is refused, the right one gives the identical create",
    "create": CARD_CREATE, "start": ts(T0), "resumeWithCard": False,
    "steps": [
        {"poll": ts(T0), "expect": {"type": "needs_card_data", "merchantId": "M-C1",
                                    "masked": MASK}},
        no_card({"createsSent": 0, "inFlight": None}),
        {"supplyCard": {**CARD, "number": "5555555555554444"}, "expectError": {
            "code": "invalid_request",
            "message": "card.number: does not match the card the flow started with (" + MASK + ")"}},
        {"supplyCard": {k: v for k, v in CARD.items() if k != "cvv"}, "expectError": {
            "code": "invalid_request",
            "message": "card.cvv: is missing: the create the flow started with carried it"}},
        {"supplyCard": {**CARD, "token": "tok-1"}, "expectError": {"code": "invalid_request"}},
        {"poll": ts(T0), "expect": {"type": "needs_card_data", "merchantId": "M-C1"}},
        {"supplyCard": CARD},
        send_create(T0),
        {"response": resp(200, '{"externalId":"PSP-C1","orderStatus":"Created"}'),
         "now": ts(T0 + 1)},
        no_card({"phase": "track", "createsSent": 1}),
    ]}

case_card_not_needed = {
    "name": "resumed without the card after the create was answered: tracking needs no card data",
    "create": CARD_CREATE, "start": ts(T0),
    "steps": [
        send_create(T0),
        {"response": resp(200, '{"externalId":"PSP-C1","orderStatus":"Created"}'),
         "now": ts(T0 + 1)},
    ]}

TOKEN = "tok-secret-0001"
case_token = {
    "name": "a card token is a secret too: sent to PayStar's token host, never stored",
    "create": {"type": "create_deposit", "merchantId": "M-T1", "amount": "100.00",
               "currency": "USD", "flow": "token", **URLS, "card": {"token": TOKEN}},
    "start": ts(T0),
    "steps": [
        {"state": {"mustNotContain": [TOKEN], "expect": {"card": {"masked": None,
                                                                   "fields": ["token"]}}}},
        {"poll": ts(T0), "expect": {"type": "send_request", "request": {
            "url": "https://token.paystar.uk/api/v1/integration/deposit-order/",
            "json": {"externalTransactionId": "M-T1", "additionalFields": [
                {"key": "cardStorageToken", "value": TOKEN}]}}}},
        {"state": {"mustNotContain": [TOKEN]}},
        {"response": resp(200, '{"externalId":"PSP-T1","orderStatus":"Created"}'),
         "now": ts(T0 + 1)},
        {"state": {"mustNotContain": [TOKEN]}},
    ]}

case_error = {
    "name": "a payout refused with an error that echoes the card number: the stored error is masked",
    "create": {"type": "create_payout", "merchantId": "M-P1", "amount": "100.00",
               "currency": "USD", "card": {"number": PAN}},
    "start": ts(T0),
    "steps": [
        {"poll": ts(T0), "expect": {"type": "send_request", "request": {
            "url": "https://secure.paystar.uk/api/v1/integration/withdrawal-order/",
            "json": {"externalTransactionId": "M-P1", "additionalFields": [
                {"key": "cardNumber", "value": PAN}]}}}},
        {"response": resp(400, '{"label":"VALIDATION_ERROR.","message":"card ' + PAN
                          + ' is blocked","statusDescrption":"1-4001"}'), "now": ts(T0 + 1)},
        {"state": {"mustNotContain": [PAN], "expect": {"phase": "attention"}}},
        {"poll": ts(T0 + 1), "expect": {"type": "needs_attention", "reason": "create_rejected"}},
    ]}

write("card_safety.json", {
    "kind": "flow",
    "description": "Card data never reaches the stored flow state (DESIGN §8): PAN only as its 6x4 mask, no CVV, expiry, holder or token; after a resume the host supplies the card again (the runner's default, or a supplyCard step with resumeWithCard false). Bodies typed by hand from shared/providers/paystar.md §5.2/§5.3/§5.5 (card keys other than cardNumber: pspkit's documented choice); waits from a Python SplitMix64 (card_dates_tupay.py).",
    "config": PAYSTAR,
    "cases": [case_resend, case_needs_card, case_token, case_error]})

# ------------------------------------------------------------------ edge dates
END = calendar.timegm((9999, 12, 31, 23, 59, 59))
LATE = calendar.timegm((9999, 12, 31, 12, 0, 0))
P2P = {"type": "create_deposit", "merchantId": "M-D1", "amount": "100.00", "currency": "USD",
       "paymentMethod": "p2p", "flow": "direct"}
write("edge_dates.json", {
    "kind": "flow",
    "description": "Times at the edge of what RFC 3339 can write (years 0000-9999): a flow started on 9999-12-31 gets its deadline clamped to 9999-12-31T23:59:59Z and resumes at every step; a now that folds outside the range is refused as invalid_request.",
    "config": PAYSTAR,
    "cases": [
        {"name": "started at 9999-12-31T12:00:00Z: the one-day deadline stops at the last writable second",
         "create": P2P, "start": ts(LATE),
         "steps": [
             {"state": {"expect": {"startedAt": "9999-12-31T12:00:00Z",
                                   "deadline": "9999-12-31T23:59:59Z"}}},
             {"poll": ts(LATE), "expect": {"type": "send_request",
                                            "operation": {"type": "create_deposit"}}},
             {"response": resp(200, '{"externalId":"PSP-D1","orderStatus":"Created"}'),
              "now": ts(LATE + 1)},
             {"poll": ts(LATE + 1), "expect": {"type": "wait_until", "at": ts(LATE + 121)}},
             {"poll": ts(END), "expect": {"type": "needs_attention",
                                          "reason": "deadline_passed"}},
             {"state": {"expect": {"lastNow": "9999-12-31T23:59:59Z", "phase": "attention"}}},
         ]},
        {"name": "a start that folds to year -1 in UTC is refused",
         "create": P2P, "start": "0000-01-01T00:00:00+01:00",
         "startError": {"code": "invalid_request"}},
        {"name": "a start that folds to year 10000 in UTC is refused",
         "create": P2P, "start": "9999-12-31T23:59:59-01:00",
         "startError": {"code": "invalid_request"}},
        {"name": "a poll whose now folds past 9999 is refused and changes nothing",
         "create": P2P, "start": ts(T0),
         "steps": [
             {"poll": "9999-12-31T23:30:00-00:30", "expectError": {"code": "invalid_request"}},
             {"state": {"expect": {"lastNow": ts(T0)}}},
             {"poll": ts(T0), "expect": {"type": "send_request"}},
         ]},
    ]})

# ------------------------------------------------------------------ Tupay re-create
DEP_SECRET, X_LOGIN = "my_deposit_api_signature", "my_x_login"
TUPAY = {"provider": "tupay", "baseUrl": "https://api-stg.tupayonline.com/",
         "depositLogin": X_LOGIN, "depositSecret": DEP_SECRET, "cashoutLogin": "cashout_login",
         "cashoutPass": "cashout_pass", "cashoutSecret": "my_cashout_api_signature"}
TUPAY_CREATE = {"type": "create_deposit", "merchantId": "INV-R1", "amount": "10",
                "currency": "PEN", "paymentMethod": "XA", "successUrl": "https://shop.pe/ok",
                "failureUrl": "https://shop.pe/error", "callbackUrl": "https://shop.pe/tupay/notify",
                "customer": {"id": "11", "firstName": "Ana", "lastName": "Quispe",
                             "document": "86970864", "documentType": "DNI",
                             "email": "ana@example.pe"}}
# §2.3, fields in the documented order; back_url falls back to the failure URL.
TUPAY_BODY = ('{"country":"PE","amount":10.00,"currency":"PEN","invoice_id":"INV-R1",'
              '"payment_method":"XA","payer":{"id":"11","first_name":"Ana","last_name":"Quispe",'
              '"document":"86970864","document_type":"DNI","email":"ana@example.pe"},'
              '"back_url":"https://shop.pe/error","success_url":"https://shop.pe/ok",'
              '"error_url":"https://shop.pe/error","notification_url":"https://shop.pe/tupay/notify"}')
E104 = '{"code":104,"description":"Idempotency key already used","type":"IDEMPOTENCY_KEY_ALREADY_USED"}'


def tupay_create(at):
    xdate = ts(at)
    mac = hmac.new(DEP_SECRET.encode(), (xdate + X_LOGIN + TUPAY_BODY).encode(), hashlib.sha256)
    return {"poll": xdate, "expect": {"type": "send_request",
                                      "operation": {"type": "create_deposit", "merchantId": "INV-R1"},
                                      "request": {"method": "POST",
                                                  "url": "https://api-stg.tupayonline.com/v3/deposits",
                                                  "headers": {"x-login": X_LOGIN, "x-date": xdate,
                                                              "x-idempotency-key": "INV-R1",
                                                              "authorization": "D24 " + mac.hexdigest()},
                                                  "body": TUPAY_BODY}}}


SEED = 7
rng = SplitMix64(SEED)
t = T0
steps = [tupay_create(t), {"response": resp(500, ""), "now": ts(t + 1)}]
t += 1
w = backoff(1, rng)
steps += [{"poll": ts(t), "expect": {"type": "wait_until", "at": ts(t + w)}}]
t += w
for streak in (2, 3):
    steps += [tupay_create(t), {"response": resp(400, E104), "now": ts(t + 1)}]
    t += 1
    w = backoff(streak, rng)
    # No immediate re-send after a 104: the flow waits out the backoff.
    steps += [{"poll": ts(t), "expect": {"type": "wait_until", "at": ts(t + w)}},
              {"state": {"expect": {"orderExists": True, "createsSent": streak,
                                    "phase": "recover", "lastError": {"code": "duplicate"}}}}]
    t += w
steps += [{"poll": ts(t), "expect": {
    "type": "needs_attention", "reason": "too_many_creates", "errorCode": "duplicate",
    "message": "the create was sent 3 times; the provider answered that an order under this merchant id's idempotency key already exists, but it has no lookup by merchant id, so the order's status is unknown: wait for its notification (confirm it with a status call by provider id) or look it up in the provider's panel"}}]

write("tupay_recreate.json", {
    "kind": "flow",
    "description": "Tupay deposits have no lookup by merchant id: after a lost create answer (500) the flow re-sends the identical idempotent create (same body and X-Idempotency-Key, X-Date and Authorization recomputed: HMAC-SHA256 with Python's hmac). A 104 IDEMPOTENCY_KEY_ALREADY_USED answer means the order exists: the next re-send waits out the backoff (SplitMix64 seed 7, equal jitter, computed in card_dates_tupay.py) and the flow finally says the order exists with an unknown status, never that there is no order. Body from shared/providers/tupay.md §2.3.",
    "config": TUPAY,
    "cases": [{"name": "500, then re-sends answered 104, each after a backoff; the flow stops saying the order exists",
               "create": TUPAY_CREATE, "start": ts(T0), "options": {"seed": SEED},
               "steps": steps}]})
print("wrote card_safety.json, edge_dates.json, tupay_recreate.json")
