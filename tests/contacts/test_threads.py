"""A contact takes the date of its subject's last dated contact just before it; "the meeting included A and
B"; "the leaders of Germany and Sweden" are not the pair just told of (sentences written for the project)."""
from __future__ import annotations

from contact_table import contacts


ROUND = ("Kenyan President Uhuru Kenyatta on Monday held talks with Senegalese President Macky Sall in Nairobi. "
         "Kenya and Senegal signed a trade pact. Before the close of the conference yesterday, President Kenyatta "
         "also held talks with several other heads of state. Kenyatta met President Paul Kagame of Rwanda and "
         "President John Magufuli of Tanzania.")


def test_a_list_after_a_dated_announcement_of_its_subject_takes_that_day():
    got = contacts(ROUND, "2016-08-29")  # a Monday
    assert got[frozenset({"Kenyatta", "Sall"})] == [("meeting", "occurred", "2016-08-29")], got
    assert got[frozenset({"Kenyatta", "Kagame"})] == [("meeting", "occurred", "2016-08-28")], got
    assert got[frozenset({"Kenyatta", "Magufuli"})] == [("meeting", "occurred", "2016-08-28")], got


def test_background_is_not_continued():
    text = ROUND.replace("Kenyatta met President", "Kenyatta had previously met President")
    got = contacts(text, "2016-08-29")
    assert all(d != "2016-08-28" for _, _, d in got[frozenset({"Kenyatta", "Kagame"})]), got


def test_another_subject_does_not_continue_the_thread():
    text = ROUND.replace("Kenyatta met President Paul Kagame of Rwanda and", "Kagame met")
    got = contacts(text, "2016-08-29")
    assert all(d != "2016-08-28" for _, _, d in got[frozenset({"Kagame", "Magufuli"})]), got


def test_the_meeting_included_names_its_participants():
    text = ("President Barack Obama met on Monday with African leaders in Addis Ababa to discuss regional security. "
            "The meeting included Kenyan President Uhuru Kenyatta and Ugandan President Yoweri Museveni.")
    got = contacts(text, "2015-07-28")
    assert got == {frozenset({"Obama", "Kenyatta", "Museveni"}): [("meeting", "occurred", "2015-07-27")]}, got


def test_what_a_meeting_included_that_is_no_person_is_no_contact():
    text = ("President Barack Obama met on Monday with African leaders in Addis Ababa. "
            "The talks included trade and security. The delegation included Secretary of State John Kerry.")
    assert contacts(text, "2015-07-28") == {}


def test_the_leaders_of_other_countries_are_not_the_pair_just_named():
    text = ("Zelensky spoke with Albanian Prime Minister Edi Rama on Saturday. "
            "He also spoke with the leaders of Germany, Poland and Sweden.")
    got = contacts(text, "2025-02-22")
    assert list(got) == [frozenset({"Zelenskyy", "Rama"})], got
    assert len(got[frozenset({"Zelenskyy", "Rama"})]) == 1, got


def test_a_day_counted_from_a_date_in_the_same_sentence():
    text = ("On Dec 8, Anwar Ibrahim received Thai deputy prime minister Prawit Wongsuwan and four days later, he "
            "received Timor-Leste's president José Ramos-Horta.")
    got = contacts(text, "2023-03-04")
    assert got[frozenset({"Ibrahim", "Wongsuwan"})] == [("meeting", "occurred", "2022-12-08")], got
    assert got[frozenset({"Ibrahim", "Ramos-Horta"})] == [("meeting", "occurred", "2022-12-12")], got


def test_he_in_a_second_clause_is_the_first_clause_s_subject():
    got = contacts("On Monday, Macron met Scholz in Berlin and later that day he spoke with Biden.", "2023-03-08")
    assert got[frozenset({"Macron", "Biden"})] == [("talks", "occurred", "2023-03-06")], got
    assert frozenset({"Scholz", "Biden"}) not in got, got


def test_a_plan_continued_by_the_same_named_subject_takes_the_plan_s_date():
    text = ("President Donald Trump will travel to Latin America next month, the White House said on Saturday. "
            "In Peru he will meet with President Pedro Pablo Kuczynski next month. "
            "The White House called the region vital. Officials said trade would dominate. "
            "From Peru, Trump will later go on to Colombia and meet with President Juan Manuel Santos.")
    got = contacts(text, "2018-03-10")
    assert got[frozenset({"Trump", "Santos"})] == [("meeting", "planned", "2018-04")], got


def test_a_plan_continued_after_an_undated_plan_of_the_subject_stays_undated():
    text = ("President Donald Trump will meet with President Pedro Pablo Kuczynski in Lima, the White House said. "
            "Trump will later meet with President Juan Manuel Santos.")
    got = contacts(text, "2018-03-10")
    assert got[frozenset({"Trump", "Santos"})] == [("meeting", "planned", None)], got


