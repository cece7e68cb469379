// The JS face of the core's Gateway (DESIGN §2): a thin wrapper over the wasm class that only
// turns thrown errors into `PspError` and checks that the wasm module was initialized. Every
// decision (URLs, signatures, status mapping) happens in the Rust core.

import { Gateway as WasmGateway } from "../dist/pspkit_wasm.js";
import { asPspError, PspError } from "./errors.js";
import { isReady } from "./wasm_state.js";
import { withLogForm } from "./log_form.js";
import { fromFetchRequest, toHttpRequest } from "./callback_request.js";
import { readTape } from "./tape.js";
import { INPUT_LIMIT, lengths, putStrings, putStringsAndPairs } from "./wasm_input.js";

// The config each Gateway was made from, for `Client.run` (a flow is started from a config). Kept
// off the instance so it never shows in a log of the object.
const configs = new WeakMap();

/** The config `gateway` was made from, or undefined for anything that is not a pspkit Gateway. */
export function configOf(gateway) {
  return configs.get(gateway);
}

/**
 * The response's status, headers (JSON text, "" for none) and body when each already has the
 * model's type, so the body crosses to wasm as is instead of escaped inside JSON text; undefined
 * otherwise (the JSON path then reports the bad field).
 */
function responseParts(response) {
  if (typeof response !== "object" || response === null) return undefined;
  const { status, headers, body } = response;
  if (!Number.isInteger(status) || status < 0 || status > 65535) return undefined;
  if (body !== undefined && typeof body !== "string") return undefined;
  // The headers' names and values go into `headerPairs`; `wellFormed` says whether they can
  // cross as pairs (the input buffer would turn a lone surrogate into U+FFFD, where JSON text
  // names it as an error).
  let count = 0;
  let units = 0;
  let wellFormed = canCheckWellFormed;
  if (headers !== undefined) {
    // Plain objects only: a Fetch `Headers` or a Map has no own properties to read here.
    if (typeof headers !== "object" || headers === null) return undefined;
    const proto = Object.getPrototypeOf(headers);
    if (proto !== Object.prototype && proto !== null) return undefined;
    for (const k in headers) {
      if (!Object.hasOwn(headers, k)) continue;
      const v = headers[k];
      if (typeof v !== "string") {
        headerPairs.fill("", 0, 2 * count);
        return undefined;
      }
      wellFormed = wellFormed && k.isWellFormed() && v.isWellFormed();
      headerPairs[2 * count] = k;
      headerPairs[2 * count + 1] = v;
      count++;
      units += k.length + v.length;
    }
  }
  return { status, headers, count, units, wellFormed: wellFormed || count === 0, body: body ?? "" };
}

/** `responseParts`' header names and values, reused from call to call (and emptied after each,
 * so no response's headers outlive its call). */
const headerPairs = [];
/** `String.prototype.isWellFormed` (Node 20, current browsers); without it headers go as JSON. */
const canCheckWellFormed = typeof "".isWellFormed === "function";

const ownField = Object.prototype.propertyIsEnumerable;

// The context's two fields as `contextParts` last read them.
let ctxNow = "";
let ctxNonce = "";

/** Whether `s` is short and ASCII, so it crosses as the same bytes either way (JSON text would
 * write a lone surrogate as an escape serde_json refuses; the input buffer as U+FFFD). */
function shortAscii(s) {
  if (s.length > 64) return false;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * The presence bits (1 `now`, 2 `nonce`) of a context the core would read the same from its two
 * strings as from its JSON text, leaving the strings in `ctxNow`/`ctxNonce`; -1 for anything
 * else (another type, a prototype or `toJSON` of its own, a field that is not a short ASCII
 * string or null), which then goes the JSON way and gets its error there. The core reads no
 * other field of a context.
 */
function contextParts(ctx) {
  ctxNow = "";
  ctxNonce = "";
  if (ctx === undefined || ctx === null) return 0;
  if (typeof ctx !== "object") return -1;
  const proto = Object.getPrototypeOf(ctx);
  if ((proto !== Object.prototype && proto !== null) || ctx.toJSON !== undefined) return -1;
  // Own enumerable fields only, as JSON.stringify reads them (not a `now` on Object.prototype).
  const now = ownField.call(ctx, "now") ? ctx.now : undefined;
  const nonce = ownField.call(ctx, "nonce") ? ctx.nonce : undefined;
  let bits = 0;
  if (typeof now === "string" && shortAscii(now)) {
    ctxNow = now;
    bits |= 1;
  } else if (now !== undefined && now !== null) return -1;
  if (typeof nonce === "string" && shortAscii(nonce)) {
    ctxNonce = nonce;
    bits |= 2;
  } else if (nonce !== undefined && nonce !== null) return -1;
  return bits;
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
      // The operation as JSON text, the context as its two strings when that reads the same
      // (contextParts), the request back as a tape, as in `parse` (js/bench/boundary.bench.js).
      const present = contextParts(ctx);
      if (present >= 0) {
        const opJson = JSON.stringify(op) ?? "null";
        if (opJson.length + ctxNow.length + ctxNonce.length <= INPUT_LIMIT) {
          putStrings(opJson, ctxNow, ctxNonce);
          return withLogForm(readTape(this.#inner.buildInputContext(lengths[0], lengths[1], lengths[2], present)));
        }
      }
      const ctxJson = ctx === undefined || ctx === null ? "" : JSON.stringify(ctx);
      const opJson = JSON.stringify(op) ?? "null";
      if (opJson.length + ctxJson.length > INPUT_LIMIT) {
        return withLogForm(readTape(this.#inner.buildTape(opJson, ctxJson)));
      }
      putStrings(opJson, ctxJson, "");
      return withLogForm(readTape(this.#inner.buildInput(lengths[0], lengths[1])));
    } catch (e) {
      throw asPspError(e);
    }
  }

  parse(op, response) {
    try {
      // The operation as JSON text (the wasm side keeps a repeated one parsed), the response
      // in its parts, the outcome back as a tape read straight out of wasm memory: cheaper than
      // the per-value imports of `Ts` values, and than JSON text serde_json escapes and
      // JSON.parse scans again (js/bench/boundary.bench.js; same object either way).
      // (`JSON.stringify(undefined)` is undefined; the Rust side reads "null" as a type error.)
      const opJson = JSON.stringify(op) ?? "null";
      const parts = responseParts(response);
      if (parts && parts.wellFormed && opJson.length + parts.units + parts.body.length <= INPUT_LIMIT) {
        putStringsAndPairs(opJson, parts.body, headerPairs, parts.count, parts.units);
        headerPairs.fill("", 0, 2 * parts.count);
        return withLogForm(readTape(this.#inner.parseInput(lengths[0], parts.status, lengths[1], parts.count)));
      }
      if (parts) {
        headerPairs.fill("", 0, 2 * parts.count);
        const headersJson = parts.count > 0 ? JSON.stringify(parts.headers) : "";
        return withLogForm(readTape(this.#inner.parseTape(opJson, parts.status, headersJson, parts.body)));
      }
      return withLogForm(JSON.parse(this.#inner.parseJson(opJson, JSON.stringify(response) ?? "null")));
    } catch (e) {
      headerPairs.fill(""); // a header getter that threw may have left some behind
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
