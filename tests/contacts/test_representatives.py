"""The person someone represents was not at the meeting: "A, representative of King X", "B, envoy of
President Y" in a list of people met. (Sentences written for the project.)"""
from __future__ import annotations

import diplograph


def met(text: str) -> set[str]:
    ex = diplograph.extract(text, published="2025-01-08")
    return {p.name.split()[-1] for c in ex.contacts for p in c.participants if p.kind == "person"}


def test_the_represented_leaders_are_not_participants():
    got = met("Qatari Emir Tamim bin Hamad Al Thani met Senegalese President Bassirou Diomaye Faye, Ahmed "
              "Ali, representative of President Abdelmadjid Tebboune of Algeria, as well as Fatima Diallo, "
              "envoy of President Paul Kagame.")
    assert {"Thani", "Faye", "Ali", "Diallo"} <= got
    assert not {"Tebboune", "Kagame"} & got


def test_a_listed_president_is_still_a_participant():
    got = met("Qatari Emir Tamim bin Hamad Al Thani met Senegalese President Bassirou Diomaye Faye, "
              "Algerian President Abdelmadjid Tebboune and Rwandan President Paul Kagame.")
    assert {"Thani", "Faye", "Tebboune", "Kagame"} <= got
