"""The public functions and the component: values, granularities, intervals, directions, errors."""
from __future__ import annotations

import subprocess
import sys

import pytest
import spacy

from diplograph.dates import DateRecognizer, dates_in, find_dates, normalize
from diplograph.extensions import SPANS_DATES

# --- values, granularities and intervals ------------------------------------------------------

@pytest.mark.parametrize("text,ref,value,gran,start,end", [
    ("March 16", "2025-03-17", "2025-03-16", "day", "2025-03-16", "2025-03-16"),
    ("16-17 March", "2025-03-17", "2025-03-16", "day", "2025-03-16", "2025-03-17"),
    ("this week", "2025-03-19", "2025-W12", "week", "2025-03-17", "2025-03-23"),
    ("next week", "2024-12-28", "2025-W01", "week", "2024-12-30", "2025-01-05"),
    ("February 2024", None, "2024-02", "month", "2024-02-01", "2024-02-29"),
    ("last year", "2025-03-19", "2024", "year", "2024-01-01", "2024-12-31"),
    ("March 16", None, "XXXX-03-16", "day", None, None),
    ("in April", None, "XXXX-04", "month", None, None),
    ("2025-W12", None, "2025-W12", "week", "2025-03-17", "2025-03-23"),
])
def test_granularity_and_interval(text, ref, value, gran, start, end):
    tv = normalize(text, ref)
    assert (tv.value, tv.granularity, tv.start_date, tv.end_date) == (value, gran, start, end)
    assert (tv.start, tv.end, tv.text) == (0, len(text), text)


@pytest.mark.parametrize("text,ref,tense,value", [
    ("Monday", "2025-03-19", "past", "2025-03-17"),
    ("Monday", "2025-03-19", "future", "2025-03-24"),
    ("Monday", "2025-03-19", None, "2025-03-17"),          # news mostly reports the past
    ("Friday", "2025-03-21", "past", "2025-03-21"),        # the reference's own weekday
    ("Friday", "2025-03-21", "future", "2025-03-21"),
    ("December 30", "2025-01-03", None, "2024-12-30"),     # rollover backwards
    ("January 5", "2024-12-28", "future", "2025-01-05"),   # rollover forwards
    ("in December", "2025-01-10", "past", "2024-12"),
    ("in December", "2025-01-10", "future", "2025-12"),
    ("in April", "2025-03-19", None, "2025-04"),           # next ~1 month
    ("in September", "2025-03-19", None, "2024-09"),       # past ~6 months
    ("the 14th", "2025-03-10", "past", "2025-02-14"),
    ("the 14th", "2025-03-10", "future", "2025-03-14"),
])
def test_direction(text, ref, tense, value):
    assert normalize(text, ref, tense=tense).value == value


@pytest.mark.parametrize("text", ["may", "march", "sat", "10:38", "45 minutes", "3.5 hours", "four years",
                                  "recently", "soon", "in recent months", "the 1990s", "2,000", "", "   "])
def test_not_dates(text):
    assert normalize(text, "2025-03-19") is None


def test_normalize_rejects_bad_tense_and_reference():
    with pytest.raises(ValueError):
        normalize("Monday", "2025-03-19", tense="present")
    with pytest.raises(ValueError):
        normalize("Monday", "19 March 2025")


def test_normalize_accepts_date_objects():
    import datetime as dt

    assert normalize("yesterday", dt.date(2025, 3, 1)).value == "2025-02-28"
    assert normalize("tomorrow", dt.datetime(2024, 2, 28, 23, 0)).value == "2024-02-29"


def test_relative_without_reference_is_dropped(blank):
    doc = blank("They met on Monday, yesterday and last week, and again on 4 May 2024.")
    assert [t.value for t in find_dates(doc)] == ["2024-05-04"]


def test_offsets_and_text_order(blank):
    text = "On Monday, March 17, the leaders met; they will meet again next week and in April."
    tvs = find_dates(blank(text), "2025-03-19")
    assert [t.text for t in tvs] == ["Monday, March 17", "next week", "April"]
    assert all(text[t.start:t.end] == t.text for t in tvs)
    assert [t.start for t in tvs] == sorted(t.start for t in tvs)


def test_reference_does_not_leak_between_calls(blank):
    doc = blank("They spoke on Monday.")
    assert find_dates(doc, "2025-03-19")[0].value == "2025-03-17"
    assert find_dates(doc, "2024-06-14")[0].value == "2024-06-10"


# --- the component ----------------------------------------------------------------------------

def _blank_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("diplograph_dates")
    return nlp


def test_component_on_blank():
    nlp = _blank_pipeline()
    assert isinstance(nlp.get_pipe("diplograph_dates"), DateRecognizer)
    doc = nlp.make_doc("Erdogan spoke with Trump on Sunday and may visit the US in April.")
    doc._.published = "2025-03-17"
    doc = nlp(doc)
    assert [(t.text, t.value) for t in doc._.dates] == [("Sunday", "2025-03-16"), ("April", "2025-04")]
    spans = doc.spans[SPANS_DATES]
    assert [(s.text, s.label_) for s in spans] == [("Sunday", "DATE"), ("April", "DATE")]
    assert [s._.time_value.value for s in spans] == ["2025-03-16", "2025-04"]
    assert dates_in(spans[0]) == [doc._.dates[0]]
    assert dates_in(doc[0]) == []
    assert dates_in(doc) == doc._.dates


def test_component_without_published_date():
    doc = _blank_pipeline()("They met on Monday and signed the deal on 3 March 2025.")
    assert [t.value for t in doc._.dates] == ["2025-03-03"]
    assert len(doc.spans[SPANS_DATES]) == 1


def test_component_in_full_pipeline(nlp):
    off = [n for n in nlp.pipe_names if n.startswith("diplograph") and n != "diplograph_dates"]
    doc = nlp.make_doc("The two presidents spoke on Monday. They will meet on Monday in Geneva.")
    doc._.published = "2025-03-19"
    doc = nlp(doc, disable=off)
    assert [t.value for t in doc._.dates] == ["2025-03-17", "2025-03-24"]
    assert [s._.time_value.value for s in doc.spans[SPANS_DATES]] == ["2025-03-17", "2025-03-24"]


def test_component_config_round_trip(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("diplograph_dates", config={"use_parser": False})
    nlp.to_disk(tmp_path / "p")
    nlp2 = spacy.load(tmp_path / "p")
    assert nlp2.get_pipe("diplograph_dates").use_parser is False
    doc = nlp2.make_doc("They met yesterday.")
    doc._.published = "2025-03-19"
    assert nlp2(doc)._.dates[0].value == "2025-03-18"


# --- cost -------------------------------------------------------------------------------------

def test_dateparser_is_imported_lazily():
    code = "import sys, diplograph.dates as d, spacy; d.find_dates(spacy.blank('en')('on Monday, 16 March'), " \
           "'2025-03-19'); print('dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_full_pipeline_round_trip(nlp, tmp_path):
    text = ("The two ministers spoke by phone on Tuesday and will meet in Geneva next week. "
            "They last met on 3 February, before the summit of 28-29 January.")
    doc = nlp.make_doc(text)
    doc._.published = "2025-03-19"
    before = nlp(doc)._.dates
    nlp.to_disk(tmp_path / "p")
    nlp2 = spacy.load(tmp_path / "p")
    doc2 = nlp2.make_doc(text)
    doc2._.published = "2025-03-19"
    assert nlp2(doc2)._.dates == before
    assert [t.value for t in before] == ["2025-03-18", "2025-W13", "2025-02-03", "2025-01-28"]
