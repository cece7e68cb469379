"""Model objects to and from the canonical JSON of DESIGN §3 (for storage, logs and vectors).

The conversion itself is the core's serde, reached through one call each way, so field names and
enum spellings are never restated in Python.
"""
from __future__ import annotations

import json
from typing import Any, Callable, Dict, Tuple, Type, TypeVar, Union

from ._generated import pspkit_ffi as _ffi
from ._generated import pspkit_model as _model

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


def _codec(cls: type) -> Tuple[Callable[[Any], str], Callable[[str], Any]]:
    for base in cls.__mro__:
        codec = _CODECS.get(base)
        if codec is not None:
            return codec
    raise TypeError(f"{cls.__name__} has no canonical JSON form")


def to_json(value: Any) -> str:
    """The canonical JSON text of a model object (GatewayConfig, Operation, Outcome, ...)."""
    return _codec(type(value))[0](value)


def to_dict(value: Any) -> Any:
    """The canonical JSON of a model object as plain Python data."""
    return json.loads(to_json(value))


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
    if not isinstance(error, _ffi.PspError):
        raise TypeError("not a PspError")
    e: Any = error
    return {
        "code": e.code.name.lower(),
        "message": e.detail,
        "retryable": e.retryable,
        "httpStatus": e.http_status,
        "providerCode": e.provider_code,
    }
