"""dateparser, imported only when needed: the odd absolute formats the patterns find but do not take
apart ("16-Mar-2025"), and :func:`~.find.normalize`'s last resort."""
from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import Any

__all__ = ["parse_absolute", "parse_relative"]

_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY"}


@functools.lru_cache(maxsize=1)
def _parser() -> Any:
    from dateparser.date import DateDataParser  # slow first import: only when needed

    return DateDataParser(languages=["en"], settings=dict(_SETTINGS))


@functools.lru_cache(maxsize=1024)
def parse_absolute(s: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a short absolute date string dateparser understands."""
    try:
        data = _parser().get_date_data(s)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    dt = data.date_obj
    has_year = bool(re.search(r"\d{4}|[-/]\d\d\b", s))
    return (dt.year if has_year else None), dt.month, dt.day


def parse_relative(text: str, ref: _dt.date | None, prefer: str | None) -> Any:
    """dateparser's ``DateData`` (``date_obj``, ``period``) for ``text`` against ``ref``, preferring
    dates from ``prefer`` ("past"/"future"), or None."""
    settings: dict[str, Any] = dict(_SETTINGS)
    if ref is not None:
        settings["RELATIVE_BASE"] = _dt.datetime(ref.year, ref.month, ref.day)
    if prefer is not None:
        settings["PREFER_DATES_FROM"] = prefer
    try:
        from dateparser.date import DateDataParser

        data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return None if data is None or data.date_obj is None else data
