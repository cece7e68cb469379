// Bulk reading (the core's pspkit::bulk): a large NDJSON file of provider answers fed in chunks,
// each completed line read exactly as a single `Gateway.parse` of a 200 answer; memory stays at
// one line whatever the file's size. The chunks cross into wasm as bytes, the results come back
// as one NDJSON string per chunk, so a million answers cost a million lines, not a million calls.
import { BulkReader as WasmBulkReader } from "../dist/pspkit_wasm.js";
import { asPspError, PspError } from "./errors.js";
import { isReady } from "./wasm_state.js";

const encoder = new TextEncoder();

function lines(text) {
  return text === "" ? [] : text.trimEnd().split("\n").map((l) => JSON.parse(l));
}

export class BulkReader {
  #inner;

  /**
   * @param {import("../types/index.js").GatewayConfig} config
   * @param {import("../types/index.js").Operation} operation the operation every line answers
   */
  constructor(config, operation) {
    if (!isReady()) {
      throw new PspError("invalid_request", "pspkit: the wasm module is not initialized");
    }
    try {
      this.#inner = new WasmBulkReader(JSON.stringify(config), JSON.stringify(operation));
    } catch (e) {
      throw asPspError(e);
    }
  }

  /** Feeds a chunk (string, Buffer or Uint8Array); returns `{line, outcome}` / `{line, error}` items. */
  feed(chunk) {
    const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
    return lines(this.#inner.feed(bytes));
  }

  /** The input ended: the last line's item, when it had no newline. Frees the reader. */
  finish() {
    const out = lines(this.#inner.finish());
    this.#inner.free();
    return out;
  }
}
