"""A plan's weekday and the news day (sentences written for the project)."""
from __future__ import annotations

import diplograph


def contacts(text: str, published: str) -> dict[frozenset, list[tuple[str, str | None]]]:
    out: dict[frozenset, list[tuple[str, str | None]]] = {}
    for c in diplograph.extract(text, published=published).contacts:
        key = frozenset(p.name.split()[-1] for p in c.participants)
        out.setdefault(key, []).append((c.status, c.date.value if c.date else None))
    return out


def test_a_scheduled_meeting_on_a_weekday_is_the_coming_one():
    # published on a Sunday: "their scheduled meeting on Monday" is the next day, though the verb is past
    got = contacts("The short encounter between Starmer and Lula came ahead of their scheduled bilateral "
                   "meeting on Monday.", "2024-11-17")
    assert ("planned", "2024-11-18") in got[frozenset({"Starmer", "Silva"})], got


def test_a_plan_whose_sentence_names_the_news_day_keeps_the_day():
    # (the parse hangs "on Friday eve" off the last name, so the clause itself gives no date; the news day does)
    text = ("Prime Minister Narendra Modi will be interacting with three leaders on Friday, including President Joe "
            "Biden at his residence. Prime Minister Modi on the X platform informed that he would be meeting Biden, "
            "Bangladesh Prime Minister Sheikh Hasina, and Mauritius PM Pravind Kumar Jugnauth on Friday eve.\n"
            "The meetings will review bilateral ties.")
    got = contacts(text, "2023-09-08")  # a Friday
    assert got[frozenset({"Modi", "Hasina"})] == [("planned", "2023-09-08")], got
