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


def test_a_list_of_titled_counterparts_is_one_bilateral_contact_each():
    text = ("Kenyan President William Ruto on Sunday conferred with the President of Botswana, Mokgweetsi "
            "Masisi, President of Ghana Nana Akufo-Addo, as well as with the Prime Minister of Italy, Giorgia "
            "Meloni, on the sidelines of the summit in Addis Ababa.")
    got = summary(diplograph.extract(text, published="2024-02-19"))
    for other in ("Masisi", "Akufo-Addo", "Meloni"):
        assert (frozenset({"Ruto", other}), "meeting", "occurred", "2024-02-18") in got, got  # at a summit


def test_a_new_clause_ends_the_list():
    got = summary(diplograph.extract("Macron met Scholz in Berlin, and Meloni met Sanchez in Rome.",
                                     published="2024-02-19"))
    assert {names for names, *_ in got} == {frozenset({"Macron", "Scholz"}), frozenset({"Meloni", "Sánchez"})}


def test_plural_titles_name_their_office_and_leaders_only_the_named():
    text = ("The prime ministers of Poland and Lithuania met in Vilnius on Monday. Poland's Prime Minister "
            "Mateusz Morawiecki and Lithuanian Prime Minister Ingrida Simonyte discussed energy.")
    got = summary(diplograph.extract(text, published="2022-03-16"))
    assert (frozenset({"Morawiecki", "Šimonytė"}), "meeting", "occurred", "2022-03-14") in got, got
    text = "The Estonian president said on Monday that he had met the leaders of Algeria, Morocco and Tunisia."
    got = summary(diplograph.extract(text, published="2019-02-12"))
    assert not any(len(names) >= 2 for names, *_ in got), got  # a group: no one is named


def test_a_courtesy_call_on_someone_is_a_meeting():
    got = summary(diplograph.extract("Prime Minister Anwar Ibrahim paid a courtesy call on Brunei's Sultan "
                                     "Hassanal Bolkiah on Tuesday.", published="2023-05-10"))
    assert (frozenset({"Ibrahim", "Bolkiah"}), "meeting", "occurred", "2023-05-09") in got, got


def test_i_in_a_quotation_is_its_speaker():
    text = ("Prime Minister Anwar Ibrahim spoke to reporters in Labuan Bajo on Wednesday.\n"
            "“This morning I had a bilateral meeting with my counterpart from Laos, Sonexay Siphandone.\n"
            "“Later I also met my counterpart from Timor Leste, Taur Matan Ruak,” he said.")
    got = summary(diplograph.extract(text, published="2023-05-10"))
    pairs = {names for names, *_ in got}
    assert frozenset({"Ibrahim", "Siphandone"}) in pairs and frozenset({"Ibrahim", "Ruak"}) in pairs, got


def test_backing_out_of_a_meeting_denies_it():
    for text in ("President Javier Milei pulled out of a planned meeting with Brazil's President Luiz Inácio Lula "
                 "da Silva.", "Milei has decided not to attend the summit, backing out of a meeting with Brazil's "
                 "President Luiz Inácio Lula da Silva."):
        got = summary(diplograph.extract(text, published="2024-07-01"))
        assert any(names == frozenset({"Milei", "Silva"}) and status == "denied" for names, _, status, _ in got), got


def test_speaking_with_unnamed_others_is_no_contact_between_the_speakers():
    got = summary(diplograph.extract("Serbian President Aleksandar Vucic and Kosovo Prime Minister Albin Kurti "
                                     "spoke with European mediators in Brussels.", published="2023-10-26"))
    assert not got, got
    got = summary(diplograph.extract("Serbian President Aleksandar Vucic and Kosovo Prime Minister Albin Kurti "
                                     "shook hands in Brussels.", published="2023-10-26"))
    assert got, got


def test_a_headline_infinitive_is_a_plan():
    got = summary(diplograph.extract("Sharif to meet Putin on SCO sidelines", published="2022-09-15"))
    assert got == {(frozenset({"Sharif", "Putin"}), "meeting", "planned", None)}, got
