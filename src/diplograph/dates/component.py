"""Temporal expressions normalised against the publication date.

:func:`find_dates` finds every date expression of a ``Doc`` (``"on March 16"``, ``"later this week"``,
``"Sunday (21)"``, ``"16/03/2025"``, ``"last year"`` ...) and normalises it to a
:class:`~diplograph.types.TimeValue` at day, ISO-week, month or year granularity. :func:`normalize`
does the same for one expression string. The ``diplograph_dates`` component stores the results in
``doc._.dates`` and in the span group ``doc.spans["diplograph_dates"]``.

How it works, and why it is fast:

1. Compiled regular expressions over ``doc.text`` find the candidates (cue words, month and weekday
   names and their abbreviations, number shapes come from ``data/date_cues.jsonl``). Guards drop
   ``may``/``march``/``sat`` used as words, names ("Theresa May", "Sunday Times", "USA Today"),
   counts ("2000 troops"), clock times ("10:38", "at 1900 GMT") and durations ("four years").
2. Each candidate becomes a small reference-free expression (cached on the text), resolved against
   the reference date. dateparser (imported lazily) is called only for the odd absolute formats
   the patterns do not take apart ("16-Mar-2025") and as :func:`normalize`'s last resort.
3. Direction: a bare weekday, month, "the 14th" or a month-day without a year is read as past or
   future from its sentence: with a parse, the verb governing the expression (tense, modals,
   "scheduled", "due", "plans to", "is going to", "set to" ...); without one, the nearest cue word
   in a window of the sentence. Without any cue, past within ~6 months, else future within ~1
   month, else the nearer one (news mostly reports the past).

Expression spans leave a leading preposition out ("on Monday" -> ``"Monday"``) but keep modifiers
("later this week", "last Tuesday", "mid-March", "Saturday night", "Sunday (21)").
"""
from __future__ import annotations

import calendar
import datetime as _dt
import functools
import json
import re
from dataclasses import dataclass
from typing import Any, Union

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..extensions import SPANS_DATES, register_extensions
from ..resources.data import data_file
from ..resources.text import doc_text
from ..types import TimeValue

__all__ = [
    "find_dates",
    "normalize",
    "tense_at",
    "dates_in",
    "DateRecognizer",
    "make_dates",
    "PAST",
    "FUTURE",
]

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

DateLike = Union[str, _dt.date, _dt.datetime, None]


# --------------------------------------------------------------------------------------------
# cue data
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Cues:
    months: dict[str, int]  # lower-cased name or abbreviation -> 1..12
    month_full: tuple[str, ...]
    month_abbr: tuple[str, ...]
    weekdays: dict[str, int]  # lower-cased name or abbreviation -> 0..6
    weekday_full: tuple[str, ...]
    weekday_abbr: tuple[str, ...]
    holidays: dict[str, tuple[int, int]]  # lower-cased name -> (month, day)
    bare_holidays: dict[str, tuple[int, int]]
    holiday_names: tuple[str, ...]  # as written
    bare_holiday_names: tuple[str, ...]
    words: dict[str, frozenset[str]]
    numbers: dict[str, int]


@functools.lru_cache(maxsize=1)
def _cues() -> _Cues:
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    month_full: list[str] = []
    month_abbr: list[str] = []
    weekday_full: list[str] = []
    weekday_abbr: list[str] = []
    holidays: dict[str, tuple[int, int]] = {}
    bare: dict[str, tuple[int, int]] = {}
    words: dict[str, frozenset[str]] = {}
    numbers: dict[str, int] = {}
    names: list[str] = []
    bare_names: list[str] = []
    path = data_file("dates", "date_cues.jsonl")
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            cue = row["cue"]
            if cue == "month":
                months[row["name"].lower()] = row["number"]
                month_full.append(row["name"])
                for a in row["abbr"]:
                    months[a.lower()] = row["number"]
                    month_abbr.append(a)
            elif cue == "weekday":
                weekdays[row["name"].lower()] = row["number"]
                weekday_full.append(row["name"])
                for a in row["abbr"]:
                    weekdays[a.lower()] = row["number"]
                    weekday_abbr.append(a)
            elif cue == "holiday":
                holidays[row["name"].lower()] = (row["month"], row["day"])
                names.append(row["name"])
            elif cue == "holiday_bare":
                bare[row["name"].lower()] = (row["month"], row["day"])
                bare_names.append(row["name"])
            elif cue == "number_word":
                for i, w in enumerate(row["words"]):
                    numbers[w] = max(i - 1, 1)  # a, an, one -> 1; two -> 2 ...
            else:
                words[cue] = frozenset(row["words"])
    return _Cues(months, tuple(month_full), tuple(month_abbr), weekdays, tuple(weekday_full),
                 tuple(weekday_abbr), holidays, bare, tuple(names), tuple(bare_names), words, numbers)


def _alt(names: tuple[str, ...] | list[str], upper: bool = True) -> str:
    forms: list[str] = []
    for n in sorted(names, key=len, reverse=True):
        forms.append(re.escape(n))
        if upper and n.upper() != n:
            forms.append(re.escape(n.upper()))
    return "|".join(forms)


# --------------------------------------------------------------------------------------------
# expressions (reference-free) and their resolution
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Expr:
    """A date expression before it meets a reference date.

    kind: ``date`` (month-day), ``month``, ``year``, ``weekday``, ``dom`` (day of month only),
    ``drel``/``wrel``/``mrel``/``yrel`` (offset in days/weeks/months/years from the reference),
    ``weekend`` (the weekend before/after), ``after`` (an offset that needs a future verb).
    """

    kind: str
    y: int | None = None
    m: int | None = None
    d: int | None = None
    d2: int | None = None
    wd: int | None = None
    off: int = 0
    yoff: int | None = None  # "of last year": year offset from the reference
    mode: str = ""  # weekday/month: bare, this, last, next, wk (week offset in ``off``); unit for after
    week: bool = False  # "the week of March 10": report the ISO week of the day

    @property
    def needs_tense(self) -> bool:
        if self.kind == "date":
            return self.y is None and self.yoff is None
        if self.kind == "month":
            return self.mode == "bare" and self.y is None and self.yoff is None
        if self.kind == "weekday":
            return self.mode in ("bare", "this")
        return self.kind in ("dom", "weekend", "after")


_Resolved = tuple[str, str, "str | None", "str | None"]


def _day(d: _dt.date, end: _dt.date | None = None) -> _Resolved:
    return d.isoformat(), "day", d.isoformat(), (end or d).isoformat()


def _week(d: _dt.date) -> _Resolved:
    iso = d.isocalendar()
    monday = d - _dt.timedelta(days=d.weekday())
    return f"{iso[0]}-W{iso[1]:02d}", "week", monday.isoformat(), (monday + _dt.timedelta(days=6)).isoformat()


def _month(y: int, m: int) -> _Resolved:
    last = calendar.monthrange(y, m)[1]
    return f"{y:04d}-{m:02d}", "month", f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{last:02d}"


