"""`Client`: build -> send -> parse with the platform's HTTP and a timeout, nothing else.

The default transport is the standard library (`urllib`); `AsyncClient` and `HttpxTransport`
use httpx (`pip install pspkit[httpx]`). A transport failure (timeout, refused or dropped
connection) is raised as a `PspError` with code `temporarily_unavailable` (and the flow's
`TransportError` kind in its `transport_kind` attribute): after a *create* call the outcome is
then unknown, and the safe next step is a status call by merchant id, never a blind re-create
(DESIGN §5).

`run(create_op)` does all of that for one payment: it drives the core's `PaymentFlow` (safe
create, polling, backoff, deadline, callbacks) with this client's transport and real time; see
`lifecycle.py`.
"""
from __future__ import annotations

import http.client
import secrets
import socket
import ssl
import urllib.error
import urllib.request
from typing import TYPE_CHECKING, Any, Callable, Dict, Mapping, Optional, Protocol, Union, overload

from ._records import ffi as _ffi
from ._generated.pspkit_ffi import PaymentFlow
from ._generated.pspkit_model import (
    Action,
    CardData,
    Context,
    HttpRequest,
    HttpResponse,
    Operation,
    Outcome,
    TransportError,
)
from .errors import PspError
from .gateway import Gateway

if TYPE_CHECKING:
    from . import types

#: A dict-first `pspkit.Gateway`, or the record-level gateway (`pspkit.records.RecordGateway`).
AnyGateway = Union[Gateway, _ffi.Gateway]
from .lifecycle import (
    AsyncCallbackInbox,
    CallbackInbox,
    Options,
    StateHook,
    drive,
    drive_async,
    flow_options,
    recover_interrupted,
    resume_flow,
    utc_now,
)

DEFAULT_TIMEOUT = 30.0


def fresh_context() -> Context:
    """A context with the current time and a random nonce (the host's job, not the core's)."""
    return Context(now=utc_now(), nonce=secrets.token_hex(16))


def transport_error(what: str, kind: TransportError = TransportError.OTHER) -> PspError:
    """The error a transport raises when no HTTP response arrived.

    `kind` (kept as the `transport_kind` attribute) is what `run` reports to the flow.
    """
    return PspError(
        f"transport: {what}; the outcome is unknown: check the status by merchant id "
        "before creating again",
        code="temporarily_unavailable",
        retryable=True,
        transport_kind=kind,
    )


def kind_of(error: BaseException) -> TransportError:
    """The flow's transport error kind for an exception from the standard library."""
    if isinstance(error, urllib.error.URLError) and isinstance(error.reason, BaseException):
        return kind_of(error.reason)
    if isinstance(error, (socket.timeout, TimeoutError)):
        return TransportError.TIMEOUT
    if isinstance(error, ConnectionRefusedError):
        return TransportError.REFUSED
    if isinstance(
        error,
        (ConnectionResetError, ConnectionAbortedError, BrokenPipeError,
         http.client.RemoteDisconnected, http.client.IncompleteRead),
    ):
        return TransportError.RESET
    if isinstance(error, socket.gaierror):
        return TransportError.DNS
    if isinstance(error, ssl.SSLError):
        return TransportError.TLS
    return TransportError.OTHER


