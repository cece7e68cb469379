// HTTP parts as people paste them: headers as "name: value" lines (or a JSON object), and a
// whole raw message (status line, headers, blank line, body) split into its parts.

/** Parses a headers field; throws an Error whose message names the line at fault. */
export function parseHeaders(text) {
  const t = text.trim();
  if (t === "") return {};
  if (t.startsWith("{")) {
    let obj;
    try {
      obj = JSON.parse(t);
    } catch (e) {
      throw new Error(`headers: not valid JSON (${e.message})`);
    }
    if (obj === null || typeof obj !== "object" || Array.isArray(obj)) {
      throw new Error("headers: a JSON object of name → value is expected");
    }
    for (const [k, v] of Object.entries(obj)) {
      if (typeof v !== "string") throw new Error(`headers: the value of "${k}" must be a string`);
    }
    return obj;
  }
  const out = {};
  t.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    const m = /^([^:\s][^:]*):[ \t]?(.*)$/.exec(line);
    if (!m) throw new Error(`headers: line ${i + 1} is not "name: value" (${line.slice(0, 40)})`);
    out[m[1].trim()] = m[2].replace(/\s+$/, "");
  });
  return out;
}

export function headersText(headers) {
  return Object.entries(headers ?? {})
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
}

/** Whether a pasted body looks like it still carries its status line or headers. */
export function looksLikeRawMessage(body) {
  const first = body.split(/\r?\n/, 1)[0];
  if (/^HTTP\/\d(\.\d)? \d{3}/.test(first)) return true;
  if (/^(GET|POST|PUT|PATCH|DELETE) \S+ HTTP\/\d/.test(first)) return true;
  return /^[A-Za-z0-9-]+: .+/.test(first) && /\r?\n\r?\n/.test(body);
}

/** Splits a raw HTTP message into {status?, method?, url?, headers, body}. */
export function splitRawMessage(text) {
  const m = /\r?\n\r?\n/.exec(text);
  const head = m ? text.slice(0, m.index) : text;
  const body = m ? text.slice(m.index + m[0].length) : "";
  const lines = head.split(/\r?\n/);
  const out = { headers: {} };
  const statusLine = /^HTTP\/\S+ (\d{3})/.exec(lines[0]);
  const requestLine = /^([A-Z]+) (\S+) HTTP\/\S+/.exec(lines[0]);
  if (statusLine) out.status = Number(statusLine[1]);
  if (requestLine) {
    out.method = requestLine[1];
    out.url = requestLine[2];
  }
  if (statusLine || requestLine) lines.shift();
  out.headers = parseHeaders(lines.join("\n"));
  out.body = body;
  return out;
}
