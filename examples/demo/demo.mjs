// The demo in JavaScript: a PayStar hosted deposit step by step (Gateway.build → Client.send →
// Gateway.parse, callbacks through Gateway.parseCallback), then a PayStar card payout driven by
// the lifecycle driver (Client.start), against the sandbox at $PSPKIT_SANDBOX_URL. The sandbox's
// clock moves only when we advance it, so the lifecycle takes seconds, not minutes: the run's
// `now` is the sandbox clock and its `sleep` advances that clock.
//
//     tests/sandbox/with-sandbox.sh node examples/demo/demo.mjs     (or: make demo)
import { createServer } from "node:http";

import { Client, Gateway } from "../../js/src/node.js";

const base = (process.env.PSPKIT_SANDBOX_URL ?? "").replace(/\/$/, "");
if (!base) {
  console.error("PSPKIT_SANDBOX_URL is not set (start the sandbox with tests/sandbox/with-sandbox.sh)");
  process.exit(2);
}

// --- the sandbox's admin API (not part of pspkit: it stands in for time passing) -------------
async function admin(method, path, body) {
  const res = await fetch(`${base}/__admin${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`sandbox admin ${path}: HTTP ${res.status}`);
  return res.json();
}
let sandboxNow = (await admin("POST", "/reset"), (await admin("GET", "/health")).now);
async function advance(seconds) {
  console.log(`  clock +${seconds}s`);
  sandboxNow = (await admin("POST", "/advance", { seconds })).now;
}

// --- what the merchant's code looks like ------------------------------------------------------
const config = {
  provider: "paystar",
  baseUrl: `${base}/paystar`,
  depositKeys: { publicKey: "sandbox-deposit-public", privateKey: "sandbox-deposit-private" },
  payoutKeys: { publicKey: "sandbox-payout-public", privateKey: "sandbox-payout-private" },
};
const gateway = new Gateway(config);
const stateOf = (p) => `${p.status.state} (${p.status.providerStatus ?? "-"})`;
/** Adds a status to the list of transitions unless it is the one already last. */
const note = (list, p) => list.at(-1) !== stateOf(p) && list.push(stateOf(p));
const plain = (v) => JSON.parse(JSON.stringify(v, (_, x) => (x instanceof Map ? Object.fromEntries(x) : x)));

// Every request the Client sends is printed: request line, answer status, time taken.
async function loggingFetch(url, init) {
  const started = Date.now();
  const res = await fetch(url, init);
  console.log(`  -> ${init.method} ${url}  <- ${res.status} in ${Date.now() - started} ms`);
  return res;
}
let nonce = 0;
const client = new Client({
  gateway,
  fetch: loggingFetch,
  timeoutMs: 5000,
  now: () => sandboxNow, // the sandbox's clock stands in for the wall clock
  nonce: () => `js-demo-${++nonce}`,
});

// The merchant's callback endpoint. During the payout, callbacks go to the running flow
// (`onCallback`); otherwise each one is verified with Gateway.parseCallback.
let onCallback = null;
const received = [];
const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", async () => {
    const request = {
      method: req.method,
      url: `https://127.0.0.1:${server.address().port}${req.url}`,
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
      body: Buffer.concat(chunks).toString("utf8"),
    };
    let reply = { status: 400, body: "rejected" };
    try {
      if (onCallback) {
        // The flow verifies it and asks for a status call; parseCallback here only shows what it claims.
        const claims = stateOf(plain(gateway.parseCallback(request, {})).payment);
        reply = await onCallback(request);
        console.log(`    <- callback ${request.method} ${request.url}  signature verified  claims ${claims}  -> reply ${reply.status}; the flow wakes`);
      } else {
        const event = plain(gateway.parseCallback(request, {}));
        received.push(event);
        reply = event.reply;
        console.log(
          `    <- callback ${request.method} ${request.url}  signature ${event.verified ? "verified" : "NOT verified"}` +
            `  claims ${stateOf(event.payment)}  -> reply ${reply.status}`,
        );
      }
    } catch (e) {
      console.log(`    <- callback REJECTED: ${e.code ?? e}`);
    }
    res.writeHead(reply.status, { "content-type": "text/plain" });
    res.end(reply.body ?? "");
  });
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const callbackUrl = `https://127.0.0.1:${server.address().port}/callbacks`;

