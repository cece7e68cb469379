// The JS vector runner's matching rules, checked against hand-written cases (the same rules as
// core/src/conformance/matching.rs), so a bug in the runner cannot pass every vector silently.
import { test } from "node:test";
import assert from "node:assert/strict";
import { normalizeDecimal, subsetMismatch, subsetMismatchCiKeys } from "./support/matching.js";
import { loadVectorFile } from "./support/runner.js";

const actual = { a: 1, b: { c: [1, 2], d: "x" }, n: null };

test("subset rules", () => {
  assert.equal(subsetMismatch({ b: { d: "x" } }, actual), null);
  assert.equal(subsetMismatch(JSON.parse('{"a": 1.00}'), actual), null);
  assert.notEqual(subsetMismatch({ b: { c: [1] } }, actual), null);
  assert.notEqual(subsetMismatch({ z: 1 }, actual), null);
  assert.equal(subsetMismatch({ z: null }, actual), null);
  assert.notEqual(subsetMismatch({ a: "1" }, actual), null);
  assert.notEqual(subsetMismatch({ n: "x" }, actual), null);
  assert.notEqual(subsetMismatch({ b: "x" }, actual), null);
  assert.notEqual(subsetMismatch({ b: {} }, { b: [] }), null);
  assert.equal(subsetMismatchCiKeys({ "Content-Type": "x" }, { "content-type": "x" }), null);
  // Case-insensitive only for the header names themselves, not nested keys.
  assert.notEqual(subsetMismatchCiKeys({ h: { A: 1 } }, { H: { a: 1 } }), null);
  assert.notEqual(subsetMismatch({ "Content-Type": "x" }, { "content-type": "x" }), null);
});

test("numbers compare by decimal value", () => {
  assert.equal(normalizeDecimal("100.00"), "100");
  assert.equal(normalizeDecimal("-1.50e2"), "-150");
  assert.equal(normalizeDecimal("1e-7"), "0.0000001");
  assert.equal(normalizeDecimal("0.10"), "0.1");
  assert.equal(normalizeDecimal("-0.0"), "0");
  assert.equal(normalizeDecimal("abc"), null);
  assert.equal(subsetMismatch(JSON.parse("[1e2]"), JSON.parse("[100.0]")), null);
  assert.notEqual(subsetMismatch(JSON.parse("[100.01]"), JSON.parse("[100.0]")), null);
});

test("a case is judged on every expectRequest part, with per-case overrides", () => {
  // A fake API records what it was called with, so the runner's flow is checked on its own.
  const seen = [];
  class PspError extends Error {
    constructor(code) {
      super(code);
      this.code = code;
    }
    toJSON() {
      return { code: this.code, message: this.message, retryable: false, httpStatus: null, providerCode: null };
    }
  }
  class Gateway {
    constructor(config) {
      if (config.bad) throw new PspError("invalid_request");
      this.config = config;
    }
    build(op, ctx) {
      seen.push({ config: this.config, ctx });
      return {
        method: "POST",
        url: "https://x.test/p",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-sig": "s" },
        body: "a=1&b=two+words",
      };
    }
    parse() {
      return { type: "payment", payment: { amount: "1.00", status: { state: "pending" } } };
    }
  }
  const file = {
    config: { p: 1 },
    context: { now: "T0", nonce: "n" },
    cases: [
      { name: "ok", build: {}, expectRequest: { method: "POST", headers: { "X-SIG": "s" }, form: { b: "two words" }, absentHeaders: ["authorization"] } },
      { name: "override", config: { p: 2 }, context: { now: "T1" }, build: {}, expectRequest: { url: "https://x.test/p" } },
      { name: "wrong form", build: {}, expectRequest: { form: { a: "2" } } },
      { name: "present header", build: {}, expectRequest: { absentHeaders: ["X-Sig"] } },
      { name: "body exact", build: {}, expectRequest: { body: "a=1&b=two+words" } },
      { name: "json on non-json", build: {}, expectRequest: { json: {} } },
      { name: "parsed", build: {}, response: { status: 200 }, expect: { payment: { amount: "1.00" } } },
      { name: "parsed, wrong state", build: {}, response: { status: 200 }, expect: { payment: { status: { state: "failed" } } } },
      { name: "config error expected", config: { bad: true }, build: {}, expectError: { code: "invalid_request" } },
      { name: "nothing checked", build: {} },
    ],
  };
  const loaded = loadVectorFile(JSON.stringify(file), { Gateway, PspError });
  const results = Object.fromEntries(loaded.cases.map((c) => [c.name, c.run()]));
  assert.equal(results.ok, null);
  assert.equal(results.override, null);
  assert.match(results["wrong form"], /form body/);
  assert.match(results["present header"], /must be absent/);
  assert.equal(results["body exact"], null);
  assert.match(results["json on non-json"], /not JSON/);
  assert.equal(results.parsed, null);
  assert.match(results["parsed, wrong state"], /state/);
  assert.equal(results["config error expected"], null);
  assert.match(results["nothing checked"], /checks nothing/);
  assert.deepEqual(seen[1], { config: { p: 2 }, ctx: { now: "T1", nonce: "n" } });
  assert.deepEqual(loadVectorFile('{"kind":"flow","steps":[]}', {}), { fileError: 'missing "cases" array' });
});

test("a flow case is judged step by step, resumed from JSON before each step", async () => {
  const api = await import("pspkit");
  const file = (steps, extra = {}) =>
    JSON.stringify({
      kind: "flow",
      config: { provider: "paystar", depositToken: "t" },
      cases: [
        {
          name: "c",
          start: "2026-01-01T00:00:00Z",
          create: { type: "create_deposit", merchantId: "M-1", amount: "1.00", currency: "USD" },
          steps,
          ...extra,
        },
      ],
    });
  const run = (steps, extra) => loadVectorFile(file(steps, extra), api).cases[0].run();
  const poll = { poll: "2026-01-01T00:00:00Z" };
  assert.equal(run([{ ...poll, expect: { type: "send_request", request: { json: { externalTransactionId: "M-1" } } } }]), null);
  assert.match(run([{ ...poll, expect: { type: "done" } }]), /step 0: \$\.type: expected "done", got "send_request"/);
  assert.match(run([{ ...poll, expect: { type: "send_request", request: { json: { amount: 2 } } } }]), /json\.amount/);
  assert.match(run([{ response: { status: 200, headers: {}, body: "{}" }, now: "2026-01-01T00:00:01Z" }]), /step 0: step failed: .*no request is in flight/);
  assert.equal(run([{ response: { status: 200, headers: {}, body: "{}" }, now: "2026-01-01T00:00:01Z", expectError: { code: "invalid_request" } }]), null);
  assert.match(run([poll, { transportError: "timeout", now: "2026-01-01T00:00:01Z", expectError: { code: "x" } }]), /step 1: expected an error/);
  assert.match(run([{ wait: 1 }]), /step 0: a step needs/);
  assert.match(run([], { create: { type: "get_deposit", merchantId: "M-1" } }), /start failed/);
  // Each step runs on a flow resumed from the JSON of the one before: a stored state is all it has.
  const calls = [];
  const spy = {
    ...api,
    PaymentFlow: {
      start: (...a) => (calls.push("start"), api.PaymentFlow.start(...a)),
      resumeJson: (...a) => (calls.push("resume"), api.PaymentFlow.resumeJson(...a)),
    },
  };
  assert.equal(loadVectorFile(file([poll, poll]), spy).cases[0].run(), null);
  assert.deepEqual(calls, ["start", "resume", "resume"]);
});
