"""DESIGN §6 conformance vectors through pspkit's public Python API.

Matching (same rules as core/src/conformance/matching.rs): every key in the expected object must
be in the actual one and equal, recursively; arrays element by element with the same length;
numbers by decimal value (100 == 100.00); header names case-insensitive; an expected `null` also
matches a missing key. `expectRequest` checks method, url, headers, absentHeaders, body (exact
text), json (parsed subset) and form (form-urlencoded subset). Cases may override `config` and
`context`. Files with top-level `"kind": "flow"` are flow vectors (core/src/flow/vectors.rs):
each case starts a `PaymentFlow` and runs its steps, storing the state as JSON and resuming from
it before every step; a `send_request` action gets `request.json` (the parsed body) for matching.
"""
from __future__ import annotations

import json
import os
import urllib.parse
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pspkit
from pspkit import Context, Gateway, HttpRequest, HttpResponse, Operation, PspError
from pspkit._generated.pspkit_ffi import transport_error_from_json

REPO = Path(__file__).resolve().parents[2]


def vectors_dir() -> Path:
    return Path(os.environ.get("PSPKIT_VECTORS") or REPO / "tests" / "vectors")


def _load(text: str) -> Any:
    return json.loads(text, parse_float=Decimal, parse_int=Decimal)


def vector_cases(root: Path) -> List[Tuple[str, Dict[str, Any], Dict[str, Any]]]:
    """(id, file, case) for every case of every vector file under `root`, sorted by path."""
    out = []
    for path in sorted(root.rglob("*.json")):
        data = _load(path.read_text(encoding="utf-8"))
        rel = path.relative_to(root).as_posix()
        cases = data.get("cases") if isinstance(data, dict) else None
        if not isinstance(cases, list):
            out.append((f"{rel}::<file>", {"_file_error": "missing \"cases\" array"}, {}))
            continue
        for i, case in enumerate(cases):
            name = case.get("name", f"case #{i}") if isinstance(case, dict) else f"case #{i}"
            out.append((f"{rel}::{name}", data, case))
    return out


def mismatch(expected: Any, actual: Any, path: str = "$", ci_keys: bool = False) -> Optional[str]:
    """None when `expected` is a subset of `actual`, else where they differ."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key, ev in expected.items():
            if ci_keys:
                found = [v for k, v in actual.items() if k.lower() == key.lower()]
            else:
                found = [actual[key]] if key in actual else []
            if not found:
                if ev is None:
                    continue
                return f"{path}.{key}: missing (expected {ev!r})"
            m = mismatch(ev, found[0], f"{path}.{key}")
            if m:
                return m
        return None
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return f"{path}: expected {len(expected)} elements, got {len(actual)}"
        for i, (ev, av) in enumerate(zip(expected, actual)):
            m = mismatch(ev, av, f"{path}[{i}]")
            if m:
                return m
        return None
    if _is_number(expected) and _is_number(actual):
        return None if Decimal(expected) == Decimal(actual) else f"{path}: expected {expected}, got {actual}"
    if type(expected) is type(actual) and expected == actual:
        return None
    return f"{path}: expected {expected!r}, got {actual!r}"


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, Decimal)) and not isinstance(v, bool)


def _dumps(value: Any) -> str:
    """JSON text of vector data, numbers written exactly as the vector spelled them."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(k)}:{_dumps(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_dumps(v) for v in value) + "]"
    return json.dumps(value)


def _as_data(model_object: Any) -> Any:
    return _load(pspkit.to_json(model_object, secrets="reveal"))


class CaseFailed(AssertionError):
    pass


def run_case(file: Dict[str, Any], case: Dict[str, Any]) -> None:
    """Raises CaseFailed with the reason when the case does not hold."""
    if "_file_error" in file:
        raise CaseFailed(file["_file_error"])
    if file.get("kind") == "flow":
        return run_flow_case(file, case)
    config = case.get("config", file.get("config"))
    if config is None:
        raise CaseFailed("no config")
    ctx_data = dict(file.get("context") or {})
    ctx_data.update(case.get("context") or {})
    context = pspkit.from_json(Context, _dumps(ctx_data))
    expect = case.get("expect")
    expect_error = case.get("expectError")

    try:
        gateway = Gateway.from_json(_dumps(config))
    except PspError as e:
        return _settle_error(e, expect_error, "config")

    if "callback" in case:
        request = pspkit.from_json(HttpRequest, _dumps(case["callback"]))
        try:
            event = gateway.parse_callback(request, context)
        except PspError as e:
            return _settle_error(e, expect_error, "parse_callback")
        return _settle_value(_as_data(event), expect, expect_error)

    if "build" not in case:
        raise CaseFailed('a case needs "build" or "callback"')
    try:
        operation = pspkit.from_json(Operation, _dumps(case["build"]))
    except PspError as e:
        return _settle_error(e, expect_error, "operation")

    built: Optional[HttpRequest] = None
    build_error: Optional[PspError] = None
    try:
        built = gateway.build(operation, context)
    except PspError as e:
        build_error = e
    if "expectRequest" in case:
        if built is None:
            raise CaseFailed(f"build failed: {pspkit.error_to_dict(build_error)}")  # type: ignore[arg-type]
        _check_request(case["expectRequest"], built)
    if "response" not in case:
        if build_error is not None:
            return _settle_error(build_error, expect_error, "build")
        if expect_error is not None:
            raise CaseFailed("build succeeded but an error was expected")
        if "expectRequest" not in case:
            raise CaseFailed("case checks nothing (no expectRequest, response or expectError)")
        return None
    response = pspkit.from_json(HttpResponse, _dumps(case["response"]))
    try:
        outcome = gateway.parse(operation, response)
    except PspError as e:
        return _settle_error(e, expect_error, "parse")
    return _settle_value(_as_data(outcome), expect, expect_error)


