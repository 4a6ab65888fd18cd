"""Resolution rules on expressions built by hand: reference date and direction in, ISO value out."""
from __future__ import annotations

import datetime as dt

import pytest

from diplograph.dates.expressions import Expression as E
from diplograph.dates.resolve import choose_day, choose_month, resolve

WED = dt.date(2025, 3, 19)  # a Wednesday


def value(e: E, ref: dt.date | None = WED, tense: str | None = None) -> str | None:
    r = resolve(e, ref, tense)
    return r[0] if r else None


@pytest.mark.parametrize("wd,mode,tense,expected", [
    (0, "bare", None, "2025-03-17"),      # the last Monday
    (0, "bare", "future", "2025-03-24"),
    (2, "bare", "past", "2025-03-19"),    # the reference's own weekday is the reference day
    (2, "bare", "future", "2025-03-19"),
    (1, "last", None, "2025-03-11"),      # "last Tuesday" on a Wednesday: not yesterday
    (0, "last", None, "2025-03-17"),
    (3, "next", None, "2025-03-27"),      # "next Thursday" on a Wednesday: not tomorrow
    (4, "next", None, "2025-03-21"),
    (2, "past", None, "2025-03-12"),      # "this past Wednesday"
    (2, "coming", None, "2025-03-26"),    # "this coming Wednesday"
    (5, "this", None, "2025-03-22"),      # "this Saturday": the coming one ...
    (5, "this", "past", "2025-03-15"),    # ... unless the verb is past
])
def test_weekday(wd, mode, tense, expected):
    assert value(E("weekday", wd=wd, mode=mode), tense=tense) == expected


def test_weekday_of_a_week():
    assert value(E("weekday", wd=4, mode="wk", off=-1)) == "2025-03-14"  # Friday last week
    assert value(E("weekday", wd=1, mode="wk", off=1)) == "2025-03-25"   # Tuesday next week


def test_weekday_with_day_number():
    assert value(E("weekday", wd=6, d=16, mode="bare")) == "2025-03-16"   # Sunday (16)
    assert value(E("weekday", wd=3, d=3, mode="bare")) == "2025-04-03"    # only next month's 3rd is a Thursday
    assert value(E("weekday", wd=0, d=16, mode="bare")) == "2025-03-16"   # it fits none: the nearest 16th


@pytest.mark.parametrize("m,d,ref,tense,expected", [
    (12, 30, dt.date(2025, 1, 3), None, "2024-12-30"),     # rollover backwards
    (1, 5, dt.date(2024, 12, 28), "future", "2025-01-05"),  # rollover forwards
    (3, 21, WED, "past", "2025-03-21"),                     # within the grace: this year's
    (3, 26, WED, "past", "2025-03-26"),                     # "postponed until March 26": not last year's
    (2, 21, dt.date(2025, 3, 3), "future", "2025-02-21"),   # a year off is the worse error
    (10, 1, WED, None, "2024-10-01"),                       # past within ~6 months
    (4, 2, WED, None, "2025-04-02"),                        # else future within ~1 month
])
def test_month_day_without_year(m, d, ref, tense, expected):
    assert value(E("date", m=m, d=d), ref, tense) == expected


def test_month_day_details():
    assert value(E("date", m=3, d=16), None) == "XXXX-03-16"
    assert resolve(E("date", m=2, d=30), None, None) is None
    assert value(E("date", m=11, d=1, yoff=-1)) == "2024-11-01"             # of last year
    assert value(E("date", m=3, d=12, wd=2), dt.date(2026, 1, 10)) == "2025-03-12"  # the year whose 12 March is a Wednesday
    assert resolve(E("date", y=2025, m=3, d=16, d2=17), None, None)[2:] == ("2025-03-16", "2025-03-17")
    assert value(E("date", y=2025, m=3, d=10, week=True), None) == "2025-W11"


