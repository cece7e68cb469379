// Panel 3: any operation → the exact request bytes, and which parts carry or are computed from
// which credential.

import { $, h, fill, facts } from "./dom.js";
import { fieldNamedBy, readConfig } from "./config_form.js";
import { asTyped, clearErrors, errorBlock, showFieldError } from "./error_view.js";
import { makeGateway, readOperation, showFailure } from "./explain.js";
import { attribute } from "./attribution.js";
import { RECIPES } from "./providers.js";
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

/** A JWT's signing input is its first two segments; shown with the decoded payload. */
function jwtInput(value) {
  const m = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+$/.exec(value ?? "");
  if (!m) return null;
  const dec = (s) => {
    try {
      return atob(s.replaceAll("-", "+").replaceAll("_", "/"));
    } catch {
      return "?";
    }
  };
  return { input: `${m[1]}.${m[2]}`, header: dec(m[1]), payload: dec(m[2]) };
}

// Where the documented recipe signs the body alone, that body is the string signed.
function bodySigned(provider, part) {
  return (provider === "dpay" && part === "header dpay_secure") || (provider === "tupay" && part === "header payload-signature");
}

function signatures(found, req, provider) {
  if (found.length === 0) {
    return h("p", { "data-testid": "signatures" }, "No credential was typed that this request uses: nothing is signed or carried (type the keys above to see where they go).");
  }
  const items = found.map((f) => {
    const value = f.part === "body" ? req.body : f.part === "url" ? req.url : req.headers[f.part.slice(7)];
    const jwt = f.how === "computed" && f.part === "header authorization" ? jwtInput(value) : null;
    return h(
      "li",
      { "data-how": f.how, "data-part": f.part },
      h("strong", {}, f.part),
      f.how === "computed" ? ` is computed from ${f.label.toLowerCase()}` : ` carries ${f.label.toLowerCase()} as typed`,
      jwt
        ? h("div", { class: "signed-over" }, "Signed over (the JWT's first two segments): ",
            h("code", { "data-testid": "signed-over" }, jwt.input),
            h("div", { class: "hint" }, `header ${jwt.header}, payload ${jwt.payload}`))
        : f.how === "computed" && bodySigned(provider, f.part)
          ? h("div", { class: "signed-over" }, "Signed over: the exact body bytes shown above (per the documented recipe).")
          : null,
    );
  });
  const computed = found.some((f) => f.how === "computed");
  return h(
    "div",
    { "data-testid": "signatures" },
    h("ul", { class: "sig-list" }, items),
    computed
      ? h("p", { class: "hint" }, h("strong", {}, "Recipe (documented): "), RECIPES[provider] ?? "",
          " The exact string pspkit signed is not returned by the core; the parts above are its inputs.")
      : null,
  );
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
    try {
      req = gw.build(op, ctx);
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
      h("section", { class: "card" }, h("h3", {}, "Credentials and signatures"), signatures(found, req, provider)),
      h("section", { class: "card" }, h("h3", {}, "As curl"), h("pre", { class: "curl" }, toCurl(req))),
    );
  } catch (x) {
    showFailure(x, out);
  }
}
