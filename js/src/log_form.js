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

/**
 * Gives an object pspkit returns a `util.inspect` form (what `console.log` prints in Node) that
 * is the redacted JSON; non-enumerable, so the object's fields, `JSON.stringify` and equality
 * checks are unchanged.
 */
export function withLogForm(value) {
  if (value !== null && typeof value === "object" && !Object.prototype.hasOwnProperty.call(value, INSPECT)) {
    Object.defineProperty(value, INSPECT, {
      value() {
        return `${value.constructor?.name === "Object" ? "" : value.constructor?.name + " "}${toLogJson(value)}`;
      },
      enumerable: false,
    });
  }
  return value;
}
