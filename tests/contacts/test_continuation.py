"""A pronoun continuing the subject of the sentence before, in the simple past, continues its date.
(Sentences written for the project.)"""
from __future__ import annotations

import diplograph


def dates(text: str, published: str = "2024-08-30") -> dict[frozenset, str | None]:
    ex = diplograph.extract(text, published=published)
    return {frozenset(p.name.split()[-1] for p in c.participants): c.date.value if c.date else None
            for c in ex.contacts}


def test_he_continues_the_day_of_the_sentence_before():
    got = dates("British Prime Minister Keir Starmer hosted the European Political Community summit at Blenheim "
                "Palace on July 18.\n"
                "He held talks with Italian Prime Minister Giorgia Meloni and Irish Taoiseach Simon Harris.")
    assert got.get(frozenset({"Starmer", "Meloni"})) == "2024-07-18", got


def test_another_subject_does_not_continue_it():
    got = dates("British Prime Minister Keir Starmer hosted the European Political Community summit at Blenheim "
                "Palace on July 18.\n"
                "Separately, Italian Prime Minister Giorgia Meloni met Irish Taoiseach Simon Harris.")
    assert got.get(frozenset({"Meloni", "Harris"}), "missing") in (None, "missing"), got
