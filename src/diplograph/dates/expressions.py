"""From a pattern match to an expression that does not yet know the publication date.

Each pattern of ``data/date_patterns.jsonl`` names a builder here (its ``build``). A builder reads the
match's named groups, applies the guards that tell a date from a name, a count or a duration (their
word lists are in the vocabulary), and returns an :class:`Expression`, or None when a guard rejects
the match.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .calendars import Feast
from .dateparsing import parse_absolute
from .vocabulary import Vocabulary, alternation

__all__ = ["BUILDERS", "Expression", "Match", "safe_date"]

_OFFSET = {"last": -1, "this": 0, "next": 1}
_UNIT_KIND = {"day": "drel", "week": "wrel", "month": "mrel", "year": "yrel"}
_WORD_RX = re.compile(r"[A-Za-z][A-Za-z'’.\-]*|[$€£¥#]")
_PREV_WORD_RX = re.compile(r"([A-Za-z][A-Za-z'’.\-]*|[$€£¥#])\s*$")


@dataclass(frozen=True)
class Expression:
    """A date expression before it meets a reference date.

    kind: ``date`` (month-day), ``month``, ``year``, ``weekday``, ``dom`` (day of month only),
    ``drel``/``wrel``/``mrel``/``yrel`` (offset in days/weeks/months/years from the reference),
    ``weekend`` (the weekend before/after), ``after`` (an offset that needs a future verb),
    ``isoweek`` (week ``off`` of year ``y``), ``edge`` (the first or last day or week, ``mode``
    ``first:day`` ... ``last:week``, of the period ``base``), ``feast`` (a movable holiday, year ``y``
    when written).
    """

    kind: str
    y: int | None = None
    m: int | None = None
    d: int | None = None
    d2: int | None = None
    wd: int | None = None
    off: int = 0
    yoff: int | None = None  # "of last year": year offset from the reference
    mode: str = ""  # weekday/month: bare, this, last, next, past, coming, wk (week offset in ``off``)
    week: bool = False  # "the week of March 10": report the ISO week of the day
    base: Expression | None = None  # "edge": the period whose first or last day or week it is
    feast: Feast | None = None  # "feast": a holiday whose date moves (Easter, Ramadan ...)

    @property
    def needs_tense(self) -> bool:
        """Whether past or future must be known to resolve it (a bare weekday, month, "the 14th" ...)."""
        if self.kind == "date":
            return self.y is None and self.yoff is None
        if self.kind == "month":
            return self.mode == "bare" and self.y is None and self.yoff is None
        if self.kind == "weekday":
            return self.mode in ("bare", "this")
        if self.kind == "edge":
            return self.base is not None and self.base.needs_tense
        if self.kind == "feast":
            return self.y is None
        return self.kind in ("dom", "weekend", "after")


@dataclass(frozen=True)
class Match:
    """What a builder sees: the named groups, where the expression is, the text, the vocabulary."""

    g: dict[str, Any]
    start: int  # of the group ``x``
    end: int
    text: str
    loose: bool  # one expression given alone (``normalize``): the cue requirements are dropped
    v: Vocabulary
    as_week: bool = False

    def prev_word(self) -> str:
        m = _PREV_WORD_RX.search(self.text[max(0, self.start - 40):self.start])
        return m.group(1) if m else ""

    def next_words(self, n: int = 2) -> list[str]:
        return _WORD_RX.findall(self.text[self.end:self.end + 40])[:n]

    def lower(self, group: str) -> str:
        return (self.g.get(group) or "").lower()


def safe_date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _sentence_initial(text: str, i: int) -> bool:
    before = text[max(0, i - 4):i].rstrip(" \t")
    return not before or before[-1] in ".!?\n\"“'‘(:—–-"


@dataclass(frozen=True)
class Builder:
    fn: Callable[[Match], Expression | None]
    groups: tuple[str, ...]  # the named groups a pattern must have ("a|b": either)


BUILDERS: dict[str, Builder] = {}


def _builder(*groups: str) -> Callable[[Callable[[Match], Expression | None]], Callable]:
    def register(fn: Callable[[Match], Expression | None]) -> Callable:
        BUILDERS[fn.__name__.removeprefix("_build_")] = Builder(fn, ("x",) + groups)
        return fn

    return register


def _year_offset(mt: Match) -> int | None:
    return _OFFSET[mt.lower("yrel")] if mt.g.get("yrel") else None


@_builder("mon|mon_", "d|d_")
def _build_date(mt: Match) -> Expression | None:
    """March 16, 16 March 2025, Wednesday, March 12, 16-17 March, November 1 of last year."""
    g, v = mt.g, mt.v
    mon = g.get("mon") or g.get("mon_")
    d = int(g.get("d") or g.get("d_"))
    mm = v.months[mon.rstrip(".").lower()]
    if safe_date(2000, mm, d) is None:  # 2000 is a leap year: only impossible days fail
        return None
    wd = v.weekdays[g["wd"].rstrip(".").lower()] if g.get("wd") else None
    y = int(g["y"]) if g.get("y") else None
    d2 = int(g["d2"]) if g.get("d2") else None
    return Expression("date", y=y, m=mm, d=d, d2=d2, wd=wd, yoff=_year_offset(mt), week=mt.as_week)


@_builder("mon", "y")
def _build_month_year(mt: Match) -> Expression | None:
    return Expression("month", y=int(mt.g["y"]), m=mt.v.months[mt.g["mon"].rstrip(".").lower()], mode="bare")


@_builder("mon")
def _build_month(mt: Match) -> Expression | None:
    """A month name with a cue; a preposition that may stand before a name needs more."""
    g, v = mt.g, mt.v
    prep = mt.lower("prep")
    rel = mt.lower("rel").split()
    modified = bool(g.get("mod") or rel or g.get("yrel"))
    if not mt.loose and not (prep or modified):
        return None
    if not mt.loose and not modified:
        nxt = mt.next_words(1)
        if prep in v.words["name_prep"] and nxt and nxt[0][:1].isupper() and nxt[0].lower() not in v.months:
            return None  # "a speech by May Chen"
        if prep in v.words["month_weak_cue"] and not re.search(
                rf"\b(?:{alternation(v.month_full)})\b",
                mt.text[max(0, mt.start - 30):mt.start]):
            return None  # "Johnson and May"
        if prep in v.words["month_attr_cue"] and not (
                nxt and nxt[0].islower() and nxt[0].rstrip(".") not in v.words["month_attr_block"]):
            return None  # "the September meeting", not "the March on Rome"
    mode = "bare"
    if rel:
        mode = {"past": "last", "coming": "next"}.get(rel[-1], rel[-1])
    return Expression("month", m=v.months[g["mon"].lower()], yoff=_year_offset(mt), mode=mode)


_PREPOSITIONAL = {"following"}  # blocks a weekday ("the following Friday") unless it means "after"


@_builder("wd")
def _build_weekday(mt: Match) -> Expression | None:
    """Monday, last Tuesday, Saturday night, Sunday (21), Friday last week; not Good Friday, Sunday Times."""
    g, v = mt.g, mt.v
    prev = mt.prev_word().lower()
    if prev in v.words["weekday_block_before"] and not (
            prev in _PREPOSITIONAL and re.match(r"['’]s\b", mt.text[mt.end:mt.end + 3])):
        return None  # ("following Friday's call" is Friday's: the word is a preposition there)
    nxt = [w.rstrip(".") for w in mt.next_words(2)]  # "the Sunday Times." at a sentence end
    if nxt and (nxt[0] in v.words["weekday_block_after"] or " ".join(nxt) in v.words["weekday_block_after"]):
        return None
    wd = v.weekdays[g["wd"].lower()]
    if g.get("wkrel"):
        return Expression("weekday", wd=wd, mode="wk", off=_OFFSET[mt.lower("wkrel")])
    rel = mt.lower("rel").split()
    dn = g.get("dn") or g.get("dn2") or g.get("dn3")
    mode = "bare"
    if rel and rel[0] in ("last", "next", "this", "coming"):
        mode = rel[-1]  # last, next, this, past ("this past"), coming ("(this) coming")
    return Expression("weekday", wd=wd, d=int(dn) if dn else None, mode=mode)


_RELDAY_OFFSET = {"yesterday": -1, "tomorrow": 1, "last night": -1, "the day before yesterday": -2,
                  "the day after tomorrow": 2}


@_builder("rd")
def _build_relday(mt: Match) -> Expression | None:
    """yesterday, today, tonight, last night, this morning; not "USA Today"."""
    g, v = mt.g, mt.v
    rd = " ".join(g["rd"].lower().split())
    if rd == "today" and g["rd"][0] == "T" and not g.get("rel"):
        prev = mt.prev_word()
        if prev and not _sentence_initial(mt.text, mt.start) and (
                prev in v.words["today_block_before"] or
                (prev[:1].isupper() and prev.lower() not in v.words["today_cue_before"])):
            return None  # USA Today, Russia Today
    return Expression("drel", off=_RELDAY_OFFSET.get(rd, 0))


@_builder("rel", "unit")
def _build_relunit(mt: Match) -> Expression | None:
    """this week, last month, the end of next year, the weekend, this past week."""
    rel = " ".join(mt.lower("rel").split())
    unit = mt.lower("unit")
    if rel == "the" and not mt.g.get("m2"):
        return Expression("weekend") if unit == "weekend" else None
    if rel in ("this past", "this coming") and unit == "week":
        return Expression("wrel", mode=rel.split()[-1])  # the week just ended / about to start
    if rel in ("this past", "this coming") and unit != "weekend":
        return None
    off = {"last": -1, "next": 1, "this past": -1, "this coming": 0}.get(rel, 0)
    return Expression("wrel" if unit == "weekend" else _UNIT_KIND[unit], off=off)


@_builder("unit")
def _build_inthe(mt: Match) -> Expression | None:
    return Expression(_UNIT_KIND[mt.lower("unit")], off=0)


@_builder("n", "unit")
def _build_ago(mt: Match) -> Expression | None:
    """three days ago; not "over a year ago"."""
    n = mt.v.number(mt.g["n"])
    if n is None:
        return None
    if mt.prev_word().lower() in mt.v.words["vague_before"]:
        return None  # "over a year ago", "nearly two weeks ago": no exact offset
    unit = mt.lower("unit")
    if unit == "fortnight":
        unit, n = "week", 2 * n
    return Expression(_UNIT_KIND[unit], off=-n)


@_builder("n|n2", "unit|unit2")
def _build_after(mt: Match) -> Expression | None:
    """in two weeks, a week from now; not "for the first time in four years"."""
    g = mt.g
    n = mt.v.number(g.get("n") or g.get("n2") or "")
    if n is None:
        return None
    unit = (g.get("unit") or g.get("unit2")).lower()
    if unit == "fortnight":
        unit, n = "week", 2 * n
    prev = mt.prev_word().lower()
    if g.get("n") and (prev in mt.v.words["duration_before"] or prev.endswith("est")):
        return None  # "for the first time in four years", "the lowest level in two years"
    return Expression("after", off=n, mode=("in:" if g.get("n") and not mt.loose else "from:") + unit)


@_builder("y", "w")
def _build_isoweek(mt: Match) -> Expression | None:
    y, w = int(mt.g["y"]), int(mt.g["w"])
    try:
        _dt.date.fromisocalendar(y, w, 1)
    except ValueError:
        return None
    return Expression("isoweek", y=y, off=w)


@_builder("y", "m")
def _build_isomonth(mt: Match) -> Expression | None:
    return Expression("month", y=int(mt.g["y"]), m=int(mt.g["m"]), mode="bare") if mt.loose else None


@_builder("d")
def _build_dom(mt: Match) -> Expression | None:
    """on the 14th, the 3rd of this month; not "the 14th century"."""
    g = mt.g
    if not g.get("prep") and not g.get("rel") and not mt.loose:
        return None
    nxt = mt.next_words(1)
    if nxt and not g.get("rel") and mt.text[mt.end:mt.end + 1] == " " \
            and nxt[0].lower() not in mt.v.words["dom_follow"]:
        return None  # "the 14th century", "the 14th Dalai Lama"
    rel = mt.lower("rel")
    if rel:
        return Expression("dom", d=int(g["d"]), off={"last": -1, "next": 1}.get(rel, 0), mode="rel")
    return Expression("dom", d=int(g["d"]), mode="bare")


@_builder("y", "m", "d")
def _build_iso(mt: Match) -> Expression | None:
    y, mm, d = int(mt.g["y"]), int(mt.g["m"]), int(mt.g["d"])
    return Expression("date", y=y, m=mm, d=d) if safe_date(y, mm, d) else None


@_builder("a", "b", "c", "sep")
def _build_numeric(mt: Match) -> Expression | None:
    """16/03/2025, 18.03.2025 (day first unless impossible: 03/18/2025)."""
    a, b, cc = int(mt.g["a"]), int(mt.g["b"]), mt.g["c"]
    if len(cc) == 2 and mt.g["sep"] == ".":
        return None
    y = int(cc) if len(cc) == 4 else 2000 + int(cc)
    day, mon = (b, a) if a <= 12 < b else (a, b)
    return Expression("date", y=y, m=mon, d=day) if safe_date(y, mon, day) else None


@_builder()
def _build_loose(mt: Match) -> Expression | None:
    parsed = parse_absolute(mt.g["x"])
    if parsed is None:
        return None
    y, mm, d = parsed
    return Expression("date", y=y, m=mm, d=d)


@_builder("h")
def _build_holiday(mt: Match) -> Expression | None:
    """Christmas Day, Victory Day 2025, Good Friday, Eid al-Fitr, Lunar New Year, the eve of Ramadan;
    not the Good Friday Agreement, the Yom Kippur War."""
    nxt = mt.next_words(1)
    if nxt and nxt[0].rstrip(".,") in mt.v.words["holiday_block_after"]:
        return None
    f = mt.v.holidays[" ".join(mt.g["h"].lower().split())]
    y = int(mt.g["y"]) if mt.g.get("y") else None
    if mt.g.get("eve") is not None:  # "the eve of the Spring Festival": the day before
        return Expression("feast", y=y, feast=f, off=-1)
    if f.calendar == "gregorian" and f.days == 1:
        return Expression("date", y=y, m=f.month, d=f.day)
    return Expression("feast", y=y, feast=f)


@_builder("which", "unit")
def _build_edge(mt: Match) -> Expression | None:
    """the last day of 2022, the first week of May, the final week of next month."""
    g = mt.g
    which = "first" if mt.lower("which") == "first" else "last"
    if g.get("mon"):
        y = g.get("y")
        base = Expression("month", y=int(y) if y else None, m=mt.v.months[g["mon"].lower()], mode="bare")
    elif g.get("y_"):
        base = Expression("year", y=int(g["y_"]))
    else:
        off = {"last": -1, "next": 1}.get(mt.lower("rel"), 0)
        base = Expression("mrel" if mt.lower("period") == "month" else "yrel", off=off)
    return Expression("edge", mode=f"{which}:{mt.lower('unit')}", base=base)


@_builder()
def _build_turn_of_year(mt: Match) -> Expression | None:
    """the turn of the year: the week of the 1 January nearest in the tense's direction."""
    return Expression("date", m=1, d=1, week=True)


