// The app as a user writes it: `import { Gateway } from "pspkit"` on the main thread and in a
// module Worker; the bundler must ship the wasm and keep the entry's initialization.
import { Gateway } from "pspkit";
import { check } from "./check.js";

const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
globalThis.__worker = new Promise((resolve) => {
  worker.onmessage = (e) => resolve(e.data);
  worker.onerror = (e) => resolve({ error: String(e.message ?? e) });
});
try {
  globalThis.__main = check(Gateway);
} catch (e) {
  globalThis.__main = { error: String(e) };
}
