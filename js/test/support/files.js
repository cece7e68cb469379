// Vector folders on disk, for the Node runners (the matching itself is in runner.js).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadVectorFile } from "./runner.js";

/** Every `*.json` under `dir`, sorted, recursively. */
export function vectorFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...vectorFiles(p));
    else if (name.endsWith(".json")) out.push(p);
  }
  return out;
}

/** Runs every vector file under `dir`; returns counts and failure descriptions. */
export function runVectorDir(dir, api) {
  let passed = 0;
  let failed = 0;
  const failures = [];
  for (const f of vectorFiles(dir)) {
    const loaded = loadVectorFile(readFileSync(f, "utf8"), api);
      if (loaded.fileError) {
      failed++;
      failures.push(`${f}: ${loaded.fileError}`);
      continue;
    }
    for (const c of loaded.cases) {
      const why = c.run();
      if (why === null) passed++;
      else {
        failed++;
        failures.push(`${f} / ${c.name}: ${why}`);
      }
    }
  }
  return { passed, failed, failures };
}
