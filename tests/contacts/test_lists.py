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


def test_audiences_granted_to_a_list_with_hyphenated_titles_are_meetings_with_each():
    ex = diplograph.extract("President João Lourenço also granted separate audiences to the Chairman of the African "
                            "Union Commission, Moussa Faki Mahamat, and the Director-General of UNESCO, Audrey "
                            "Azoulay.", published="2019-09-19")
    pairs = {frozenset(p.name.split()[-1] for p in c.participants): c.type for c in ex.contacts}
    assert pairs.get(frozenset({"Lourenço", "Azoulay"})) == "meeting", pairs
    assert any("Mahamat" in " ".join(k) or "Faki" in " ".join(k) for k in pairs), pairs


def test_a_tv_audience_is_no_contact():
    ex = diplograph.extract("President Lula spoke to an audience of students in Lisbon, and the audience "
                            "applauded Prime Minister Luis Montenegro.", published="2024-04-25")
    assert not [c for c in ex.contacts if c.type == "meeting"], [(c.type, [p.name for p in c.participants])
                                                                 for c in ex.contacts]


def test_counterparts_from_two_countries_are_their_leaders():
    ex = diplograph.extract("President Cyril Ramaphosa held talks on Wednesday with his counterparts from Zimbabwe "
                            "and Botswana. Presidents Emmerson Mnangagwa and Mokgweetsi Masisi later attended a "
                            "dinner.", published="2023-09-19")
    names = {p.name for c in ex.contacts for p in c.participants}
    assert len(names) >= 3, names
