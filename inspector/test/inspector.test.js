// The inspector page in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core,
// as js/test/browser.test.js does): every panel driven with cases from tests/vectors, bad input,
// keyboard use, the share link, and the promise that nothing leaves the page after load.
// Screenshots go to target/inspector/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import { startServer } from "../server.mjs";
import { subsetMismatch, subsetMismatchCiKeys } from "../../js/test/support/matching.js";

const require = createRequire(fileURLToPath(new URL("../../js/package.json", import.meta.url)));
const { chromium } = require("playwright-core");

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const SHOTS = fileURLToPath(new URL("../../target/inspector/", import.meta.url));
const vec = (path) => JSON.parse(readFileSync(new URL(`../../tests/vectors/${path}`, import.meta.url), "utf8"));

let server;
let url;
let browser;
const served = [];

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ server, url } = await startServer({ port: 0, onRequest: (p) => served.push(p) }));
  browser = await browser_();
});

async function browser_() {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

after(async () => {
  await browser?.close();
  server?.close();
});

/** A fresh page, loaded; from then on every request it makes and every console line is kept. */
async function open(viewport = { width: 1280, height: 800 }, at = url) {
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(5000);
  const watch = { requests: [], console: [], errors: [] };
  page.on("pageerror", (e) => watch.errors.push(String(e)));
  page.on("console", (m) => {
    watch.console.push(m.text());
    if (m.type() === "error") watch.errors.push(m.text()); // a CSP refusal or a failed load shows here
  });
  page.on("requestfailed", (r) => watch.errors.push(`request failed: ${r.url()}`));
  page.on("response", (r) => r.status() >= 400 && watch.errors.push(`${r.status()}: ${r.url()}`));
  await page.goto(at);
  await page.waitForSelector("body[data-ready=true]");
  page.on("request", (r) => watch.requests.push(r.url()));
  return { page, watch };
}

/** Every config field as the form names it ("depositKeys.privateKey"). */
function flat(cfg) {
  const out = {};
  for (const [k, v] of Object.entries(cfg)) {
    if (k === "provider") continue;
    if (v && typeof v === "object") for (const [k2, v2] of Object.entries(v)) out[`${k}.${k2}`] = v2;
    else out[k] = String(v);
  }
  return out;
}

async function useConfig(page, cfg) {
  await page.selectOption("#provider", cfg.provider);
  for (const [k, v] of Object.entries(flat(cfg))) await page.fill(`#cfg-${k.replace(".", "-")}`, v);
}

const headerLines = (h) => Object.entries(h ?? {}).map(([k, v]) => `${k}: ${v}`).join("\n");

async function explain(page, cfg, op, response) {
  await page.click("#tab-explain");
  await useConfig(page, cfg);
  await page.fill("#explain-op", JSON.stringify(op));
  await page.fill("#explain-status", String(response.status));
  await page.fill("#explain-headers", headerLines(response.headers));
  await page.fill("#explain-body", response.body ?? "");
  await page.click("#explain-run");
}

async function callback(page, cfg, req, now) {
  await page.click("#tab-callback");
  await useConfig(page, cfg);
  await page.selectOption("#callback-method", req.method);
  await page.fill("#callback-url", req.url);
  await page.fill("#callback-headers", headerLines(req.headers));
  await page.fill("#callback-body", req.body ?? "");
  await page.fill("#callback-now", now ?? "2026-01-01T00:00:00Z");
  await page.click("#callback-run");
}

const text = (page, sel) => page.locator(sel).first().textContent();

test("explain: a declined PayStar payment with its history as a timeline", async () => {
  const { page, watch } = await open();
  const file = vec("paystar/history.json");
  const c = file.cases.find((c) => c.name.startsWith("v2 failure example"));
  await explain(page, c.config ?? file.config, c.build, c.response);
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), "rgb(245, 246, 248)", "the stylesheet applies");
  assert.equal(await text(page, "#explain-out [data-testid=state]"), "failed");
  assert.equal(await text(page, "#explain-out [data-testid=final]"), "final");
  assert.match(await text(page, "#explain-out [data-testid=reason]"), /4\.1\.4\.63 ISSUER \/ INSUFFICIENT_FUNDS/);
  const events = page.locator("#explain-out [data-testid=timeline] li");
  assert.equal(await events.count(), c.expect.payment.history.length);
  const decided = page.locator("#explain-out li.decided");
  assert.equal(await decided.count(), 1);
  assert.equal(await decided.getAttribute("data-code"), "4.1.4.63");
  const d = await decided.innerText();
  for (const part of ["2025-08-01T10:00:05Z", "Check", "result: success", "payment: failed", "ISSUER / INSUFFICIENT_FUNDS", "decided the outcome"]) {
    assert.ok(d.includes(part), `the deciding event shows ${part}: ${d}`);
  }
  await page.screenshot({ path: `${SHOTS}explain-1280x800.png` });
  await page.screenshot({ path: `${SHOTS}explain-full.png`, fullPage: true });
  await page.locator("#explain-out").screenshot({ path: `${SHOTS}readme-explain.png` }); // the README's picture

  // Every provider's first documented payment answer, state and finality as the vector says.
  for (const f of ["paystar/status.json", "tupay/deposits.json", "dpay/status.json", "paystar_bridges/paynet.json", "paystar_bridges/butler.json"]) {
    const doc = vec(f);
    const k = doc.cases.find((k) => k.response && k.expect?.type === "payment" && k.expect.payment?.status?.state);
    await explain(page, k.config ?? doc.config, k.build, k.response);
    const want = k.expect.payment.status;
    assert.equal((await text(page, "#explain-out [data-testid=state]")).toLowerCase(), want.state.replace("_", " "), `${f}: ${k.name}`);
    assert.equal(await text(page, "#explain-out [data-testid=final]"), want.final ? "final" : "not final", `${f}: ${k.name}`);
  }
  // A status answer with no currency: the amount as written (2600.0), and the page says why.
  const red = vec("paystar/redaction.json");
  const nc = red.cases[0];
  assert.ok(!/"currency"/.test(nc.response.body) && /"amount": 2600\.0,/.test(nc.response.body));
  await explain(page, red.config, nc.build, nc.response);
  assert.match(await text(page, "#explain-out [data-testid=amount]"), /^2600\.0 as the provider wrote it \(no currency reported: not normalized\)$/);
  // With the currency in the answer it is normalized to the currency's minor units.
  await page.fill("#explain-body", nc.response.body.replace('"amount": 2600.0,', '"amount": 2600.0, "currency": "RUB",'));
  await page.click("#explain-run");
  assert.equal(await text(page, "#explain-out [data-testid=amount]"), "2600.00 RUB");

  // An answer that is an error reads as the core's typed error, with the provider's code.
  const errs = vec("paystar/errors.json");
  const dup = errs.cases.find((k) => k.expectError?.code === "duplicate");
  await explain(page, dup.config ?? errs.config, dup.build, dup.response);
  assert.equal(await page.locator("#explain-out [data-testid=outcome-error] .err").getAttribute("data-code"), "duplicate");
  assert.match(await text(page, "#explain-out [data-testid=outcome-error]"), new RegExp(`provider code ${dup.expectError.providerCode}`));

  // Explaining needs no key: with every key field blank the answer still reads.
  await page.selectOption("#provider", "tupay");
  await page.selectOption("#provider", "paystar");
  assert.equal(await page.inputValue("#cfg-depositToken"), "");
  await page.fill("#explain-op", JSON.stringify(c.build));
  await page.fill("#explain-status", "200");
  await page.fill("#explain-body", c.response.body);
  await page.click("#explain-run");
  assert.equal(await text(page, "#explain-out [data-testid=state]"), "failed");

  await page.setViewportSize({ width: 390, height: 844 });
  await explain(page, file.config, c.build, c.response);
  await page.screenshot({ path: `${SHOTS}explain-narrow.png`, fullPage: true });
  await page.evaluate(() => document.querySelector("#explain-out").scrollIntoView());
  await page.screenshot({ path: `${SHOTS}explain-narrow-390x844.png` });
  assert.deepEqual(watch.errors, []);
  assert.deepEqual(watch.requests, [], "no request left the page after load");
  await page.close();
});

