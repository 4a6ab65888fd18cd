"""Archive mode (mode="contacts"): the first pass, the reduced text and the way back, and the engine."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import diplograph
from diplograph.model.archive import (_paragraphs, contacts_only, map_extraction, prefilter_for, reduce_text,
                                trigger_forms)
from diplograph.cli import app
from diplograph.types import Contact, Extraction, Mention, Participant, Person, TimeValue

# written for these tests: a market report with no contact, and a story whose contact sits deep
# inside, introduced by a name in the lede and told through a pronoun
MARKETS = ("Markets edge higher as inflation cools\n"
           "Stock markets rose on Tuesday after new figures showed prices rising more slowly.\n"
           "The benchmark index closed up 40 points, led by banks and miners.\n"
           "Investors called for clearer guidance from the central bank.\n"
           "Oil prices slipped to their lowest level in six weeks.")
STORY = ("Harbour plan moves ahead\n"
         "Prime Minister Lena Varga of Hungary opened a new port terminal in Gdansk on Monday, "
         "officials said.\n"
         "The terminal will handle grain and containers and employ about 400 people.\n"
         "Work on a second berth starts next year, the operator said.\n"
         "Shipping volumes rose by a fifth last year.\n"
         "On Tuesday she met President Tomas Ruel of Austria in Warsaw to discuss rail links.\n"
         "The weather was mild for the season.")


def test_trigger_forms_inflect_the_contact_lemmas(nlp):
    forms = trigger_forms(nlp.get_pipe("lemmatizer"))
    assert {"met", "meeting", "meetings", "spoke", "phoned", "visited", "talks", "flew",
            "chatted"} <= forms
    assert "said" not in forms and "market" not in forms


def test_paragraphs_are_lines_with_their_breaks():
    assert _paragraphs("a\nb\n\nc") == [(0, 2), (2, 5), (5, 6)]
    assert _paragraphs("") == []


def test_no_window_without_a_contact(nlp):
    assert prefilter_for(nlp).windows(MARKETS) == []


def test_windows_hold_the_core_its_context_and_the_lede(nlp):
    wins = prefilter_for(nlp).windows(STORY)
    kept = "".join(STORY[s:e] for s, e in wins)
    assert "she met President Tomas Ruel" in kept
    assert "Prime Minister Lena Varga" in kept           # the lede names "she"
    assert "Shipping volumes" in kept                    # the paragraph before the core
    assert "Work on a second berth" not in kept and "weather" not in kept


def test_a_text_read_whole_is_tokenised_once(nlp):
    from diplograph.model.archive import prepare

    whole = "President Tomas Ruel met Prime Minister Lena Varga in Vienna on Monday."
    (wins, _), read, doc = prepare(nlp, whole)
    assert wins == [(0, len(whole))] and read == whole
    assert doc is not None and doc.text == whole  # the first pass's tokens go to the model
    assert [t.text for t in doc] == [t.text for t in nlp.make_doc(whole)]
    (_, _), read, doc = prepare(nlp, STORY)
    assert read != STORY and doc is not None and doc.text == read  # a reduced text: its own tokens
    assert [t.text for t in doc] == [t.text for t in nlp.make_doc(read)]
    assert prepare(nlp, MARKETS)[1:] == (None, None)
    full = diplograph.extract(whole, published="2025-03-18")
    arch = next(iter(diplograph.extract_many([{"text": whole, "published": "2025-03-18"}], mode="contacts")))
    assert [c.to_dict() for c in arch.contacts] == [c.to_dict() for c in full.contacts] and arch.contacts


def test_reduced_text_maps_back_to_the_whole_text():
    text = "aaa\nbbb\nccc\nddd"
    reduced, blocks = reduce_text(text, [(0, 4), (8, 12)])
    assert reduced == "aaa\nccc\n"
    s = reduced.index("ccc")
    ex = Extraction(people=[Person(id="p", name="C", mentions=[Mention(s, s + 3, "ccc")])],
                    dates=[TimeValue("aaa", 0, 3, "2025", "year")])
    back = map_extraction(ex, blocks)
    m = back.people[0].mentions[0]
    assert text[m.start:m.end] == "ccc" and (back.dates[0].start, back.dates[0].end) == (0, 3)
    # an end offset at a block's end stays in that block
    ex2 = Extraction(people=[Person(id="p", name="A", mentions=[Mention(0, 4, "aaa\n")])])
    assert map_extraction(ex2, blocks).people[0].mentions[0].end == 4


def test_contacts_only_keeps_what_the_contacts_use():
    date = TimeValue("Monday", 5, 11, "2025-03-17", "day")
    c = Contact(id="c", type="meeting", participants=[Participant("a", "A"), Participant("b", "B")],
                status="occurred", date=date)
    ex = Extraction(people=[Person("a", "A"), Person("b", "B"), Person("z", "Z")], contacts=[c],
                    dates=[date, TimeValue("2024", 30, 34, "2024", "year")])
    out = contacts_only(ex)
    assert [p.id for p in out.people] == ["a", "b"] and out.dates == [date]


def test_archive_mode_finds_the_contact_with_offsets_into_the_whole_text(nlp):
    items = [(MARKETS, "2025-03-19", "m"), (STORY, "2025-03-19", "s")]
    full = list(diplograph.extract_many(items))
    arc = list(diplograph.extract_many(items, mode="contacts"))
    assert arc[0].contacts == [] and arc[0].meta == {"mode": "contacts", "windows": []}
    pairs = lambda ex: {(c.type, frozenset(p.id for p in c.participants)) for c in ex.contacts}  # noqa: E731
    assert pairs(arc[1]) == pairs(full[1]) and pairs(arc[1])
    for c in arc[1].contacts:
        for m in c.evidence + c.triggers:
            assert STORY[m.start:m.end] == m.text
    for p in arc[1].people:
        assert p.id in {q.id for c in arc[1].contacts for q in c.participants}
        for m in p.mentions:
            assert STORY[m.start:m.end] == m.text
    assert arc[1].meta["mode"] == "contacts" and len(arc[1].meta["windows"]) >= 1


def test_unknown_mode_is_refused(nlp):
    with pytest.raises(ValueError, match="mode"):
        list(diplograph.extract_many(["x"], mode="fast"))


def test_cli_contacts_only(tmp_path, nlp):
    src = tmp_path / "news.jsonl"
    src.write_text("\n".join(json.dumps({"id": i, "text": t, "published": "2025-03-19"})
                             for i, t in (("m", MARKETS), ("s", STORY))) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(app, ["extract", str(src), "--contacts-only", "-o", str(out), "-q"],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    recs = [json.loads(x) for x in out.read_text().splitlines()]
    assert [r["meta"]["mode"] for r in recs] == ["contacts", "contacts"]
    assert recs[0]["contacts"] == [] and recs[1]["contacts"]


@pytest.mark.slow
def test_archive_mode_with_worker_processes_and_dask(tmp_path, nlp):
    items = [{"text": t, "published": "2025-03-19", "id": f"{i}"}
             for i, t in enumerate([MARKETS, STORY] * 3)]
    one = [ex.to_dict() for ex in diplograph.extract_many(items, mode="contacts", batch_size=2)]
    two = [ex.to_dict() for ex in diplograph.extract_many(items, mode="contacts", batch_size=2,
                                                          n_process=2)]
    assert one == two
    pytest.importorskip("distributed")
    from diplograph.batch.distributed import extract_dask, part_files

    run = extract_dask(items, tmp_path / "parts", None, partition_size=3, n_workers=2,
                       mode="contacts")
    lines = [json.loads(x) for p in part_files(tmp_path / "parts") for x in p.read_text().splitlines()]
    assert run["docs"] == 6 and lines == one
