"""pspkit: payment service provider integrations from one pure Rust core.

Make a `Gateway` from a config, then `build` -> send -> `parse` (or let `Client` do all three).
The model (Operation, Outcome, Payment, ...) is generated from the core; every failure is one
`PspError` with `code`, `retryable`, `http_status`, `provider_code` and `detail`.

One payment from create to a final state: `Client(gateway).run(create_op, on_state=store)` drives
the core's `PaymentFlow` (safe creates, polling, callbacks) with real HTTP and time.

Hot paths: `Gateway.status_parser(operation_json)` prepares a `StatusParser` once; its
`parse(status, body)` returns a flat `StatusSummary`, and `parse_states(parser, answers)` parses
many answers in one boundary crossing (see README "Python performance").
"""
from __future__ import annotations

from ._generated.pspkit_ffi import (
    Gateway,
    PaymentFlow,
    PspError,
    StatusItem,
    StatusParser,
    StatusSummary,
)
from ._generated.pspkit_model import *  # noqa: F401,F403  (the model's records and enums)
from ._generated.pspkit_model import (
    Action,
    CallbackEvent,
    Capabilities,
    Context,
    ErrorCode,
    FlowOptions,
    GatewayConfig,
    HttpRequest,
    HttpResponse,
    Operation,
    OrderRef,
    Outcome,
    Payment,
    PaymentOrder,
    Reply,
    State,
    TransportError,
)
from ._secret import Secret
from .canonical import error_to_dict, from_dict, from_json, to_dict, to_json
from .client import AsyncClient, Client, HttpTransport, HttpxTransport, UrllibTransport
from .lifecycle import AsyncCallbackInbox, CallbackInbox, InboxClosed
from .status_batch import iter_states, parse_states

__all__ = [
    "Action",
    "AsyncCallbackInbox",
    "AsyncClient",
    "CallbackInbox",
    "CallbackEvent",
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
    "TransportError",
    "UrllibTransport",
    "error_to_dict",
    "from_dict",
    "from_json",
    "iter_states",
    "parse_states",
    "to_dict",
    "to_json",
]
