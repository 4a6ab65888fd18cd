"""The ``diplograph_dates`` spaCy component: every temporal expression of a ``Doc``, normalised against
``doc._.published``, in ``doc._.dates`` and ``doc.spans["diplograph_dates"]``.

Its state is a :class:`~.rules.DateRules` (vocabulary and patterns): the packaged one, or the files
named by the ``cues`` / ``patterns`` settings, extended by :meth:`DateRecognizer.add_patterns`,
written by ``nlp.to_disk`` and read back by ``spacy.load``.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import SimpleFrozenList

from ..extensions import SPANS_DATES, register_extensions
from ..resources.data import data_file
from .find import dates_in, find_dateline, find_dates, normalize, tense_at
from .resolve import FUTURE, PAST
from .rules import CUES_FILE, PATTERNS_FILE, DateRules
from ..types import TimeValue

__all__ = ["FUTURE", "PAST", "DateRecognizer", "dates_in", "find_dateline", "find_dates", "make_dates", "normalize",
           "tense_at"]


class DateRecognizer:
    """Sets ``doc._.dates``, ``doc.spans["diplograph_dates"]`` (label ``DATE``, ``span._.time_value``) and
    ``doc._.dateline`` (the date the text carries at its head, a ``TimeValue`` or None).

    Reads ``doc._.published`` as the reference date; without one, a dateline with its year is used. Works on ``spacy.blank("en")`` docs; after a
    parser it uses the parse for the past/future reading (``use_parser``).

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> dates = nlp.add_pipe("diplograph_dates")
    >>> dates.add_patterns([{"cue": "holiday", "name": "Harvest Day", "month": 9, "day": 21}])
    >>> [t.value for t in nlp("They met at Harvest Day in 2024.")._.dates]
    ['XXXX-09-21', '2024']
    """

    def __init__(self, nlp: Language, name: str = "diplograph_dates", *, use_parser: bool = True,
                 cues: str | None = None, patterns: str | None = None) -> None:
        register_extensions()
        if not Doc.has_extension("dateline"):
            Doc.set_extension("dateline", default=None)
        self.name = name
        self.use_parser = use_parser
        self._files = (cues, patterns)
        self._rules: DateRules | None = None  # read when first needed (from_disk may bring its own)

    @property
    def rules(self) -> DateRules:
        """The vocabulary and patterns this component uses."""
        if self._rules is None:
            cues, patterns = self._files
            if cues is None and patterns is None:
                self._rules = DateRules.default()
            else:
                self._rules = DateRules.from_files(cues or data_file("dates", CUES_FILE),
                                                   patterns or data_file("dates", PATTERNS_FILE))
        return self._rules

    def add_patterns(self, rows: Iterable[dict[str, Any]]) -> None:
        """Add vocabulary rows (``{"cue": "holiday", "name": ..., "month": ..., "day": ...}``, a word to a
        word list ...) and pattern rows (``{"kind": "pattern", ...}``, see :mod:`.patterns`)."""
        self._rules = self.rules.extended(rows)

    def __call__(self, doc: Doc) -> Doc:
        reference = doc._.published
        dates = find_dates(doc, reference, use_parser=self.use_parser, rules=self.rules)
        dateline = find_dateline(doc, rules=self.rules, dates=dates)
        if dateline is not None and dateline.start_date and (reference is None or _posted_later(dateline, reference)):
            # no publication date given, or a release posted a day or more after the date at its head: "today"
            # and "on Monday" in the text count from that date
            dates = find_dates(doc, dateline.start_date, use_parser=self.use_parser, rules=self.rules)
            dateline = find_dateline(doc, rules=self.rules, dates=dates)
        doc._.dates = dates
        doc._.dateline = dateline
        spans = []
        for tv in dates:
            span = doc.char_span(tv.start, tv.end, label="DATE", alignment_mode="expand")
            if span is None:
                continue
            span._.time_value = tv
            spans.append(span)
        doc.spans[SPANS_DATES] = spans
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        self.rules.to_disk(path)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> DateRecognizer:
        self._rules = DateRules.from_disk(path)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        return self.rules.to_bytes()

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()) -> DateRecognizer:
        self._rules = DateRules.from_bytes(data)
        return self


@Language.factory(
    "diplograph_dates",
    assigns=["doc._.dates", "doc._.dateline", "span._.time_value"],
    requires=[],
    default_config={"use_parser": True, "cues": None, "patterns": None},
)
def make_dates(nlp: Language, name: str, use_parser: bool, cues: str | None,
               patterns: str | None) -> DateRecognizer:
    """Factory of the ``diplograph_dates`` component (entry point ``diplograph.dates:make_dates``).

    ``cues`` / ``patterns``: JSON Lines files replacing the packaged vocabulary / patterns (None: the
    packaged ones). A saved pipeline carries its own copies (``nlp.to_disk``)."""
    return DateRecognizer(nlp, name, use_parser=use_parser, cues=cues, patterns=patterns)


#: How many days after the date at its head a text may be published and still be told from that date.
POSTED_LATER_DAYS = 3


def _posted_later(dateline: TimeValue, published: str) -> bool:
    """Was the text published one to :data:`POSTED_LATER_DAYS` days after its dateline (a readout reposted,
    a page crawled the next day)?"""
    try:
        days = (dt.date.fromisoformat(published[:10]) - dt.date.fromisoformat(dateline.start_date)).days
    except ValueError:
        return False
    return 1 <= days <= POSTED_LATER_DAYS
