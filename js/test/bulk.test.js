// BulkReader (the core's pspkit::bulk through wasm): an NDJSON file of answers fed in chunks
// gives, line by line, what a single parse gives; memory stays at one line.
import { test } from "node:test";
import assert from "node:assert/strict";
import "../src/node.js"; // loads the wasm module
import { BulkReader } from "../dist/pspkit_wasm.js";

const answers = [
  { externalId: "a-1", orderStatus: "Success", amount: 10.5, currency: "USD" },
  { externalId: "b-2", orderStatus: "Processing", amount: "3", currency: "EUR" },
  { externalId: 5 },
];

test("every chunking reads each line as the single call does", () => {
  const data = new TextEncoder().encode(answers.map((a) => JSON.stringify(a)).join("\n"));
  for (const size of [1, 5, 64, data.length]) {
    const reader = new BulkReader('{"provider":"paystar","depositToken":"t"}', '{"type":"get_deposit"}');
    let text = "";
    for (let i = 0; i < data.length; i += size) text += reader.feed(data.subarray(i, i + size));
    text += reader.finish();
    reader.free();
    const items = text.trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(items.map((i) => i.line), [1, 2, 3]);
    assert.equal(items[0].outcome.payment.status.state, "succeeded");
    assert.equal(items[0].outcome.payment.amount, "10.50");
    assert.equal(items[1].outcome.payment.status.state, "processing");
    assert.equal(items[2].error.code, "bad_response");
  }
});

test("the package's BulkReader takes model objects and strings and gives items", async () => {
  const { BulkReader: PublicBulkReader } = await import("../src/node.js");
  const reader = new PublicBulkReader({ provider: "paystar", depositToken: "t" }, { type: "get_deposit" });
  const text = answers.map((a) => JSON.stringify(a)).join("\n");
  const items = [...reader.feed(text.slice(0, 40)), ...reader.feed(text.slice(40)), ...reader.finish()];
  assert.deepEqual(items.map((i) => i.line), [1, 2, 3]);
  assert.equal(items[0].outcome.payment.amount, "10.50");
  assert.equal(items[2].error.code, "bad_response");
  assert.throws(
    () => new PublicBulkReader({ provider: "paystar", depositToken: "t" }, { type: "get_deposits" }),
    (e) => e.name === "PspError" && e.code === "invalid_request" && /operation\.type/.test(e.message),
  );
});
