// Re-indents JSON text without parsing it into JS values, so numbers keep their exact spelling
// (an amount sent as 10.00 must not be shown as 10). Returns null when `text` is not JSON.

export function indentJson(text) {
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  let out = "";
  let depth = 0;
  let inString = false;
  const nl = () => "\n" + "  ".repeat(depth);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      out += ch;
      if (ch === "\\") out += text[++i];
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === "{" || ch === "[") {
      const close = ch === "{" ? "}" : "]";
      let j = i + 1;
      while (/\s/.test(text[j] ?? "")) j++;
      if (text[j] === close) {
        out += ch + close;
        i = j;
      } else {
        depth++;
        out += ch + nl();
      }
    } else if (ch === "}" || ch === "]") {
      depth--;
      out += nl() + ch;
    } else if (ch === ",") {
      out += "," + nl();
    } else if (ch === ":") {
      out += ": ";
    } else if (!/\s/.test(ch)) {
      out += ch;
    }
  }
  return out;
}
