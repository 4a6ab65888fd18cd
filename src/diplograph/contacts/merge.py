"""Reports of one event become one contact: the in-document side of the "same event" policy.

Reports of the same people whose type, status and date fit (:mod:`.same_event`) merge; then a report
that names only some of the people of a multi-party event of the same kind, certainty and date joins it
("Trump met al-Sharaa" and "Trump, al-Sharaa and the crown prince met"), unless it is marked as an
event of its own ("a separate meeting", "on the sidelines") or set somewhere else.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable

from spacy.tokens import Token

from ..resources.text import doc_text
from ..types import Contact, Mention, Participant, TimeValue
from .lexicon import distinct_event_words
from .participants import DocContext
from .raw import GRANULARITY_RANK, RawContact
from .same_event import Event, EventIndex, merged_status, most_specific, same_event

__all__ = ["merge_contacts", "merge_reports", "to_contact"]


def _interval(d: TimeValue | None) -> tuple[str, str] | None:
    if d is None:
        return None
    lo, hi = d.start_date or d.end_date, d.end_date or d.start_date
    return (lo, hi) if lo else ((d.value, d.value) if d.value else None)


def _event(people: Iterable[str], ctype: str, status: str, date: TimeValue | None,
           initiator: str | None = None) -> Event:
    return Event(tuple(sorted(set(people))), (ctype,), status, _interval(date), None, initiator)


def _group_by_event(items: list, event_of) -> list[list]:
    """Group items whose events are the same (:func:`~.same_event.same_event`), in order of first report."""
    index: EventIndex[list] = EventIndex()
    groups: list[list] = []
    for item in items:
        ev = event_of(item)
        home = index.find(ev, same_text=True)
        if home is None:
            home = [item]
            groups.append(home)
            index.add(ev, home)
        else:
            home.append(item)
            index.update(home, index.event_of(home).combine(ev))
    return groups


_EARLIER = frozenset({"previous", "prior"})


def _told_as_earlier(raw: RawContact) -> bool:
    """"In his previous call with Khan": a contact before the one the text tells, never merged with it."""
    return any(c.dep_ == "amod" and c.lower_ in _EARLIER for c in raw.trigger[0].children)


def merge_contacts(raws: list[RawContact], ctx: DocContext) -> list[Contact]:
    """One contact per event: same people, compatible type, status and date; a "previous" contact joins only
    the reports of its own sentence or other previous ones."""
    def event(r: RawContact) -> Event:
        return _event((p.id for p in r.parties), r.type, r.status, r.date)

    groups = _group_by_event([r for r in raws if not _told_as_earlier(r)], event)
    for r in (r for r in raws if _told_as_earlier(r)):
        home = next((g for g in groups if any(o.sentence.start == r.sentence.start or _told_as_earlier(o) for o in g)
                     and all(same_event(event(o), event(r), same_text=True) for o in g)), None)
        if home is None:
            groups.append([r])
        else:
            home.append(r)
    return [to_contact(g, ctx) for g in _dissolve_into_separate(_merge_subsets(groups))]


def _dissolve_into_separate(groups: list[list[RawContact]]) -> list[list[RawContact]]:
    """"X received A and B ... he met A and B in separate meetings": a report of several people whose
    people are exactly those of separate meetings of one of them with each other one, reported as the
    same event, is those meetings, not one more."""
    people = {id(g): _people_of(g) for g in groups}
    pairs = [g for g in groups if len(people[id(g)]) == 2 and any(_marked_separate(r) for r in g)]
    # (only reports told by a verb with objects: "held a trilateral summit", "A, B and C met" are events of
    # their own)
    return [g for g in groups if len(people[id(g)]) < 3 or not all(_verb_with_objects(r.trigger[0]) for r in g)
            or not _covered(g, pairs, people)]


def _verb_with_objects(tok: Token) -> bool:
    return tok.pos_ == "VERB" and any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "with")
                                      for c in tok.children)


def _covered(group: list[RawContact], pairs: list[list[RawContact]], people: dict) -> bool:
    """Do separate meetings of one of the group's people with each other one make up the group?"""
    ps = people[id(group)]
    for hub in ps:
        parts = [p for p in pairs if hub in people[id(p)] and people[id(p)] <= ps
                 and same_event(_group_event(p), _group_event(group), same_text=True)]
        if parts and set().union(*(people[id(p)] for p in parts)) == ps:
            return True
    return False


def _people_of(group: list[RawContact]) -> frozenset[str]:
    return frozenset(p.id for r in group for p in r.parties if p.kind == "person")


def _group_event(group: list[RawContact]) -> Event:
    ev = None
    for r in group:
        e = _event(("",), r.type, r.status, r.date)  # people are compared apart, as sets
        ev = e if ev is None else ev.combine(e)
    return ev


def _merge_subsets(groups: list[list[RawContact]]) -> list[list[RawContact]]:
    """Fold a group into a larger one whose people include its own, when both report one event."""
    people = {id(g): _people_of(g) for g in groups}
    by_person: dict[str, list[list[RawContact]]] = {}
    for g in groups:
        for p in people[id(g)]:
            by_person.setdefault(p, []).append(g)
    alive = {id(g) for g in groups}
    for small in sorted(groups, key=lambda g: len(people[id(g)])):
        ps = people[id(small)]
        if len(ps) < 2:
            continue
        for big in _supersets(small, ps, by_person, people, alive):
            if same_event(_group_event(small), _group_event(big), same_text=True) and not _distinct(small, big):
                big.extend(small)
                alive.discard(id(small))
                break
    return [g for g in groups if id(g) in alive]


