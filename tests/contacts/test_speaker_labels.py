"""Who "I" is in a press conference: the speaker label with a title after the name, and the conference
"by" someone (sentences written for the project)."""
from __future__ import annotations

import diplograph

CONFERENCE = ("Press Conference by Foreign Minister KONO Taro\n\n"
              "Tuesday, March 5, 2019, 10:02 a.m.\n\n"
              "Mr. KONO Taro, Minister for Foreign Affairs: I just held a telephone talk with Secretary of State "
              "Pompeo of the United States. We agreed to keep in close touch.\n\n"
              "Reporter: How long did the call last?\n\n"
              "Minister Kono: About half an hour.")


def _pairs(text: str, published: str):
    return [({p.name.split()[-1] for p in c.participants}, c.type, c.status, c.date.value if c.date else None)
            for c in diplograph.extract(text, published=published).contacts]


def test_i_is_the_speaker_of_a_label_that_gives_name_and_title():
    assert _pairs(CONFERENCE, "2019-03-05") == [({"Kono", "Pompeo"}, "phone_call", "occurred", "2019-03-05")]


def test_a_conference_by_someone_makes_them_the_speaker_without_labels():
    text = CONFERENCE.replace("Mr. KONO Taro, Minister for Foreign Affairs: ", "")
    assert _pairs(text, "2019-03-05") == [({"Kono", "Pompeo"}, "phone_call", "occurred", "2019-03-05")]


def test_a_reporter_asking_about_a_call_is_not_its_party():
    text = CONFERENCE.replace("I just held a telephone talk with Secretary of State Pompeo of the United States. ",
                              "Thank you. ")
    assert _pairs(text, "2019-03-05") == []


def test_a_call_just_held_is_of_the_day_the_text_carries():
    text = ("Press Conference by Foreign Minister KONO Taro\n\nTuesday, March 5, 2019, 10:02 a.m.\n\n"
            "Opening words first. Thank you all for coming. "
            "I just held a telephone talk with Secretary of State Pompeo of the United States.")
    assert _pairs(text, "2019-03-06") == [({"Kono", "Pompeo"}, "phone_call", "occurred", "2019-03-05")]


def test_the_person_a_question_addresses_is_you():
    from contact_table import contacts
    got = contacts("Question: Mr Putin, you have already described the results of your meeting today with the "
                   "President of Georgia. Could you please tell us the results of the other meetings you had today "
                   "with Mr Lukashenko and Mr Voronin?\nVladimir Putin: We discussed the economy.", "2002-10-06")
    assert got[frozenset({"Putin", "Lukashenko"})] == [("meeting", "occurred", "2002-10-06")], got
    assert got[frozenset({"Putin", "Voronin"})] == [("meeting", "occurred", "2002-10-06")], got


def test_a_question_about_a_meeting_not_told_as_held_is_no_claim():
    from contact_table import contacts
    got = contacts("Question: Mr Putin, will you meet Mr Lukashenko next week?\nVladimir Putin: We will see.",
                   "2002-10-06")
    assert frozenset({"Putin", "Lukashenko"}) not in got or all(s != "occurred" for _, s, _ in
                                                                got[frozenset({"Putin", "Lukashenko"})]), got