def _check_request(expected: Dict[str, Any], actual: HttpRequest) -> None:
    if "method" in expected and expected["method"] != actual.method:
        raise CaseFailed(f"method: expected {expected['method']!r}, got {actual.method!r}")
    if "url" in expected and expected["url"] != actual.url:
        raise CaseFailed(f"url: expected {expected['url']!r}, got {actual.url!r}")
    headers = dict(actual.headers)
    if "headers" in expected:
        m = mismatch(expected["headers"], headers, "$", ci_keys=True)
        if m:
            raise CaseFailed(f"headers: {m}")
    for name in expected.get("absentHeaders") or []:
        if any(k.lower() == name.lower() for k in headers):
            raise CaseFailed(f"header {name} must be absent")
    if "body" in expected and expected["body"] != actual.body:
        raise CaseFailed(f"body: expected {expected['body']!r}, got {actual.body!r}")
    if "json" in expected:
        try:
            body = _load(actual.body)
        except ValueError as e:
            raise CaseFailed(f"body is not JSON ({e}): {actual.body!r}") from None
        m = mismatch(expected["json"], body)
        if m:
            raise CaseFailed(f"json body: {m}")
    if "form" in expected:
        form = dict(urllib.parse.parse_qsl(actual.body, keep_blank_values=True))
        m = mismatch(expected["form"], form)
        if m:
            raise CaseFailed(f"form body: {m}")


def _settle_value(actual: Any, expect: Any, expect_error: Any) -> None:
    if expect_error is not None:
        raise CaseFailed(f"expected an error, got {_dumps(actual)}")
    if expect is not None:
        m = mismatch(expect, actual)
        if m:
            raise CaseFailed(m)


def _settle_error(error: PspError, expect_error: Any, stage: str) -> None:
    actual = pspkit.error_to_dict(error)
    if expect_error is None:
        raise CaseFailed(f"{stage} failed: {actual}")
    m = mismatch(expect_error, actual)
    if m:
        raise CaseFailed(f"{stage} error {m}; got {actual}")


def run_flow_case(file: Dict[str, Any], case: Dict[str, Any]) -> None:
    """One flow vector case (the format of core/src/flow/vectors.rs), through `PaymentFlow`."""
    config = case.get("config", file.get("config"))
    if config is None:
        raise CaseFailed("no config")
    for key in ("create", "start"):
        if key not in case:
            raise CaseFailed(f"no {key}")
    steps = case.get("steps", [] if "startError" in case else None)
    if not isinstance(steps, list):
        raise CaseFailed("no steps")
    resume_with_card = case.get("resumeWithCard", True)
    if not isinstance(resume_with_card, bool):
        raise CaseFailed('"resumeWithCard" must be true or false')
    # The host's copy of the card, supplied on every resume (the state holds only its mask).
    card = case["create"].get("card") if resume_with_card else None
    config_json = _dumps(config)
    try:
        flow = pspkit.PaymentFlow.start_json(
            config_json, _dumps(case["create"]), _dumps(case.get("options") or {}), case["start"]
        )
    except PspError as e:
        if "startError" in case:
            return _settle_error(e, case["startError"], "start")
        raise CaseFailed(f"start failed: {pspkit.error_to_dict(e)}") from None
    if "startError" in case:
        raise CaseFailed(f"expected start to fail with {case['startError']}")
    for i, step in enumerate(steps):
        stored = flow.state_json()
        try:
            if card is None:
                flow = pspkit.PaymentFlow.resume_json(config_json, stored)
            else:
                flow = pspkit.PaymentFlow.resume_json_with_card(config_json, stored, _dumps(card))
        except PspError as e:
            raise CaseFailed(f"step {i}: resume failed: {pspkit.error_to_dict(e)}") from None
        try:
            if "supplyCard" in step:
                try:
                    flow.supply_card_json(_dumps(step["supplyCard"]))
                except PspError as e:
                    _settle_error(e, step.get("expectError"), "supply_card")
                    continue
                card = step["supplyCard"]
                _settle_value(None, None, step.get("expectError"))
            elif "state" in step:
                _check_state(stored, step["state"])
            else:
                _run_flow_step(flow, step)
        except CaseFailed as e:
            raise CaseFailed(f"step {i}: {e}") from None


