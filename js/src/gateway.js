// The JS face of the core's Gateway (DESIGN §2): a thin wrapper over the wasm class that only
// turns thrown errors into `PspError` and checks that the wasm module was initialized. Every
// decision (URLs, signatures, status mapping) happens in the Rust core.

import { Gateway as WasmGateway } from "../dist/pspkit_wasm.js";
import { asPspError, PspError } from "./errors.js";
import { isReady } from "./wasm_state.js";
import { withLogForm } from "./log_form.js";
import { fromFetchRequest, toHttpRequest } from "./callback_request.js";

// The config each Gateway was made from, for `Client.run` (a flow is started from a config). Kept
// off the instance so it never shows in a log of the object.
const configs = new WeakMap();

/** The config `gateway` was made from, or undefined for anything that is not a pspkit Gateway. */
export function configOf(gateway) {
  return configs.get(gateway);
}

export class Gateway {
  #inner;

  /** @param {import("../types/index.js").GatewayConfig} config */
  constructor(config) {
    if (!isReady()) {
      throw new PspError(
        "invalid_request",
        "pspkit: the wasm module is not initialized (with the \"pspkit/init\" entry, call initPspkit first)",
      );
    }
    try {
      this.#inner = new WasmGateway(config);
      configs.set(this, JSON.parse(JSON.stringify(config)));
    } catch (e) {
      throw asPspError(e);
    }
  }

  build(op, ctx) {
    try {
      // The request carries the credentials it must send; its inspect form does not.
      return withLogForm(this.#inner.build(op, ctx));
    } catch (e) {
      throw asPspError(e);
    }
  }

  parse(op, response) {
    try {
      // JSON text both ways: the wasm side reads and writes it with serde_json in one call,
      // which is cheaper than the per-value JSON.stringify/JSON.parse imports of `Ts` values.
      // (`JSON.stringify(undefined)` is undefined; the Rust side reads "null" as a type error.)
      const out = this.#inner.parseJson(JSON.stringify(op) ?? "null", JSON.stringify(response) ?? "null");
      return withLogForm(JSON.parse(out));
    } catch (e) {
      throw asPspError(e);
    }
  }

  /** `request.body` is the raw body (string, Buffer, Uint8Array); `request.headers` Node's
   * IncomingHttpHeaders, a Fetch `Headers` or a plain object. */
  parseCallback(request, ctx) {
    try {
      return withLogForm(this.#inner.parseCallback(toHttpRequest(request), ctx));
    } catch (e) {
      throw asPspError(e);
    }
  }

  /** `parseCallback` for a Fetch `Request` (edge handlers, Deno, Bun): reads its body once. */
  async parseCallbackRequest(request, ctx) {
    return this.parseCallback(await fromFetchRequest(request), ctx);
  }

  capabilities() {
    try {
      return this.#inner.capabilities();
    } catch (e) {
      throw asPspError(e);
    }
  }

  /** Frees the wasm memory now instead of when the object is garbage-collected. */
  free() {
    this.#inner?.free();
    this.#inner = undefined;
  }
}
