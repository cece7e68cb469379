#!/usr/bin/env python3
"""Writes the Tupay deposit, Tupay cashout and DPay flow vectors (tupay.json, tupay_cashouts.json,
dpay.json; format: core/src/flow/vectors.rs).

Facts: shared/providers/tupay.md (deposit Authorization = HMAC-SHA256(X-Date + X-Login + body),
cashout notification control = upper-hex HMAC-SHA256("Be4" + external_id + "Bo7"), statuses and
late transitions §2.5 / §3.4, notifications §2.6 / §3.5) and shared/providers/agent-payout-gateway.md
(DPAY_SECURE = base64(md5(salt + base64(sha1(body)) + salt)), statuses seed 003, status_url GET).
Flow rules from core/src/flow/mod.rs: polls after the provider's pollAfterSeconds (Tupay 300 s,
DPay 60 s, as their module docs state), backoff = equal jitter over SplitMix64 (seed 0) computed
below. Every signature here comes from Python's hmac/hashlib. Run:
python3 tests/vectors/flows/_generate_tupay_dpay.py
"""
import base64, datetime, hashlib, hmac, json, os, urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
M64 = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.s = seed

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & M64
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        return z ^ (z >> 31)


assert SplitMix64(0).next() == 0xE220A8397B1DCDAF  # the published reference sequence


def backoff(streak, rng, initial=2, cap=300):
    step = min(initial * (1 << min(streak - 1, 40)), cap)
    half = step // 2
    return max(half + rng.next() % (step - half + 1), 1)


T0 = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)


def t(secs):
    return (T0 + datetime.timedelta(seconds=secs)).strftime("%Y-%m-%dT%H:%M:%SZ")


def write(name, description, config, cases):
    doc = {"kind": "flow", "description": description, "config": config, "cases": cases}
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    return len(cases)


def resp(status, body, headers=None):
    h = {"content-type": "application/json"}
    h.update(headers or {})
    return {"status": status, "headers": h, "body": body}


# ================================================================ Tupay
API = "https://api-stg.tupayonline.com"
DEP_SECRET, X_LOGIN = "my_deposit_api_signature", "my_x_login"
CASH_SECRET, CASH_LOGIN, CASH_PASS = "my_cashout_api_signature", "cashout_login", "cashout_pass"
TUPAY = {"provider": "tupay", "baseUrl": API, "depositLogin": X_LOGIN, "depositSecret": DEP_SECRET,
         "cashoutLogin": CASH_LOGIN, "cashoutPass": CASH_PASS, "cashoutSecret": CASH_SECRET}
POLL = 300  # Tupay's module docs: pollAfterSeconds 300 while not final


def dep_auth(xdate, body):
    return "D24 " + hmac.new(DEP_SECRET.encode(), (xdate + X_LOGIN + body).encode(), hashlib.sha256).hexdigest()


def control(external_id, secret=CASH_SECRET):
    return hmac.new(secret.encode(), ("Be4" + external_id + "Bo7").encode(), hashlib.sha256).hexdigest().upper()


DEPOSIT = {"type": "create_deposit", "merchantId": "INV-0001", "amount": "10", "currency": "PEN",
           "paymentMethod": "XA", "successUrl": "https://shop.pe/ok", "failureUrl": "https://shop.pe/error",
           "callbackUrl": "https://shop.pe/tupay/notify",
           "customer": {"id": "11", "firstName": "Ana", "lastName": "Quispe", "document": "86970864",
                        "documentType": "DNI", "email": "ana@example.pe"}}
DEPOSIT_BODY = ('{"country":"PE","amount":10.00,"currency":"PEN","invoice_id":"INV-0001","payment_method":"XA",'
                '"payer":{"id":"11","first_name":"Ana","last_name":"Quispe","document":"86970864","document_type":"DNI",'
                '"email":"ana@example.pe"},"back_url":"https://shop.pe/error","success_url":"https://shop.pe/ok",'
                '"error_url":"https://shop.pe/error","notification_url":"https://shop.pe/tupay/notify"}')
