// String forms for logs (DESIGN §8): every one goes through the core's redaction policy
// (`logJson` in the wasm module), so JS never restates which fields are secret.

import { logJson } from "../dist/pspkit_wasm.js";

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * The redacted canonical JSON of a model value (config, operation, request, outcome, ...), safe
 * to log: secrets `***`, card numbers masked 6x4, CVVs `***`, PANs in free text masked.
 * `JSON.stringify(value)` stays the storable form, in clear.
 */
export function toLogJson(value) {
  return logJson(JSON.stringify(value) ?? "null");
}

/** The inspect form: one function for every object (`util.inspect` calls it with the value as
 * `this`), so a hot call does not make a closure and a descriptor per result. */
function logForm() {
  return `${this.constructor?.name === "Object" ? "" : this.constructor?.name + " "}${toLogJson(this)}`;
}

const LOG_FORM = Object.freeze({ value: logForm, enumerable: false });

/**
 * Gives an object pspkit returns a `util.inspect` form (what `console.log` prints in Node) that
 * is the redacted JSON; non-enumerable, so the object's fields, `JSON.stringify` and equality
 * checks are unchanged.
 */
export function withLogForm(value) {
  if (value !== null && typeof value === "object" && !Object.prototype.hasOwnProperty.call(value, INSPECT)) {
    Object.defineProperty(value, INSPECT, LOG_FORM);
  }
  return value;
}
