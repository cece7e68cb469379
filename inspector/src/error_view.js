// The core's typed errors (DESIGN §5) in plain words, shown next to the field that caused them.

import { h, fill } from "./dom.js";

const PLAIN = {
  invalid_request: "pspkit does not accept this input",
  unauthorized: "the provider refused the credentials (401)",
  forbidden: "the provider refused access (403)",
  not_found: "the provider does not know this order",
  duplicate: "this merchant id was already used",
  limit_exceeded: "a provider limit was hit",
  declined: "the provider declined it for a business reason",
  temporarily_unavailable: "the provider is unavailable for now — retry later",
  bad_response: "this is not an answer the provider documents",
  invalid_signature: "the signature does not verify",
  unsupported: "this provider has no such operation",
  provider_error: "the provider reported an error",
};

export function plainWords(code) {
  return PLAIN[code] ?? "error";
}

/** A thrown value as {code, message, retryable, httpStatus, providerCode}. */
export function asTyped(e) {
  if (e && typeof e === "object" && typeof e.code === "string") {
    return {
      code: e.code,
      message: String(e.message ?? ""),
      retryable: !!e.retryable,
      httpStatus: e.httpStatus ?? null,
      providerCode: e.providerCode ?? null,
    };
  }
  return { code: "page_error", message: String(e?.message ?? e), retryable: false, httpStatus: null, providerCode: null };
}

/** The inline block next to a field. */
export function errorBlock(err) {
  const words = err.code === "page_error" ? "the page cannot read this field" : plainWords(err.code);
  return h(
    "div",
    { class: "err", role: "alert", "data-code": err.code },
    h("strong", {}, words),
    " ",
    h("code", { class: "code" }, err.code),
    h("div", { class: "msg" }, err.message),
    err.httpStatus || err.providerCode
      ? h("div", { class: "msg" }, [err.httpStatus ? `HTTP ${err.httpStatus}` : null, err.providerCode ? `provider code ${err.providerCode}` : null].filter(Boolean).join(" · "))
      : null,
  );
}

/** Shows `err` in the error slot of field `id` (an element with id `${id}-error`). */
export function showFieldError(id, err, extra) {
  const slot = document.getElementById(`${id}-error`);
  if (!slot) return false;
  fill(slot, errorBlock(err), extra ?? null);
  document.getElementById(id)?.setAttribute("aria-invalid", "true");
  return true;
}

/** Clears every error slot inside `root`. */
export function clearErrors(root) {
  for (const slot of root.querySelectorAll(".field-error")) slot.replaceChildren();
  for (const el of root.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
}