HOSTED = json.dumps({"checkout_type": "HOSTED", "deposit_id": 300000025, "merchant_invoice_id": "INV-0001",
                     "redirect_url": "https://checkout-stg.directa24.com/v1/gateway/show?id_payment=300000025"})


def create_sent(at):
    return {"poll": t(at), "expect": {"type": "send_request",
            "operation": {"type": "create_deposit", "merchantId": "INV-0001"},
            "request": {"method": "POST", "url": API + "/v3/deposits", "body": DEPOSIT_BODY,
                        "headers": {"x-login": X_LOGIN, "x-date": t(at), "x-idempotency-key": "INV-0001",
                                    "authorization": dep_auth(t(at), DEPOSIT_BODY)}}}}


def status_sent(at, deposit_id="300000025"):
    return {"poll": t(at), "expect": {"type": "send_request",
            "operation": {"type": "get_deposit", "providerId": deposit_id},
            "request": {"method": "GET", "url": f"{API}/v3/deposits/{deposit_id}", "body": "",
                        "headers": {"x-login": X_LOGIN, "x-date": t(at), "authorization": dep_auth(t(at), "")}}}}


def dep_status(status, **extra):
    d = {"deposit_id": 300000025, "invoice_id": "INV-0001", "country": "PE", "currency": "PEN",
         "local_amount": 10.00, "usd_amount": 2.54, "status": status, "fee_amount": 0.13, "fee_currency": "USD"}
    d.update(extra)
    return json.dumps(d)


def notify(deposit_id=300000025):
    return {"method": "POST", "url": "https://shop.pe/tupay/notify", "headers": {"content-type": "application/json"},
            "body": json.dumps({"deposit_id": deposit_id})}


def waiting(at, until):
    return {"poll": t(at), "expect": {"type": "wait_until", "at": t(until)}}


def done(at, **payment):
    return {"poll": t(at), "expect": {"type": "done", "payment": payment}}


def st(state, final, provider=None):
    d = {"state": state, "final": final}
    if provider is not None:
        d["providerStatus"] = provider
    return d


rng = SplitMix64(0)
b1 = backoff(1, rng)
tupay_cases = [
    {"name": "happy path: HOSTED create, deposit notification (a trigger), signed status GET, COMPLETED",
     "create": DEPOSIT, "start": t(0), "options": {"seed": 0},
     "steps": [create_sent(0),
               {"response": resp(201, HOSTED), "now": t(1)},
               waiting(1, 1 + POLL),
               {"callback": notify(), "now": t(60), "expect": {"status": 200}},
               status_sent(60),
               {"response": resp(200, dep_status("COMPLETED", usd_amount=2.543, fee_amount=0.133)), "now": t(61)},
               done(61, direction="deposit", providerId="300000025", merchantId="INV-0001", amount="10.00",
                    currency="PEN", fee="0.133", status=st("succeeded", True, "COMPLETED"),
                    details={"usdAmount": "2.543"})]},
    {"name": "lost create answer: no lookup by invoice_id, so the same create (same idempotency key) after a jittered backoff",
     "create": DEPOSIT, "start": t(0), "options": {"seed": 0},
     "steps": [create_sent(0),
               {"transportError": "timeout", "now": t(30)},
               waiting(30, 30 + b1),
               create_sent(30 + b1),
               {"response": resp(201, HOSTED), "now": t(31 + b1)},
               waiting(31 + b1, 31 + b1 + POLL)]},
]
rng = SplitMix64(0)
b1 = backoff(1, rng)
tupay_cases += [
    {"name": "status GET answered 503 then 423: backoff (equal jitter, seed 0), then COMPLETED",
     "create": DEPOSIT, "start": t(0), "options": {"seed": 0},
     "steps": [create_sent(0),
               {"response": resp(201, HOSTED), "now": t(1)},
               status_sent(1 + POLL),
               {"response": resp(503, "<html>Service Unavailable</html>", {"content-type": "text/html"}), "now": t(2 + POLL)},
               waiting(2 + POLL, 2 + POLL + b1)]},
]
b2 = backoff(2, rng)
at_ = 2 + POLL + b1
tupay_cases[-1]["steps"] += [
    status_sent(at_),
    {"response": resp(423, ""), "now": t(at_ + 1)},
    waiting(at_ + 1, at_ + 1 + b2),
    status_sent(at_ + 1 + b2),
    {"response": resp(200, dep_status("COMPLETED")), "now": t(at_ + 2 + b2)},
    done(at_ + 2 + b2, status=st("succeeded", True, "COMPLETED"))]
