// The inspector page: loads the npm package's browser entry (which fetches the wasm once), then
// wires the three panels. After this module has run, the page makes no request of any kind.

import * as api from "/pspkit/src/browser.js";
import { EXAMPLES } from "/dist/examples.js";
import { $, $$, h, fill } from "./dom.js";
import { PROVIDERS } from "./providers.js";
import { renderConfigFields } from "./config_form.js";
import { runExplain } from "./explain.js";
import { runCallback } from "./callback.js";
import { runBuild } from "./build.js";
import { makeShareLink, readShareLink } from "./share.js";

const state = { provider: "paystar" };

function opTypes(provider) {
  try {
    const g = new api.Gateway(placeholderConfig(provider));
    const caps = g.capabilities();
    g.free();
    return caps.operations;
  } catch {
    return Object.keys(EXAMPLES[provider] ?? {});
  }
}

function placeholderConfig(provider) {
  // Only to ask the core for capabilities; never used to build or parse anything.
  const cfg = { provider };
  for (const f of PROVIDERS[provider].fields) {
    if (!f.fill) continue;
    const [a, b] = f.key.split(".");
    const v = f.key === "baseUrl" ? "https://psp.example" : "inspector";
    if (b) (cfg[a] ??= {})[b] = v;
    else cfg[a] = v;
  }
  return cfg;
}

function setOps(selectId, textareaId, provider) {
  const sel = $(selectId);
  const types = opTypes(provider);
  fill(sel, types.map((t) => h("option", { value: t }, t)));
  const apply = () => {
    const ex = EXAMPLES[provider]?.[sel.value] ?? { type: sel.value };
    $(textareaId).value = JSON.stringify(ex, null, 2);
  };
  sel.onchange = apply;
  // Pasted JSON names its own type: the picker follows it.
  $(textareaId).oninput = () => {
    const m = /"type"\s*:\s*"([a-z_]+)"/.exec($(textareaId).value);
    if (m && types.includes(m[1])) sel.value = m[1];
  };
  apply();
}

export function selectProvider(provider) {
  state.provider = provider;
  $("#provider").value = provider;
  renderConfigFields($("#cfg-fields"), provider);
  $("#provider-hint").textContent = PROVIDERS[provider].callbackKeyHint;
  $("#callback-key-hint").textContent = `Uses the keys above. ${PROVIDERS[provider].callbackKeyHint}`;
  setOps("#explain-optype", "#explain-op", provider);
  setOps("#build-optype", "#build-op", provider);
  applySecretVisibility();
  for (const out of ["#explain-out", "#callback-out", "#build-out"]) fill($(out));
}

function applySecretVisibility() {
  const show = $("#show-secrets").checked;
  for (const el of $$("[data-secret]")) el.type = show ? "text" : "password";
}

function selectTab(tab, focus) {
  for (const t of $$('[role="tab"]')) {
    const on = t === tab;
    t.setAttribute("aria-selected", String(on));
    t.tabIndex = on ? 0 : -1;
    document.getElementById(t.getAttribute("aria-controls")).hidden = !on;
  }
  if (focus) tab.focus();
}

export function currentPanel() {
  return $('[role="tab"][aria-selected="true"]').id.slice(4);
}

function wire() {
  fill($("#provider"), Object.entries(PROVIDERS).map(([k, p]) => h("option", { value: k }, p.label)));
  $("#provider").addEventListener("change", (e) => selectProvider(e.target.value));
  $("#show-secrets").addEventListener("change", applySecretVisibility);

  const tabs = $$('[role="tab"]');
  tabs.forEach((t, i) => {
    t.addEventListener("click", () => selectTab(t));
    t.addEventListener("keydown", (e) => {
      const d = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (d) selectTab(tabs[(i + d + tabs.length) % tabs.length], true);
      if (e.key === "Home") selectTab(tabs[0], true);
      if (e.key === "End") selectTab(tabs[tabs.length - 1], true);
    });
  });

  const runners = { explain: runExplain, callback: runCallback, build: runBuild };
  for (const [name, run] of Object.entries(runners)) {
    const form = $(`#${name}-form`);
    const go = () => {
      try {
        run(api, state.provider);
      } catch (e) {
        // The panels catch what they expect; this keeps the page alive whatever else happens.
        fill($(`#${name}-out`), h("p", { class: "err", role: "alert" }, `Unexpected: ${e?.message ?? e}`));
      }
    };
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      go();
    });
    form.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        go();
      }
    });
  }

  $("#share-make").addEventListener("click", () => {
    const link = makeShareLink(api, state.provider, currentPanel());
    $("#share-link").value = link;
    $("#share-link").select();
  });

  const nowSec = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  $("#build-now").value = nowSec;
  $("#callback-now").value = nowSec;
}

wire();
selectProvider("paystar");
const shared = readShareLink(location.hash);
if (shared) {
  selectProvider(PROVIDERS[shared.provider] ? shared.provider : "paystar");
  for (const [k, v] of Object.entries(shared.config ?? {})) {
    const f = PROVIDERS[state.provider].fields.find((f) => f.key === k && !f.secret);
    if (f) document.getElementById(`cfg-${k.replace(".", "-")}`).value = v;
  }
  for (const [id, v] of Object.entries(shared.inputs ?? {})) {
    const el = document.getElementById(id);
    if (el && /^(explain|callback|build)-/.test(id)) el.value = v;
  }
  const tab = document.getElementById(`tab-${shared.panel}`);
  if (tab) selectTab(tab);
}
$("#core-status").textContent = "Core loaded — this page is now offline by design.";
document.body.dataset.ready = "true";
