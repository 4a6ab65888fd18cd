"""Errors diplograph raises, each naming what went wrong and where."""
from __future__ import annotations

__all__ = ["DiplographError", "ModelNotFoundError", "InputError"]


class DiplographError(Exception):
    """Base class of diplograph's own errors."""


class ModelNotFoundError(DiplographError):
    """No usable English spaCy model is installed."""


class InputError(DiplographError, ValueError):
    """Bad input, with the place it was found (file, line, field) when known."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None,
                 field: str | None = None) -> None:
        self.source, self.line, self.field, self.reason = source, line, field, message
        where = ":".join(str(x) for x in (source, line) if x is not None)
        if field:
            where = f"{where} field '{field}'" if where else f"field '{field}'"
        super().__init__(f"{where}: {message}" if where else message)
