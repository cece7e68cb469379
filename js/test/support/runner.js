// Runs the shared conformance vectors (DESIGN §6) through pspkit's public JS API — the same case
// flow as core/src/conformance/runner.rs. Files with a top-level "kind": "flow" drive the lifecycle
// driver (`PaymentFlow`) step by step, as core/src/flow/vectors.rs does: the state is stored as
// JSON and resumed before every step, and a `send_request` action gets `request.json` (the parsed
// body) before it is matched.

// No Node-only imports here: the browser test loads this module in Chromium (files.js walks folders).
import { subsetMismatch, subsetMismatchCiKeys } from "./matching.js";

/**
 * Reads one vector file (plain or flow). Returns `{fileError}` when it is not a
 * vector file, else `{cases: [{name, run}]}` where `run()` returns `null` (pass) or why it failed.
 * @param {string} text
 * @param {{Gateway: any, PaymentFlow: any, PspError: any}} api the public API under test
 */
export function loadVectorFile(text, api) {
  let file;
  try {
    file = JSON.parse(text);
  } catch (e) {
    return { fileError: `not JSON: ${e.message}` };
  }
  if (typeof file !== "object" || file === null || Array.isArray(file)) {
    return { fileError: "a vector file must be a JSON object" };
  }
  if (!Array.isArray(file.cases)) return { fileError: 'missing "cases" array' };
  const runOne = file.kind === "flow" ? runFlowCase : runCase;
  return {
    description: file.description,
    cases: file.cases.map((c, i) => ({
      name: typeof c?.name === "string" ? c.name : `case #${i}`,
      run: () =>
        typeof c === "object" && c !== null && !Array.isArray(c)
          ? runOne(file, c, api)
          : "case is not an object",
    })),
  };
}

function runCase(file, c, api) {
  const config = c.config ?? file.config;
  if (config === undefined) return "no config";
  const ctx = { ...objectOr(file.context), ...objectOr(c.context) };
  const { expect, expectError } = c;

  let gateway;
  try {
    gateway = new api.Gateway(config);
  } catch (e) {
    return settleError(e, expectError, "config", api);
  }

  if (c.callback !== undefined) {
    let event;
    try {
      event = gateway.parseCallback(c.callback, ctx);
    } catch (e) {
      return settleError(e, expectError, "parse_callback", api);
    }
    return settleValue(event, expect, expectError);
  }

  if (c.build === undefined) return 'a case needs "build" or "callback"';
  const op = c.build;
  let request;
  let buildError;
  try {
    request = gateway.build(op, ctx);
  } catch (e) {
    buildError = e;
  }
  if (c.expectRequest !== undefined) {
    if (buildError) {
      return expectError !== undefined
        ? settleError(buildError, expectError, "build", api)
        : `build failed: ${describe(buildError)}`;
    }
    const m = checkRequest(c.expectRequest, request);
    if (m) return m;
  }
  if (c.response === undefined) {
    if (buildError) return settleError(buildError, expectError, "build", api);
    if (expectError !== undefined) return "build succeeded but an error was expected";
    if (c.expectRequest !== undefined) return null;
    return "case checks nothing (no expectRequest, response or expectError)";
  }
  let outcome;
  try {
    outcome = gateway.parse(op, c.response);
  } catch (e) {
    return settleError(e, expectError, "parse", api);
  }
  return settleValue(outcome, expect, expectError);
}

function runFlowCase(file, c, api) {
  const config = c.config ?? file.config;
  if (config === undefined) return "no config";
  if (c.create === undefined) return "no create";
  if (typeof c.start !== "string") return "no start";
  const steps = c.steps ?? (c.startError !== undefined ? [] : undefined);
  if (!Array.isArray(steps)) return "no steps";
  if (c.resumeWithCard !== undefined && typeof c.resumeWithCard !== "boolean") {
    return '"resumeWithCard" must be true or false';
  }
  // The host's copy of the card, supplied on every resume (the stored state holds only its mask).
  let card = c.resumeWithCard === false ? null : (c.create?.card ?? null);
  let flow;
  try {
    flow = api.PaymentFlow.start(config, c.create, c.options ?? null, c.start);
  } catch (e) {
    if (c.startError !== undefined) return settleError(e, c.startError, "start", api);
    return `start failed: ${describe(e)}`;
  }
  if (c.startError !== undefined) {
    flow.free();
    return `expected start to fail with ${JSON.stringify(c.startError)}`;
  }
  for (const [i, step] of steps.entries()) {
    let stored;
    try {
      stored = flow.stateJson();
      flow.free();
      flow = api.PaymentFlow.resumeJson(config, stored, card);
    } catch (e) {
      return `step ${i}: resume failed: ${describe(e)}`;
    }
    if (typeof step !== "object" || step === null || Array.isArray(step)) {
      return `step ${i} is not an object`;
    }
    let why;
    if (step.supplyCard !== undefined) {
      why = null;
      try {
        flow.supplyCard(step.supplyCard);
        card = step.supplyCard;
        if (step.expectError !== undefined) why = `expected an error ${JSON.stringify(step.expectError)}`;
      } catch (e) {
        why = settleError(e, step.expectError, "supply_card", api);
      }
    } else if (step.state !== undefined) {
      why = checkState(stored, step.state);
    } else {
      why = runFlowStep(flow, step, api);
    }
    if (why !== null) return `step ${i}: ${why}`;
  }
  flow.free();
  return null;
}

