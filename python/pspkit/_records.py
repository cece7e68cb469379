"""Loads the uniffi-generated modules (the typed records) and makes them raise `PspError`.

The generated error converter builds its exception as `PspError.Failure(...)`, looked up in the
generated module at raise time; pointing that name at `pspkit.errors.PspError` makes every
typed call (Gateway records, PaymentFlow, StatusParser) raise the one plain exception class.
Imported lazily: `import pspkit` alone does not load these modules.
"""
from __future__ import annotations

from ._generated import pspkit_ffi as ffi
from ._generated import pspkit_model as model
from .errors import PspError

ffi.PspError = PspError  # type: ignore[misc,assignment]

__all__ = ["ffi", "model"]
