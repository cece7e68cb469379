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
from typing import Any, Callable, Dict, Optional, Protocol

from ._generated.pspkit_ffi import Gateway, PaymentFlow, PspError
from ._generated.pspkit_model import (
    Action,
    CardData,
    Context,
    ErrorCode,
    HttpRequest,
    HttpResponse,
    Operation,
    Outcome,
    TransportError,
)
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
    error: PspError = PspError.Failure(  # type: ignore[attr-defined]
        code=ErrorCode.TEMPORARILY_UNAVAILABLE,
        retryable=True,
        http_status=None,
        provider_code=None,
        detail=f"transport: {what}; the outcome is unknown: check the status by merchant id "
        "before creating again",
    )
    error.transport_kind = kind  # type: ignore[attr-defined]
    return error


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
        data = request.body.encode("utf-8") if request.body else None
        req = urllib.request.Request(
            request.url, data=data, headers=dict(request.headers), method=request.method
        )
        try:
            with self._opener.open(req, timeout=timeout) as resp:
                return _response(resp.status, resp.headers.items(), resp.read())
        except urllib.error.HTTPError as e:
            try:
                body = e.read()
            except (OSError, http.client.HTTPException):
                body = b""
            return _response(e.code, e.headers.items() if e.headers else [], body)
        except (socket.timeout, TimeoutError) as e:
            raise transport_error(f"no answer within {timeout} s", TransportError.TIMEOUT) from e
        except urllib.error.URLError as e:
            kind = kind_of(e)
            if kind == TransportError.TIMEOUT:
                raise transport_error(f"no answer within {timeout} s", kind) from e
            raise transport_error(f"connection failed ({e.reason})", kind) from e
        except (OSError, http.client.HTTPException) as e:
            raise transport_error(f"connection failed ({type(e).__name__})", kind_of(e)) from e


def _response(status: int, headers: Any, body: bytes) -> HttpResponse:
    merged: Dict[str, str] = {}
    for name, value in headers:
        key = name.lower()
        merged[key] = f"{merged[key]}, {value}" if key in merged else value
    return HttpResponse(status=status, headers=merged, body=body.decode("utf-8", "replace"))


class Client:
    """build -> send -> parse for one gateway.

    >>> client = Client(Gateway.from_json(config_json), timeout=10)
    >>> outcome = client.send(operation)   # an Outcome, or raises PspError
    """

    def __init__(
        self,
        gateway: Gateway,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        transport: Optional[HttpTransport] = None,
        context: Optional[Callable[[], Context]] = None,
    ) -> None:
        self.gateway = gateway
        self.timeout = timeout
        self.transport: HttpTransport = transport or UrllibTransport()
        self._context = context or fresh_context

    def send(self, operation: Operation, context: Optional[Context] = None) -> Outcome:
        """Builds the request for `operation`, sends it and parses the answer."""
        request = self.gateway.build(operation, context or self._context())
        response = self.transport.send(request, self.timeout)
        return self.gateway.parse(operation, response)

    def run(
        self,
        create_op: Operation,
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
        flow = self.gateway.start_flow(create_op, flow_options(options), utc_now())
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
        httpx = self._httpx
        try:
            r = self._client.request(
                request.method,
                request.url,
                headers=dict(request.headers),
                content=request.body.encode("utf-8") if request.body else None,
                timeout=timeout,
            )
        except httpx.TimeoutException as e:
            raise transport_error(f"no answer within {timeout} s", TransportError.TIMEOUT) from e
        except httpx.TransportError as e:
            raise _httpx_failure(httpx, e) from e
        return _response(r.status_code, r.headers.multi_items(), r.content)


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
        gateway: Gateway,
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

    async def send(self, operation: Operation, context: Optional[Context] = None) -> Outcome:
        request = self.gateway.build(operation, context or self._context())
        response = await self._send_request(request)
        return self.gateway.parse(operation, response)

    async def run(
        self,
        create_op: Operation,
        options: Options = None,
        on_state: Optional[StateHook] = None,
        *,
        callbacks: Optional[AsyncCallbackInbox] = None,
    ) -> Action:
        """`Client.run` on asyncio: waits are `asyncio.sleep`, requests go through httpx."""
        flow = self.gateway.start_flow(create_op, flow_options(options), utc_now())
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

    async def _send_request(self, request: HttpRequest) -> HttpResponse:
        httpx = self._httpx
        try:
            r = await self._client.request(
                request.method,
                request.url,
                headers=dict(request.headers),
                content=request.body.encode("utf-8") if request.body else None,
                timeout=self.timeout,
            )
        except httpx.TimeoutException as e:
            raise transport_error(f"no answer within {self.timeout} s", TransportError.TIMEOUT) from e
        except httpx.TransportError as e:
            raise _httpx_failure(httpx, e) from e
        return _response(r.status_code, r.headers.multi_items(), r.content)

    async def aclose(self) -> None:
        await self._client.aclose()
