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
