"""A contact told in a clause around its noun: "the call she had with X", "the talks they held on
Monday". The clause's subject and its "with" phrase are the participants, and its date is the contact's.
(Sentences written for the project.)"""
from __future__ import annotations

import diplograph


def pairs(text: str, published: str) -> set:
    ex = diplograph.extract(text, published=published)
    return {(frozenset(p.name.split()[-1] for p in c.participants if p.kind == "person"), c.type, c.status,
             c.date.value if c.date else None) for c in ex.contacts}


def test_the_subject_of_a_relative_clause_had_the_conversation():
    got = pairs("Chilean President Gabriel Boric said the two countries had settled the dispute after a "
                "conversation he had with Peruvian President Dina Boluarte on Friday.", "2024-05-06")
    assert (frozenset({"Boric", "Boluarte"}), "talks", "occurred", "2024-05-03") in got


def test_the_date_in_the_relative_clause_dates_the_call():
    got = pairs("Kenyan President William Ruto described the telephone conversation he had this Monday with "
                "Ghanaian President John Mahama as warm.", "2025-03-12")
    assert (frozenset({"Ruto", "Mahama"}), "phone_call", "occurred", "2025-03-10") in got


def test_a_relative_clause_without_a_light_verb_adds_nobody():
    got = pairs("Kenyan President William Ruto criticised the meeting that angered Ghanaian President John "
                "Mahama on Monday.", "2025-03-12")
    assert not any({"Ruto", "Mahama"} <= set(names) for names, *_ in got)


def test_a_when_clause_tells_another_contact():
    got = pairs("Chinese Foreign Minister Wang Yi met Kenyan President William Ruto on Monday. Ruto said the "
                "partnership agreed during his visit to Beijing in April 2024, when he held talks with Xi "
                "Jinping, had helped Kenya.", "2025-01-08")
    assert not any(names == frozenset({"Yi", "Ruto"}) and ctype == "visit" for names, ctype, *_ in got)


def test_their_summit_is_the_summit_of_the_clauses_people():
    got = pairs("Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed reached consensus on "
                "trade at their summit in Nairobi.", "2024-09-23")
    assert any(names == frozenset({"Ruto", "Ali"}) and ctype == "meeting" for names, ctype, *_ in got)


def test_their_summit_needs_two_people():
    got = pairs("Kenyan President William Ruto said the leaders reached consensus on trade at their summit in "
                "Nairobi.", "2024-09-23")
    assert not any(len(names) == 2 for names, *_ in got)
