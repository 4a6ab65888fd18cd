"""What the graph modules share: a contact's date interval, country names, the text XML can hold,
and pausing the garbage collector around bulk work."""
from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

# Characters XML 1.0 cannot hold, even as character references.
XML_INVALID = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_clean(x: Any) -> Any:
    """``x`` without the characters XML cannot hold (values other than strings as they are)."""
    if not isinstance(x, str) or x.isprintable():  # printable text has no such characters
        return x
    return XML_INVALID.sub("", x)


def date_interval(d: Mapping) -> tuple[Any, Any] | None:
    """A contact's ``(date_start, date_end)``, either end standing for the other when it is missing;
    None when undated."""
    start, end = d.get("date_start"), d.get("date_end")
    start, end = start or end, end or start
    return (start, end) if start else None


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """pycountry's common name (else its name) of an ISO alpha-3 code; the code when it has none."""
    try:
        import pycountry

        c = pycountry.countries.get(alpha_3=code)
    except (ImportError, LookupError, KeyError):
        c = None
    return getattr(c, "common_name", None) or getattr(c, "name", None) or code


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector around bulk work that makes many small objects and
    no reference cycles (building or reading a graph): it halves the time on large graphs."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
