// Reads a value the wasm side wrote as a tape (bindings/wasm/src/tape/: u32 words plus one
// string of every key and string value back to back) straight out of wasm memory, into the same
// plain object `JSON.parse` of serde_json's text of that value gives (js/test/tape.test.js checks
// that over every vector). Marshalling only: the words say null/bool/string/object/array/number,
// never anything about the model.

import { views } from "./wasm_memory.js";

const decoder = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });
const number = new DataView(new ArrayBuffer(8));

// The wasm side's field and variant names by number, each already a property key (interned), so
// building an object does not look each key up in V8's string table again.
const names = [];

/** `s` as V8's one internalized copy (what a property key is). */
const interned = (s) => Object.keys({ [s]: 0 })[0];

/**
 * The value whose tape header is at `header` in wasm memory: `[words address, word count, text
 * address, text bytes, names count, names text address, names text bytes, name ends address]`.
 * Read before the next call into wasm, which reuses the buffers.
 */
export function readTape(header) {
  const { u8: bytes8, u32: words32 } = views();
  const h = header >>> 2;
  if (words32[h + 4] > names.length) {
    // Names registered since the last read (append-only on the wasm side).
    const at = words32[h + 5];
    const all = decoder.decode(bytes8.subarray(at, at + words32[h + 6]));
    const ends = words32[h + 7] >>> 2;
    for (let k = names.length; k < words32[h + 4]; k++) {
      names.push(interned(all.slice(k === 0 ? 0 : words32[ends + k - 1], words32[ends + k])));
    }
  }
  const textAt = words32[h + 2];
  const text = decoder.decode(bytes8.subarray(textAt, textAt + words32[h + 3]));
  // Nothing calls into wasm while the words are read, so they are read in place.
  return decodeTape(words32, words32[h] >>> 2, text, names);
}

/**
 * The value at `words[start]` (`tag = w & 7`, `n = w >>> 3`: 0 null, 1 false, 2 true, 3 a string
 * of n UTF-16 units of `text`, 4 an object of n entries (a key word, then the value: `2k + 1` is
 * `keys[k]`, `2n` the next n units of `text`), 5 an array of n items, 6 the integer n, 7 a number
 * whose f64 bits are the next two words).
 */
export function decodeTape(words, start, text, keys) {
  let i = start; // next word
  let p = 0; // next UTF-16 unit of `text`
  function value() {
    const w = words[i++];
    const n = w >>> 3;
    switch (w & 7) {
      case 0:
        return null;
      case 1:
        return false;
      case 2:
        return true;
      case 3:
        return text.slice(p, (p += n));
      case 4: {
        const o = {};
        for (let k = 0; k < n; k++) {
          const kw = words[i++];
          const key = kw & 1 ? keys[kw >>> 1] : text.slice(p, (p += kw >>> 1));
          const v = value();
          // JSON.parse makes "__proto__" an own property; plain assignment would set the prototype.
          if (key === "__proto__") {
            Object.defineProperty(o, key, { value: v, writable: true, enumerable: true, configurable: true });
          } else {
            o[key] = v;
          }
        }
        return o;
      }
      case 5: {
        const a = [];
        for (let k = 0; k < n; k++) a.push(value());
        return a;
      }
      case 6:
        return n;
      default:
        number.setUint32(0, words[i++], true);
        number.setUint32(4, words[i++], true);
        return number.getFloat64(0, true);
    }
  }
  return value();
}
