"""The people component's state: rule tables checked against their schema, extended by the user, saved by
``nlp.to_disk`` and restored by ``spacy.load``; matchers built when the component is created."""
from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import Doc, Span

import diplograph
import diplograph.people.component  # noqa: F401  (registers the factory)
from diplograph.errors import InputError
from diplograph.people.rules import TABLES, WORD_LISTS, PeopleRules


def _packaged_rows():
    rules = PeopleRules.load()
    return {t: [dict(r) for r in rules.rows[t]] for t in TABLES}


# ---------------------------------------------------------------- schemas


def test_the_packaged_tables_load():
    rules = PeopleRules.load()
    assert rules.titles["prime minister"]["office"] == ["head_of_government"]
    assert rules.titles["mk"]["country"] == "ISR"
    assert set(rules.words) == set(WORD_LISTS) - {"same_role"}
    assert frozenset({"president", "head of state"}) in rules.same_role
    assert rules.media_names["associated press"] == "AP"
    assert rules.is_place("Sahel") and rules.is_place("Goma")


@pytest.mark.parametrize("table,row,field", [
    ("titles", {"title": "grand vizier", "role": "grand vizier", "office": [], "class": "official", "weak": True},
     "weak"),
    ("titles", {"title": "grand vizier", "role": "grand vizier", "office": ["vizierate"], "class": "official"},
     "office"),
    ("titles", {"title": "Grand Vizier", "role": "grand vizier", "office": [], "class": "official"}, "title"),
    ("titles", {"title": "grand vizier", "role": "grand vizier", "office": [], "class": "sage"}, "class"),
    ("media", {"name": "The Daily Example", "aliases": "Example"}, "aliases"),
    ("places", {"name": "Example Valley", "kind": "valley"}, "kind"),
    ("credit_lines", {"pattern": "(unclosed", "kind": "credit"}, "pattern"),
    ("word_lists", {"list": "needs_place", "words": ["x"]}, "list"),
])
def test_a_bad_row_names_the_table_line_and_field(table, row, field):
    tables = _packaged_rows()
    tables[table].append(row)
    with pytest.raises(InputError) as err:
        PeopleRules(tables, {table: f"{table}.jsonl"})
    assert err.value.field == field and err.value.line == len(tables[table])
    assert err.value.source == f"{table}.jsonl"


def test_a_title_defined_twice_is_an_error():
    tables = _packaged_rows()
    tables["titles"].append(dict(tables["titles"][0]))
    with pytest.raises(InputError, match="defined twice"):
        PeopleRules(tables)


def test_a_word_list_a_rule_reads_must_be_there():
    tables = _packaged_rows()
    tables["word_lists"] = [r for r in tables["word_lists"] if r["list"] != "particles"]
    with pytest.raises(InputError, match="particles"):
        PeopleRules(tables)


def test_a_rules_directory_replaces_a_packaged_table(tmp_path):
    rows = _packaged_rows()["places"] + [{"name": "Zarovia Basin", "kind": "region"}]
    (tmp_path / "places.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    rules = PeopleRules.load(tmp_path)
    assert rules.is_place("Zarovia Basin") and rules.titles == PeopleRules.load().titles


# ---------------------------------------------------------------- the component, without a model


@pytest.fixture()
def blank_people():
    nlp = spacy.blank("en")
    nlp.add_pipe("diplograph_people")
    return nlp


def _tagged(nlp, words, ents):
    doc = Doc(nlp.vocab, words=words, sent_starts=[True] + [False] * (len(words) - 1))
    doc.set_ents([Span(doc, s, e, label=label) for s, e, label in ents])
    doc._.published = "2025-03-18"
    return doc


def test_matchers_are_built_when_the_component_is_created(blank_people):
    pipe = blank_people.get_pipe("diplograph_people")
    assert len(pipe.finder.title_matcher) and len(pipe.finder.leader_matcher)
    assert pipe.variants is not None and pipe.resolver.variants is pipe.variants


def test_a_user_title_finds_names(blank_people):
    pipe = blank_people.get_pipe("diplograph_people")
    pipe.add_rules("titles", [{"title": "grand vizier", "role": "grand vizier", "office": [], "class": "official"}])
    doc = pipe(_tagged(blank_people, ["Grand", "Vizier", "Orhan", "Tesk", "spoke", "."], []))
    assert [(p.name, p.role) for p in doc._.people] == [("Orhan Tesk", "grand vizier")]


def test_round_trip_keeps_rules_and_leaders(blank_people, tmp_path):
    pipe = blank_people.get_pipe("diplograph_people")
    pipe.add_rules("titles", [{"title": "grand vizier", "role": "grand vizier", "office": [], "class": "official"}])
    pipe.add_rules("word_lists", [{"list": "name_stopwords", "words": ["Caravanserai"]}])
    pipe.add_leaders([{"id": "person:zora-vantrel", "name": "Zora Vantrel", "country": "EST",
                       "terms": [{"role": "foreign_minister", "title": "foreign minister", "start": "2024-01-01"}]}])
    blank_people.to_disk(tmp_path / "p")
    back = spacy.load(tmp_path / "p").get_pipe("diplograph_people")
    assert back.rules == pipe.rules and "grand vizier" in back.rules.titles
    assert "Caravanserai" in back.rules.words["name_stopwords"]
    assert [p.name for p in back.gazetteer.by_short_name("Vantrel", None)] == ["Zora Vantrel"]


def test_loading_unchanged_data_builds_nothing_again(blank_people, tmp_path):
    pipe = blank_people.get_pipe("diplograph_people")
    finder = pipe.finder
    blank_people.to_disk(tmp_path / "p")
    pipe.from_disk(tmp_path / "p" / "diplograph_people")
    assert pipe.finder is finder


# ---------------------------------------------------------------- with the model


def test_spacy_load_gives_identical_people(nlp, tmp_path):
    from diplograph.pipeline import add_components, load_model

    texts = ["Malaysian Prime Minister Datuk Seri Anwar Ibrahim received Kenyan President William Ruto in "
             "Putrajaya on Tuesday. Anwar said the talks went well, his spokesman Tunku Nashrul said.",
             "Tajik President Emomali Rahmon met the Grand Vizier Orhan Tesk. Imomali Rehmon thanked him."]
    first = load_model()
    add_components(first)
    first.get_pipe("diplograph_people").add_rules("titles", [
        {"title": "grand vizier", "role": "grand vizier", "office": [], "class": "official"}])
    first.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")

    def people(pipeline):
        out = []
        for text in texts:
            doc = pipeline.make_doc(text)
            doc._.published = "2024-05-01"
            out.append([p.to_dict() if hasattr(p, "to_dict") else repr(p) for p in pipeline(doc)._.people])
        return out

    assert people(again) == people(first)
    assert any(p["name"] == "Orhan Tesk" for p in people(again)[1] if isinstance(p, dict))
    assert diplograph.extract(texts[0], published="2024-05-01").people  # the default pipeline still works
