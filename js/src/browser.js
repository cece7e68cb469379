// Browser entry ("browser"/"default" conditions): fetches the wasm next to this package
// (bundlers rewrite the `new URL(..., import.meta.url)` reference) before the module resolves.
import init from "../dist/pspkit_wasm.js";
import { markReady } from "./wasm_state.js";

await init({ module_or_path: new URL("../dist/pspkit_wasm_bg.wasm", import.meta.url) });
markReady();

export { Gateway } from "./gateway.js";
export { PspError } from "./errors.js";
export { toLogJson } from "./log_form.js";
export { Client } from "./client.js";
export { PaymentFlow, FlowRun } from "./flow.js";
export { BulkReader } from "./bulk.js";
export { signingInputs } from "./signing.js";
