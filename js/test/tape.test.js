// The tape (bindings/wasm/src/tape/ written, js/src/tape.js read) gives exactly the object
// `JSON.parse` of serde_json's text gives: for every build and every response of the shared
// vectors (the public `Gateway` against the wasm module's JSON-text exports), errors included,
// and for the decoder's own edge cases against hand-written JSON.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Gateway } from "pspkit";
import { Gateway as WasmGateway } from "../dist/pspkit_wasm.js";
import { decodeTape } from "../src/tape.js";
import { vectorFiles } from "./support/files.js";

const root = fileURLToPath(new URL("../../tests/vectors/", import.meta.url));

/** What `f` returns, or the error it throws as `{code, message}`. */
function settle(f) {
  try {
    return { value: f() };
  } catch (e) {
    return { error: { name: e?.name, code: e?.code, message: e?.message } };
  }
}

/** The plain-JSON twin of `value` (drops the non-enumerable inspect hook the wrapper adds). */
const plain = (r) => (r.error ? r : { value: r.value });

/** Whether the wrapper passes `r` in its parts (js/src/gateway.js `responseParts`). */
function typedParts(r) {
  if (typeof r !== "object" || r === null) return false;
  if (!Number.isInteger(r.status) || r.status < 0 || r.status > 65535) return false;
  if (r.body !== undefined && typeof r.body !== "string") return false;
  if (r.headers === undefined) return true;
  if (typeof r.headers !== "object" || r.headers === null || Array.isArray(r.headers)) return false;
  return Object.values(r.headers).every((v) => typeof v === "string");
}

function cases() {
  const out = [];
  for (const file of vectorFiles(root)) {
    const doc = JSON.parse(readFileSync(file, "utf8"));
    if (doc.kind === "flow" || !Array.isArray(doc.cases)) continue;
    for (const c of doc.cases) {
      const config = c.config ?? doc.config;
      if (config === undefined || c.build === undefined) continue;
      const ctx = { ...doc.context, ...c.context };
      out.push({ name: `${file.slice(root.length)} / ${c.name}`, config, op: c.build, ctx, response: c.response });
    }
  }
  return out;
}

test("every vector's build and parse read the same through the tape as through JSON text", () => {
  let builds = 0;
  let parses = 0;
  for (const c of cases()) {
    const made = settle(() => ({ pub: new Gateway(c.config), inner: new WasmGateway(c.config) }));
    if (made.error) continue;
    const { pub, inner } = made.value;
    const opJson = JSON.stringify(c.op);
    const ctxJson = JSON.stringify(c.ctx);
    // Twice: the second read of a status operation comes from the wasm side's parsed cache.
    for (let round = 0; round < 2; round++) {
      const viaJson = settle(() => JSON.parse(inner.buildJson(opJson, ctxJson)));
      assert.deepStrictEqual(plain(settle(() => pub.build(c.op, c.ctx))), viaJson, `build: ${c.name}`);
      builds++;
      if (c.response === undefined) continue;
      const r = c.response;
      const expected = settle(() =>
        JSON.parse(
          typedParts(r)
            ? inner.parseParts(opJson, r.status, r.headers && Object.keys(r.headers).length ? JSON.stringify(r.headers) : "", r.body ?? "")
            : inner.parseJson(opJson, JSON.stringify(r)),
        ),
      );
      assert.deepStrictEqual(plain(settle(() => pub.parse(c.op, c.response))), expected, `parse: ${c.name}`);
      parses++;
    }
    pub.free();
    inner.free();
  }
  // tests/vectors holds hundreds of response cases; a loop that compared nothing must fail.
  assert.ok(builds > 400 && parses > 400, `compared ${builds} builds and ${parses} parses`);
});

test("a response whose parts are not the model's types still reads (the JSON path) with the same error", () => {
  const config = { provider: "paystar", depositToken: "t" };
  const op = { type: "get_deposit", providerId: "p-1" };
  const pub = new Gateway(config);
  const inner = new WasmGateway(config);
  const bad = { status: 200, headers: { "content-type": 5 }, body: "{}" };
  const got = settle(() => pub.parse(op, bad));
  assert.deepStrictEqual(got, settle(() => JSON.parse(inner.parseJson(JSON.stringify(op), JSON.stringify(bad)))));
  assert.equal(got.error.code, "invalid_request");
  assert.match(got.error.message, /response\.headers/);
});

test("a bad operation names the same field on the tape path, cached or not", () => {
  const pub = new Gateway({ provider: "paystar", depositToken: "t" });
  const response = { status: 200, headers: {}, body: "{}" };
  const e1 = settle(() => pub.parse({ type: "get_deposit", providerId: 7 }, response)).error;
  assert.equal(e1.code, "invalid_request");
  assert.match(e1.message, /operation\.providerId/);
  // A good op read once (now cached) and then a bad one: the bad one is still refused.
  settle(() => pub.parse({ type: "get_deposit", providerId: "p" }, response));
  const e2 = settle(() => pub.parse({ type: "get_deposit", providerId: "p", extra: 1 }, response)).error;
  assert.equal(e2.code, "invalid_request");
  assert.match(e2.message, /extra/);
});

// Hand-built tapes (the layout in js/src/tape.js) against what JSON.parse makes of hand-written text.
const w = (tag, n = 0) => (tag | (n << 3)) >>> 0;
function f64Words(x) {
  const d = new DataView(new ArrayBuffer(8));
  d.setFloat64(0, x, true);
  return [w(7), d.getUint32(0, true), d.getUint32(4, true)];
}

test("decoder: scalars, nesting, numbers, named and text keys", () => {
  // Key words: 2k + 1 is keys[k], 2n the next n units of the text.
  const keys = ["x", "a"];
  const text = "bc" + "y" + "";
  const words = [
    w(4, 4),
    3, w(3, 2), // keys[1] = "a": "bc"
    1, w(5, 7), w(0), w(1), w(2), w(6, 42), ...f64Words(-0.5), ...f64Words(2 ** 53 + 2), w(3, 0), // keys[0] = "x"
    2, w(4, 0), // "y" from the text: {}
    0, ...f64Words(-0), // "" from the text
  ];
  const got = decodeTape(words, 0, text, keys);
  const expected = JSON.parse('{"a":"bc","x":[null,false,true,42,-0.5,9007199254740994,""],"y":{},"":-0.0}');
  assert.deepStrictEqual(got, expected);
  assert.deepStrictEqual(Object.keys(got), ["a", "x", "y", ""]);
  assert.ok(Object.is(got[""], -0));
});

test("decoder: UTF-16 offsets across non-ASCII text, and a __proto__ key stays an own property", () => {
  // "é" is one UTF-16 unit, "😀" two, "—" one.
  const text = "k" + "é😀—" + "__proto__" + "ok";
  const got = decodeTape([w(4, 2), 2, w(3, 4), 18, w(4, 1), 0, w(3, 2)], 0, text, []);
  const expected = JSON.parse('{"k":"\\u00e9\\ud83d\\ude00\\u2014","__proto__":{"":"ok"}}');
  assert.deepStrictEqual(got, expected);
  assert.equal(Object.getPrototypeOf(got), Object.prototype);
  assert.ok(Object.hasOwn(got, "__proto__"));
  assert.deepStrictEqual(Object.keys(got), ["k", "__proto__"]);
});
