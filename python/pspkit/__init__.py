"""pspkit: payment service provider integrations from one pure Rust core.

    gateway = pspkit.Gateway({"provider": "paystar", "payoutToken": "..."})
    request = gateway.build({"type": "get_payout", "merchantId": "M-2"})    # a dict to send
    outcome = gateway.parse({"type": "get_payout", "merchantId": "M-2"}, response_dict)

Plain dicts in and out, typed by `pspkit.types` (TypedDicts generated from the core's model);
every failure is one `PspError` (`code`, `retryable`, `http_status`, `provider_code`).
`Client(gateway).send(op)` does build -> HTTP -> parse; `Client.run(create_op)` drives one
payment to a final state (the core's `PaymentFlow`). The uniffi typed records (`Operation`,
`Outcome`, `PaymentFlow`, `StatusParser`, ...) stay available here and in `pspkit.records`.

Everything but the error types loads on first use (PEP 562), so `import pspkit` is cheap.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import ErrorCode, PspError

if TYPE_CHECKING:
    from . import records, types
    from ._generated.pspkit_ffi import BulkReader, PaymentFlow, StatusItem, StatusParser, StatusSummary
    # The typed records (ErrorCode excepted: pspkit.ErrorCode is the str enum of errors.py).
    from ._generated.pspkit_model import (
        Action,
        AttentionReason,
        Balance,
        BalanceQuery,
        BalanceReportRow,
        BankAccount,
        ButlerConfig,
        CallbackEvent,
        Capabilities,
        CardData,
        CardInfo,
        Context,
        CorefyConfig,
        Customer,
        Direction,
        DpayConfig,
        Flow,
        FlowOptions,
        GatewayConfig,
        HistoryEvent,
        HttpRequest,
        HttpResponse,
        KeyPair,
        ListQuery,
        NextAction,
        Operation,
        OrderRef,
        Outcome,
        PageInfo,
        Payment,
        PaymentOrder,
        PaymentStatus,
        PaynetConfig,
        PaystarConfig,
        PaystarHosts,
        Reason,
        Reply,
        Session,
        State,
        TransportError,
        TupayConfig,
    )
    from ._secret import Secret
    from .canonical import error_to_dict, from_dict, from_json, to_dict, to_json
    from .client import AsyncClient, Client, HttpTransport, HttpxTransport, UrllibTransport
    from .gateway import Gateway, IncomingRequest, utc_now
    from .lifecycle import AsyncCallbackInbox, CallbackInbox, InboxClosed
    from .status_batch import iter_states, parse_states

# name -> the module that defines it (relative to this package)
_LAZY = {
    "Gateway": ".gateway", "IncomingRequest": ".gateway", "utc_now": ".gateway",
    "Client": ".client", "AsyncClient": ".client", "HttpTransport": ".client",
    "HttpxTransport": ".client", "UrllibTransport": ".client",
    "CallbackInbox": ".lifecycle", "AsyncCallbackInbox": ".lifecycle", "InboxClosed": ".lifecycle",
    "Secret": "._secret",
    "error_to_dict": ".canonical", "from_dict": ".canonical", "from_json": ".canonical",
    "to_dict": ".canonical", "to_json": ".canonical",
    "iter_states": ".status_batch", "parse_states": ".status_batch",
    "PaymentFlow": ".records", "StatusItem": ".records", "StatusParser": ".records",
    "StatusSummary": ".records", "BulkReader": ".records",
}
_MODULES = {"types", "records"}


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        module = importlib.import_module(f".{name}", __name__)
        globals()[name] = module
        return module
    where = _LAZY.get(name)
    if where is None:
        if name.startswith("_"):  # submodules (`from . import _abi`) and dunders
            raise AttributeError(name)
        # Any other public name is a typed record or enum of the model.
        records = importlib.import_module(".records", __name__)
        try:
            value = getattr(records, name)
        except AttributeError:
            raise AttributeError(f"module 'pspkit' has no attribute {name!r}") from None
    else:
        value = getattr(importlib.import_module(where, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | _MODULES | set(__all__))


__all__ = [
    "Action",
    "AsyncCallbackInbox",
    "AsyncClient",
    "CallbackEvent",
    "CallbackInbox",
    "Capabilities",
    "Client",
    "Context",
    "ErrorCode",
    "FlowOptions",
    "Gateway",
    "GatewayConfig",
    "HttpRequest",
    "HttpResponse",
    "HttpTransport",
    "HttpxTransport",
    "InboxClosed",
    "IncomingRequest",
    "Operation",
    "OrderRef",
    "Outcome",
    "Payment",
    "PaymentFlow",
    "PaymentOrder",
    "PspError",
    "Reply",
    "Secret",
    "State",
    "StatusItem",
    "StatusParser",
    "StatusSummary",
    "BulkReader",
    "TransportError",
    "UrllibTransport",
    "error_to_dict",
    "from_dict",
    "from_json",
    "iter_states",
    "parse_states",
    "records",
    "to_dict",
    "to_json",
    "types",
    "utc_now",
]
