// The leak test (DESIGN §8): every shared vector through the public JS API; every `util.inspect`
// form (what console.log prints) and `toLogJson` of what pspkit returns, and every error, scanned
// for the config's secrets and the full card numbers and CVVs the vector carries (collected from
// the vector itself, not from pspkit). Closes with `js leak: N checks, H hits`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";
import * as api from "pspkit";
import { vectorFiles } from "./support/files.js";

const root = fileURLToPath(new URL("../../tests/vectors/", import.meta.url));
const SECRET_FIELDS = new Set(["depositToken", "payoutToken", "callbackKey", "privateKey", "secret",
  "merchantControl", "depositSecret", "cashoutPass", "cashoutSecret", "reconciliationPassword"]);

function* walk(v) {
  if (Array.isArray(v)) for (const x of v) yield* walk(x);
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) { yield [k, x]; yield* walk(x); }
}

function sensitive(file, c) {
  const secrets = new Set(), pans = new Set(), cvvs = new Set();
  for (const src of [file.config, c.config]) for (const [k, v] of walk(src ?? {}))
    if (SECRET_FIELDS.has(k) && typeof v === "string" && v.trim().length >= 6) secrets.add(v);
  for (const src of [c.build, c.create, c.steps]) for (const [k, v] of walk(src ?? {})) {
    if (k !== "card" || !v || typeof v !== "object") continue;
    const digits = String(v.number ?? "").replace(/\D/g, "");
    if (digits.length >= 12 && digits.length <= 19) pans.add(digits);
    if (typeof v.cvv === "string" && v.cvv) cvvs.add(v.cvv);
  }
  return { secrets, pans, cvvs };
}

test("no inspect form, log JSON or error leaks a secret, PAN or CVV", () => {
  let checks = 0;
  const hits = [];
  const scan = (where, text, s) => {
    const digits = text.replace(/\D/g, "");
    for (const x of s.secrets) { checks++; if (text.includes(x)) hits.push(`${where}: secret in ${text.slice(0, 160)}`); }
    for (const p of s.pans) { checks++; if (text.includes(p) || digits.includes(p)) hits.push(`${where}: PAN in ${text.slice(0, 160)}`); }
    const unescaped = text.replaceAll('\\"', '"');
    for (const c of s.cvvs) {
      checks++;
      const pair = new RegExp(`"[a-z_]*cvv[a-z0-9_]*"\\s*,\\s*"value"\\s*:\\s*"${c}"`, "i");
      if (new RegExp(`"(cvv|cardCvv|cvc)"\\s*:\\s*"${c}"`).test(unescaped) || pair.test(unescaped) || text.includes(`cvv=${c}`)) hits.push(`${where}: CVV in ${text.slice(0, 160)}`);
    }
  };
  const forms = (where, obj, s) => {
    scan(where, inspect(obj, { depth: 10 }), s);
    scan(where, api.toLogJson(obj), s);
  };
  const error = (where, e, s) => { scan(where, String(e?.message ?? e), s); scan(where, inspect(e), s); };
  for (const path of vectorFiles(root)) {
    const file = JSON.parse(readFileSync(path, "utf8"));
    for (const c of file.cases ?? []) {
      const s = sensitive(file, c);
      const config = c.config ?? file.config;
      const context = { ...(file.context ?? {}), ...(c.context ?? {}) };
      // The config object is the caller's own; its log form is pspkit's.
      if (config) scan("config", api.toLogJson(config), s);
      if (file.kind === "flow") {
        let flow;
        try { flow = api.PaymentFlow.start(config, c.create, c.options ?? {}, c.start); } catch (e) { error("flow start", e, s); continue; }
        for (const step of c.steps ?? []) {
          try {
            if (step.poll) forms("action", flow.poll(step.poll), s);
            else if (step.response) flow.handleResponse(step.now, step.response);
            else if (step.callback) forms("reply", flow.handleCallback(step.now, step.callback), s);
          } catch (e) { error("flow step", e, s); }
          try { scan("stateJson", flow.stateJson(), s); } catch (e) { error("stateJson", e, s); }
        }
        flow.free?.();
        continue;
      }
      let gateway;
      try { gateway = new api.Gateway(config); } catch (e) { error("config", e, s); continue; }
      try {
        if (c.callback) forms("event", gateway.parseCallback(c.callback, context), s);
        else if (c.build) {
          const request = gateway.build(c.build, context);
          forms("request", request, s);
          if (c.response) forms("outcome", gateway.parse(c.build, c.response), s);
        }
      } catch (e) { error("call", e, s); }
      gateway.free();
    }
  }
  console.log(`js leak: ${checks} checks, ${hits.length} hits`);
  assert.ok(checks > 10000, "the leak test checked almost nothing");
  assert.deepEqual(hits.slice(0, 20), []);
});
