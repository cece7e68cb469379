// Production builds of a tiny app with Vite, esbuild and webpack, each loaded in headless
// Chromium (Debian's /usr/bin/chromium via playwright-core): the main thread and a module Worker
// must both parse a PayStar answer. The app (test/bundlers/) imports "pspkit" from a
// node_modules/pspkit link to this package, as an installed dependency would be; esbuild, which
// has no asset handling for `new URL(..., import.meta.url)`, uses the "pspkit/init" recipe.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const pkgRoot = fileURLToPath(new URL("..", import.meta.url));
const appSrc = fileURLToPath(new URL("./bundlers/", import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
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
const EXPECTED = { type: "payment", state: "succeeded", final: true, amount: "2600.00", merchantId: "M-1" };

let work;
let app;
let browser;
const servers = [];

before(async () => {
  work = mkdtempSync(join(tmpdir(), "pspkit-bundlers-"));
  app = join(work, "app");
  cpSync(appSrc, app, { recursive: true });
  mkdirSync(join(app, "node_modules"));
  symlinkSync(pkgRoot, join(app, "node_modules", "pspkit"), "dir");
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
});

after(async () => {
  await browser?.close();
  for (const s of servers) s.close();
});

async function serve(dir) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    const file = normalize(join(dir, path === "/" ? "index.html" : path));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  servers.push(server);
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${server.address().port}/`;
}

/** Loads the built app and returns what the main thread and the Worker computed. */
async function load(dir) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  try {
    await page.goto(await serve(dir));
    await page.waitForFunction(() => globalThis.__main !== undefined && globalThis.__worker !== undefined, null, { timeout: 20_000 });
    const main = await page.evaluate(() => globalThis.__main);
    const worker = await page.evaluate(() => globalThis.__worker);
    return { main, worker, errors };
  } catch (e) {
    throw new Error(`${e.message}\npage errors: ${errors.join("\n")}`);
  } finally {
    await page.close();
  }
}

function assertRuns({ main, worker, errors }) {
  assert.deepEqual(main, EXPECTED, `main thread (page errors: ${errors.join("; ")})`);
  assert.deepEqual(worker, EXPECTED, `module Worker (page errors: ${errors.join("; ")})`);
}

function wasmFiles(dir) {
  return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(".wasm"));
}

test("Vite production build: main thread and module Worker", async () => {
  const { build } = await import("vite");
  const outDir = join(work, "vite");
  await build({
    root: app,
    configFile: false,
    logLevel: "error",
    // Top-level await (the entry instantiates the wasm before it resolves) needs es2022, in the
    // page and in the Worker, whose format must be "es".
    build: { outDir, emptyOutDir: true, target: "es2022" },
    worker: { format: "es" },
  });
  assert.equal(wasmFiles(outDir).length, 1, "the wasm is emitted once");
  assertRuns(await load(outDir));
});

test("webpack production build: main thread and module Worker", async () => {
  const webpack = (await import("webpack")).default;
  const outDir = join(work, "webpack");
  const stats = await new Promise((resolve, reject) =>
    webpack(
      {
        mode: "production",
        context: app,
        entry: "./main.js",
        output: { path: outDir, filename: "main.js", clean: true },
        performance: { hints: false },
      },
      (err, s) => (err ? reject(err) : resolve(s)),
    ),
  );
  assert.ok(!stats.hasErrors(), stats.toString("errors-only"));
  writeFileSync(join(outDir, "index.html"), '<!doctype html><title>pspkit</title><script src="./main.js"></script>');
  assert.equal(wasmFiles(outDir).length, 1, "the wasm is emitted once");
  assertRuns(await load(outDir));
});

test('esbuild with the "pspkit/init" recipe: main thread (Response) and module Worker (Module)', async () => {
  const esbuild = await import("esbuild");
  const outDir = join(work, "esbuild");
  await esbuild.build({
    absWorkingDir: app,
    entryPoints: ["edge-main.js", "edge-worker.js"],
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    // `import wasmUrl from "pspkit/wasm"` becomes the emitted file's URL.
    loader: { ".wasm": "file" },
    outdir: outDir,
    logLevel: "error",
  });
  writeFileSync(join(outDir, "index.html"), '<!doctype html><title>pspkit</title><script type="module" src="./edge-main.js"></script>');
  assert.equal(wasmFiles(outDir).length, 1, "the wasm is emitted once");
  assertRuns(await load(outDir));
});