tupay_cases += [
    {"name": "forged notifications: another deposit_id is refused, a broken body is refused; neither moves the payment",
     "create": DEPOSIT, "start": t(0), "options": {"seed": 0},
     "steps": [create_sent(0),
               {"response": resp(201, HOSTED), "now": t(1)},
               {"callback": notify(300000099), "now": t(10), "expectError": {"code": "invalid_request"}},
               {"callback": {"method": "POST", "url": "https://shop.pe/tupay/notify", "body": '{"deposit_id":{"x":1}}'},
                "now": t(11), "expectError": {"code": "bad_response"}},
               waiting(12, 1 + POLL)]},
    {"name": "documented late transition: EXPIRED (final), then approved by hand -> COMPLETED, reported once",
     "create": DEPOSIT, "start": t(0), "options": {"seed": 0},
     "steps": [create_sent(0),
               {"response": resp(201, HOSTED), "now": t(1)},
               status_sent(1 + POLL),
               {"response": resp(200, dep_status("EXPIRED")), "now": t(2 + POLL)},
               done(2 + POLL, status=st("expired", True, "EXPIRED")),
               {"callback": notify(), "now": t(5000), "expect": {"status": 200}},
               status_sent(5000),
               {"response": resp(200, dep_status("COMPLETED")), "now": t(5001)},
               {"poll": t(5001), "expect": {"type": "late_transition", "previous": {"state": "expired", "providerStatus": "EXPIRED"},
                                            "payment": {"status": st("succeeded", True, "COMPLETED")}}},
               done(5002, status=st("succeeded", True, "COMPLETED"))]},
    {"name": "documented late transition: CANCELLED -> COMPLETED (a late payment approved by hand)",
     "create": DEPOSIT, "start": t(0), "options": {"seed": 0},
     "steps": [create_sent(0),
               {"response": resp(201, HOSTED), "now": t(1)},
               status_sent(1 + POLL),
               {"response": resp(200, dep_status("CANCELLED")), "now": t(2 + POLL)},
               done(2 + POLL, status=st("cancelled", True, "CANCELLED")),
               {"callback": notify(), "now": t(9000), "expect": {"status": 200}},
               status_sent(9000),
               {"response": resp(200, dep_status("COMPLETED")), "now": t(9001)},
               {"poll": t(9001), "expect": {"type": "late_transition", "previous": {"state": "cancelled"},
                                            "payment": {"status": st("succeeded", True, "COMPLETED")}}}]},
    {"name": "a completed deposit never moves back: a later CANCELLED answer is suspicious, not taken",
     "create": DEPOSIT, "start": t(0), "options": {"seed": 0},
     "steps": [create_sent(0),
               {"response": resp(201, HOSTED), "now": t(1)},
               status_sent(1 + POLL),
               {"response": resp(200, dep_status("COMPLETED")), "now": t(2 + POLL)},
               done(2 + POLL, status=st("succeeded", True, "COMPLETED")),
               {"callback": notify(), "now": t(4000), "expect": {"status": 200}},
               status_sent(4000),
               {"response": resp(200, dep_status("CANCELLED")), "now": t(4001)},
               {"poll": t(4001), "expect": {"type": "needs_attention", "reason": "suspicious_transition",
                                            "payment": {"status": st("succeeded", True)}}}]},
    {"name": "create refused with HTTP 400 code 102 INVALID_SIGNATURE: the flow stops, error invalid_signature",
     "create": DEPOSIT, "start": t(0), "options": {"seed": 0},
     "steps": [create_sent(0),
               {"response": resp(400, '{"code":102,"description":"Invalid signature","type":"INVALID_SIGNATURE"}'), "now": t(1)},
               {"poll": t(1), "expect": {"type": "needs_attention", "errorCode": "invalid_signature"}}]},
]
n = write("tupay.json", "Tupay deposit flows: create, notifications (unsigned triggers), signed status GETs, "
          "backoff, documented late transitions. Authorization values from Python hmac.", TUPAY, tupay_cases)

