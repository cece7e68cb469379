import { createHash } from "node:crypto";

// The plain-JS references of the benches (parse.bench.js, build.bench.js, count.mjs).
// The reference: what a careful hand-written JS integration of this one call would do.
const STATES = { Init: "requires_action", Created: "pending", Processing: "processing", Success: "succeeded", Failed: "failed" };
const FINAL = new Set(["succeeded", "failed", "cancelled", "expired", "reversed"]);
export function referenceParse(res) {
  if (res.status < 200 || res.status >= 300) throw new Error(`HTTP ${res.status}`);
  const o = JSON.parse(res.body);
  if (typeof o !== "object" || o === null || typeof o.externalId !== "string") throw new Error("bad response");
  const state = STATES[o.orderStatus] ?? "unknown";
  const p = o.externalParams ?? {};
  return {
    type: "payment",
    payment: {
      direction: "deposit",
      providerId: o.externalId,
      merchantId: o.externalTransactionId ?? null,
      amount: typeof o.amount === "number" ? o.amount.toFixed(2) : null,
      currency: o.currency ?? null,
      status: { state, final: FINAL.has(state), providerStatus: o.orderStatus ?? null, reason: null },
      nextAction: null,
      card: p.cardNumber || p.cardHolder ? { masked: p.cardNumber ?? null, holder: p.cardHolder ?? null, token: p.cardToken ?? null, issuerToken: null } : null,
      history: (o.orderHistory ?? []).map((h) => ({ at: h.time ?? null, code: h.action, description: null })),
      pollAfterSeconds: FINAL.has(state) ? null : 120,
      fee: null,
    },
  };
}


// The build reference of build.bench.js: what a hand-written integration of DPay's status
// request would do (body signed with DPAY_SECURE = base64(md5(secret + base64(sha1(body)) +
// secret)), tests/vectors/dpay).
export function referenceBuild(config, o) {
  if (typeof o.merchantId !== "string" || o.merchantId === "") throw new Error("merchantId");
  const body = JSON.stringify({ payment_id: o.merchantId });
  const inner = createHash("sha1").update(body).digest("base64");
  const secure = createHash("md5").update(config.secret + inner + config.secret).digest("base64");
  return {
    method: "POST",
    url: "https://api.dpay.africa/api/payment/status",
    headers: { "content-type": "application/json", dpay_client: config.client, dpay_secure: secure },
    body,
  };
}
