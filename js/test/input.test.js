// What a JS host hands over and what it reads back when it is wrong: messages name the field path
// in the host's terms (never a Rust type, a serde position or the value), and callback requests
// are taken as frameworks hand them over. Expected messages are written from the model's field
// names (core/src/model), not copied from a run.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { Gateway, PaymentFlow, PspError } from "pspkit";

const gateway = new Gateway({ provider: "paystar", depositToken: "t", callbackKey: "cb-key" });

function message(fn) {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof PspError, String(e));
    assert.equal(e.code, "invalid_request", e.message);
    for (const bad of ["pspkit::", "JsValue", "line ", "column", "`"]) assert.ok(!e.message.includes(bad), e.message);
    return e.message;
  }
  assert.fail("no error");
}

test("a typo names its field path and the expected names", () => {
  assert.equal(
    message(() => gateway.build({ type: "get_deposit", merchantID: "M-1" })),
    'unknown field "merchantID" in the operation; expected one of "providerId", "merchantId"',
  );
  assert.match(
    message(() => gateway.build({ type: "create_deposit", merchantId: "M", amount: "1.00", currency: "USD", customer: { phon: "1" } })),
    /^unknown field "phon" in operation\.customer; expected one of "id", "email", "phone",/,
  );
  assert.equal(
    message(() => gateway.build({ type: "create_deposit", merchantId: "M", amount: 100, currency: "USD" })),
    "operation.amount: must be a string, got an integer",
  );
  assert.equal(message(() => gateway.build({ type: "create_deposit", amount: "1", currency: "USD" })), "operation.merchantId: is missing");
  assert.equal(message(() => new Gateway({ provider: "paystar", depositToken: 5 })), "config.depositToken: must be a string, got an integer");
  assert.match(message(() => new Gateway({ provider: "pay_star" })), /^config\.provider: unknown value "pay_star"; expected one of "paystar",/);
  assert.equal(message(() => gateway.parse({ type: "get_deposit", merchantId: "M" }, { status: "200" })), "response.status: must be a non-negative integer, got a string");
  assert.equal(message(() => gateway.build({ type: "get_deposit", merchantId: "M" }, { now: 5 })), "context.now: must be a string, got an integer");
  assert.match(
    message(() => PaymentFlow.start({ provider: "paystar", depositToken: "t" }, { type: "create_deposit", merchantId: "M", amount: "1", currency: "USD" }, { sede: 1 }, "2026-01-01T00:00:00Z")),
    /^unknown field "sede" in the options; expected one of /,
  );
  // A card number typed into the wrong place is never echoed.
  const pan = "4111111111111111";
  assert.ok(!message(() => gateway.build({ type: "create_deposit", merchantId: "M", amount: "1", currency: "USD", flow: pan })).includes(pan));
});

// A PayStar callback signed by its documented formula: sha256(externalId;status;amount;orderType;key).
const body = '{"externalId":"P-1","status":"Success","amount":"10.00","orderType":"Deposit"}';
const signature = createHash("sha256").update("P-1;Success;10.00;Deposit;cb-key").digest("hex");

test("parseCallback takes a string, Buffer or Uint8Array body and Node or Fetch headers", () => {
  const bodies = [body, Buffer.from(body), new TextEncoder().encode(body), new TextEncoder().encode(body).buffer];
  const headerForms = [
    { signature },
    { signature: [signature], "x-forwarded-for": ["a", "b"], "x-absent": undefined },
    new Headers({ Signature: signature }),
    new Map([["Signature", signature]]),
  ];
  for (const b of bodies) {
    for (const headers of headerForms) {
      const event = gateway.parseCallback({ method: "POST", url: "/cb", headers, body: b });
      assert.equal(event.verified, true);
      assert.equal(event.payment.status.state, "succeeded");
    }
  }
  // Fetch Headers used to be dropped silently; now a wrong signature in one is still checked.
  assert.throws(
    () => gateway.parseCallback({ method: "POST", url: "/cb", headers: new Headers({ Signature: "00" }), body }),
    (e) => e.code === "invalid_signature",
  );
});

test("a parsed or missing body is refused with the fix", () => {
  const refused = (b, what) =>
    assert.throws(
      () => gateway.parseCallback({ method: "POST", url: "/cb", headers: { signature }, body: b }),
      (e) => e instanceof PspError && e.code === "invalid_request" && e.message.startsWith(`request.body: is ${what}; pass the raw request body`),
    );
  refused(JSON.parse(body), "an object");
  refused([1], "an array");
  refused(undefined, "missing");
  refused(42, "a number");
  assert.throws(
    () => gateway.parseCallback({ method: "POST", url: "/cb", headers: {}, body: new Uint8Array([0xff, 0xfe]) }),
    (e) => e.code === "bad_response" && e.message === "request.body: is not UTF-8 text",
  );
});

test("parseCallbackRequest reads a Fetch Request", async () => {
  const request = new Request("https://merchant.example/cb", { method: "POST", headers: { Signature: signature }, body });
  const event = await gateway.parseCallbackRequest(request);
  assert.equal(event.verified, true);
  await assert.rejects(gateway.parseCallbackRequest({ body }), (e) => e.code === "invalid_request" && e.message === "request: must be a Fetch Request");
});

test("a PaymentFlow takes callbacks in the same forms", () => {
  const config = { provider: "paystar", depositToken: "t", callbackKey: "cb-key" };
  const create = { type: "create_deposit", merchantId: "M-1", amount: "10.00", currency: "USD", flow: "hosted" };
  const flow = PaymentFlow.start(config, create, null, "2026-01-01T00:00:00Z");
  assert.throws(
    () => flow.handleCallback("2026-01-01T00:00:01Z", { method: "POST", url: "/cb", headers: { signature }, body: JSON.parse(body) }),
    /pass the raw request body/,
  );
  flow.free();
});
