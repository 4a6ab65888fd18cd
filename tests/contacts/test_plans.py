"""Plans told in the past ("were to talk first, and then meet"), people who were to join them, and a
meeting that happened without them. (Sentences written for the project.)"""
from __future__ import annotations

import pytest

import diplograph

TEXT = ("Colombia and Ecuador restored diplomatic relations on Tuesday, Colombian President Gustavo Petro "
        "announced after meeting with his Ecuadorian counterpart Daniel Noboa.\n"
        "According to officials, Petro and Noboa were to talk privately first, and then meet with their foreign "
        "ministers.\n"
        "They were also set to be joined by Brazilian President Luiz Inacio Lula da Silva.\n"
        "Relations had been tense for months.")


def summary() -> set[tuple[frozenset, str, str | None]]:
    ex = diplograph.extract(TEXT, published="2024-06-11")
    return {(frozenset(p.name.split()[-1] for p in c.participants), c.status, c.date.value if c.date else None)
            for c in ex.contacts}


def test_were_to_talk_and_then_meet_is_a_plan_that_the_one_set_to_join_joins():
    got = summary()
    assert (frozenset({"Petro", "Noboa"}), "occurred", "2024-06-11") in got, got
    assert any(names >= {"Petro", "Noboa", "Silva"} and status == "planned" for names, status, _ in got), got


def test_the_meeting_that_happened_is_not_given_the_one_who_was_only_to_join():
    got = summary()
    assert not any("Silva" in names and status == "occurred" for names, status, _ in got), got


def test_a_visit_is_not_denied_by_what_will_not_be_done_during_it():
    ex = diplograph.extract("Prime Minister Shehbaz Sharif during his visit to Egypt will not hold any talks with "
                            "President Abdel Fattah al-Sisi on trade, the ministry said.", published="2023-06-01")
    statuses = {c.type: c.status for c in ex.contacts}
    assert statuses.get("visit") == "planned", statuses


def test_no_information_about_a_call_does_not_deny_it():
    ex = diplograph.extract("The Elysee did not release any information about Macron's conversation with Scholz, "
                            "but Berlin said the two had discussed energy prices.", published="2023-02-01")
    statuses = {c.status for c in ex.contacts}
    assert statuses == {"occurred"}, [(c.status, [p.name for p in c.participants]) for c in ex.contacts]


def test_a_headline_that_only_names_the_contact_takes_the_bodys_status():
    text = ("Too soon to talk about Lula-Milei meeting, says Brasilia\n\n"
            "BRASILIA, May 6 - Brazil's foreign ministry said on Monday it was premature to set an agenda.\n"
            "Officials said President Lula and President Javier Milei could meet in Buenos Aires next month.\n"
            "No date has been proposed.")
    ex = diplograph.extract(text, published="2024-05-06")
    statuses = sorted(c.status for c in ex.contacts)
    assert statuses == ["possible"], [(c.status, [p.name for p in c.participants]) for c in ex.contacts]


def test_not_discussing_a_topic_is_no_denial_of_the_talks():
    ex = diplograph.extract("Modi and Sharif did not discuss the water treaty during their phone call on Monday, "
                            "officials said.", published="2024-06-12")
    got = [(c.type, c.status) for c in ex.contacts]
    assert got == [("phone_call", "occurred")], got


def test_they_did_not_meet_is_still_a_denial():
    ex = diplograph.extract("Modi and Sharif did not meet in Astana.", published="2024-06-12")
    assert [c.status for c in ex.contacts] == ["denied"]


@pytest.mark.parametrize("text", [
    "The ministry did not confirm a meeting between Lula and Milei.",
    "The ministry did not confirm that Lula and Milei would meet.",
    "The spokesman did not confirm or deny on Monday the possibility of a meeting between Lula and Milei.",
    "The ministry said it had no information for disclosure about a possible meeting in the near future between "
    "Lula and Milei.",
])
def test_what_is_not_confirmed_is_possible_not_denied(text):
    ex = diplograph.extract(text, published="2024-11-12")
    assert [c.status for c in ex.contacts] == ["possible"], [(c.status, [p.name for p in c.participants])
                                                              for c in ex.contacts]


def test_a_meeting_under_discussion_is_possible():
    ex = diplograph.extract("A source said Brazil and Argentina were in discussions about a meeting in Iguazu "
                            "between Lula and Milei.", published="2024-11-12")
    assert [c.status for c in ex.contacts] == ["possible"], [(c.status, [p.name for p in c.participants])
                                                              for c in ex.contacts]


