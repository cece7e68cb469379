// What every bundled app does with the Gateway it got: parse a PayStar status answer (the shape of
// tests/vectors/paystar) and report the fields the smoke asserts on.
export function check(Gateway) {
  const gateway = new Gateway({ provider: "paystar", depositToken: "t" });
  const op = { type: "get_deposit", providerId: "ad66a2ff-97d1-47c5-8552-53752a51f031" };
  const body = JSON.stringify({
    externalId: "ad66a2ff-97d1-47c5-8552-53752a51f031",
    externalTransactionId: "M-1",
    orderStatus: "Success",
    amount: 2600.0,
    currency: "RUB",
  });
  const out = gateway.parse(op, { status: 200, headers: { "content-type": "application/json" }, body });
  const p = out.payment;
  return { type: out.type, state: p.status.state, final: p.status.final, amount: p.amount, merchantId: p.merchantId };
}
