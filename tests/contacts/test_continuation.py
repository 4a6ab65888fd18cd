"""A pronoun continuing the subject of the sentence before, in the simple past, continues its date.
(Sentences written for the project.)"""
from __future__ import annotations

import diplograph


def dates(text: str, published: str = "2024-08-30") -> dict[frozenset, str | None]:
    ex = diplograph.extract(text, published=published)
    return {frozenset(p.name.split()[-1] for p in c.participants): c.date.value if c.date else None
            for c in ex.contacts}


def test_he_continues_the_day_of_the_sentence_before():
    got = dates("British Prime Minister Keir Starmer hosted the European Political Community summit at Blenheim "
                "Palace on July 18.\n"
                "He held talks with Italian Prime Minister Giorgia Meloni and Irish Taoiseach Simon Harris.")
    assert got.get(frozenset({"Starmer", "Meloni"})) == "2024-07-18", got


def test_another_subject_does_not_continue_it():
    got = dates("British Prime Minister Keir Starmer hosted the European Political Community summit at Blenheim "
                "Palace on July 18.\n"
                "Separately, Italian Prime Minister Giorgia Meloni met Irish Taoiseach Simon Harris.")
    assert got.get(frozenset({"Meloni", "Harris"}), "missing") in (None, "missing"), got



_LEAD = ("Albanese hosts Pacific leaders\n"
         "Prime Minister Anthony Albanese met Indian Prime Minister Narendra Modi in Canberra on Monday.\n"
         "The forum will run all week, officials said.\n"
         "Trade and climate finance top the agenda.\n")  # the news day: Monday 9 September


def test_a_plan_continued_by_he_and_by_the_title_takes_the_plans_day():
    got = dates(_LEAD + "On Thursday (12 September), Prime Minister Albanese will hold talks with New Zealand Prime "
                "Minister Christopher Luxon. He will also meet Fijian Prime Minister Sitiveni Rabuka. "
                "The Prime Minister will then hold a meeting with Japanese Prime Minister Fumio Kishida.\n"
                "On Friday, Albanese will receive Indonesian President Joko Widodo.",
                published="2024-09-09")
    assert got.get(frozenset({"Albanese", "Rabuka"})) == "2024-09-12", got
    assert got.get(frozenset({"Albanese", "Kishida"})) == "2024-09-12", got


def test_a_plan_by_someone_else_does_not_continue_it():
    got = dates(_LEAD + "On Thursday (12 September), Prime Minister Albanese will hold talks with New Zealand "
                "Prime Minister Christopher Luxon. Separately, Fijian Prime Minister Sitiveni Rabuka will meet "
                "Japanese Prime Minister Fumio Kishida.", published="2024-09-09")
    assert got.get(frozenset({"Albanese", "Luxon"})) == "2024-09-12", got
    assert got.get(frozenset({"Rabuka", "Kishida"})) != "2024-09-12", got


def test_earlier_in_the_day_without_a_day_before_is_the_day_of_the_report():
    got = dates("Earlier in the day, Crown Prince Mohammed bin Salman spoke by phone with President Masoud "
                "Pezeshkian.", published="2024-07-08")
    assert got.get(frozenset({"Salman", "Pezeshkian"})) == "2024-07-08", got


def test_by_phone_makes_a_call_of_the_verbs_people():
    ex = diplograph.extract("Crown Prince Mohammed bin Salman congratulated President Masoud Pezeshkian by phone "
                            "on his victory. Peskov told reporters by phone that nothing was planned.",
                            published="2024-07-08")
    assert [(c.type, sorted(p.name.split()[-1] for p in c.participants)) for c in ex.contacts] == \
        [("phone_call", ["Pezeshkian", "Salman"])]


def test_a_patronymic_chain_is_the_sons_name():
    ex = diplograph.extract("His Royal Highness Prince Mohammed bin Salman bin Abdulaziz Al Saud, Crown Prince and "
                            "Prime Minister, made a phone call today to President Xi Jinping.", published="2023-03-28")
    assert sorted(p.name for p in ex.people) == ["Mohammed bin Salman", "Xi Jinping"], [p.name for p in ex.people]
