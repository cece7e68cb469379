// Which parts of a built request come from which credential, found by asking the core twice:
// the same operation built with one credential changed. A part that changes and holds the
// credential as typed carries it; a part that changes without holding it was computed from it
// (a signature). The page never computes a signature itself.

import { PROVIDERS } from "./providers.js";
import { getPath, withValue } from "./config_form.js";

/** The request as named parts: "url", "header <name>", "body". */
export function parts(req) {
  const out = { url: req.url, body: req.body ?? "" };
  for (const [k, v] of Object.entries(req.headers ?? {})) out[`header ${k}`] = v;
  return out;
}

/**
 * For each credential in `cfg` (secret fields with a value), the parts it feeds:
 * [{field, label, part, how: "carried" | "computed"}].
 */
export function attribute(Gateway, cfg, op, ctx, base) {
  const baseParts = parts(base);
  const found = [];
  for (const f of PROVIDERS[cfg.provider].fields) {
    const value = getPath(cfg, f.key);
    if (!f.secret || typeof value !== "string" || value === "") continue;
    let other;
    try {
      const g = new Gateway(withValue(cfg, f.key, value + "Z9"));
      other = parts(g.build(op, ctx));
      g.free();
    } catch {
      continue;
    }
    for (const [part, v] of Object.entries(baseParts)) {
      if (other[part] === v) continue;
      found.push({ field: f.key, label: f.label, part, how: v.includes(value) ? "carried" : "computed" });
    }
  }
  return found;
}

/**
 * A request with the parts that hold or derive from placeholder credentials marked:
 * `markers` maps field key → placeholder value used in `cfg`.
 */
export function markPlaceholders(Gateway, cfg, op, ctx, req, markers) {
  const out = { method: req.method, url: req.url, headers: { ...req.headers }, body: req.body };
  const fields = PROVIDERS[cfg.provider].fields;
  for (const [key, marker] of markers) {
    const f = fields.find((x) => x.key === key);
    const name = `<${f.label.replace(/ \(.*\)$/, "").toUpperCase().replaceAll(" ", "_")}>`;
    let other = null;
    try {
      const g = new Gateway(withValue(cfg, key, marker + "Z9"));
      other = parts(g.build(op, ctx));
      g.free();
    } catch {
      /* the changed config is refused: nothing to compare */
    }
    const base = parts(req);
    for (const [part, v] of Object.entries(base)) {
      const derived = other && other[part] !== v && !v.includes(marker);
      const set = (nv) => {
        if (part === "url") out.url = nv;
        else if (part === "body") out.body = nv;
        else out.headers[part.slice(7)] = nv;
      };
      const cur = part === "url" ? out.url : part === "body" ? out.body : out.headers[part.slice(7)];
      if (cur.includes(marker)) set(cur.replaceAll(marker, name));
      else if (derived) set(`<computed from ${f.label.toLowerCase()}: type it above>`);
    }
  }
  return out;
}
