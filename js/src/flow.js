// The JS face of the core's lifecycle driver (core/src/flow): `PaymentFlow` is a thin wrapper over
// the wasm class (errors become `PspError`); `FlowRun` is the host half that `Client.run` uses —
// it sends what the flow asks with fetch, sleeps with setTimeout until `wait_until`, feeds back
// answers, transport failures and callbacks, and hands the state to `onState` after every step.
// Every decision (what to send, how long to wait, when to stop) stays in the Rust core.

import { withLogForm } from "./log_form.js";
import { PaymentFlow as WasmPaymentFlow } from "../dist/pspkit_wasm.js";
import { asPspError, PspError } from "./errors.js";
import { isReady } from "./wasm_state.js";
import { toHttpRequest } from "./callback_request.js";

function guard(fn) {
  try {
    return fn();
  } catch (e) {
    throw asPspError(e);
  }
}

export class PaymentFlow {
  #inner;

  constructor(inner) {
    this.#inner = inner;
  }

  /** Starts a flow for a create operation; `now` is RFC 3339 UTC. */
  static start(config, create, options, now) {
    ensureReady();
    return new PaymentFlow(guard(() => WasmPaymentFlow.start(config, create, options ?? null, now)));
  }

  /**
   * Continues the flow whose `stateJson()` was stored; `config` must be for the same provider.
   * `card`: the create's card, supplied again (the stored state holds only its mask); without it
   * a flow that must re-send a card create answers `needs_card_data`.
   */
  static resumeJson(config, stateJson, card) {
    ensureReady();
    return new PaymentFlow(guard(() => WasmPaymentFlow.resumeJson(config, stateJson, card ?? null)));
  }

  /** Gives a resumed flow the create's card again; must be the card the flow started with. */
  supplyCard(card) {
    guard(() => this.#inner.supplyCard(card));
  }

  /** True when the create's card is in memory. */
  hasCard() {
    return guard(() => this.#inner.hasCard());
  }

  poll(now) {
    // A `send_request` action carries the request to send (credentials and card included); its
    // inspect form is the redacted one.
    return withLogForm(guard(() => this.#inner.poll(now)));
  }

  handleResponse(now, response) {
    guard(() => this.#inner.handleResponse(now, response));
  }

  handleTransportError(now, kind) {
    guard(() => this.#inner.handleTransportError(now, kind));
  }

  handleCallback(now, request) {
    // The body as the framework handed it over (string, Buffer, Uint8Array), headers as Node's
    // or Fetch's; see callback_request.js.
    return guard(() => this.#inner.handleCallback(now, toHttpRequest(request)));
  }

  stateJson() {
    return guard(() => this.#inner.stateJson());
  }

  state() {
    return guard(() => this.#inner.state());
  }

  /** Frees the wasm memory now instead of when the object is garbage-collected. */
  free() {
    this.#inner?.free();
    this.#inner = undefined;
  }
}

function ensureReady() {
  if (!isReady()) {
    throw new PspError(
      "invalid_request",
      "pspkit: the wasm module is not initialized (with the \"pspkit/init\" entry, call initPspkit first)",
    );
  }
}

/** Sleeps `ms`; resolves early (without error) when `signal` aborts. */
function defaultSleep(ms, signal) {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/**
 * One flow being driven by a `Client` (see `Client.start`/`Client.restore`). `done` settles with
 * the flow's last action (`done` or `needs_attention`); `handleCallback` feeds a provider callback
 * in at any time.
 */
export class FlowRun {
  #flow;
  #client;
  #now;
  #sleep;
  #onState;
  #onAction;
  #signal;
  #timeoutMs;
  #wake = null;
  #writes = Promise.resolve();
  #settled = false;

  /** @internal use `Client.start` or `Client.restore` */
  constructor(client, flow, options = {}) {
    this.#client = client;
    this.#flow = flow;
    this.#now = options.now ?? client.now;
    this.#sleep = options.sleep ?? defaultSleep;
    this.#onState = options.onState;
    this.#onAction = options.onAction;
    this.#signal = options.signal;
    this.#timeoutMs = options.timeoutMs;
    this.done = this.#drive().finally(() => {
      this.#settled = true;
    });
  }

  /** The flow's state as JSON, as last handed to `onState`. */
  stateJson() {
    return this.#flow.stateJson();
  }

  /** True once `done` has settled; callbacks are still verified and answered after that. */
  get settled() {
    return this.#settled;
  }

  /**
   * A callback the provider sent (an `HttpRequest`: method, url, headers, raw body). Resolves
   * with the `Reply` to answer it with, after the new state went to `onState`; wakes the run so
   * the status call it asks for goes out now. Rejects with `PspError` (`invalid_signature`, ...)
   * when the callback is not to be trusted — answer the provider with an error then. After the
   * run settled, the callback is still recorded: resume the stored state to act on it.
   */
  async handleCallback(request) {
    let reply;
    let error;
    try {
      reply = this.#flow.handleCallback(this.#now(), request);
    } catch (e) {
      error = e;
    }
    await this.#persist();
    this.#wake?.abort();
    if (error !== undefined) throw error;
    return reply;
  }

  #persist() {
    if (!this.#onState) return Promise.resolve();
    const state = this.#flow.stateJson();
    // Writes go out in order, so the last one stored is the newest state.
    this.#writes = this.#writes.then(() => this.#onState(state));
    return this.#writes;
  }

  async #drive() {
    await null; // lets the caller feed a callback before the first poll
    const flow = this.#flow;
    await this.#persist();
    if (flow.state().inFlight) {
      // Stored with a request sent and never answered (a crash): its outcome is unknown.
      flow.handleTransportError(this.#now(), "interrupted");
      await this.#persist();
    }
    for (;;) {
      this.#signal?.throwIfAborted();
      const action = flow.poll(this.#now());
      await this.#persist();
      await this.#onAction?.(action);
      switch (action.type) {
        case "send_request": {
          const r = await this.#client.exchange(action.request, {
            signal: this.#signal,
            timeoutMs: this.#timeoutMs,
          });
          if (r.response) flow.handleResponse(this.#now(), r.response);
          else flow.handleTransportError(this.#now(), r.transportError);
          await this.#persist();
          break;
        }
        case "wait_until":
          await this.#waitUntil(action.at);
          break;
        case "late_transition":
          break; // reported through onAction; the next poll says done
        default:
          return action; // done, needs_attention, needs_card_data (resume with the card)
      }
    }
  }

  async #waitUntil(at) {
    const ms = Date.parse(at) - Date.parse(this.#now());
    if (!(ms > 0)) return;
    const wake = new AbortController();
    this.#wake = wake;
    const onAbort = () => wake.abort();
    this.#signal?.addEventListener("abort", onAbort, { once: true });
    try {
      await this.#sleep(ms, wake.signal);
    } finally {
      this.#wake = null;
      this.#signal?.removeEventListener("abort", onAbort);
    }
    this.#signal?.throwIfAborted();
  }
}

/** The flow's transport error kind for what fetch threw (Node's undici codes; else `other`). */
export function transportErrorKind(e, timedOut) {
  if (timedOut) return "timeout";
  const cause = e?.cause;
  const code = cause?.code ?? cause?.errors?.[0]?.code ?? e?.code;
  if (typeof code !== "string") return "other";
  if (code === "ECONNREFUSED") return "refused";
  if (["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"].includes(code)) return "reset";
  if (["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL"].includes(code)) return "dns";
  if (["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "ETIMEDOUT"].includes(code)) {
    return "timeout";
  }
  if (/^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(code)) return "tls";
  return "other";
}
