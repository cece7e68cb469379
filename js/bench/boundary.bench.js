// Where one `Gateway.parse` / `Gateway.build` spends its time at the JS/wasm boundary, per calling
// convention, in one run (best of 5 runs of N calls): the tsify `Ts` values (JSON.stringify /
// JSON.parse imports around serde_json inside wasm), one JSON text each way (`parseJson`), the
// response in its parts with the body uncopied by JSON escaping (`parseParts`), the same parts
// with the result written as a tape that js/src/tape.js reads out of wasm memory (`parseTape`,
// what js/src/gateway.js uses), and serde-wasm-bindgen building the JS objects from wasm (rows
// shown only for a wasm built with `--features serde-wasm-bindgen`, see the README), next to the
// JS-side costs alone. Run: make bench-js
import { Gateway as WasmGateway } from "../dist/pspkit_wasm.js";
import { Gateway } from "pspkit";
import { readTape } from "../src/tape.js";
import { body, sameOrderTenWays } from "./fixture.js";

const N = Number(process.env.N ?? 20_000);
const op = { type: "get_deposit", providerId: "ad66a2ff-97d1-47c5-8552-53752a51f031" };
const headers = { "content-type": "application/json" };
const headersJson = JSON.stringify(headers);
const response = { status: 200, headers, body };
new Gateway({ provider: "paystar", depositToken: "t" }); // the entry instantiated the wasm
const inner = new WasmGateway({ provider: "paystar", depositToken: "t" });
const opJson = JSON.stringify(op);
// More distinct operations than the wasm side keeps parsed (bindings/wasm/src/op_cache.rs).
const distinct = sameOrderTenWays(op.providerId, "M-1").map((o) => JSON.stringify(o));
let next = 0;
const buildOp = { type: "get_deposit", merchantId: "M-1" };
const buildOpJson = JSON.stringify(buildOp);
const ctx = { now: "2026-01-01T00:00:00Z" };
const ctxJson = JSON.stringify(ctx);
const outJson = inner.parseJson(opJson, JSON.stringify(response));
const swb = typeof inner.parseSwb === "function";

function perCall(fn) {
  let best = Infinity;
  let sink = 0;
  for (let i = 0; i < N / 5; i++) sink += fn() ? 1 : 0;
  for (let run = 0; run < 5; run++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < N; i++) sink += fn() ? 1 : 0;
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / N);
  }
  if (sink === 0) throw new Error("unreachable");
  return best / 1000;
}

const rows = [
  ["parse: Ts values in and out (inner.parse)", () => inner.parse(op, response)],
  ["parse: JSON text in and out (parseJson + JSON.parse)", () => JSON.parse(inner.parseJson(opJson, JSON.stringify(response)))],
  ["parse: parts in, JSON text out (parseParts + JSON.parse)", () => JSON.parse(inner.parseParts(opJson, 200, headersJson, body))],
  ["parse: parts in, tape out (parseTape + readTape), same op", () => readTape(inner.parseTape(opJson, 200, headersJson, body))],
  ["parse: parts in, tape out, a new op each call (cache miss)", () => readTape(inner.parseTape(distinct[next++ % distinct.length], 200, headersJson, body))],
  ...(swb
    ? [
        ["parse: serde-wasm-bindgen in and out (parseSwb)", () => inner.parseSwb(op, 200, headersJson, body)],
        ["parse: JSON text op in, serde-wasm-bindgen out (parseSwbOut)", () => inner.parseSwbOut(opJson, 200, headersJson, body)],
      ]
    : []),
  ["build: Ts values in and out (inner.build)", () => inner.build(buildOp, ctx)],
  ["build: JSON text in and out (buildJson + JSON.parse)", () => JSON.parse(inner.buildJson(JSON.stringify(buildOp), JSON.stringify(ctx)))],
  ["build: JSON text in, tape out (buildTape + readTape)", () => readTape(inner.buildTape(JSON.stringify(buildOp), JSON.stringify(ctx)))],
  ...(swb
    ? [
        ["build: serde-wasm-bindgen in and out (buildSwb)", () => inner.buildSwb(buildOp, ctx)],
        ["build: JSON text in, serde-wasm-bindgen out (buildSwbOut)", () => inner.buildSwbOut(buildOpJson, ctxJson)],
      ]
    : []),
  ["JS only: JSON.stringify(response)", () => JSON.stringify(response)],
  ["JS only: JSON.parse(outcome JSON)", () => JSON.parse(outJson)],
];
console.log(`boundary, body ${body.length} bytes, outcome JSON ${outJson.length} bytes, best of 5 x ${N}`);
for (const [name, fn] of rows) console.log(`  ${perCall(fn).toFixed(2).padStart(7)} µs  ${name}`);
