"""The dateline: the date a release or a wire story carries at its head.

"SEOUL, July 28 (Yonhap) --", "Addis Ababa, February 11, 2019 (FBC) –", "KUALA LUMPUR (May 10):",
"MOSCOW (Agency - 08th May, 2020)", a timestamp line "09:14, 16 November 2021" or a header "Monday,
3 March 2025": a day-precise expression written with a number in one of the first :data:`LINES` non-empty lines of the text,
with only a place, a clock time or a label before it on its line and punctuation or the line's end
after it (the ``dateline_before`` / ``dateline_after`` context rows of ``data/date_patterns.jsonl``).
"""
from __future__ import annotations

from ..types import TimeValue
from .rules import DateRules

__all__ = ["LINES", "MAX_START", "find_dateline_in"]

LINES = 3  # the dateline stands in one of the first three non-empty lines (a headline may come first)
MAX_START = 400  # ... and begins within the first 400 characters


def _head_end(text: str) -> int:
    """The offset where the first :data:`LINES` non-empty lines end."""
    seen, i = 0, 0
    for line in text.splitlines(keepends=True):
        i += len(line)
        if line.strip():
            seen += 1
            if seen == LINES:
                break
    return min(i, MAX_START)


def find_dateline_in(text: str, dates: list[TimeValue], rules: DateRules) -> TimeValue | None:
    """The first of ``dates`` (expressions of ``text``) that stands as a dateline, or None."""
    end = _head_end(text)
    before, after = rules.contexts["dateline_before"], rules.contexts["dateline_after"]
    for tv in dates:
        if tv.start >= end:
            break
        if tv.granularity != "day" or not any(ch.isdigit() for ch in tv.text):
            continue  # a dateline writes its date ("Today, ..." is no dateline)
        line_start = text.rfind("\n", 0, tv.start) + 1
        if before.fullmatch(text, line_start, tv.start) and after.match(text, tv.end):
            return tv
    return None
