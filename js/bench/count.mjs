// One side of js/bench/instructions.sh: warms up, then makes K calls of either pspkit's
// Gateway.parse or the plain-JS reference of parse.bench.js (W=wasm|js), or Gateway.build or
// build.bench.js's plain-JS build (W=wasm-build|js-build). Run under callgrind twice (K and 0)
// the difference divided by K is instructions per call, which the machine's load does not move.
import { Gateway } from "pspkit";
import { body, dpayBuild } from "./fixture.js";
import { referenceBuild, referenceParse } from "./reference.js";

const which = process.env.W;
const K = Number(process.env.K ?? 0);
const op = { type: "get_deposit", providerId: "ad66a2ff-97d1-47c5-8552-53752a51f031" };
const response = { status: 200, headers: { "content-type": "application/json" }, body };
const gateway = new Gateway({ provider: "paystar", depositToken: "t" });
// The build sides: build.bench.js's DPay status request, signed.
const { config: dpay, op: dpayOp, ctx } = dpayBuild;
const builder = new Gateway(dpay);
const sides = {
  wasm: () => gateway.parse(op, response).type,
  js: () => referenceParse(response).type,
  "wasm-build": () => builder.build(dpayOp, ctx).body,
  "js-build": () => referenceBuild(dpay, dpayOp).body,
};
const fn = sides[which];
if (!fn) throw new Error(`W is one of ${Object.keys(sides).join(", ")}`);
let sink = 0;
const WARM = Number(process.env.WARM ?? 3000);
for (let i = 0; i < WARM; i++) sink += fn().length;
for (let i = 0; i < K; i++) sink += fn().length;
if (sink === 0) throw new Error("unreachable");
