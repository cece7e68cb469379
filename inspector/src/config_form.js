// The "Provider and keys" form: one input per config field of the chosen provider. Secrets live
// only in these inputs (type=password, no autocomplete) and in the Gateway made from them.

import { PROVIDERS, placeholderFor } from "./providers.js";
import { h, fill } from "./dom.js";

const fieldId = (key) => `cfg-${key.replace(".", "-")}`;
export { fieldId };

export function renderConfigFields(container, provider) {
  const def = PROVIDERS[provider];
  fill(
    container,
    def.fields.map((f) =>
      h(
        "div",
        { class: "field" },
        h("label", { for: fieldId(f.key) }, f.label, f.secret ? h("span", { class: "tag" }, "secret") : null),
        h("input", {
          id: fieldId(f.key),
          type: f.secret ? "password" : "text",
          autocomplete: f.secret ? "new-password" : "off",
          spellcheck: "false",
          "data-secret": f.secret ? "true" : null,
          "data-key": f.key,
        }),
        h("div", { class: "field-error", id: `${fieldId(f.key)}-error`, "aria-live": "polite" }),
      ),
    ),
  );
}

function setPath(obj, path, value) {
  const [a, b] = path.split(".");
  if (b === undefined) obj[a] = value;
  else (obj[a] ??= {})[b] = value;
}

/**
 * The config as typed (blank fields left out). `placeholders`: "explain" fills blank `fill`
 * fields with a fixed placeholder; a Map fills the fields it names with its values.
 */
export function readConfig(provider, placeholders) {
  const cfg = { provider };
  for (const f of PROVIDERS[provider].fields) {
    const v = document.getElementById(fieldId(f.key))?.value ?? "";
    if (v.trim() !== "") setPath(cfg, f.key, v);
    else if (placeholders === "explain" && f.fill) setPath(cfg, f.key, placeholderFor(f));
    else if (placeholders instanceof Map && placeholders.has(f.key)) setPath(cfg, f.key, placeholders.get(f.key));
  }
  // A key pair with only one half typed is left for the core to refuse.
  return cfg;
}

export function withValue(cfg, path, value) {
  const copy = JSON.parse(JSON.stringify(cfg));
  setPath(copy, path, value);
  return copy;
}

export function getPath(cfg, path) {
  const [a, b] = path.split(".");
  return b === undefined ? cfg[a] : cfg[a]?.[b];
}

/** The values typed into non-secret fields, for a share link. */
export function nonSecretValues(provider) {
  const out = {};
  for (const f of PROVIDERS[provider].fields) {
    if (f.secret) continue;
    const v = document.getElementById(fieldId(f.key))?.value ?? "";
    if (v !== "") out[f.key] = v;
  }
  return out;
}

/** Which config field a core message names ("depositToken: must not be empty"), if any. */
export function fieldNamedBy(provider, message) {
  const m = /missing field `([A-Za-z]+)`/.exec(message ?? "") ?? /^([A-Za-z.]+):/.exec(message ?? "");
  if (!m) return null;
  // The core names config fields by their path from the config ("config.secret: is missing").
  const name = m[1].startsWith("config.") ? m[1].slice("config.".length) : m[1];
  const f = PROVIDERS[provider].fields.find((f) => f.key === name || f.key.split(".").pop() === name);
  return f ? fieldId(f.key) : name === "config" ? "cfg" : null;
}