# ---------------------------------------------------------------- Tupay cashouts
CASHOUT = {"type": "create_payout", "merchantId": "cashoutV35381", "amount": "100", "currency": "PEN",
           "callbackUrl": "https://shop.pe/tupay/cashouts",
           "customer": {"firstName": "Juan", "lastName": "Perez", "document": "86970864", "documentType": "DNI"},
           "bankAccount": {"interbankCode": "00219300153895206813", "accountType": "S"}}


def payload_sig(body):
    return hmac.new(CASH_SECRET.encode(), body.encode(), hashlib.sha256).hexdigest()


def cashout_create(at):
    return {"poll": t(at), "expect": {"type": "send_request",
            "operation": {"type": "create_payout", "merchantId": "cashoutV35381"},
            "request": {"method": "POST", "url": API + "/v3/cashout",
                        "json": {"login": CASH_LOGIN, "pass": CASH_PASS, "external_id": "cashoutV35381",
                                 "country": "PE", "currency": "PEN", "amount": 100,
                                 "bank_account": "00219300153895206813", "account_type": "S"}}}}


def cashout_status(at, **ref):
    op = {"type": "get_payout"}
    op.update(ref)
    return {"poll": t(at), "expect": {"type": "send_request", "operation": op,
            "request": {"method": "POST", "url": API + "/v3/cashout/status",
                        "json": {"login": CASH_LOGIN, "pass": CASH_PASS}}}}


def cashout_notification(external_id="cashoutV35381", cashout_id="8405147", ctrl=None):
    body = urllib.parse.urlencode([("date", "2026-01-01 00:10:00"), ("bank_reference_id", ""), ("comments", ""),
                                   ("external_id", external_id), ("control", ctrl or control(external_id)),
                                   ("cashout_id", cashout_id), ("status_reason", "")])
    return {"method": "POST", "url": "https://shop.pe/tupay/cashouts",
            "headers": {"content-type": "application/x-www-form-urlencoded"}, "body": body}


def cs(code, desc, **extra):
    d = {"cashout_status": code, "cashout_status_description": desc}
    d.update(extra)
    return json.dumps(d)