class HttpTransport(Protocol):
    """Sends one request and returns the response as received, whatever its status."""

    def send(self, request: HttpRequest, timeout: float) -> HttpResponse: ...


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # The core must see a provider's 3xx as it is; following it could replay a POST.
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class UrllibTransport:
    """The standard library transport. `timeout` bounds connecting and each read."""

    def __init__(self) -> None:
        self._opener = urllib.request.build_opener(_NoRedirect())

    def send(self, request: HttpRequest, timeout: float) -> HttpResponse:
        r = self.send_dict(
            {"method": request.method, "url": request.url, "headers": dict(request.headers),
             "body": request.body},
            timeout,
        )
        return HttpResponse(status=r["status"], headers=r["headers"], body=r["body"])

    def send_dict(self, request: "types.HttpRequest", timeout: float) -> "types.HttpResponse":
        """`send` on plain dicts (what the dict-first `Client.send` uses)."""
        body = request.get("body")
        data = body.encode("utf-8") if body else None
        req = urllib.request.Request(
            request["url"], data=data, headers=dict(request.get("headers") or {}),
            method=request["method"],
        )
        try:
            with self._opener.open(req, timeout=timeout) as resp:
                return _response_dict(resp.status, resp.headers.items(), resp.read())
        except urllib.error.HTTPError as e:
            try:
                err_body = e.read()
            except (OSError, http.client.HTTPException):
                err_body = b""
            return _response_dict(e.code, e.headers.items() if e.headers else [], err_body)
        except (socket.timeout, TimeoutError) as e:
            raise transport_error(f"no answer within {timeout} s", TransportError.TIMEOUT) from e
        except urllib.error.URLError as e:
            kind = kind_of(e)
            if kind == TransportError.TIMEOUT:
                raise transport_error(f"no answer within {timeout} s", kind) from e
            raise transport_error(f"connection failed ({e.reason})", kind) from e
        except (OSError, http.client.HTTPException) as e:
            raise transport_error(f"connection failed ({type(e).__name__})", kind_of(e)) from e


def _response_dict(status: int, headers: Any, body: bytes) -> "types.HttpResponse":
    merged: Dict[str, str] = {}
    for name, value in headers:
        key = name.lower()
        merged[key] = f"{merged[key]}, {value}" if key in merged else value
    return {"status": status, "headers": merged, "body": body.decode("utf-8", "replace")}


def _response(status: int, headers: Any, body: bytes) -> HttpResponse:
    r = _response_dict(status, headers, body)
    return HttpResponse(status=r["status"], headers=r["headers"], body=r["body"])


def _operation_record(op: Any) -> Operation:
    """A typed Operation from a dict (the flow works on records), or the record itself."""
    if isinstance(op, Mapping):
        from .canonical import from_dict

        return from_dict(Operation, dict(op))
    result: Operation = op
    return result


def _to_record(request: "types.HttpRequest") -> HttpRequest:
    return HttpRequest(method=request["method"], url=request["url"],
                       headers=dict(request.get("headers") or {}), body=request.get("body") or "")


def _to_dict(response: HttpResponse) -> "types.HttpResponse":
    return {"status": response.status, "headers": dict(response.headers), "body": response.body}