/** A `state` step: the stored JSON holds none of `mustNotContain` and matches `expect`. */
function checkState(stored, check) {
  if (typeof check !== "object" || check === null) return '"state" must be an object';
  for (const needle of check.mustNotContain ?? []) {
    if (typeof needle !== "string") return '"mustNotContain" must be a list of strings';
    if (stored.includes(needle)) return `the stored state contains ${JSON.stringify(needle)}: ${stored}`;
  }
  if (check.expect !== undefined) {
    const m = subsetMismatch(check.expect, JSON.parse(stored));
    if (m) return `state ${m}; got ${stored}`;
  }
  return null;
}

function runFlowStep(flow, step, api) {
  const { expect, expectError } = step;
  const now = () => {
    if (typeof step.now !== "string") throw new Error('needs "now"');
    return step.now;
  };
  let call;
  if (step.poll !== undefined) {
    if (typeof step.poll !== "string") return '"poll" must be a timestamp';
    call = () => withRequestJson(flow.poll(step.poll));
  } else if (step.response !== undefined) {
    call = () => flow.handleResponse(now(), step.response) ?? null;
  } else if (step.transportError !== undefined) {
    call = () => flow.handleTransportError(now(), step.transportError) ?? null;
  } else if (step.callback !== undefined) {
    call = () => flow.handleCallback(now(), step.callback);
  } else {
    return 'a step needs "poll", "response", "transportError", "callback", "supplyCard" or "state"';
  }
  let actual;
  try {
    actual = call();
  } catch (e) {
    return settleError(e, expectError, "step", api);
  }
  const checked = step.poll !== undefined || step.callback !== undefined ? expect : undefined;
  if (expectError !== undefined) return `expected an error, got ${JSON.stringify(actual)}`;
  if (checked === undefined) return null;
  const m = subsetMismatch(checked, actual);
  return m ? `${m}; got ${JSON.stringify(actual)}` : null;
}

/** A `send_request` action with `request.json` added when the body is JSON. */
function withRequestJson(action) {
  if (action?.type === "send_request" && typeof action.request?.body === "string") {
    try {
      action.request.json = JSON.parse(action.request.body);
    } catch {
      // not a JSON body: nothing to add
    }
  }
  return action;
}

function checkRequest(expected, actual) {
  if (typeof expected !== "object" || expected === null) return "expectRequest must be an object";
  if (expected.method !== undefined && expected.method !== actual.method) {
    return `method: expected ${JSON.stringify(expected.method)}, got ${JSON.stringify(actual.method)}`;
  }
  if (expected.url !== undefined && expected.url !== actual.url) {
    return `url: expected ${JSON.stringify(expected.url)}, got ${JSON.stringify(actual.url)}`;
  }
  if (expected.headers !== undefined) {
    const m = subsetMismatchCiKeys(expected.headers, actual.headers ?? {});
    if (m) return `headers: ${m}`;
  }
  if (Array.isArray(expected.absentHeaders)) {
    const present = Object.keys(actual.headers ?? {}).map((h) => h.toLowerCase());
    for (const name of expected.absentHeaders) {
      if (typeof name === "string" && present.includes(name.toLowerCase())) {
        return `header ${name} must be absent`;
      }
    }
  }
  if (expected.body !== undefined && expected.body !== actual.body) {
    return `body: expected ${JSON.stringify(expected.body)}, got ${JSON.stringify(actual.body)}`;
  }
  if (expected.json !== undefined) {
    let body;
    try {
      body = JSON.parse(actual.body);
    } catch (e) {
      return `body is not JSON (${e.message}): ${JSON.stringify(actual.body)}`;
    }
    const m = subsetMismatch(expected.json, body);
    if (m) return `json body: ${m}`;
  }
  if (expected.form !== undefined) {
    const form = Object.fromEntries(new URLSearchParams(actual.body));
    const m = subsetMismatch(expected.form, form);
    if (m) return `form body: ${m}`;
  }
  return null;
}

function settleValue(actual, expect, expectError) {
  if (expectError !== undefined) return `expected an error, got ${JSON.stringify(actual)}`;
  return expect === undefined ? null : subsetMismatch(expect, actual);
}

function settleError(err, expectError, stage, api) {
  if (!(err instanceof api.PspError)) return `${stage} threw a non-PspError: ${err?.stack ?? err}`;
  const actual = err.toJSON();
  if (expectError === undefined) return `${stage} failed: ${JSON.stringify(actual)}`;
  const m = subsetMismatch(expectError, actual);
  return m ? `${stage} error ${m}; got ${JSON.stringify(actual)}` : null;
}

function describe(e) {
  return e?.toJSON ? JSON.stringify(e.toJSON()) : String(e);
}

function objectOr(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? v : {};
}
