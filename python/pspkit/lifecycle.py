"""Drives a `PaymentFlow` (the core's lifecycle driver) with real HTTP and real time.

The core decides everything (safe creates, status calls by merchant id, backoff, deadline,
callbacks); this module only carries out its actions: send the request it asks for and report
the answer or the transport failure, sleep until the time it names, and feed callbacks in.
`Client.run` / `AsyncClient.run` are the entry points; the functions here are what they call.

Persistence: `on_state(state_json)` is called after every step — including right before a
request goes out, so a stored state always shows a request in flight whose answer may be lost.
`Client.resume(state_json)` reports such a request as `interrupted` and carries on; the core
then asks for a status call by merchant id before any create is sent again.

Card data: the stored state holds the create's card only as its 6x4 mask (no CVV, expiry,
holder or token). A resumed card flow that must send its create again needs the card from the
host: `Client.resume(state_json, card=...)`; without it the run returns
`Action.NEEDS_CARD_DATA` and nothing is sent.

Callbacks: the web handler that receives the provider's callback hands it to a
`CallbackInbox` (`AsyncCallbackInbox` for `AsyncClient`) passed to `run`; the running flow
wakes up, feeds it to `handle_callback` and returns the reply the provider must get.
"""
from __future__ import annotations

import asyncio
import datetime
import json
import queue
import secrets
import threading
import time
from concurrent.futures import Future
from typing import Any, Callable, Dict, Optional, Tuple, Union

from ._records import ffi as _ffi
from ._generated.pspkit_ffi import PaymentFlow
from ._generated.pspkit_model import (
    Action,
    CardData,
    FlowOptions,
    HttpRequest,
    HttpResponse,
    Reply,
    TransportError,
)
from .errors import PspError

StateHook = Callable[[str], None]
Options = Union[FlowOptions, Dict[str, Any], None]
# The final answer of a run: Action.DONE, Action.NEEDS_ATTENTION, Action.LATE_TRANSITION or
# Action.NEEDS_CARD_DATA (resume again with the card).
Outcome = Action


from .gateway import utc_now as utc_now  # noqa: E402  (one definition of the host's clock)


def seconds_until(at: str) -> float:
    """Seconds from now until the RFC 3339 UTC time `at` (negative when past).

    A little is added so that the next `utc_now()` (whole seconds) is at or after `at`.
    """
    target = datetime.datetime.fromisoformat(at.replace("Z", "+00:00")).timestamp()
    return target - time.time() + 0.02


def flow_options(options: Options) -> FlowOptions:
    """`FlowOptions` from a record, a dict in canonical (camelCase) JSON form, or None.

    Without a `seed`, a random one is drawn: the backoff jitter then differs between flows,
    which is the point of jitter. Pass a seed to replay a run exactly.
    """
    if isinstance(options, FlowOptions):
        return options
    data = dict(options or {})
    data.setdefault("seed", secrets.randbits(63))
    return _ffi.flow_options_from_json(json.dumps(data))


def transport_kind(error: BaseException) -> TransportError:
    """The flow's transport error kind of a failure raised by an `HttpTransport`."""
    kind = getattr(error, "transport_kind", None)
    return kind if isinstance(kind, TransportError) else TransportError.OTHER


def _request_record(request: Any) -> HttpRequest:
    """A callback as a record; a dict (as `Gateway.parse_callback` takes it) is converted, its
    raw body (`bytes` or `str`) kept exactly."""
    if isinstance(request, HttpRequest):
        return request
    body = request.get("body") or ""
    if isinstance(body, (bytes, bytearray)):
        body = bytes(body).decode("utf-8", "replace")
    headers = request.get("headers") or {}
    return HttpRequest(method=str(request["method"]), url=str(request["url"]),
                       headers={str(k).lower(): str(v) for k, v in headers.items()}, body=body)


class InboxClosed(Exception):
    """The flow this inbox fed is not running (it ended, or never started)."""


class CallbackInbox:
    """Hands callbacks from a web handler (any thread) to a flow running in `Client.run`.

    >>> inbox = CallbackInbox()
    >>> threading.Thread(target=client.run, args=(op,), kwargs={"callbacks": inbox}).start()
    >>> reply = inbox.deliver(request)   # in the web handler: answer the provider with `reply`

    `deliver` raises `PspError` when the flow refuses the callback (e.g. `invalid_signature`:
    answer the provider with an error), and `InboxClosed` when no flow is running.
    """

    def __init__(self) -> None:
        self._queue: "queue.Queue[Tuple[HttpRequest, Future[Reply]]]" = queue.Queue()
        self._lock = threading.Lock()
        self._closed = False

    def deliver(self, request: Union[HttpRequest, Dict[str, Any]], timeout: float = 30.0) -> Reply:
        request = _request_record(request)
        future: "Future[Reply]" = Future()
        with self._lock:
            if self._closed:
                raise InboxClosed("no flow is running on this inbox")
            self._queue.put((request, future))
        return future.result(timeout)

    def _next(self, timeout: float) -> Optional[Tuple[HttpRequest, "Future[Reply]"]]:
        try:
            return self._queue.get(timeout=max(0.0, timeout))
        except queue.Empty:
            return None

    def _open(self) -> None:
        with self._lock:
            self._closed = False

    def _close(self) -> None:
        with self._lock:
            self._closed = True
        while True:
            try:
                _, future = self._queue.get_nowait()
            except queue.Empty:
                return
            future.set_exception(InboxClosed("the flow ended before handling this callback"))


