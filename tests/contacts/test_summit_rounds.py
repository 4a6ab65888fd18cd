"""A leader's round of meetings at a summit: interactions, "meetings including discussions with", "the
meetings included an interaction with", headlines and pronouns (sentences written for the project)."""
from __future__ import annotations

import diplograph
from contact_table import contacts


ROUND = ("Prime Minister Narendra Modi on Thursday had a series of bilateral meetings including discussions with "
         "Ghanaian President Nana Akufo-Addo and his Kenyan counterpart Uhuru Kenyatta at the summit in London. "
         "The pull-aside meetings with world leaders included an interaction with Fiji Prime Minister Frank "
         "Bainimarama and St. Lucia Prime Minister Allen Chastanet. "
         "Modi also interacted with Antigua & Barbuda Prime Minister Gaston Browne.")


def test_a_round_of_meetings_is_the_holder_s_with_each():
    got = contacts(ROUND, "2018-04-20")
    assert frozenset({"Akufo-Addo", "Kenyatta"}) not in got, got
    for other in ("Akufo-Addo", "Kenyatta", "Bainimarama", "Chastanet"):
        assert got[frozenset({"Modi", other})][0][1:] == ("occurred", "2018-04-19"), got
    assert got[frozenset({"Modi", "Browne"})] == [("talks", "occurred", "2018-04-19")], got


def test_st_and_ampersand_forms_of_country_names():
    people = {p.name: p.country for p in diplograph.parse(ROUND, published="2018-04-20")._.people}
    assert people["Allen Chastanet"] == "LCA" and people["Gaston Browne"] == "ATG", people


PLANS = ("Obama to meet Singh, Gilani on summit sidelines\n\n"
         "U.S. President Barack Obama and Indian Prime Minister Manmohan Singh will meet here next week on the "
         "sidelines of the Nuclear Security Summit, during which the two leaders will discuss the nuclear deal. "
         "Mr. Obama will also meet Pakistani Prime Minister Yousuf Raza Gilani on the sidelines of the summit. "
         "Officials ruled out any meeting between Mr. Singh and Mr. Gilani. Trade is expected to figure between "
         "Mr. Obama and Mr. Singh when they meet in Washington.")


def test_a_headline_infinitive_is_a_plan_and_the_plan_continues_by_name():
    got = contacts(PLANS, "2010-04-07")
    assert got[frozenset({"Obama", "Singh"})] == [("meeting", "planned", "2010-W15")], got
    assert got[frozenset({"Obama", "Gillani"})] == [("meeting", "planned", "2010-W15")], got


def test_they_after_a_pair_in_its_own_sentence_is_that_pair():
    got = contacts(PLANS, "2010-04-07")
    assert got[frozenset({"Singh", "Gillani"})] == [("meeting", "denied", None)], got


def test_a_name_the_tagger_reads_as_a_verb_does_not_cut_the_date_off():
    got = contacts("PM Modi, Trump to hold talks on Monday\nPM Modi on Sunday night held separate pull-aside "
                   "meetings with US President Donald Trump and Chinese Premier Li Keqiang.", "2017-11-12")
    assert got[frozenset({"Modi", "Keqiang"})] == [("meeting", "occurred", "2017-11-12")], got


def test_a_spouse_beside_two_others_is_not_a_party():
    got = contacts("US President George W. Bush and his wife Laura arrived in Islamabad on Friday night and were "
                   "received by Pakistani Foreign Minister Khurshid Kasuri.", "2006-03-04")
    assert list(got) == [frozenset({"Bush", "Kasuri"})], got  # (the visit and its reception are one record)
    assert [x[1:] for x in got[frozenset({"Bush", "Kasuri"})]] == [("occurred", "2006-03-03")], got


def test_two_spouses_meeting_are_a_pair():
    got = contacts("First Lady Michelle Obama met First Lady Peng Liyuan in Beijing on Friday.", "2014-03-22")
    assert got == {frozenset({"Obama", "Liyuan"}): [("meeting", "occurred", "2014-03-21")]}, got


def test_a_meeting_at_a_summit_takes_the_date_the_summit_is_held():
    got = contacts("Kirby said the two sides were considering a meeting between Biden and Xi Jinping on the sidelines "
                   "of the G20 summit, which will be held in Bali from November 15-16.", "2022-10-25")
    assert got == {frozenset({"Biden", "Jinping"}): [("meeting", "possible", "2022-11-15")]}, got


def test_a_videoconference_with_several_leaders_is_one_call():
    got = contacts("Earlier today President Obama held a videoconference with German Chancellor Angela Merkel, French "
                   "President Francois Hollande and Italian Prime Minister Mario Monti.", "2012-05-31")
    assert got == {frozenset({"Obama", "Merkel", "Hollande", "Monti"}): [("video_call", "occurred", "2012-05-31")]}, got


def test_a_body_s_leaders_are_not_the_people_just_named():
    got = contacts("President Obama spoke with Chancellor Angela Merkel on Monday. The European Union leaders met in "
                   "Brussels on Tuesday.", "2012-05-31")
    assert got == {frozenset({"Obama", "Merkel"}): [("phone_call", "occurred", "2012-05-28")]}, got


def test_they_after_objects_of_a_meeting_are_not_the_objects_alone():
    got = contacts("South African President Cyril Ramaphosa met US President Joe Biden and Vice President Kamala "
                   "Harris in Washington, where they discussed trade.", "2022-10-18")
    assert frozenset({"Biden", "Harris"}) not in got, got