def test_the_one_sent_to_meet_is_the_one_who_meets():
    ex = diplograph.extract("Biden will send Antony Blinken to Beijing next week to meet Xi Jinping.",
                            published="2023-06-12")
    pairs = {frozenset(p.name.split()[-1] for p in c.participants) for c in ex.contacts}
    assert pairs == {frozenset({"Blinken", "Jinping"})}, pairs


def test_getting_together_is_a_meeting():
    ex = diplograph.extract("Lula and Joe Biden are expected to get together in Washington in February.",
                            published="2023-01-10")
    assert [(c.type, c.status) for c in ex.contacts] == [("meeting", "planned")]


def test_an_invitation_to_visit_is_possible_but_talks_one_was_invited_to_join_happened():
    ex = diplograph.extract("The invitation for Lula to visit Biden in Washington was made in a call.",
                            published="2023-01-10")
    assert {c.status for c in ex.contacts if c.type == "visit"} == {"possible"}
    ex = diplograph.extract("Scholz turned down Macron's invitation to join Monday's talks with Xi Jinping.",
                            published="2024-05-07")
    got = {frozenset(p.name.split()[-1] for p in c.participants): c.status for c in ex.contacts}
    assert got.get(frozenset({"Macron", "Jinping"})) == "occurred", got


@pytest.mark.parametrize("text", ["Trump said nothing would move until he and Putin got together.",
                                  "If Putin meets Trump in Riyadh, a ceasefire may follow."])
def test_a_contact_in_an_if_or_until_clause_is_possible(text):
    ex = diplograph.extract(text, published="2025-05-15")
    assert [c.status for c in ex.contacts] == ["possible"], [(c.status, c.type) for c in ex.contacts]


def test_exchanging_views_with_someone_is_a_contact():
    ex = diplograph.extract("Prime Minister Modi exchanged views with President Ramaphosa on the sidelines of the "
                            "summit on Sunday.", published="2023-08-23")
    assert [(c.type, c.status, c.date.value if c.date else None) for c in ex.contacts] == \
        [("meeting", "occurred", "2023-08-20")]


def test_a_welcome_in_a_when_clause_is_told_in_its_own_tense():
    ex = diplograph.extract('"Welcome," President Lula asked when he welcomed President Boric.', published="2023-08-23")
    assert [c.status for c in ex.contacts] == ["occurred"]


def test_not_getting_to_discuss_a_topic_is_no_denial():
    ex = diplograph.extract("Lula and Boric met on Monday. Lula and Boric did not get to discuss the trade issues, "
                            "an aide said.", published="2023-08-23")
    assert [c.status for c in ex.contacts] == ["occurred"], [(c.status, c.type) for c in ex.contacts]


def test_the_nth_meeting_in_two_years_is_not_dated_two_years_on():
    ex = diplograph.extract("Lula will meet Boric on Thursday. It will be the eighth meeting between Lula and Boric "
                            "in two years.", published="2023-08-23")
    assert [c.date.value if c.date else None for c in ex.contacts] == ["2023-08-24"]


def test_before_going_to_meet_them_is_on_the_way_not_a_plan():
    ex = diplograph.extract("Zelensky arrived at the Elysee Palace on Wednesday for dinner with Emmanuel Macron. "
                            "Before going to meet Macron, Zelensky held a short photo shoot on the runway.",
                            published="2023-02-08")
    assert [c.status for c in ex.contacts] == ["occurred"], [(c.status, c.type) for c in ex.contacts]
    ex = diplograph.extract("Macron is going to meet Zelensky in Paris.", published="2023-02-08")
    assert [c.status for c in ex.contacts] == ["planned"]


def test_the_leader_of_a_party_named_after_the_title_is_that_person():
    ex = diplograph.extract("Ukrainian President Volodymyr Zelensky arrived in London on Wednesday. The Ukrainian "
                            "leader also met with the leader of the opposition Labour Party, Keir Starmer, and Speaker of the House "
                            "of Commons Lindsay Hoyle.",
                            published="2023-02-08")
    pairs = {frozenset(p.name.split()[-1] for p in c.participants) for c in ex.contacts}
    assert frozenset({"Zelenskyy", "Starmer"}) in pairs or frozenset({"Zelensky", "Starmer"}) in pairs, pairs


def test_their_agreement_to_meet_is_their_planned_meeting():
    ex = diplograph.extract("Vladimir Putin and Barack Obama confirmed their agreement to meet at the G8 summit in "
                            "June.", published="2013-04-29")
    assert [(sorted(p.name.split()[-1] for p in c.participants), c.status) for c in ex.contacts] == \
        [(["Obama", "Putin"], "planned")]
