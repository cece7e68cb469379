// build with signing per call: pspkit's `Gateway.build` of a DPay status request (the body signed
// with DPAY_SECURE = base64(md5(secret + base64(sha1(body)) + secret)), tests/vectors/dpay) vs a
// plain-JS build of the same request with node:crypto. Best of 7 runs of N calls, the sides taking
// turns (timing.js).
// Run: make bench-js
import { Gateway } from "pspkit";
import { dpayBuild } from "./fixture.js";
import { referenceBuild } from "./reference.js";
import { bestInterleaved } from "./timing.js";

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

const [js, wasm] = bestInterleaved([viaJs, viaWasm], { n: N, touch: (r) => r.body.length });
console.log(`build + sign (DPay status), ${N} calls x 7 runs taking turns, best run`);
console.log(`plain JS (node:crypto sha1+md5):  ${js.toFixed(2)} µs/call`);
console.log(`pspkit via wasm (Gateway.build):  ${wasm.toFixed(2)} µs/call`);
console.log(`ratio wasm/js: ${(wasm / js).toFixed(2)}x`);
