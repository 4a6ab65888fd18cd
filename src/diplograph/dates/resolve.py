"""Normalisation: an :class:`~.expressions.Expression`, a reference date and a direction (past or
future) give an ISO value, its granularity and the inclusive interval of days it covers.

Without a direction a date is taken from the past if it is at most ~6 months back, else from the
future if it is at most ~1 month ahead, else the nearer one (news mostly reports the past).
"""
from __future__ import annotations

import calendar
import datetime as _dt
import functools

from .calendars import occurrences
from .expressions import Expression, safe_date

__all__ = ["FUTURE", "PAST", "Resolved", "day_value", "month_value", "resolve", "week_value", "year_value"]

PAST = "past"
FUTURE = "future"

#: Without a tense cue a date is taken from the past if it is at most this many days (months) back ...
PAST_WINDOW_DAYS = 183
PAST_WINDOW_MONTHS = 6
#: ... else from the future if it is at most this many days (months) ahead, else the nearer one.
FUTURE_WINDOW_DAYS = 31
FUTURE_WINDOW_MONTHS = 1
#: A month-day of the wrong direction this close to the reference keeps the reference's year
#: (publication dates are often a day or two off; a year off is the worse error).
GRACE_DAYS = 3

#: value, granularity, first day, last day (ISO strings; the days are None when the year is unknown)
Resolved = tuple[str, str, "str | None", "str | None"]
_WEEK = _dt.timedelta(days=7)


def day_value(d: _dt.date, end: _dt.date | None = None) -> Resolved:
    return d.isoformat(), "day", d.isoformat(), (end or d).isoformat()


def week_value(d: _dt.date) -> Resolved:
    iso = d.isocalendar()
    monday = d - _dt.timedelta(days=d.weekday())
    return f"{iso[0]}-W{iso[1]:02d}", "week", monday.isoformat(), (monday + _dt.timedelta(days=6)).isoformat()


def month_value(y: int, m: int) -> Resolved:
    last = calendar.monthrange(y, m)[1]
    return f"{y:04d}-{m:02d}", "month", f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{last:02d}"


def year_value(y: int) -> Resolved | None:
    if not 1 <= y <= 9999:
        return None
    return f"{y:04d}", "year", f"{y:04d}-01-01", f"{y:04d}-12-31"


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def choose_day(cands: list[_dt.date], ref: _dt.date, tense: str | None, grace: int = 0) -> _dt.date | None:
    """The candidate day the tense points to; without a tense, the default rule (module docstring)."""
    if not cands:
        return None
    g = _dt.timedelta(days=grace)
    if tense == PAST:
        p = max((c for c in cands if c <= ref + g), default=None)
        f = min((c for c in cands if c > ref + g), default=None)
        if f is not None and (p is None or ((ref - p).days > PAST_WINDOW_DAYS
                                            and (f - ref).days <= FUTURE_WINDOW_DAYS)):
            return f  # "the summit on 26 March was called off": not March of last year
        return p
    if tense == FUTURE:
        f = min((c for c in cands if c >= ref - g), default=None)
        p = max((c for c in cands if c < ref - g), default=None)
        if p is not None and (f is None or ((f - ref).days > PAST_WINDOW_DAYS
                                            and (ref - p).days <= FUTURE_WINDOW_DAYS)):
            return p
        return f
    p = max((c for c in cands if c <= ref), default=None)
    f = min((c for c in cands if c > ref), default=None)
    if p is not None and (ref - p).days <= PAST_WINDOW_DAYS:
        return p
    if f is not None and (f - ref).days <= FUTURE_WINDOW_DAYS:
        return f
    if p is None or f is None:
        return p or f
    return p if (ref - p) <= (f - ref) else f


def choose_month(cands: list[tuple[int, int]], ref: _dt.date, tense: str | None) -> tuple[int, int] | None:
    """The candidate (year, month) the tense points to, as :func:`choose_day` does for days."""
    if not cands:
        return None
    r = ref.year * 12 + ref.month - 1
    idx = sorted(y * 12 + m - 1 for y, m in cands)
    past = [i for i in idx if i <= r]
    if tense == PAST:
        i = past[-1] if past else idx[0]
    elif tense == FUTURE:
        fut = [i for i in idx if i >= r]
        i = fut[0] if fut else idx[-1]
    else:
        fut = [i for i in idx if i > r]
        p = past[-1] if past else None
        f = fut[0] if fut else None
        if p is not None and r - p <= PAST_WINDOW_MONTHS:
            i = p
        elif f is not None and f - r <= FUTURE_WINDOW_MONTHS:
            i = f
        elif p is None or f is None:
            i = p if p is not None else f  # type: ignore[assignment]
        else:
            i = p if r - p <= f - r else f
    return i // 12, i % 12 + 1


