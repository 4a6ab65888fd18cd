"""Dates: every temporal expression normalised against the publication date.

- :mod:`.find`: :func:`find_dates`, :func:`normalize`, :func:`tense_at`, :func:`dates_in` (public API);
- :mod:`.component`: the ``diplograph_dates`` spaCy component;
- :mod:`.rules`: :class:`DateRules`, the component's state (vocabulary + patterns), extendable, saved;
- :mod:`.vocabulary` and :mod:`.patterns`: the data files ``data/date_cues.jsonl`` and
  ``data/date_patterns.jsonl`` and their schemas;
- :mod:`.expressions`: from a pattern match to a reference-free :class:`~.expressions.Expression`;
- :mod:`.resolve`: an expression, a reference date and a direction give an ISO value;
- :mod:`.tense`: past or future from the sentence (parse or cue words);
- :mod:`.calendars`: movable holidays (Easter, Islamic, Hebrew, Chinese, Persian calendars);
- :mod:`.dateline`: the date a text carries at its head;
- :mod:`.dateparsing`: dateparser, imported only when needed.
"""
from .component import DateRecognizer, make_dates
from .find import dates_in, find_dateline, find_dates, normalize, tense_at
from .resolve import FUTURE, PAST
from .rules import DateRules

__all__ = [
    "FUTURE",
    "PAST",
    "DateRecognizer",
    "DateRules",
    "dates_in",
    "find_dateline",
    "find_dates",
    "make_dates",
    "normalize",
    "tense_at",
]
