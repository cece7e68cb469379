// Client.run / resume (the core's lifecycle driver with real fetch) against a minimal PayStar
// emulator on node:http at 127.0.0.1: the happy path with a signed callback delivered to a local
// merchant endpoint, a lost create (timeout → status by merchant id → 404 → the same create
// again), a 423 on a status call, a refused connection until the deadline, and persistence
// (stop after a step, resume from the stored JSON). Callback signatures are computed here with
// node:crypto from PayStar's documented formula, not by pspkit.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { Client, PspError } from "pspkit";

const CALLBACK_KEY = "cb-secret";
const DEPOSIT_PATH = "/api/v1/integration/deposit-order/";

// ---- the PayStar emulator: orders by merchant id, plus a per-test script of faults ----
let psp;
let pspUrl;
let orders; // merchantId -> {id, status, amount, currency}
let log; // every request: {method, path, body}
let faults; // queue of {match(req), act(res) | "hang" | "lose"}
let onCreated; // hook after a create was answered

function resetEmulator() {
  orders = new Map();
  log = [];
  faults = [];
  onCreated = undefined;
}

function json(res, status, value) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(value === undefined ? "" : JSON.stringify(value));
}

function answerOf(order) {
  return { externalId: order.id, orderStatus: order.status, amount: Number(order.amount), currency: order.currency };
}

before(async () => {
  psp = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const entry = { method: req.method, path: req.url, body, auth: req.headers.authorization };
      log.push(entry);
      const fault = faults.findIndex((f) => f.match(entry));
      if (fault >= 0) {
        const [f] = faults.splice(fault, 1);
        if (f.act === "hang") return; // never answers, order not made
        return f.act(res, entry);
      }
      if (req.headers.authorization !== "Bearer dep-token") return json(res, 401, { message: "Unauthorized" });
      if (req.method === "POST" && req.url === DEPOSIT_PATH) {
        const order = JSON.parse(body);
        if (orders.has(order.externalTransactionId)) {
          return json(res, 400, { message: "already exists", statusDescrption: "1-4007" });
        }
        const made = {
          id: `PSP-${orders.size + 1}`,
          status: "Created",
          amount: String(order.amount),
          currency: order.currency,
          merchantId: order.externalTransactionId,
        };
        orders.set(made.merchantId, made);
        json(res, 200, { externalId: made.id, orderStatus: made.status });
        onCreated?.(made);
        return;
      }
      let m = /^\/api\/v1\/integration\/deposit-order\/([^/]+)\/status-by-external-transaction-id$/.exec(req.url);
      if (m) {
        const order = orders.get(decodeURIComponent(m[1]));
        return order ? json(res, 200, answerOf(order)) : json(res, 404);
      }
      m = /^\/api\/v1\/integration\/deposit-order\/([^/]+)\/status$/.exec(req.url);
      if (m) {
        const order = [...orders.values()].find((o) => o.id === m[1]);
        return order ? json(res, 200, answerOf(order)) : json(res, 404);
      }
      json(res, 404);
    });
  });
  await new Promise((resolve) => psp.listen(0, "127.0.0.1", resolve));
  pspUrl = `http://127.0.0.1:${psp.address().port}`;
});

after(() => {
  psp.closeAllConnections();
  psp.close();
});

beforeEach(resetEmulator);

// ---- helpers ----

function config(baseUrl = pspUrl) {
  return { provider: "paystar", baseUrl, depositToken: "dep-token", callbackKey: CALLBACK_KEY };
}

let merchantSeq = 0;
function createOp() {
  merchantSeq += 1;
  return { type: "create_deposit", merchantId: `M-${merchantSeq}`, amount: "100.00", currency: "USD", paymentMethod: "p2p", flow: "direct" };
}

/** A clock that only moves when the flow sleeps: runs reproduce and take no wall time. */
function virtualClock(start = "2026-01-01T00:00:00Z") {
  let t = Date.parse(start);
  return {
    now: () => new Date(t).toISOString(),
    sleep: async (ms) => {
      t += ms;
      await new Promise((r) => setImmediate(r));
    },
    elapsedSince: (iso) => (t - Date.parse(iso)) / 1000,
  };
}

function paths() {
  return log.map((e) => `${e.method} ${e.path.replace(DEPOSIT_PATH, "/deposit-order/")}`);
}

/** PayStar's callback Signature: sha256 hex of externalId;status;amount;orderType;key. */
function signedCallback(order, status) {
  const amount = "100";
  const signature = createHash("sha256")
    .update(`${order.id};${status};${amount};Deposit;${CALLBACK_KEY}`)
    .digest("hex");
  return {
    headers: { "content-type": "application/json", signature },
    body: JSON.stringify({ externalId: order.id, status, amount, orderType: "Deposit" }),
  };
}

// ---- tests ----

