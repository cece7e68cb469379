import { initPspkit, Gateway } from "pspkit/init";
import wasmUrl from "pspkit/wasm";
import { check } from "./check.js";

try {
  await initPspkit(await WebAssembly.compileStreaming(fetch(new URL(wasmUrl, import.meta.url))));
  postMessage(check(Gateway));
} catch (e) {
  postMessage({ error: String(e) });
}
