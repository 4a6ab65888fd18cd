"""A leader's delegation is not at the table: ministers named beside two leaders ("lunch with the foreign
ministers") or who accompany one are not participants; people the text says took part are.
(Sentences written for the project.)"""
from __future__ import annotations

import diplograph


def people_of(text: str, published: str = "2024-06-11") -> list[set[str]]:
    ex = diplograph.extract(text, published=published)
    return [{p.name.split()[-1] for p in c.participants if p.kind == "person"} for c in ex.contacts]


def test_ministers_named_beside_two_leaders_are_their_delegations():
    got = people_of("Japanese Prime Minister Fumio Kishida and Indian Prime Minister Narendra Modi will have dinner "
                    "in Tokyo on Thursday with Foreign Minister Yoko Kamikawa and External Affairs Minister "
                    "Subrahmanyam Jaishankar.")
    assert {"Kishida", "Modi"} in got
    assert not any(names & {"Kamikawa", "Jaishankar"} for names in got)


def test_ministers_who_take_part_in_the_talks_are_participants():
    got = people_of("Chinese President Xi Jinping and Indian Prime Minister Narendra Modi held delegation-level "
                    "talks on Saturday in which External Affairs Minister Subrahmanyam Jaishankar and Chinese "
                    "Foreign Minister Wang Yi took part.", published="2019-10-12")
    assert any({"Jaishankar", "Yi"} <= names or {"Jaishankar", "Wang"} <= names for names in got), got


def test_a_minister_meeting_a_leader_is_a_participant():
    got = people_of("Chinese Foreign Minister Wang Yi met Australian Prime Minister Anthony Albanese in Canberra "
                    "on Tuesday.", published="2024-03-20")
    assert any({"Albanese"} <= names and ("Yi" in names or "Wang" in names) for names in got), got


def test_those_who_accompany_a_leader_are_his_delegation():
    got = people_of("Kenyan President William Ruto met French President Emmanuel Macron in Paris on Monday. "
                    "Ruto was accompanied by Foreign Minister Musalia Mudavadi.", published="2025-06-10")
    assert {"Ruto", "Macron"} in got
    assert not any("Mudavadi" in names for names in got)
