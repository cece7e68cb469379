// The browser entry in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core):
// a local page on 127.0.0.1 imports "src/browser.js", which fetches the wasm over HTTP, and runs a
// sample of the shared vectors (the first file of every provider folder) with the same runner.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { extname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { vectorFiles } from "./support/files.js";

const pkgRoot = fileURLToPath(new URL("..", import.meta.url));
const vectorsRoot = fileURLToPath(new URL("../../tests/vectors/", import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
// Flags from the machine doc: the closed network refuses Chromium's background connections.
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html" };

let server;
let origin;
let browser;
const served = [];

before(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    served.push(path);
    if (path === "/") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<!doctype html><title>pspkit</title>");
      return;
    }
    const file = normalize(join(pkgRoot, path));
    if (!file.startsWith(pkgRoot) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
});

after(async () => {
  await browser?.close();
  server?.close();
});

function sample() {
  const out = [];
  for (const dir of readdirSync(vectorsRoot).sort()) {
    const p = join(vectorsRoot, dir);
    if (!statSync(p).isDirectory()) continue;
    const first = vectorFiles(p)[0]; // flows/ included: PaymentFlow runs in Chromium too
    if (first) out.push({ name: relative(vectorsRoot, first), text: readFileSync(first, "utf8") });
  }
  return out;
}

test("the browser entry fetches the wasm and runs a sample of vectors in Chromium", async () => {
  const files = sample();
  assert.ok(files.length > 0, "no vector files to sample");
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(`${origin}/`);
  const result = await page.evaluate(async (files) => {
    const api = await import("/src/browser.js");
    const { loadVectorFile } = await import("/test/support/runner.js");
    let passed = 0;
    const failures = [];
    for (const f of files) {
      const loaded = loadVectorFile(f.text, api);
      if (loaded.fileError) failures.push(`${f.name}: ${loaded.fileError}`);
      for (const c of loaded.cases ?? []) {
        const why = c.run();
        if (why === null) passed++;
        else failures.push(`${f.name} / ${c.name}: ${why}`);
      }
    }
    let thrown;
    try {
      new api.Gateway({ provider: "paystar" });
    } catch (e) {
      thrown = { isPspError: e instanceof api.PspError, code: e.code, name: e.name };
    }
    return { passed, failures, thrown, userAgent: navigator.userAgent };
  }, files);
  assert.deepEqual(errors, []);
  assert.deepEqual(result.failures, []);
  assert.ok(result.passed > 0);
  assert.match(result.userAgent, /HeadlessChrome/);
  assert.deepEqual(result.thrown, { isPspError: true, code: "invalid_request", name: "PspError" });
  assert.ok(served.includes("/dist/pspkit_wasm_bg.wasm"), "the wasm was fetched over HTTP");
  console.log(`browser: ${result.passed} vector cases from ${files.length} files passed in Chromium`);
});
