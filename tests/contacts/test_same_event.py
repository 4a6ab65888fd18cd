"""The one "same event" policy (no model)."""
from __future__ import annotations

import pytest

from diplograph.contacts.same_event import (Event, EventIndex, compatible_statuses, compatible_types,
                                            conflicting_statuses, merged_status, most_specific, same_event)

DAY = ("2025-03-18", "2025-03-18")
WEEK = ("2025-03-17", "2025-03-23")
APRIL = ("2025-04-01", "2025-04-30")


def ev(types=("meeting",), status="occurred", interval=DAY, people=("a", "b"), initiator=None, window=None):
    return Event(tuple(people), tuple(types), status, interval, window, initiator)


@pytest.mark.parametrize("a,b,kw,ok", [
    ("talks", "phone_call", {}, True),
    ("meeting", "visit", {}, True),
    ("meeting", "visit", {"same_status": False}, False),
    ("phone_call", "video_call", {}, True),
    ("phone_call", "video_call", {"same_text": True}, False),
    ("meeting", "phone_call", {}, False),
])
def test_compatible_types(a, b, kw, ok):
    assert compatible_types(a, b, **kw) is ok


def test_statuses():
    assert compatible_statuses("planned", "possible") and not compatible_statuses("planned", "occurred")
    assert merged_status(["planned", "possible"]) == "possible"
    assert conflicting_statuses("denied", "occurred") and not conflicting_statuses("denied", "denied")


def test_most_specific_first_on_tie():
    assert most_specific(["talks", "meeting", "visit"]) == "visit"
    assert most_specific(["phone_call", "meeting"]) == "phone_call"


def test_day_inside_week_is_same_event_but_not_another_month():
    assert same_event(ev(interval=DAY), ev(types=("talks",), interval=WEEK))
    assert not same_event(ev(interval=DAY), ev(interval=APRIL))
    assert same_event(ev(interval=DAY), ev(interval=None))


def test_other_people_or_initiator_is_another_event():
    assert not same_event(ev(), ev(people=("a", "c")))
    assert not same_event(ev(types=("visit",), initiator="a"), ev(types=("visit",), initiator="b"))


def test_conflict_needs_a_denial():
    assert same_event(ev(status="denied"), ev(types=("visit",)), conflict=True)
    assert not same_event(ev(status="planned"), ev(), conflict=True)


def test_undated_window_limits_the_match():
    far = ev(interval=None, window=("2018-01-01", "2018-12-31"))
    assert not same_event(far, ev())


def test_index_finds_refiles_and_removes():
    idx = EventIndex()
    idx.add(ev(interval=WEEK, types=("talks",)), "g1")
    idx.add(ev(interval=APRIL), "g2")
    assert idx.find(ev(interval=DAY)) == "g1"
    idx.update("g1", idx.event_of("g1").combine(ev(interval=DAY)))
    assert idx.event_of("g1").interval == DAY and idx.event_of("g1").types == ("talks", "meeting")
    assert idx.find(ev(interval=("2025-03-20", "2025-03-20"))) is None  # no longer the whole week
    idx.remove("g2")
    assert idx.find(ev(interval=APRIL)) is None and len(idx) == 1
