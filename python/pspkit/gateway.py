"""`Gateway`: the four calls of DESIGN §2 on plain dicts (the model's canonical JSON shape).

    gateway = Gateway({"provider": "paystar", "payoutToken": "..."})
    request = gateway.build({"type": "get_payout", "merchantId": "M-2"})   # now = current time
    outcome = gateway.parse({"type": "get_payout", "merchantId": "M-2"}, {"status": 200, "body": text})

Dicts go in and come out, typed by the TypedDicts in `pspkit.types` (generated from the core).
Each call is one JSON text into the core and one back (`_abi.py`), which is what keeps a single
call within a small factor of `json.loads` itself. The uniffi typed records still work: pass a
record (`pspkit.Operation.GET_PAYOUT(...)`) and get records back; `gateway.typed` is the
record-level gateway, `start_flow`/`resume_flow`/`status_parser` go to it.
"""
from __future__ import annotations

import ctypes
import json
import json.decoder
import json.encoder
import json.scanner
import time
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Iterable,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    TypedDict,
    Union,
    overload,
)

from . import _abi
from .errors import PspError, from_abi

if TYPE_CHECKING:  # the record types are only named in signatures
    from . import types
    from ._generated import pspkit_ffi as _ffi_types
    from ._generated import pspkit_model as _model

# The C encoder and scanner of the json module, made once: `json.dumps`/`json.loads` rebuild
# (or re-check) them on every call, which costs as much as a small document itself. No
# circular-reference check (model data is a tree; a cycle ends in RecursionError).
_c_make_encoder: Any = getattr(json.encoder, "c_make_encoder", None)
_encode: Any = _c_make_encoder(
    None, json.JSONEncoder().default, json.encoder.encode_basestring, None, ":", ",",
    False, False, True,
) if _c_make_encoder is not None else None
_scanner: Any = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]


def _dumps(value: Any) -> str:
    if _encode is not None:
        return "".join(_encode(value, 0))
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _loads(text: Union[str, bytes]) -> Any:
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    return _scanner(text, 0)[0]


_BANG = 33  # b"!"[0]: the ABI's error prefix


class IncomingRequest(TypedDict, total=False):
    """A callback as a web framework hands it over (`method`, `url` required).

    `body` is the raw body, `bytes` or `str` (never the parsed JSON: signatures cover the exact
    bytes); `headers` any mapping (a framework's headers object, `dict(request.headers)`).
    """

    method: str
    url: str
    headers: Mapping[str, str]
    body: Union[str, bytes]