CREATED = '{"cashout_id":"8405147"}'
rng = SplitMix64(0)
cb1 = backoff(1, rng)
cash_cases = [
    {"name": "happy path: create (pending), signed notification, status call, 1 Completed",
     "create": CASHOUT, "start": t(0), "options": {"seed": 0},
     "steps": [cashout_create(0),
               {"response": resp(200, CREATED), "now": t(1)},
               waiting(1, 1 + POLL),
               {"callback": cashout_notification(), "now": t(100), "expect": {"status": 200}},
               cashout_status(100),
               {"response": resp(200, cs(4, "Delivered")), "now": t(101)},
               waiting(101, 101 + POLL),
               cashout_status(101 + POLL),
               {"response": resp(200, cs(1, "Completed")), "now": t(102 + POLL)},
               done(102 + POLL, direction="payout", providerId="8405147", merchantId="cashoutV35381",
                    status=st("succeeded", True, "1"))]},
    {"name": "lost create answer: status by external_id, 509 not found, the same create again",
     "create": CASHOUT, "start": t(0), "options": {"seed": 0},
     "steps": [cashout_create(0),
               {"transportError": "timeout", "now": t(30)},
               waiting(30, 30 + cb1),
               cashout_status(30 + cb1, merchantId="cashoutV35381"),
               {"response": resp(200, '{"code":509,"message":"Cashout not found with this ID"}'), "now": t(31 + cb1)},
               cashout_create(31 + cb1),
               {"response": resp(200, CREATED), "now": t(32 + cb1)},
               waiting(32 + cb1, 32 + cb1 + POLL)]},
]
rng = SplitMix64(0)
cb1 = backoff(1, rng)
cash_cases += [
    {"name": "status call answered 500: backoff, then 3 Rejected with 807 -> failed with the reason",
     "create": CASHOUT, "start": t(0), "options": {"seed": 0},
     "steps": [cashout_create(0),
               {"response": resp(200, CREATED), "now": t(1)},
               cashout_status(1 + POLL),
               {"response": resp(500, '{"message":"internal"}'), "now": t(2 + POLL)},
               waiting(2 + POLL, 2 + POLL + cb1),
               cashout_status(2 + POLL + cb1),
               {"response": resp(200, cs(3, "Rejected", rejection_code=807, rejection_reason="ERROR_REJECTED_BY_BANK")),
                "now": t(3 + POLL + cb1)},
               done(3 + POLL + cb1, status={"state": "failed", "final": True, "providerStatus": "3",
                                            "reason": {"code": "807"}})]},
    {"name": "forged notification (control from another key) is refused and only triggers a status call",
     "create": CASHOUT, "start": t(0), "options": {"seed": 0},
     "steps": [cashout_create(0),
               {"response": resp(200, CREATED), "now": t(1)},
               {"callback": cashout_notification(ctrl=control("cashoutV35381", "not_the_key")), "now": t(50),
                "expectError": {"code": "invalid_signature"}},
               cashout_status(50),
               {"response": resp(200, cs(0, "Pending")), "now": t(51)},
               waiting(51, 51 + POLL)]},
    {"name": "documented late transition: 1 Completed, days later 3 Rejected (the bank returned the money)",
     "create": CASHOUT, "start": t(0), "options": {"seed": 0},
     "steps": [cashout_create(0),
               {"response": resp(200, CREATED), "now": t(1)},
               cashout_status(1 + POLL),
               {"response": resp(200, cs(1, "Completed")), "now": t(2 + POLL)},
               done(2 + POLL, status=st("succeeded", True, "1")),
               {"callback": cashout_notification(), "now": t(3 * 86400), "expect": {"status": 200}},
               cashout_status(3 * 86400),
               {"response": resp(200, cs(3, "Rejected", rejection_code=808, rejection_reason="ERROR_OTHER")),
                "now": t(3 * 86400 + 1)},
               {"poll": t(3 * 86400 + 1), "expect": {"type": "late_transition", "previous": {"state": "succeeded"},
                                                      "payment": {"status": st("failed", True, "3")}}},
               done(3 * 86400 + 2, status=st("failed", True, "3"))]},
    {"name": "documented late transition: 1 Completed -> 3 with 826 WITHDRAWAL_REVERSED -> reversed",
     "create": CASHOUT, "start": t(0), "options": {"seed": 0},
     "steps": [cashout_create(0),
               {"response": resp(200, CREATED), "now": t(1)},
               cashout_status(1 + POLL),
               {"response": resp(200, cs(1, "Completed")), "now": t(2 + POLL)},
               done(2 + POLL, status=st("succeeded", True, "1")),
               {"callback": cashout_notification(), "now": t(2 * 86400), "expect": {"status": 200}},
               cashout_status(2 * 86400),
               {"response": resp(200, cs(3, "Rejected", rejection_code=826)), "now": t(2 * 86400 + 1)},
               {"poll": t(2 * 86400 + 1), "expect": {"type": "late_transition", "previous": {"state": "succeeded"},
                                                      "payment": {"status": {"state": "reversed", "final": True,
                                                                             "reason": {"code": "826"}}}}}]},
]
n += write("tupay_cashouts.json", "Tupay cashout flows: create, signed notifications (control from Python hmac), "
           "status calls, backoff, documented late transitions (COMPLETED -> REJECTED).", TUPAY, cash_cases)