test("happy path in real time: create, a signed callback wakes the wait, the status call confirms, done", async () => {
  const client = new Client({ config: config(), timeoutMs: 2000 });
  const states = [];
  const actions = [];
  let run;
  // The merchant's callback endpoint: hands the callback to the running flow, answers with its reply.
  const merchant = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", async () => {
      const request = { method: req.method, url: `https://merchant.example${req.url}`, headers: req.headers, body };
      try {
        const reply = await run.handleCallback(request);
        res.writeHead(reply.status);
        res.end(reply.body);
      } catch (e) {
        res.writeHead(e instanceof PspError && e.code === "invalid_signature" ? 401 : 500);
        res.end(e.code ?? "error");
      }
    });
  });
  await new Promise((resolve) => merchant.listen(0, "127.0.0.1", resolve));
  const merchantUrl = `http://127.0.0.1:${merchant.address().port}/paystar/callback`;
  const replies = [];
  onCreated = (order) => {
    // PayStar finishes the order a moment later and notifies the merchant.
    setTimeout(async () => {
      order.status = "Success";
      const cb = signedCallback(order, "Success");
      const r = await fetch(merchantUrl, { method: "POST", headers: cb.headers, body: cb.body });
      replies.push([r.status, await r.text()]);
    }, 50);
  };
  try {
    const started = Date.now();
    run = client.start(createOp(), {
      options: { seed: 7 },
      onState: (s) => void states.push(JSON.parse(s)),
      onAction: (a) => void actions.push(a.type),
    });
    const result = await run.done;
    assert.equal(result.type, "done", JSON.stringify(result));
    assert.equal(result.payment.status.state, "succeeded");
    assert.equal(result.payment.providerId, "PSP-1");
    assert.deepEqual(paths(), ["POST /deposit-order/", "GET /deposit-order/PSP-1/status"]);
    assert.deepEqual(replies, [[200, "OK"]]);
    // PayStar advises polling every 2 minutes: only the callback can have ended this so soon.
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    assert.deepEqual(actions, ["send_request", "wait_until", "send_request", "done"]);
    // onState saw every step: the request in flight before it went out, and the end.
    assert.ok(states.some((s) => s.inFlight?.purpose === "create"));
    assert.equal(states.at(-1).phase, "done");
    assert.equal(JSON.stringify(states.at(-1)), run.stateJson());
    assert.equal(run.settled, true);
  } finally {
    merchant.closeAllConnections();
    merchant.close();
  }
});

test("real time: 423 on the create, a backoff slept with setTimeout, then the lookup by merchant id", async () => {
  // The create went through but was answered 423: its outcome is unknown to the merchant.
  const op = createOp();
  let lookupAt;
  faults.push({
    match: (e) => e.method === "POST",
    act: (res) => {
      orders.set(op.merchantId, { id: "PSP-9", status: "Success", amount: "100.00", currency: "USD" });
      json(res, 423, { statusDescrption: "0000-1", message: "There is currently" });
    },
  });
  faults.push({
    match: (e) => e.path.endsWith("status-by-external-transaction-id"),
    act: (res) => {
      lookupAt = Date.now();
      json(res, 200, answerOf(orders.get(op.merchantId)));
    },
  });
  const waits = [];
  const started = Date.now();
  const result = await new Client({ config: config() }).run(op, {
    options: { backoffInitialSeconds: 1 },
    onAction: (a) => void (a.type === "wait_until" && waits.push(a.at)),
  });
  assert.equal(result.type, "done", JSON.stringify(result));
  assert.equal(result.payment.providerId, "PSP-9");
  assert.deepEqual(paths(), ["POST /deposit-order/", `GET /deposit-order/${op.merchantId}/status-by-external-transaction-id`]);
  assert.equal(waits.length, 1);
  assert.ok(lookupAt >= Date.parse(waits[0]), `the lookup went out at ${new Date(lookupAt).toISOString()}, before ${waits[0]}`);
  assert.ok(Date.now() - started < 4500, `took ${Date.now() - started} ms`);
});

test("lost create: timeout → status by merchant id → not_found → the same create again", async () => {
  faults.push({ match: (e) => e.method === "POST", act: "hang" });
  onCreated = (order) => (order.status = "Success");
  const clock = virtualClock();
  const states = [];
  const op = createOp();
  const result = await new Client({ config: config(), timeoutMs: 200 }).run(op, {
    now: clock.now,
    sleep: clock.sleep,
    onState: (s) => void states.push(JSON.parse(s)),
  });
  assert.equal(result.type, "done", JSON.stringify(result));
  assert.equal(result.payment.status.state, "succeeded");
  assert.deepEqual(paths(), [
    "POST /deposit-order/",
    `GET /deposit-order/${op.merchantId}/status-by-external-transaction-id`,
    "POST /deposit-order/",
    "GET /deposit-order/PSP-1/status",
  ]);
  const creates = log.filter((e) => e.method === "POST");
  assert.equal(creates[0].body, creates[1].body, "the re-create is the same request body");
  assert.equal(JSON.parse(creates[1].body).externalTransactionId, op.merchantId);
  // The timeout reached the flow as the transport error kind `timeout`.
  assert.ok(states.some((s) => /transport error: timeout/.test(s.lastError?.message ?? "")), "timeout recorded");
});