def _year(y: int) -> _Resolved | None:
    if not 1 <= y <= 9999:
        return None
    return f"{y:04d}", "year", f"{y:04d}-01-01", f"{y:04d}-12-31"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _safe_date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _choose_day(cands: list[_dt.date], ref: _dt.date, tense: str | None, grace: int = 0) -> _dt.date | None:
    """The candidate day the tense points to (see the module docstring for the rule)."""
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
    past = [c for c in cands if c <= ref]
    fut = [c for c in cands if c > ref]
    p = max(past) if past else None
    f = min(fut) if fut else None
    if p is not None and (ref - p).days <= PAST_WINDOW_DAYS:
        return p
    if f is not None and (f - ref).days <= FUTURE_WINDOW_DAYS:
        return f
    if p is None or f is None:
        return p or f
    return p if (ref - p) <= (f - ref) else f


def _choose_month(cands: list[tuple[int, int]], ref: _dt.date, tense: str | None) -> tuple[int, int] | None:
    if not cands:
        return None
    r = ref.year * 12 + ref.month - 1
    idx = sorted(y * 12 + m - 1 for y, m in cands)
    if tense == PAST:
        past = [i for i in idx if i <= r]
        i = past[-1] if past else idx[0]
    elif tense == FUTURE:
        fut = [i for i in idx if i >= r]
        i = fut[0] if fut else idx[-1]
    else:
        past = [i for i in idx if i <= r]
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
def _resolve(e: _Expr, ref: _dt.date | None, tense: str | None) -> _Resolved | None:
    """Value, granularity and interval of ``e`` against ``ref`` (None: not resolvable)."""
    k = e.kind
    if k == "year":
        return _year(e.y) if e.y else None
    if k == "date":
        return _resolve_date(e, ref, tense)
    if k == "isoweek":
        return _week(_dt.date.fromisocalendar(e.y, e.off, 1))  # type: ignore[arg-type]
    if k == "month":
        if e.y is not None:
            return _month(e.y, e.m)  # type: ignore[arg-type]
        if ref is None:
            return (f"XXXX-{e.m:02d}", "month", None, None) if e.mode == "bare" and e.yoff is None else None
        if e.yoff is not None:
            return _month(ref.year + e.yoff, e.m)  # type: ignore[arg-type]
        cands = [(ref.year + dy, e.m) for dy in (-1, 0, 1)]
        r = (ref.year, ref.month)
        if e.mode == "last":
            y, m = max(c for c in cands if c < r)  # type: ignore[type-var]
        elif e.mode == "next":
            y, m = min(c for c in cands if c > r)  # type: ignore[type-var]
        elif e.mode == "this":
            y, m = ref.year, e.m  # type: ignore[assignment]
        else:
            y, m = _choose_month(cands, ref, tense)  # type: ignore[misc,arg-type]
        return _month(y, m)
    if ref is None:
        return None
    if k == "drel":
        return _day(ref + _dt.timedelta(days=e.off))
    if k == "wrel":
        return _week(ref + _dt.timedelta(weeks=e.off))
    if k == "mrel":
        return _month(*_add_months(ref.year, ref.month, e.off))
    if k == "yrel":
        return _year(ref.year + e.off)
    if k == "weekend":
        # the week whose Saturday is the nearest one in the tense's direction
        sat = ref + _dt.timedelta(days=5 - ref.weekday())
        if tense != FUTURE and sat > ref and ref.weekday() < 5:
            sat -= _dt.timedelta(days=7)
        return _week(sat)
    if k == "after":
        if tense != FUTURE and e.mode.startswith("in"):
            return None  # "for the first time in two weeks" is a duration
        unit = e.mode.split(":")[-1]
        if unit == "day":
            return _day(ref + _dt.timedelta(days=e.off))
        if unit == "week":
            return _week(ref + _dt.timedelta(weeks=e.off))
        if unit == "month":
            return _month(*_add_months(ref.year, ref.month, e.off))
        return _year(ref.year + e.off)
    if k == "weekday":
        return _resolve_weekday(e, ref, tense)
    if k == "dom":
        cands = []
        for dm in (-1, 0, 1) if e.mode == "bare" else (e.off,):
            y, m = _add_months(ref.year, ref.month, dm)
            d = _safe_date(y, m, e.d)  # type: ignore[arg-type]
            if d:
                cands.append(d)
        if e.mode != "bare":
            return _day(cands[0]) if cands else None
        c = _choose_day(cands, ref, tense)
        return _day(c) if c else None
    return None


def _resolve_date(e: _Expr, ref: _dt.date | None, tense: str | None) -> _Resolved | None:
    m, d = e.m, e.d
    assert m is not None and d is not None
    year = e.y
    if year is None and e.yoff is not None:
        if ref is None:
            year = None
        else:
            year = ref.year + e.yoff
    if year is None and ref is None:
        if _safe_date(2000, m, d) is None:  # 2000 is a leap year: only impossible days fail
            return None
        return f"XXXX-{m:02d}-{d:02d}", "day", None, None
    if year is None:
        assert ref is not None
        cands = [c for c in (_safe_date(ref.year + dy, m, d) for dy in (-1, 0, 1)) if c]
        if e.wd is not None:
            match = [c for c in cands if c.weekday() == e.wd]
            cands = match or cands
            if len(match) == 1 and abs((match[0] - ref).days) < 200:
                cands = match
        day = _choose_day(cands, ref, tense, grace=GRACE_DAYS)
    else:
        day = _safe_date(year, m, d)
    if day is None:
        return None
    if e.week:
        return _week(day)
    end = _safe_date(day.year, m, e.d2) if e.d2 and e.d2 > d else None
    return _day(day, end)


def _resolve_weekday(e: _Expr, ref: _dt.date, tense: str | None) -> _Resolved | None:
    wd = e.wd
    assert wd is not None
    if e.d is not None:  # "Sunday (21)": the day-of-month nearest the reference with that weekday
        cands = []
        for dm in (-2, -1, 0, 1, 2):
            y, m = _add_months(ref.year, ref.month, dm)
            c = _safe_date(y, m, e.d)
            if c:
                cands.append(c)
        match = [c for c in cands if c.weekday() == wd and abs((c - ref).days) <= 45]
        if match:
            cands = match
        else:
            cands = [c for c in cands if abs((c - ref).days) <= 45]
        t = tense or (FUTURE if e.mode == "this" else None)
        if not match:  # the weekday fits no such day: the nearest one
            c = min(cands, key=lambda x: abs((x - ref).days), default=None)
        else:
            c = _choose_day(cands, ref, t)
        return _day(c) if c else None
    delta = (wd - ref.weekday()) % 7  # days ahead to the next such weekday (0: today)
    nxt = ref + _dt.timedelta(days=delta)
    prev = ref - _dt.timedelta(days=(7 - delta) % 7)
    if e.mode == "wk":
        monday = ref - _dt.timedelta(days=ref.weekday())
        return _day(monday + _dt.timedelta(weeks=e.off, days=wd))
    week = _dt.timedelta(days=7)
    if e.mode == "last":  # strictly before; yesterday would be "yesterday": a week earlier then
        return _day(prev if (ref - prev).days > 1 else prev - week)
    if e.mode == "next":  # strictly after; tomorrow would be "tomorrow": a week later then
        return _day(nxt if (nxt - ref).days > 1 else nxt + week)
    if e.mode == "past":  # "this past Monday": the latest before the reference
        return _day(prev if prev < ref else prev - week)
    if e.mode == "coming":  # "this coming Monday": the first after the reference
        return _day(nxt if nxt > ref else nxt + week)
    if e.mode == "this":
        return _day(prev if tense == PAST else nxt)
    if tense == FUTURE:
        return _day(nxt)
    return _day(prev)


