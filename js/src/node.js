// Node entry ("node" condition): loads the wasm from disk, synchronously, at import.
import { readFileSync } from "node:fs";
import { initSync } from "../dist/pspkit_wasm.js";
import { markReady } from "./wasm_state.js";

initSync({ module: readFileSync(new URL("../dist/pspkit_wasm_bg.wasm", import.meta.url)) });
markReady();

export { Gateway } from "./gateway.js";
export { PspError } from "./errors.js";
export { toLogJson } from "./log_form.js";
export { Client } from "./client.js";
export { PaymentFlow, FlowRun } from "./flow.js";
export { BulkReader } from "./bulk.js";
export { signingInputs } from "./signing.js";
