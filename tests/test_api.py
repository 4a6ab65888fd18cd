"""extract / extract_many: the engine (batches, worker processes, long texts) and its helpers."""
from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import diplograph
from diplograph.api import (_run_batch, merge_extractions, parse_published, pipe_items,
                            shift_extraction, split_text)
from diplograph.errors import DiplographError, InputError
from diplograph.extensions import register_extensions
from diplograph.types import (Contact, Country, Extraction, Mention, Participant, Person,
                              TimeValue)

LONG = ("President Amara Kell met Chancellor Ivo Brandt in Lisbon on 4 May.\n\n"
        "Kell said the talks were useful.\n\n"
        "Brandt will visit Kell again in June.\n\n") * 6


# --- a tiny rule component on a blank pipeline, so the engine is tested without a model -------

@Language.component("test_capitals")
def _capitals(doc):
    register_extensions()
    people: dict[str, Person] = {}
    for tok in doc:
        if tok.text[:1].isupper() and tok.text in {"Kell", "Brandt", "Amara", "Ivo"}:
            p = people.setdefault(tok.text, Person(id=f"person:{tok.text.lower()}", name=tok.text))
            p.mentions.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text))
    doc._.people = list(people.values())
    doc._.countries = [Country("PRT", "Portugal", [Mention(t.idx, t.idx + len(t), t.text)])
                       for t in doc if t.text == "Lisbon"][:1]
    doc._.dates = [TimeValue(t.text, t.idx, t.idx + len(t), "2025-05", "month") for t in doc
                   if t.text in ("May", "June")]
    doc._.contacts = []
    for sent_start in [t for t in doc if t.text == "met"]:
        ev = Mention(0, len(doc.text.split("\n")[0]), doc.text.split("\n")[0])
        doc._.contacts.append(Contact("c1", "meeting", [Participant("person:kell", "Kell")],
                                      "occurred", doc._.dates[0] if doc._.dates else None,
                                      evidence=[ev],
                                      triggers=[Mention(sent_start.idx, sent_start.idx + 3, "met")]))
    if "CRASH" in doc.text:
        raise RuntimeError("component failure")
    return doc


@pytest.fixture(scope="module")
def toy():
    nlp = spacy.blank("en")
    nlp.add_pipe("test_capitals")
    return nlp


def _check_offsets(ex: Extraction, text: str) -> int:
    n = 0
    for p in ex.people:
        for m in p.mentions:
            assert text[m.start:m.end] == m.text
            n += 1
    for c in ex.countries:
        for m in c.mentions:
            assert text[m.start:m.end] == m.text
    for t in ex.dates:
        assert text[t.start:t.end] == t.text
    for c in ex.contacts:
        for m in c.evidence + c.triggers:
            assert text[m.start:m.end] == m.text
        if c.date:
            assert text[c.date.start:c.date.end] == c.date.text
    return n


# --- split / shift / merge --------------------------------------------------------------------

def test_split_text_prefers_paragraphs_and_round_trips():
    pieces = split_text(LONG, 200)
    assert "".join(p for _, p in pieces) == LONG
    assert all(len(p) <= 200 for _, p in pieces)
    assert all(LONG[off:off + len(p)] == p for off, p in pieces)
    assert all(p.endswith("\n\n") for _, p in pieces[:-1])
    assert split_text("short", 100) == [(0, "short")]


def test_split_text_without_breaks():
    text = "word " * 50
    pieces = split_text(text, 33)
    assert "".join(p for _, p in pieces) == text and all(len(p) <= 33 for _, p in pieces)
    assert all(p.endswith(" ") for _, p in pieces[:-1])  # never inside a word when avoidable
    assert [len(p) for _, p in split_text("x" * 25, 10)] == [10, 10, 5]
    with pytest.raises(ValueError):
        split_text("abc", 0)


