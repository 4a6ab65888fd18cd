"""The public functions of the dates stage: every expression of a ``Doc``, one expression string, the
dates of a sentence, the tense around a stretch of text."""
from __future__ import annotations

import datetime as _dt
import re
from typing import Union

from spacy.tokens import Doc, Span, Token

from ..resources.text import doc_text
from ..types import TimeValue
from .dateline import find_dateline_in
from .dateparsing import parse_relative
from .resolve import (
    FUTURE,
    PAST,
    Resolved,
    day_value,
    month_value,
    resolve,
    week_value,
    year_value,
)
from .rules import DateRules
from .tense import tense_from_window, tense_in

__all__ = ["DateLike", "as_date", "dates_in", "find_dates", "normalize", "tense_at"]

DateLike = Union[str, _dt.date, _dt.datetime, None]
_TIME_ONLY = re.compile(r"^\s*\d{1,2}(?:[:.h]\d{2})+\s*(?:[ap]\.?m\.?|GMT|UTC|hrs?|local time)?\s*$", re.IGNORECASE)


def as_date(reference: DateLike) -> _dt.date | None:
    """A reference date from a ``date``, a ``datetime`` or an ISO string (its first ten characters)."""
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


def find_dates(doc: Doc, reference: DateLike = None, *, use_parser: bool = True,
               rules: DateRules | None = None) -> list[TimeValue]:
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
    rules
        The vocabulary and patterns (default: the packaged ones, :meth:`DateRules.default`).

    >>> import spacy
    >>> doc = spacy.blank("en")("Erdogan spoke with Trump on Sunday and may visit the US in April.")
    >>> [(t.text, t.value) for t in find_dates(doc, "2025-03-17")]
    [('Sunday', '2025-03-16'), ('April', '2025-04')]
    """
    rules = rules or DateRules.default()
    ref = as_date(reference)
    text = doc_text(doc)
    out: list[TimeValue] = []
    parsed: bool | None = None
    for start, end, e in rules.candidates(text):
        tense = None
        if ref is not None and e.needs_tense:
            if parsed is None:
                parsed = use_parser and doc.has_annotation("DEP")
            tense = tense_in(doc, start, end, parsed, text, rules.vocabulary)
        res = resolve(e, ref, tense)
        if res is not None:
            out.append(TimeValue(text[start:end], start, end, *res))
    return out


def find_dateline(doc: Doc, reference: DateLike = None, *, use_parser: bool = True,
                  rules: DateRules | None = None, dates: list[TimeValue] | None = None) -> TimeValue | None:
    """The date the text carries at its head as a dateline, or None (see :mod:`.dateline`).

    ``dates``: the expressions of ``doc`` when already found against ``reference``.

    >>> import spacy
    >>> doc = spacy.blank("en")("Talks end\\nADDIS ABABA, February 11, 2019 (FBC) - The minister today met ...")
    >>> find_dateline(doc).value
    '2019-02-11'
    """
    rules = rules or DateRules.default()
    if dates is None:
        dates = find_dates(doc, reference, use_parser=use_parser, rules=rules)
    return find_dateline_in(doc_text(doc), dates, rules)


def normalize(text: str, reference: DateLike = None, *, tense: str | None = None,
              rules: DateRules | None = None) -> TimeValue | None:
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
    rules = rules or DateRules.default()
    ref = as_date(reference)
    cands = rules.candidates(text, True)
    res: Resolved | None = None
    if cands:
        start, end, e = max(cands, key=lambda c: (c[1] - c[0], -c[0]))
        t = tense
        if t is None and e.needs_tense and ref is not None:
            t = tense_from_window(text, start, end, rules.vocabulary)
        res = resolve(e, ref, t)
    else:
        res = _dateparser_reading(text, ref, tense, rules)
    if res is None:
        return None
    return TimeValue(text, 0, len(text), *res)


def _dateparser_reading(text: str, ref: _dt.date | None, tense: str | None, rules: DateRules) -> Resolved | None:
    """dateparser's reading of a text no pattern takes, kept only when it agrees with what is written:
    a numeric date or a capitalised month or weekday, the year and the month named."""
    v = rules.vocabulary
    if _TIME_ONLY.match(text) or not text.strip():
        return None
    words = re.findall(r"[A-Za-z]+", text)
    if not re.search(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}", text) and not any(
            (w[:1].isupper() and (w.lower() in v.months or w.lower() in v.weekdays)) for w in words):
        return None  # "may", "45 minutes", "soon"
    data = parse_relative(text, ref, tense)
    if data is None:
        return None
    dt = data.date_obj.date()
    years = re.findall(r"(?<!\d)(\d{4})(?!\d)", text)
    if ref is None and not years:
        return None
    if re.search(r"\d{4}['’]?s\b", text) or (years and str(dt.year) not in years):
        return None  # decades, and dateparser's guesses that ignore the year written
    named = [v.months[w.lower()] for w in words if w[:1].isupper() and w.lower() in v.months]
    if named and dt.month not in named:
        return None
    period = data.period or "day"
    if period == "time" and re.search(r"\d{1,2}[:.]\d{2}", text) and not re.search(r"[A-Za-z]{3}", text):
        return None
    return {"week": week_value, "month": lambda d: month_value(d.year, d.month),
            "year": lambda d: year_value(d.year)}.get(period, day_value)(dt)


def tense_at(doc: Doc, start: int, end: int, *, use_parser: bool = True,
             rules: DateRules | None = None) -> str | None:
    """``"past"``, ``"future"`` or None for the clause around characters ``start:end`` of ``doc``.

    With a dependency parse the verb governing the stretch decides (its tense, modals, "scheduled",
    "plans to", "is going to" ...); without one (``spacy.blank``) the nearest cue word in the
    sentence does. Useful beyond dates, e.g. to tell a reported contact from a planned one.

    >>> import spacy
    >>> doc = spacy.blank("en")("They will meet on Monday.")
    >>> tense_at(doc, 18, 24)
    'future'
    """
    v = (rules or DateRules.default()).vocabulary
    return tense_in(doc, start, end, use_parser and doc.has_annotation("DEP"), doc_text(doc), v)


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
