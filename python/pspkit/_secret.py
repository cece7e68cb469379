"""Secrets (tokens, keys) as they cross into Python: `repr`/`str` print `***`.

The generated records use this class for every secret field, so printing a config never shows a
key. Fields accept a plain `str` too; read the value with `expose()`.
"""
from __future__ import annotations

from typing import Union


class Secret:
    """A secret string that never shows itself in `repr`, `str` or logs."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError("Secret holds a str")
        self._value = value

    def expose(self) -> str:
        """The raw value; only code that signs or authenticates should need it."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("Secret", self._value))


def expose(value: Union[Secret, str]) -> str:
    """Lowers a `Secret` (or a plain `str`) to the text the core receives."""
    return value.expose() if isinstance(value, Secret) else value
