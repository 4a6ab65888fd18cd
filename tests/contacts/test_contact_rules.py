"""The contact rule tables: checked when loaded, extendable, and saved with the pipeline."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from diplograph.contacts.rules import ContactRules, active, current, default_rules
from diplograph.errors import InputError

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "eval"


def test_the_packaged_tables_load_and_are_checked():
    rules = default_rules()
    assert {"contact_triggers", "status_cues", "discourse_dates"} <= set(rules.tables)
    assert any(r["lemma"] == "meet" for r in rules.rows("contact_triggers"))


@pytest.mark.parametrize("row,field", [
    ({"lemma": "parley", "pos": "NOUN", "type": "talks", "needs_place": True}, "needs_place"),  # nobody reads it
    ({"lemma": "parley", "pos": "NOUN", "type": "chat"}, "type"),
    ({"lemma": "parley", "pos": "NOUN"}, "type"),
])
def test_a_bad_row_is_an_error_naming_its_field(row, field):
    rules = ContactRules({k: list(v) for k, v in default_rules().tables.items()})
    with pytest.raises(InputError) as e:
        rules.add("contact_triggers", [row])
    assert e.value.field == field


def test_a_bad_file_names_its_line(tmp_path):
    (tmp_path / "status_cues.jsonl").write_text('{"cue": "maybe", "dep": "adverb", "status": "possible"}\n'
                                                '{"cue": "x", "dep": "adverb", "status": "unsure"}\n')
    with pytest.raises(InputError) as e:
        ContactRules.load(tmp_path)
    assert e.value.line == 2 and e.value.field == "status" and "status_cues.jsonl" in str(e.value)


def test_active_rules_are_the_components():
    mine = ContactRules({k: list(v) for k, v in default_rules().tables.items()})
    with active(mine):
        assert current() is mine
    assert current() is default_rules()


def test_add_patterns_adds_a_trigger(nlp):
    import diplograph

    text = "Chancellor Olaf Scholz held a parley with President Emmanuel Macron in Paris."
    assert not diplograph.extract(text, published="2024-01-10").contacts
    mine = _copy(nlp)
    mine.get_pipe("diplograph_contacts").add_patterns(
        "contact_triggers", [{"lemma": "parley", "pos": "NOUN", "type": "talks"}])
    doc = mine(text)
    assert doc._.contacts and {p.name for p in doc._.contacts[0].participants} >= {"Olaf Scholz", "Emmanuel Macron"}
    assert default_rules().tables == ContactRules.load().tables  # the packaged rules are untouched


def _copy(nlp):
    import tempfile

    d = tempfile.mkdtemp()
    nlp.to_disk(d)
    return spacy.load(d)


def _articles():
    paths = [ROOT / "notebooks" / "corpus" / "erdogan_trump_putin.jsonl", SHARED / "news_dev.jsonl",
             SHARED / "news_dev2.jsonl"]
    for p in paths:
        if p.exists():
            yield from (json.loads(line) for line in open(p, encoding="utf-8") if line.strip())


@pytest.mark.slow
def test_a_saved_pipeline_extracts_the_same(nlp, tmp_path):
    from diplograph.api import _make_doc, extraction_from_doc

    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "diplograph_contacts" / "contact_triggers.jsonl").exists()
    for art in _articles():
        a = extraction_from_doc(nlp(_make_doc(nlp, art["text"], art.get("published"), art["id"])))
        b = extraction_from_doc(loaded(_make_doc(loaded, art["text"], art.get("published"), art["id"])))
        assert a.to_dict() == b.to_dict(), art["id"]


@pytest.mark.parametrize("row", [
    {"cue": "maybe", "dep": "adverb"},  # a status cue without a status
    {"cue": "information", "dep": "topic", "status": "denied"},  # a topic word tells no status
])
def test_a_status_cue_row_has_a_status_exactly_when_it_is_no_topic_word(row):
    rules = ContactRules({k: list(v) for k, v in default_rules().tables.items()})
    with pytest.raises(InputError):
        rules.add("status_cues", [row])


def test_a_topic_word_row_loads():
    rules = ContactRules({k: list(v) for k, v in default_rules().tables.items()})
    rules.add("status_cues", [{"cue": "briefing", "dep": "topic"}])
    assert any(r.get("cue") == "briefing" for r in rules.rows("status_cues"))