def _supersets(small, ps, by_person, people, alive) -> list[list[RawContact]]:
    """Live groups whose people strictly include ``ps``, larger first (candidates through one person)."""
    first = min(ps, key=lambda p: len(by_person[p]))
    found = [g for g in by_person[first] if g is not small and id(g) in alive and ps < people[id(g)]]
    return sorted(found, key=lambda g: -len(people[id(g)]))


def _clause_of(raw: RawContact) -> list[Token]:
    """The trigger and the verbs of its own clause."""
    out, t = [raw.trigger[0]], raw.trigger[0]
    for _ in range(3):
        if t.pos_ in ("VERB", "AUX") or t.head == t:
            break
        t = t.head
        out.append(t)
    return out


def _marked_separate(raw: RawContact) -> bool:
    """"held a separate meeting with X", "met X on the sidelines", "Earlier on Sunday, X held a summit"."""
    words = distinct_event_words()
    for t in _clause_of(raw):
        for c in t.children:
            if c.dep_ in ("amod", "advmod", "npadvmod") and c.lower_ in words:
                return True
            if c.dep_ == "prep" and any(g.lower_ in words for g in c.children if g.dep_ == "pobj"):
                return True
    return False


def _places(raw: RawContact) -> set[str]:
    """Where the report sets its event: names after "in"/"at" on the trigger's clause."""
    out = set()
    for t in _clause_of(raw):
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at"):
                for g in c.children:
                    if g.dep_ == "pobj" and (g.pos_ == "PROPN" or any(x.pos_ == "PROPN" for x in g.children)):
                        out.add(" ".join(x.lower_ for x in g.subtree if x.pos_ == "PROPN"))
    return out


def _distinct(small: list[RawContact], big: list[RawContact]) -> bool:
    """Is the smaller group of reports its own event: marked as separate, or set somewhere else?"""
    if any(_marked_separate(r) for r in small):
        return True
    a = set().union(*(_places(r) for r in small))
    b = set().union(*(_places(r) for r in big))
    return bool(a and b and not a & b)




def merge_reports(contacts: list[Contact]) -> list[Contact]:
    """Merge finished contacts that report one event (as :func:`merge_contacts` does for the reports of
    one text): used when a long text was processed in pieces."""
    groups = _group_by_event(contacts, lambda c: _event((p.id for p in c.participants), c.type, c.status, c.date))
    out = []
    for g in groups:
        home = g[0]
        for c in g[1:]:
            home.type = most_specific([home.type, c.type])
            if c.date is not None and (home.date is None or GRANULARITY_RANK.get(c.date.granularity, 9)
                                       < GRANULARITY_RANK.get(home.date.granularity, 9)):
                home.date = c.date
            home.status = merged_status([home.status, c.status])
            home.attribution = home.attribution or c.attribution
            home.evidence = sorted(home.evidence + c.evidence, key=lambda m: m.start)
            home.triggers = sorted(home.triggers + c.triggers, key=lambda m: m.start)
            home.initiator, home.host = home.initiator or c.initiator, home.host or c.host
        out.append(home)
    return out


def to_contact(group: list[RawContact], ctx: DocContext) -> Contact:
    ctype = most_specific(r.type for r in group)
    dated = [r.date for r in group if r.date is not None]
    date = min(dated, key=lambda t: GRANULARITY_RANK.get(t.granularity, 9)) if dated else None
    participants = []
    parties = list({p.id: p for r in reversed(group) for p in r.parties}.values())  # the union, first seen first
    parties.sort(key=lambda p: next(i for i, r in enumerate(group) if any(q.id == p.id for q in r.parties)))
    for p in parties:
        if p.kind == "person" and p.id in ctx.people:
            participants.append(Participant.of(ctx.people[p.id]))
        elif p.kind == "country" and p.id in ctx.countries:
            participants.append(Participant.of(ctx.countries[p.id]))
        elif p.kind == "country":
            from ..resources.countries import load_countries as _lc

            participants.append(Participant(id=f"country:{p.id}", name=_lc().name(p.id), kind="country", country=p.id))
    sentences = {}
    for r in group:
        for s in [r.sentence, *r.extra_sentences]:
            text = doc_text(s.doc)[s.start_char:s.end_char]  # (= s.text, not rebuilt from its tokens)
            lead = len(text) - len(text.lstrip())
            body = text.strip()
            sentences[s.start_char] = Mention(s.start_char + lead, s.start_char + lead + len(body), body)
    triggers = sorted({(r.trigger.start_char, r.trigger.end_char): Mention(r.trigger.start_char, r.trigger.end_char,
                                                                           r.trigger.text) for r in group}.values(),
                      key=lambda m: m.start)
    # the source of the statement that dates the event; for an undated one, the first source given
    carriers = [r for r in group if date is not None and r.date is not None and r.date.value == date.value] or group
    attribution = next((r.attribution for r in carriers if r.attribution), None)
    host = next((r.host for r in group if r.host), None)
    initiator = next((r.initiator for r in group if r.initiator), None)
    if host and not host.startswith("country:") and host not in ctx.people:
        host = f"country:{host}"
    ids = sorted(p.id for p in participants)
    status = merged_status(r.status for r in group)
    digest = hashlib.sha1("|".join([*ids, ctype, status, date.value if date else ""]).encode()).hexdigest()[:12]
    return Contact(id=f"contact:{digest}", type=ctype, participants=participants, status=status, date=date,
                   attribution=attribution, evidence=[sentences[k] for k in sorted(sentences)], triggers=triggers,
                   initiator=initiator if ctype == "visit" else None, host=host if ctype == "visit" else None)
