// Panel 3: any operation → the exact request bytes, which parts carry or are computed from
// which credential, and, for each signature, the exact string the core computed it over.

import { $, h, fill, facts } from "./dom.js";
import { fieldNamedBy, readConfig } from "./config_form.js";
import { asTyped, clearErrors, errorBlock, showFieldError } from "./error_view.js";
import { makeGateway, readOperation, showFailure } from "./explain.js";
import { attribute } from "./attribution.js";
import { toCurl } from "./curl.js";
import { indentJson } from "./json_text.js";

function prettyBody(req) {
  const type = Object.entries(req.headers ?? {}).find(([k]) => k.toLowerCase() === "content-type")?.[1] ?? "";
  if (!req.body) return null;
  if (/json/.test(type)) {
    return indentJson(req.body);
  }
  if (/form-urlencoded/.test(type)) {
    return [...new URLSearchParams(req.body)].map(([k, v]) => `${k} = ${v}`).join("\n");
  }
  return null;
}

/** A base64url JWT segment as text, for the hint under a JWT's signing input. */
function decodeSegment(s) {
  try {
    return atob(s.replaceAll("-", "+").replaceAll("_", "/"));
  } catch {
    return "?";
  }
}

/**
 * The exact string one signature was computed over, as the core reports it
 * (`signingInputs`): the text is the message byte for byte, and each secret that is part of it
 * is the core's `<configField>` placeholder, marked.
 */
function signedOver(input) {
  const message = h(
    "code",
    { class: "signed-message", "data-testid": "signed-over" },
    input.pieces.map((p) =>
      p.hidden
        ? h("mark", { class: "placeholder", title: `the ${p.name} is hashed here; never shown` }, p.text)
        : h("span", { title: p.name }, p.text),
    ),
  );
  const how = [
    input.algorithm,
    input.keyName ? ` keyed with ${input.keyName} (named, not shown)` : "",
    `, ${input.encoding}`,
    input.writtenAs ? `, written as ${input.writtenAs}` : "",
  ].join("");
  const jwt = input.pieces.filter((p) => p.name.startsWith("JWT "));
  const parts = input.pieces
    .filter((p) => p.name !== "separator")
    .map((p) => [p.name, p.hidden ? h("mark", { class: "placeholder" }, p.text) : h("code", {}, p.text === "" ? "(empty)" : p.text)]);
  return h(
    "li",
    { class: "signed-over", "data-part": input.part, "data-testid": "signing-input" },
    h("strong", {}, input.part), " = ", how,
    h("div", {}, "Signed over: ", message),
    jwt.length === 2 ? h("div", { class: "hint" }, `header ${decodeSegment(jwt[0].text)}, payload ${decodeSegment(jwt[1].text)}`) : null,
    h("details", {}, h("summary", {}, "Its pieces, in order"), facts(parts, "facts pieces")),
  );
}

function signatures(found, inputs) {
  const credentials =
    found.length === 0
      ? h("p", {}, "No credential was typed that this request uses: nothing is carried as typed (type the keys above to see where they go).")
      : h(
          "ul",
          { class: "sig-list" },
          found.map((f) =>
            h(
              "li",
              { "data-how": f.how, "data-part": f.part },
              h("strong", {}, f.part),
              f.how === "computed" ? ` is computed from ${f.label.toLowerCase()}` : ` carries ${f.label.toLowerCase()} as typed`,
            ),
          ),
        );
  const signed =
    inputs.length === 0
      ? h("p", { class: "hint" }, "Nothing in this request is signed.")
      : [
          h("ul", { class: "sig-list" }, inputs.map(signedOver)),
          h("p", { class: "hint" }, "These strings come from the core's signers as they hash them; a ",
            h("mark", { class: "placeholder" }, "<marked>"), " run is a secret of the config, hashed in place and never shown."),
        ];
  return h("div", { "data-testid": "signatures" }, h("h4", {}, "Where the typed keys go"), credentials, h("h4", {}, "What each signature is computed over"), signed);
}

export function runBuild(api, provider) {
  const panel = $("#panel-build");
  const out = $("#build-out");
  clearErrors(panel);
  clearErrors($(".keys"));
  fill(out);
  try {
    const op = readOperation("build-op");
    const ctx = {};
    const now = $("#build-now").value.trim();
    const nonce = $("#build-nonce").value.trim();
    if (now) ctx.now = now;
    if (nonce) ctx.nonce = nonce;
    const gw = makeGateway(api, provider);
    let req;
    let inputs;
    try {
      req = gw.build(op, ctx);
      inputs = api.signingInputs(gw, op, ctx);
    } catch (e) {
      const err = asTyped(e);
      const field = fieldNamedBy(provider, err.message) ?? (/^(context|now)\b/.test(err.message) ? "build-now" : /^nonce\b/.test(err.message) ? "build-nonce" : "build-op");
      showFieldError(field, err);
      fill(out, h("section", { class: "card outcome-error" }, h("h3", {}, "The core refused to build this"), errorBlock(err)));
      return;
    } finally {
      gw.free();
    }
    const found = attribute(api.Gateway, readConfig(provider), op, ctx, req);
    const pretty = prettyBody(req);
    fill(
      out,
      h(
        "section",
        { class: "card", "data-testid": "request" },
        h("h3", {}, "The request, exactly"),
        h("p", { class: "reqline" }, h("code", { class: "method", "data-testid": "method" }, req.method), " ", h("code", { class: "url", "data-testid": "url" }, req.url)),
        facts(Object.entries(req.headers).map(([k, v]) => [k, h("code", {}, v)]), "facts headers"),
        h("h4", {}, "Body (exact bytes)"),
        h("pre", { class: "body", "data-testid": "body" }, req.body === "" ? "(empty)" : req.body),
        pretty ? [h("h4", {}, "Body, readable"), h("pre", { class: "json" }, pretty)] : null,
      ),
      h("section", { class: "card" }, h("h3", {}, "Credentials and signatures"), signatures(found, inputs)),
      h("section", { class: "card" }, h("h3", {}, "As curl"), h("pre", { class: "curl" }, toCurl(req))),
    );
  } catch (x) {
    showFailure(x, out);
  }
}
