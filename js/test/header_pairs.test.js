// `Gateway.parse` passes a response's headers as name/value pairs in the input buffer
// (js/src/wasm_input.js `putStringsAndPairs`, read by bindings/wasm/src/input_buffer.rs, whose
// own tests read hand-written bytes) when they are well-formed strings, and as JSON text
// otherwise. The layout is checked here against a hand-written reader of the bytes; the
// fallback by the error the JSON path gives.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Gateway } from "pspkit";
import { inputBuffer } from "../dist/pspkit_wasm.js";
import { lengths, putStringsAndPairs } from "../src/wasm_input.js";
import { views } from "../src/wasm_memory.js";

/** The buffer's bytes read back by hand: two strings of `lengths`, then `count` pairs. */
function readBack(count) {
  const at = inputBuffer(0); // does not grow it: where the strings were written
  const mem = views().u8;
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  let off = at;
  const text = (n) => utf8.decode(mem.subarray(off, (off += n)));
  const a = text(lengths[0]);
  const b = text(lengths[1]);
  const pairs = [];
  for (let i = 0; i < 2 * count; i++) {
    const n = mem[off] | (mem[off + 1] << 8) | (mem[off + 2] << 16) | (mem[off + 3] * 2 ** 24);
    off += 4;
    pairs.push(text(n));
  }
  return { a, b, pairs };
}

test("pairs are written after the two strings, each after its UTF-8 byte length", () => {
  const long = "v".repeat(300) + "é"; // past the short-string loop, so TextEncoder writes it
  const pairs = ["content-type", "application/json", "x-empty", "", "x-é", "café ☕ 𝄞", "x-long", long];
  const units = pairs.reduce((n, s) => n + s.length, 0);
  putStringsAndPairs('{"type":"get_deposit"}', "body ü", pairs, 4, units);
  assert.deepStrictEqual(readBack(4), { a: '{"type":"get_deposit"}', b: "body ü", pairs });
  assert.equal(lengths[1], 7); // "ü" is two bytes
  // None at all: only the two strings.
  putStringsAndPairs("op", "", pairs, 0, 0);
  assert.deepStrictEqual(readBack(0), { a: "op", b: "", pairs: [] });
});

const config = { provider: "paystar", depositToken: "t" };
const op = { type: "get_deposit", providerId: "p-1" };
const body = '{"externalId":"p-1","orderStatus":"Success","amount":1,"currency":"RUB"}';

test("a parse reads the same outcome whatever the headers hold", () => {
  const g = new Gateway(config);
  const bare = g.parse(op, { status: 200, body });
  for (const headers of [{}, { "content-type": "application/json" }, { "x-é": "café", "x-empty": "", a: "1", b: "2" }]) {
    assert.deepStrictEqual(g.parse(op, { status: 200, headers, body }), bare);
  }
  g.free();
});

test("a header with a lone surrogate takes the JSON path and is named as an error", () => {
  const g = new Gateway(config);
  for (const headers of [{ "x-a": "ok", "x-b": "bad \ud800" }, { "x-\udc00": "v" }]) {
    assert.throws(
      () => g.parse(op, { status: 200, headers, body }),
      (e) => e.code === "invalid_request" && /response\.headers/.test(e.message) && /surrogate/.test(e.message),
    );
  }
  // The next call, with good headers, is not affected by the refused one.
  assert.equal(g.parse(op, { status: 200, headers: { "x-a": "ok" }, body }).payment.providerId, "p-1");
  g.free();
});
