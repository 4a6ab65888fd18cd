"""Whole articles (written for the project) for the classes that real news raises and single sentences
do not: the lead that dates what the body lists, round-ups of calls, summits with sideline bilaterals.

Each test states what a careful reader gets: participants (surnames), type, status and date.
"""
from __future__ import annotations

import diplograph


def summary(ex):
    out = set()
    for c in ex.contacts:
        names = frozenset(p.name.split()[-1] for p in c.participants if p.kind == "person")
        out.add((names, c.type, c.status, c.date.value if c.date else None))
    return out


def test_body_contacts_take_the_day_the_lead_gives():
    text = ("Ministers discuss regional tensions\n"
            "RIYADH — Saudi Foreign Minister Prince Faisal bin Farhan on Tuesday held phone calls with his "
            "counterparts in Germany and Japan. Prince Faisal made separate phone calls with German Foreign "
            "Minister Annalena Baerbock and Japanese Foreign Minister Yoko Kamikawa. They discussed the "
            "situation in the region and ways to protect civilians.")
    got = summary(diplograph.extract(text, published="2024-03-13"))
    assert (frozenset({"Saud", "Baerbock"}), "phone_call", "occurred", "2024-03-12") in got
    assert (frozenset({"Saud", "Kamikawa"}), "phone_call", "occurred", "2024-03-12") in got


def test_background_and_rumours_keep_no_date():
    text = ("Leaders meet at the summit\n"
            "BRUSSELS — Prime Minister Mark Rutte met German Chancellor Olaf Scholz on Thursday at the European "
            "Council summit in Brussels. Rutte had met French President Emmanuel Macron in Paris. A meeting "
            "between Rutte and Italian Prime Minister Giorgia Meloni is possible, officials said.")
    got = summary(diplograph.extract(text, published="2023-06-29"))
    assert (frozenset({"Rutte", "Scholz"}), "meeting", "occurred", "2023-06-29") in got
    assert (frozenset({"Rutte", "Macron"}), "meeting", "occurred", None) in got
    assert (frozenset({"Rutte", "Meloni"}), "meeting", "possible", None) in got