# ================================================================ DPay
CLIENT, SECRET = "1043", "kassa_secret_8f3b"
DPAY = {"provider": "dpay", "client": CLIENT, "secret": SECRET}
DBASE = "https://api.dpay.africa"
DPOLL = 60  # DPay's module docs: pollAfterSeconds 60 while not final


def dpay_secure(body, salt=SECRET):
    inner = base64.b64encode(hashlib.sha1(body.encode()).digest()).decode()
    return base64.b64encode(hashlib.md5((salt + inner + salt).encode()).digest()).decode()


assert dpay_secure('{"payment_id":"123"}', "my_cash_register_secret") == "ZI9yOfAKMAp+kiqkzvdb5g=="


def dresp(body, status=200, signed=True, salt=SECRET):
    h = {"content-type": "application/json"}
    if signed:
        h["DPAY_SECURE"] = dpay_secure(body, salt)
    return {"status": status, "headers": h, "body": body}


PAYOUT = {"type": "create_payout", "merchantId": "W-1001", "amount": "1000", "currency": "GHS",
          "paymentMethod": "mtn-ghana.ghs", "customer": {"phone": "+233241234567"},
          "callbackUrl": "https://shop.example/dpay"}
# status_url = callbackUrl + payment_id=<merchantId> (DPay module docs, item: status_url).
PAYOUT_BODY = ('{"payment_id":"W-1001","amount":1000.00,"currency":"mtn-ghana.ghs","recipient":"233241234567",'
               '"status_url":"https://shop.example/dpay?payment_id=W-1001"}')
STATUS_BODY = '{"payment_id":"W-1001"}'


def d_create(at):
    return {"poll": t(at), "expect": {"type": "send_request",
            "operation": {"type": "create_payout", "merchantId": "W-1001"},
            "request": {"method": "POST", "url": DBASE + "/api/payment/create", "body": PAYOUT_BODY,
                        "headers": {"dpay_client": CLIENT, "dpay_secure": dpay_secure(PAYOUT_BODY)}}}}


def d_status(at, body, **ref):
    op = {"type": "get_payout"}
    op.update(ref)
    return {"poll": t(at), "expect": {"type": "send_request", "operation": op,
            "request": {"method": "POST", "url": DBASE + "/api/payment/status", "body": body,
                        "headers": {"dpay_client": CLIENT, "dpay_secure": dpay_secure(body)}}}}


def d_answer(status, **extra):
    d = {"status": status, "payment_id": "W-1001", "tracking": "79DF-60B0-17F6", "amount": "1000.00",
         "currency": "mtn-ghana.ghs"}
    d.update(extra)
    return json.dumps(d, separators=(",", ":"))


