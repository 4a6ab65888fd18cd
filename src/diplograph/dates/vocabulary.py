"""The words of dates: month and weekday names, holidays, number words and the cue lists of the rules.

One JSON object per line in ``data/date_cues.jsonl``, told apart by ``cue``:

- ``{"cue": "month", "name": "September", "number": 9, "abbr": ["Sept", "Sep"]}`` (1-12);
- ``{"cue": "weekday", "name": "Monday", "number": 0, "abbr": ["Mon"]}`` (0-6, Monday first);
- ``{"cue": "holiday", "name": "Christmas Day", "month": 12, "day": 25}``; a movable one names its
  ``calendar`` (:mod:`.calendars`): ``{"cue": "holiday", "name": "Good Friday", "calendar": "easter",
  "offset": -2}``, ``{"cue": "holiday", "name": "Ramadan", "calendar": "hijri", "month": 9,
  "whole_month": true, "bare": true}``; ``aliases`` are other spellings, ``days`` its length,
  ``"bare": true`` a name that is a date only after a ``holiday_cue_before`` word ("at Christmas");
- ``{"cue": "number_word", "words": ["a", "an", "one", "two", ...]}`` (a = an = one = 1, then 2, 3 ...);
- ``{"cue": <a word list>, "words": [...]}``: one of :data:`WORD_LISTS`, each read by one rule.

Every row may carry a ``comment``. A row with another ``cue``, a key its cue does not have, a value of
the wrong type, or a word list that no rule reads is an :class:`~diplograph.errors.InputError` naming
the file, line and field.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

from ..errors import InputError
from .calendars import CALENDARS, Feast

__all__ = ["WORD_LISTS", "Vocabulary", "alternation", "validate_cue_rows"]

#: The word lists the rules read, and where (the rows' ``comment`` says how).
WORD_LISTS = (
    "month_cue_before", "month_weak_cue", "name_prep",            # recognisers: bare months
    "month_attr_cue", "month_attr_block",                         # "the September meeting"
    "year_cue_before", "year_block_before", "year_block_after",   # bare years
    "weekday_block_before", "weekday_block_after", "part_of_day",  # weekdays
    "today_block_before", "today_cue_before",                     # "Today" as a media name
    "dom_cue_before", "dom_follow",                               # "the 14th"
    "vague_before", "duration_before",                            # "over a year ago", "first time in years"
    "holiday_cue_before", "holiday_follow", "holiday_block_after",  # holidays
    "modal", "future_verb", "strong_future_lemma", "future_predicate", "future_head",  # tense (parse)
    "be_present", "be_past", "future_nominal", "other_event_prep", "setting_prep",
    "future_word", "past_word", "ed_not_past", "to_verb", "front_word",                  # tense (no parse)
)


def alternation(names: Iterable[str], upper: bool = True) -> str:
    """A regex alternation of names, longest first, each also in capitals ("MARCH") when ``upper``."""
    forms: list[str] = []
    for n in sorted(names, key=len, reverse=True):
        forms.append(re.escape(n))
        if upper and n.upper() != n:
            forms.append(re.escape(n.upper()))
    return "|".join(forms)


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    comment: str | None = None


class _Month(_Row):
    cue: Literal["month"]
    name: str
    number: int = Field(ge=1, le=12)
    abbr: list[str] = []


class _Weekday(_Row):
    cue: Literal["weekday"]
    name: str
    number: int = Field(ge=0, le=6)
    abbr: list[str] = []


_CALENDAR_FIELDS = {  # the fields each calendar reads (besides name, aliases, days, bare)
    "gregorian": {"month", "day"},
    "easter": {"offset"},
    "orthodox_easter": {"offset"},
    "nth_weekday": {"month", "weekday", "n"},
    "hijri": {"month", "day", "whole_month"},
    "hebrew": {"month", "day", "whole_month"},
    "chinese": {"month", "day"},
    "persian": {"month", "day"},
}


class _Holiday(_Row):
    cue: Literal["holiday"]
    name: str
    aliases: list[str] = []
    calendar: Literal[CALENDARS] = "gregorian"  # type: ignore[valid-type]
    month: int | None = Field(default=None, ge=1, le=13)
    day: int | None = Field(default=None, ge=1, le=31)
    offset: int | None = None
    weekday: int | None = Field(default=None, ge=0, le=6)
    n: int | None = Field(default=None, ge=-1, le=5)
    days: int = Field(default=1, ge=1, le=40)
    whole_month: bool = False
    bare: bool = False

    @model_validator(mode="after")
    def _fields_of_its_calendar(self) -> "_Holiday":
        fields = _CALENDAR_FIELDS[self.calendar]
        given = {k for k in ("month", "day", "offset", "weekday", "n") if getattr(self, k) is not None}
        given |= {"whole_month"} if self.whole_month else set()
        unread = sorted(given - fields)
        if unread:
            raise ValueError(f"{unread[0]} is not read for calendar {self.calendar!r}")
        needed = fields - {"whole_month", "offset"} - ({"day"} if self.whole_month else set())
        missing = sorted(needed - given)
        if missing:
            raise ValueError(f"calendar {self.calendar!r} needs {missing[0]}")
        return self

    def feast(self) -> Feast:
        return Feast(self.calendar, self.month, self.day, self.offset or 0, self.weekday, self.n, self.days,
                     self.whole_month)


class _Words(_Row):
    cue: Literal[("number_word",) + WORD_LISTS]  # type: ignore[valid-type]
    words: list[str] = Field(min_length=1)


_CueRow = Annotated[_Month | _Weekday | _Holiday | _Words, Field(discriminator="cue")]
_ADAPTER: TypeAdapter[Any] = TypeAdapter(_CueRow)


def validate_cue_rows(rows: Iterable[dict[str, Any]], source: str = "date cues") -> list[Any]:
    """The rows checked against the schema; the first bad one raises ``InputError`` (file, line, field)."""
    out = []
    for i, row in enumerate(rows, 1):
        if not isinstance(row, dict) or "cue" not in row:
            raise InputError("a date cue row is an object with a 'cue'", source=source, line=i, field="cue")
        try:
            out.append(_ADAPTER.validate_python(row))
        except ValidationError as e:
            err = e.errors()[0]
            if err["type"] == "union_tag_invalid":
                msg = f"unknown cue {row['cue']!r} (known: month, weekday, holiday, number_word, " \
                      f"{', '.join(WORD_LISTS)})"
                raise InputError(msg, source=source, line=i, field="cue") from None
            field = ".".join(str(x) for x in err["loc"][1:] if not isinstance(x, int)) or "cue"
            raise InputError(err["msg"], source=source, line=i, field=field) from None
    return out


@dataclass(frozen=True)
class Vocabulary:
    """The date words, looked up by the recognisers and the tense rules (built by :meth:`from_rows`)."""

    months: dict[str, int]  # lower-cased name or abbreviation -> 1..12
    month_full: tuple[str, ...]
    month_abbr: tuple[str, ...]
    weekdays: dict[str, int]  # lower-cased name or abbreviation -> 0..6
    weekday_full: tuple[str, ...]
    weekday_abbr: tuple[str, ...]
    holidays: dict[str, Feast]  # lower-cased name or alias (whitespace folded) -> when it falls
    holiday_names: tuple[str, ...]  # as written
    bare_holiday_names: tuple[str, ...]
    numbers: dict[str, int]
    words: dict[str, frozenset[str]]

    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, Any]], source: str = "date cues") -> Vocabulary:
        months: dict[str, int] = {}
        weekdays: dict[str, int] = {}
        names: dict[str, list[str]] = {"month": [], "month_abbr": [], "weekday": [], "weekday_abbr": [],
                                       "holiday": [], "bare": []}
        holidays: dict[str, Feast] = {}
        words: dict[str, frozenset[str]] = {}
        numbers: dict[str, int] = {}
        for r in validate_cue_rows(rows, source):
            if isinstance(r, (_Month, _Weekday)):
                table = months if isinstance(r, _Month) else weekdays
                table[r.name.lower()] = r.number
                names[r.cue].append(r.name)
                for a in r.abbr:
                    table[a.lower()] = r.number
                    names[r.cue + "_abbr"].append(a)
            elif isinstance(r, _Holiday):
                for name in [r.name, *r.aliases]:
                    holidays[" ".join(name.lower().split())] = r.feast()
                    names["bare" if r.bare else "holiday"].append(name)
            elif r.cue == "number_word":
                numbers.update({w: max(i - 1, 1) for i, w in enumerate(r.words)})  # a, an, one -> 1
            else:
                words[r.cue] = words.get(r.cue, frozenset()) | frozenset(r.words)
        missing = [w for w in WORD_LISTS if w not in words]
        if missing or not months or not weekdays or not numbers:
            what = ", ".join(missing) or "month, weekday or number_word rows"
            raise InputError(f"no {what}", source=source)
        return cls(months, tuple(names["month"]), tuple(names["month_abbr"]), weekdays, tuple(names["weekday"]),
                   tuple(names["weekday_abbr"]), holidays, tuple(names["holiday"]), tuple(names["bare"]),
                   numbers, words)

    def number(self, s: str) -> int | None:
        """The value of a number written in digits or as a word ("two" -> 2, "a" -> 1)."""
        return int(s) if s.isdigit() else self.numbers.get(s.lower())
