"""Recognisers, one pattern or guard at a time, on blank docs (no model): what is a date, what is not."""
from __future__ import annotations

import pytest

from diplograph.dates import DateRules, find_dates, normalize

REF = "2025-03-19"  # a Wednesday


@pytest.fixture
def dates(blank):
    def run(text: str, ref: str | None = REF) -> list[tuple[str, str]]:
        return [(t.text, t.value) for t in find_dates(blank(text), ref)]

    return run


def test_every_pattern_matches_its_examples():
    rules = DateRules.default()
    assert len(rules.patterns) >= 20
    for row in rules.pattern_rows:
        for ex in row.get("examples", []):
            p = next(p for p in rules.patterns if p.name == row["name"])
            assert any(m.group("x") == ex for m in p.regex.finditer(ex)), (row["name"], ex)


# --- month and day ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("They met on March 16.", [("March 16", "2025-03-16")]),
    ("They met on 16 March 2024.", [("16 March 2024", "2024-03-16")]),
    ("They met on the 3rd of March.", [("the 3rd of March", "2025-03-03")]),
    ("They met on Wednesday, March 12.", [("Wednesday, March 12", "2025-03-12")]),
    ("They met on Friday (March 14).", [("Friday (March 14)", "2025-03-14")]),
    ("Talks ran 16-17 March.", [("16-17 March", "2025-03-16")]),
    ("Talks ran on 29 and 30 January.", [("29", "2025-01-29"), ("30 January", "2025-01-30")]),
    ("Talks ran on January 29 and 30.", [("January 29", "2025-01-29"), ("30", "2025-01-30")]),
    ("They met on November 1 of last year.", [("November 1 of last year", "2024-11-01")]),
    ("They met the week of March 10.", [("the week of March 10", "2025-W11")]),
    ("No such day as February 30 exists.", []),
])
def test_month_day(dates, text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("They will meet in April.", [("April", "2025-04")]),
    ("They met in mid-March 2024.", [("mid-March 2024", "2024-03")]),
    ("They met last December.", [("last December", "2024-12")]),
    ("April was cold.", []),                                       # a bare month needs a cue
    ("It was a speech by May Chen.", []),                         # 'by' + a capitalised word: a name
    ("Johnson and May met.", []),                                  # 'and' without another month: a name
    ("It ran from March to May.", [("March", "2025-03"), ("May", "2024-05")]),  # a past verb: last May
    ("The talks built on the September meeting in Rome.", [("September", "2024-09")]),  # an attributive month
    ("They recalled the March on Rome.", []),                     # 'the March on': a name
    ("He served in the May government.", []),                     # 'the May government': a person's
])
def test_month(dates, text, expected):
    assert dates(text) == expected


# --- weekdays and relative days --------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("They met on Monday.", [("Monday", "2025-03-17")]),
    ("They met last Tuesday.", [("last Tuesday", "2025-03-11")]),
    ("They met on Saturday night.", [("Saturday night", "2025-03-15")]),
    ("They met on Sunday (16).", [("Sunday (16)", "2025-03-16")]),
    ("Widodo Monday (3/17) held talks with Albanese.", [("Monday (3/17)", "2025-03-17")]),  # month/day
    ("The summit that will open Friday, Widodo Monday (3/17) held talks.", [("Friday", "2025-03-21"),
                                                                           ("Monday (3/17)", "2025-03-17")]),
    ("They met on Friday last week.", [("Friday last week", "2025-03-14")]),
    ("They met the following Monday.", []),                        # weekday_block_before
    ("She writes for the Sunday Times each week.", []),            # weekday_block_after
    ("She told the Sunday Times.", []),                            # ... also at a sentence end
])
def test_weekday(dates, text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("They met yesterday.", [("yesterday", "2025-03-18")]),
    ("They met last night.", [("last night", "2025-03-18")]),
    ("Today, they meet again.", [("Today", "2025-03-19")]),       # sentence-initial
    ("He told USA Today that he would go.", []),                   # today_block_before
    ("He told Gulf Today that he would go.", []),                  # any capitalised word before
    ("He said on Today that he would go.", [("Today", "2025-03-19")]),  # today_cue_before
])
def test_relative_day(dates, text, expected):
    assert dates(text) == expected


# --- weeks, months, years relative to the reference ------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("They meet later this week.", [("later this week", "2025-W12")]),
    ("They met last month.", [("last month", "2025-02")]),
    ("They met at the weekend.", [("the weekend", "2025-W11")]),
    ("They met this past weekend.", [("this past weekend", "2025-W11")]),
    ("They met the week before.", []),                             # 'the week' is no date
    ("They met this past month.", []),                             # 'this past' only for weekends
    ("They met earlier in the month.", [("earlier in the month", "2025-03")]),
    ("They met three days ago.", [("three days ago", "2025-03-16")]),
    ("They met a fortnight ago.", [("a fortnight ago", "2025-W10")]),
    ("They met over a year ago.", []),                             # vague_before
    ("They will meet in two weeks.", [("in two weeks", "2025-W14")]),
    ("They met in two weeks.", []),                                # not future: a duration
    ("It was the first time in four years.", []),                  # duration_before
    ("Prices hit the lowest level in two years.", []),             # a superlative before
])
def test_relative_units(dates, text, expected):
    assert dates(text) == expected


