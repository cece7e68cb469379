// Client (build → fetch → parse) against a local node:http server on 127.0.0.1: a success, a
// timeout, a 423 and an HTML 502, plus the request that actually went over the wire.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { Client, Gateway, PspError } from "pspkit";

let server;
let baseUrl;
const seen = [];
// What the server does for a provider id: [status, content-type, body] or "hang".
const script = {
  "P-OK": [200, "application/json", JSON.stringify({ externalId: "P-OK", orderStatus: "Success", amount: 10.5 })],
  "P-423": [423, "application/json", JSON.stringify({ message: "Locked" })],
  "P-502": [502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"],
  "P-SLOW": "hang",
};

before(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      const id = Object.keys(script).find((k) => req.url.includes(`/${k}/`));
      const action = script[id];
      if (action === "hang" || action === undefined) return; // never answers
      const [status, type, text] = action;
      res.writeHead(status, { "content-type": type });
      res.end(text);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${server.address().port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

function config() {
  return { provider: "paystar", baseUrl, depositToken: "dep-token", payoutToken: "pay-token" };
}

function client(options = {}) {
  return new Client({ config: config(), now: () => "2026-01-01T00:00:00Z", timeoutMs: 2000, ...options });
}

test("success: the built request goes out as built and the answer is parsed", async () => {
  const c = client();
  const op = { type: "get_payout", providerId: "P-OK" };
  const outcome = await c.call(op);
  assert.equal(outcome.type, "payment");
  assert.equal(outcome.payment.status.state, "succeeded");
  assert.equal(outcome.payment.status.final, true);
  assert.equal(outcome.payment.providerId, "P-OK");

  const built = new Gateway(config()).build(op, { now: "2026-01-01T00:00:00Z" });
  const wire = seen.at(-1);
  assert.equal(wire.method, built.method);
  assert.equal(`${baseUrl}${wire.url}`, built.url);
  for (const [name, value] of Object.entries(built.headers)) {
    assert.equal(wire.headers[name], value, `header ${name}`);
  }
  assert.equal(wire.body, built.body);
});

test("timeout: no answer within timeoutMs is temporarily_unavailable, retryable", async () => {
  const started = Date.now();
  await assert.rejects(client({ timeoutMs: 200 }).call({ type: "get_payout", providerId: "P-SLOW" }), (e) => {
    assert.ok(e instanceof PspError, String(e));
    assert.equal(e.code, "temporarily_unavailable");
    assert.equal(e.retryable, true);
    assert.equal(e.httpStatus, null);
    assert.match(e.message, /200 ms/);
    assert.match(e.message, /outcome is unknown/);
    return true;
  });
  const took = Date.now() - started;
  assert.ok(took >= 190 && took < 1500, `took ${took} ms`);
});

test("a caller's abort is thrown as the caller's reason, not as a provider error", async () => {
  const ac = new AbortController();
  const reason = new Error("user navigated away");
  setTimeout(() => ac.abort(reason), 50);
  await assert.rejects(client().call({ type: "get_payout", providerId: "P-SLOW" }, { signal: ac.signal }), (e) => e === reason);
});

test("423 Locked is temporarily_unavailable with the HTTP status kept", async () => {
  await assert.rejects(client().call({ type: "get_payout", providerId: "P-423" }), (e) => {
    assert.ok(e instanceof PspError);
    assert.equal(e.code, "temporarily_unavailable");
    assert.equal(e.retryable, true);
    assert.equal(e.httpStatus, 423);
    return true;
  });
});

test("an HTML 502 page is a typed error, not a crash in JSON parsing", async () => {
  await assert.rejects(client().call({ type: "get_payout", providerId: "P-502" }), (e) => {
    assert.ok(e instanceof PspError);
    assert.equal(e.code, "temporarily_unavailable");
    assert.equal(e.retryable, true);
    assert.equal(e.httpStatus, 502);
    return true;
  });
});

test("a refused connection is temporarily_unavailable", async () => {
  const closed = createServer();
  await new Promise((r) => closed.listen(0, "127.0.0.1", r));
  const port = closed.address().port;
  await new Promise((r) => closed.close(r));
  const c = new Client({
    config: { provider: "paystar", baseUrl: `http://127.0.0.1:${port}`, payoutToken: "t" },
    now: () => "2026-01-01T00:00:00Z",
  });
  await assert.rejects(c.call({ type: "get_payout", providerId: "P-OK" }), (e) => {
    assert.ok(e instanceof PspError);
    assert.equal(e.code, "temporarily_unavailable");
    assert.match(e.message, /ECONNREFUSED/);
    return true;
  });
});

test("an invalid operation fails before anything is sent", async () => {
  const before = seen.length;
  await assert.rejects(client().call({ type: "get_payout" }), (e) => e instanceof PspError && e.code === "invalid_request");
  assert.equal(seen.length, before);
});
