// parse + normalize per call: pspkit through wasm vs a plain-JS reference that does JSON.parse and
// the same PayStar status mapping (core/src/providers/paystar/status.rs) into the same Outcome
// shape. Best of 5 runs of N calls each, after a warm-up. Run: make bench-js
import { Gateway } from "pspkit";
import { body, sameOrderTenWays } from "./fixture.js";
import { referenceParse } from "./reference.js";

const N = Number(process.env.N ?? 50_000);
const op = { type: "get_deposit", providerId: "ad66a2ff-97d1-47c5-8552-53752a51f031" };
const response = { status: 200, headers: { "content-type": "application/json" }, body };

const gateway = new Gateway({ provider: "paystar", depositToken: "t" });
const viaWasm = () => gateway.parse(op, response);
const viaJs = () => referenceParse(response);
// The same answer under a new operation each call (more than the wasm side keeps parsed,
// bindings/wasm/src/op_cache.rs): what the first parse for a payment costs.
const ops = sameOrderTenWays(op.providerId, "M-1");
let next = 0;
const viaWasmNewOp = () => gateway.parse(ops[next++ % ops.length], response);

// Both must agree on what matters before they are timed.
const a = viaWasm().payment;
const b = viaJs().payment;
for (const k of ["providerId", "merchantId", "amount", "currency"]) {
  if (a[k] !== b[k]) throw new Error(`${k}: wasm ${a[k]} vs js ${b[k]}`);
}
if (a.status.state !== b.status.state || a.history.length !== b.history.length) throw new Error("mismatch");

function perCall(fn) {
  let best = Infinity;
  let sink = 0;
  for (let i = 0; i < N / 5; i++) sink += fn().type.length; // warm-up
  for (let run = 0; run < 5; run++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < N; i++) sink += fn().type.length;
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / N);
  }
  if (sink === 0) throw new Error("unreachable");
  return best / 1000; // µs
}

const js = perCall(viaJs);
const wasm = perCall(viaWasm);
console.log(`body: ${body.length} bytes, ${N} calls x 5 runs, best run`);
console.log(`plain JS (JSON.parse + mapping): ${js.toFixed(2)} µs/call`);
console.log(`pspkit via wasm (Gateway.parse):  ${wasm.toFixed(2)} µs/call`);
console.log(`ratio wasm/js: ${(wasm / js).toFixed(2)}x`);
const fresh = perCall(viaWasmNewOp);
console.log(`pspkit, a new operation each call:  ${fresh.toFixed(2)} µs/call (ratio ${(fresh / js).toFixed(2)}x)`);
