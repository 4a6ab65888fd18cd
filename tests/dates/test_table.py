"""Integration: the table of sentences (tests/data/dates_table.jsonl) on blank and on parsed docs, and the
tense of whole sentences through the model."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplograph.dates import find_dates, tense_at
from diplograph.types import TimeValue

TABLE = Path(__file__).parents[1] / "data" / "dates_table.jsonl"
ROWS = [json.loads(line) for line in TABLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def _row_id(row: dict) -> str:
    return f"{row['reference']}|{row['expression']}|{row['sentence'][:40]}"


@pytest.fixture(scope="module")
def parse(nlp):
    """A function: text -> Doc with the model's tagger and parser, without diplograph's components."""
    off = [name for name in nlp.pipe_names if name.startswith("diplograph")]
    return lambda text: nlp(text, disable=off)


def _match(doc, row: dict) -> list[TimeValue]:
    i = row["sentence"].index(row["expression"])
    j = i + len(row["expression"])
    return [t for t in find_dates(doc, row["reference"]) if t.start < j and t.end > i]


def _check(doc, row: dict) -> None:
    found = _match(doc, row)
    if row["value"] is None:
        assert found == [], f"expected no date for {row['expression']!r}, got {found}"
        return
    assert len(found) == 1, f"expected one date overlapping {row['expression']!r}, got {found}"
    tv = found[0]
    assert tv.value == row["value"]
    if row.get("granularity"):
        assert tv.granularity == row["granularity"]
    assert doc.text[tv.start:tv.end] == tv.text


def test_table_size_and_shape():
    assert len(ROWS) >= 80
    assert sum(r["value"] is None for r in ROWS) >= 15  # negatives
    assert sum(r["reference"] is None for r in ROWS) >= 4
    for r in ROWS:
        assert r["expression"] in r["sentence"]


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_table_blank(blank, row):
    _check(blank(row["sentence"]), row)


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_table_parsed(parse, row):
    _check(parse(row["sentence"]), row)


# --- tense ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("They met on Monday.", "past"),
    ("They will meet on Monday.", "future"),
    ("The leaders are due to meet on Monday.", "future"),
    ("Putin is going to visit Ankara on Monday.", "future"),
    ("Talks are scheduled for Monday.", "future"),
    ("On Monday, the ministers spoke by phone.", "past"),
    ("He said he would travel on Monday.", "future"),
])
def test_tense_at_blank_and_parsed(blank, parse, text, expected):
    i = text.index("Monday")
    assert tense_at(blank(text), i, i + 6) == expected
    assert tense_at(parse(text), i, i + 6) == expected


