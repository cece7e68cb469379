// Every ```js and ```ts block of the project README runs against the sandbox (started by
// tests/sandbox/with-sandbox.sh, which sets PSPKIT_SANDBOX_URL), as a module importing the
// package by its name; the ```ts blocks first pass `tsc --strict --noEmit` against the
// published types. A block right after `<!-- not-run: reason -->` is skipped (the reason says
// which test runs its calls instead). The blocks read credentials from the environment, as a
// host would; here they are the sandbox's (tests/sandbox/README.md).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const pkgRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const readme = readFileSync(join(pkgRoot, "..", "README.md"), "utf8");
const base = process.env.PSPKIT_SANDBOX_URL?.replace(/\/$/, "");
assert.ok(base, "PSPKIT_SANDBOX_URL is not set (run through tests/sandbox/with-sandbox.sh)");

/** The README's js/ts blocks: {lang, code, line, skip}. */
function blocks(text) {
  const out = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(js|ts|javascript|typescript)\s*$/.exec(lines[i]);
    if (!open) continue;
    let j = i - 1;
    while (j >= 0 && lines[j].trim() === "") j--;
    const skip = /^<!--\s*not-run:\s*(.+?)\s*-->$/.exec(lines[j] ?? "")?.[1];
    const end = lines.indexOf("```", i + 1);
    assert.ok(end > i, `README line ${i + 1}: unclosed block`);
    out.push({ lang: open[1].startsWith("t") ? "ts" : "js", code: lines.slice(i + 1, end).join("\n"), line: i + 1, skip });
    i = end;
  }
  return out;
}

const found = blocks(readme);
const env = {
  ...process.env,
  PAYSTAR_BASE_URL: `${base}/paystar`,
  PAYSTAR_DEPOSIT_PUBLIC_KEY: "sandbox-deposit-public",
  PAYSTAR_DEPOSIT_PRIVATE_KEY: "sandbox-deposit-private",
  PAYSTAR_PAYOUT_PUBLIC_KEY: "sandbox-payout-public",
  PAYSTAR_PAYOUT_PRIVATE_KEY: "sandbox-payout-private",
};

// Inside the package folder, so `import "pspkit"` resolves to this package by its own name.
const work = join(pkgRoot, "test", ".readme-run");

test("the README has js and ts blocks, and only a few are marked not-run", () => {
  assert.ok(found.filter((b) => b.lang === "js").length >= 3, "js blocks");
  assert.ok(found.filter((b) => b.lang === "ts").length >= 2, "ts blocks");
  assert.ok(found.filter((b) => b.skip).length <= 2, "not-run blocks");
});

test("the README's ts blocks pass tsc --strict", () => {
  const tsBlocks = found.filter((b) => b.lang === "ts" && !b.skip);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    const files = tsBlocks.map((b) => {
      const file = join(work, `readme-${b.line}.ts`);
      // `export {}` makes each block a module (top-level await, no shared globals).
      writeFileSync(file, `${b.code}\nexport {};\n`);
      return file;
    });
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      types: ["node"],
      skipLibCheck: false,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${d.file.fileName.replace(work + "/", "")}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : "";
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    assert.deepEqual(problems, []);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

for (const b of found) {
  test(`README line ${b.line} (${b.lang}) runs against the sandbox`, { skip: b.skip }, () => {
    mkdirSync(work, { recursive: true });
    const file = join(work, `readme-${b.line}.mjs`);
    const code = b.lang === "ts"
      ? ts.transpileModule(b.code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText
      : b.code;
    writeFileSync(file, code);
    try {
      execFileSync(process.execPath, [file], { env, cwd: work, timeout: 30_000, stdio: "pipe" });
    } catch (e) {
      assert.fail(`README line ${b.line} failed:\n${e.stdout ?? ""}${e.stderr ?? e.message}`);
    } finally {
      rmSync(file, { force: true });
    }
  });
}
