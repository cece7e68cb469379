"""The dict-first calls' route into the core: one ctypes call each way, JSON text on both sides.

The library is the wheel's own `libpspkit_ffi.so` (the uniffi cdylib), which also exports a
plain C ABI (bindings/uniffi/src/json_abi.rs). `PyDLL` keeps the GIL during the call: the call
takes microseconds, and the answer sits in a per-thread buffer that ctypes copies at once.
Loaded on first use, so `import pspkit` stays cheap.
"""
from __future__ import annotations

import ctypes
import sys
from pathlib import Path
from typing import Any, Optional

CALL_BUILD = 1
CALL_PARSE = 2
CALL_PARSE_CALLBACK = 3
CALL_CAPABILITIES = 4
CALL_PARSE_STATES = 5

_lib: Optional[Any] = None


def _library_path() -> Path:
    here = Path(__file__).resolve().parent / "_generated"
    names = {"darwin": "libpspkit_ffi.dylib", "win32": "pspkit_ffi.dll"}
    return here / names.get(sys.platform, "libpspkit_ffi.so")


def lib() -> Any:
    """The loaded library with its three symbols' types set."""
    global _lib
    if _lib is None:
        loaded = ctypes.PyDLL(str(_library_path()))
        c, size = ctypes.c_char_p, ctypes.c_size_t
        loaded.pspkit_json_gateway_new.argtypes = [c, size, ctypes.POINTER(ctypes.c_char_p)]
        loaded.pspkit_json_gateway_new.restype = ctypes.c_void_p
        loaded.pspkit_json_gateway_free.argtypes = [ctypes.c_void_p]
        loaded.pspkit_json_gateway_free.restype = None
        # No argtypes on the hot call: its integers are C `int`s (json_abi.rs), which is what
        # ctypes passes a Python int as, so the per-argument converters (~0.7 µs a call) are
        # skipped. Callers pass exactly: the gateway's c_void_p, ints, bytes (or None).
        loaded.pspkit_json_call.restype = c
        _lib = loaded
    return _lib
