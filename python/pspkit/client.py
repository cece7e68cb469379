"""`Client`: build -> send -> parse with the platform's HTTP and a timeout, nothing else.

The default transport is the standard library (`urllib`); `AsyncClient` and `HttpxTransport`
use httpx (`pip install pspkit[httpx]`). A transport failure (timeout, refused or dropped
connection) is raised as a `PspError` with code `temporarily_unavailable`: after a *create*
call the outcome is then unknown, and the safe next step is a status call by merchant id, never
a blind re-create (DESIGN §5).
"""
from __future__ import annotations

import datetime
import http.client
import secrets
import socket
import urllib.error
import urllib.request
from typing import Any, Callable, Dict, Optional, Protocol

from ._generated.pspkit_ffi import Gateway, PspError
from ._generated.pspkit_model import (
    Context,
    ErrorCode,
    HttpRequest,
    HttpResponse,
    Operation,
    Outcome,
)

DEFAULT_TIMEOUT = 30.0


def utc_now() -> str:
    """The current time as the core wants it: RFC 3339 UTC with seconds."""
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def fresh_context() -> Context:
    """A context with the current time and a random nonce (the host's job, not the core's)."""
    return Context(now=utc_now(), nonce=secrets.token_hex(16))


def transport_error(what: str) -> PspError:
    """The error a transport raises when no HTTP response arrived."""
    error: PspError = PspError.Failure(  # type: ignore[attr-defined]
        code=ErrorCode.TEMPORARILY_UNAVAILABLE,
        retryable=True,
        http_status=None,
        provider_code=None,
        detail=f"transport: {what}; the outcome is unknown: check the status by merchant id "
        "before creating again",
    )
    return error


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
            raise transport_error(f"no answer within {timeout} s") from e
        except urllib.error.URLError as e:
            if isinstance(e.reason, (socket.timeout, TimeoutError)):
                raise transport_error(f"no answer within {timeout} s") from e
            raise transport_error(f"connection failed ({e.reason})") from e
        except (OSError, http.client.HTTPException) as e:
            raise transport_error(f"connection failed ({type(e).__name__})") from e


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
            raise transport_error(f"no answer within {timeout} s") from e
        except httpx.TransportError as e:
            raise transport_error(f"connection failed ({type(e).__name__})") from e
        return _response(r.status_code, r.headers.multi_items(), r.content)


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
        httpx = self._httpx
        request = self.gateway.build(operation, context or self._context())
        try:
            r = await self._client.request(
                request.method,
                request.url,
                headers=dict(request.headers),
                content=request.body.encode("utf-8") if request.body else None,
                timeout=self.timeout,
            )
        except httpx.TimeoutException as e:
            raise transport_error(f"no answer within {self.timeout} s") from e
        except httpx.TransportError as e:
            raise transport_error(f"connection failed ({type(e).__name__})") from e
        response = _response(r.status_code, r.headers.multi_items(), r.content)
        return self.gateway.parse(operation, response)

    async def aclose(self) -> None:
        await self._client.aclose()
