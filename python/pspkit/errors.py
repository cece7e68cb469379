"""`PspError`: the one exception pspkit raises (DESIGN §5), and its `ErrorCode`.

A plain Python exception class (not a generated one), so `except PspError`, type checkers and
tracebacks all see what users expect: `str(e)` starts with the message; `e.code` (an
`ErrorCode`, which is a `str`: `e.code == "duplicate"` works), `e.retryable`, `e.http_status`,
`e.provider_code` and, for transport failures, `e.transport_kind` are typed attributes.
"""
from __future__ import annotations

import enum
import json
from typing import Any, Dict, Optional, Union


class ErrorCode(str, enum.Enum):
    """The stable error codes (DESIGN §5). Members are their snake_case strings."""

    INVALID_REQUEST = "invalid_request"
    UNAUTHORIZED = "unauthorized"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    DUPLICATE = "duplicate"
    LIMIT_EXCEEDED = "limit_exceeded"
    DECLINED = "declined"
    TEMPORARILY_UNAVAILABLE = "temporarily_unavailable"
    BAD_RESPONSE = "bad_response"
    INVALID_SIGNATURE = "invalid_signature"
    UNSUPPORTED = "unsupported"
    PROVIDER_ERROR = "provider_error"

    def __str__(self) -> str:
        return self.value


class PspError(Exception):
    """A failure pspkit reports: switch on `code`, never on the message.

    Only `temporarily_unavailable` is `retryable`. After a *create* ends in
    `temporarily_unavailable`, `bad_response` or a transport failure, the outcome is unknown:
    check the status by merchant id before creating again.
    """

    code: ErrorCode
    message: str
    retryable: bool
    http_status: Optional[int]
    provider_code: Optional[str]
    #: For a failure with no HTTP answer (timeout, refused, reset, ...): the flow's
    #: `TransportError` kind; None otherwise.
    transport_kind: Any

    def __init__(
        self,
        message: str,
        *,
        code: Union[ErrorCode, str],
        retryable: Optional[bool] = None,
        http_status: Optional[int] = None,
        provider_code: Optional[str] = None,
        transport_kind: Any = None,
    ) -> None:
        super().__init__(message)
        self.code = ErrorCode(code)
        self.message = message
        self.retryable = self.code is ErrorCode.TEMPORARILY_UNAVAILABLE if retryable is None else retryable
        self.http_status = http_status
        self.provider_code = provider_code
        self.transport_kind = transport_kind

    @property
    def detail(self) -> str:
        """The message (the name the uniffi records used)."""
        return self.message

    def __str__(self) -> str:
        extra = [f"code={self.code.value}"]
        if self.http_status is not None:
            extra.append(f"http_status={self.http_status}")
        if self.provider_code is not None:
            extra.append(f"provider_code={self.provider_code}")
        return f"{self.message} ({', '.join(extra)})"

    def __repr__(self) -> str:
        return f"PspError({self.message!r}, code={self.code.value!r})"

    def __reduce__(self) -> Any:
        return (_rebuild, (self.to_dict(),))

    def to_dict(self) -> Dict[str, Any]:
        """The DESIGN §5 error object (canonical JSON names)."""
        return {
            "code": self.code.value,
            "message": self.message,
            "retryable": self.retryable,
            "httpStatus": self.http_status,
            "providerCode": self.provider_code,
        }

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "PspError":
        return cls(
            str(data.get("message", "")),
            code=data["code"],
            retryable=data.get("retryable"),
            http_status=data.get("httpStatus"),
            provider_code=data.get("providerCode"),
        )

    @staticmethod
    def Failure(  # noqa: N802  (the name the uniffi error converter calls)
        code: Any, retryable: bool, http_status: Optional[int], provider_code: Optional[str],
        detail: str,
    ) -> "PspError":
        """Builds the error from the uniffi converter's fields (see `_records.py`)."""
        name = getattr(code, "name", str(code)).lower()
        return PspError(detail, code=name, retryable=retryable, http_status=http_status,
                        provider_code=provider_code)


def _rebuild(data: Dict[str, Any]) -> PspError:
    return PspError.from_dict(data)


def from_abi(out: bytes) -> PspError:
    """The error of a `!`-prefixed answer of the JSON ABI (bindings/uniffi/src/json_abi.rs)."""
    return PspError.from_dict(json.loads(out[1:]))
