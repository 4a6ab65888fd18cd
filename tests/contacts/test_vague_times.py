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
