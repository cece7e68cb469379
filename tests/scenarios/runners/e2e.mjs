// JS e2e runner: every scenario of tests/scenarios/ through the npm package's public API
// (Gateway + Client over fetch) against the sandbox at $PSPKIT_SANDBOX_URL.
// Closes with "js e2e: N passed, M failed"; exits 1 if any failed. Format: ../README.md.
import { createServer } from "node:http";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

import { Client, Gateway } from "../../../js/src/node.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const base = (process.env.PSPKIT_SANDBOX_URL ?? "").replace(/\/$/, "");
if (!base) {
  console.error("PSPKIT_SANDBOX_URL is not set (start with tests/sandbox/with-sandbox.sh)");
  process.exit(2);
}
const verbose = process.env.PSPKIT_E2E_VERBOSE === "1";
const say = (line) => verbose && console.log(line);

function scenarioFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return name === "runners" ? [] : scenarioFiles(p);
      return name.endsWith(".json") ? [p] : [];
    });
}

/** Subset match (DESIGN §6): null if `actual` contains `expected`, else where it differs. */
function mismatch(expected, actual, path = "$") {
  if (expected === null || typeof expected !== "object") {
    return expected === actual ? null : `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return `${path}: expected an array of ${expected.length}, got ${JSON.stringify(actual)}`;
    }
    for (let i = 0; i < expected.length; i++) {
      const m = mismatch(expected[i], actual[i], `${path}[${i}]`);
      if (m) return m;
    }
    return null;
  }
  if (actual === null || typeof actual !== "object" || Array.isArray(actual)) {
    return `${path}: expected an object, got ${JSON.stringify(actual)}`;
  }
  for (const [k, v] of Object.entries(expected)) {
    if (!(k in actual)) return `${path}.${k}: missing`;
    const m = mismatch(v, actual[k], `${path}.${k}`);
    if (m) return m;
  }
  return null;
}

function template(value, vars) {
  if (typeof value === "string") {
    return value.replace(/\{\{(\w+)\}\}/g, (all, k) => (k in vars ? vars[k] : all));
  }
  if (Array.isArray(value)) return value.map((v) => template(v, vars));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, template(v, vars)]));
  }
  return value;
}

/** A plain JSON copy (wasm results may carry Maps or undefined). */
function plain(v) {
  return JSON.parse(
    JSON.stringify(v, (_, x) => (x instanceof Map ? Object.fromEntries(x) : x === undefined ? null : x)),
  );
}

function errorJson(e) {
  // However a Client reports a transport failure, scenarios call it "transport": the JS Client
  // throws `temporarily_unavailable` with no HTTP status and the fetch error as `cause`.
  if (e?.code === "temporarily_unavailable" && (e.httpStatus ?? null) === null && e.cause) {
    return { code: "transport", message: e.message };
  }
  if (e && typeof e.code === "string") {
    return {
      code: e.code,
      message: e.message,
      retryable: e.retryable,
      httpStatus: e.httpStatus ?? null,
      providerCode: e.providerCode ?? null,
    };
  }
  return { code: "runner_exception", message: String(e?.stack ?? e) };
}

async function admin(method, path, body) {
  const res = await fetch(`${base}/__admin${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`admin ${path}: HTTP ${res.status} ${text}`);
  return JSON.parse(text);
}

const stateOf = (o) => {
  const p = o?.payment ?? o;
  return `${p?.status?.state ?? "?"} (${p?.status?.providerStatus ?? "-"})`;
};

// The callback receiver: every callback goes through Gateway.parseCallback; the reply is the
// event's `reply` (400 when rejected).
let currentGateway = null;
let received = [];
const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const request = {
      method: req.method,
      url: `https://127.0.0.1:${server.address().port}${req.url}`,
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
      body: Buffer.concat(chunks).toString("utf8"),
    };
    let seen;
    let status = 400;
    let body = "rejected";
    try {
      seen = plain(currentGateway.parseCallback(request, {}));
      status = seen.reply.status;
      body = seen.reply.body;
      say(`    <- callback ${request.method} ${request.url}  signature ${seen.verified ? "verified" : "NOT verified"}  claims ${stateOf(seen)}  -> reply ${status}`);
    } catch (e) {
      seen = { error: errorJson(e) };
      say(`    <- callback REJECTED: ${seen.error.code}`);
    }
    received.push(seen);
    res.writeHead(status, { "content-type": "text/plain" });
    res.end(body);
  });
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const callbackUrl = `https://127.0.0.1:${server.address().port}/callbacks`;

