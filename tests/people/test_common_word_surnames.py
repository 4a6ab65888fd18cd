"""A leader's surname that is also a common word or part of another name ("in English", "Camp David", "the
Christian Democrats"), press titles and agencies, a weekday in a headline (sentences written for the
project)."""
from __future__ import annotations

import diplograph


def names(text: str, published: str) -> dict[str, tuple[str | None, str | None]]:
    return {p.name: (p.country, p.role) for p in diplograph.extract(text, published=published).people}


def test_a_language_a_place_and_a_party_are_not_leaders_surnames():
    got = names("President Trump spoke with President Macri by phone. The conversation was in English. Trump "
                "later flew to Camp David. Chancellor Merkel's Christian Democrats met in Berlin.", "2017-02-16")
    assert not {"Bill English", "Peter M. Christian"} & set(got), got
    assert not any(n.endswith("David") for n in got), got


def test_the_surname_of_a_leader_named_in_full_still_names_him():
    got = names("Prime Minister Bill English met Trump. English said the talks went well.", "2017-02-16")
    assert "Bill English" in got, got


def test_a_kenyan_cabinet_secretary_by_press_title():
    got = names("Foreign Affairs Cabinet Secretary Alfred Mutua received him. CS Mutua had earlier held "
                "discussions with his counterpart.", "2023-08-20")
    assert got == {"Alfred Nganga Mutua": ("KEN", "cabinet secretary")}, got


def test_a_news_agency_is_no_person():
    got = names("Suga spoke to Moon, Jiji Press reported. Jiji said the talks were brief.", "2021-01-10")
    assert set(got) == {"Yoshihide Suga", "Moon Jae-in"}, got


def test_a_weekday_after_a_title_in_a_headline_is_no_name():
    got = names("Yoon to hold summit with Indonesian president Thursday\n\nSEOUL, July 25 (Yonhap) -- President "
                "Yoon Suk Yeol will hold a summit with Indonesian President Joko Widodo on Thursday.",
                "2022-07-25")
    assert set(got) == {"Yoon Suk-yeol", "Joko Widodo"}, got


def test_a_headline_s_verb_before_a_name_is_not_part_of_it():
    got = names("Kenyan President to Visit Uganda Next Week, Says Mudavadi\n\nKenyan Prime Cabinet Secretary Musalia "
                "Mudavadi said on Friday that President William Ruto will pay a visit to Uganda next week.",
                "2023-10-27")
    assert not any(n.startswith("Says") for n in got), got
