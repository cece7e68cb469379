// The published package, from its `npm pack` tarball, in an empty project: the README's one-liner
// works in Node, the "pspkit/init" entry works with bytes, and a consumer's TypeScript passes
// `tsc --strict --noEmit` against the published .d.ts (discriminated unions included).
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const pkgRoot = fileURLToPath(new URL("..", import.meta.url));
const tsc = join(pkgRoot, "node_modules", "typescript", "bin", "tsc");
let project;
let files;

function run(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

before(() => {
  const work = mkdtempSync(join(tmpdir(), "pspkit-pack-"));
  const out = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], pkgRoot));
  files = out[0].files.map((f) => f.path);
  project = join(work, "app");
  run("mkdir", ["-p", project], work);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  run("npm", ["install", "--no-audit", "--no-fund", "--offline", join(work, out[0].filename)], project);
});

test("the tarball holds the entries, the types and the optimized wasm, and no tests", () => {
  for (const f of ["src/node.js", "src/browser.js", "src/init.js", "dist/pspkit.cjs", "types/index.d.ts", "dist/pspkit_wasm_bg.wasm", "dist/pspkit_wasm.js", "dist/pspkit_wasm.d.ts"]) {
    assert.ok(files.includes(f), `${f} missing from ${files.join(", ")}`);
  }
  assert.ok(!files.some((f) => f.startsWith("test/") || f.startsWith("bench/")));
  assert.deepEqual(readdirSync(join(project, "node_modules")).filter((d) => !d.startsWith(".")), ["pspkit"]);
});

test('import { Gateway } from "pspkit"; new Gateway(config).build(op, ctx) works', () => {
  writeFileSync(
    join(project, "main.js"),
    `import { Gateway, PspError } from "pspkit";
const config = { provider: "paystar", payoutToken: "pay-token" };
const req = new Gateway(config).build({ type: "get_payout", merchantId: "M-2" }, { now: "2026-01-01T00:00:00Z" });
let code;
try { new Gateway({ provider: "paystar" }); } catch (e) { code = e instanceof PspError && e.code; }
console.log(JSON.stringify({ req, code }));
`,
  );
  const { req, code } = JSON.parse(run("node", ["main.js"], project));
  assert.equal(req.method, "GET");
  assert.match(req.url, /^https:\/\/secure\.paystar\.uk\/.*M-2/);
  assert.equal(req.headers.authorization, "Bearer pay-token");
  assert.equal(code, "invalid_request");
});

test('"pspkit/init" takes the wasm bytes (edge runtimes, bundlers)', () => {
  writeFileSync(
    join(project, "edge.js"),
    `import { readFileSync } from "node:fs";
import { initPspkit, Gateway } from "pspkit/init";
let before;
try { new Gateway({ provider: "paystar", payoutToken: "t" }); } catch (e) { before = e.code; }
const bytes = readFileSync(new URL(import.meta.resolve("pspkit/wasm")));
await initPspkit(new WebAssembly.Module(bytes));
const caps = new Gateway({ provider: "paystar", payoutToken: "t" }).capabilities();
console.log(JSON.stringify({ before, provider: caps.provider }));
`,
  );
  assert.deepEqual(JSON.parse(run("node", ["edge.js"], project)), { before: "invalid_request", provider: "paystar" });
});

test('require("pspkit") works on Node 20 without require(esm) (the CommonJS build)', () => {
  writeFileSync(
    join(project, "main.cjs"),
    `const { Gateway, PspError } = require("pspkit");
const req = new Gateway({ provider: "paystar", payoutToken: "t" }).build({ type: "get_payout", merchantId: "M-2" }, { now: "2026-01-01T00:00:00Z" });
let code;
try { new Gateway({ provider: "paystar" }); } catch (e) { code = e instanceof PspError && e.code; }
console.log(JSON.stringify({ url: req.url, code }));
`,
  );
  // Node 20 before 20.19 has no require(esm); where the flag exists, turn it off to be that Node.
  const flags = process.allowedNodeEnvironmentFlags.has("--experimental-require-module") ? ["--no-experimental-require-module"] : [];
  const { url, code } = JSON.parse(run("node", [...flags, "main.cjs"], project));
  assert.match(url, /^https:\/\/secure\.paystar\.uk\/.*M-2/);
  assert.equal(code, "invalid_request");
});

