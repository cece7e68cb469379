// Cold start in Node: a fresh process's `import("pspkit")` (reads and instantiates the wasm) and
// its first `Gateway` + `parse`, each timed once per process; median of 7 processes.
// Run: make bench-js   (or: node js/bench/cold.js after make js-build)
import { execFileSync } from "node:child_process";

const child = `
const t0 = performance.now();
const { Gateway } = await import("pspkit");
const t1 = performance.now();
const g = new Gateway({ provider: "paystar", depositToken: "t" });
g.parse({ type: "get_deposit", providerId: "p-1" }, { status: 200, headers: {}, body: '{"externalId":"p-1","orderStatus":"Success","amount":1,"currency":"RUB"}' });
const t2 = performance.now();
console.log(JSON.stringify([t1 - t0, t2 - t1]));
`;
const runs = [];
for (let i = 0; i < 7; i++) {
  runs.push(JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", child], { cwd: new URL("..", import.meta.url), encoding: "utf8" })));
}
const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
console.log(`cold start: import ${median(runs.map((r) => r[0])).toFixed(1)} ms, first Gateway + parse ${median(runs.map((r) => r[1])).toFixed(1)} ms (median of 7 processes)`);
