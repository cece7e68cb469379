// Every shared vector under tests/vectors/ through the public JS API (`import ... from "pspkit"`),
// one test per file and one subtest per case. Closes with `js: N passed, M failed`.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { relative } from "node:path";
import * as api from "pspkit";
import { loadVectorFile } from "./support/runner.js";
import { vectorFiles } from "./support/files.js";

const root = fileURLToPath(new URL("../../tests/vectors/", import.meta.url));
const files = vectorFiles(root);
let passed = 0;
let failed = 0;

test("there are vector files to run", () => {
  assert.ok(files.length > 0, `no vector files under ${root}`);
});

for (const file of files) {
  const loaded = loadVectorFile(readFileSync(file, "utf8"), api);
  test(relative(root, file), async (t) => {
    if (loaded.fileError) {
      failed++;
      assert.fail(loaded.fileError);
    }
    for (const c of loaded.cases) {
      await t.test(c.name, () => {
        const why = c.run();
        if (why === null) passed++;
        else failed++;
        assert.equal(why, null);
      });
    }
  });
}

after(() => {
  console.log(`js: ${passed} passed, ${failed} failed`);
});
