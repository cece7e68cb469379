#!/usr/bin/env node
// `node js/test/run-vectors.js DIR...`: runs vector folders through the public JS API (the
// package's own "pspkit" entry) and prints `js: N passed, M failed`; exit 1 when any failed.
// `make vectors DIR=<folder>` calls this.
import * as api from "pspkit";
import { runVectorDir } from "./support/files.js";

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error("usage: run-vectors.js DIR...");
  process.exit(64);
}
let passed = 0;
let failed = 0;
for (const dir of dirs) {
  const r = runVectorDir(dir, api);
  passed += r.passed;
  failed += r.failed;
  for (const f of r.failures) console.error(`FAIL ${f}`);
}
console.log(`js: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