@functools.lru_cache(maxsize=4096)
def resolve(e: Expression, ref: _dt.date | None, tense: str | None) -> Resolved | None:
    """Value, granularity and interval of ``e`` against ``ref`` (None: not resolvable).

    Cached on the (small) expression, the reference and the tense, never on a text."""
    k = e.kind
    if k == "year":
        return year_value(e.y) if e.y else None
    if k == "date":
        return _resolve_date(e, ref, tense)
    if k == "isoweek":
        return week_value(_dt.date.fromisocalendar(e.y, e.off, 1))  # type: ignore[arg-type]
    if k == "month":
        return _resolve_month(e, ref, tense)
    if k == "edge":
        return _resolve_edge(e, ref, tense)
    if k == "feast":
        return _resolve_feast(e, ref, tense)
    if ref is None:
        return None
    if k == "wrel" and e.mode in ("past", "coming"):
        return week_value(ref + _WEEK * _past_or_coming_week(e.mode, ref))
    if k in ("drel", "wrel", "mrel", "yrel"):
        return _offset(k[0], e.off, ref)
    if k == "weekend":
        # the week whose Saturday is the nearest one in the tense's direction
        sat = ref + _dt.timedelta(days=5 - ref.weekday())
        if tense != FUTURE and sat > ref and ref.weekday() < 5:
            sat -= _WEEK
        return week_value(sat)
    if k == "after":
        if tense != FUTURE and e.mode.startswith("in"):
            return None  # "for the first time in two weeks" is a duration
        return _offset(e.mode.split(":")[-1][0], e.off, ref)
    if k == "weekday":
        return _resolve_weekday(e, ref, tense)
    if k == "dom":
        return _resolve_dom(e, ref, tense)
    return None


def _past_or_coming_week(mode: str, ref: _dt.date) -> int:
    """"this past week" is the week ending when the reference is at its end (Friday to Sunday), else
    the week before; "this coming week" the next week from Friday on, else the current one."""
    late = ref.weekday() >= 4
    if mode == "past":
        return 0 if late else -1
    return 1 if late else 0


def _resolve_edge(e: Expression, ref: _dt.date | None, tense: str | None) -> Resolved | None:
    """The first or last day of a period; its first or last week is the ISO week holding its first or
    last Thursday (the ISO rule: a week belongs where most of its days are)."""
    period = resolve(e.base, ref, tense) if e.base is not None else None
    if period is None or period[2] is None or period[3] is None:
        return None
    first, last = _dt.date.fromisoformat(period[2]), _dt.date.fromisoformat(period[3])
    which, unit = e.mode.split(":")
    if unit == "day":
        return day_value(first if which == "first" else last)
    if which == "first":
        return week_value(first + _dt.timedelta(days=(3 - first.weekday()) % 7))
    return week_value(last - _dt.timedelta(days=(last.weekday() - 3) % 7))


def _resolve_feast(e: Expression, ref: _dt.date | None, tense: str | None) -> Resolved | None:
    """A movable holiday: the one of the year written, else the one under way at the reference, else
    the one the tense points to (as a month-day without a year)."""
    assert e.feast is not None
    if e.y is not None:
        occ = occurrences(e.feast, [e.y])
    elif ref is None:
        return None
    else:
        occ = occurrences(e.feast, range(ref.year - 1, ref.year + 2))
        current = [o for o in occ if o[0] <= ref <= o[1]]
        start = current[0][0] if current else choose_day([o[0] for o in occ], ref, tense, grace=GRACE_DAYS)
        occ = [o for o in occ if o[0] == start]
    if not occ:
        return None
    first, last = occ[0]
    if e.off:  # the eve of a holiday
        return day_value(first + _dt.timedelta(days=e.off))
    if not e.feast.whole_month:
        return day_value(first, last)
    # a lunar month: the Gregorian month holding most of its days, with its own first and last day
    head = (_dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1) - first).days
    y, m = (first.year, first.month) if head >= (last - first).days + 1 - head else (last.year, last.month)
    return f"{y:04d}-{m:02d}", "month", first.isoformat(), last.isoformat()


def _offset(unit: str, n: int, ref: _dt.date) -> Resolved | None:
    """``n`` days (``d``), weeks (``w``), months (``m``) or years (``y``) from the reference."""
    if unit == "d":
        return day_value(ref + _dt.timedelta(days=n))
    if unit == "w":
        return week_value(ref + _dt.timedelta(weeks=n))
    if unit == "m":
        return month_value(*add_months(ref.year, ref.month, n))
    return year_value(ref.year + n)