# --------------------------------------------------------------------------------------------
# candidate patterns
# --------------------------------------------------------------------------------------------

_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)"
_DEND = r"(?![\w:]|[.,]\d)"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?!\w|[.,:]\d)"
_MODR = r"(?i:early|late|mid|end|(?:the\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of)"
_YREL = r"(?i:last|this|next)"


@dataclass(frozen=True)
class _Pattern:
    name: str
    regex: re.Pattern[str]


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[_Pattern, ...]:
    c = _cues()
    mon_full = _alt(c.month_full)
    mon = rf"(?:(?:{mon_full})\b|(?:{_alt(c.month_abbr)})(?:\.|\b))"
    wd_full = rf"(?:{_alt(c.weekday_full)})\b"
    wd_any = rf"(?:{wd_full}|(?:{_alt(c.weekday_abbr)})(?:\.|\b))"
    wd_pre = rf"(?:(?P<wd>{wd_any}),?(?:\s+|\s*(?P<par>\()\s*)(?:the\s+)?)?"
    yr_tail = rf"(?:,?\s+(?P<y>{_YEAR})|,?\s+(?:of\s+)?(?P<yrel>{_YREL})\s+year\b)?"
    numw = "|".join(sorted(map(re.escape, c.numbers), key=len, reverse=True))
    parts = "|".join(sorted(c.words["part_of_day"], key=len, reverse=True))
    holi = "|".join(r"\s+".join(map(re.escape, h.split())) for h in sorted(c.holiday_names, key=len, reverse=True))
    bare_holi = "|".join(re.escape(h) for h in c.bare_holiday_names)
    preps = r"(?i:in|since|by|until|till|from|through|throughout|during|before|after|of|for|around|between|to|and|or|as\s+of|starting|beginning)"
    src = {
        # March 16 | Wednesday, March 12 | Feb. 3, 2025 | March 16-17 | November 1 of last year
        "month_day": rf"(?<!\w)(?P<x>{wd_pre}(?P<mon>{mon})\s+(?:the\s+)?(?P<d>{_DAY}){_ORD}?{_DEND}"
                     rf"(?:\s*(?:-|–|—|to)\s*(?P<d2>{_DAY}){_ORD}?{_DEND})?{yr_tail}(?(par)\s*\)))",
        # 16 March 2025 | the 16th of March | Mon, 17 Mar 2025 | 16-17 March
        "day_month": rf"(?<![\w.,:/$€£-])(?P<x>{wd_pre}(?:the\s+)?(?P<d>{_DAY}){_ORD}?"
                     rf"(?:\s*(?:-|–|—|to)\s*(?P<d2>{_DAY}){_ORD}?)?(?:\s+of)?[\s-]+(?P<mon>{mon})"
                     rf"{yr_tail}(?(par)\s*\)))",
        # "29 and 30 August": the first day (the second is a day_month); "August 29 and 30": the second
        "day_and": rf"(?<![\w.,:/$€£-])(?P<x>(?:the\s+)?(?P<d>{_DAY}){_ORD}?)\s+(?:and|&)\s+(?:the\s+)?{_DAY}{_ORD}?"
                   rf"(?:\s+of)?\s+(?P<mon>{mon}){yr_tail}",
        "and_day": rf"(?<!\w)(?P<mon>{mon})\s+(?:the\s+)?{_DAY}{_ORD}?\s+(?:and|&)\s+(?P<x>(?:the\s+)?"
                   rf"(?P<d>{_DAY}){_ORD}?){_DEND}{yr_tail}",
        # March 2025 | mid-March 2025
        "month_year": rf"(?<!\w)(?P<x>(?:(?P<mod>{_MODR})[-\s]+)?(?P<mon>{mon})(?:,?\s+|\s+of\s+)(?P<y>{_YEAR}))",
        # in April | mid-March | last December | April of last year
        "month": rf"(?<!\w)(?:(?P<prep>{preps})\s+)?(?P<x>(?:(?P<mod>{_MODR})[-\s]+)?"
                 rf"(?:(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|coming))\s+)?(?P<mon>(?:{mon_full})\b)"
                 rf"(?:,?\s+(?:of\s+)?(?P<yrel>{_YREL})\s+year\b)?)",
        # on Monday | last Tuesday | Saturday night | Sunday (21) | Friday last week | later on Tuesday
        "weekday": rf"(?<!\w)(?P<x>(?:(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|coming|later\s+on|"
                   rf"earlier\s+on|late\s+on|early\s+on|late|early|later|earlier))\s+)?(?P<wd>{wd_full})"
                   rf"(?:\s+(?:of\s+)?(?P<wkrel>{_YREL})\s+week\b|\s+(?P<part>{parts})\b|"
                   rf"\s*\(\s*(?P<dn>{_DAY}){_ORD}?\s*\)|,?\s+(?:the\s+)?(?P<dn2>{_DAY}){_ORD}(?!\w))?)",
        # yesterday | today | just now | this morning | last night | late yesterday
        "relday": r"(?<!\w)(?P<x>(?i:(?:(?P<rel>late|early|earlier|later)\s+)?(?P<rd>the\s+day\s+before\s+yesterday|"
                  r"the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight|just\s+now|last\s+night|"
                  r"this\s+(?:morning|afternoon|evening))(?:\s+(?:morning|afternoon|evening|night))?))(?!\w)",
        # this week | later this week | last month | early next year | the end of the month | the weekend
        "relunit": r"(?<!\w)(?P<x>(?i:(?:(?P<m1>earlier|later|late|early)\s+)?(?:(?:the\s+)?(?P<m2>end|beginning|start|"
                   r"middle|first\s+half|second\s+half|rest|remainder)\s+of\s+)?(?P<rel>this\s+past|this\s+coming|"
                   r"this|last|next|the)\s+(?P<unit>weekend|week|month|year)))(?!\w)",
        "inthe": r"(?<!\w)(?P<x>(?i:(?:earlier|later)\s+in\s+the\s+(?P<unit>week|month|year)))(?!\w)",
        # three days ago | 50 years ago
        "ago": rf"(?<!\w)(?P<x>(?i:(?P<n>\d{{1,3}}|{numw})\s+(?P<unit>day|week|fortnight|month|year)s?\s+ago))(?!\w)",
        # in two weeks | in three days' time | a week from now
        "after": rf"(?<!\w)(?P<x>(?i:in\s+(?P<n>\d{{1,2}}|{numw})\s+(?P<unit>day|week|fortnight|month|year)s?"
                 rf"(?:['’]?\s+time)?|(?P<n2>\d{{1,2}}|{numw})\s+(?P<unit2>day|week|fortnight|month|year)s?"
                 rf"\s+from\s+now))(?!\w)",
        "isoweek": r"(?<![\w-])(?P<x>(?P<y>(?:19|20)\d\d)-?W(?P<w>[0-5]\d))(?![\w-])",
        "isomonth": r"(?<![\w/.-])(?P<x>(?P<y>(?:19|20)\d\d)-(?P<m>1[0-2]|0[1-9]))(?![\w/.-])",
        "week_of": rf"(?<!\w)(?P<x>(?i:the\s+week\s+of)\s+(?:(?P<mon>{mon})\s+(?P<d>{_DAY}){_ORD}?{_DEND}|"
                   rf"(?P<d_>{_DAY}){_ORD}?\s+(?P<mon_>{mon}))(?:,?\s+(?P<y>{_YEAR}))?)",
        # on the 14th | the 3rd of this month
        "dom": rf"(?<!\w)(?:(?P<prep>(?i:on|by|until|till|since|from|before|after|through|for|to|and|between))\s+)?"
               rf"(?P<x>(?i:the)\s+(?P<d>{_DAY}){_ORD}(?:\s+of\s+(?P<rel>(?i:this|last|next|the))\s+month)?)(?![\w-])",
        "iso": r"(?<![\w/.-])(?P<x>(?P<y>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)"
               r"(?P<d>3[01]|[12]\d|0?[1-9]))(?!\d|[-/.]\d)",
        "numeric": r"(?<![\w/.:,-])(?P<x>(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<c>(?:19|20)\d\d|\d\d))"
                   r"(?!\d|[-/.:,]\d|%)",
        "loose": rf"(?<![\w-])(?P<x>\d{{1,2}}[-/]{mon}[-/](?:\d{{4}}|\d\d)|(?:19|20)\d\d[-/]{mon}[-/]\d{{1,2}}|"
                 rf"{mon}[-/]\d{{1,2}}[-/](?:19|20)\d\d)(?![\w-])",
        "holiday": rf"(?<!\w)(?P<x>(?P<h>{holi})(?:,?\s+(?P<y>{_YEAR}))?)(?!\w)",
        "bare_holiday": rf"(?<!\w)(?P<prep>(?i:at|before|after|by|over|until|till|since|on|for|around|during|from))\s+"
                        rf"(?P<x>(?P<h>{bare_holi}))(?=\s*[,.;:)!?]|\s+(?:and|or|in|at|with|when|as|to|this|last|next)\b|\s*$)",
        # in 2019 | the 2023 summit | mid-2024 | the end of 2024
        "year": rf"(?<![\w$€£¥#.,/:])(?P<x>(?:(?P<mod>{_MODR})[-\s]+)?(?P<y>(?:19|20)\d\d))(?![\w%]|[.,:]\d)",
    }
    return tuple(_Pattern(name, re.compile(rx)) for name, rx in src.items())