function check(cond, what) {
  if (!cond) throw new Error(`demo: expected ${what}`);
}

// --- 1. a hosted deposit, step by step --------------------------------------------------------
async function deposit() {
  console.log("== PayStar hosted deposit: EUR 42.50, the payer pays on PayStar's page (step by step)");
  const transitions = [];
  const create = {
    type: "create_deposit", merchantId: "js-D1", amount: "42.50", currency: "EUR", callbackUrl,
    successUrl: "https://merchant.example/ok", failureUrl: "https://merchant.example/failed",
  };
  // Client.call = gateway.build → client.send → gateway.parse.
  console.log("  create_deposit");
  let out = plain(await client.call(create));
  let p = out.payment;
  note(transitions, p);
  console.log(`     => ${stateOf(p)}, next: ${p.nextAction.type} to ${p.nextAction.url}`);
  check(p.status.state === "requires_action", "requires_action after create");

  const visit = await fetch(p.nextAction.url);
  await visit.text();
  console.log(`  payer opens ${p.nextAction.url} -> ${visit.status}`);

  for (const seconds of [30, 60]) {
    const before = received.length;
    await advance(seconds);
    for (const ev of received.slice(before)) note(transitions, ev.payment);
  }
  const last = received.at(-1);
  check(last?.verified && last.confirmWith, "a verified callback with a status call to confirm it");
  console.log("  confirm the last callback with a status call (a callback alone never settles a payment)");
  console.log(`  ${last.confirmWith.type}`);
  out = plain(await client.call(last.confirmWith));
  p = out.payment;
  note(transitions, p);
  console.log(`     => ${stateOf(p)}${p.status.final ? ", final" : ""}`);
  check(p.status.state === "succeeded" && p.status.final, "a final succeeded deposit");
  console.log(`  status: ${transitions.join(" -> ")}`);
  console.log(`  final: deposit ${create.merchantId} ${create.currency} ${p.amount}: ${stateOf(p)}, final\n`);
}

// --- 2. a card payout through the lifecycle driver --------------------------------------------
async function payout() {
  console.log("== PayStar card payout: USD 100.00 to a card (Client.start: the core's lifecycle driver)");
  const create = {
    type: "create_payout", merchantId: "js-P1", amount: "100.00", currency: "USD", callbackUrl,
    card: { number: "4111111111111111" },
  };
  const transitions = [];
  const run = client.start(create, {
    options: { seed: 7, deadlineSeconds: 3600 },
    // The flow asks to wait until `at`; on the sandbox, waiting is advancing its clock.
    // 30 s at a time, stopping early when a callback wakes the flow.
    sleep: async (ms, signal) => {
      for (let left = Math.ceil(ms / 1000); left > 0 && !signal?.aborted; left -= 30) {
        await advance(Math.min(30, left));
      }
    },
    onAction: (a) => {
      if (a.type === "wait_until") console.log(`  flow: wait until ${a.at} (or a callback)`);
      if (a.type === "send_request") console.log(`  flow: ${a.operation.type}`);
    },
    // Store this to resume after a crash; here it only shows each status the provider confirmed.
    onState: (stateJson) => {
      const p = JSON.parse(stateJson).payment;
      if (p && note(transitions, p)) console.log(`     => ${stateOf(p)}${p.status.final ? ", final" : ""}`);
    },
  });
  onCallback = (request) => run.handleCallback(request);
  const end = plain(await run.done);
  onCallback = null;
  check(end.type === "done", `the run to end "done", got ${JSON.stringify(end)}`);
  const p = end.payment;
  check(p.status.state === "succeeded" && p.status.final, "a final succeeded payout");
  console.log(`  status: ${transitions.join(" -> ")}`);
  const card = p.card?.masked ? ` to card ${p.card.masked}` : "";
  console.log(`  final: payout ${create.merchantId} ${create.currency} ${create.amount}${card}: ${stateOf(p)}, final\n`);
}

try {
  await deposit();
  await admin("POST", "/reset");
  sandboxNow = (await admin("GET", "/health")).now;
  await payout();
} finally {
  server.close();
  gateway.free?.();
}
