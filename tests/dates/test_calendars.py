"""Movable holidays: the calendar rules, and the holidays found in text (blank docs, no model)."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from diplograph.dates import find_dates
from diplograph.dates.calendars import Feast, occurrences

D = dt.date


@pytest.mark.parametrize("feast,year,expected", [
    (Feast("gregorian", 12, 25), 2025, (D(2025, 12, 25), D(2025, 12, 25))),
    (Feast("easter"), 2025, (D(2025, 4, 20), D(2025, 4, 20))),
    (Feast("easter", offset=-2), 2024, (D(2024, 3, 29), D(2024, 3, 29))),          # Good Friday
    (Feast("orthodox_easter"), 2024, (D(2024, 5, 5), D(2024, 5, 5))),
    (Feast("nth_weekday", 11, weekday=3, n=4), 2025, (D(2025, 11, 27), D(2025, 11, 27))),  # Thanksgiving
    (Feast("nth_weekday", 5, weekday=0, n=-1), 2025, (D(2025, 5, 26), D(2025, 5, 26))),    # last Monday
    (Feast("hijri", 9, whole_month=True), 2025, (D(2025, 3, 1), D(2025, 3, 29))),   # Ramadan 1446
    (Feast("hijri", 10, 1), 2024, (D(2024, 4, 10), D(2024, 4, 10))),                # Eid al-Fitr 1445
    (Feast("hebrew", 1, 15, days=8), 2025, (D(2025, 4, 13), D(2025, 4, 20))),       # Passover 5785
    (Feast("chinese", 1, 1), 2025, (D(2025, 1, 29), D(2025, 1, 29))),              # Lunar New Year
    (Feast("persian", 1, 1), 2024, (D(2024, 3, 20), D(2024, 3, 20))),              # Nowruz 1403
])
def test_occurrences(feast, year, expected):
    assert occurrences(feast, [year]) == [expected]


def test_an_islamic_holiday_can_fall_twice_in_a_gregorian_year():
    assert [o[0] for o in occurrences(Feast("hijri", 10, 1), [2000])] == [D(2000, 1, 8), D(2000, 12, 27)]


@pytest.fixture
def dates(blank):
    def run(text: str, ref: str) -> list[tuple[str, str, str | None, str | None]]:
        return [(t.text, t.value, t.start_date, t.end_date) for t in find_dates(blank(text), ref)]

    return run


@pytest.mark.parametrize("text,ref,expected", [
    # under way at the reference: that one, whatever the tense; a lunar month is a month value
    ("Talks were held during Ramadan, he said.", "2025-03-19", [("Ramadan", "2025-03", "2025-03-01", "2025-03-29")]),
    ("They will meet again during Ramadan.", "2025-03-19", [("Ramadan", "2025-03", "2025-03-01", "2025-03-29")]),
    ("The visit came in the holy month of Ramadan.", "2024-06-01", [("Ramadan", "2024-03", "2024-03-11", "2024-04-09")]),
    ("Tariq Ramadan gave a lecture.", "2025-03-19", []),               # bare: a name without a cue
    ("They will meet after Eid al-Fitr.", "2025-03-19", [("Eid al-Fitr", "2025-03-30", "2025-03-30", "2025-03-30")]),
    ("He visited Ankara on Eid ul-Adha.", "2025-06-20", [("Eid ul-Adha", "2025-06-06", "2025-06-06", "2025-06-06")]),
    ("They met on Good Friday.", "2025-04-25", [("Good Friday", "2025-04-18", "2025-04-18", "2025-04-18")]),
    ("He spoke on Easter Monday 2024.", "2025-03-19", [("Easter Monday 2024", "2024-04-01", "2024-04-01", "2024-04-01")]),
    ("A truce could hold at Easter.", "2025-03-19", [("Easter", "2025-04-20", "2025-04-20", "2025-04-20")]),
    ("He flew to Easter Island.", "2025-03-19", []),
    ("The talks ran through Passover.", "2025-04-22", [("Passover", "2025-04-13", "2025-04-13", "2025-04-20")]),
    ("They will meet before Lunar New Year.", "2025-01-10", [("Lunar New Year", "2025-01-29", "2025-01-29", "2025-01-29")]),
    ("He greeted them on Nowruz.", "2025-03-25", [("Nowruz", "2025-03-21", "2025-03-21", "2025-03-21")]),
    ("They meet at Thanksgiving.", "2025-11-01", [("Thanksgiving", "2025-11-27", "2025-11-27", "2025-11-27")]),
])
def test_movable_holidays_in_text(dates, text, ref, expected):
    assert dates(text, ref) == expected


@pytest.mark.parametrize("text", ["The Good Friday Agreement still holds.", "The Yom Kippur War began in 1973.",
                                  "He marked the Easter Rising centenary."])
def test_names_and_events_that_hold_a_holiday_name(dates, text):
    assert [d for d in dates(text, "2025-03-19") if d[0] != "1973"] == []


@pytest.mark.parametrize("text,ref,expected", [
    ("They spoke on the eve of the Spring Festival.", "2021-03-19", "2021-02-11"),
    ("They met on the eve of Ramadan.", "2025-03-19", "2025-02-28"),
    ("They met on the eve of Victory Day.", "2025-05-12", "2025-05-08"),
])
def test_the_eve_of_a_holiday(dates, text, ref, expected):
    (found,) = dates(text, ref)
    assert found[0].startswith("the eve of") and found[1] == expected


def test_calendar_libraries_are_imported_only_for_movable_holidays():
    code = ("import sys, spacy, diplograph.dates as d; d.find_dates(spacy.blank('en')('They met on Monday, "
            "16 March, at Christmas.'), '2025-03-19'); print(any(m in sys.modules for m in "
            "('hijridate', 'convertdate', 'lunardate')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
