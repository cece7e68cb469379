// "pspkit/init" entry, for edge runtimes and bundlers that hand over the wasm themselves:
//   import wasm from "pspkit/wasm";          // e.g. a WebAssembly.Module (Cloudflare Workers)
//   import { initPspkit, Gateway } from "pspkit/init";
//   await initPspkit(wasm);                   // or initPspkit(bytes), initPspkit(fetch(url))
import init, { initSync } from "../dist/pspkit_wasm.js";
import { isReady, markReady } from "./wasm_state.js";

/**
 * Instantiates the wasm once. A `WebAssembly.Module`, `ArrayBuffer` or typed array is
 * instantiated synchronously; a `Response`, promise of one, or URL goes through
 * `WebAssembly.instantiateStreaming` where available.
 */
export async function initPspkit(moduleOrBytes) {
  if (isReady()) return;
  if (
    moduleOrBytes instanceof WebAssembly.Module ||
    moduleOrBytes instanceof ArrayBuffer ||
    ArrayBuffer.isView(moduleOrBytes)
  ) {
    initSync({ module: moduleOrBytes });
  } else {
    await init({ module_or_path: await moduleOrBytes });
  }
  markReady();
}

/** The synchronous form, for a `WebAssembly.Module` or bytes already in hand. */
export function initPspkitSync(moduleOrBytes) {
  if (isReady()) return;
  initSync({ module: moduleOrBytes });
  markReady();
}

export { Gateway } from "./gateway.js";
export { PspError } from "./errors.js";
export { Client } from "./client.js";
export { PaymentFlow, FlowRun } from "./flow.js";
export { BulkReader } from "./bulk.js";
export { signingInputs } from "./signing.js";
