// Views over the wasm module's memory for the glue that reads and writes it directly
// (tape.js, wasm_input.js). Growing the memory detaches the old buffer (its views read as
// length 0), so callers take the views through `views()` after any call into wasm.
import { wasmMemory } from "../dist/pspkit_wasm.js";

let memory;
const current = { u8: new Uint8Array(0), u32: new Uint32Array(0) };

export function views() {
  if (current.u8.byteLength === 0) {
    memory ??= wasmMemory();
    current.u8 = new Uint8Array(memory.buffer);
    current.u32 = new Uint32Array(memory.buffer);
  }
  return current;
}
