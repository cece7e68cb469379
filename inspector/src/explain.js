// Panel 1: a provider's answer → the normalized payment (and PayStar's history timeline).

import { $, h, fill } from "./dom.js";
import { readConfig, fieldNamedBy } from "./config_form.js";
import { parseHeaders, looksLikeRawMessage, splitRawMessage, headersText } from "./http_text.js";
import { asTyped, clearErrors, errorBlock, showFieldError } from "./error_view.js";
import { outcomeView } from "./payment_view.js";

/** Reads the operation field: a JSON object with a "type". Errors name the field. */
export function readOperation(id) {
  const text = document.getElementById(id).value;
  let op;
  try {
    op = JSON.parse(text);
  } catch (e) {
    throw { field: id, err: { code: "page_error", message: `operation: not valid JSON — ${e.message}` } };
  }
  if (op === null || typeof op !== "object" || Array.isArray(op)) {
    throw { field: id, err: { code: "page_error", message: 'operation: a JSON object with a "type" is expected' } };
  }
  return op;
}

/** Makes the Gateway for `provider`, routing a refused config to the field it names. */
export function makeGateway(api, provider, placeholders) {
  try {
    return new api.Gateway(readConfig(provider, placeholders));
  } catch (e) {
    const err = asTyped(e);
    throw { field: fieldNamedBy(provider, err.message) ?? "cfg", err, config: true };
  }
}

export function runExplain(api, provider) {
  const panel = $("#panel-explain");
  const out = $("#explain-out");
  clearErrors(panel);
  clearErrors($(".keys"));
  fill(out);
  try {
    const op = readOperation("explain-op");
    let headers;
    try {
      headers = parseHeaders($("#explain-headers").value);
    } catch (e) {
      throw { field: "explain-headers", err: { code: "page_error", message: e.message } };
    }
    const status = Number($("#explain-status").value);
    if (!Number.isInteger(status) || status < 100 || status > 599) {
      throw { field: "explain-status", err: { code: "page_error", message: "status: a number from 100 to 599 is expected" } };
    }
    const body = $("#explain-body").value;
    const gw = makeGateway(api, provider, "explain");
    let outcome;
    try {
      outcome = gw.parse(op, { status, headers, body });
    } catch (e) {
      const err = asTyped(e);
      const field = parseErrorField(err);
      if (field) {
        const extra = field === "explain-body" && looksLikeRawMessage(body) ? rawHint() : null;
        showFieldError(field, err, extra);
      }
      fill(out, h("section", { class: "card outcome-error", "data-testid": "outcome-error" },
        h("h3", {}, field ? "The core refused this" : "The answer means an error"),
        errorBlock(err),
        h("p", { class: "hint" }, err.retryable ? "Retryable: yes — ask again later (for a create: check the status by merchant id first)." : "Retryable: no.")));
      return;
    } finally {
      gw.free();
    }
    fill(out, outcomeView(outcome));
  } catch (x) {
    showFailure(x, out);
  }
}

/**
 * Which input a parse error is about: the operation when the core refused it, the body when the
 * answer is not the provider's; null when the answer itself is an error (a 401, a duplicate…),
 * which is the explanation rather than bad input.
 */
function parseErrorField(err) {
  if (err.code === "unsupported") return "explain-op";
  if (err.code === "invalid_request" && /^operation/.test(err.message)) return "explain-op";
  if (err.code === "invalid_request" && /^response/.test(err.message)) return "explain-body";
  if (err.code === "bad_response" || err.code === "invalid_signature") return "explain-body";
  return null;
}

function rawHint() {
  return h(
    "div",
    { class: "hint raw-hint" },
    "This body seems to start with the status line or headers. ",
    h("button", { type: "button", id: "explain-split", class: "small", onclick: splitBody }, "Move them to their fields"),
  );
}

function splitBody() {
  const parts = splitRawMessage($("#explain-body").value);
  if (parts.status) $("#explain-status").value = String(parts.status);
  $("#explain-headers").value = headersText(parts.headers);
  $("#explain-body").value = parts.body;
  $("#explain-body").focus();
}

/** Shows a thrown {field, err} next to its field; anything else in `out`. */
export function showFailure(x, out) {
  if (x && x.err && x.field && showFieldError(x.field, x.err)) {
    if (x.config) fill(out, h("p", { class: "hint", role: "status" }, "The keys above were refused: see the message under Provider and keys."));
    return;
  }
  fill(out, errorBlock(asTyped(x?.err ?? x)));
}
