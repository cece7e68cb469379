// Subset matching for the shared vectors (DESIGN §6), the same rules as
// core/src/conformance/matching.rs: every key present in the expected value must be present and
// equal in the actual one, recursively; arrays element by element with the same length; a
// missing key matches an expected null; numbers compare by decimal value (100 equals 100.00).

/** `null` when `expected` is a subset of `actual`, else the path and what differed. */
export function subsetMismatch(expected, actual, path = "$", ciKeys = false) {
  if (isObject(expected) && isObject(actual)) {
    for (const [k, ev] of Object.entries(expected)) {
      const key = ciKeys
        ? Object.keys(actual).find((ak) => ak.toLowerCase() === k.toLowerCase())
        : Object.hasOwn(actual, k) ? k : undefined;
      const av = key === undefined ? undefined : actual[key];
      if (av === undefined) {
        if (ev === null) continue;
        return `${path}.${k}: missing (expected ${JSON.stringify(ev)})`;
      }
      const m = subsetMismatch(ev, av, `${path}.${k}`, false);
      if (m) return m;
    }
    return null;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) {
      return `${path}: expected ${expected.length} elements, got ${actual.length}`;
    }
    for (let i = 0; i < expected.length; i++) {
      const m = subsetMismatch(expected[i], actual[i], `${path}[${i}]`, false);
      if (m) return m;
    }
    return null;
  }
  if (typeof expected === "number" && typeof actual === "number") {
    return decimalEqual(expected, actual)
      ? null
      : `${path}: expected ${expected}, got ${actual}`;
  }
  if (expected === actual && (typeof expected !== "object" || expected === null)) return null;
  return `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

/** Header names are case-insensitive at the top level. */
export function subsetMismatchCiKeys(expected, actual) {
  return subsetMismatch(expected, actual, "$", true);
}

function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Compares two numbers by decimal value, through their shortest decimal spellings. */
export function decimalEqual(a, b) {
  const x = normalizeDecimal(String(a));
  const y = normalizeDecimal(String(b));
  return x !== null && y !== null ? x === y : String(a) === String(b);
}

/** `-1.50e2` -> `-150`; `0.10` -> `0.1`; `null` when not a finite decimal. */
export function normalizeDecimal(text) {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return null;
  const [, sign, int, frac = "", exp = "0"] = m;
  let digits = int + frac;
  let point = int.length + Number(exp);
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, "") || "0";
  const fraction = digits.slice(point).replace(/0+$/, "");
  const out = fraction ? `${whole}.${fraction}` : whole;
  return out === "0" ? "0" : sign + out;
}
