// Whether the wasm instance behind dist/pspkit_wasm.js has been instantiated (by whichever entry).
let ready = false;

export function markReady() {
  ready = true;
}

export function isReady() {
  return ready;
}
