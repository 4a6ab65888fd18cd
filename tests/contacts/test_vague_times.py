"""A deliberately vague time gives no date; a pair subject carries on its first member's day (sentences
written for the project)."""
from __future__ import annotations

from contact_table import contacts

TEXT = ("Brazilian President Lula da Silva intends to hold talks with Chinese President Xi Jinping in the near "
        "future, his office said on Saturday.\n\n"
        "According to the statement, on Friday, Lula held talks with Argentine President Alberto Fernandez in "
        "Brasilia. Lula also said during the meeting that he valued the relations.\n\n"
        "\"The President and President Fernandez also spoke with Chilean President Gabriel Boric via "
        "videoconference,\" the statement said.")


def test_a_plan_for_the_near_future_takes_no_news_day():
    got = contacts(TEXT, "2023-04-15")
    assert [d for _, _, d in got[frozenset({"Silva", "Jinping"})]] == [None], got


def test_a_pair_that_also_spoke_carries_on_its_first_member_s_day():
    got = contacts(TEXT, "2023-04-15")
    assert got[frozenset({"Silva", "Fernández"})] == [("meeting", "occurred", "2023-04-14")], got
    trio = [v for k, v in got.items() if "Boric" in k]
    assert trio == [[("video_call", "occurred", "2023-04-14")]], got


def test_a_lead_that_gives_only_this_weekend_dates_the_body_s_news_by_the_week():
    text = ("Japanese Prime Minister Fumio Kishida chose to bring his foreign minister to the bilateral sessions "
            "on the sidelines of the summit in Hiroshima this weekend.\n\n"
            "Kishida took his minister to a meeting with US President Joe Biden. The minister was pleased.\n\n"
            "The leaders discussed trade and security.")
    got = contacts(text, "2023-05-21")  # a Sunday
    assert got[frozenset({"Kishida", "Biden"})] == [("meeting", "occurred", "2023-W20")], got


def test_a_lead_s_next_week_is_no_news_day():
    text = ("Japanese Prime Minister Fumio Kishida will travel to the summit in Washington next week, officials "
            "said on Sunday.\n\nKishida met US President Joe Biden in Tokyo in January.\n\nThey discussed trade.")
    got = contacts(text, "2023-05-21")
    assert got[frozenset({"Kishida", "Biden"})] == [("meeting", "occurred", "2023-01")], got


def test_a_meeting_during_a_visit_over_days_is_dated_by_the_week_or_month_that_holds_them():
    text = ("President Muhammadu Buhari will on Monday depart Abuja for Paris to begin a three-day official visit to "
            "France at the invitation of President Francois Hollande.\n\n"
            "Buhari will also confer with the French Minister of Defence, Jean-Yves Le Drian.")
    got = contacts(text, "2015-09-13")
    assert got[frozenset({"Buhari", "Drian"})] == [("talks", "planned", "2015-W38")], got
    text = ("Secretary Kerry will visit Seoul from May 17 to May 18. He will meet President Park Geun-hye and "
            "discuss trade.")
    got = contacts(text, "2015-05-11")
    assert got[frozenset({"Kerry", "Geun-hye"})] == [("meeting", "planned", "2015-05")], got


def test_a_meeting_during_a_visit_across_two_months_has_no_date():
    text = ("Prime Minister Robert Fico will pay an official visit to China from October 31 to November 5, the "
            "ministry said.\n\nChinese Premier Li Qiang will hold talks with Fico. They will discuss trade.")
    got = contacts(text, "2024-10-28")
    assert [d for _, _, d in got[frozenset({"Qiang", "Fico"})]] == [None], got


def test_the_day_something_was_said_is_not_the_day_of_what_is_said_to_come():
    got = contacts("MEXICO CITY, July 1 – Mexican President Claudia Sheinbaum said on Tuesday she would meet "
                   "Canadian Prime Minister Mark Carney next week.", "2025-07-01")
    assert got == {frozenset({"Sheinbaum", "Carney"}): [("meeting", "planned", "2025-W28")]}, got


def test_said_on_a_day_after_their_call_dates_the_call():
    got = contacts("Russian President Vladimir Putin and Kenyan President William Ruto agreed to expand trade, the "
                   "Kremlin said on Monday after their telephone conversation.", "2023-05-09")
    assert got == {frozenset({"Putin", "Ruto"}): [("phone_call", "occurred", "2023-05-08")]}, got
