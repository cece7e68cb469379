// The README's webhook recipes (Express with express.raw, Fastify with a buffer body, a Fetch
// Request) receiving a real signed PayStar callback from the sandbox (tests/sandbox, started by
// tests/sandbox/with-sandbox.sh, which sets PSPKIT_SANDBOX_URL). The sandbox signs with its own
// keys; the test checks the event verified and that the sandbox got the reply.
import { test } from "node:test";
import assert from "node:assert/strict";
import express from "express";
import Fastify from "fastify";
import { Client, Gateway, PspError } from "pspkit";

const base = process.env.PSPKIT_SANDBOX_URL?.replace(/\/$/, "");
assert.ok(base, "PSPKIT_SANDBOX_URL is not set (run through tests/sandbox/with-sandbox.sh)");

// The sandbox's PayStar credentials (tests/sandbox/README.md).
const config = {
  provider: "paystar",
  baseUrl: `${base}/paystar`,
  depositKeys: { publicKey: "sandbox-deposit-public", privateKey: "sandbox-deposit-private" },
  payoutKeys: { publicKey: "sandbox-payout-public", privateKey: "sandbox-payout-private" },
};
const gateway = new Gateway(config);

async function admin(method, path, body) {
  const res = await fetch(`${base}/__admin${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.equal(res.status, 200, `admin ${path}`);
  return res.json();
}

/** A payout whose first callback (Processing, 30 s after the create) goes to `port`. */
async function payoutCallbackTo(port, merchantId) {
  await admin("POST", "/reset");
  const { now } = await admin("GET", "/health");
  const client = new Client({ gateway });
  await client.call(
    {
      type: "create_payout", merchantId, amount: "100.00", currency: "USD",
      // The core wants https callback URLs; the sandbox delivers to loopback over plain HTTP.
      callbackUrl: `https://127.0.0.1:${port}/paystar/callback`,
      card: { number: "4111111111111111" },
    },
    { context: { now } },
  );
  await admin("POST", "/advance", { seconds: 30 });
  const { deliveries } = await admin("GET", "/callbacks");
  return deliveries;
}

function checkDelivered(deliveries, events) {
  assert.equal(deliveries.length, 1, JSON.stringify(deliveries));
  assert.equal(deliveries[0].replyStatus, 200, JSON.stringify(deliveries[0]));
  assert.equal(events.length, 1);
  assert.equal(events[0].verified, true);
  assert.equal(events[0].payment.status.state, "processing");
}

test("Express with express.raw: a Buffer body and Node's headers", async () => {
  const events = [];
  const app = express();
  // As in the README: the raw bytes, not express.json() (the signature is over the bytes).
  app.post("/paystar/callback", express.raw({ type: "*/*" }), (req, res) => {
    try {
      const event = gateway.parseCallback({ method: req.method, url: req.originalUrl, headers: req.headers, body: req.body });
      events.push(event);
      res.status(event.reply.status).set(event.reply.headers ?? {}).send(event.reply.body);
    } catch (e) {
      res.status(e instanceof PspError && e.code === "invalid_signature" ? 401 : 400).end();
    }
  });
  const server = await new Promise((ok) => { const s = app.listen(0, "127.0.0.1", () => ok(s)); });
  try {
    checkDelivered(await payoutCallbackTo(server.address().port, "wh-express-1"), events);
  } finally {
    server.close();
  }
});

test("Fastify with a buffer body parser", async () => {
  const events = [];
  const app = Fastify();
  // As in the README: the default JSON parser would hand over an object (refused, see below).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));
  app.post("/paystar/callback", async (req, reply) => {
    const event = gateway.parseCallback({ method: req.method, url: req.url, headers: req.headers, body: req.body });
    events.push(event);
    return reply.code(event.reply.status).headers(event.reply.headers ?? {}).send(event.reply.body);
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    checkDelivered(await payoutCallbackTo(app.server.address().port, "wh-fastify-1"), events);
  } finally {
    await app.close();
  }
});

test("a Fetch Request (edge handlers) and the errors for a parsed body", async () => {
  // Capture what the sandbox sends, then hand it over as a Fetch Request with Fetch Headers.
  let raw;
  const app = express();
  app.post("/paystar/callback", express.raw({ type: "*/*" }), (req, res) => {
    raw = { headers: req.headers, body: req.body };
    res.status(200).send("OK");
  });
  const server = await new Promise((ok) => { const s = app.listen(0, "127.0.0.1", () => ok(s)); });
  try {
    await payoutCallbackTo(server.address().port, "wh-fetch-1");
  } finally {
    server.close();
  }
  const request = new Request("https://merchant.example/paystar/callback", {
    method: "POST",
    headers: new Headers(Object.entries(raw.headers).filter(([k]) => k !== "content-length")),
    body: raw.body,
  });
  const event = await gateway.parseCallbackRequest(request);
  assert.equal(event.verified, true);
  assert.equal(event.payment.status.state, "processing");

  // express.json() hands over an object: refused with the fix, never re-serialized.
  const parsed = { method: "POST", url: "/paystar/callback", headers: raw.headers, body: JSON.parse(raw.body.toString()) };
  assert.throws(() => gateway.parseCallback(parsed), (e) => e instanceof PspError && e.code === "invalid_request" && /pass the raw request body/.test(e.message));
  // No body parser at all (Express leaves req.body undefined).
  assert.throws(() => gateway.parseCallback({ ...parsed, body: undefined }), /request\.body: is missing; pass the raw request body/);
  // A Uint8Array and string[] header values (Node's IncomingHttpHeaders) read the same as a string.
  const signature = raw.headers.signature;
  const bytes = new Uint8Array(raw.body);
  const again = gateway.parseCallback({ ...parsed, headers: { signature: [signature] }, body: bytes });
  assert.equal(again.verified, true);
});