class Client:
    """build -> send -> parse for one gateway.

    >>> client = Client(Gateway({"provider": "paystar", "payoutToken": "..."}), timeout=10)
    >>> outcome = client.send({"type": "get_payout", "merchantId": "M-2"})   # a dict, or PspError
    >>> outcome = client.send(op, timeout=3)                                  # per-call timeout
    """

    def __init__(
        self,
        gateway: AnyGateway,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        transport: Optional[HttpTransport] = None,
        context: Optional[Callable[[], Context]] = None,
    ) -> None:
        self.gateway = gateway
        self.timeout = timeout
        self.transport: HttpTransport = transport or UrllibTransport()
        self._context = context or fresh_context

    @overload
    def send(self, operation: "types.Operation", context: None = None, *,
             timeout: Optional[float] = None, now: Optional[str] = None) -> "types.Outcome": ...

    @overload
    def send(self, operation: Operation, context: Optional[Context] = None, *,
             timeout: Optional[float] = None) -> Outcome: ...

    def send(self, operation: Any, context: Optional[Context] = None, *,
             timeout: Optional[float] = None, now: Optional[str] = None) -> Any:
        """Builds the request for `operation`, sends it and parses the answer.

        A dict operation gives a dict outcome; a typed record a record. `timeout` (seconds)
        overrides the client's for this call; `now` the time the request is built at."""
        wait = self.timeout if timeout is None else timeout
        if isinstance(operation, Mapping):
            if not isinstance(self.gateway, Gateway):
                raise PspError("a dict operation needs a dict-first pspkit.Gateway",
                               code="invalid_request")
            op: Any = operation
            request = self.gateway.build(op, now)
            return self.gateway.parse(op, self._send_dict(request, wait))
        request_record = self.gateway.build(operation, context or self._context())
        response = self.transport.send(request_record, wait)
        return self.gateway.parse(operation, response)

    def _send_dict(self, request: "types.HttpRequest", timeout: float) -> "types.HttpResponse":
        send_dict = getattr(self.transport, "send_dict", None)
        if send_dict is not None:
            result: "types.HttpResponse" = send_dict(request, timeout)
            return result
        return _to_dict(self.transport.send(_to_record(request), timeout))

    def run(
        self,
        create_op: Union[Operation, "types.Operation"],
        options: Options = None,
        on_state: Optional[StateHook] = None,
        *,
        callbacks: Optional[CallbackInbox] = None,
    ) -> Action:
        """Drives one payment from its create call to a final answer, blocking (real sleeps).

        Returns `Action.DONE` (the final payment), `Action.NEEDS_ATTENTION` (stopped without a
        trustworthy answer: deadline, rejected create, conflict, ...) or `Action.LATE_TRANSITION`.
        `options`: a `FlowOptions` or a dict of its canonical fields (`{"deadlineSeconds":
        600}`); without a seed a random one is used. `on_state(state_json)` runs after every
        step: store the text, and `resume` from it after a crash. `callbacks`: an inbox the
        web handler delivers the provider's callbacks to while the flow runs.
        """
        flow = self.gateway.start_flow(_operation_record(create_op), flow_options(options), utc_now())
        return self._drive(flow, on_state, callbacks)

    def resume(
        self,
        state_json: str,
        on_state: Optional[StateHook] = None,
        *,
        callbacks: Optional[CallbackInbox] = None,
        card: Optional[CardData] = None,
    ) -> Action:
        """Continues a flow stored by `run`'s `on_state` (after a crash or a restart).

        `card`: the create's card, supplied again (the stored state holds only its mask); a
        card create that must be re-sent without it ends with `Action.NEEDS_CARD_DATA`."""
        flow = resume_flow(self.gateway, state_json, card)
        recover_interrupted(flow)
        return self._drive(flow, on_state, callbacks)

    def _drive(
        self, flow: PaymentFlow, on_state: Optional[StateHook], callbacks: Optional[CallbackInbox]
    ) -> Action:
        return drive(flow, lambda r: self.transport.send(r, self.timeout), on_state, callbacks)


class HttpxTransport:
    """A synchronous transport on httpx (connection pooling); needs the `httpx` extra."""

    def __init__(self, client: Any = None) -> None:
        import httpx

        self._httpx = httpx
        self._client = client or httpx.Client(follow_redirects=False)

    def send(self, request: HttpRequest, timeout: float) -> HttpResponse:
        r = self.send_dict(
            {"method": request.method, "url": request.url, "headers": dict(request.headers),
             "body": request.body},
            timeout,
        )
        return HttpResponse(status=r["status"], headers=r["headers"], body=r["body"])

    def send_dict(self, request: "types.HttpRequest", timeout: float) -> "types.HttpResponse":
        """`send` on plain dicts."""
        httpx = self._httpx
        body = request.get("body")
        try:
            r = self._client.request(
                request["method"],
                request["url"],
                headers=dict(request.get("headers") or {}),
                content=body.encode("utf-8") if body else None,
                timeout=timeout,
            )
        except httpx.TimeoutException as e:
            raise transport_error(f"no answer within {timeout} s", TransportError.TIMEOUT) from e
        except httpx.TransportError as e:
            raise _httpx_failure(httpx, e) from e
        return _response_dict(r.status_code, r.headers.multi_items(), r.content)


