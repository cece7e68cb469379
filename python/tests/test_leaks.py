"""The leak test (DESIGN §8): every vector through the Python API, every string form scanned.

For each case of every vector file (flows included) the config's secrets and the full card
numbers and CVVs the case carries are collected from the vector itself, independently of
pspkit; then `repr`, `str` and the default (log) `to_json` of every model object the case
produces (config, operation, request, outcome, event, flow state and actions) and every error
message are scanned for them. Any hit fails. The request objects must hold the secrets to be
sent, so their *string forms* are scanned, not their fields.
"""
from __future__ import annotations

import json
import re
from typing import Any, Dict, Iterable, List, Set, Tuple

import pspkit
from pspkit import Context, Gateway, HttpRequest, HttpResponse, Operation, PspError

from vector_runner import _dumps, vector_cases, vectors_dir

# Field names that hold credentials in the providers' configs (DESIGN §3 and the provider
# fact sheets); written here, not taken from pspkit.
SUMMARY = ""

SECRET_FIELDS = {
    "depositToken", "payoutToken", "callbackKey", "privateKey", "secret", "merchantControl",
    "depositSecret", "cashoutPass", "cashoutSecret", "reconciliationPassword",
}


def _walk(value: Any) -> Iterable[Tuple[str, Any]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield k, v
            yield from _walk(v)
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v)


def sensitive(file: Dict[str, Any], case: Dict[str, Any]) -> Tuple[Set[str], Set[str], Set[str]]:
    """(secrets, PAN digit strings, CVVs) that the case carries."""
    secrets: Set[str] = set()
    pans: Set[str] = set()
    cvvs: Set[str] = set()
    for source in (file.get("config"), case.get("config")):
        for k, v in _walk(source or {}):
            if k in SECRET_FIELDS and isinstance(v, str) and len(v.strip()) >= 6:
                secrets.add(v)
    for source in (case.get("build"), case.get("create"), case.get("steps")):
        for k, v in _walk(source or {}):
            if k == "card" and isinstance(v, dict):
                digits = re.sub(r"\D", "", str(v.get("number") or ""))
                if 12 <= len(digits) <= 19:
                    pans.add(digits)
                cvv = v.get("cvv")
                if isinstance(cvv, str) and cvv:
                    cvvs.add(cvv)
    return secrets, pans, cvvs


class Scanner:
    def __init__(self) -> None:
        self.checks = 0
        self.hits: List[str] = []

    def scan(self, where: str, text: str, secrets: Set[str], pans: Set[str], cvvs: Set[str]) -> None:
        digits = re.sub(r"\D", "", text)
        for s in secrets:
            self.checks += 1
            if s in text:
                self.hits.append(f"{where}: secret {s[:3]}… in {text[:160]!r}")
        for p in pans:
            self.checks += 1
            if p in text or p in digits:
                self.hits.append(f"{where}: full PAN {p[:6]}… in {text[:160]!r}")
        unescaped = text.replace('\\"', '"')
        for c in cvvs:
            self.checks += 1
            pair = r'(?i)"[a-z_]*cvv[a-z0-9_]*"\s*,\s*"value"\s*:\s*"' + re.escape(c) + '"'
            if (re.search(r'"(cvv|cardCvv|cvc)"\s*:\s*"' + re.escape(c) + '"', unescaped)
                    or re.search(pair, unescaped) or f"cvv={c}" in text):
                self.hits.append(f"{where}: CVV in {text[:160]!r}")

    def forms(self, where: str, obj: Any, secrets: Set[str], pans: Set[str], cvvs: Set[str]) -> None:
        texts = [repr(obj), str(obj)]
        try:
            texts.append(pspkit.to_json(obj))
        except TypeError:
            pass
        for t in texts:
            self.scan(where, t, secrets, pans, cvvs)

    def error(self, where: str, e: BaseException, secrets: Set[str], pans: Set[str], cvvs: Set[str]) -> None:
        self.scan(where, str(e), secrets, pans, cvvs)
        self.scan(where, repr(e), secrets, pans, cvvs)
        if isinstance(e, PspError):
            self.scan(where, json.dumps(pspkit.error_to_dict(e)), secrets, pans, cvvs)