_WORD_RX = re.compile(r"[A-Za-z][A-Za-z'’.\-]*|[$€£¥#]")


def _prev_word(text: str, i: int) -> str:
    m = re.search(r"([A-Za-z][A-Za-z'’.\-]*|[$€£¥#])\s*$", text[max(0, i - 40):i])
    return m.group(1) if m else ""


def _next_words(text: str, i: int, n: int = 2) -> list[str]:
    return _WORD_RX.findall(text[i:i + 40])[:n]


def _num(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    return _cues().numbers.get(s.lower())


def _sentence_initial(text: str, i: int) -> bool:
    before = text[max(0, i - 4):i].rstrip(" \t")
    return not before or before[-1] in ".!?\n\"“'‘(:—–-"


_VAGUE_BEFORE = frozenset({"over", "than", "nearly", "almost", "about", "around", "some", "roughly",
                           "approximately", "under", "least", "barely", "several", "few"})


def _build(name: str, m: re.Match[str], text: str, loose: bool) -> _Expr | None:
    """The expression of one regex match, or None when a guard rejects it."""
    c = _cues()
    g = m.groupdict()
    xs, xe = m.span("x")
    if name in ("month_day", "day_month", "week_of", "day_and", "and_day"):
        mon = g.get("mon") or g.get("mon_")
        d = int(g.get("d") or g.get("d_"))
        mm = c.months[mon.rstrip(".").lower()]
        if _safe_date(2000, mm, d) is None:
            return None
        wd = c.weekdays[g["wd"].rstrip(".").lower()] if g.get("wd") else None
        y = int(g["y"]) if g.get("y") else None
        yoff = {"last": -1, "this": 0, "next": 1}[g["yrel"].lower()] if g.get("yrel") else None
        d2 = int(g["d2"]) if g.get("d2") else None
        return _Expr("date", y=y, m=mm, d=d, d2=d2, wd=wd, yoff=yoff, week=(name == "week_of"))
    if name == "month_year":
        return _Expr("month", y=int(g["y"]), m=c.months[g["mon"].rstrip(".").lower()], mode="bare")
    if name == "month":
        mon = g["mon"]
        prep = (g.get("prep") or "").lower()
        rel = (g.get("rel") or "").lower().split()
        has_cue = bool(prep or g.get("mod") or rel or g.get("yrel"))
        if not has_cue and not loose:
            return None
        nxt = _next_words(text, xe, 1)
        if not loose and not (g.get("mod") or rel or g.get("yrel")):
            if prep in c.words["name_prep"] and nxt and nxt[0][:1].isupper() and nxt[0].lower() not in c.months:
                return None  # "a speech by May Chen"
            if prep in ("to", "and", "or") and not re.search(
                    rf"\b(?:{_alt(c.month_full)})\b", text[max(0, xs - 30):xs]):
                return None  # "Johnson and May"
        mm = c.months[mon.lower()]
        yoff = {"last": -1, "this": 0, "next": 1}[g["yrel"].lower()] if g.get("yrel") else None
        mode = "bare"
        if rel:
            mode = {"past": "last", "coming": "next"}.get(rel[-1], rel[-1])
        return _Expr("month", m=mm, yoff=yoff, mode=mode)
    if name == "weekday":
        wd = c.weekdays[g["wd"].lower()]
        rel = (g.get("rel") or "").lower().split()
        prev = _prev_word(text, m.start("x")).lower()
        if prev in c.words["weekday_block_before"]:
            return None
        nxt = _next_words(text, xe, 2)
        if nxt and (nxt[0] in c.words["weekday_block_after"] or " ".join(nxt) in c.words["weekday_block_after"]):
            return None
        if g.get("wkrel"):
            return _Expr("weekday", wd=wd, mode="wk", off={"last": -1, "this": 0, "next": 1}[g["wkrel"].lower()])
        dn = g.get("dn") or g.get("dn2")
        mode = "bare"
        if rel and rel[0] in ("last", "next", "this", "coming"):
            mode = rel[-1]  # last, next, this, past ("this past"), coming ("(this) coming")
        return _Expr("weekday", wd=wd, d=int(dn) if dn else None, mode=mode)
    if name == "relday":
        rd = " ".join(g["rd"].lower().split())
        if rd == "today" and g["rd"][0] == "T" and not g.get("rel"):
            prev = _prev_word(text, xs)
            if prev and not _sentence_initial(text, xs) and (
                    prev in c.words["today_block_before"] or
                    (prev[:1].isupper() and prev.lower() not in ("on", "and", "but", "as", "from", "until", "since"))):
                return None  # USA Today, Russia Today
        off = {"yesterday": -1, "tomorrow": 1, "last night": -1, "the day before yesterday": -2,
               "the day after tomorrow": 2}.get(rd, 0)
        return _Expr("drel", off=off)
    if name == "relunit":
        rel = " ".join(g["rel"].lower().split())
        unit = g["unit"].lower()
        if rel == "the" and not g.get("m2") and unit != "weekend":
            return None
        if rel == "the" and unit == "weekend" and not g.get("m2"):
            return _Expr("weekend")
        if rel in ("this past", "this coming") and unit != "weekend":
            return None
        off = {"last": -1, "next": 1, "this past": -1, "this coming": 0}.get(rel, 0)
        if unit == "weekend":
            return _Expr("wrel", off=off)
        return _Expr({"week": "wrel", "month": "mrel", "year": "yrel"}[unit], off=off)
    if name == "inthe":
        return _Expr({"week": "wrel", "month": "mrel", "year": "yrel"}[g["unit"].lower()], off=0)
    if name == "ago":
        n = _num(g["n"])
        if n is None:
            return None
        if _prev_word(text, xs).lower() in _VAGUE_BEFORE:
            return None  # "over a year ago", "nearly two weeks ago": no exact offset
        unit = g["unit"].lower()
        if unit == "fortnight":
            unit, n = "week", 2 * n
        return _Expr({"day": "drel", "week": "wrel", "month": "mrel", "year": "yrel"}[unit], off=-n)
    if name == "after":
        n = _num(g.get("n") or g.get("n2") or "")
        if n is None:
            return None
        unit = (g.get("unit") or g.get("unit2")).lower()
        if unit == "fortnight":
            unit, n = "week", 2 * n
        prev = _prev_word(text, xs).lower()
        if g.get("n") and (prev in ("time", "times", "level", "levels", "high", "low") or prev.endswith("est")):
            return None  # "for the first time in four years", "the lowest level in two years"
        return _Expr("after", off=n, mode=("in:" if g.get("n") and not loose else "from:") + unit)
    if name == "isoweek":
        y, w = int(g["y"]), int(g["w"])
        try:
            _dt.date.fromisocalendar(y, w, 1)
        except ValueError:
            return None
        return _Expr("isoweek", y=y, off=w)
    if name == "isomonth":
        return _Expr("month", y=int(g["y"]), m=int(g["m"]), mode="bare") if loose else None
    if name == "dom":
        if not g.get("prep") and not g.get("rel") and not loose:
            return None
        nxt = _next_words(text, xe, 1)
        if nxt and not g.get("rel") and text[xe:xe + 1] == " " and nxt[0].lower() not in (
                "and", "or", "at", "in", "to", "when", "until", "with", "as", "for", "after", "before", "but",
                "through", "till", "between", "from", "of", "this", "last", "next", "while", "during", "because",
                "so", "if", "since", "which", "that", "was", "were", "is", "are", "will", "would", "has", "had",
                "have", "could", "should", "may", "might", "can", "did", "does", "do"):
            return None  # "the 14th century", "the 14th Dalai Lama"
        rel = (g.get("rel") or "").lower()
        if rel:
            return _Expr("dom", d=int(g["d"]), off={"last": -1, "next": 1}.get(rel, 0), mode="rel")
        return _Expr("dom", d=int(g["d"]), mode="bare")
    if name == "iso":
        y, mm, d = int(g["y"]), int(g["m"]), int(g["d"])
        return _Expr("date", y=y, m=mm, d=d) if _safe_date(y, mm, d) else None
    if name == "numeric":
        a, b, cc = int(g["a"]), int(g["b"]), g["c"]
        if len(cc) == 2 and g["sep"] == ".":
            return None
        y = int(cc) if len(cc) == 4 else 2000 + int(cc)
        day, mon = (b, a) if a <= 12 < b else (a, b)  # day-month-year unless impossible
        return _Expr("date", y=y, m=mon, d=day) if _safe_date(y, mon, day) else None
    if name == "loose":
        parsed = _dateparser_absolute(g["x"])
        if parsed is None:
            return None
        y, mm, d = parsed
        return _Expr("date", y=y, m=mm, d=d)
    if name in ("holiday", "bare_holiday"):
        table = c.holidays if name == "holiday" else c.bare_holidays
        mm, d = table[" ".join(g["h"].lower().split())]
        return _Expr("date", y=int(g["y"]) if g.get("y") else None, m=mm, d=d)
    if name == "year":
        y = int(g["y"])
        if g.get("mod") or loose:
            return _Expr("year", y=y)
        if xs > 0 and text[xs - 1] in "-–" and not re.search(r"(?:19|20)\d\d\s*[-–]$", text[max(0, xs - 8):xs]):
            return None
        prev = _prev_word(text, xs)
        lp = prev.lower()
        if lp in c.words["year_block_before"]:
            return None
        if prev[:1].isupper() and lp not in c.words["year_cue_before"] and lp not in c.months \
                and not re.search(r"['’]s$", prev):
            return None  # "Vision 2030", "Resolution 2254", "Euro 2024"
        nxt = _next_words(text, xe, 1)
        if nxt and text[xe:xe + 1] in (" ", "\u00a0") and nxt[0].lower().rstrip(".") in c.words["year_block_after"]:
            return None  # "2000 troops", "1900 GMT"
        if re.match(r"\s*(?:hrs|h)\b", text[xe:xe + 5]):
            return None
        return _Expr("year", y=y)
    return None


#: Which patterns a cheap anchor (a word or number shape every candidate contains) wakes up.
_ANCHOR_PATTERNS = {
    "mon": ("month_day", "day_month", "day_and", "and_day", "month_year", "month", "week_of", "loose", "holiday"),
    "wd": ("month_day", "day_month", "weekday"),
    "num4": ("year", "iso", "numeric", "loose", "isoweek", "isomonth"),
    "numsep": ("numeric", "loose"),
    "ord": ("dom",),
    "rel": ("relday", "after"),
    "hol": ("holiday", "bare_holiday", "relunit", "inthe", "ago", "after"),  # "Day" is a unit too
    "unit": ("relunit", "inthe", "ago", "after"),
}
_LEFT, _RIGHT = 50, 60  # how far a candidate may reach left and right of its anchor


@functools.lru_cache(maxsize=1)
def _anchor_regex() -> re.Pattern[str]:
    c = _cues()
    hol = sorted({h.split()[-1] for h in c.holiday_names} | set(c.bare_holiday_names))
    parts = {
        "mon": rf"\b(?:{_alt(c.month_full + c.month_abbr)})\b",
        "wd": rf"\b(?:{_alt(c.weekday_full + c.weekday_abbr)})\b",
        "num4": r"(?<!\d)(?:1[89]|20)\d\d(?!\d)",
        "numsep": r"(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-]\d\d(?!\d)",
        "ord": r"(?<!\d)\d{1,2}(?:st|nd|rd|th)\b",
        "rel": r"\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|YESTERDAY|TODAY|TOMORROW|TONIGHT|now|[Nn]ight|"
               r"[Mm]orning|[Aa]fternoon|[Ee]vening)\b",
        "hol": rf"\b(?:{_alt(hol)})\b",
        "unit": r"\b(?:[Ww]eek(?:end|s)?|[Mm]onths?|[Yy]ears?|[Dd]ays?|[Ff]ortnights?|WEEK|MONTH|YEAR)\b",
    }
    return re.compile("|".join(f"(?P<{k}>{v})" for k, v in parts.items()))


@functools.lru_cache(maxsize=256)
def _candidates(text: str, loose: bool = False) -> tuple[tuple[int, int, _Expr], ...]:
    """Non-overlapping ``(start, end, expr)`` in text order; the longest wins an overlap.

    An anchor regex finds the few places a date can be; each pattern then runs only in the windows
    around its anchors (a full scan of every pattern costs ten times more).
    """
    windows: dict[str, list[list[int]]] = {}
    n = len(text)
    for a in _anchor_regex().finditer(text):
        ws, we = max(0, a.start() - _LEFT), min(n, a.end() + _RIGHT)
        for name in _ANCHOR_PATTERNS[a.lastgroup]:  # type: ignore[index]
            wl = windows.setdefault(name, [])
            if wl and ws <= wl[-1][1]:
                wl[-1][1] = max(wl[-1][1], we)
            else:
                wl.append([ws, we])
    found: dict[tuple[int, int, int], _Expr] = {}
    for prio, pat in enumerate(_patterns()):
        for ws, we in windows.get(pat.name, ()):
            sp = text.find(" ", we)  # never cut a word: a match ending at ``we`` would be truncated
            we = n if sp < 0 else sp
            for m in pat.regex.finditer(text, ws, we):
                s, t = m.span("x")
                if (s, t, prio) in found:
                    continue
                e = _build(pat.name, m, text, loose)
                if e is not None:
                    found[(s, t, prio)] = e
    ordered = sorted(found.items(), key=lambda f: (-(f[0][1] - f[0][0]), f[0][2], f[0][0]))
    taken: list[tuple[int, int, _Expr]] = []
    for (s, t, _), e in ordered:
        if all(t <= s2 or s >= t2 for s2, t2, _ in taken):
            taken.append((s, t, e))
    taken.sort(key=lambda f: f[0])
    return tuple(taken)


# --------------------------------------------------------------------------------------------
# dateparser (lazy)
# --------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _dateparser() -> Any:
    from dateparser.date import DateDataParser  # slow first import: only when needed

    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY"})


@functools.lru_cache(maxsize=1024)
def _dateparser_absolute(s: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of an absolute date string dateparser understands."""
    try:
        data = _dateparser().get_date_data(s)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    dt = data.date_obj
    has_year = bool(re.search(r"\d{4}|[-/]\d\d\b", s))
    return (dt.year if has_year else None), dt.month, dt.day


_TIME_ONLY = re.compile(r"^\s*\d{1,2}(?:[:.h]\d{2})+\s*(?:[ap]\.?m\.?|GMT|UTC|hrs?|local time)?\s*$", re.I)


@functools.lru_cache(maxsize=1024)
def _dateparser_fallback(text: str, ref: _dt.date | None, tense: str | None) -> _Resolved | None:
    c = _cues()
    if _TIME_ONLY.match(text) or not text.strip():
        return None
    words = re.findall(r"[A-Za-z]+", text)
    if not re.search(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}", text) and not any(
            (w[:1].isupper() and (w.lower() in c.months or w.lower() in c.weekdays)) for w in words):
        return None  # no numeric date, no capitalised month or weekday: "may", "45 minutes", "soon"
    settings: dict[str, Any] = {"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY"}
    if ref is not None:
        settings["RELATIVE_BASE"] = _dt.datetime(ref.year, ref.month, ref.day)
    if tense in (PAST, FUTURE):
        settings["PREFER_DATES_FROM"] = tense
    try:
        from dateparser.date import DateDataParser

        data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except Exception:
        return None
    if data is None or data.date_obj is None:
        return None
    dt = data.date_obj.date()
    years = re.findall(r"(?<!\d)(\d{4})(?!\d)", text)
    if ref is None and not years:
        return None
    if re.search(r"\d{4}['’]?s\b", text) or (years and str(dt.year) not in years):
        return None  # decades, and dateparser's guesses that ignore the year written
    named = [c.months[w.lower()] for w in words if w[:1].isupper() and w.lower() in c.months]
    if named and dt.month not in named:
        return None
    period = data.period or "day"
    if period == "week":
        return _week(dt)
    if period == "month":
        return _month(dt.year, dt.month)
    if period == "year":
        return _year(dt.year)
    if period == "time" and re.search(r"\d{1,2}[:.]\d{2}", text) and not re.search(r"[A-Za-z]{3}", text):
        return None
    return _day(dt)


# --------------------------------------------------------------------------------------------
# direction: past or future from the sentence
# --------------------------------------------------------------------------------------------

_STRONG_FUTURE = frozenset({"schedule", "slate", "due", "expect", "plan", "intend", "poise", "propose",
                            "anticipate", "arrange", "tip", "set"})
_BE_PRESENT = frozenset({"is", "are", "am", "'s", "'re", "’s", "’re", "be"})
_BE_PAST = frozenset({"was", "were"})
_FRONT_WORDS = frozenset({"on", "in", "at", "by", "since", "from", "late", "early", "earlier", "later", "until",
                          "during", "before", "after", "and", "but", "then", "also", "as", "of", "so"})
_SENT_END = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z\"“‘(])|\n|;")


def _is_verb(t: Token) -> bool:
    return t.pos_ in ("VERB", "AUX") or t.tag_ in ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD")


def _verb_tense(v: Token) -> str | None:
    c = _cues()
    modals = c.words["modal"]
    weak = c.words["future_verb"]
    for _ in range(5):
        auxes = [a for a in v.children if a.dep_ in ("aux", "auxpass")]
        if any(a.tag_ == "MD" or a.lower_ in modals for a in auxes):
            return PAST if any(a.lemma_ == "have" and a.lower_ != "to" for a in auxes) else FUTURE
        if v.tag_ == "MD" or v.lower_ in modals:
            return FUTURE
        if any(a.tag_ == "TO" for a in auxes):  # infinitive: "(plans) to meet on Monday"
            h = v.head
            if h == v or v.dep_ == "ROOT":
                return FUTURE  # headline: "Putin to visit China in May"
            if h.lemma_ in weak or h.lemma_ in _STRONG_FUTURE or h.lower_ in ("going", "due", "set", "likely"):
                return FUTURE
            if any(a.lower_ in _BE_PRESENT | _BE_PAST for a in h.children if a.dep_ in ("aux", "auxpass")) \
                    and h.lower_ in ("going",):
                return FUTURE
            if h.pos_ in ("AUX",) and h.lemma_ == "be":  # "is to visit"
                return FUTURE
            v = h
            continue
        if v.lemma_ in _STRONG_FUTURE and (v.lemma_ != "set" or v.tag_ == "VBN"):
            return FUTURE
        if v.lower_ in ("due", "likely", "upcoming", "scheduled", "slated", "expected"):
            return FUTURE
        if v.tag_ == "VBD" or (v.tag_ == "VB" and any(a.tag_ == "VBD" for a in auxes)):
            return PAST  # "met", "did not meet"
        if v.tag_ == "VBN":
            if any(a.lemma_ == "have" or a.lower_ in _BE_PAST for a in auxes):
                return PAST
            if any(a.lower_ in _BE_PRESENT for a in auxes):
                return None
            if v.dep_ in ("conj",) and v.head != v:
                v = v.head
                continue
            return PAST  # reduced relative: "the talks held on Monday"
        if v.tag_ == "VBG":
            if v.lower_ == "going" and any(ch.dep_ == "xcomp" for ch in v.children):
                return FUTURE
            if any(a.lower_ in _BE_PRESENT for a in auxes):
                return FUTURE  # "is visiting Moscow on Monday": an arrangement
            if any(a.lower_ in _BE_PAST for a in auxes):
                return PAST
            if v.dep_ in ("advcl", "acl", "xcomp", "conj", "pcomp") and v.head != v:
                v = v.head
                continue
            return None
        if v.dep_ == "conj" and v.head != v and not auxes:
            v = v.head
            continue
        return "present"
    return None


def _finite(v: Token) -> Token:
    """The finite verb an infinitive or participle hangs from ("agreed" for "agreed to stop")."""
    for _ in range(4):
        auxes = [a for a in v.children if a.dep_ in ("aux", "auxpass")]
        if v.tag_ in ("VB", "VBG") and (not auxes or all(a.tag_ == "TO" for a in auxes)) \
                and v.dep_ in ("xcomp", "advcl", "ccomp", "conj") and v.head != v:
            v = v.head
            continue
        break
    return v


def _tense_from_parse(doc: Doc, start: int, end: int) -> str | None:
    """Tense of the verb governing ``start:end``; ``"present"`` for a present verb, None if no verb.

    A date inside the subject ("the summit on 26 March was called off") does not take the past
    of its verb: the reading falls back to the default rule.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    # a verb right before the expression governs it, whatever the parser attached ("said on Sunday")
    i = span.start - 1
    if i >= 0 and doc[i].pos_ == "ADP":
        i -= 1
    if i >= 0 and doc[i].pos_ in ("VERB", "AUX") and doc[i].tag_ != "MD":
        t = _verb_tense(doc[i])
        if t is not None:
            return t
    fut_nominal = {"upcoming", "planned", "proposed", "scheduled", "due", "expected", "forthcoming",
                   "slated", "anticipated", "awaited", "possible", "potential", "next"}
    cur = span.root
    in_subject = False
    setting = False
    prev = None
    for _ in range(12):
        if cur.i < span.start or cur.i >= span.end:
            if _is_verb(cur):
                if setting:  # "agreed to stop attacks during a call on Tuesday": the call's own clause
                    cur = _finite(cur)
                t = _verb_tense(cur)
                return None if (t == PAST and in_subject) else t
            came_from_event = prev is not None and not (span.start <= prev.i < span.end)
            if cur.dep_ == "prep" and came_from_event and cur.lower_ in ("after", "following", "before", "ahead"):
                return None  # another event beside the clause's own: the default reading decides
            if cur.dep_ == "prep" and came_from_event and cur.lower_ in ("during", "in", "at", "over"):
                setting = True
            if cur.lower_ in fut_nominal or any(ch.dep_ == "amod" and ch.lower_ in fut_nominal
                                                for ch in cur.children):
                return FUTURE
            if cur.lower_ == "since":
                return PAST
        if cur.dep_ in ("nsubj", "nsubjpass", "csubj"):
            in_subject = True
        if cur.head == cur:
            break
        prev, cur = cur, cur.head
    return None


def _tense_from_window(text: str, start: int, end: int, n: int = 12) -> str | None:
    c = _cues()
    fut, past, ed_not = c.words["future_word"] - {"next"}, c.words["past_word"], c.words["ed_not_past"]
    to_verbs = c.words["to_verb"]
    left_ctx = text[max(0, start - 300):start]
    # (one character of look-ahead, so a sentence end right before the expression is seen)
    bounds = [b for b in _SENT_END.finditer(left_ctx + text[start:start + 1]) if b.end() <= len(left_ctx)]
    if bounds:
        left_ctx = left_ctx[bounds[-1].end():]
    right_ctx = text[end:end + 300]
    b = _SENT_END.search(right_ctx)
    if b:
        right_ctx = right_ctx[:b.start()]
    left = re.findall(r"[A-Za-z][A-Za-z'’\-]*", left_ctx)[-n:]
    right = re.findall(r"[A-Za-z][A-Za-z'’\-]*", right_ctx)[:n]

    def classify(words: list[str], i: int) -> str | None:
        w = words[i]
        lw = w.lower()
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        prv = words[i - 1].lower() if i > 0 else ""
        if w in ("May", "March") or (w[:1].isupper() and lw in c.months):
            return None
        if lw == "to" and nxt in to_verbs:
            return FUTURE
        if lw == "going" and nxt == "to":
            return FUTURE
        if lw == "set" and nxt not in ("to", "for"):
            return None
        if lw in fut:
            return FUTURE
        if lw.endswith("ing") and len(lw) > 4:
            if prv in _BE_PRESENT or prv.endswith(("'s", "’s", "'re", "’re")):
                return FUTURE
            if prv in _BE_PAST:
                return PAST
            return None
        participle = lw in past or (lw.endswith("ed") and len(lw) >= 5 and lw not in ed_not
                                    and "-" not in lw and not w[:1].isupper())
        if participle:
            if prv in ("be", "being"):
                return None  # "will be held": the modal further left decides
            return PAST
        return None

    for i in range(len(left) - 1, -1, -1):
        t = classify(left, i)
        if t:
            return t
    fronted = all(w.lower() in _FRONT_WORDS for w in left)  # "On Monday, ..." / "Late on Monday the ..."
    for i in range(len(right)):
        t = classify(right, i)
        if t:
            if t == PAST and not fronted and "," not in right_ctx[:right_ctx.find(right[i])]:
                return None  # inside the subject: "the summit on 26 March was called off"
            return t
    return None


def tense_at(doc: Doc, start: int, end: int, *, use_parser: bool = True) -> str | None:
    """``"past"``, ``"future"`` or None for the clause around characters ``start:end`` of ``doc``.

    With a dependency parse the verb governing the stretch decides (its tense, modals, "scheduled",
    "plans to", "is going to" ...); without one (``spacy.blank``) the nearest cue word in the
    sentence does. Useful beyond dates, e.g. to tell a reported contact from a planned one.

    >>> import spacy
    >>> doc = spacy.blank("en")("They will meet on Monday.")
    >>> tense_at(doc, 18, 24)
    'future'
    """
    return _tense(doc, start, end, use_parser and doc.has_annotation("DEP"), doc_text(doc))


def _tense(doc: Doc, start: int, end: int, parsed: bool, text: str) -> str | None:
    if parsed:
        t = _tense_from_parse(doc, start, end)
        if t == "present":
            return None
        if t is not None:
            return t
    return _tense_from_window(text, start, end)


# --------------------------------------------------------------------------------------------
# public functions
# --------------------------------------------------------------------------------------------

def _as_date(reference: DateLike) -> _dt.date | None:
    if reference is None or reference == "":
        return None
    if isinstance(reference, _dt.datetime):
        return reference.date()
    if isinstance(reference, _dt.date):
        return reference
    if isinstance(reference, str):
        try:
            return _dt.date.fromisoformat(reference.strip()[:10])
        except ValueError:
            raise ValueError(f"reference must be an ISO date 'YYYY-MM-DD', got {reference!r}") from None
    raise TypeError(f"reference must be a date or an ISO date string, not {type(reference).__name__}")


def find_dates(doc: Doc, reference: DateLike = None, *, use_parser: bool = True) -> list[TimeValue]:
    """Every temporal expression of ``doc``, in text order, normalised against ``reference``.

    Parameters
    ----------
    doc
        A ``Doc`` from any English pipeline; a parse (``token.dep``) sharpens the past/future
        reading of bare weekdays and months, ``spacy.blank("en")`` docs work too.
    reference
        The publication date (``date`` or ISO string); relative expressions ("yesterday",
        "on Monday") are dropped without one, month-days get ``XXXX-MM-DD``.
    use_parser
        Read the direction from the parse when there is one (else from cue words).

    >>> import spacy
    >>> doc = spacy.blank("en")("Erdogan spoke with Trump on Sunday and may visit the US in April.")
    >>> [(t.text, t.value) for t in find_dates(doc, "2025-03-17")]
    [('Sunday', '2025-03-16'), ('April', '2025-04')]
    """
    ref = _as_date(reference)
    text = doc_text(doc)
    out: list[TimeValue] = []
    parsed: bool | None = None
    for start, end, e in _candidates(text):
        tense = None
        if ref is not None and e.needs_tense:
            if parsed is None:
                parsed = use_parser and doc.has_annotation("DEP")
            tense = _tense(doc, start, end, parsed, text)
        res = _resolve(e, ref, tense)
        if res is None:
            continue
        out.append(TimeValue(text[start:end], start, end, *res))
    return out


def normalize(text: str, reference: DateLike = None, *, tense: str | None = None) -> TimeValue | None:
    """Normalise one expression (offsets ``0..len(text)``); ``tense`` is "past", "future" or None.

    With ``tense=None`` the direction comes from cue words in ``text`` itself, if any, else from
    the default rule (past within ~6 months, else future within ~1 month, else the nearer).

    >>> normalize("last week", "2025-03-17").value
    '2025-W11'
    >>> normalize("Friday", "2025-03-17", tense="future").value
    '2025-03-21'
    >>> normalize("16 March").value
    'XXXX-03-16'
    """
    if tense not in (None, PAST, FUTURE):
        raise ValueError(f"tense must be 'past', 'future' or None, not {tense!r}")
    ref = _as_date(reference)
    cands = _candidates(text, True)
    res: _Resolved | None = None
    if cands:
        start, end, e = max(cands, key=lambda c: (c[1] - c[0], -c[0]))
        t = tense
        if t is None and e.needs_tense and ref is not None:
            t = _tense_from_window(text, start, end)
        res = _resolve(e, ref, t)
    else:
        res = _dateparser_fallback(text, ref, tense)
    if res is None:
        return None
    return TimeValue(text, 0, len(text), *res)


def dates_in(obj: Doc | Span | Token) -> list[TimeValue]:
    """The TimeValues of ``doc._.dates`` that overlap a doc, span (e.g. a sentence) or token."""
    doc = obj if isinstance(obj, Doc) else obj.doc
    dates = doc._.dates or []
    if isinstance(obj, Doc):
        return list(dates)
    if isinstance(obj, Token):
        s, e = obj.idx, obj.idx + len(obj.text)
    else:
        s, e = obj.start_char, obj.end_char
    return [t for t in dates if t.start < e and t.end > s]


# --------------------------------------------------------------------------------------------
# spaCy component
# --------------------------------------------------------------------------------------------

class DateRecognizer:
    """Sets ``doc._.dates`` and ``doc.spans["diplograph_dates"]`` (label ``DATE``, ``span._.time_value``).

    Reads ``doc._.published`` as the reference date. Works on ``spacy.blank("en")`` docs; after a
    parser it uses the parse for the past/future reading (``use_parser``).
    """

    def __init__(self, nlp: Language, name: str = "diplograph_dates", *, use_parser: bool = True) -> None:
        register_extensions()
        self.name = name
        self.use_parser = use_parser

    def __call__(self, doc: Doc) -> Doc:
        dates = find_dates(doc, doc._.published, use_parser=self.use_parser)
        doc._.dates = dates
        spans = []
        for tv in dates:
            span = doc.char_span(tv.start, tv.end, label="DATE", alignment_mode="expand")
            if span is None:
                continue
            span._.time_value = tv
            spans.append(span)
        doc.spans[SPANS_DATES] = spans
        return doc


@Language.factory(
    "diplograph_dates",
    assigns=["doc._.dates", "span._.time_value"],
    requires=[],
    default_config={"use_parser": True},
)
def make_dates(nlp: Language, name: str, use_parser: bool) -> DateRecognizer:
    """Factory of the ``diplograph_dates`` component (entry point ``diplograph.dates:make_dates``)."""
    return DateRecognizer(nlp, name, use_parser=use_parser)
