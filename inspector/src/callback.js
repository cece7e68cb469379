// Panel 2: an incoming callback → verified or not, what the signature covers, what it claims,
// the reply, and the confirmWith status call as a ready curl command.

import { $, h, fill, facts } from "./dom.js";
import { fieldNamedBy, readConfig } from "./config_form.js";
import { parseHeaders } from "./http_text.js";
import { asTyped, clearErrors, errorBlock, showFieldError } from "./error_view.js";
import { paymentView } from "./payment_view.js";
import { makeGateway, showFailure } from "./explain.js";
import { PROVIDERS, placeholderFor } from "./providers.js";
import { markPlaceholders } from "./attribution.js";
import { toCurl } from "./curl.js";

/** The model fields a payment holds (as signed_fields.rs names them). */
function present(p) {
  const s = p.status ?? {};
  return [
    ["providerId", p.providerId != null],
    ["merchantId", p.merchantId != null],
    ["amount", p.amount != null],
    ["currency", p.currency != null],
    ["status.state", s.providerStatus != null || s.state !== "unknown"],
    ["status.providerStatus", s.providerStatus != null],
    ["status.reason", s.reason != null],
    ["nextAction", p.nextAction != null],
    ["card", p.card != null],
    ["history", (p.history ?? []).length > 0],
    ["fee", p.fee != null],
    ...Object.keys(p.details ?? {}).filter((k) => k !== "unsignedFields").map((k) => [`details.${k}`, true]),
  ]
    .filter(([, here]) => here)
    .map(([n]) => n);
}

function coverage(ev) {
  if (!ev.verified) {
    return h("p", { "data-testid": "coverage" }, "Nothing in this callback is signed: act only on the status call below.");
  }
  const unsigned = (ev.payment.details?.unsignedFields ?? "").split(",").filter(Boolean);
  const signed = present(ev.payment).filter((f) => !unsigned.includes(f));
  return h(
    "div",
    { "data-testid": "coverage" },
    facts([
      ["Signed", signed.length ? h("span", { "data-testid": "signed-fields" }, signed.join(", ")) : "none of the fields read"],
      ["Not signed", unsigned.length ? h("span", { "data-testid": "unsigned-fields" }, unsigned.join(", ")) : "nothing else"],
    ]),
    h("p", { class: "hint" }, "“Verified” speaks for the signed fields only."),
  );
}

/** The confirmWith call as curl: the typed keys, or placeholders for the ones not typed. */
function confirmCurl(api, provider, op, ctx) {
  try {
    const g = new api.Gateway(readConfig(provider));
    const req = g.build(op, ctx);
    g.free();
    return { curl: toCurl(req), placeholders: false };
  } catch {
    /* fall through: some credential for the status call was not typed */
  }
  const markers = new Map();
  let n = 0;
  for (const f of PROVIDERS[provider].fields) {
    const typed = document.getElementById(`cfg-${f.key.replace(".", "-")}`)?.value ?? "";
    if (!f.fill || typed.trim() !== "") continue;
    markers.set(f.key, f.key === "baseUrl" ? placeholderFor(f) : `PSPKITPLACEHOLDER${++n}X`);
  }
  const cfg = readConfig(provider, markers);
  try {
    const g = new api.Gateway(cfg);
    const req = g.build(op, ctx);
    g.free();
    const real = new Map([...markers].filter(([k]) => k !== "baseUrl"));
    return { curl: toCurl(markPlaceholders(api.Gateway, cfg, op, ctx, req, real)), placeholders: true };
  } catch (e) {
    return { error: asTyped(e) };
  }
}

export function runCallback(api, provider) {
  const panel = $("#panel-callback");
  const out = $("#callback-out");
  clearErrors(panel);
  clearErrors($(".keys"));
  fill(out);
  try {
    let headers;
    try {
      headers = parseHeaders($("#callback-headers").value);
    } catch (e) {
      throw { field: "callback-headers", err: { code: "page_error", message: e.message } };
    }
    const request = {
      method: $("#callback-method").value,
      url: $("#callback-url").value.trim(),
      headers,
      body: $("#callback-body").value,
    };
    const now = $("#callback-now").value.trim();
    const ctx = now ? { now } : {};
    const gw = makeGateway(api, provider);
    let ev;
    try {
      ev = gw.parseCallback(request, ctx);
    } catch (e) {
      const err = asTyped(e);
      if (err.code === "invalid_signature") {
        fill(out, verdict("forged", err));
        return;
      }
      const field = fieldNamedBy(provider, err.message) ?? (/^context|^now/.test(err.message)
        ? "callback-now"
        : /^request\b|url/i.test(err.message) && !/body/.test(err.message)
          ? "callback-url"
          : err.code === "invalid_request"
            ? "cfg"
            : "callback-body");
      showFieldError(field, err);
      fill(out, h("section", { class: "card outcome-error" }, h("h3", {}, "The core refused this callback"), errorBlock(err)));
      return;
    } finally {
      gw.free();
    }
    const confirm = ev.confirmWith ? confirmCurl(api, provider, ev.confirmWith, ctx) : null;
    fill(
      out,
      verdict(ev.verified ? "verified" : "unsigned"),
      h("section", { class: "card" }, h("h3", {}, "What the signature covers"), coverage(ev)),
      paymentView(ev.payment, { title: "What the callback claims" }),
      h(
        "section",
        { class: "card", "data-testid": "reply" },
        h("h3", {}, "Reply to send"),
        facts([
          ["Status", String(ev.reply.status)],
          ["Body", h("code", {}, ev.reply.body === "" ? "(empty)" : ev.reply.body)],
          ...Object.entries(ev.reply.headers ?? {}).map(([k, v]) => [k, v]),
        ]),
      ),
      ev.confirmWith
        ? h(
            "section",
            { class: "card", "data-testid": "confirm" },
            h("h3", {}, "Confirm with the status call"),
            h("p", { class: "hint" }, "A callback is a claim; this call gives the authoritative answer."),
            h("pre", { class: "json" }, JSON.stringify(ev.confirmWith, null, 2)),
            confirm?.curl
              ? [
                  h("pre", { class: "curl", "data-testid": "curl" }, confirm.curl),
                  confirm.placeholders ? h("p", { class: "hint" }, "Values in <ANGLE_BRACKETS> are placeholders for keys not typed above.") : null,
                ]
              : confirm?.error
                ? errorBlock(confirm.error)
                : null,
          )
        : null,
    );
  } catch (x) {
    showFailure(x, out);
  }
}

function verdict(kind, err) {
  const text = {
    verified: ["Verified", "The signature matches the key: the signed fields come from the provider."],
    unsigned: ["Not signed", "This provider signs nothing here: treat every field as a claim and confirm."],
    forged: ["NOT verified", "Do not act on this callback. The core gives no reply to send for it: do not acknowledge it as processed, and keep it for review."],
  }[kind];
  return h(
    "section",
    { class: `card verdict verdict-${kind}`, "data-testid": "verdict", "data-verdict": kind },
    h("h3", {}, text[0]),
    h("p", {}, text[1]),
    err ? errorBlock(err) : null,
  );
}
