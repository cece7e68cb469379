// Client: the host half of DESIGN §2 — build → send with fetch → parse. It adds what the pure core
// must not have (a clock, a nonce source, a socket, a timeout) and nothing else.

import { Gateway } from "./gateway.js";
import { PspError } from "./errors.js";

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
      return { status: res.status, headers, body };
    } catch (e) {
      if (options.signal?.aborted) throw options.signal.reason ?? e;
      const what = controller.signal.aborted
        ? `no complete answer within ${timeoutMs} ms`
        : `transport failed (${e?.cause?.code ?? e?.message ?? e})`;
      throw new PspError(
        "temporarily_unavailable",
        `${request.method} ${new URL(request.url).origin}: ${what}; the outcome is unknown — check the status before re-creating`,
        { retryable: true, cause: e },
      );
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onCallerAbort);
    }
  }
}
