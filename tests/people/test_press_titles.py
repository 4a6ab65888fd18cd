"""Titles of one country's press (sentences written for the project)."""
from __future__ import annotations

import diplograph


def test_eam_is_india_s_external_affairs_minister():
    doc = diplograph.parse("EAM Subrahmanyam Jaishankar met the Iranian foreign minister in Tehran.",
                           published="2021-07-08")
    people = {p.name: (p.country, p.role) for p in doc._.people}
    assert people.get("S. Jaishankar") == ("IND", "foreign minister"), people


def test_a_readout_s_counterpart_after_with_is_not_the_home_government():
    text = ("Readout of the President's Call with Prime Minister Erdogan of Turkey\n\n"
            "President Obama spoke to Prime Minister Erdogan today about the situation in Syria.")
    doc = diplograph.parse(text, published="2011-08-13")
    who = {m.text: p.name for p in doc._.people for m in p.mentions}
    assert who["the President"] == "Barack Obama", who


def test_a_title_must_agree_with_the_office_a_surname_would_name():
    for text, day, wrong in (("Senator Mitchell will be in Israel again tomorrow.", "2009-06-09", "Fred Mitchell"),
                             ("Senator Obama met Prime Minister Gordon Brown in London.", "2008-07-26",
                              "Ricardo Mangue Obama Nfubea"),
                             ("President Putin met Crown Prince Mohammed in Riyadh.", "2019-10-15", "Mohammed VI")):
        names = {p.name for p in diplograph.parse(text, published=day)._.people}
        assert wrong not in names, names
    names = {p.name for p in diplograph.parse("President Putin met Premier Li in Moscow.", published="2023-06-20")._.people}
    assert {"Vladimir Putin", "Li Qiang"} <= names, names
