// Share links: the provider, the non-secret config fields and the current panel's inputs, in
// the URL fragment (never sent to a server). Keys are never read for it; card data and anything
// the core treats as secret is masked by the core's own log form (`toLogJson`) first.

import { nonSecretValues } from "./config_form.js";
import { parseHeaders } from "./http_text.js";

const INPUTS = {
  explain: ["explain-optype", "explain-op", "explain-status", "explain-headers", "explain-body"],
  callback: ["callback-method", "callback-url", "callback-headers", "callback-body", "callback-now"],
  build: ["build-optype", "build-op", "build-now", "build-nonce"],
};

const val = (id) => document.getElementById(id).value;

/** The core's log form of `value`, or the value itself when the log form changes nothing. */
function redacted(api, value) {
  const log = api.toLogJson(value);
  return log === JSON.stringify(value) ? value : JSON.parse(log);
}

/** The panel's inputs with their JSON and HTTP parts passed through the core's redaction. */
function safeInputs(api, panel) {
  const out = {};
  for (const id of INPUTS[panel]) out[id] = val(id);
  const opId = `${panel}-op`;
  if (opId in out) {
    try {
      out[opId] = JSON.stringify(redacted(api, JSON.parse(out[opId])), null, 2);
    } catch {
      delete out[opId]; // not JSON: the core cannot vouch for it, so it is left out
    }
  }
  const headersId = `${panel}-headers`;
  const bodyId = `${panel}-body`;
  if (bodyId in out) {
    let headers;
    try {
      headers = parseHeaders(out[headersId]);
    } catch {
      headers = null;
    }
    if (headers === null) delete out[headersId];
    const msg = redacted(api, { method: "POST", url: "https://x.example/", headers: headers ?? {}, body: out[bodyId] });
    out[bodyId] = msg.body;
    if (headers !== null && JSON.stringify(msg.headers) !== JSON.stringify(headers)) {
      out[headersId] = Object.entries(msg.headers).map(([k, v]) => `${k}: ${v}`).join("\n");
    }
  }
  if (panel === "callback" && out["callback-url"] !== "") {
    out["callback-url"] = redacted(api, { method: "GET", url: out["callback-url"], headers: {}, body: "" }).url;
  }
  return out;
}

const b64 = (s) => btoa(String.fromCharCode(...new TextEncoder().encode(s))).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
const unb64 = (s) => new TextDecoder().decode(Uint8Array.from(atob(s.replaceAll("-", "+").replaceAll("_", "/")), (c) => c.charCodeAt(0)));

export function makeShareLink(api, provider, panel) {
  const data = { v: 1, provider, panel, config: nonSecretValues(provider), inputs: safeInputs(api, panel) };
  return `${location.origin}${location.pathname}#share=${b64(JSON.stringify(data))}`;
}

export function readShareLink(hash) {
  const m = /^#share=([A-Za-z0-9_-]+)$/.exec(hash ?? "");
  if (!m) return null;
  try {
    const d = JSON.parse(unb64(m[1]));
    return d && typeof d === "object" ? d : null;
  } catch {
    return null;
  }
}
