// What the page must know about each provider to draw its forms: the config fields (by their
// GatewayConfig names, DESIGN §3) and which of them are secrets. Every decision about requests,
// answers and signatures stays in the core; this table only says which inputs to show and which
// ones never go into a share link.
//
// `fill`: a placeholder the explain panel may use when the field is blank. Parsing an answer
// needs no credential, but a Gateway is only made from a complete config.

export const PROVIDERS = {
  paystar: {
    label: "PayStar",
    fields: [
      { key: "baseUrl", label: "Base URL (optional)" },
      { key: "depositToken", label: "Deposit token", secret: true, fill: true },
      { key: "payoutToken", label: "Payout token", secret: true, fill: true },
      { key: "depositKeys.publicKey", label: "Deposit public key" },
      { key: "depositKeys.privateKey", label: "Deposit private key", secret: true },
      { key: "payoutKeys.publicKey", label: "Payout public key" },
      { key: "payoutKeys.privateKey", label: "Payout private key", secret: true },
      { key: "callbackKey", label: "Callback key", secret: true },
    ],
    callbackKeyHint: "Callbacks are checked with the callback key, or else the private key of the pipeline.",
  },
  tupay: {
    label: "Tupay",
    fields: [
      { key: "baseUrl", label: "Base URL (optional)" },
      { key: "depositLogin", label: "Deposit login (X-Login)", fill: true },
      { key: "depositSecret", label: "Deposit secret", secret: true, fill: true },
      { key: "authPrefix", label: "Authorization prefix (optional)" },
      { key: "cashoutLogin", label: "Cashout login", fill: true },
      { key: "cashoutPass", label: "Cashout password", secret: true, fill: true },
      { key: "cashoutSecret", label: "Cashout secret", secret: true, fill: true },
      { key: "reconciliationUser", label: "Reconciliation user" },
      { key: "reconciliationPassword", label: "Reconciliation password", secret: true },
    ],
    callbackKeyHint: "Cashout notifications are checked with the cashout secret; deposit notifications are unsigned.",
  },
  dpay: {
    label: "DPay",
    fields: [
      { key: "baseUrl", label: "Base URL (optional)" },
      { key: "client", label: "Client (kassa id)", fill: true },
      { key: "secret", label: "Secret (salt)", secret: true, fill: true },
    ],
    callbackKeyHint: "DPay signs no callback: the status_url call only names the payout to check.",
  },
  paystar_paynet: {
    label: "PayStar PayNetEasy bridge",
    fields: [
      { key: "baseUrl", label: "Base URL", fill: true },
      { key: "endpointId", label: "Endpoint id", fill: true },
      { key: "endpointGroupId", label: "Endpoint group id (instead of the endpoint id)" },
      { key: "login", label: "Login", fill: true },
      { key: "merchantControl", label: "Merchant control key", secret: true, fill: true },
    ],
    callbackKeyHint: "Callbacks are checked with the merchant control key.",
  },
  paystar_butler: {
    label: "PayStar Butler bridge",
    fields: [
      { key: "baseUrl", label: "Base URL", fill: true },
      { key: "depositToken", label: "Deposit token", secret: true, fill: true },
      { key: "payoutToken", label: "Payout token", secret: true, fill: true },
      { key: "depositKeys.publicKey", label: "Deposit public key" },
      { key: "depositKeys.privateKey", label: "Deposit private key", secret: true },
      { key: "payoutKeys.publicKey", label: "Payout public key" },
      { key: "payoutKeys.privateKey", label: "Payout private key", secret: true },
    ],
    callbackKeyHint: "This bridge sends no callbacks.",
  },
  paystar_corefy: {
    label: "PayStar Corefy bridge",
    fields: [
      { key: "baseUrl", label: "Base URL", fill: true },
      { key: "depositToken", label: "Deposit token", secret: true, fill: true },
      { key: "payoutToken", label: "Payout token", secret: true, fill: true },
      { key: "depositKeys.publicKey", label: "Deposit public key" },
      { key: "depositKeys.privateKey", label: "Deposit private key", secret: true },
      { key: "payoutKeys.publicKey", label: "Payout public key" },
      { key: "payoutKeys.privateKey", label: "Payout private key", secret: true },
      { key: "callbackKey", label: "Callback key", secret: true },
    ],
    callbackKeyHint: "Callbacks are checked with the callback key (X-Signature = base64 SHA-1 of key + raw body + key).",
  },
};

/** Placeholder values for blank `fill` fields (never sent anywhere: the page has no network). */
export function placeholderFor(field) {
  if (field.key === "baseUrl") return "https://psp.example";
  return field.secret ? "inspector-placeholder-key" : "inspector";
}
