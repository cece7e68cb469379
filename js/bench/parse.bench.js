// parse + normalize per call: pspkit through wasm vs a plain-JS reference that does JSON.parse and
// the same PayStar status mapping (core/src/providers/paystar/status.rs) into the same Outcome
// shape. Best of 7 runs of N calls each, the sides taking turns (timing.js), after a warm-up.
// Run: make bench-js
import { Gateway } from "pspkit";
import { body, sameOrderTenWays } from "./fixture.js";
import { referenceParse } from "./reference.js";
import { bestInterleaved } from "./timing.js";

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

const [js, wasm, fresh] = bestInterleaved([viaJs, viaWasm, viaWasmNewOp], {
  n: N,
  touch: (outcome) => outcome.type.length,
});
console.log(`body: ${body.length} bytes, ${N} calls x 7 runs taking turns, best run`);
console.log(`plain JS (JSON.parse + mapping): ${js.toFixed(2)} µs/call`);
console.log(`pspkit via wasm (Gateway.parse):  ${wasm.toFixed(2)} µs/call`);
console.log(`ratio wasm/js: ${(wasm / js).toFixed(2)}x`);
console.log(`pspkit, a new operation each call:  ${fresh.toFixed(2)} µs/call (ratio ${(fresh / js).toFixed(2)}x)`);
