""""The two" after a sentence that tells a contact of two people refers to those two, not to the last
pair coordinated further back. (Sentences written for the project.)"""
from __future__ import annotations

import diplograph


def test_the_two_are_the_pair_just_told_of():
    text = ("Kazakh President Kassym-Jomart Tokayev will also see Turkish President Recep Tayyip Erdogan and Azerbaijani "
            "President Ilham Aliyev in Astana.\n"
            "A spokesman said Tokayev had no plans to meet Russian President Vladimir Putin.\n"
            "An aide said a short meeting between the two was possible.")
    ex = diplograph.extract(text, published="2024-07-03")
    pairs = {frozenset(p.name.split()[-1] for p in c.participants) for c in ex.contacts}
    assert frozenset({"Tokayev", "Putin"}) in pairs
    assert frozenset({"Erdoğan", "Aliyev"}) not in pairs, pairs
