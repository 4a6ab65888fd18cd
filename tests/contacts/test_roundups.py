"""Round-ups: "X phoned several leaders" announces separate contacts whose counterparts are named after
it; they are X's contacts one by one, of the announced kind and date, never one call among the named.
(Sentences written for the project.)"""
from __future__ import annotations

from types import SimpleNamespace

import pytest
import spacy
from spacy.tokens import Doc

import diplograph
from diplograph.contacts.roundups import _group_counterpart


def _doc(words, heads, deps, tags, lemmas):
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, lemmas=lemmas,
               pos=["VERB" if t.startswith("VB") else "NOUN" if t.startswith("NN") else "ADJ" if t == "JJ"
                    else "ADP" if t == "IN" else "PRON" for t in tags])


@pytest.mark.parametrize("words,heads,tags,lemmas,deps,group", [
    # "He phoned several leaders" (no model: a hand-built parse)
    (["He", "phoned", "several", "leaders"], [1, 1, 3, 1], ["PRP", "VBD", "JJ", "NNS"],
     ["he", "phone", "several", "leader"], ["nsubj", "ROOT", "amod", "dobj"], True),
    # "He took calls from a number of leaders"
    (["He", "took", "calls", "from", "a", "number", "of", "leaders"], [1, 1, 1, 2, 5, 3, 5, 6],
     ["PRP", "VBD", "NNS", "IN", "DT", "NN", "IN", "NNS"],
     ["he", "take", "call", "from", "a", "number", "of", "leader"],
     ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "prep", "pobj"], True),
    # "He phoned reporters": not counterparts
    (["He", "phoned", "reporters"], [1, 1, 1], ["PRP", "VBD", "NNS"], ["he", "phone", "reporter"],
     ["nsubj", "ROOT", "dobj"], False),
    # "He phoned the leader": one, not a group
    (["He", "phoned", "the", "leader"], [1, 1, 3, 1], ["PRP", "VBD", "DT", "NN"], ["he", "phone", "the", "leader"],
     ["nsubj", "ROOT", "det", "dobj"], False),
])
def test_a_plural_of_counterparts_announces_a_round(words, heads, tags, lemmas, deps, group):
    doc = _doc(words, heads, deps, tags, lemmas)
    trigger = doc[2] if words[2] == "calls" else doc[1]
    ctx = SimpleNamespace(person_of={}, country_of={})
    assert _group_counterpart(trigger, ctx) is group


def contacts(text: str, published: str = "2025-03-08") -> list[tuple[frozenset, str, str | None]]:
    ex = diplograph.extract(text, published=published)
    return [(frozenset(p.name.split()[-1] for p in c.participants if p.kind == "person"), c.type,
             c.date.value if c.date else None) for c in ex.contacts]


def test_a_round_of_calls_named_in_the_next_sentence_is_one_call_each():
    got = contacts("British Prime Minister Keir Starmer has taken a number of calls from European leaders this "
                   "week. He discussed Ukraine in the phone calls from German Chancellor Olaf Scholz, "
                   "French President Emmanuel Macron and Italian Prime Minister Giorgia Meloni.",
                   published="2024-11-14")
    people = {names for names, _, _ in got}
    assert {frozenset({"Starmer", "Scholz"}), frozenset({"Starmer", "Macron"}),
            frozenset({"Starmer", "Meloni"})} <= people
    assert not any(len(names) > 2 for names in people)  # never one call of four
    assert frozenset({"Scholz", "Macron"}) not in people
    assert all(ctype == "phone_call" for names, ctype, _ in got if "Starmer" in names)


def test_spoke_with_after_phoned_several_leaders_is_a_phone_call():
    got = contacts("On Friday, March 7, Ukrainian President Volodymyr Zelensky phoned several European leaders; "
                   "he spoke with French President Emmanuel Macron and Polish Prime Minister Donald Tusk.")
    mine = {names: (ctype, date) for names, ctype, date in got}
    assert mine.get(frozenset({"Zelenskyy", "Macron"}), (None,))[0] == "phone_call"
    assert mine.get(frozenset({"Zelenskyy", "Tusk"}), (None,))[0] == "phone_call"
    assert mine[frozenset({"Zelenskyy", "Macron"})][1] == "2025-03-07"