TRACK_BODY = '{"tracking":"79DF-60B0-17F6"}'
CREATED_ANS = '{"tracking":"79DF-60B0-17F6","payment_id":"W-1001","status":"CREATED"}'
STATUS_GET = {"method": "GET", "url": "https://shop.example/dpay?payment_id=W-1001", "headers": {}, "body": ""}
rng = SplitMix64(0)
d1 = backoff(1, rng)
dpay_cases = [
    {"name": "happy path: create (status_url carries payment_id), the bare status_url GET, signed status call, PAYED with a 4.995 fee",
     "create": PAYOUT, "start": t(0), "options": {"seed": 0},
     "steps": [d_create(0),
               {"response": dresp(CREATED_ANS), "now": t(1)},
               waiting(1, 1 + DPOLL),
               {"callback": STATUS_GET, "now": t(30), "expect": {"status": 200}},
               d_status(30, TRACK_BODY, providerId="79DF-60B0-17F6"),
               {"response": dresp(d_answer("PAYED", fee="4.995", full_amount="1004.995")), "now": t(31)},
               done(31, direction="payout", providerId="79DF-60B0-17F6", merchantId="W-1001", amount="1000.00",
                    currency="GHS", fee="4.995", status=st("succeeded", True, "PAYED"))]},
    {"name": "lost create answer: status by payment_id, the documented 'Payment not found', the same create again",
     "create": PAYOUT, "start": t(0), "options": {"seed": 0},
     "steps": [d_create(0),
               {"transportError": "timeout", "now": t(30)},
               waiting(30, 30 + d1),
               d_status(30 + d1, STATUS_BODY, merchantId="W-1001"),
               {"response": dresp('{"error":{"code":401,"message":"Payment not found"}}'), "now": t(31 + d1)},
               d_create(31 + d1),
               {"response": dresp(CREATED_ANS), "now": t(32 + d1)},
               waiting(32 + d1, 32 + d1 + DPOLL)]},
]
rng = SplitMix64(0)
d1 = backoff(1, rng)
d2 = backoff(2, rng)
a = 1 + DPOLL
dpay_cases += [
    {"name": "status call answered 502 then 423: backoff (equal jitter, seed 0), then REFILL -> final, not a success",
     "create": PAYOUT, "start": t(0), "options": {"seed": 0},
     "steps": [d_create(0),
               {"response": dresp(CREATED_ANS), "now": t(1)},
               d_status(a, TRACK_BODY, providerId="79DF-60B0-17F6"),
               {"response": dresp("<html>Bad Gateway</html>", status=502, signed=False), "now": t(a + 1)},
               waiting(a + 1, a + 1 + d1),
               d_status(a + 1 + d1, TRACK_BODY, providerId="79DF-60B0-17F6"),
               {"response": dresp("", status=423, signed=False), "now": t(a + 2 + d1)},
               waiting(a + 2 + d1, a + 2 + d1 + d2),
               d_status(a + 2 + d1 + d2, TRACK_BODY, providerId="79DF-60B0-17F6"),
               {"response": dresp(d_answer("REFILL")), "now": t(a + 3 + d1 + d2)},
               done(a + 3 + d1 + d2, status={"state": "failed", "final": True, "providerStatus": "REFILL",
                                             "reason": {"code": "REFILL"}})]},
    {"name": "forged callbacks: a status_url GET for another payout is refused; an unsigned PAYED answer is not believed",
     "create": PAYOUT, "start": t(0), "options": {"seed": 0},
     "steps": [d_create(0),
               {"response": dresp(CREATED_ANS), "now": t(1)},
               {"callback": {"method": "GET", "url": "https://shop.example/dpay?payment_id=W-9999"}, "now": t(10),
                "expectError": {"code": "invalid_request"}},
               {"callback": {"method": "GET", "url": "https://shop.example/dpay"}, "now": t(11),
                "expectError": {"code": "bad_response"}},
               waiting(12, 1 + DPOLL),
               {"callback": STATUS_GET, "now": t(20), "expect": {"status": 200}},
               d_status(20, TRACK_BODY, providerId="79DF-60B0-17F6"),
               {"response": dresp(d_answer("PAYED"), signed=False), "now": t(21)},
               {"poll": t(21), "expect": {"type": "needs_attention", "errorCode": "invalid_signature"}}]},
    {"name": "CREATED -> IN_PROGRESS -> PAYOUT -> FAILED (the 2000 test amount's end), polled every 60 s",
     "create": PAYOUT, "start": t(0), "options": {"seed": 0},
     "steps": [d_create(0),
               {"response": dresp(CREATED_ANS), "now": t(1)},
               d_status(61, TRACK_BODY, providerId="79DF-60B0-17F6"),
               {"response": dresp(d_answer("IN_PROGRESS")), "now": t(62)},
               waiting(62, 122),
               d_status(122, TRACK_BODY, providerId="79DF-60B0-17F6"),
               {"response": dresp(d_answer("PAYOUT")), "now": t(123)},
               waiting(123, 183),
               d_status(183, TRACK_BODY, providerId="79DF-60B0-17F6"),
               {"response": dresp(d_answer("FAILED")), "now": t(184)},
               done(184, status=st("failed", True, "FAILED"))]},
]
n += write("dpay.json", "DPay payout flows: create with status_url carrying payment_id, the unsigned status_url GET "
           "as a trigger, signed status calls (DPAY_SECURE from Python hashlib), backoff, REFILL final.", DPAY, dpay_cases)
print(f"wrote {n} flow cases")
