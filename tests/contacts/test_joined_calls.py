"""A call that others join, "the latter", a leader's own meeting told in what he says, conditions and
hedges (sentences written for the project)."""
from __future__ import annotations

from contact_table import contacts


def test_the_latter_is_the_last_person_named_before_it():
    got = contacts("Prime Minister Pedro Sanchez spoke with Brazilian President Lula da Silva after the latter "
                   "spoke with Chinese leader Xi Jinping on the phone. Sanchez told reporters the talks were "
                   "useful. He did not give details.", "2025-05-19")
    assert ("phone_call", "occurred", "2025-05-19") in got[frozenset({"Sánchez", "Silva"})], got
    assert got[frozenset({"Silva", "Jinping"})] == [("phone_call", "occurred", "2025-05-19")], got


def test_people_who_joined_the_call_are_in_the_call_reported_in_the_main_clause():
    got = contacts("Prime Minister Pedro Sanchez spoke with Brazilian President Lula da Silva after the latter "
                   "spoke with Chinese leader Xi Jinping on the phone. The conversation lasted an hour, Sanchez "
                   "told reporters. The call was joined by French President Emmanuel Macron and German Chancellor "
                   "Friedrich Merz.", "2025-05-19")
    joined = [k for k, v in got.items() if "Macron" in k]
    assert joined == [frozenset({"Sánchez", "Silva", "Macron", "Merz"})], got
    assert got[joined[0]] == [("phone_call", "occurred", "2025-05-19")], got
    assert frozenset({"Silva", "Jinping"}) in got, got


def test_a_summit_attended_by_leaders_is_still_a_meeting_of_its_own():
    got = contacts("Kenyan President William Ruto spoke with Ugandan President Yoweri Museveni on Monday. A summit "
                   "in Arusha on Tuesday was attended by Burundian President Evariste Ndayishimiye and Rwandan "
                   "President Paul Kagame.", "2023-05-10")
    assert got[frozenset({"Ruto", "Museveni"})] == [("phone_call", "occurred", "2023-05-08")], got
    assert got[frozenset({"Ndayishimiye", "Kagame"})] == [("meeting", "occurred", "2023-05-09")], got


def test_a_meeting_a_leader_says_could_take_place_is_his_own_and_possible():
    got = contacts("Colombian President Gustavo Petro said that a meeting with his Brazilian counterpart, Lula da "
                   "Silva, could take place in July.", "2023-06-30")
    assert got == {frozenset({"Petro", "Silva"}): [("meeting", "possible", "2023-07")]}, got


def test_a_meeting_a_minister_speaks_of_is_not_the_minister_s():
    got = contacts("Foreign Minister Alvaro Leyva said that a meeting with Brazilian President Lula da Silva could "
                   "take place in July.", "2023-06-30")
    assert got == {}, got


def test_a_meeting_that_depends_on_something_is_possible():
    got = contacts("The Kenyan foreign minister said a meeting of President William Ruto with his Ugandan "
                   "counterpart, Yoweri Museveni, depends on progress in the border talks.", "2023-05-29")
    assert got == {frozenset({"Ruto", "Museveni"}): [("meeting", "possible", None)]}, got


def test_perhaps_before_most_weighs_the_telling_not_the_meeting():
    got = contacts("Perhaps most importantly, Prime Minister Mark Carney met US President Donald Trump on "
                   "Friday.", "2025-10-31")
    assert got == {frozenset({"Carney", "Trump"}): [("meeting", "occurred", "2025-10-31")]}, got


def test_perhaps_alone_still_makes_a_meeting_possible():
    got = contacts("Perhaps Prime Minister Mark Carney will meet US President Donald Trump in November.",
                   "2025-10-31")
    assert got == {frozenset({"Carney", "Trump"}): [("meeting", "possible", "2025-11")]}, got


def test_ministers_who_attended_the_leaders_meeting_are_its_delegations():
    got = contacts("President William Ruto on Thursday held talks with Ethiopian Prime Minister Abiy Ahmed at State "
                   "House, Nairobi. The two leaders discussed trade and security. The meeting was attended by "
                   "Cabinet Secretaries Musalia Mudavadi and Kithure Kindiki.", "2024-03-14")
    assert list(got) == [frozenset({"Ruto", "Ali"})], got  # (Abiy Ahmed Ali)


