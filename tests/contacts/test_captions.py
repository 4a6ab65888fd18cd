"""Photo captions without a verb: "X (left) with Y (right) at the summit on May 3" is a meeting of the two
on that day; "with" anywhere else is no contact. (Sentences written for the project.)"""
from __future__ import annotations

import diplograph


def contacts(text: str, published: str = "2024-05-10") -> set[tuple[frozenset, str, str, str | None]]:
    ex = diplograph.extract(text, published=published)
    return {(frozenset(p.name.split()[-1] for p in c.participants), c.type, c.status, c.date.value if c.date else None)
            for c in ex.contacts}


def test_a_caption_with_positions_is_a_meeting_on_its_day():
    got = contacts("Kenyan President William Ruto (left) with French President Emmanuel Macron (right) at the Africa "
                   "summit in Nairobi on May 3, 2024.")
    assert (frozenset({"Ruto", "Macron"}), "meeting", "occurred", "2024-05-03") in got, got


def test_with_outside_a_caption_is_no_contact():
    got = contacts("Kenyan President William Ruto won the vote with the support of French President Emmanuel Macron.")
    assert not got, got
    got = contacts("Kenyan President William Ruto (left) is seen with a banner.")
    assert not got, got
