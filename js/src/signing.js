// `signingInputs`: what each signature in a built request was computed over, from the core
// (`Gateway::signing_inputs`). The messages are reported by the core's signers as they hash
// them; nothing here knows a provider's formula.

import { signingInputsJson } from "../dist/pspkit_wasm.js";
import { asPspError, PspError } from "./errors.js";
import { configOf } from "./gateway.js";
import { withLogForm } from "./log_form.js";

/**
 * For the request `gateway.build(op, ctx)` returns: one entry per signature, `{ part,
 * algorithm, encoding, keyName?, message, pieces, writtenAs? }`. A secret that is part of a
 * message stands as `<configField>` (its piece has `hidden: true`); an HMAC key is only named.
 * Empty when the request carries no signature.
 */
export function signingInputs(gateway, op, ctx) {
  const config = configOf(gateway);
  if (config === undefined) {
    throw new PspError("invalid_request", "signingInputs: the first argument must be a pspkit Gateway");
  }
  try {
    const ctxJson = ctx === undefined || ctx === null ? "" : JSON.stringify(ctx);
    const out = JSON.parse(signingInputsJson(JSON.stringify(config), JSON.stringify(op) ?? "null", ctxJson));
    return out.map(withLogForm);
  } catch (e) {
    throw asPspError(e);
  }
}