def _resolve_month(e: Expression, ref: _dt.date | None, tense: str | None) -> Resolved | None:
    assert e.m is not None
    if e.y is not None:
        return month_value(e.y, e.m)
    if ref is None:
        return (f"XXXX-{e.m:02d}", "month", None, None) if e.mode == "bare" and e.yoff is None else None
    if e.yoff is not None:
        return month_value(ref.year + e.yoff, e.m)
    cands = [(ref.year + dy, e.m) for dy in (-1, 0, 1)]
    r = (ref.year, ref.month)
    if e.mode == "last":
        y, m = max(c for c in cands if c < r)
    elif e.mode == "next":
        y, m = min(c for c in cands if c > r)
    elif e.mode == "this":
        y, m = ref.year, e.m
    else:
        y, m = choose_month(cands, ref, tense)  # type: ignore[misc]
    return month_value(y, m)


def _resolve_date(e: Expression, ref: _dt.date | None, tense: str | None) -> Resolved | None:
    m, d = e.m, e.d
    assert m is not None and d is not None
    year = e.y
    if year is None and e.yoff is not None and ref is not None:
        year = ref.year + e.yoff
    if year is None and ref is None:
        if safe_date(2000, m, d) is None:  # 2000 is a leap year: only impossible days fail
            return None
        return f"XXXX-{m:02d}-{d:02d}", "day", None, None
    if year is None:
        assert ref is not None
        cands = [c for c in (safe_date(ref.year + dy, m, d) for dy in (-1, 0, 1)) if c]
        if e.wd is not None:  # "Wednesday, March 12": the year where the weekday fits, if near
            match = [c for c in cands if c.weekday() == e.wd]
            cands = match or cands
            if len(match) == 1 and abs((match[0] - ref).days) < 200:
                cands = match
        day = choose_day(cands, ref, tense, grace=GRACE_DAYS)
    else:
        day = safe_date(year, m, d)
    if day is None:
        return None
    if e.week:
        return week_value(day)
    end = safe_date(day.year, m, e.d2) if e.d2 and e.d2 > d else None
    return day_value(day, end)


def _resolve_dom(e: Expression, ref: _dt.date, tense: str | None) -> Resolved | None:
    """"the 14th": this, last or next month's, by the tense; "the 3rd of last month"."""
    cands = []
    for dm in (-1, 0, 1) if e.mode == "bare" else (e.off,):
        y, m = add_months(ref.year, ref.month, dm)
        d = safe_date(y, m, e.d)  # type: ignore[arg-type]
        if d:
            cands.append(d)
    if e.mode != "bare":
        return day_value(cands[0]) if cands else None
    c = choose_day(cands, ref, tense)
    return day_value(c) if c else None


def _weekday_with_day(e: Expression, ref: _dt.date, tense: str | None) -> Resolved | None:
    """"Sunday (21)": the day-of-month nearest the reference with that weekday."""
    cands = []
    for dm in (-2, -1, 0, 1, 2):
        y, m = add_months(ref.year, ref.month, dm)
        c = safe_date(y, m, e.d)  # type: ignore[arg-type]
        if c:
            cands.append(c)
    match = [c for c in cands if c.weekday() == e.wd and abs((c - ref).days) <= 45]
    if not match:  # the weekday fits no such day: the nearest one
        near = [c for c in cands if abs((c - ref).days) <= 45]
        c = min(near, key=lambda x: abs((x - ref).days), default=None)
    else:
        c = choose_day(match, ref, tense or (FUTURE if e.mode == "this" else None))
    return day_value(c) if c else None


def _resolve_weekday(e: Expression, ref: _dt.date, tense: str | None) -> Resolved | None:
    wd = e.wd
    assert wd is not None
    if e.d is not None:
        return _weekday_with_day(e, ref, tense)
    if e.mode == "wk":  # "Friday last week"
        monday = ref - _dt.timedelta(days=ref.weekday())
        return day_value(monday + _dt.timedelta(weeks=e.off, days=wd))
    delta = (wd - ref.weekday()) % 7  # days ahead to the next such weekday (0: today)
    nxt = ref + _dt.timedelta(days=delta)
    prev = ref - _dt.timedelta(days=(7 - delta) % 7)
    if e.mode == "last":  # strictly before; yesterday would be "yesterday": a week earlier then
        return day_value(prev if (ref - prev).days > 1 else prev - _WEEK)
    if e.mode == "next":  # strictly after; tomorrow would be "tomorrow": a week later then
        return day_value(nxt if (nxt - ref).days > 1 else nxt + _WEEK)
    if e.mode == "past":  # "this past Monday": the latest before the reference
        return day_value(prev if prev < ref else prev - _WEEK)
    if e.mode == "coming":  # "this coming Monday": the first after the reference
        return day_value(nxt if nxt > ref else nxt + _WEEK)
    if e.mode == "this":
        return day_value(prev if tense == PAST else nxt)
    return day_value(nxt if tense == FUTURE else prev)