def _run_plain(sc: Scanner, file: Dict[str, Any], case: Dict[str, Any], sens: Tuple[Set[str], Set[str], Set[str]]) -> None:
    config = case.get("config", file.get("config"))
    ctx = dict(file.get("context") or {})
    ctx.update(case.get("context") or {})
    try:
        context = pspkit.from_json(Context, _dumps(ctx))
        gateway = Gateway.from_json(_dumps(config))
    except PspError as e:
        sc.error("config", e, *sens)
        return
    if "callback" in case:
        try:
            request = pspkit.from_json(HttpRequest, _dumps(case["callback"]))
            sc.forms("callback request", request, *sens)
            sc.forms("event", gateway.parse_callback(request, context), *sens)
        except PspError as e:
            sc.error("parse_callback", e, *sens)
        return
    if "build" not in case:
        return
    try:
        operation = pspkit.from_json(Operation, _dumps(case["build"]))
        sc.forms("operation", operation, *sens)
        request = gateway.build(operation, context)
        sc.forms("request", request, *sens)
    except PspError as e:
        sc.error("build", e, *sens)
        return
    if "response" in case:
        try:
            response = pspkit.from_json(HttpResponse, _dumps(case["response"]))
            sc.forms("outcome", gateway.parse(operation, response), *sens)
        except PspError as e:
            sc.error("parse", e, *sens)


def _run_dicts(sc: Scanner, file: Dict[str, Any], case: Dict[str, Any], sens: Tuple[Set[str], Set[str], Set[str]]) -> None:
    """The dict-first API: the outcome and event dicts (what a host stores and logs), every
    error and the gateway's repr. The request dict holds the credentials it must send, so it
    is not scanned (like the request records' fields)."""
    config = json.loads(_dumps(case.get("config", file.get("config"))))
    ctx = dict(file.get("context") or {})
    ctx.update(case.get("context") or {})
    try:
        gateway = Gateway(config)
        sc.scan("dict gateway repr", repr(gateway), *sens)
    except PspError as e:
        sc.error("dict config", e, *sens)
        return
    try:
        if "callback" in case:
            event = gateway.parse_callback(json.loads(_dumps(case["callback"])), ctx.get("now"))
            sc.scan("dict event", json.dumps(event), *sens)
            return
        if "build" not in case:
            return
        operation = json.loads(_dumps(case["build"]))
        gateway.build(operation, ctx.get("now") or "2026-01-01T00:00:00Z")
        if "response" in case:
            outcome = gateway.parse(operation, json.loads(_dumps(case["response"])))
            sc.scan("dict outcome", json.dumps(outcome), *sens)
    except PspError as e:
        sc.error("dict call", e, *sens)


def _run_flow(sc: Scanner, file: Dict[str, Any], case: Dict[str, Any], sens: Tuple[Set[str], Set[str], Set[str]]) -> None:
    """Starts the flow and drives its polls, responses and callbacks as the vector does, scanning
    the stored state after every step and every action and error on the way."""
    config = case.get("config", file.get("config"))
    try:
        create = pspkit.from_json(Operation, _dumps(case["create"]))
        sc.forms("create", create, *sens)
        flow = pspkit.PaymentFlow.start_json(
            _dumps(config), _dumps(case["create"]), _dumps(case.get("options") or {}), case["start"])
    except (PspError, KeyError) as e:
        sc.error("flow start", e, *sens)
        return
    for step in case.get("steps", []):
        try:
            if "poll" in step:
                sc.forms("action", flow.poll(step["poll"]), *sens)
            elif "response" in step:
                flow.handle_response(step["now"], pspkit.from_json(HttpResponse, _dumps(step["response"])))
            elif "callback" in step:
                reply = flow.handle_callback(step["now"], pspkit.from_json(HttpRequest, _dumps(step["callback"])))
                sc.forms("reply", reply, *sens)
        except PspError as e:
            sc.error("flow step", e, *sens)
        except Exception:  # a step kind this scan does not drive (supplyCard, state, ...)
            pass
        try:
            sc.scan("state_json", flow.state_json(), *sens)
        except PspError as e:
            sc.error("state_json", e, *sens)


def test_no_string_form_leaks_a_secret_pan_or_cvv() -> None:
    sc = Scanner()
    cases = vector_cases(vectors_dir())
    for _, file, case in cases:
        if "_file_error" in file:
            continue
        sens = sensitive(file, case)
        config = case.get("config", file.get("config"))
        if config is not None:
            try:
                sc.forms("config", pspkit.from_json(pspkit.GatewayConfig, _dumps(config)), *sens)
            except PspError as e:
                sc.error("config", e, *sens)
        if file.get("kind") == "flow":
            _run_flow(sc, file, case, sens)
        else:
            _run_plain(sc, file, case, sens)
            _run_dicts(sc, file, case, sens)
    global SUMMARY
    SUMMARY = f"python leak: {sc.checks} checks, {len(sc.hits)} hits"  # printed by conftest.py
    assert sc.checks > 10000, "the leak test checked almost nothing"
    assert not sc.hits, "\n".join(sc.hits[:20])
