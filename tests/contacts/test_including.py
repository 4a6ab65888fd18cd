"""Round-ups that name some of the people met: "held talks with several leaders, including X and Y" are
contacts with X and with Y; a summit "including X" names no counterpart. (Sentences written for the
project.)"""
from __future__ import annotations

import diplograph


def pairs(text: str) -> set:
    ex = diplograph.extract(text, published="2024-09-23")
    return {(frozenset(p.name.split()[-1] for p in c.participants if p.kind == "person"), c.status)
            for c in ex.contacts}


def test_talks_with_several_leaders_including_two_named():
    got = pairs("Indian Prime Minister Narendra Modi held talks with several leaders on Saturday, including "
                "French President Emmanuel Macron and Italian Prime Minister Giorgia Meloni.")
    assert (frozenset({"Modi", "Macron"}), "occurred") in got
    assert (frozenset({"Modi", "Meloni"}), "occurred") in got


def test_planned_meetings_with_leaders_named_by_office():
    got = pairs("Iranian President Masoud Pezeshkian will hold meetings with about twenty heads of state, "
                "including the President of Turkey, the King of Jordan and the President of France, in New York.")
    assert (frozenset({"Pezeshkian", "Macron"}), "planned") in got
    assert (frozenset({"Pezeshkian", "II"}), "planned") in got or (frozenset({"Pezeshkian", "Abdullah"}), "planned") in got


def test_a_summit_including_a_leader_is_no_contact_with_him():
    got = pairs("Kenyan President William Ruto arrived in Addis Ababa on Thursday to attend the African Union "
                "summit, which several leaders are attending, including Ethiopian Prime Minister Abiy Ahmed.")
    assert not any({"Ruto", "Ali"} <= set(names) and status == "occurred" for names, status in got)


def test_including_followed_by_a_semicolon_still_names_the_counterparts():
    got = pairs("Brazilian President Luiz Inacio Lula da Silva will hold meetings with about ten heads of state, "
                "including; the President of France, the King of Spain and the Chancellor of Germany, in New York.")
    assert (frozenset({"Silva", "Macron"}), "planned") in got or (frozenset({"Lula", "Macron"}), "planned") in got, got


def test_a_plan_reported_on_the_news_day_takes_the_week_not_the_day():
    text = ("NAIROBI, Sep. 23 - Kenyan President William Ruto will hold bilateral meetings with several leaders in "
            "New York, his office said.\n"
            "Ruto will meet French President Emmanuel Macron and Spanish Prime Minister Pedro Sanchez, it added.\n"
            "The president leaves Nairobi tonight.\n"
            "He will also address the General Assembly.")
    ex = diplograph.extract(text, published="2024-09-23")
    dates = {frozenset(p.name.split()[-1] for p in c.participants): c.date.value if c.date else None
             for c in ex.contacts}
    assert dates.get(frozenset({"Ruto", "Macron"})) == "2024-W39", dates
