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


def test_a_former_leader_named_in_the_text_is_not_the_leader_of_his_country_now():
    text = ("The leaders of Britain and France have no plans to meet when they travel to Egypt for the climate "
            "summit next week, a spokesman said on Thursday.\n"
            "Last year, then Prime Minister Boris Johnson met with President Emmanuel Macron in Glasgow.")
    ex = diplograph.extract(text, published="2022-11-03")
    found = {(frozenset(p.name.split()[-1] for p in c.participants), c.status) for c in ex.contacts}
    assert (frozenset({"Johnson", "Macron"}), "occurred") in found
    assert (frozenset({"Johnson", "Macron"}), "denied") not in found, found


def test_his_counterparts_in_two_countries_are_their_leaders_named_in_the_text():
    text = ("Guinean junta leader Mamadi Doumbouya on Friday met with his counterparts in Mali and Burkina Faso.\n"
            "In Bamako he thanked Malian leader Colonel Assimi Goita, and in Ouagadougou he praised Captain Ibrahim "
            "Traore.")
    ex = diplograph.extract(text, published="2023-12-02")
    found = {frozenset(p.name.split()[-1] for p in c.participants) for c in ex.contacts}
    assert any({"Doumbouya", "Goïta"} <= names or {"Doumbouya", "Goita"} <= names for names in found), found


def test_the_leaders_who_arrived_are_a_set_not_the_pair_told_of():
    ex = diplograph.extract(
        "Lula on Sunday held separate pull-aside meetings with Chinese Premier Li Qiang and Indian Prime Minister "
        "Narendra Modi on the sidelines of the summit dinner.\n"
        "Lula was also seen chit-chatting with Japanese Prime Minister Shigeru Ishiba at the reception for the "
        "leaders who have arrived in Brasilia for the summit.", published="2024-11-17")
    types = {frozenset(p.name.split()[-1] for p in c.participants): c.type for c in ex.contacts}
    assert types.get(frozenset({"Silva", "Modi"})) == "meeting", types  # not a visit of the two to Brasilia


def test_a_summit_of_two_countries_is_their_leaders():
    ex = diplograph.extract("Deputy Press Secretary: On a Japan-Brazil summit telephone conversation: yesterday the "
                            "two leaders discussed the reform of the Security Council.", published="2012-05-31")
    pairs = {frozenset(p.name for p in c.participants): c.type for c in ex.contacts}
    assert pairs.get(frozenset({"Yoshihiko Noda", "Dilma Rousseff"})) == "phone_call", pairs


def test_two_countries_without_summit_are_no_leaders():
    ex = diplograph.extract("The Japan-Brazil trade talks resumed yesterday in Tokyo.", published="2012-05-31")
    assert not ex.contacts, [[p.name for p in c.participants] for c in ex.contacts]
