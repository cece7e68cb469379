// A normalized Payment (DESIGN §3) drawn for people: state, final or not, reason, amounts, masked
// card, next action, and the provider's history as a timeline.

import { h, facts } from "./dom.js";

function stateBadge(status) {
  return h(
    "span",
    { class: `state state-${status.state}`, "data-testid": "state" },
    status.state.replace("_", " "),
  );
}

function nextAction(na) {
  if (!na) return null;
  if (na.type === "redirect") return h("span", {}, "send the payer to ", h("code", { class: "url" }, na.url));
  if (na.type === "payment_details") {
    const rows = Object.entries(na.details ?? {}).map(([k, v]) => `${k}: ${v}`);
    return h("span", {}, "show the payer: ", rows.join(", "), na.url ? ` (${na.url})` : "");
  }
  return JSON.stringify(na);
}

export function paymentView(p, { title = "Normalized payment" } = {}) {
  const s = p.status ?? {};
  // The core writes an amount with its currency's minor units (2600 RUB → 2600.00); with no
  // currency in the answer or the operation it cannot know them and keeps the provider's
  // decimal as written (2600.0), which the page says rather than guesses.
  const money = p.amount
    ? p.currency
      ? `${p.amount} ${p.currency}`
      : [p.amount, h("span", { class: "hint", "data-testid": "amount-note" }, " as the provider wrote it (no currency reported: not normalized)")]
    : p.currency
      ? `(amount not reported) ${p.currency}`
      : "not reported";
  const card = p.card
    ? [p.card.masked, p.card.holder, p.card.token ? "provider token present (hidden)" : null].filter(Boolean).join(" · ")
    : null;
  const details = Object.entries(p.details ?? {}).filter(([k]) => k !== "unsignedFields");
  return h(
    "section",
    { class: "card payment", "aria-label": title, "data-testid": "payment" },
    h("h3", {}, title),
    h(
      "div",
      { class: "headline" },
      stateBadge(s),
      h("span", { class: s.final ? "final yes" : "final no", "data-testid": "final" }, s.final ? "final" : "not final"),
      s.providerStatus ? h("span", { class: "muted" }, `provider said “${s.providerStatus}”`) : h("span", { class: "muted" }, "no provider status word"),
    ),
    facts([
      ["Reason", s.reason ? h("span", { "data-testid": "reason" }, h("code", {}, s.reason.code), " ", s.reason.message) : "none"],
      ["Amount", h("span", { "data-testid": "amount" }, money)],
      ["Fee", p.fee],
      ["Direction", p.direction],
      ["Provider id", p.providerId],
      ["Merchant id", p.merchantId],
      ["Card", card ? h("span", { "data-testid": "card" }, card) : null],
      ["Next action", p.nextAction ? h("span", { "data-testid": "next-action" }, nextAction(p.nextAction)) : "none"],
      ["Ask again after", p.pollAfterSeconds != null ? `${p.pollAfterSeconds} s` : null],
      ...details.map(([k, v]) => [k, v]),
    ]),
    p.history?.length ? timeline(p.history, s) : null,
  );
}

// The core's description of a PayStar v2 code: "Actor — result [GROUP.DETAIL] | Payment: state".
const V2 = /^(.*?) — (info|success|failure)(?: \[([A-Z0-9_]+)\.([A-Z0-9_]+)\])? \| Payment: (\w+)$/;

function decode(ev) {
  const m = V2.exec(ev.description ?? "");
  if (!m) return { stage: ev.description ?? "code not documented", result: null, state: null, reason: null };
  return { stage: m[1], result: m[2], state: m[5], reason: m[3] ? `${m[3]} / ${m[4]}` : null };
}

/**
 * Which event decided the outcome: the one the core named as the reason (its code is the
 * reason code); when the core names none, for a final state, the last event that reports that
 * payment state. Null when nothing says.
 */
function decidingIndex(history, status) {
  const code = status.reason?.code;
  if (code) {
    for (let i = history.length - 1; i >= 0; i--) if (history[i].code === code) return i;
  }
  if (!status.final) return -1;
  const want = { succeeded: "success", failed: "failed" }[status.state];
  if (!want) return -1;
  for (let i = history.length - 1; i >= 0; i--) if (decode(history[i]).state === want) return i;
  return -1;
}

function timeline(history, status) {
  const decided = decidingIndex(history, status);
  return h(
    "figure",
    { class: "timeline-wrap" },
    h("figcaption", {}, `History — ${history.length} event${history.length === 1 ? "" : "s"}`),
    h(
      "ol",
      { class: "timeline", "data-testid": "timeline" },
      history.map((ev, i) => {
        const d = decode(ev);
        return h(
          "li",
          {
            class: `event result-${d.result ?? "none"} pstate-${d.state ?? "none"}${i === decided ? " decided" : ""}`,
            "data-code": ev.code,
            "aria-current": i === decided ? "true" : null,
          },
          h("span", { class: "dot", "aria-hidden": "true" }),
          h(
            "div",
            { class: "ev-main" },
            h("time", {}, ev.at ?? "no time"),
            h("code", { class: "ev-code" }, ev.code),
            i === decided ? h("span", { class: "decided-tag" }, "decided the outcome") : null,
          ),
          h(
            "div",
            { class: "ev-parts" },
            h("span", { class: "ev-stage" }, d.stage),
            d.result ? h("span", { class: "pill" }, `result: ${d.result}`) : null,
            d.state ? h("span", { class: `pill pstate` }, `payment: ${d.state}`) : null,
            d.reason ? h("span", { class: "pill reason" }, d.reason) : null,
          ),
        );
      }),
    ),
  );
}

/** Any other outcome (balances, lists): a table for balances, JSON otherwise. */
export function outcomeView(outcome) {
  if (outcome.type === "payment") return paymentView(outcome.payment);
  if (outcome.type === "balance") {
    const rows = outcome.balances ?? [];
    const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    return h(
      "section",
      { class: "card", "data-testid": "balances" },
      h("h3", {}, "Balances"),
      h("table", {}, h("thead", {}, h("tr", {}, cols.map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, rows.map((r) => h("tr", {}, cols.map((c) => h("td", {}, r[c] ?? "")))))),
    );
  }
  return h("section", { class: "card" }, h("h3", {}, `Outcome: ${outcome.type}`), h("pre", {}, JSON.stringify(outcome, null, 2)));
}
