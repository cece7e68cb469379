// An HttpRequest as a curl command line (POSIX shell quoting).

const q = (s) => `'${String(s).replaceAll("'", `'\\''`)}'`;

export function toCurl(req) {
  const parts = [`curl -X ${req.method} ${q(req.url)}`];
  for (const [k, v] of Object.entries(req.headers ?? {})) parts.push(`-H ${q(`${k}: ${v}`)}`);
  if (req.body) parts.push(`--data-raw ${q(req.body)}`);
  return parts.join(" \\\n  ");
}
