// One side of js/bench/instructions.sh: warms up, then makes K calls of either pspkit's
// Gateway.parse or the plain-JS reference of parse.bench.js. Run under callgrind twice (K and 0)
// the difference divided by K is instructions per call, which the machine's load does not move.
import { Gateway } from "pspkit";
import { body } from "./fixture.js";
import { referenceParse } from "./reference.js";

const which = process.env.W;
const K = Number(process.env.K ?? 0);
const op = { type: "get_deposit", providerId: "ad66a2ff-97d1-47c5-8552-53752a51f031" };
const response = { status: 200, headers: { "content-type": "application/json" }, body };
const gateway = new Gateway({ provider: "paystar", depositToken: "t" });
const fn = which === "js" ? () => referenceParse(response) : () => gateway.parse(op, response);
let sink = 0;
for (let i = 0; i < 3000; i++) sink += fn().type.length;
for (let i = 0; i < K; i++) sink += fn().type.length;
if (sink === 0) throw new Error("unreachable");
