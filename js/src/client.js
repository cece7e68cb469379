// Client: the host half of DESIGN §2 — build → send with fetch → parse. It adds what the pure core
// must not have (a clock, a nonce source, a socket, a timeout) and nothing else. `run` drives the
// core's lifecycle driver (core/src/flow) with the same fetch and a real clock.

import { configOf, Gateway } from "./gateway.js";
import { PspError } from "./errors.js";
import { FlowRun, PaymentFlow, transportErrorKind } from "./flow.js";

const DEFAULT_TIMEOUT_MS = 30_000;

export class Client {
  /**
   * @param {object} options
   * @param {import("./gateway.js").Gateway} [options.gateway] an existing gateway, or
   * @param {object} [options.config] a GatewayConfig to make one from
   * @param {typeof fetch} [options.fetch] defaults to the global fetch
   * @param {number} [options.timeoutMs] per call, covering connect, headers and body (30 s)
   * @param {() => string} [options.now] RFC 3339 UTC time for `context.now`
   * @param {() => string} [options.nonce] unique value for `context.nonce`
   */
  constructor(options = {}) {
    this.gateway = options.gateway ?? new Gateway(options.config);
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.now = options.now ?? (() => new Date().toISOString());
    this.nonce = options.nonce ?? (() => globalThis.crypto.randomUUID());
  }

  /**
   * Builds the request for `op`, sends it, and parses the answer into an `Outcome`.
   * Throws `PspError`; a timeout or network failure is `temporarily_unavailable` (retryable)
   * and, after a create call, means the outcome is unknown: ask for the status by merchant id
   * before any re-create.
   * @param {object} op an Operation
   * @param {{context?: object, signal?: AbortSignal, timeoutMs?: number}} [options]
   */
  async call(op, options = {}) {
    const context = { now: this.now(), nonce: this.nonce(), ...options.context };
    const request = this.gateway.build(op, context);
    const response = await this.send(request, options);
    return this.gateway.parse(op, response);
  }

  /** Sends one built `HttpRequest` and returns the `HttpResponse` as plain data. */
  async send(request, options = {}) {
    const r = await this.exchange(request, options);
    if (r.response) return r.response;
    throw new PspError(
      "temporarily_unavailable",
      `${request.method} ${new URL(request.url).origin}: ${r.detail}; the outcome is unknown — check the status before re-creating`,
      { retryable: true, cause: r.cause },
    );
  }

  /**
   * Sends one request: `{response}`, or `{transportError, detail, cause}` when no HTTP answer
   * came (`transportError` is the flow's kind: timeout, refused, reset, dns, tls, other). A
   * caller abort is thrown as its reason.
   */
  async exchange(request, options = {}) {
    options.signal?.throwIfAborted();
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const onCallerAbort = () => controller.abort(options.signal.reason);
    options.signal?.addEventListener("abort", onCallerAbort, { once: true });
    try {
      const res = await this.fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.method === "GET" || request.method === "HEAD" ? undefined : request.body,
        signal: controller.signal,
        redirect: "manual",
      });
      const body = await res.text();
      const headers = {};
      res.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      return { response: { status: res.status, headers, body } };
    } catch (e) {
      if (options.signal?.aborted) throw options.signal.reason ?? e;
      const timedOut = controller.signal.aborted;
      return {
        transportError: transportErrorKind(e, timedOut),
        detail: timedOut
          ? `no complete answer within ${timeoutMs} ms`
          : `transport failed (${e?.cause?.code ?? e?.message ?? e})`,
        cause: e,
      };
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onCallerAbort);
    }
  }

  /**
   * Drives `createOp` to a final payment with the core's lifecycle driver (safe create, polling,
   * backoff, deadline), sending with fetch and waiting with setTimeout. Resolves with the flow's
   * last action: `{type: "done", payment}` or `{type: "needs_attention", reason, message, ...}`.
   * `onState(stateJson)` is awaited after every step (store it; `resume` continues from it).
   * @param {object} createOp create_deposit, create_payout or create_reverse_deposit
   * @param {RunOptions} [options]
   */
  run(createOp, options = {}) {
    try {
      return this.start(createOp, options).done;
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /**
   * Continues a stored flow (`stateJson` as given to `onState`) the same way as `run`. Pass the
   * create's card as `options.card` for a card create: the stored state holds only its mask, and
   * a re-send without it ends the run with `{type: "needs_card_data"}`.
   */
  resume(stateJson, options = {}) {
    try {
      return this.restore(stateJson, options).done;
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** `run`, returning the `FlowRun` handle (`.done`, `.handleCallback(request)`). */
  start(createOp, options = {}) {
    const now = options.now ?? this.now;
    const flow = PaymentFlow.start(this.#config(), createOp, options.options, now());
    return new FlowRun(this, flow, { ...options, now });
  }

  /** `resume`, returning the `FlowRun` handle. */
  restore(stateJson, options = {}) {
    const flow = PaymentFlow.resumeJson(this.#config(), stateJson, options.card);
    return new FlowRun(this, flow, options);
  }

  #config() {
    const config = configOf(this.gateway);
    if (config === undefined) {
      throw new PspError("invalid_request", "config: a flow needs the Client made with a pspkit Gateway or config");
    }
    return config;
  }
}