@_builder("y")
def _build_year(mt: Match) -> Expression | None:
    """in 2019, the 2023 summit, mid-2024; not "Vision 2030", "2000 troops", "at 1900 GMT"."""
    g, v, text, xs, xe = mt.g, mt.v, mt.text, mt.start, mt.end
    y = int(g["y"])
    if g.get("mod") or mt.loose:
        return Expression("year", y=y)
    if xs > 0 and text[xs - 1] in "-–" and not re.search(r"(?:19|20)\d\d\s*[-–]$", text[max(0, xs - 8):xs]):
        return None
    prev = mt.prev_word()
    lp = prev.lower()
    if lp in v.words["year_block_before"]:
        return None
    if prev[:1].isupper() and lp not in v.words["year_cue_before"] and lp not in v.months \
            and not re.search(r"['’]s$", prev):
        return None  # "Vision 2030", "Resolution 2254", "Euro 2024"
    nxt = mt.next_words(1)
    if nxt and text[xe:xe + 1] in (" ", "\u00a0") and nxt[0].lower().rstrip(".") in v.words["year_block_after"]:
        return None  # "2000 troops", "1900 GMT"
    if re.match(r"\s*(?:hrs|h)\b", text[xe:xe + 5]):
        return None
    return Expression("year", y=y)
