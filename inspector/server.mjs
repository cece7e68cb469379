// The inspector's static server, for 127.0.0.1 only, with no dependencies: the page (this
// folder) and the npm package's browser entry with its wasm (js/src, js/dist) under /pspkit/.
//   node inspector/server.mjs [--port N]      (default 8377; 0 picks a free one)
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve as resolvePath, sep } from "node:path";
import { fileURLToPath } from "node:url";

const here = resolvePath(fileURLToPath(new URL(".", import.meta.url)));
const pkg = resolvePath(fileURLToPath(new URL("../js/", import.meta.url)));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
};
const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

/** Maps a URL path to a file it may serve, or null: nothing outside these folders. */
function resolve(path) {
  if (path === "/") return join(here, "index.html");
  const rules = [
    ["/pspkit/src/", join(pkg, "src"), /\.js$/],
    ["/pspkit/dist/", join(pkg, "dist"), /^pspkit_wasm(\.js|_bg\.wasm)$/],
    ["/src/", join(here, "src"), /\.js$/],
    ["/dist/", join(here, "dist"), /\.js$/],
    ["/", here, /^(style\.css|index\.html)$/],
  ];
  for (const [prefix, dir, allowed] of rules) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    if (rest.includes("/") || !allowed.test(rest)) return null;
    const file = normalize(join(dir, rest));
    return file.startsWith(dir + sep) ? file : null;
  }
  return null;
}

export function startServer({ port = 8377, host = "127.0.0.1", onRequest } = {}) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    onRequest?.(path);
    const file = resolve(path);
    if (req.method !== "GET" || !file || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-security-policy": CSP,
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
      "x-content-type-options": "nosniff",
    });
    res.end(readFileSync(file));
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok({ server, url: `http://${host}:${server.address().port}/` }));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const i = process.argv.indexOf("--port");
  const port = i > 0 ? Number(process.argv[i + 1]) : Number(process.env.PORT ?? 8377);
  for (const f of [join(pkg, "dist", "pspkit_wasm_bg.wasm"), join(here, "dist", "examples.js")]) {
    if (!existsSync(f)) {
      console.error(`inspector: ${f} is missing; run \`make inspector\` (it builds it)`);
      process.exit(1);
    }
  }
  const { url } = await startServer({ port });
  console.log(`pspkit inspector: ${url}  (127.0.0.1 only; Ctrl+C stops it)`);
}