test('"pspkit/paystar" is the same API over a wasm with only PayStar in it', () => {
  writeFileSync(
    join(project, "paystar.js"),
    `import { Gateway, PspError } from "pspkit/paystar";
import { readFileSync } from "node:fs";
const g = new Gateway({ provider: "paystar", depositToken: "t" });
const out = g.parse({ type: "get_deposit", providerId: "p-1" }, { status: 200, headers: {}, body: '{"externalId":"p-1","orderStatus":"Success","amount":1,"currency":"RUB"}' });
let code;
try { new Gateway({ provider: "dpay", client: "1", secret: "s" }); } catch (e) { code = e instanceof PspError && e.code; }
const size = (url) => readFileSync(url).length;
const own = new URL("../pspkit_wasm_bg.wasm", import.meta.resolve("pspkit/paystar"));
console.log(JSON.stringify({ state: out.payment.status.state, code, smaller: size(own) < size(new URL(import.meta.resolve("pspkit/wasm"))) }));
`,
  );
  assert.deepEqual(JSON.parse(run("node", ["paystar.js"], project)), { state: "succeeded", code: "invalid_request", smaller: true });
});

test("a consumer's TypeScript passes tsc --strict --noEmit against the published types", () => {
  writeFileSync(
    join(project, "consumer.ts"),
    `import { Client, Gateway, PaymentFlow, PspError, type GatewayConfig, type Operation, type Outcome, type State } from "pspkit";
import { initPspkit } from "pspkit/init";

const config: GatewayConfig = { provider: "paystar", payoutToken: "t" };
const op: Operation = { type: "create_payout", merchantId: "M-1", amount: "100.00", currency: "USD" };
const gateway = new Gateway(config);
const request = gateway.build(op, { now: "2026-01-01T00:00:00Z" });
const method: string = request.method;
const auth: string | undefined = request.headers?.["authorization"];

function describe(outcome: Outcome): string {
  switch (outcome.type) {
    case "payment": {
      const state: State = outcome.payment.status.state;
      const final: boolean = outcome.payment.status.final;
      return \`\${state} \${final} \${outcome.payment.amount ?? "?"}\`;
    }
    case "balance":
      return outcome.balances.map((b) => b.currency).join(",");
    default:
      return outcome.type;
  }
}

async function viaClient(): Promise<string> {
  const client = new Client({ gateway, timeoutMs: 5000 });
  try {
    return describe(await client.call({ type: "get_payout", merchantId: "M-1" }));
  } catch (e) {
    if (e instanceof PspError && e.retryable) return e.code;
    throw e;
  }
}

async function viaRun(store: Map<string, string>): Promise<string> {
  const client = new Client({ config: { provider: "paystar", depositToken: "t", callbackKey: "k" } });
  const handle = client.start(
    { type: "create_deposit", merchantId: "M-9", amount: "5.00", currency: "USD" },
    { options: { seed: 42, deadlineSeconds: 3600 }, onState: (s) => void store.set("M-9", s) },
  );
  const reply = await handle.handleCallback({ method: "POST", url: "https://m.example/cb", headers: {}, body: "{}" });
  const replyStatus: number = reply.status;
  const end = await handle.done;
  const again = await client.resume(store.get("M-9") ?? "", { signal: AbortSignal.timeout(1000) });
  const flow = PaymentFlow.start(config, op, null, "2026-01-01T00:00:00Z");
  const action = flow.poll("2026-01-01T00:00:00Z");
  if (action.type === "send_request") flow.handleTransportError("2026-01-01T00:00:01Z", "timeout");
  const phase: string = flow.state().phase;
  // @ts-expect-error not a transport error kind
  flow.handleTransportError("2026-01-01T00:00:01Z", "gone");
  switch (end.type) {
    case "done":
      return \`\${end.payment.status.state} \${again.type} \${replyStatus} \${phase}\`;
    case "needs_attention":
      return \`\${end.reason} \${end.message}\`;
  }
}

// @ts-expect-error an operation type the model does not have
const bad: Operation = { type: "teleport" };
// @ts-expect-error a misspelled PayStar config field
const badConfig: GatewayConfig = { provider: "paystar", payoutTokn: "t" };
// @ts-expect-error amounts are decimal strings, never numbers
const floatMoney: Operation = { type: "create_payout", merchantId: "M-1", amount: 100.0, currency: "USD" };

export { describe, viaClient, viaRun, method, auth, bad, badConfig, floatMoney, initPspkit };
`,
  );
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "es2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        lib: ["es2022", "dom"],
        skipLibCheck: false,
        types: [],
      },
      files: ["consumer.ts"],
    }),
  );
  try {
    run("node", [tsc, "-p", "."], project);
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
});
