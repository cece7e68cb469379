// A callback request as web frameworks hand it over, turned into the core's `HttpRequest`
// ({method, url, headers: {name: string}, body: string}). Signatures are over the exact bytes
// the provider sent, so the body must be the raw one: a string, a Buffer or any Uint8Array /
// ArrayBuffer view. A parsed body (Express `express.json()`, Fastify's default JSON parser) is
// refused with the fix, never re-serialized (key order and number forms would change).

import { PspError } from "./errors.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

const RAW_BODY_HINT =
  "pass the raw request body (a string, Buffer or Uint8Array), not a parsed one: " +
  'Express `express.raw({ type: "*/*" })`, Fastify a content-type parser with `parseAs: "buffer"`, ' +
  "Fetch `await request.text()` (or `gateway.parseCallbackRequest(request)`); the signature is over the exact bytes";

function bodyText(body, method) {
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array || ArrayBuffer.isView(body) || body instanceof ArrayBuffer) {
    const bytes = body instanceof ArrayBuffer ? new Uint8Array(body) : new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    try {
      return utf8.decode(bytes);
    } catch {
      throw new PspError("bad_response", "request.body: is not UTF-8 text");
    }
  }
  if (body === undefined || body === null) {
    // A body-less GET is a callback some providers send; a POST without one is a missing parser.
    if (String(method ?? "").toUpperCase() === "GET") return "";
    throw new PspError("invalid_request", `request.body: is missing; ${RAW_BODY_HINT}`);
  }
  const kind = Array.isArray(body) ? "an array" : typeof body === "object" ? "an object" : `a ${typeof body}`;
  throw new PspError("invalid_request", `request.body: is ${kind}; ${RAW_BODY_HINT}`);
}

function isFetchHeaders(h) {
  return typeof Headers !== "undefined" && h instanceof Headers;
}

/** Node's IncomingHttpHeaders (string | string[] | undefined values), Fetch `Headers`, a `Map`
 * or entry pairs, as the flat {name: value} the core reads (repeated values joined by ", ",
 * as HTTP combines them). */
function headerObject(headers) {
  if (headers === undefined || headers === null) return {};
  const out = {};
  const put = (name, value) => {
    if (value === undefined || value === null) return;
    const text = Array.isArray(value) ? value.map(String).join(", ") : String(value);
    out[name] = name in out ? `${out[name]}, ${text}` : text;
  };
  if (isFetchHeaders(headers) || headers instanceof Map || Array.isArray(headers)) {
    for (const [name, value] of headers) put(String(name), value);
    return out;
  }
  if (typeof headers !== "object") {
    throw new PspError("invalid_request", "request.headers: must be an object, Headers or Map");
  }
  for (const [name, value] of Object.entries(headers)) put(name, value);
  return out;
}

/** The core's `HttpRequest` from what a framework handed over. */
export function toHttpRequest(request) {
  if (request === null || typeof request !== "object") {
    throw new PspError("invalid_request", "request: must be an object {method, url, headers, body}");
  }
  const { method, url, headers, body } = request;
  return { method, url, headers: headerObject(headers), body: bodyText(body, method) };
}

/** The core's `HttpRequest` from a Fetch `Request` (edge handlers, Deno, Bun, Next.js routes).
 * Reads the body once, as bytes. */
export async function fromFetchRequest(request) {
  if (!request || typeof request.arrayBuffer !== "function" || !request.headers) {
    throw new PspError("invalid_request", "request: must be a Fetch Request");
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  return toHttpRequest({ method: request.method, url: request.url, headers: request.headers, body: bytes });
}
