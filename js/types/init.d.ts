// Types of the "pspkit/init" entry: the same API, with the wasm handed over by the host.
export * from "./index.js";

/** A compiled module, its bytes, or something `WebAssembly.instantiateStreaming` accepts. */
export type PspkitWasmSource =
  | WebAssembly.Module
  | BufferSource
  | Response
  | PromiseLike<Response>
  | URL
  | string;

/** Instantiates the wasm once; later calls return at once. */
export declare function initPspkit(moduleOrBytes: PspkitWasmSource): Promise<void>;
/** The synchronous form, for a module or bytes already in hand. */
export declare function initPspkitSync(moduleOrBytes: WebAssembly.Module | BufferSource): void;
