// signingInputs (the core's Gateway::signing_inputs through wasm): what each signature of a
// built request was computed over. Expected strings are put together from the shared vectors
// (written by the Python generators) and the fact sheets' formulas, not read from pspkit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { createHash, createHmac } from "node:crypto";
import { Gateway, PspError, signingInputs } from "../src/node.js";

const vec = (path) => JSON.parse(readFileSync(new URL(`../../tests/vectors/${path}`, import.meta.url), "utf8"));

test("a Tupay deposit: X-Date + X-Login + body, keyed with the deposit secret (named only)", () => {
  const doc = vec("tupay/deposits.json");
  const c = doc.cases.find((k) => k.build?.type === "create_deposit" && k.expectRequest?.body);
  const gw = new Gateway(doc.config);
  const [input, ...rest] = signingInputs(gw, c.build, doc.context);
  assert.deepEqual(rest, []);
  const want = c.expectRequest;
  assert.equal(input.part, "header authorization");
  assert.equal(input.message, `${want.headers["x-date"]}${doc.config.depositLogin}${want.body}`);
  assert.equal(input.keyName, "depositSecret");
  // The string shown is the string signed: Node's own HMAC of it is the header's digest.
  const mac = createHmac("sha256", doc.config.depositSecret).update(input.message).digest("hex");
  assert.equal(want.headers.authorization, `D24 ${mac}`);
  const all = JSON.stringify(signingInputs(gw, c.build, doc.context));
  assert.ok(!all.includes(doc.config.depositSecret));
  gw.free();
});

test("a Tupay cashout: the signed body with the password as its placeholder", () => {
  const doc = vec("tupay/cashouts.json");
  const c = doc.cases.find((k) => k.build?.type === "create_payout" && k.expectRequest?.body);
  const gw = new Gateway(doc.config);
  const [input] = signingInputs(gw, c.build, doc.context);
  const pass = JSON.stringify(doc.config.cashoutPass).slice(1, -1);
  assert.equal(input.message, c.expectRequest.body.replaceAll(pass, "<cashoutPass>"));
  assert.ok(input.pieces.some((p) => p.hidden && p.text === "<cashoutPass>"));
  assert.ok(!JSON.stringify(input).includes(doc.config.cashoutPass));
  assert.ok(!inspect(input).includes(doc.config.cashoutPass));
  gw.free();
});

test("PayNetEasy and DPay: the key and the salt inside the hashed message stay placeholders", () => {
  const paynet = vec("paystar_bridges/paynet.json");
  const sale = paynet.cases[0];
  let gw = new Gateway(paynet.config);
  const [control] = signingInputs(gw, sale.build, paynet.context);
  // The bridge's Authorization page worked example, the key replaced by the placeholder.
  assert.equal(control.message, "1111902B4FF51042john.smith@gmail.com<merchantControl>");
  assert.equal(control.part, "body field control");
  assert.ok(!inspect(control).includes("4111111111111111"));
  gw.free();

  const dpay = vec("dpay/create.json");
  const c = dpay.cases.find((k) => k.build && k.expectRequest?.body && !k.expectError);
  gw = new Gateway(dpay.config);
  const [sha1, md5] = signingInputs(gw, c.build, dpay.context);
  assert.equal(sha1.message, c.expectRequest.body);
  const inner = createHash("sha1").update(c.expectRequest.body).digest("base64");
  assert.equal(md5.message, `<secret>${inner}<secret>`);
  gw.free();
});

test("a refused build is refused alike; a non-Gateway is a typed error", () => {
  const doc = vec("tupay/deposits.json");
  const gw = new Gateway(doc.config);
  assert.throws(() => signingInputs(gw, { type: "create_deposit" }, doc.context), (e) => e instanceof PspError && e.code === "invalid_request");
  assert.throws(() => signingInputs({}, { type: "get_deposit" }), (e) => e instanceof PspError && e.code === "invalid_request");
  assert.deepEqual(signingInputs(new Gateway({ provider: "paystar", depositToken: "tok-123456" }), { type: "get_deposit", providerId: "P-1" }), []);
  gw.free();
});