def utc_now() -> str:
    """The current time as the core wants it: RFC 3339 UTC with seconds."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _context_json(now: Optional[str], nonce: Optional[str]) -> bytes:
    # surrogatepass: a lone surrogate reaches the core, which names the field (input_error.rs).
    return _dumps({"now": now or utc_now(), "nonce": nonce}).encode("utf-8", "surrogatepass")


def _text(value: Any, field: str) -> bytes:
    if value is None:
        return b""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise PspError(
        f"{field}: pass the raw body as str or bytes (got {type(value).__name__}); a parsed "
        "body cannot be checked against its signature",
        code="invalid_request",
    )


def _header_map(headers: Any, field: str) -> Dict[str, str]:
    try:
        items = headers.items() if hasattr(headers, "items") else headers
        return {str(k).lower(): str(v) for k, v in items}
    except (TypeError, ValueError):
        raise PspError(f"{field}: must be a mapping of header names to values",
                       code="invalid_request") from None


def _headers(headers: Any, field: str) -> bytes:
    if not headers:
        return b""
    # surrogatepass: a lone surrogate reaches the core, which names the header (input_error.rs).
    return _dumps(_header_map(headers, field)).encode("utf-8", "surrogatepass")


def _dict_of(value: Any, field: str) -> bytes:
    try:
        return _dumps(value).encode("utf-8", "surrogatepass")
    except (TypeError, ValueError, RecursionError) as e:
        raise PspError(f"{field}: not plain JSON data ({e})", code="invalid_request") from None


_INT_MAX = 0x7FFFFFFF  # the ABI's lengths are C ints (json_abi.rs)


def _too_large() -> PspError:
    return PspError("request too large: each text passed to pspkit must be under 2 GiB",
                    code="invalid_request")


class Gateway:
    """A provider gateway made from a config dict (`pspkit.types.GatewayConfig`).

    Raises `PspError` (`invalid_request`, naming the field) when the config is refused.
    """

    __slots__ = ("_handle", "_call", "_free", "_config_json", "_typed", "_last_op", "provider")

    def __init__(self, config: Union["types.GatewayConfig", Mapping[str, Any], "_model.GatewayConfig"]) -> None:
        self._handle: Any = None  # a ctypes.c_void_p: passed as is, it skips a conversion per call
        self._typed: Any = None
        # (a copy of the last flat operation dict, its JSON): see `_operation_json`.
        self._last_op: Tuple[Optional[Dict[str, Any]], bytes] = (None, b"")
        if isinstance(config, Mapping):
            text = _dict_of(dict(config), "config")
        else:  # a typed GatewayConfig record
            from .canonical import to_json

            text = to_json(config, secrets="reveal").encode("utf-8", "surrogatepass")
        lib = _abi.lib()
        error = ctypes.c_char_p()
        handle = lib.pspkit_json_gateway_new(text, len(text), ctypes.byref(error))
        if not handle:
            raise from_abi(error.value or b'!{"code":"invalid_request","message":"config: refused"}')
        self._handle = ctypes.c_void_p(handle)
        self._call = lib.pspkit_json_call
        self._free = lib.pspkit_json_gateway_free
        self._config_json = text  # kept for the typed gateway; never printed
        self.provider: str = str(_loads(text).get("provider", ""))

    @classmethod
    def from_json(cls, config_json: str) -> "Gateway":
        """A gateway from the config's canonical JSON text."""
        try:
            data = _loads(config_json)
        except ValueError:
            raise PspError("config: is not valid JSON", code="invalid_request") from None
        if not isinstance(data, dict):
            raise PspError("config: must be a JSON object", code="invalid_request")
        return cls(data)

    def __del__(self) -> None:
        handle = getattr(self, "_handle", None)
        if handle:
            self._handle = None
            self._free(handle)

    def __repr__(self) -> str:
        return f"Gateway(provider={self.provider!r})"

    def _run(self, call: int, a: bytes, b: bytes = b"", status: int = 0, c: bytes = b"") -> Any:
        if len(a) | len(b) | len(c) > _INT_MAX:  # see `parse`
            raise _too_large()
        out = self._call(self._handle, call, a, len(a), b, len(b), status, c, len(c))
        if out[0] == _BANG:
            raise from_abi(out)
        return _loads(out)

    def _operation_json(self, operation: Any) -> bytes:
        """The operation's JSON, reused when it equals the last one.

        A poller passes the same operation again and again; comparing a small dict costs a
        fraction of encoding it. Only a flat dict of `str` keys to `str`/`None` values is kept
        (as a copy): for those, equality means the same JSON document (a nested or numeric
        value could compare equal yet encode differently, `1 == True`), and a later mutation of
        the caller's dict cannot reach the copy. The native side likewise keeps the operation
        it read from the last bytes (json_abi.rs), so equal bytes skip its input reader too.
        """
        last, text = self._last_op
        if last is not None and type(operation) is dict and operation == last:
            return text
        try:
            text = "".join(_encode(operation, 0)).encode() if _encode else _dict_of(operation, "operation")
        except (TypeError, ValueError, RecursionError, UnicodeError):
            return _dict_of(operation, "operation")  # raises the error naming the field
        if type(operation) is dict and len(operation) <= 16 and all(
                type(k) is str and (type(v) is str or v is None) for k, v in operation.items()):
            self._last_op = (dict(operation), text)  # one tuple: a reader sees a matched pair
        return text

    # ---- the four calls --------------------------------------------------------------------

    @overload
    def build(self, operation: "types.Operation", now: Optional[str] = None, *,
              nonce: Optional[str] = None) -> "types.HttpRequest": ...

    @overload
    def build(self, operation: "_model.Operation", now: "Optional[_model.Context]" = None) -> "_model.HttpRequest": ...

    def build(self, operation: Any, now: Any = None, *, nonce: Optional[str] = None) -> Any:
        """The request to send for `operation`; `now` (RFC 3339 UTC) defaults to the current
        time; `nonce` is passed on to providers that sign with one."""
        if isinstance(operation, Mapping):
            if now is not None and not isinstance(now, str):
                raise PspError("now: an RFC 3339 UTC time string, e.g. 2026-01-01T00:00:00Z",
                               code="invalid_request")
            return self._run(_abi.CALL_BUILD, _dict_of(operation, "operation"),
                             _context_json(now, nonce))
        return self.typed.build(operation, self._record_context(now, nonce))

    @overload
    def parse(self, operation: "types.Operation", response: "types.HttpResponse") -> "types.Outcome": ...

    @overload
    def parse(self, operation: "_model.Operation", response: "_model.HttpResponse") -> "_model.Outcome": ...

    def parse(self, operation: Any, response: Any) -> Any:
        """The provider's answer to `operation` (the operation that was built), normalized."""
        # The hot path (status polling): plain dicts, checked by type first (cheaper than the
        # Mapping ABC), the body passed as raw bytes beside the operation's JSON.
        if type(operation) is dict or isinstance(operation, Mapping):
            status = response.get("status")
            if type(status) is not int or not 0 <= status <= 0xFFFF:
                raise PspError("response.status: the HTTP status code (an int) is required",
                               code="invalid_request")
            a = self._operation_json(operation)
            body = response.get("body")
            b = body.encode("utf-8", "surrogatepass") if type(body) is str else _text(body, "response.body")
            headers = response.get("headers")
            c = _headers(headers, "response.headers") if headers else b""
            # ctypes passes each int as a C int and truncates one beyond it silently: a text of
            # 2 GiB or more is refused here (one OR of the lengths is below 2**31 iff each is).
            if len(a) | len(b) | len(c) > _INT_MAX:
                raise _too_large()
            out = self._call(self._handle, 2, a, len(a), b, len(b), status, c, len(c))
            if out[0] == 33:  # b"!": an error object follows
                raise from_abi(out)
            return _scanner(out.decode(), 0)[0]
        return self.typed.parse(operation, response)

    @overload
    def parse_callback(self, request: Union["types.HttpRequest", IncomingRequest],
                       now: Optional[str] = None) -> "types.CallbackEvent": ...

    @overload
    def parse_callback(self, request: "_model.HttpRequest",
                       now: "Optional[_model.Context]" = None) -> "_model.CallbackEvent": ...

    def parse_callback(self, request: Any, now: Any = None) -> Any:
        """Verifies and reads a callback the provider sent; answer it with `event["reply"]`.

        `request["body"]` must be the raw body (str or bytes) exactly as received."""
        if isinstance(request, Mapping):
            body = _text(request.get("body"), "request.body").decode("utf-8", "replace")
            data = {"method": request.get("method"), "url": request.get("url"),
                    "headers": _header_map(request.get("headers") or {}, "request.headers"),
                    "body": body}
            if not isinstance(data["method"], str) or not isinstance(data["url"], str):
                raise PspError("request: method and url (the full URL the callback came to) "
                               "are required", code="invalid_request")
            return self._run(_abi.CALL_PARSE_CALLBACK,
                             _dumps(data).encode("utf-8", "surrogatepass"), _context_json(now, None))
        return self.typed.parse_callback(request, self._record_context(now, None))

    def capabilities(self) -> "types.Capabilities":
        """Which operations and callbacks this provider supports."""
        result: "types.Capabilities" = self._run(_abi.CALL_CAPABILITIES, b"")
        return result

    # ---- batches ---------------------------------------------------------------------------

    def parse_states(self, operation: "types.Operation",
                     answers: Sequence[Tuple[int, str]]) -> List[str]:
        """The state (`"succeeded"`, ...) of each `(http_status, body)` answer to one status
        operation, or `"!"` and the error code (`"!bad_response"`): one crossing for all."""
        if not answers:
            return []
        sep = "\x1e"
        text = sep.join([f"{status} {body}" for status, body in answers])
        if text.count(sep) != len(answers) - 1:  # a body holds it (valid JSON never does raw)
            return [self._one_state(operation, status, body) for status, body in answers]
        joined = text.encode()
        a = self._operation_json(operation)
        if len(a) | len(joined) > _INT_MAX:  # see `parse`
            raise _too_large()
        out = self._call(self._handle, _abi.CALL_PARSE_STATES, a, len(a), joined, len(joined), 0, None, 0)
        if out[:1] == b"!" and out[1:2] == b"{":
            raise from_abi(out)
        states: List[str] = out.decode().split(sep)
        return states

    def _one_state(self, operation: "types.Operation", status: int, body: str) -> str:
        try:
            outcome = self.parse(operation, {"status": status, "body": body})
        except PspError as e:
            return "!" + e.code.value
        return outcome["payment"]["status"]["state"] if outcome["type"] == "payment" else "!invalid_request"

    def iter_states(self, operation: "types.Operation", answers: Iterable[Tuple[int, str]],
                    chunk: int = 256) -> Iterable[str]:
        """`parse_states` over a stream, `chunk` answers per crossing."""
        batch: List[Tuple[int, str]] = []
        for answer in answers:
            batch.append(answer)
            if len(batch) >= chunk:
                yield from self.parse_states(operation, batch)
                batch = []
        if batch:
            yield from self.parse_states(operation, batch)

    # ---- the typed records and the flow -----------------------------------------------------

    @property
    def typed(self) -> "_ffi_types.Gateway":
        """The same gateway on the uniffi typed records (loaded on first use)."""
        if self._typed is None:
            from ._records import ffi

            self._typed = ffi.Gateway.from_json(self._config_json.decode())
        return self._typed  # type: ignore[no-any-return]

    @staticmethod
    def _record_context(now: Any, nonce: Optional[str]) -> Any:
        from ._records import model

        if isinstance(now, model.Context):
            return now
        return model.Context(now=now or utc_now(), nonce=nonce)

    def start_flow(self, create: "_model.Operation", options: "_model.FlowOptions", now: str) -> "_ffi_types.PaymentFlow":
        """Starts a payment flow (the core's lifecycle driver); see `Client.run`."""
        return self.typed.start_flow(create, options, now)

    def resume_flow(self, state_json: str) -> "_ffi_types.PaymentFlow":
        return self.typed.resume_flow(state_json)

    def resume_flow_with_card(self, state_json: str, card: "_model.CardData") -> "_ffi_types.PaymentFlow":
        return self.typed.resume_flow_with_card(state_json, card)

    def status_parser(self, operation_json: str) -> "_ffi_types.StatusParser":
        """A prepared parser for one status operation (typed `StatusSummary` results)."""
        return self.typed.status_parser(operation_json)

    def parse_status(self, operation_json: str, status: int, body: str) -> "_ffi_types.StatusSummary":
        return self.typed.parse_status(operation_json, status, body)

    def build_json(self, operation_json: str, context_json: str) -> str:
        return self.typed.build_json(operation_json, context_json)

    def parse_json(self, operation_json: str, response_json: str) -> str:
        return self.typed.parse_json(operation_json, response_json)

    def parse_callback_json(self, request_json: str, context_json: str) -> str:
        return self.typed.parse_callback_json(request_json, context_json)


__all__ = ["Gateway", "IncomingRequest", "utc_now"]
