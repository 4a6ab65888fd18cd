"""Holidays whose date moves: the rule of a holiday and the days it falls on in given years.

A :class:`Feast` is one holiday row of the vocabulary (``data/date_cues.jsonl``, ``cue`` ``holiday``):
a fixed Gregorian day, a day counted from Western or Orthodox Easter (``dateutil``), the n-th weekday
of a month (Thanksgiving), or a day of the Islamic (Umm al-Qura, ``hijridate``), Hebrew
(``convertdate``), Chinese (``lunardate``) or Persian (``convertdate``) calendar. The calendar
libraries are imported only when a movable holiday is met.
"""
from __future__ import annotations

import datetime as _dt
import warnings
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["CALENDARS", "Feast", "occurrences"]

CALENDARS = ("gregorian", "easter", "orthodox_easter", "nth_weekday", "hijri", "hebrew", "chinese", "persian")


@dataclass(frozen=True)
class Feast:
    """When a holiday falls: ``calendar`` and its fields (see :data:`CALENDARS`), ``days`` long;
    ``whole_month``: the whole month ``month`` of a lunar calendar (Ramadan)."""

    calendar: str = "gregorian"
    month: int | None = None
    day: int | None = None
    offset: int = 0  # days from Easter
    weekday: int | None = None  # nth_weekday: 0 = Monday
    n: int | None = None  # nth_weekday: 1..5, or -1 for the last
    days: int = 1
    whole_month: bool = False


Occurrence = tuple[_dt.date, _dt.date]  # first and last day


def occurrences(f: Feast, years: Iterable[int]) -> list[Occurrence]:
    """The occurrences of ``f`` that begin in the Gregorian ``years``, in date order."""
    years = list(years)
    starts = [d for d in _starts(f, years) if d.year in years]
    out = []
    for start in sorted(set(starts)):
        length = _month_length(f, start) if f.whole_month else f.days
        out.append((start, start + _dt.timedelta(days=length - 1)))
    return out


def _starts(f: Feast, years: list[int]) -> list[_dt.date]:
    if f.calendar == "gregorian":
        return [d for d in (_safe(y, f.month, f.day) for y in years) if d]
    if f.calendar in ("easter", "orthodox_easter"):
        from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

        method = EASTER_WESTERN if f.calendar == "easter" else EASTER_ORTHODOX
        return [easter(y, method) + _dt.timedelta(days=f.offset) for y in years]
    if f.calendar == "nth_weekday":
        return [d for d in (_nth_weekday(y, f) for y in years) if d]
    lunar = {"hijri": _hijri, "hebrew": _hebrew, "chinese": _chinese, "persian": _persian}[f.calendar]
    out = []
    for y in years:
        out += [d for d in lunar(f, y) if d is not None]
    return out


def _safe(y: int, m: int | None, d: int | None) -> _dt.date | None:
    try:
        return _dt.date(y, m or 0, d or 0)
    except ValueError:
        return None


def _nth_weekday(y: int, f: Feast) -> _dt.date | None:
    assert f.month is not None and f.weekday is not None and f.n is not None
    if f.n > 0:
        first = _dt.date(y, f.month, 1)
        d = first + _dt.timedelta(days=(f.weekday - first.weekday()) % 7 + 7 * (f.n - 1))
        return d if d.month == f.month else None
    nxt = _dt.date(y + (f.month == 12), f.month % 12 + 1, 1)
    last = nxt - _dt.timedelta(days=1)
    return last - _dt.timedelta(days=(last.weekday() - f.weekday) % 7)


def _hijri(f: Feast, y: int) -> list[_dt.date | None]:
    from hijridate import Gregorian, Hijri

    try:
        h = Gregorian(y, 1, 1).to_hijri().year
    except (ValueError, OverflowError):
        return []
    out: list[_dt.date | None] = []
    for hy in (h, h + 1):
        try:
            out.append(Hijri(hy, f.month, f.day or 1).to_gregorian())
        except (ValueError, OverflowError):
            continue
    return out


def _hebrew(f: Feast, y: int) -> list[_dt.date | None]:
    from convertdate import hebrew

    out: list[_dt.date | None] = []
    for hy in (y + 3760, y + 3761):
        if f.month is None or f.month > hebrew.year_months(hy):
            continue
        with warnings.catch_warnings():  # convertdate calls its own deprecated month_days
            warnings.simplefilter("ignore", DeprecationWarning)
            out.append(_safe(*hebrew.to_gregorian(hy, f.month, f.day or 1)))
    return out


def _chinese(f: Feast, y: int) -> list[_dt.date | None]:
    from lunardate import LunarDate

    out: list[_dt.date | None] = []
    for ly in (y - 1, y):
        try:
            out.append(LunarDate(ly, f.month, f.day or 1).to_solar_date())
        except (ValueError, IndexError):  # outside the library's years (1900-2099)
            continue
    return out


def _persian(f: Feast, y: int) -> list[_dt.date | None]:
    from convertdate import persian

    return [_safe(*persian.to_gregorian(py, f.month, f.day or 1)) for py in (y - 622, y - 621)]


def _month_length(f: Feast, start: _dt.date) -> int:
    """Days of the lunar month that begins on ``start`` (a ``whole_month`` holiday)."""
    if f.calendar == "hijri":
        from hijridate import Gregorian

        return Gregorian(start.year, start.month, start.day).to_hijri().month_length()
    if f.calendar == "hebrew":
        from convertdate import hebrew

        hy, hm, _ = hebrew.from_gregorian(start.year, start.month, start.day)
        return hebrew.month_length(hy, hm)
    return 30