UNDATED = ("Ramaphosa has been in bilateral meetings for most of the day. Earlier, he met with the Chinese Premier "
           "Li Qiang. Ramaphosa also spent time with Australian Prime Minister Anthony Albanese. French President "
           "Emmanuel Macron was greeted at the airport by Indian Prime Minister Narendra Modi.")


def test_an_article_that_names_no_time_tells_the_news_of_its_day():
    got = contacts(UNDATED, "2025-11-21")
    for pair in ({"Ramaphosa", "Qiang"}, {"Ramaphosa", "Albanese"}, {"Macron", "Modi"}):
        assert got[frozenset(pair)] == [("meeting", "occurred", "2025-11-21")], got


def test_an_article_that_names_a_time_is_not_dated_wholesale():
    text = UNDATED.replace("Earlier, he met with", "In 2019 he met with")
    got = contacts(text, "2025-11-21")
    assert got[frozenset({"Ramaphosa", "Albanese"})] == [("meeting", "occurred", None)], got


def test_background_in_an_undated_article_stays_undated():
    got = contacts(UNDATED.replace("Ramaphosa also spent", "Ramaphosa had previously spent"), "2025-11-21")
    assert got[frozenset({"Ramaphosa", "Albanese"})] == [("meeting", "occurred", None)], got


def test_sitting_down_with_a_leader_is_a_meeting():
    got = contacts("Ramaphosa sat down with President Lula of Brazil on Friday. Officials joined them later.",
                   "2025-11-22")
    assert got[frozenset({"Ramaphosa", "Silva"})] == [("meeting", "occurred", "2025-11-21")], got


def test_the_thread_passes_over_an_undated_contact_of_the_subject():
    text = ("Leaders gathered in Nairobi. The conference drew ten thousand delegates. Kenya was proud to host it. "
            "Before the close of the conference yesterday, President Kenyatta held talks with several heads of state. "
            "Kenyatta also held a meeting with delegates. Kenyatta met President Paul Kagame of Rwanda.")
    got = contacts(text, "2016-08-29")
    assert got[frozenset({"Kenyatta", "Kagame"})] == [("meeting", "occurred", "2016-08-28")], got


def test_the_thread_stops_at_a_plan_of_the_subject():
    text = ("Leaders gathered in Nairobi. The conference drew ten thousand delegates. Kenya was proud to host it. "
            "Before the close of the conference yesterday, President Kenyatta held talks with several heads of state. "
            "Kenyatta will hold more meetings next week. Kenyatta met President Paul Kagame of Rwanda.")
    got = contacts(text.replace("yesterday", "on August 10"), "2016-08-29")  # (not the news of the day)
    assert got[frozenset({"Kenyatta", "Kagame"})] == [("meeting", "occurred", None)], got
    got = contacts(text.replace("yesterday", "on August 10").replace(" will hold more meetings next week",
                                                                      " also held a meeting with delegates"), "2016-08-29")
    assert got[frozenset({"Kenyatta", "Kagame"})] == [("meeting", "occurred", "2016-08-10")], got


def test_a_passive_continues_the_subject_s_present_perfect_news():
    text = ("Chinese President Hu Jintao has arrived in the United States for a state visit. Hu landed at Andrews "
            "Air Force Base and was greeted by Vice President Joe Biden. Hu will meet Obama on Wednesday.")
    got = contacts(text, "2011-01-18")
    assert got[frozenset({"Jintao", "Biden"})] == [("meeting", "occurred", "2011-01-18")], got


LULA = ("On Tuesday, Lula will attend the summit of Latin American leaders in Buenos Aires.\n"
        "On Monday, Brazil's President Lula da Silva laid a wreath at a monument in Buenos Aires.\n"
        "After the ceremony, Lula went to the Pink House to hold a meeting with President Alberto Fernandez.\n"
        "Later, he will travel to Uruguay at the invitation of President Luis Lacalle Pou.")


def test_what_happened_takes_the_lead_s_past_day_and_a_later_plan_is_not_the_lead_s():
    got = contacts(LULA, "2023-01-23")  # a Monday
    assert got[frozenset({"Silva", "Fernández"})] == [("meeting", "occurred", "2023-01-23")], got
    assert got[frozenset({"Silva", "Pou"})] == [("visit", "planned", None)], got


def test_a_guest_received_takes_the_day_the_guest_arrived():
    got = contacts("Prime Minister Anwar Ibrahim received Sultan Hassanal Bolkiah of Brunei who arrived in Malaysia "
                   "on Nov 28. Officials met later.", "2023-03-04")
    assert [d for _, _, d in got[frozenset({"Ibrahim", "Bolkiah"})]] == ["2022-11-28"], got


def test_a_subject_who_arrived_earlier_does_not_give_the_meeting_that_day():
    got = contacts("Haitian Prime Minister Ariel Henry, who landed in Nairobi on Thursday, held talks with Kenyan "
                   "President William Ruto at State House on Friday.", "2024-03-02")
    assert got[frozenset({"Henry", "Ruto"})] == [("meeting", "occurred", "2024-03-01")], got
