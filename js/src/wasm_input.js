// Writes the strings of one hot call (Gateway.parse / build) into the wasm side's reused input
// buffer (bindings/wasm/src/input_buffer.rs) and leaves their UTF-8 byte lengths in `lengths`,
// so the call passes numbers: no malloc call from JS per string. Short ASCII strings are copied
// by a loop, longer ones by `TextEncoder.encodeInto` (lone surrogates become U+FFFD, as in
// wasm-bindgen's own string passing). Marshalling only.
import { inputBuffer } from "../dist/pspkit_wasm.js";
import { views } from "./wasm_memory.js";

const encoder = new TextEncoder();
/** Inputs larger than this (in UTF-16 units, all strings together) take wasm-bindgen's string
 * passing instead, so one huge body does not keep a buffer of its size for the process's life. */
export const INPUT_LIMIT = 256 * 1024;

let at = 0;
let capacity = 0;
/** Byte lengths of the strings the last `putStrings` wrote, in order. */
export const lengths = [0, 0, 0];

/**
 * Writes `a`, `b` and `c` (together at most `INPUT_LIMIT` long) back to back into the buffer;
 * `c` "" for a call that takes two.
 */
export function putStrings(a, b, c) {
  const need = 3 * (a.length + b.length + c.length); // UTF-8 bytes per UTF-16 unit, at most
  if (need > capacity) {
    capacity = Math.max(need, 2 * capacity, 4096);
    at = inputBuffer(capacity);
  }
  const mem = views().u8;
  let off = put(mem, a, at, 0);
  off = put(mem, b, off, 1);
  put(mem, c, off, 2);
}

/** Writes `s` at `off`, records its byte length as `lengths[k]`, returns where it ends. */
function put(mem, s, off, k) {
  const n = s.length;
  let i = 0;
  if (n < 64) {
    for (; i < n; i++) {
      const code = s.charCodeAt(i);
      if (code > 0x7f) break;
      mem[off + i] = code;
    }
  }
  const written = i === n ? n : encoder.encodeInto(s, mem.subarray(off, at + capacity)).written;
  lengths[k] = written;
  return off + written;
}