def _httpx_failure(httpx: Any, e: Exception) -> PspError:
    """An httpx transport failure as the flow's kind: the cause chain names the socket error."""
    kind = TransportError.OTHER
    cause: Optional[BaseException] = e
    while cause is not None and kind == TransportError.OTHER:
        kind = kind_of(cause)
        cause = cause.__cause__ or cause.__context__
    if kind == TransportError.OTHER:
        if isinstance(e, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
            kind = TransportError.RESET
        elif isinstance(e, httpx.ConnectError):
            text = str(e).lower()
            kind = TransportError.REFUSED if "refused" in text else TransportError.OTHER
    return transport_error(f"connection failed ({type(e).__name__})", kind)


class AsyncClient:
    """build -> send -> parse on httpx's async client; needs the `httpx` extra.

    The core calls are pure and fast (microseconds), so they run inline on the event loop.
    """

    def __init__(
        self,
        gateway: AnyGateway,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        client: Any = None,
        context: Optional[Callable[[], Context]] = None,
    ) -> None:
        import httpx

        self._httpx = httpx
        self.gateway = gateway
        self.timeout = timeout
        self._client = client or httpx.AsyncClient(follow_redirects=False)
        self._context = context or fresh_context

    @overload
    async def send(self, operation: "types.Operation", context: None = None, *,
                   timeout: Optional[float] = None, now: Optional[str] = None) -> "types.Outcome": ...

    @overload
    async def send(self, operation: Operation, context: Optional[Context] = None, *,
                   timeout: Optional[float] = None) -> Outcome: ...

    async def send(self, operation: Any, context: Optional[Context] = None, *,
                   timeout: Optional[float] = None, now: Optional[str] = None) -> Any:
        """`Client.send` on asyncio (dicts in and out, or typed records)."""
        wait = self.timeout if timeout is None else timeout
        if isinstance(operation, Mapping):
            if not isinstance(self.gateway, Gateway):
                raise PspError("a dict operation needs a dict-first pspkit.Gateway",
                               code="invalid_request")
            op: Any = operation
            request = self.gateway.build(op, now)
            return self.gateway.parse(op, await self._send_dict(request, wait))
        request_record = self.gateway.build(operation, context or self._context())
        response = await self._send_request(request_record, wait)
        return self.gateway.parse(operation, response)

    async def run(
        self,
        create_op: Union[Operation, "types.Operation"],
        options: Options = None,
        on_state: Optional[StateHook] = None,
        *,
        callbacks: Optional[AsyncCallbackInbox] = None,
    ) -> Action:
        """`Client.run` on asyncio: waits are `asyncio.sleep`, requests go through httpx."""
        flow = self.gateway.start_flow(_operation_record(create_op), flow_options(options), utc_now())
        return await drive_async(flow, self._send_request, on_state, callbacks)

    async def resume(
        self,
        state_json: str,
        on_state: Optional[StateHook] = None,
        *,
        callbacks: Optional[AsyncCallbackInbox] = None,
        card: Optional[CardData] = None,
    ) -> Action:
        """`Client.resume` on asyncio."""
        flow = resume_flow(self.gateway, state_json, card)
        recover_interrupted(flow)
        return await drive_async(flow, self._send_request, on_state, callbacks)

    async def _send_request(self, request: HttpRequest, timeout: Optional[float] = None) -> HttpResponse:
        r = await self._send_dict(
            {"method": request.method, "url": request.url, "headers": dict(request.headers),
             "body": request.body},
            self.timeout if timeout is None else timeout,
        )
        return HttpResponse(status=r["status"], headers=r["headers"], body=r["body"])

    async def _send_dict(self, request: "types.HttpRequest", timeout: float) -> "types.HttpResponse":
        httpx = self._httpx
        body = request.get("body")
        try:
            r = await self._client.request(
                request["method"],
                request["url"],
                headers=dict(request.get("headers") or {}),
                content=body.encode("utf-8") if body else None,
                timeout=timeout,
            )
        except httpx.TimeoutException as e:
            raise transport_error(f"no answer within {timeout} s", TransportError.TIMEOUT) from e
        except httpx.TransportError as e:
            raise _httpx_failure(httpx, e) from e
        return _response_dict(r.status_code, r.headers.multi_items(), r.content)

    async def aclose(self) -> None:
        await self._client.aclose()
