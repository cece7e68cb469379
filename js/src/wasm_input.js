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
  const mem = reserve(3 * (a.length + b.length + c.length)); // UTF-8 bytes per UTF-16 unit, at most
  let off = put(mem, a, at, 0);
  off = put(mem, b, off, 1);
  put(mem, c, off, 2);
}

/**
 * Writes `a` and `b` as `putStrings` does, then `count` name/value pairs from `pairs` (`pairs[2i]`
 * a name, `pairs[2i + 1]` its value), each string after its UTF-8 byte length as a little-endian
 * u32 (bindings/wasm/src/input_buffer.rs `with_strings_and_pairs`). `units` is the pairs' total
 * UTF-16 length; everything together is at most `INPUT_LIMIT` long.
 */
export function putStringsAndPairs(a, b, pairs, count, units) {
  const mem = reserve(3 * (a.length + b.length + units) + 8 * count);
  let off = put(mem, a, at, 0);
  off = put(mem, b, off, 1);
  for (let i = 0; i < 2 * count; i++) {
    const n = encode(mem, pairs[i], off + 4);
    mem[off] = n & 0xff;
    mem[off + 1] = (n >>> 8) & 0xff;
    mem[off + 2] = (n >>> 16) & 0xff;
    mem[off + 3] = n >>> 24;
    off += 4 + n;
  }
}

/** Grows the buffer to at least `need` bytes; the memory's bytes, taken after any growth. */
function reserve(need) {
  if (need > capacity) {
    capacity = Math.max(need, 2 * capacity, 4096);
    at = inputBuffer(capacity);
  }
  return views().u8;
}

/** Writes `s` at `off`, records its byte length as `lengths[k]`, returns where it ends. */
function put(mem, s, off, k) {
  const written = encode(mem, s, off);
  lengths[k] = written;
  return off + written;
}

/** Writes `s` at `off` (within the buffer), returns its UTF-8 byte length. */
function encode(mem, s, off) {
  const n = s.length;
  let i = 0;
  if (n < 64) {
    for (; i < n; i++) {
      const code = s.charCodeAt(i);
      if (code > 0x7f) break;
      mem[off + i] = code;
    }
  }
  return i === n ? n : encoder.encodeInto(s, mem.subarray(off, at + capacity)).written;
}