def _check_state(stored: str, check: Any) -> None:
    """A `state` step: the stored JSON holds none of `mustNotContain` and matches `expect`."""
    if not isinstance(check, dict):
        raise CaseFailed('"state" must be an object')
    for needle in check.get("mustNotContain", []):
        if not isinstance(needle, str):
            raise CaseFailed('"mustNotContain" must be a list of strings')
        if needle in stored:
            raise CaseFailed(f"the stored state contains {needle!r}: {stored}")
    if "expect" in check:
        m = mismatch(check["expect"], _load(stored))
        if m:
            raise CaseFailed(f"state {m}; got {stored}")


def _run_flow_step(flow: "pspkit.PaymentFlow", step: Dict[str, Any]) -> None:
    expect = step.get("expect")
    expect_error = step.get("expectError")

    def now() -> str:
        if not isinstance(step.get("now"), str):
            raise CaseFailed('needs "now"')
        return step["now"]

    if "poll" in step:
        try:
            action = _load(flow.poll_json(step["poll"]))
        except PspError as e:
            return _settle_error(e, expect_error, "poll")
        request = action.get("request") if action.get("type") == "send_request" else None
        if isinstance(request, dict):
            try:
                request["json"] = _load(request.get("body") or "")
            except ValueError:
                pass
        return _settle_value(action, expect, expect_error)
    if "response" in step:
        try:
            flow.handle_response_json(now(), _dumps(step["response"]))
        except PspError as e:
            return _settle_error(e, expect_error, "handle_response")
        return _settle_value(None, None, expect_error)
    if "transportError" in step:
        try:
            kind = transport_error_from_json(_dumps(step["transportError"]))
            flow.handle_transport_error(now(), kind)
        except PspError as e:
            return _settle_error(e, expect_error, "handle_transport_error")
        return _settle_value(None, None, expect_error)
    if "callback" in step:
        try:
            reply = _load(flow.handle_callback_json(now(), _dumps(step["callback"])))
        except PspError as e:
            return _settle_error(e, expect_error, "handle_callback")
        return _settle_value(reply, expect, expect_error)
    raise CaseFailed(
        'a step needs "poll", "response", "transportError", "callback", "supplyCard" or "state"'
    )


def _plain(value: Any) -> Any:
    """Vector data as `json.loads` gives it (what a user's dicts hold)."""
    return json.loads(_dumps(value))


class _DictRequest:
    """An HttpRequest dict seen through the attribute names `_check_request` reads."""

    def __init__(self, data: Dict[str, Any]) -> None:
        self.method, self.url = data["method"], data["url"]
        self.headers, self.body = data.get("headers") or {}, data.get("body") or ""


def run_case_dicts(file: Dict[str, Any], case: Dict[str, Any]) -> None:
    """One non-flow case through the dict-first API: `Gateway(dict)`, dicts in and out."""
    if "_file_error" in file:
        raise CaseFailed(file["_file_error"])
    config = case.get("config", file.get("config"))
    if config is None:
        raise CaseFailed("no config")
    ctx = dict(file.get("context") or {})
    ctx.update(case.get("context") or {})
    expect, expect_error = case.get("expect"), case.get("expectError")
    try:
        gateway = Gateway(_plain(config))
    except PspError as e:
        return _settle_error(e, expect_error, "config")
    if "callback" in case:
        try:
            event = gateway.parse_callback(_plain(case["callback"]), ctx.get("now"))
        except PspError as e:
            return _settle_error(e, expect_error, "parse_callback")
        return _settle_value(_load(json.dumps(event)), expect, expect_error)
    operation = _plain(case["build"])
    built: Optional[Dict[str, Any]] = None
    build_error: Optional[PspError] = None
    try:
        if ctx.get("now") is None:
            # The vector asks for a context without a time: the core decides what it needs.
            built = gateway._run(1, json.dumps(operation).encode(), _dumps(ctx).encode())
        else:
            built = gateway.build(operation, ctx["now"], nonce=ctx.get("nonce"))
    except PspError as e:
        build_error = e
    if "expectRequest" in case:
        if built is None:
            raise CaseFailed(f"build failed: {pspkit.error_to_dict(build_error)}")  # type: ignore[arg-type]
        _check_request(case["expectRequest"], _DictRequest(built))  # type: ignore[arg-type]
    if "response" not in case:
        if build_error is not None:
            return _settle_error(build_error, expect_error, "build")
        if expect_error is not None:
            raise CaseFailed("build succeeded but an error was expected")
        return None
    try:
        outcome = gateway.parse(operation, _plain(case["response"]))
    except PspError as e:
        return _settle_error(e, expect_error, "parse")
    return _settle_value(_load(json.dumps(outcome)), expect, expect_error)
