"""Status polling at volume: many answers through one boundary crossing.

A uniffi call from Python costs far more in argument and result conversion (ctypes, one extra
FFI call per string, field-by-field decoding) than the core's parse itself. `parse_states`
therefore joins the answers into one string, `StatusParser.parse_text` parses them all in Rust,
and one string comes back: a state name or `!error_code` per answer. Valid JSON never holds the
separator (U+001E) raw; a body that does is parsed on its own instead.
"""
from __future__ import annotations

from typing import Iterable, List, Sequence, Tuple, Union

from ._records import ffi as _ffi  # noqa: F401  (loads the records with PspError patched)
from ._generated.pspkit_ffi import StatusParser
from ._generated.pspkit_model import State
from .errors import ErrorCode, PspError

SEPARATOR = "\x1e"
_STATES = {s.name.lower(): s for s in State}
_CODES = {c.value: c for c in ErrorCode}


def parse_states(
    parser: StatusParser, answers: Sequence[Tuple[int, str]]
) -> List[Union[State, ErrorCode]]:
    """The state of each `(http_status, body)` answer, or the error code it failed with."""
    if not answers:
        return []
    if any(SEPARATOR in body for _, body in answers):
        return [_one(parser, status, body) for status, body in answers]
    text = parser.parse_text(SEPARATOR.join([f"{status} {body}" for status, body in answers]))
    return [_CODES[f[1:]] if f[:1] == "!" else _STATES[f] for f in text.split(SEPARATOR)]


def _one(parser: StatusParser, status: int, body: str) -> Union[State, ErrorCode]:
    try:
        return parser.parse_state(status, body)
    except PspError as e:
        return e.code


def iter_states(
    parser: StatusParser, answers: Iterable[Tuple[int, str]], chunk: int = 256
) -> Iterable[Union[State, ErrorCode]]:
    """`parse_states` over a stream, `chunk` answers per crossing."""
    batch: List[Tuple[int, str]] = []
    for answer in answers:
        batch.append(answer)
        if len(batch) >= chunk:
            yield from parse_states(parser, batch)
            batch = []
    if batch:
        yield from parse_states(parser, batch)
