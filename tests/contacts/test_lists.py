"""Lists of counterparts as official statements write them: items with commas of their own separated by
semicolons; and a date that belongs to another event ("apart from his meeting with X on Monday").
(Sentences written for the project.)"""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

import diplograph
from diplograph.contacts.dating import date_for
from diplograph.types import TimeValue


def contacts(text: str, published: str = "2025-04-06") -> dict[frozenset, tuple[str, str | None]]:
    ex = diplograph.extract(text, published=published)
    return {frozenset(p.name.split()[-1] for p in c.participants): (c.status, c.date.value if c.date else None)
            for c in ex.contacts}


def test_a_semicolon_list_of_ministers_is_one_contact_each():
    got = contacts("President Bola Tinubu will also confer with the French Minister of the Armed Forces, Sebastien "
                   "Lecornu; the French Minister of the Economy, Bruno Le Maire; and the French Minister for "
                   "Europe and Foreign Affairs, Stephane Sejourne.", published="2024-05-10")
    assert {frozenset({"Tinubu", "Lecornu"}), frozenset({"Tinubu", "Maire"}), frozenset({"Tinubu", "Sejourne"})} \
        <= set(got) or {frozenset({"Tinubu", "Lecornu"}), frozenset({"Tinubu", "Séjourné"})} <= set(got), got


def test_a_semicolon_does_not_join_the_next_clause():
    got = contacts("Kenyan President William Ruto met French President Emmanuel Macron in Paris on Friday; "
                   "Tanzanian President Samia Suluhu Hassan spoke to reporters.")
    assert frozenset({"Ruto", "Macron"}) in got
    assert not any("Hassan" in k for k in got), got


def test_the_date_of_the_meeting_it_comes_apart_from_is_not_its_date():
    # "Apart from his meeting on Monday, he will confer with Barrot" (hand-built parse, no model)
    words = ["Apart", "from", "his", "meeting", "on", "Monday", ",", "he", "will", "confer", "with", "Barrot"]
    heads = [9, 0, 3, 1, 3, 4, 9, 9, 9, 9, 9, 10]
    deps = ["advmod", "prep", "poss", "pobj", "prep", "pobj", "punct", "nsubj", "aux", "ROOT", "prep", "pobj"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, sent_starts=[True] + [False] * 11)
    monday = TimeValue(text="Monday", start=0, end=6, value="2025-04-07", granularity="day",
                       start_date="2025-04-07", end_date="2025-04-07")
    confer = doc[9]
    assert date_for(confer, [confer], [(doc[5:6], monday)], set(), doc[0:12]) is None
    meeting = doc[3]  # (the meeting's own date is still its own)
    assert date_for(meeting, [meeting], [(doc[5:6], monday)], set(), doc[0:12]) == monday