def test_shift_and_merge():
    a = Person("p:1", "Amara Kell", aliases=["Kell"], mentions=[Mention(0, 4, "Kell")])
    b = Person("p:1", "Amara Kell", aliases=["President Kell"], role="president",
               mentions=[Mention(2, 6, "Kell")])
    t = TimeValue("May", 8, 11, "2025-05", "month")
    c = Contact("c1", "meeting", [], "occurred", t, evidence=[Mention(0, 11, "Kell met May")])
    e1 = Extraction("d", "2025-05-05", people=[a], dates=[t])
    e2 = Extraction("d", "2025-05-05", people=[b], dates=[t], contacts=[c])
    s = shift_extraction(e2, 100)
    assert s.people[0].mentions[0].start == 102 and s.contacts[0].date.start == 108
    assert s.contacts[0].evidence[0].end == 111 and e2.people[0].mentions[0].start == 2  # a copy
    m = merge_extractions([(0, e1), (100, e2)])
    assert len(m.people) == 1
    assert [x.start for x in m.people[0].mentions] == [0, 102]
    assert m.people[0].aliases == ["Kell", "President Kell"] and m.people[0].role == "president"
    assert [d.start for d in m.dates] == [8, 108] and m.meta == {"chunks": 2}
    assert e1.people[0].mentions == [Mention(0, 4, "Kell")]  # inputs untouched


# --- the engine on the toy pipeline ------------------------------------------------------------

def test_long_text_is_split_and_merged_with_true_offsets(toy):
    whole = _run_batch(toy, [(0, LONG, "2025-05-05", "doc")], 8, None, catch=False)[0][1]
    parts = _run_batch(toy, [(0, LONG, "2025-05-05", "doc")], 8, 150, catch=False)[0][1]
    assert parts.meta["chunks"] > 3 and whole.meta == {}
    assert _check_offsets(parts, LONG) == _check_offsets(whole, LONG) > 0
    assert {p.id for p in parts.people} == {p.id for p in whole.people}
    assert [d.start for d in parts.dates] == [d.start for d in whole.dates]
    assert parts.doc_id == "doc" and parts.published == "2025-05-05"


def test_bad_items_and_component_failures_are_isolated(toy):
    batch = [(0, "Kell met Brandt in May.", None, "a"), (1, None, None, "b"),
             (2, "Kell CRASH", None, "c"), (3, "Brandt.", "2025-13-45", "d"),
             (4, "Ivo Brandt.", None, "e")]
    res = dict(_run_batch(toy, batch, 8, None, catch=True))
    assert isinstance(res[0], Extraction) and res[0].doc_id == "a"
    assert isinstance(res[1], InputError) and res[1].field == "text"
    assert isinstance(res[2], DiplographError) and "component failure" in str(res[2])
    assert isinstance(res[3], InputError) and res[3].field == "published"
    assert res[4].doc_id == "e" and [p.name for p in res[4].people] == ["Ivo", "Brandt"]
    with pytest.raises(RuntimeError, match="component failure"):
        _run_batch(toy, batch[2:3], 8, None, catch=False)


def test_empty_and_non_english_texts(toy):
    res = [r for _, r in _run_batch(toy, [(0, "", None, None), (1, "   \n", None, None),
                                          (2, "Der Kanzler traf den Präsidenten.", None, None)],
                                    8, None, catch=True)]
    assert all(isinstance(r, Extraction) and r.contacts == [] for r in res)


def test_parse_published():
    assert parse_published("2025-03-18") == "2025-03-18"
    assert parse_published("2025-03-18T22:10:00+02:00") == "2025-03-18"
    import datetime as dt

    assert parse_published(dt.datetime(2025, 3, 18, 9)) == "2025-03-18"
    assert parse_published(None) is None and parse_published("") is None
    with pytest.raises(InputError, match="not a calendar date"):
        parse_published("2025-13-45")
    with pytest.raises(InputError, match="expected a date"):
        parse_published(20250318)


# --- public API on the real pipeline ---------------------------------------------------------

TEXTS = ["Prime Minister Lena Varga met President Tomas Ruel in Budapest on Monday.",
         "",
         "Das ist kein englischer Text.",
         "Foreign Minister Ada Novak spoke by phone with her Czech counterpart on Friday."]