async function call(op, step, config) {
  const client = new Client({ config: step.config ?? config, timeoutMs: step.timeoutMs ?? 3000 });
  try {
    const { now } = await admin("GET", "/health");
    const started = Date.now();
    const outcome = plain(await client.call(op, { context: { now } }));
    say(`  -> ${op.type}  <- in ${Date.now() - started} ms  => ${stateOf(outcome)}`);
    return { outcome };
  } catch (e) {
    const error = errorJson(e);
    say(`  -> ${op.type}  !! ${error.code}`);
    return { error };
  } finally {
    client.gateway.free?.();
  }
}

function check(step, result, memory) {
  if (step.expectError) {
    if (!result.error) throw new Error(`expected error ${JSON.stringify(step.expectError)}, got ${JSON.stringify(result)}`);
    const m = mismatch(step.expectError, result.error);
    if (m) throw new Error(`error: ${m}`);
    return;
  }
  if (!result.outcome) throw new Error(`expected an outcome, got ${JSON.stringify(result)}`);
  if (step.expect) {
    const m = mismatch(step.expect, result.outcome);
    if (m) throw new Error(`outcome: ${m}`);
  }
  const url = result.outcome?.payment?.nextAction?.url;
  if (url) memory.nextActionUrl = url;
}

async function runScenario(scenario) {
  const vars = { sandbox: base, callbackUrl, run: "js" };
  await admin("POST", "/reset");
  if (scenario.faults) await admin("POST", "/faults", { faults: scenario.faults });
  const config = template(scenario.config, vars);
  currentGateway?.free?.();
  currentGateway = new Gateway(config);
  const memory = { callbacks: [], nextActionUrl: null };
  for (const [i, raw] of scenario.steps.entries()) {
    const step = template(raw, vars);
    try {
      if (step.call) {
        check(step, await call(step.call, step, config), memory);
      } else if (step.confirm) {
        const last = [...memory.callbacks].reverse().find((c) => c.confirmWith);
        if (!last) throw new Error("no callback with confirmWith to confirm");
        say("  confirm the callback with the status call");
        check(step, await call(last.confirmWith, step, config), memory);
      } else if (step.advance !== undefined) {
        received = [];
        say(`  clock +${step.advance}s`);
        await admin("POST", "/advance", { seconds: step.advance });
        const got = received;
        memory.callbacks.push(...got);
        if (step.expectCallbacks) {
          if (got.length !== step.expectCallbacks.length) {
            throw new Error(`expected ${step.expectCallbacks.length} callbacks, got ${got.length}: ${JSON.stringify(got)}`);
          }
          step.expectCallbacks.forEach((want, n) => {
            const m = mismatch(want, got[n]);
            if (m) throw new Error(`callback ${n + 1}: ${m}`);
          });
        }
      } else if (step.visit) {
        if (!memory.nextActionUrl) throw new Error("no nextAction.url to visit");
        const url = step.query ? `${memory.nextActionUrl}?${step.query}` : memory.nextActionUrl;
        const res = await fetch(url);
        await res.text();
        say(`  payer visits ${url} -> ${res.status}`);
        if (res.status !== (step.expectStatus ?? 200)) throw new Error(`visit: HTTP ${res.status}`);
      } else if (step.faults) {
        await admin("POST", "/faults", { faults: step.faults });
      } else {
        throw new Error(`unknown step ${JSON.stringify(step)}`);
      }
    } catch (e) {
      throw new Error(`step ${i + 1}: ${e.message}`);
    }
  }
}

let passed = 0;
let failed = 0;
for (const file of scenarioFiles(root)) {
  const scenario = JSON.parse(readFileSync(file, "utf8"));
  say(`== ${scenario.name}`);
  try {
    await runScenario(scenario);
    passed++;
    console.log(`ok   ${scenario.name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${scenario.name} (${file}): ${e.message}`);
  }
}
server.close();
console.log(`js e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