def test_spoke_with_and_nothing_placing_them_together_is_a_call():
    got = contacts("Today, Prime Minister Justin Trudeau spoke with Leo Varadkar, the Irish Taoiseach. The leaders "
                   "discussed trade.", "2019-01-30")
    assert got == {frozenset({"Trudeau", "Varadkar"}): [("phone_call", "occurred", "2019-01-30")]}, got


def test_spoke_with_at_a_summit_stays_talks():
    got = contacts("On the sidelines of the summit in Brussels, Greek Prime Minister Alexis Tsipras spoke with "
                   "Croatian President Kolinda Grabar-Kitarovic on Thursday.", "2018-06-29")
    ((key, value),) = got.items()
    assert value[0][0] in ("talks", "meeting"), got


def test_not_having_spoken_with_someone_is_no_call_denied():
    got = contacts("\"I have not spoken with the president of Argentina,\" Brazilian President Lula da Silva said "
                   "on Monday.", "2024-07-02")
    assert all(t != "phone_call" for v in got.values() for t, _, _ in v), got


def test_a_day_between_subject_and_a_misparsed_hosted_still_names_the_host():
    got = contacts("President Bola Tinubu on Friday evening hosted President Patrice Talon at his residence in "
                   "Abuja.", "2023-07-08")
    assert got == {frozenset({"Tinubu", "Talon"}): [("visit", "occurred", "2023-07-07")]}, got


def test_the_source_of_a_statement_is_not_one_of_their_meeting():
    got = contacts("President Bola Tinubu hosted President Patrice Talon in Paris on June 23 during the summit.\n\n"
                   "During their meeting in Paris, according to a statement by his adviser, Dele Alake, Tinubu "
                   "had stressed the need for unity.", "2023-07-08")
    assert list(got) == [frozenset({"Tinubu", "Talon"})], got


def test_a_call_hung_on_a_gerund_inside_the_object_is_the_main_verb_s():
    got = contacts("US President Donald Trump on Friday conveyed the importance of India and Pakistan reducing "
                   "tensions during a phone call with Prime Minister Imran Khan, the White House said.",
                   "2019-08-17")
    assert got == {frozenset({"Trump", "Khan"}): [("phone_call", "occurred", "2019-08-16")]}, got


def test_a_visitor_the_parser_hung_on_the_inviter_is_still_the_visitor_not_the_announcer():
    got = contacts("At the invitation of Premier Li Qiang of the State Council, Robert Fico, prime minister of the "
                   "Slovak Republic, will pay an official visit to China from October 31 to November 5, Chinese "
                   "foreign ministry spokesperson Lin Jian announced Monday.", "2024-10-28")
    assert got == {frozenset({"Fico", "Qiang"}): [("visit", "planned", "2024-10-31")]}, got


def test_a_body_s_ministers_are_not_the_pair_just_named():
    got = contacts("Secretary of State John Kerry will meet with Foreign Minister Sergey Lavrov on May 12th. The "
                   "Secretary will then travel on to Antalya, Turkey for a meeting of the NATO foreign ministers on "
                   "May 13th.", "2015-05-11")
    assert got[frozenset({"Kerry", "Lavrov"})] == [("meeting", "planned", "2015-05-12")], got


def test_a_chat_is_talks_and_an_interaction_held_on_the_sidelines_a_meeting():
    got = contacts("Prime Minister Narendra Modi today held a brief interaction with Chinese Premier Li Keqiang on "
                   "the sidelines of the summit here.\n\nBoth Mr. Modi and Mr. Li had chit-chat on Sunday during a "
                   "gala dinner. Mr Modi also had a chat with Japanese Prime Minister Shinzo Abe.", "2017-11-14")
    assert sorted(got[frozenset({"Modi", "Keqiang"})]) == [("meeting", "occurred", "2017-11-14"),
                                                          ("talks", "occurred", "2017-11-12")], got
    assert got[frozenset({"Modi", "Abe"})] == [("talks", "occurred", "2017-11-14")], got


def test_foreign_ministers_named_only_by_their_countries_are_not_resolved():
    got = contacts("The joint summit of the foreign ministers of Kenya, Uganda and Tanzania took place on May 10 in "
                   "Arusha.", "2023-05-29")
    assert got == {}, got


def test_presidents_named_by_their_countries_still_are():
    got = contacts("The talks between the Kenyan and Ugandan presidents in Arusha lasted six hours.", "2023-05-29")
    assert got == {frozenset({"Ruto", "Museveni"}): [("talks", "occurred", None)]}, got
