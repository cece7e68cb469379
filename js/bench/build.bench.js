// build with signing per call: pspkit's `Gateway.build` of a DPay status request (the body signed
// with DPAY_SECURE = base64(md5(secret + base64(sha1(body)) + secret)), tests/vectors/dpay) vs a
// plain-JS build of the same request with node:crypto. Best of 5 runs of N calls, one run.
// Run: make bench-js
import { Gateway } from "pspkit";
import { dpayBuild } from "./fixture.js";
import { referenceBuild } from "./reference.js";

const N = Number(process.env.N ?? 50_000);
const { config, op, ctx } = dpayBuild;

const gateway = new Gateway(config);
const viaWasm = () => gateway.build(op, ctx);
const viaJs = () => referenceBuild(config, op);

const a = viaWasm();
const b = viaJs();
for (const k of ["method", "url", "body"]) if (a[k] !== b[k]) throw new Error(`${k}: ${a[k]} vs ${b[k]}`);
if (a.headers.dpay_secure !== b.headers.dpay_secure || b.headers.dpay_secure !== "sT3/KSdc+NwxjF4/VgqENQ==") {
  throw new Error("signature mismatch");
}

function perCall(fn) {
  let best = Infinity;
  let sink = 0;
  for (let i = 0; i < N / 5; i++) sink += fn().body.length;
  for (let run = 0; run < 5; run++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < N; i++) sink += fn().body.length;
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / N);
  }
  if (sink === 0) throw new Error("unreachable");
  return best / 1000;
}

const js = perCall(viaJs);
const wasm = perCall(viaWasm);
console.log(`build + sign (DPay status), ${N} calls x 5 runs, best run`);
console.log(`plain JS (node:crypto sha1+md5):  ${js.toFixed(2)} µs/call`);
console.log(`pspkit via wasm (Gateway.build):  ${wasm.toFixed(2)} µs/call`);
console.log(`ratio wasm/js: ${(wasm / js).toFixed(2)}x`);