# --- day of the month, numeric forms, holidays, years ----------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("They met on the 14th.", [("the 14th", "2025-03-14")]),
    ("They met the 3rd of last month.", [("the 3rd of last month", "2025-02-03")]),
    ("It dates from the 14th century.", []),                       # dom_follow
    ("They met the 14th.", []),                                    # no dom_cue_before
])
def test_day_of_month(dates, text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Signed 04/05/2025.", [("04/05/2025", "2025-05-04")]),        # day first
    ("Signed 03/18/2025.", [("03/18/2025", "2025-03-18")]),        # month first only when it must be
    ("Signed 18.03.2025.", [("18.03.2025", "2025-03-18")]),
    ("Signed 18.03.25 here.", []),                                 # dotted dates need four digits
    ("Signed 2024-11-05T10:00Z.", [("2024-11-05", "2024-11-05")]),
    ("Signed 16-Mar-2025.", [("16-Mar-2025", "2025-03-16")]),       # loose: dateparser
    ("Week 2025-W12 ends.", [("2025-W12", "2025-W12")]),
    ("Week 2025-W53 ends.", []),                                   # 2025 has 52 ISO weeks
])
def test_numeric(dates, text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("They met on Christmas Day.", [("Christmas Day", "2024-12-25")]),
    ("They met at Christmas.", [("Christmas", "2024-12-25")]),      # bare, after a cue, before punctuation
    ("They bought a Christmas tree.", []),
    ("They met on Victory Day 2024.", [("Victory Day 2024", "2024-05-09")]),
])
def test_holiday(dates, text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("They met in 2019.", [("2019", "2019")]),
    ("It marked the ELN's 2022 truce.", [("2022", "2022")]),
    ("They met in mid-2024.", [("mid-2024", "2024")]),
    ("It is part of Vision 2030.", []),                            # a capitalised name before
    ("Some 2000 troops remain.", []),                              # year_block_after
    ("They met at 1900 GMT.", []),                                 # year_block_before
    ("It fell to 1,950 points.", []),
])
def test_year(dates, text, expected):
    assert dates(text) == expected


def test_isomonth_only_alone():
    assert normalize("2025-03").value == "2025-03"
    assert normalize("in April", "2025-03-19").value == "2025-04"


def test_longest_wins_then_earlier_pattern(blank):
    # "March 16, 2025" (month_day with a year) covers "March" (month) and "2025" (year)
    assert [t.text for t in find_dates(blank("They met in March 16, 2025."), REF)] == ["March 16, 2025"]


# --- added for real news (issue 11) ----------------------------------------------------------------

@pytest.mark.parametrize("text,ref,expected", [
    ("Officials met twice this past week.", "2025-03-19", [("this past week", "2025-W11")]),   # Wednesday: last week
    ("Officials met twice this past week.", "2025-03-22", [("this past week", "2025-W12")]),   # Saturday: this one
    ("They meet again this coming week.", "2025-03-23", [("this coming week", "2025-W13")]),   # Sunday: the next
    ("They meet again this coming week.", "2025-03-17", [("this coming week", "2025-W12")]),   # Monday: this one
    ("They met this past month.", "2025-03-19", []),                                           # only weeks
])
def test_this_past_week(dates, text, ref, expected):
    assert dates(text, ref) == expected


@pytest.mark.parametrize("text,expected", [
    ("The truce began on the last day of 2022.", [("the last day of 2022", "2022-12-31")]),
    ("The talks open on the first day of March 2024.", [("the first day of March 2024", "2024-03-01")]),
    ("They will meet in the first week of May.", [("the first week of May", "2025-W18")]),
    ("They met in the last week of February.", [("the last week of February", "2025-W09")]),
    ("The deal expires on the last day of the month.", [("the last day of the month", "2025-03-31")]),
    ("They will meet in the final week of next month.", [("the final week of next month", "2025-W17")]),
    ("He said it was the first day of his trip.", []),
])
def test_first_or_last_day_or_week_of_a_period(dates, text, expected):
    assert dates(text) == expected


def test_turn_of_the_year(dates):
    assert dates("They last spoke at the turn of the year.") == [("the turn of the year", "2025-W01")]
    assert dates("They will speak at the turn of the year.", "2025-11-20") == [("the turn of the year", "2026-W01")]