test("verify: a good and a forged callback per provider, with the reply and the confirm curl", async () => {
  const { page, watch } = await open();
  const sets = [
    ["paystar/callbacks.json", "verified"],
    ["tupay/notifications.json", "verified"],
    ["paystar_bridges/paynet.json", "verified"],
    ["paystar_bridges/corefy_callbacks.json", "verified"],
    ["dpay/callbacks.json", "unsigned"],
  ];
  for (const [f, goodVerdict] of sets) {
    const doc = vec(f);
    const cbs = doc.cases.filter((c) => c.callback);
    const good = cbs.find((c) => c.expect && c.expect.verified === (goodVerdict === "verified"));
    await callback(page, good.config ?? doc.config, good.callback, doc.context?.now);
    assert.equal(await page.locator("#callback-out [data-testid=verdict]").getAttribute("data-verdict"), goodVerdict, `${f}: ${good.name}`);
    const coverage = await text(page, "#callback-out [data-testid=coverage]");
    if (goodVerdict === "verified") assert.match(coverage, /Signed/);
    else assert.match(coverage, /Nothing in this callback is signed/);
    const reply = await text(page, "#callback-out [data-testid=reply]");
    assert.ok(reply.includes(String(good.expect.reply?.status ?? 200)), `${f}: reply status`);
    if (good.expect.reply?.body) assert.ok(reply.includes(good.expect.reply.body), `${f}: reply body`);
    const curl = await text(page, "#callback-out [data-testid=curl]");
    assert.match(curl, /^curl -X (GET|POST) '/);
    const id = good.expect.confirmWith.merchantId ?? good.expect.confirmWith.providerId;
    assert.ok(curl.includes(encodeURIComponent(id)) || curl.includes(id), `${f}: the curl names ${id}`);
    if (f.startsWith("paystar/")) await page.screenshot({ path: `${SHOTS}callback-verified.png`, fullPage: true });

    // Forged: a wrong signature, or (DPay signs nothing) a status in the query, which is not believed.
    const forged =
      cbs.find((c) => c.expectError?.code === "invalid_signature") ?? cbs.find((c) => c.name.includes("not trusted"));
    await callback(page, forged.config ?? doc.config, forged.callback, doc.context?.now);
    const v = await page.locator("#callback-out [data-testid=verdict]").getAttribute("data-verdict");
    if (forged.expectError) {
      assert.equal(v, "forged", `${f}: ${forged.name}`);
      assert.equal(await page.locator("#callback-out [data-testid=verdict] .err").getAttribute("data-code"), "invalid_signature");
      if (f.startsWith("paystar/")) await page.screenshot({ path: `${SHOTS}callback-forged.png` });
    } else {
      assert.equal(v, "unsigned");
      assert.equal(await text(page, "#callback-out [data-testid=state]"), "unknown", "an unsigned status claim is not read");
    }
  }

  // The status call with a placeholder for the token that was not typed (only the callback key
  // and a payout token are): the curl carries <DEPOSIT_TOKEN>, never the typed secrets.
  const doc = vec("paystar/callbacks.json");
  const c = doc.cases[0];
  await page.reload(); // a new load: the count starts again once it is ready
  await page.waitForSelector("body[data-ready=true]");
  watch.requests.length = 0;
  await callback(page, { provider: "paystar", callbackKey: c.config.callbackKey, payoutToken: "po-secret-xyz" }, c.callback, "2026-01-01T00:00:00Z");
  assert.equal(await page.locator("#callback-out [data-testid=verdict]").getAttribute("data-verdict"), "verified");
  const curl = await text(page, "#callback-out [data-testid=curl]");
  assert.match(curl, /authorization: Bearer <DEPOSIT_TOKEN>/);
  assert.ok(curl.includes("e21ac743-9205-4a22-a634-bcd772ad770e"));
  assert.ok(!curl.includes("po-secret-xyz") && !curl.includes(c.config.callbackKey));
  assert.deepEqual(watch.errors, []);
  assert.deepEqual(watch.requests, [], "no request left the page after load");
  await page.close();
});

test("build: one operation per provider gives the vector's exact request and names its signatures", async () => {
  const { page, watch } = await open();
  const files = {
    paystar: "paystar/deposit_create.json",
    tupay: "tupay/deposits.json",
    dpay: "dpay/create.json",
    paystar_paynet: "paystar_bridges/paynet.json",
    paystar_butler: "paystar_bridges/butler.json",
    paystar_corefy: "paystar_bridges/corefy.json",
  };
  for (const [provider, f] of Object.entries(files)) {
    const doc = vec(f);
    const c = doc.cases.find((c) => c.build && c.expectRequest && !c.expectError);
    const cfg = c.config ?? doc.config;
    assert.equal(cfg.provider, provider);
    await page.click("#tab-build");
    await useConfig(page, cfg);
    await page.selectOption("#build-optype", c.build.type);
    await page.fill("#build-op", JSON.stringify(c.build, null, 2));
    await page.fill("#build-now", (c.context ?? doc.context)?.now ?? "");
    await page.fill("#build-nonce", (c.context ?? doc.context)?.nonce ?? "");
    await page.click("#build-run");
    const shown = {
      method: await text(page, "#build-out [data-testid=method]"),
      url: await text(page, "#build-out [data-testid=url]"),
      body: await text(page, "#build-out [data-testid=body]"),
      headers: await page.$$eval("#build-out [data-testid=request] dl.headers", (dls) => {
        const out = {};
        const dl = dls[0];
        const dts = [...dl.querySelectorAll("dt")];
        dts.forEach((dt) => (out[dt.textContent] = dt.nextElementSibling.textContent));
        return out;
      }),
    };
    const want = c.expectRequest;
    assert.equal(shown.method, want.method, `${f}: ${c.name}`);
    assert.equal(shown.url, want.url, `${f}: ${c.name}`);
    if (want.headers) assert.equal(subsetMismatchCiKeys(want.headers, shown.headers), null, `${f}: headers`);
    if (want.body !== undefined) assert.equal(shown.body, want.body === "" ? "(empty)" : want.body);
    if (want.json !== undefined) assert.equal(subsetMismatch(want.json, JSON.parse(shown.body)), null, `${f}: body`);
    const sigs = page.locator("#build-out [data-testid=signatures] li");
    const how = await sigs.evaluateAll((lis) => lis.map((li) => `${li.dataset.part}=${li.dataset.how}`));
    if (["tupay", "dpay", "paystar_paynet"].includes(provider)) {
      assert.ok(how.some((x) => x.endsWith("=computed")), `${provider}: a computed signature is named (${how})`);
    } else {
      assert.ok(how.includes("header authorization=carried"), `${provider}: the token is carried (${how})`);
    }
    // What each signature was computed over, as the page shows it. The expected strings are
    // put together here from the vector (written by the Python generators) and the fact sheets'
    // formulas, never read back from pspkit.
    const overs = await page.$$eval("#build-out [data-testid=signing-input]", (lis) =>
      lis.map((li) => ({
        part: li.dataset.part,
        over: li.querySelector("[data-testid=signed-over]").textContent,
        marked: [...li.querySelectorAll("[data-testid=signed-over] mark.placeholder")].map((m) => m.textContent),
      })));
    const signedText = overs.map((o) => o.over).join("\n");
    for (const [k, v] of Object.entries(flat(cfg))) {
      if (/secret|token|pass|privateKey|merchantControl|callbackKey/i.test(k) && v.length >= 6) {
        assert.ok(!signedText.includes(v), `${provider}: ${k} is not shown in a signed string`);
      }
    }
    if (provider === "tupay") {
      // Fact sheet §2.1/§8.1: HMAC-SHA256(depositSecret, X-Date + X-Login + exact body).
      assert.deepEqual(overs, [{ part: "header authorization", over: `${want.headers["x-date"]}${cfg.depositLogin}${want.body}`, marked: [] }]);
      await page.screenshot({ path: `${SHOTS}build-tupay.png`, fullPage: true });
    }
    if (provider === "paystar_paynet") {
      // The bridge's Authorization page: endpointid + client_orderid + amount in minor units +
      // email + merchant_control (its worked example, the key as the core's placeholder).
      assert.deepEqual(overs, [{ part: "body field control", over: "1111902B4FF51042john.smith@gmail.com<merchantControl>", marked: ["<merchantControl>"] }]);
      await page.$$eval("#build-out [data-testid=signing-input] details", (ds) => ds.forEach((d) => (d.open = true)));
      const card = page.locator("#build-out section", { has: page.locator("[data-testid=signatures]") });
      await card.screenshot({ path: `${SHOTS}readme-build.png` }); // the README's picture
    }
    if (provider === "dpay") {
      // DPAY_SECURE: SHA-1 of the body, then MD5 of salt + Base64(raw SHA-1) + salt.
      const inner = createHash("sha1").update(want.body ?? shown.body).digest("base64");
      assert.deepEqual(overs.map((o) => o.over), [shown.body, `<secret>${inner}<secret>`]);
      assert.deepEqual(overs[1].marked, ["<secret>", "<secret>"]);
    }
    if (provider === "paystar" || provider === "paystar_butler" || provider === "paystar_corefy") {
      assert.deepEqual(overs, [], `${provider}: a token as typed signs nothing`);
    }
  }
  // Tupay's status GET signs X-Date + X-Login and the empty body.
  const tupay = vec("tupay/deposits.json");
  const st = tupay.cases.find((c) => c.build?.type === "get_deposit" && c.expectRequest);
  await useConfig(page, tupay.config);
  await page.selectOption("#build-optype", "get_deposit");
  await page.fill("#build-op", JSON.stringify(st.build));
  await page.fill("#build-now", tupay.context.now);
  await page.click("#build-run");
  assert.equal(await text(page, "#build-out [data-testid=signed-over]"), `${st.expectRequest.headers["x-date"]}${tupay.config.depositLogin}`);
  // PayStar with a key pair: the JWT's signing input is shown.
  await useConfig(page, vec("paystar/callbacks.json").config);
  await page.selectOption("#build-optype", "get_deposit");
  await page.fill("#build-op", JSON.stringify({ type: "get_deposit", providerId: "P-1" }));
  await page.click("#build-run");
  const over = await text(page, "#build-out [data-testid=signed-over]");
  assert.match(over, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  assert.ok(Buffer.from(over.split(".")[1], "base64url").toString().includes("pk_deposit_live_01"));
  assert.deepEqual(watch.errors, []);
  assert.deepEqual(watch.requests, [], "no request left the page after load");
  await page.close();
});

test("bad input: the core's typed error next to the field, and the page keeps working", async () => {
  const { page, watch } = await open();
  const file = vec("paystar/history.json");
  const c = file.cases[1];
  const code = (id) => page.locator(`#${id}-error .err`).getAttribute("data-code");

  await explain(page, file.config, c.build, c.response);
  await page.fill("#explain-op", '{"type": "get_deposit", ');
  await page.click("#explain-run");
  assert.match(await text(page, "#explain-op-error"), /not valid JSON/);
  assert.equal(await page.getAttribute("#explain-op", "aria-invalid"), "true");

  await page.fill("#explain-op", JSON.stringify({ type: "get_deposit_x", providerId: "1" }));
  await page.click("#explain-run");
  assert.equal(await code("explain-op"), "invalid_request");
  assert.match(await text(page, "#explain-op-error"), /operation\.type: unknown value/);
  assert.ok(!(await text(page, "#explain-op-error")).includes("pspkit::"), "no Rust type path");

  await page.fill("#explain-op", JSON.stringify(c.build));
  await page.fill("#explain-body", '{"externalId": "x", ');
  await page.click("#explain-run");
  assert.equal(await code("explain-body"), "bad_response");
  assert.match(await text(page, "#explain-body-error"), /malformed JSON/);

  // A Tupay answer read as PayStar's.
  const tupay = vec("tupay/deposits.json");
  const t = tupay.cases.find((k) => k.response && k.expect?.type === "payment");
  await page.fill("#explain-op", JSON.stringify(t.build));
  await page.fill("#explain-body", t.response.body);
  await page.click("#explain-run");
  assert.equal(await code("explain-body"), "bad_response");
  assert.match(await text(page, "#explain-body-error"), /PayStar/);

  // A body pasted with its status line and headers: the error, then the fix in one key press.
  await page.fill("#explain-op", JSON.stringify(c.build));
  await page.fill("#explain-headers", "");
  await page.fill("#explain-body", `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n${c.response.body}`);
  await page.click("#explain-run");
  assert.equal(await code("explain-body"), "bad_response");
  await page.focus("#explain-split");
  await page.keyboard.press("Enter");
  assert.equal(await page.inputValue("#explain-headers"), "content-type: application/json");
  await page.locator("#explain-body").press("Control+Enter");
  assert.equal(await text(page, "#explain-out [data-testid=state]"), "failed");

  await page.fill("#explain-headers", "content-type application/json");
  await page.click("#explain-run");
  assert.match(await text(page, "#explain-headers-error"), /line 1 is not "name: value"/);
  await page.fill("#explain-headers", "");

  // Empty keys: DPay's secret left blank, PayStar without a key for the callback.
  const dpay = vec("dpay/callbacks.json");
  await callback(page, { provider: "dpay", client: "1043" }, dpay.cases[0].callback);
  assert.equal(await code("cfg-secret"), "invalid_request");
  assert.match(await text(page, "#cfg-secret-error"), /secret/);
  const ps = vec("paystar/callbacks.json");
  await callback(page, { provider: "paystar", depositToken: "dep-token" }, ps.cases[0].callback);
  assert.equal(await code("cfg-callbackKey"), "invalid_request");
  assert.match(await text(page, "#cfg-callbackKey-error"), /callbackKey: is required to verify callbacks/);

  await page.click("#tab-build");
  await page.selectOption("#provider", "paystar_paynet");
  await page.click("#build-run");
  assert.ok((await page.locator("#panel-build .err, #cfg-fields .err, #cfg-error .err").count()) > 0, "an empty config is refused in words");
  assert.deepEqual(watch.errors, [], "the page never broke");
  assert.deepEqual(watch.requests, []);
  await page.screenshot({ path: `${SHOTS}bad-input.png`, fullPage: true });
  await page.close();
});

test("keyboard, privacy and the share link", async () => {
  const { page, watch } = await open();
  await page.focus("#tab-explain");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.getAttribute("#tab-callback", "aria-selected"), "true");
  assert.equal(await page.isVisible("#panel-callback"), true);
  assert.equal(await page.isVisible("#panel-explain"), false);
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-callback");
  await page.keyboard.press("End");
  assert.equal(await page.getAttribute("#tab-build", "aria-selected"), "true");

  // Every input has a label.
  const unlabelled = await page.$$eval("input, select, textarea", (els) =>
    els.filter((e) => !e.labels || e.labels.length === 0).map((e) => e.id));
  assert.deepEqual(unlabelled, []);

  // Build with secrets and card data, then share: the link has neither.
  const doc = vec("paystar/deposit_create.json");
  const c = doc.cases.find((c) => c.build?.card?.number);
  const secrets = { depositToken: "dep-SECRET-7731", payoutToken: "pay-SECRET-8842", callbackKey: "cb-SECRET-9953" };
  await useConfig(page, { provider: "paystar", baseUrl: "https://secure.paystar.uk", ...secrets });
  await page.selectOption("#build-optype", "create_deposit");
  await page.fill("#build-op", JSON.stringify(c.build, null, 2));
  await page.click("#build-run");
  assert.ok((await text(page, "#build-out [data-testid=body]")).includes(c.build.card.number), "the exact bytes are shown");
  await page.click("#share-make");
  const link = await page.inputValue("#share-link");
  const decoded = Buffer.from(link.split("#share=")[1], "base64url").toString();
  for (const s of Object.values(secrets)) assert.ok(!link.includes(s) && !decoded.includes(s), `${s} is not in the link`);
  assert.ok(!decoded.includes(c.build.card.number), "the card number is masked in the link");
  assert.ok(!decoded.includes(`"cvv": "${c.build.card.cvv}"`) && !decoded.includes(`"cvv":"${c.build.card.cvv}"`), "no CVV in the link");
  assert.ok(decoded.includes("https://secure.paystar.uk") && decoded.includes("create_deposit"));

  // Nothing was stored or logged, and the address never changed.
  const kept = await page.evaluate(() => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    href: location.href,
  }));
  assert.deepEqual(kept, { local: 0, session: 0, cookie: "", href: url });
  for (const line of watch.console) for (const s of Object.values(secrets)) assert.ok(!line.includes(s), "no key in the console");

  // The link opens with the non-secret inputs and empty key fields.
  const shared = await open({ width: 1280, height: 800 }, link);
  assert.equal(await shared.page.getAttribute("#tab-build", "aria-selected"), "true");
  assert.equal(await shared.page.inputValue("#cfg-baseUrl"), "https://secure.paystar.uk");
  for (const k of Object.keys(secrets)) assert.equal(await shared.page.inputValue(`#cfg-${k}`), "");
  const op = JSON.parse(await shared.page.inputValue("#build-op"));
  assert.equal(op.merchantId, c.build.merchantId);
  assert.notEqual(op.card.number, c.build.card.number);
  assert.deepEqual(shared.watch.requests, []);
  await shared.page.close();

  assert.deepEqual(watch.errors, []);
  assert.deepEqual(watch.requests, [], "no request left the page after load");
  await page.close();
  // What the server saw: the page, its style, its modules, the package and the wasm; nothing else.
  assert.ok(served.includes("/pspkit/dist/pspkit_wasm_bg.wasm"));
  assert.deepEqual([...new Set(served.map((p) => p.split("/")[1]))].sort(), ["", "dist", "pspkit", "src", "style.css"]);
});
