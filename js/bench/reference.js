// The plain-JS reference of the parse benches (parse.bench.js, count.mjs).
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

