"""The uniffi typed records and objects (generated from the core at build time), in one place.

`pspkit.Gateway` works on plain dicts; these are the record-level types for code that prefers
them (`pspkit.Operation.GET_PAYOUT(pspkit.OrderRef(...))`), the lifecycle driver
`PaymentFlow` and the hot-path `StatusParser`. Every failure is `pspkit.PspError`.
"""
from __future__ import annotations

from ._records import ffi as _ffi
from ._records import model as _model
from ._generated.pspkit_model import *  # noqa: F401,F403
from ._generated.pspkit_ffi import (  # noqa: F401
    BulkReader,
    PaymentFlow,
    StatusItem,
    StatusParser,
    StatusSummary,
)

#: The records' own error-code enum (what `StatusItem.error_code` and `Action` fields hold);
#: `pspkit.ErrorCode` is the str enum `PspError.code` uses.
RecordErrorCode = _model.ErrorCode

#: The record-level gateway (typed records in and out); `pspkit.Gateway.typed` is one.
RecordGateway = _ffi.Gateway
