"""Titles of one country's press (sentences written for the project)."""
from __future__ import annotations

import diplograph


def test_eam_is_india_s_external_affairs_minister():
    doc = diplograph.parse("EAM Subrahmanyam Jaishankar met the Iranian foreign minister in Tehran.",
                           published="2021-07-08")
    people = {p.name: (p.country, p.role) for p in doc._.people}
    assert people.get("S. Jaishankar") == ("IND", "foreign minister"), people
