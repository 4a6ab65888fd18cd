"""Fuzzing the input boundary: whatever the text, ``published`` and metadata, the API raises nothing
but :class:`InputError`, its results always serialise, and a corpus run loses no good record.

Bounded (derandomised, a fixed number of examples) so that it takes well under a minute.
"""
from __future__ import annotations

import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import diplograph
from diplograph.api import parse_published
from diplograph.batch.distributed import dumps_extraction
from diplograph.cli import app
from diplograph.errors import InputError
from diplograph.graph.export import write_graphml
from diplograph.types import Extraction

# Sentences written for this test: names, dates and contact words, so the rules have work to do.
SENTENCES = [
    "President Lula spoke with Prime Minister Albanese by phone on Monday.",
    "Chancellor Scholz will meet President Macron in Paris next week.",
    "The Kremlin denied that Putin had met Erdogan on 12 March.",
    "Foreign Minister Wang Yi held talks with his counterpart in Beijing.",
    "They met again in 2019, officials said.",
]
NASTY = ["\udc80", "\ud800", "\udfff", "\x00", "\x01", "\x1b", "\x7f", "\u2028", "\ufeff", "\ufffe",
         "\uffff", "\r", "\r\n", "\n\n", "\t", "\u200b", "\U0001F600", "\u0301", "é", " ", ""]
CALENDAR_EDGES = ["0001-01-01", "9999-12-31", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                  "0999-12-31", "9000-01-01", "1000-01-01", "8999-12-31", "2025-03-18garbage",
                  "2025-03-18T", "2025-02-30", "2025-13-01", "20250318", "2025-03-18T10:38:00Z",
                  "2025-03-18 10:38", " 2025-03-18 ", "2025-03-18\x00", "2025-03-18\udc80", "", " "]

nasty_text = st.lists(st.one_of(st.sampled_from(NASTY), st.characters(),
                                st.text(max_size=5)), max_size=6).map("".join)
texts = st.lists(st.one_of(st.sampled_from(SENTENCES), nasty_text), max_size=5).map(" ".join)
publisheds = st.one_of(st.none(), st.sampled_from(CALENDAR_EDGES), st.dates(), st.datetimes(),
                       st.dates().map(str), st.text(max_size=12), st.integers(), st.floats(),
                       st.booleans())
metadata = st.one_of(st.none(), st.sampled_from(NASTY), nasty_text, st.integers(), st.floats(),
                     st.lists(st.integers(), max_size=2))
FUZZ = settings(max_examples=400, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@FUZZ
@given(text=st.one_of(texts, st.none(), st.integers()), published=publisheds, doc_id=metadata)
def test_api_raises_only_input_error(nlp, text, published, doc_id):
    try:
        ex = diplograph.extract(text, published=published, doc_id=doc_id)
    except InputError as e:
        assert e.field in ("text", "published")
        return
    line = dumps_extraction(ex)
    line.encode("utf-8")  # always encodable
    assert Extraction.from_dict(json.loads(line)).to_dict() == ex.to_dict()
    write_graphml(diplograph.build_graph([ex]), io.BytesIO())


def _is_good(rec: dict) -> bool:
    if not isinstance(rec.get("text"), str):
        return False
    try:
        parse_published(rec.get("published"))
    except InputError:
        return False
    return rec.get("id") is None or isinstance(rec.get("id"), (str, int, float))


records = st.fixed_dictionaries({"text": st.one_of(texts, st.none()), "published": publisheds,
                                 "id": metadata, "title": metadata, "url": metadata})


@settings(FUZZ, max_examples=40)
@given(recs=st.lists(records, min_size=1, max_size=6))
def test_cli_loses_no_good_record(nlp, tmp_path_factory, recs):
    tmp = tmp_path_factory.mktemp("fuzz")
    rows = [{k: (str(v) if k == "published" and v is not None and not isinstance(v, str) else v)
             for k, v in r.items()} for r in recs]
    src = tmp / "in.jsonl"
    with open(src, "w", encoding="ascii") as f:  # lone surrogates travel as \\udc80 escapes
        for i, r in enumerate(rows):
            r = dict(r, id=r["id"] if r["id"] not in (None, "") else f"rec{i}")
            f.write(json.dumps(r) + "\n")
    res = CliRunner().invoke(app, ["extract", str(src), "-o", str(tmp / "out.jsonl"),
                                   "-o", str(tmp / "g.graphml"), "-q"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    out = [json.loads(x) for x in (tmp / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    errs = tmp / "out.errors.jsonl"
    errors = [json.loads(x) for x in errs.read_text(encoding="utf-8").splitlines()] \
        if errs.exists() else []
    assert len(out) + len(errors) == len(rows)  # every record accounted for
    lines = {e["line"] for e in errors}
    for i, r in enumerate(rows):
        if _is_good(r):
            assert i + 1 not in lines
    assert (tmp / "g.graphml").exists()


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "0001-01-01T00:00:00Z",
                                   "2025-03-18garbage", "2025-03-18T", "20x5-03-18"])
def test_published_edges_and_garbage_are_input_errors(value):
    with pytest.raises(InputError) as e:
        parse_published(value)
    assert e.value.field == "published"


def test_a_doc_id_with_a_surrogate_pair_round_trips(nlp):
    ex = diplograph.extract("Putin met Xi in Moscow.", published="2024-01-01", doc_id="\ud800\udc80")
    line = dumps_extraction(ex)
    assert Extraction.from_dict(json.loads(line)).to_dict() == ex.to_dict()
