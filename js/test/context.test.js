// `Gateway.build` reads a plain context from its two strings (js/src/gateway.js `contextParts`)
// and anything else from its JSON text. The two must give the same request or the same error:
// every build case of the shared vectors is built both ways here, and the shapes where JSON.stringify
// reads a context differently from a property read go the JSON way.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Gateway } from "pspkit";
import { vectorFiles } from "./support/files.js";

const root = fileURLToPath(new URL("../../tests/vectors/", import.meta.url));

/** The same own fields behind a prototype of its own, which only the JSON path takes. */
const viaJson = (ctx) => Object.assign(Object.create({ unrelated: 1 }), ctx);

const outcome = (f) => {
  try {
    return { ok: f() };
  } catch (e) {
    return { code: e.code, message: e.message };
  }
};

test("every vector's build gives the same request from the context's strings as from its JSON", () => {
  let compared = 0;
  for (const path of vectorFiles(root)) {
    const file = JSON.parse(readFileSync(path, "utf8"));
    for (const c of file.cases ?? []) {
      if (!c.build) continue;
      const context = { ...(file.context ?? {}), ...(c.context ?? {}) };
      const config = c.config ?? file.config;
      let gateway;
      try {
        gateway = new Gateway(config);
      } catch {
        continue;
      }
      const fast = outcome(() => gateway.build(c.build, context));
      const slow = outcome(() => gateway.build(c.build, viaJson(context)));
      assert.deepEqual(fast, slow, `${path} ${c.name}`);
      compared++;
    }
  }
  assert.ok(compared > 100, `only ${compared} build cases`);
});

test("contexts JSON.stringify reads differently from a property read", () => {
  const gateway = new Gateway({
    provider: "tupay", baseUrl: "https://api-stg.tupayonline.com/", depositLogin: "l", depositSecret: "s",
  });
  const op = { type: "get_deposit", providerId: "300000001" };
  const xDate = (ctx) => outcome(() => gateway.build(op, ctx).headers["x-date"]);
  const now = "2026-01-01T00:00:00Z";
  assert.deepEqual(xDate({ now }), { ok: now });
  assert.deepEqual(xDate({ now, nonce: null, other: [1] }), { ok: now });
  const missing = xDate({});
  assert.equal(missing.code, "invalid_request");
  assert.match(missing.message, /^context\.now: /);
  assert.deepEqual(xDate(undefined), missing);
  assert.deepEqual(xDate({ now: null }), missing);
  // Not an own enumerable field: JSON.stringify leaves it out, so the fast path must too.
  assert.deepEqual(xDate(Object.defineProperty({}, "now", { value: now, enumerable: false })), missing);
  Object.prototype.now = now;
  try {
    assert.deepEqual(xDate({}), missing);
  } finally {
    delete Object.prototype.now;
  }
  // toJSON decides what JSON.stringify writes.
  assert.deepEqual(xDate({ now: "not a date", toJSON: () => ({ now }) }), { ok: now });
  assert.deepEqual(xDate(Object.assign(Object.create(null), { now })), { ok: now });
  // Values the fast path does not take get the JSON path's errors.
  for (const [bad, pattern] of [
    [5, /^context\.now: must be a string, got an integer$/],
    [new String(now), /^context\.now: /],
    ["\ud800", /^context\.now: is not valid Unicode text \(a lone UTF-16 surrogate\)$/],
    ["2026-01-01T00:00:00Zé", /^context\.now: /],
    ["x".repeat(100), /^context\.now: /],
  ]) {
    const r = xDate({ now: bad });
    if (bad instanceof String) {
      assert.deepEqual(r, { ok: now });
      continue;
    }
    assert.equal(r.code, "invalid_request", String(bad));
    assert.match(r.message, pattern);
    assert.deepEqual(r, xDate(viaJson({ now: bad })));
  }
  // No provider signs with the nonce yet, so only its type is seen: a bad one goes the JSON way.
  const badNonce = xDate({ now, nonce: 5 });
  assert.equal(badNonce.message, "context.nonce: must be a string, got an integer");
  assert.deepEqual(xDate({ now, nonce: "n-1" }), { ok: now });
  assert.deepEqual(xDate(7), outcome(() => gateway.build(op, 7)));
  assert.equal(outcome(() => gateway.build(op, 7)).code, "invalid_request");
});