def test_extract_structure(nlp):
    ex = diplograph.extract(TEXTS[0], published="2025-03-18", doc_id="x")
    assert isinstance(ex, Extraction) and ex.doc_id == "x" and ex.published == "2025-03-18"
    d = ex.to_dict()
    assert set(d) == {"doc_id", "published", "people", "countries", "dates", "contacts", "meta"}
    assert diplograph.extract("").contacts == []
    with pytest.raises(InputError):
        diplograph.extract(TEXTS[0], published="2025-13-45")


def test_extract_many_order_ids_and_items(nlp):
    items = [TEXTS[0], {"text": TEXTS[1], "id": "m", "published": "2025-01-02"},
             (TEXTS[2], None, "t"), (TEXTS[3],)]
    out = list(diplograph.extract_many(items, batch_size=2))
    assert [e.doc_id for e in out] == [None, "m", "t", None]
    assert out[1].published == "2025-01-02"
    single = [diplograph.extract(t).to_dict() for t in TEXTS]
    assert [e.to_dict() for e in diplograph.extract_many(TEXTS)] == single


def test_extract_many_names_the_bad_item(nlp):
    with pytest.raises(InputError, match=r"item:1 field 'text': missing field"):
        list(diplograph.extract_many(["ok", {"txt": "no"}]))
    with pytest.raises(InputError, match=r"item:2 field 'published'"):
        list(diplograph.extract_many(["a", "b", ("c", "2025-02-30")]))
    with pytest.raises(InputError, match=r"item:0 field 'text'"):
        list(diplograph.extract_many([(42, None, None)]))


def test_extract_many_two_processes_equals_one(nlp):
    from pathlib import Path

    seed = next((Path(__file__).parents[1] / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    items = [(t, "2025-03-18", f"d{i}") for i, t in enumerate(TEXTS * 2 + [seed])]
    one = list(diplograph.extract_many(items, batch_size=3))
    two = list(diplograph.extract_many(items, batch_size=3, n_process=2))
    assert one == two and len(one) == 9  # the same objects, not only the same dicts


def test_pipe_items_passes_context_and_errors(nlp):
    tasks = [("a", "Text one.", None, None), ("b", 5, None, None), ("c", "Text.", "bad", None)]
    res = list(pipe_items(tasks, batch_size=2))
    assert [c for c, _ in res] == ["a", "b", "c"]
    assert isinstance(res[0][1], Extraction)
    assert isinstance(res[1][1], InputError) and isinstance(res[2][1], InputError)
    res2 = list(pipe_items(tasks, batch_size=1, n_process=2))
    assert [type(r) for _, r in res2] == [type(r) for _, r in res]
    assert res2[2][1].field == "published"


def test_long_text_on_the_real_pipeline(nlp):
    from pathlib import Path

    seed = next((Path(__file__).parents[1] / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    (ex,) = diplograph.extract_many([(seed, "2025-03-18", "s")], max_length=700)
    assert ex.meta["chunks"] >= 4 and ex.doc_id == "s"
    _check_offsets(ex, seed)
    assert len({p.id for p in ex.people}) == len(ex.people)  # one entry per person


def test_a_contact_reported_in_two_pieces_of_a_long_text_is_one(nlp):
    from diplograph.api import extract_many

    para = "Erdogan spoke with Putin by phone on Monday, the Kremlin said."
    filler = "\n\n".join(["The weather in Ankara was mild and markets were calm."] * 30)
    text = para + "\n\n" + filler + "\n\n" + "Erdogan and Putin discussed Syria in the call on Monday."
    (ex,) = list(extract_many([(text, "2025-03-19", "long")], max_length=len(text) // 3))
    assert ex.meta.get("chunks", 1) > 1
    calls = [c for c in ex.contacts if {p.name for p in c.participants} == {"Recep Tayyip Erdoğan", "Vladimir Putin"}]
    assert len(calls) == 1 and len(calls[0].evidence) == 2