def test_without_an_announcement_one_contact_stays_one():
    got = contacts("Ukrainian President Volodymyr Zelensky spoke with French President Emmanuel Macron on Friday.")
    assert [(names, ctype) for names, ctype, _ in got] == [(frozenset({"Zelenskyy", "Macron"}), "phone_call")]


def test_calls_taken_from_a_list_are_one_call_each():
    got = contacts("On Monday Polish Prime Minister Donald Tusk had received calls from Spanish Prime Minister Pedro "
                   "Sanchez, Dutch Prime Minister Dick Schoof and Belgian Prime Minister Bart De Wever.",
                   published="2025-03-11")
    people = {names for names, _, _ in got}
    assert {frozenset({"Tusk", "Schoof"}), frozenset({"Tusk", "Wever"})} <= people, got
    assert all(len(names) == 2 for names in people), got


def test_calls_taken_from_people_named_on_the_verb_are_with_them():
    # "Tusk had taken calls from Sanchez and Schoof", "from" hung on the verb (hand-built parse, no model)
    from diplograph.contacts.lexicon import load_triggers
    from diplograph.contacts.participants import DocContext, noun_parties
    from diplograph.extensions import SPANS_PEOPLE, register_extensions
    from diplograph.types import Person
    from spacy.tokens import Span

    register_extensions()
    words = ["Tusk", "had", "taken", "calls", "from", "Sanchez", "and", "Schoof"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 2, 2, 2, 4, 5, 5],
              deps=["nsubj", "aux", "ROOT", "dobj", "prep", "pobj", "cc", "conj"],
              tags=["NNP", "VBD", "VBN", "NNS", "IN", "NNP", "CC", "NNP"],
              pos=["PROPN", "AUX", "VERB", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN"],
              lemmas=["Tusk", "have", "take", "call", "from", "Sanchez", "and", "Schoof"])
    spans = []
    for i, name in ((0, "tusk"), (5, "sanchez"), (7, "schoof")):
        span = Span(doc, i, i + 1)
        span._.person_id = f"person:{name}"
        spans.append(span)
    doc.spans[SPANS_PEOPLE] = spans
    doc._.people = [Person(id=f"person:{n}", name=n.title()) for n in ("tusk", "sanchez", "schoof")]
    ctx = DocContext.of(doc)
    spec = load_triggers()[0][("call", "NOUN")]
    subj, others, _ = noun_parties(doc[3], spec, ctx)
    assert [p.id for p in subj] == ["person:tusk"]
    assert {p.id for p in others} == {"person:sanchez", "person:schoof"}


def test_a_round_whose_group_names_examples_is_still_a_round():
    text = ("President Lula today phoned several world leaders, including his Chilean and Colombian counterparts, "
            "his office said.\n"
            "Lula spoke with President Gabriel Boric of Chile, President Gustavo Petro of Colombia and Prime "
            "Minister Pedro Sanchez of Spain.")
    ex = diplograph.extract(text, published="2024-05-06")
    kinds = {frozenset(p.name.split()[-1] for p in c.participants): c.type for c in ex.contacts}
    assert kinds.get(frozenset({"Silva", "Boric"})) == "phone_call", kinds
    assert kinds.get(frozenset({"Silva", "Petro"})) == "phone_call", kinds


def test_the_named_example_of_a_group_is_a_counterpart():
    ex = diplograph.extract("Last week, President Lula spoke with about a dozen leaders including President "
                            "Gabriel Boric.", published="2024-05-06")
    pairs = {frozenset(p.name.split()[-1] for p in c.participants) for c in ex.contacts}
    assert frozenset({"Silva", "Boric"}) in pairs, pairs