test("423 on a status call: backoff, then the status call again succeeds; one create only", async () => {
  faults.push({
    match: (e) => e.path.endsWith("/status"),
    act: (res) => json(res, 423, { statusDescrption: "0000-1", message: "There is currently" }),
  });
  onCreated = (order) => (order.status = "Success");
  const clock = virtualClock();
  const actions = [];
  const result = await new Client({ config: config() }).run(createOp(), {
    now: clock.now,
    sleep: clock.sleep,
    options: { seed: 1 },
    onAction: (a) => void actions.push(a),
  });
  assert.equal(result.type, "done", JSON.stringify(result));
  assert.equal(result.payment.status.state, "succeeded");
  assert.deepEqual(paths(), ["POST /deposit-order/", "GET /deposit-order/PSP-1/status", "GET /deposit-order/PSP-1/status"]);
  const waits = actions.filter((a) => a.type === "wait_until").map((a) => a.at);
  assert.equal(waits.length, 2, "the poll advice, then the backoff");
});

test("refused connection: transport error kind `refused`, retried until the deadline, then needs_attention", async () => {
  const closed = createServer();
  await new Promise((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const deadUrl = `http://127.0.0.1:${closed.address().port}`;
  await new Promise((resolve) => closed.close(resolve));
  const clock = virtualClock();
  let last;
  const result = await new Client({ config: config(deadUrl) }).run(createOp(), {
    now: clock.now,
    sleep: clock.sleep,
    options: { deadlineSeconds: 120, backoffMaxSeconds: 30 },
    onState: (s) => (last = JSON.parse(s)),
  });
  assert.equal(result.type, "needs_attention");
  assert.equal(result.reason, "deadline_passed");
  assert.equal(result.errorCode, "temporarily_unavailable");
  assert.match(last.lastError.message, /refused/);
  assert.ok(clock.elapsedSince("2026-01-01T00:00:00Z") >= 120);
  assert.equal(last.createsSent, 1, "never a blind re-create: only lookups after the first");
});

test("persistence: stop after a step, resume from the stored JSON with a new client", async () => {
  const clock = virtualClock();
  const ctl = new AbortController();
  let stored;
  const run = new Client({ config: config() }).run(createOp(), {
    now: clock.now,
    sleep: clock.sleep,
    signal: ctl.signal,
    onState: (s) => {
      stored = s;
      if (JSON.parse(s).phase === "track") ctl.abort(new Error("host stops"));
    },
  });
  await assert.rejects(run, /host stops/);
  assert.equal(JSON.parse(stored).phase, "track");
  assert.deepEqual(paths(), ["POST /deposit-order/"]);

  orders.get(`M-${merchantSeq}`).status = "Success";
  const resumed = await new Client({ config: config() }).resume(stored, { now: clock.now, sleep: clock.sleep });
  assert.equal(resumed.type, "done", JSON.stringify(resumed));
  assert.equal(resumed.payment.status.state, "succeeded");
  assert.deepEqual(paths(), ["POST /deposit-order/", "GET /deposit-order/PSP-1/status"]);
});

test("persistence: a state stored with the create in flight resumes with a lookup, not a blind re-create", async () => {
  const clock = virtualClock();
  const ctl = new AbortController();
  let stored;
  const op = createOp();
  const run = new Client({ config: config() }).run(op, {
    now: clock.now,
    sleep: clock.sleep,
    signal: ctl.signal,
    onState: (s) => {
      stored = s;
      if (JSON.parse(s).inFlight) ctl.abort(new Error("crash"));
    },
  });
  await assert.rejects(run, /crash/);
  assert.equal(JSON.parse(stored).inFlight.purpose, "create");
  assert.deepEqual(paths(), [], "the crash came before the request left");

  onCreated = (order) => (order.status = "Success");
  const result = await new Client({ config: config() }).resume(stored, { now: clock.now, sleep: clock.sleep });
  assert.equal(result.type, "done", JSON.stringify(result));
  assert.deepEqual(paths(), [
    `GET /deposit-order/${op.merchantId}/status-by-external-transaction-id`,
    "POST /deposit-order/",
    "GET /deposit-order/PSP-1/status",
  ]);
});

test("run refuses what is not a create, and a stored state of another provider", async () => {
  const client = new Client({ config: config() });
  await assert.rejects(client.run({ type: "get_deposit", merchantId: "M-1" }), (e) => {
    assert.ok(e instanceof PspError);
    assert.equal(e.code, "invalid_request");
    return true;
  });
  const clock = virtualClock();
  const ctl = new AbortController();
  let stored;
  await assert.rejects(
    client.run(createOp(), { now: clock.now, signal: ctl.signal, onState: (s) => ((stored = s), ctl.abort()) }),
  );
  const tupay = new Client({ config: { provider: "dpay", client: "k", secret: "s" } });
  await assert.rejects(tupay.resume(stored), (e) => e instanceof PspError && e.code === "invalid_request");
});
