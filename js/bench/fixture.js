// The PayStar status answer every JS bench parses (the shape of tests/vectors/paystar).
export const body = JSON.stringify({
  externalId: "ad66a2ff-97d1-47c5-8552-53752a51f031",
  externalTransactionId: "M-1",
  orderStatus: "Success",
  amount: 2600.0,
  currency: "RUB",
  externalParams: { cardToken: null, cardStorageToken: null, cardHolder: "JOHN WEAK", cardNumber: "123456****1234" },
  orderHistory: [
    { time: "2025-07-28T09:29:51.339832", action: "1.1.0.0" },
    { time: "2025-07-28T09:29:52.339832", action: "4.1.3.00" },
  ],
});

/**
 * Ten operations asking for the order of `body` whose JSON texts all differ (which ids they give,
 * in which key order): more than the wasm side keeps parsed (bindings/wasm/src/op_cache.rs), so
 * cycling through them reads the operation afresh on every call.
 */
export function sameOrderTenWays(providerId, merchantId) {
  const fields = { type: "get_deposit", providerId, merchantId };
  const permutations = (keys) =>
    keys.length <= 1 ? [keys] : keys.flatMap((k, i) => permutations(keys.filter((_, j) => j !== i)).map((rest) => [k, ...rest]));
  const sets = [["type", "providerId"], ["type", "merchantId"], ["type", "providerId", "merchantId"]];
  return sets.flatMap(permutations).map((keys) => Object.fromEntries(keys.map((k) => [k, fields[k]])));
}

/** The DPay status request every JS build bench makes: config, operation and context. */
export const dpayBuild = {
  config: { provider: "dpay", client: "1043", secret: "kassa_secret_8f3b" },
  op: { type: "get_payout", merchantId: "W-1001" },
  ctx: { now: "2026-01-01T00:00:00Z" },
};
