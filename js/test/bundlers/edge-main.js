// The "pspkit/init" recipe (esbuild, edge runtimes): the app hands over the wasm itself. Main
// thread: a fetch Response of the file URL the bundler emitted; the Worker: a compiled Module.
import { initPspkit, Gateway } from "pspkit/init";
import wasmUrl from "pspkit/wasm";
import { check } from "./check.js";

const worker = new Worker(new URL("./edge-worker.js", import.meta.url), { type: "module" });
globalThis.__worker = new Promise((resolve) => {
  worker.onmessage = (e) => resolve(e.data);
  worker.onerror = (e) => resolve({ error: String(e.message ?? e) });
});
try {
  await initPspkit(fetch(new URL(wasmUrl, import.meta.url)));
  globalThis.__main = check(Gateway);
} catch (e) {
  globalThis.__main = { error: String(e) };
}
