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