@pytest.mark.parametrize("e,tense,expected", [
    (E("month", m=4, mode="bare"), None, "2025-04"),
    (E("month", m=9, mode="bare"), None, "2024-09"),
    (E("month", m=12, mode="bare"), "future", "2025-12"),
    (E("month", m=3, mode="last"), None, "2024-03"),
    (E("month", m=3, mode="next"), None, "2026-03"),
    (E("month", m=7, mode="this"), None, "2025-07"),
    (E("month", m=10, yoff=-1), None, "2024-10"),
    (E("month", y=2024, m=2, mode="bare"), None, "2024-02"),
])
def test_month(e, tense, expected):
    assert value(e, tense=tense) == expected


def test_month_without_reference():
    assert value(E("month", m=4, mode="bare"), None) == "XXXX-04"
    assert value(E("month", m=4, mode="last"), None) is None


@pytest.mark.parametrize("e,expected", [
    (E("drel", off=-1), "2025-03-18"),
    (E("wrel", off=0), "2025-W12"),
    (E("wrel", off=1), "2025-W13"),
    (E("mrel", off=-1), "2025-02"),
    (E("yrel", off=1), "2026"),
    (E("isoweek", y=2020, off=53), "2020-W53"),
    (E("year", y=2019), "2019"),
])
def test_offsets_and_units(e, expected):
    assert value(e) == expected


def test_relative_needs_a_reference():
    for e in (E("drel"), E("wrel"), E("weekday", wd=0, mode="bare"), E("dom", d=14, mode="bare")):
        assert resolve(e, None, None) is None


def test_weekend():
    assert value(E("weekend")) == "2025-W11"                    # the weekend before a Wednesday
    assert value(E("weekend"), tense="future") == "2025-W12"
    assert value(E("weekend"), dt.date(2025, 3, 22)) == "2025-W12"  # on a Saturday: this one


def test_after_needs_a_future_verb_unless_from_now():
    assert value(E("after", off=3, mode="in:day")) is None        # "in three days": a duration
    assert value(E("after", off=3, mode="in:day"), tense="future") == "2025-03-22"
    assert value(E("after", off=1, mode="from:week")) == "2025-W13"  # "a week from now"


def test_day_of_month():
    assert value(E("dom", d=14, mode="bare"), dt.date(2025, 3, 10), "past") == "2025-02-14"
    assert value(E("dom", d=14, mode="bare"), dt.date(2025, 3, 10), "future") == "2025-03-14"
    assert value(E("dom", d=3, off=-1, mode="rel")) == "2025-02-03"  # the 3rd of last month
    assert value(E("dom", d=31, off=-1, mode="rel")) is None         # no 31 February


def test_choosers_default_rule():
    days = [dt.date(2024, 10, 1), dt.date(2025, 10, 1)]
    assert choose_day(days, WED, None) == dt.date(2024, 10, 1)
    assert choose_day([dt.date(2024, 6, 1), dt.date(2025, 6, 1)], WED, None) == dt.date(2025, 6, 1)  # nearer
    assert choose_month([(2024, 5), (2025, 5)], WED, None) == (2025, 5)
    assert choose_day([], WED, None) is None


def test_past_and_coming_week():
    assert value(E("wrel", mode="past")) == "2025-W11"                        # Wednesday: the week before
    assert value(E("wrel", mode="past"), dt.date(2025, 3, 21)) == "2025-W12"  # Friday: the week ending
    assert value(E("wrel", mode="coming")) == "2025-W12"
    assert value(E("wrel", mode="coming"), dt.date(2025, 3, 21)) == "2025-W13"


def test_edge_of_a_period():
    may = E("month", m=5, mode="bare")
    assert value(E("edge", mode="first:week", base=may), tense="future") == "2025-W18"  # holds Thu 1 May
    assert value(E("edge", mode="first:week", base=E("month", y=2025, m=6, mode="bare"))) == "2025-W23"
    assert value(E("edge", mode="last:week", base=E("month", y=2025, m=8, mode="bare"))) == "2025-W35"
    assert value(E("edge", mode="last:day", base=E("month", y=2024, m=2, mode="bare"))) == "2024-02-29"
    assert value(E("edge", mode="first:day", base=E("yrel", off=1))) == "2026-01-01"
    assert E("edge", mode="first:week", base=may).needs_tense
    assert resolve(E("edge", mode="last:day", base=E("mrel")), None, None) is None
