"""The one policy for "the same event", used wherever reports of contacts are merged.

Two reports describe the same contact when they name the same people and

* their **types** fit: ``talks`` (mode not stated) fits any type; ``meeting`` fits ``visit`` (both in
  person) when both are stated with the same certainty (a planned meeting is not a rumoured visit);
  ``phone_call`` fits ``video_call`` (both remote) across articles, where outlets name the medium
  differently, but not within one text, whose writer tells them apart. The merged contact takes the
  most specific type reported (:data:`SPECIFICITY`);
* their **statuses** fit: the same, or ``planned`` with ``possible`` (one plan, its certainty the weaker).
  A denial and a report that it happened *conflict*: two contacts, flagged (:func:`conflicting_statuses`);
* their **dates** overlap (a day inside the week or month another report gives), or one is undated;
* they do not name different initiators (the visitor of a visit).

:class:`EventIndex` is the one merge routine: it files events by their people and by month, so a new
report is compared only with the events it could belong to. The contacts component uses it for the
reports of one document, the graph builder for the contacts of many.

>>> a = Event(("putin", "trump"), ("phone_call",), "occurred", ("2025-03-18", "2025-03-18"))
>>> b = Event(("putin", "trump"), ("talks",), "occurred", ("2025-03-17", "2025-03-23"))
>>> same_event(a, b), most_specific(a.types + b.types)
(True, 'phone_call')
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["MODE", "SPECIFICITY", "Event", "EventIndex", "compatible_types", "compatible_statuses",
           "conflicting_statuses", "merged_status", "most_specific", "overlap", "same_event"]

#: How a contact type is held: "talks" says nothing of the mode, so it fits either.
MODE = {"talks": None, "meeting": "in_person", "visit": "in_person", "phone_call": "remote",
        "video_call": "remote"}
#: Which reported type names a merged contact: the most specific one.
SPECIFICITY = {"talks": 0, "meeting": 1, "phone_call": 1, "visit": 2, "video_call": 2}

Interval = tuple[str, str]  # ISO days, first and last


def compatible_types(a: str, b: str, *, same_status: bool = True, same_text: bool = False) -> bool:
    """Whether two reported types can describe one contact (see the module docstring).

    >>> compatible_types("talks", "visit"), compatible_types("meeting", "phone_call")
    (True, False)
    >>> compatible_types("meeting", "visit", same_status=False), compatible_types("phone_call", "video_call", same_text=True)
    (False, False)
    """
    if a == b:
        return True
    ma, mb = MODE.get(a, a), MODE.get(b, b)
    if ma is None or mb is None:
        return True
    if ma != mb:
        return False
    return same_status if ma == "in_person" else not same_text


def most_specific(types: Iterable[str]) -> str:
    """The most specific of the types reported (the first given on a tie)."""
    best = None
    for t in types:
        if best is None or SPECIFICITY.get(t, 1) > SPECIFICITY.get(best, 1):
            best = t
    return best or "talks"


def compatible_statuses(a: str, b: str) -> bool:
    """Same status; and ``planned`` with ``possible`` are one plan whose certainty is the weaker."""
    return a == b or {a, b} == {"planned", "possible"}


def merged_status(statuses: Iterable[str]) -> str:
    """The status of merged reports: ``possible`` if any report is only possible."""
    statuses = list(statuses)
    return "possible" if "possible" in statuses else statuses[0]


def conflicting_statuses(a: str, b: str) -> bool:
    """Whether two statuses contradict each other: one report denies what the other does not.

    >>> conflicting_statuses("occurred", "denied"), conflicting_statuses("planned", "occurred")
    (True, False)
    """
    return (a == "denied") != (b == "denied")


def overlap(a: Interval | None, b: Interval | None) -> bool:
    """Whether two date intervals share a day (an unknown interval fits any)."""
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])


@dataclass(frozen=True)
class Event:
    """What the policy reads of a report or a merged contact.

    ``people``: the sorted participant ids; ``interval``: the days its date covers (None: undated);
    ``window``: for an undated event, where it may lie at most (the graph uses some months around
    the articles' publication dates), else None; ``initiator``: the visitor of a visit."""

    people: tuple[str, ...]
    types: tuple[str, ...]
    status: str
    interval: Interval | None = None
    window: Interval | None = None
    initiator: str | None = None

    @property
    def span(self) -> Interval | None:
        return self.interval or self.window

    def combine(self, other: "Event") -> "Event":
        """The event both reports describe: types pooled, status the weaker, interval the overlap."""
        if self.interval and other.interval:
            interval = (max(self.interval[0], other.interval[0]), min(self.interval[1], other.interval[1]))
        else:
            interval = self.interval or other.interval
        types = self.types + tuple(t for t in other.types if t not in self.types)
        return Event(self.people, types, merged_status([self.status, other.status]), interval,
                     None if interval else (self.window or other.window), self.initiator or other.initiator)


def same_event(a: Event, b: Event, *, conflict: bool = False, same_text: bool = False) -> bool:
    """Whether ``a`` and ``b`` report one contact of the same people (see the module docstring).

    ``conflict``: whether they report one contact with statuses in conflict (one denies it);
    ``same_text``: both are reports of one text."""
    if a.people != b.people:
        return False
    if conflict:
        if not conflicting_statuses(a.status, b.status):
            return False
    elif not compatible_statuses(a.status, b.status):
        return False
    same = conflict or a.status == b.status
    if not all(compatible_types(x, y, same_status=same, same_text=same_text) for x in a.types for y in b.types):
        return False
    if not overlap(a.span, b.span):
        return False
    return not (a.initiator and b.initiator and a.initiator != b.initiator)


T = TypeVar("T")


def _months(iv: Interval) -> range | None:
    try:
        m0 = int(iv[0][:4]) * 12 + int(iv[0][5:7])
        m1 = int(iv[1][:4]) * 12 + int(iv[1][5:7])
    except (ValueError, IndexError):
        return None
    return range(m0, m1 + 1) if 0 <= m1 - m0 <= 24 else None


class EventIndex(Generic[T]):
    """Events filed by their people and the months they cover: the one merge routine.

    ``add(event, item)`` files an item (a group of reports, a graph edge ...) under its event;
    ``find(event)`` returns the filed item that reports the same event, or None; ``update`` refiles
    an item whose event changed after a merge; ``remove`` takes it out.

    >>> idx = EventIndex()
    >>> idx.add(Event(("a", "b"), ("meeting",), "occurred", ("2025-03-18", "2025-03-18")), "first")
    >>> idx.find(Event(("a", "b"), ("visit",), "occurred", None))
    'first'
    """

    def __init__(self) -> None:
        self._events: dict[int, tuple[Event, T]] = {}
        self._by_people: dict[tuple[str, ...], dict[str, object]] = {}
        self._next = 0
        self._ids: dict[int, int] = {}  # id(item) -> slot

    def __len__(self) -> int:
        return len(self._events)

    def add(self, event: Event, item: T) -> None:
        slot, self._next = self._next, self._next + 1
        self._events[slot] = (event, item)
        self._ids[id(item)] = slot
        self._file(slot, event)

    def remove(self, item: T) -> None:
        slot = self._ids.pop(id(item), None)
        if slot is not None:
            event, _ = self._events.pop(slot)
            self._unfile(slot, event)

    def update(self, item: T, event: Event) -> None:
        """Refile ``item`` under its new event (after another report merged into it)."""
        slot = self._ids[id(item)]
        old, _ = self._events[slot]
        self._unfile(slot, old)
        self._events[slot] = (event, item)
        self._file(slot, event)

    def event_of(self, item: T) -> Event:
        return self._events[self._ids[id(item)]][0]

    def candidates(self, event: Event) -> Iterator[tuple[Event, T]]:
        """The filed events of the same people whose dates may overlap, oldest first."""
        idx = self._by_people.get(event.people)
        if idx is None:
            return iter(())
        months = _months(event.span) if event.span else None
        if months is None:
            slots: Iterable[int] = idx["all"]
        else:
            found = set(idx["loose"])
            for m in months:
                found.update(idx["months"].get(m, ()))
            slots = sorted(found)
        return (self._events[s] for s in sorted(slots) if s in self._events)

    def find(self, event: Event, accept: Callable[[Event, T], bool] | None = None, *,
             same_text: bool = False) -> T | None:
        """The first filed item that reports the same event as ``event`` (and that ``accept`` takes)."""
        for other, item in self.candidates(event):
            if same_event(other, event, same_text=same_text) and (accept is None or accept(other, item)):
                return item
        return None

    def _file(self, slot: int, event: Event) -> None:
        idx = self._by_people.setdefault(event.people, {"all": set(), "loose": set(), "months": {}})
        idx["all"].add(slot)
        months = _months(event.span) if event.span else None
        if months is None:
            idx["loose"].add(slot)
        else:
            for m in months:
                idx["months"].setdefault(m, set()).add(slot)

    def _unfile(self, slot: int, event: Event) -> None:
        idx = self._by_people.get(event.people)
        if idx is None:
            return
        idx["all"].discard(slot)
        idx["loose"].discard(slot)
        months = _months(event.span) if event.span else None
        for m in months or ():
            idx["months"].get(m, set()).discard(slot)
