// The shipped wasm modules' sizes: raw and gzipped (level 9), as the README reports it.
// Run: make bench-js   (or: node js/bench/size.js after make js-build)
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const wasm = readFileSync(new URL("../dist/pspkit_wasm_bg.wasm", import.meta.url));
const paystar = readFileSync(new URL("../dist/paystar/pspkit_wasm_bg.wasm", import.meta.url));
const glue = readFileSync(new URL("../dist/pspkit_wasm.js", import.meta.url));
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`wasm, every provider ("pspkit"): ${kb(wasm.length)} raw, ${kb(gzipSync(wasm, { level: 9 }).length)} gzipped`);
console.log(`wasm, PayStar only ("pspkit/paystar"): ${kb(paystar.length)} raw, ${kb(gzipSync(paystar, { level: 9 }).length)} gzipped`);
console.log(`js glue: ${kb(glue.length)} raw, ${kb(gzipSync(glue, { level: 9 }).length)} gzipped`);
