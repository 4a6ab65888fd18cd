"""Requests, willingness and pursuit of a meeting; views exchanged on a topic (sentences written for the
project)."""
from __future__ import annotations

import diplograph


def contacts(text: str, published: str = "2019-10-30") -> dict[frozenset, list[tuple[str, str]]]:
    out: dict[frozenset, list[tuple[str, str]]] = {}
    for c in diplograph.extract(text, published=published).contacts:
        out.setdefault(frozenset(p.name.split()[-1] for p in c.participants), []).append((c.type, c.status))
    return out


def test_refusing_requests_for_a_meeting_denies_it_between_the_refuser_and_the_other():
    got = contacts("President Hassan Rouhani refused requests from Washington for a meeting with US President "
                   "Donald Trump, his spokesman said.")
    assert got == {frozenset({"Rouhani", "Trump"}): [("meeting", "denied")]}, got


def test_accepting_an_invitation_for_talks_is_a_plan_of_the_one_who_accepts():
    got = contacts("Kenyan President Uhuru Kenyatta accepted an invitation for talks with Ugandan President Yoweri "
                   "Museveni.")
    assert got == {frozenset({"Kenyatta", "Museveni"}): [("talks", "planned")]}, got


def test_willingness_and_pursuit_make_a_meeting_possible():
    got = contacts("Chinese President Xi Jinping showed willingness to hold a meeting with Japanese Prime Minister "
                   "Shinzo Abe. Australian Prime Minister Scott Morrison is pursuing a meeting with Indian Prime "
                   "Minister Narendra Modi.")
    assert got[frozenset({"Jinping", "Abe"})] == [("meeting", "possible")], got
    assert got[frozenset({"Morrison", "Modi"})] == [("meeting", "possible")], got


def test_views_exchanged_on_a_topic_with_a_person_are_talks():
    got = contacts("Morrison exchanged thoughts on the pandemic with German Chancellor Angela Merkel on Tuesday.")
    assert got == {frozenset({"Morrison", "Merkel"}): [("talks", "occurred")]}, got


def test_thoughts_exchanged_among_officials_without_a_person_are_no_contact():
    assert contacts("Officials exchanged thoughts on the pandemic with health experts.") == {}


def test_declining_to_give_details_about_a_call_does_not_deny_it():
    got = contacts("The Pentagon on Friday declined to provide details about the phone call between Russian Defense "
                   "Minister Sergei Shoigu and U.S. Defense Secretary Lloyd Austin.")
    assert got == {frozenset({"Shoigu", "Austin"}): [("phone_call", "occurred")]}, got


def test_declining_the_meeting_itself_still_denies_it():
    got = contacts("Russian Defense Minister Sergei Shoigu declined a meeting with U.S. Defense Secretary Lloyd Austin.")
    assert got == {frozenset({"Shoigu", "Austin"}): [("meeting", "denied")]}, got


def test_a_meeting_discussed_in_a_call_does_not_take_the_call_s_date():
    text = ("Russian President Vladimir Putin and U.S. President-elect Donald Trump discussed a possible meeting "
            "during their telephone conversation earlier this week but did not discuss when or where it might "
            "happen, Putin's spokesman said.")
    got = {}
    for c in diplograph.extract(text, published="2016-11-18").contacts:
        got.setdefault(c.type, []).append((c.status, c.date.value if c.date else None))
    assert got == {"phone_call": [("occurred", "2016-W46")], "meeting": [("possible", None)]}, got


def test_a_weekday_after_following_with_a_possessive_is_a_date():
    got = [(c.type, c.date.value if c.date else None) for c in diplograph.extract(
        "She spoke after it, following Friday's telephone conversation between Secretary of State Antony Blinken "
        "and Russian Foreign Minister Sergey Lavrov.", published="2022-07-30").contacts]
    assert got == [("phone_call", "2022-07-29")], got


def test_someone_else_s_visit_in_an_after_phrase_is_not_the_subject_s():
    got = contacts("Prime Minister Shaukat Aziz was scheduled to visit the United States from July 28, 10 days after "
                   "the first state visit of Indian Prime Minister Manmohan Singh.", "2005-07-16")
    assert frozenset({"Aziz", "Singh"}) not in got, got


def test_a_headline_infinitive_under_says_is_a_plan():
    got = contacts("Putin, Trump to talk soon over phone, says Kremlin\n\nThe Kremlin gave no date for it.", "2017-01-22")
    assert got == {frozenset({"Putin", "Trump"}): [("phone_call", "planned")]}, got


def test_speaking_during_a_visit_elsewhere_is_not_a_visit_to_the_other():
    got = contacts("President Petro Poroshenko spoke by phone to President Vladimir Putin on Monday. Poroshenko had "
                   "spoken to Putin during a symbolic visit to the eastern city of Mariupol.", "2014-09-08")
    assert got == {frozenset({"Poroshenko", "Putin"}): [("phone_call", "occurred")]}, got


def test_talks_a_visit_will_include_are_the_visitor_s():
    got = contacts("President Cyril Ramaphosa arrived in Washington on Friday. The visit of Ramaphosa will include "
                   "talks with US President Joe Biden.", "2022-09-16")
    assert ("talks", "planned") in got[frozenset({"Ramaphosa", "Biden"})], got