class AsyncCallbackInbox:
    """`CallbackInbox` for `AsyncClient.run`: `await inbox.deliver(request)` on the same loop."""

    def __init__(self) -> None:
        self._queue: "asyncio.Queue[Tuple[HttpRequest, asyncio.Future[Reply]]]" = asyncio.Queue()
        self._closed = False

    async def deliver(self, request: Union[HttpRequest, Dict[str, Any]], timeout: float = 30.0) -> Reply:
        request = _request_record(request)
        if self._closed:
            raise InboxClosed("no flow is running on this inbox")
        future: "asyncio.Future[Reply]" = asyncio.get_running_loop().create_future()
        self._queue.put_nowait((request, future))
        return await asyncio.wait_for(future, timeout)

    async def _next(self, timeout: float) -> Optional[Tuple[HttpRequest, "asyncio.Future[Reply]"]]:
        try:
            return await asyncio.wait_for(self._queue.get(), max(0.0, timeout))
        except asyncio.TimeoutError:
            return None

    def _open(self) -> None:
        self._closed = False

    def _close(self) -> None:
        self._closed = True
        while not self._queue.empty():
            _, future = self._queue.get_nowait()
            if not future.done():
                future.set_exception(InboxClosed("the flow ended before handling this callback"))


def _store(flow: PaymentFlow, on_state: Optional[StateHook]) -> None:
    if on_state is not None:
        on_state(flow.state_json())


def _is_final(action: Action) -> bool:
    return isinstance(
        action,
        (Action.DONE, Action.NEEDS_ATTENTION, Action.LATE_TRANSITION, Action.NEEDS_CARD_DATA),
    )


def resume_flow(gateway: Any, state_json: str, card: Optional[CardData] = None) -> PaymentFlow:
    """The stored flow, with the create's card supplied again when the host gives it."""
    flow: PaymentFlow = (gateway.resume_flow(state_json) if card is None
                         else gateway.resume_flow_with_card(state_json, card))
    return flow


def _feed_callback(flow: PaymentFlow, request: HttpRequest, reply: Any) -> None:
    try:
        result = flow.handle_callback(utc_now(), request)
    except PspError as e:
        if not reply.done():
            reply.set_exception(e)
        return
    if not reply.done():  # the web handler may have given up waiting
        reply.set_result(result)


def recover_interrupted(flow: PaymentFlow) -> None:
    """A stored state with a request in flight lost its answer in the crash: say so."""
    if flow.awaiting_answer():
        flow.handle_transport_error(utc_now(), TransportError.INTERRUPTED)


def drive(
    flow: PaymentFlow,
    send: Callable[[HttpRequest], HttpResponse],
    on_state: Optional[StateHook] = None,
    callbacks: Optional[CallbackInbox] = None,
) -> Outcome:
    """Runs `flow` until done, needs attention or a late transition; returns that action."""
    if callbacks is not None:
        callbacks._open()
    try:
        _store(flow, on_state)
        while True:
            action = flow.poll(utc_now())
            if _is_final(action):
                _store(flow, on_state)
                return action
            if isinstance(action, Action.SEND_REQUEST):
                _store(flow, on_state)  # the request is in flight from here on
                try:
                    response = send(action.request)
                except PspError as e:
                    flow.handle_transport_error(utc_now(), transport_kind(e))
                else:
                    flow.handle_response(utc_now(), response)
                _store(flow, on_state)
                continue
            # wait_until: sleep, or wake early for a callback
            delay = seconds_until(action.at)  # type: ignore[attr-defined]
            if callbacks is None:
                time.sleep(max(0.0, delay))
                continue
            item = callbacks._next(delay)
            if item is not None:
                _feed_callback(flow, *item)
                _store(flow, on_state)
    finally:
        if callbacks is not None:
            callbacks._close()


async def drive_async(
    flow: PaymentFlow,
    send: Callable[[HttpRequest], Any],
    on_state: Optional[StateHook] = None,
    callbacks: Optional[AsyncCallbackInbox] = None,
) -> Outcome:
    """`drive` for asyncio: `send` is a coroutine function, waits are `asyncio.sleep`."""
    if callbacks is not None:
        callbacks._open()
    try:
        _store(flow, on_state)
        while True:
            action = flow.poll(utc_now())
            if _is_final(action):
                _store(flow, on_state)
                return action
            if isinstance(action, Action.SEND_REQUEST):
                _store(flow, on_state)
                try:
                    response = await send(action.request)
                except PspError as e:
                    flow.handle_transport_error(utc_now(), transport_kind(e))
                else:
                    flow.handle_response(utc_now(), response)
                _store(flow, on_state)
                continue
            delay = seconds_until(action.at)  # type: ignore[attr-defined]
            if callbacks is None:
                await asyncio.sleep(max(0.0, delay))
                continue
            item = await callbacks._next(delay)
            if item is not None:
                _feed_callback(flow, *item)
                _store(flow, on_state)
    finally:
        if callbacks is not None:
            callbacks._close()
