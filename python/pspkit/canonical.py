"""Model objects to and from the canonical JSON of DESIGN §3 (for storage, logs and vectors).

The conversion itself is the core's serde, reached through one call each way, so field names and
enum spellings are never restated in Python.
"""
from __future__ import annotations

import json
from typing import Any, Callable, Dict, Tuple, Type, TypeVar, Union

from ._records import ffi as _ffi
from ._records import model as _model
from .errors import PspError

T = TypeVar("T")

# Model type -> (to_json, from_json), both implemented by the core.
_CODECS: Dict[type, Tuple[Callable[[Any], str], Callable[[str], Any]]] = {
    _model.GatewayConfig: (_ffi.gateway_config_to_json, _ffi.gateway_config_from_json),
    _model.Operation: (_ffi.operation_to_json, _ffi.operation_from_json),
    _model.Context: (_ffi.context_to_json, _ffi.context_from_json),
    _model.HttpRequest: (_ffi.http_request_to_json, _ffi.http_request_from_json),
    _model.HttpResponse: (_ffi.http_response_to_json, _ffi.http_response_from_json),
    _model.Outcome: (_ffi.outcome_to_json, _ffi.outcome_from_json),
    _model.Payment: (_ffi.payment_to_json, _ffi.payment_from_json),
    _model.CallbackEvent: (_ffi.callback_event_to_json, _ffi.callback_event_from_json),
    _model.Capabilities: (_ffi.capabilities_to_json, _ffi.capabilities_from_json),
}


# Model type -> its redacted JSON for logs (DESIGN §8), the core's one policy.
_LOG: Dict[type, Callable[[Any], str]] = {
    _model.GatewayConfig: _ffi.gateway_config_to_log_json,
    _model.Operation: _ffi.operation_to_log_json,
    _model.Context: _ffi.context_to_log_json,
    _model.HttpRequest: _ffi.http_request_to_log_json,
    _model.HttpResponse: _ffi.http_response_to_log_json,
    _model.Outcome: _ffi.outcome_to_log_json,
    _model.Payment: _ffi.payment_to_log_json,
    _model.CallbackEvent: _ffi.callback_event_to_log_json,
    _model.Capabilities: _ffi.capabilities_to_log_json,
}

_SECRETS = ("redact", "reveal")


def _log_codec(cls: type) -> Callable[[Any], str]:
    for base in cls.__mro__:
        codec = _LOG.get(base)
        if codec is not None:
            return codec
    raise TypeError(f"{cls.__name__} has no canonical JSON form")


def _codec(cls: type) -> Tuple[Callable[[Any], str], Callable[[str], Any]]:
    for base in cls.__mro__:
        codec = _CODECS.get(base)
        if codec is not None:
            return codec
    raise TypeError(f"{cls.__name__} has no canonical JSON form")


def to_json(value: Any, *, secrets: str = "redact") -> str:
    """The canonical JSON text of a model object (GatewayConfig, Operation, Outcome, ...).

    By default the text is safe to log: secrets are `***`, card numbers masked 6x4, CVVs and
    card tokens `***`, PANs in free text masked. `secrets="reveal"` gives the storable form,
    secrets and card data in clear, which `from_json` reads back; ask for it only to store a
    config in a secret store, never for a log.
    """
    if secrets not in _SECRETS:
        raise ValueError(f"secrets must be 'redact' or 'reveal', not {secrets!r}")
    if secrets == "reveal":
        return _codec(type(value))[0](value)
    return _log_codec(type(value))(value)


def to_dict(value: Any, *, secrets: str = "redact") -> Any:
    """The canonical JSON of a model object as plain Python data (see `to_json`)."""
    return json.loads(to_json(value, secrets=secrets))


def from_json(cls: Type[T], text: str) -> T:
    """Reads a model object of type `cls` from its canonical JSON text.

    Raises `PspError` (code `invalid_request`) when the JSON does not describe a `cls`.
    """
    result: T = _codec(cls)[1](text)
    return result


def from_dict(cls: Type[T], data: Union[Dict[str, Any], Any]) -> T:
    """Reads a model object of type `cls` from plain Python data shaped as canonical JSON."""
    return from_json(cls, json.dumps(data))


def error_to_dict(error: BaseException) -> Dict[str, Any]:
    """A `PspError` as the DESIGN §5 error object (`code` in snake_case, `message` = detail)."""
    if not isinstance(error, PspError):
        raise TypeError("not a PspError")
    return error.to_dict()
