// PspError: the one error every pspkit call throws (DESIGN §5). The wasm layer throws a plain
// Error named "PspError" carrying the fields; `asPspError` gives it this class, so callers can
// use `instanceof PspError` and switch on the stable `code`.

export class PspError extends Error {
  /**
   * @param {string} code one of the stable codes (invalid_request, temporarily_unavailable, ...)
   * @param {string} message names the field and the rule; never a secret or a full card number
   * @param {{retryable?: boolean, httpStatus?: number|null, providerCode?: string|null, cause?: unknown}} [extra]
   */
  constructor(code, message, extra = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = "PspError";
    this.code = code;
    this.retryable = extra.retryable ?? code === "temporarily_unavailable";
    this.httpStatus = extra.httpStatus ?? null;
    this.providerCode = extra.providerCode ?? null;
  }

  /** The flat DESIGN §5 shape, as the other languages print it. */
  toJSON() {
    return {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      httpStatus: this.httpStatus,
      providerCode: this.providerCode,
    };
  }
}

/** Turns what the wasm layer threw into a `PspError`; anything else is returned unchanged. */
export function asPspError(e) {
  if (e instanceof PspError || !(e instanceof Error) || e.name !== "PspError") return e;
  return new PspError(e.code, e.message, {
    retryable: e.retryable,
    httpStatus: e.httpStatus,
    providerCode: e.providerCode,
  });
}
