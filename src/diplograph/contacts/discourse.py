"""Dates a contact takes from the sentences before it.

A contact whose own clause names no date may still be dated by what came before
(``data/discourse_dates.jsonl``):

- an anaphoric day ("Later in the day, ...", "A day earlier, ...", "Four days later, ...", "the next day")
  counts from the last day-precise date before its sentence;
- a definite event it belongs to ("Ahead of the ceremony, ...", "chaired the meeting, which brought
  together ...", "on the sidelines of the summit") takes the date of the last earlier mention of an event
  of that kind (a meeting, a summit, a signing; a call);
- a narrative continuation ("Trump then called Zelenskiy") takes the date of the last dated event;
- so does a pronoun that continues the subject of the sentence just before, in the simple past ("X
  conducted intense diplomacy on April 17-19. He held phone calls with A and B"), and a plan whose
  subject (a pronoun, "the Prime Minister") continues the dated plan of the sentence just before ("On
  Saturday, X will meet A. He will also meet B").

Anchors are looked for in the :data:`WINDOW` sentences before the contact's own, nearest first: further
back, the thread of a news story has usually moved on.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..dates.resolve import month_value, week_value
from ..types import TimeValue
from .lexicon import date_vocabulary
from .rules import ContactRules, current

__all__ = ["DiscourseCues", "discourse_dates", "load_discourse_cues", "simple_past", "subject_person"]

WINDOW = 4
PLAN_WINDOW = 6  # a programme of plans is told at more length: quotes and background come between its items
_DETERMINERS = {"the", "that", "this"}
_BOUNDS = {"since", "until", "till", "by"}


@dataclass(frozen=True)
class DiscourseCues:
    phrases: tuple[tuple[tuple[str, ...], int, bool], ...]  # words, offset in days, must end the phrase
    units: dict[str, int]
    directions: dict[str, int]
    numbers: dict[str, int]
    continuation: frozenset[str]
    event_nouns: dict[str, frozenset[str]]  # noun -> the classes of event it may name
    event_verbs: dict[str, frozenset[str]]  # class -> verb lemmas that report such an event
    preps: frozenset[str]
    starts: frozenset[str]  # words that can begin an anaphoric day (a quick test before matching)
    topic_verbs: frozenset[str] = frozenset()  # "discussed a possible meeting": the talk's date is not the meeting's
    vague_times: tuple[tuple[str, ...], ...] = ()  # "in the near future": the text gives no time, on purpose


def load_discourse_cues() -> DiscourseCues:
    """The discourse cues of the active rules (:func:`.rules.current`)."""
    return current().derived("discourse_dates", _build_discourse_cues)


def _build_discourse_cues(rules: ContactRules) -> DiscourseCues:
    phrases, units, directions, continuation, nouns, verbs, preps, topic = [], {}, {}, set(), {}, {}, set(), set()
    vague: list[tuple[str, ...]] = []
    for r in rules.rows("discourse_dates"):
        kind = r["kind"]
        if kind == "day_phrase":
            phrases.append((tuple(r["phrase"].split()), int(r["offset"]), bool(r.get("final"))))
        elif kind == "unit":
            units[r["word"]] = int(r["days"])
        elif kind == "direction":
            directions[r["word"]] = int(r["sign"])
        elif kind == "continuation":
            continuation.update(r["words"])
        elif kind == "event_class":
            for n in r["nouns"]:
                nouns[n] = nouns.get(n, frozenset()) | {r["class"]}
            verbs[r["class"]] = frozenset(r["verbs"])
        elif kind == "event_preps":
            preps.update(r["words"])
        elif kind == "topic_verbs":
            topic.update(r["words"])
        elif kind == "vague_times":
            vague.extend(tuple(w.split()) for w in r["words"])
    numbers = dict(date_vocabulary().numbers)  # ("a" = "an" = "one" = 1, "two" = 2 ...)
    phrases.sort(key=lambda p: -len(p[0]))  # longest first: "later that day" before "that day"
    starts = frozenset({p[0][0] for p in phrases} | set(numbers))
    return DiscourseCues(tuple(phrases), units, directions, numbers, frozenset(continuation), nouns, verbs,
                         frozenset(preps), starts, frozenset(topic), tuple(vague))


def _day(value: TimeValue | None) -> dt.date | None:
    if value is None or value.granularity != "day" or not value.start_date:
        return None
    return dt.date.fromisoformat(value.start_date)


def _shifted(anchor: TimeValue, days: int, span: Span) -> TimeValue:
    day = (_day(anchor) + dt.timedelta(days=days)).isoformat()
    return TimeValue.of_day(span.text, span.start_char, span.end_char, day)


def _reaches(tok: Token, chain_ids: set[int], steps: int = 4) -> bool:
    """``tok`` modifies the contact's clause: its heads reach the chain before another verb."""
    t = tok
    for _ in range(steps):
        if t.i in chain_ids:
            return True
        if t.head == t or (t != tok and t.pos_ in ("VERB", "AUX")):
            return False
        t = t.head
    return t.i in chain_ids


class _Anchors:
    """Day-precise dates of the document by position, with the sentence they are in."""

    def __init__(self, ctx, dates: list[tuple[Span, TimeValue]]) -> None:
        self.ctx = ctx
        self.items: list[tuple[int, TimeValue]] = []
        for span, value in dates:
            head = span.root.head
            if head.dep_ == "prep" and head.lower_ in _BOUNDS | {"before", "after"} and span.root.dep_ == "pobj":
                continue  # a bound, not an event's day
            if _day(value) is not None:
                self.items.append((span.start, value))
        self.items.sort(key=lambda x: x[0])

    def add(self, position: int, value: TimeValue) -> None:
        bisect.insort(self.items, (position, value), key=lambda x: x[0])

    def last_before(self, position: int) -> TimeValue | None:
        """The last anchor before ``position`` ("on Monday ... later the same day"), at most WINDOW
        sentences back."""
        k = bisect.bisect_left([p for p, _ in self.items], position)
        if k == 0:
            return None
        where, value = self.items[k - 1]
        return value if self.ctx.sent_index[position] - self.ctx.sent_index[where] <= WINDOW else None


def _day_phrase(sent: Span, chain_ids: set[int], words: list[str], cues: DiscourseCues,
                anchors: _Anchors) -> TimeValue | None:
    doc = sent.doc
    starts = cues.starts
    for k in range(len(words)):
        if words[k] not in starts and not words[k].isdigit():
            continue
        found = None
        for phrase, offset, final in cues.phrases:
            n = len(phrase)
            if tuple(words[k:k + n]) == phrase:
                nxt = doc[sent.start + k + n] if sent.start + k + n < sent.end else None
                if final and nxt is not None and nxt.pos_ in ("DET", "NOUN", "PROPN", "NUM", "ADJ", "PRON"):
                    continue  # "the day before the summit": dated by the summit, not by the story
                found = (n, offset)
                break
        if found is None and k + 2 < len(words) and words[k + 1] in cues.units and words[k + 2] in cues.directions:
            number = cues.numbers.get(words[k]) or (int(words[k]) if words[k].isdigit() else None)
            if number:  # "four days later", "a week earlier"
                found = (3, number * cues.units[words[k + 1]] * cues.directions[words[k + 2]])
        if found is None:
            continue
        n, offset = found
        span = doc[sent.start + k:sent.start + k + n]
        anchor = anchors.last_before(span.start)
        if anchor is None and offset == 0 and doc._.published:  # "earlier in the day" with no day before it:
            anchor = TimeValue.of_day(span.text, span.start_char, span.end_char, doc._.published)  # the report's
        if anchor is not None and any(_reaches(t, chain_ids) for t in span
                                      if t.head.i < span.start or t.head.i >= span.end):
            return _shifted(anchor, offset, span)
    return None


def _verb_of(tok: Token) -> Token:
    """The verb a trigger word belongs to (itself, if a verb)."""
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head != t:
        t = t.head
    return t


def _own_clause(tok: Token) -> list[Token]:
    """The trigger and the verbs of its own clause: "talks" in "held talks", "received" and "held" in
    "received X and later held a meeting"; not the verbs of a clause the trigger is only mentioned in
    ("took part in the spirit of the phone call")."""
    own, t = [tok], tok
    while t.pos_ not in ("VERB", "AUX") and t.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "conj", "appos") \
            and t.head != t:
        t = t.head
        own.append(t)
    while t.pos_ in ("VERB", "AUX") and t.dep_ in ("conj", "xcomp") and t.head != t:
        t = t.head
        own.append(t)
    return own


def _event_nouns(tok: Token, cues: DiscourseCues) -> list[Token]:
    """Definite event nouns the contact belongs to: itself ("the talks"), the noun its clause describes
    ("the meeting, which brought together"), or one its clause is set at ("ahead of the ceremony")."""
    def definite(n: Token) -> bool:
        return (n.lemma_.lower() in cues.event_nouns or n.lower_ in cues.event_nouns) and n.pos_ in ("NOUN", "PROPN") \
            and any(c.dep_ == "det" and c.lower_ in _DETERMINERS for c in n.children) \
            and not any(c.dep_ == "prep" and c.lower_ in ("between", "with") for c in n.children)

    found = []
    if definite(tok):
        found.append(tok)
    if tok.dep_ in ("relcl", "acl") and definite(tok.head):
        found.append(tok.head)
    for t in _own_clause(tok):
        for prep in t.children:
            if prep.dep_ not in ("prep", "advmod") or prep.lower_ not in cues.preps:
                continue
            stack = [(prep, 0)]
            while stack:  # "on the sidelines of the summit", "ahead of the ceremony"
                p, depth = stack.pop()
                for c in p.children:
                    if c.dep_ in ("pobj", "pcomp") and definite(c):
                        found.append(c)
                    elif c.dep_ in ("pobj", "prep", "pcomp") and depth < 3 and c.pos_ in ("NOUN", "ADP", "ADV"):
                        stack.append((c, depth + 1))
    return found


def _event_date(nouns: list[Token], sent: Span, ctx, cues: DiscourseCues,
                date_of: Callable[[Token], TimeValue | None], known: dict[int, TimeValue]) -> TimeValue | None:
    here = ctx.sent_index[sent.start]
    for noun in nouns:
        kinds = cues.event_nouns.get(noun.lemma_.lower()) or cues.event_nouns[noun.lower_]
        verbs = set().union(*(cues.event_verbs[k] for k in kinds))
        for k in range(here - 1, max(-1, here - 1 - WINDOW), -1):
            previous = ctx.sents[k]
            for t in reversed(previous):
                if (t.pos_ in ("NOUN", "PROPN") and kinds & cues.event_nouns.get(t.lower_, cues.event_nouns.get(
                        t.lemma_.lower(), frozenset()))) or (t.pos_ == "VERB" and t.lemma_.lower() in verbs):
                    value = known.get(t.i) or date_of(t)  # (a contact's date, as from a lede)
                    if value is not None:
                        return value
    return None


def simple_past(verb: Token) -> bool:
    """A verb in the simple past, active or passive ("called", "was greeted by"; also a participle standing
    alone with a subject, as the tagger sometimes reads a past)."""
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ != "VBN":
        return False
    if any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children):
        return not any(c.dep_ == "aux" for c in verb.children)
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and any(c.dep_ == "nsubj" for c in verb.children)


_PRONOUNS = {"he", "she"}


def _continued(r, chain: list[Token], ctx, date_of: Callable[[Token], TimeValue | None]) -> TimeValue | None:
    """"X conducted intense diplomacy on April 17-19. He held phone calls with A and B": a contact told in
    the simple past by a pronoun that continues the subject of the sentence just before takes that
    sentence's date."""
    verb = next((t for t in chain if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or not simple_past(verb) or not any(
            c.dep_ == "nsubj" and c.lower_ in _PRONOUNS for c in verb.children):
        return None
    k = ctx.sent_index[r.trigger.start]
    if k == 0:
        return None
    prev = ctx.sents[k - 1]
    root = prev.root
    subjects = {ctx.person_of.get(t.i) for c in root.children if c.dep_ == "nsubj" for t in c.subtree} - {None}
    if len(subjects) != 1 or not subjects <= {p.id for p in r.parties} or not simple_past(root):
        return None
    return date_of(root)


def subject_person(verb: Token, ctx) -> str | None:
    """The one person who is the subject of ``verb``: named, a pronoun or a bare definite title standing for
    one ("Park", "he", "the Prime Minister"); a conjoined verb's is that of the verb it is joined to."""
    while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
    for c in verb.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if c.lower_ in _PRONOUNS:
            return ctx.person_of.get(c.i) or ctx.resolve_pronoun(c, set())
        ids = {ctx.person_of[t.i] for t in c.subtree if t.i in ctx.person_of}
        if len(ids) == 1 and not any(t.dep_ == "conj" for t in c.subtree):
            return next(iter(ids))
        first = [ctx.person_of[t.i] for t in c.subtree if t.i in ctx.person_of and t.i <= c.i]
        if first and any(t.dep_ == "conj" and t.head.i == c.i for t in c.subtree):
            return first[-1]  # "The President and Zelenskyy also spoke with X": the first conjunct carries on
    return None


def _continued_plan(r, chain: list[Token], ctx, raws: list) -> TimeValue | None:
    """"On Saturday, Modi will meet Sunak. He will also hold talks with Meloni": a plan whose subject continues
    that of a dated plan in the sentences just before (the nearest) takes that plan's date."""
    verb = next((t for t in chain if t.pos_ in ("VERB", "AUX")), None)
    who = subject_person(verb, ctx) if verb is not None else None
    k = ctx.sent_index[r.trigger.start]
    if who is None or k == 0 or who not in {p.id for p in r.parties}:
        return None
    for back in range(k - 1, max(-1, k - 1 - PLAN_WINDOW), -1):
        prev = ctx.sents[back]
        plans = [x for x in raws if prev.start <= x.trigger.start < prev.end and x.status in ("planned", "possible")
                 and who in {p.id for p in x.parties}]
        days = {x.date.value: x.date for x in plans if x.date is not None}
        if plans:  # (the dated plans of that sentence agree on one date)
            return next(iter(days.values())) if len(days) == 1 else None
    return None


_RANGE_LINKS = {"to", "through", "until", "till", "-", "–", "—"}
_DAY_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def range_end(first: TimeValue, dates: list[tuple[Span, TimeValue]], ctx: DocContext) -> TimeValue | None:
    """The last day of a span of days that ``first`` opens ("from October 31 to November 5", "May 17-18",
    "a three-day visit on Monday"), or None when it stands alone."""
    if first.granularity != "day" or not first.start_date:
        return None
    start = dt.date.fromisoformat(first.start_date)
    m = re.search(r"\b(\d{1,2})\s*[-–]\s*(\d{1,2})\b", first.text)  # "May 17-18", "17-18 May"
    if m and start.day == int(m.group(1)) < int(m.group(2)):
        try:
            return TimeValue.of_day(first.text, first.start, first.end, start.replace(day=int(m.group(2))).isoformat())
        except ValueError:
            return None
    here = next((span for span, value in dates if value.start == first.start), None)
    if here is None:
        return None
    days = re.search(r"\b(two|three|four|five|six|seven|[2-7])-day\b", ctx.sent(here[0]).text.lower())
    if days:
        n = _DAY_COUNTS.get(days.group(1)) or int(days.group(1))
        return TimeValue.of_day(first.text, first.start, first.end, (start + dt.timedelta(days=n - 1)).isoformat())
    if here.end >= len(ctx.doc) or ctx.doc[here.end].lower_ not in _RANGE_LINKS:
        return None
    last = next((value for span, value in dates if span.start == here.end + 1), None)
    if last is None or last.granularity != "day" or not last.start_date or not first.start_date < last.start_date:
        return None
    return last


def span_cover(first: TimeValue, last: TimeValue) -> TimeValue | None:
    """The ISO week, else the month, that holds the days from ``first`` to ``last``; None if neither does."""
    a, b = dt.date.fromisoformat(first.start_date), dt.date.fromisoformat(last.start_date)
    if a.isocalendar()[:2] == b.isocalendar()[:2]:
        return week_of(first)
    if (a.year, a.month) == (b.year, b.month):
        value, granularity, start, end = month_value(a.year, a.month)
        return TimeValue(text=first.text, start=first.start, end=first.end, value=value, granularity=granularity,
                         start_date=start, end_date=end)
    return None


def within_span(value: TimeValue, dates: list[tuple[Span, TimeValue]], ctx: DocContext) -> TimeValue | None:
    """``value`` as the date of what happens during it: a span of days gives its week or month (None when
    neither holds it); a single day stays itself."""
    last = range_end(value, dates, ctx)
    return value if last is None else span_cover(value, last)


def week_of(day: TimeValue) -> TimeValue:
    """The ISO week of a day-precise date (:func:`..dates.resolve.week_value`), keeping its text and offsets."""
    value, granularity, start, end = week_value(dt.date.fromisoformat(day.start_date))
    return TimeValue(text=day.text, start=day.start, end=day.end, value=value, granularity=granularity,
                     start_date=start, end_date=end)


def discourse_dates(raws: list, ctx, dates: list[tuple[Span, TimeValue]],
                    chain_of: Callable[[Token], list[Token]],
                    date_of: Callable[[Token], TimeValue | None]) -> None:
    """Date, in place, the contacts of ``raws`` that have no date of their own from the discourse.

    ``chain_of(token)`` gives the words of a trigger's clause (the trigger and the verbs above it);
    ``date_of(token)`` the date that clause states, if any.
    """
    cues = load_discourse_cues()
    anchors = _Anchors(ctx, dates)
    for r in raws:
        if _day(r.date) is not None:
            anchors.add(r.trigger.start, r.date)
    seen: set[frozenset[str]] = set()
    for r in sorted(raws, key=lambda x: x.trigger.start):
        parties = frozenset(p.id for p in r.parties)
        told = parties in seen  # an earlier dated report of these parties: merging dates it, not the discourse
        if r.date is not None:
            seen.add(parties)
        tok = r.trigger[0]
        sent = ctx.sent(tok)
        if r.date is not None:
            if r.date.granularity == "day":  # "On Dec 8 he received A and four days later, he received B"
                value = _day_phrase(sent, {tok.i, _verb_of(tok).i}, ctx.words(sent), cues, anchors)
                if value is not None:
                    r.date = value
            elif r.date.granularity in ("week", "month") and r.date.start_date:  # "earlier this week ..., where
                chain = chain_of(tok)                                           # he met X later the same day"
                value = _day_phrase(sent, {t.i for t in chain}, ctx.words(sent), cues, anchors)
                if value is not None and r.date.start_date <= value.start_date <= r.date.end_date:
                    r.date = value
            continue
        chain = chain_of(tok)
        last = anchors.last_before(sent.start)
        value = _day_phrase(sent, {t.i for t in chain}, ctx.words(sent), cues, anchors)
        if value is None and not told and r.status != "denied":  # (a denial is seldom of one day's event)
            known = {x.trigger.start: x.date for x in raws if x.date is not None}
            value = _event_date(_event_nouns(tok, cues), sent, ctx, cues, date_of, known)
        if value is None and not told and r.status == "occurred" and last is not None and any(
                c.dep_ == "advmod" and c.lower_ in cues.continuation for t in chain if simple_past(t)
                for c in t.children):
            value = last  # "Trump then called Zelenskiy" (past tense: "Xi then heads to Serbia" is a plan)
        if value is None and not told and r.status == "occurred":
            value = _continued(r, chain, ctx, date_of)
        if value is None and not told and r.status == "planned":
            value = _continued_plan(r, chain, ctx, raws)
        if value is not None:
            value = within_span(value, dates, ctx)  # what happens during "a visit from 17 to 18 May"
        if value is not None:
            r.date = value
            if _day(value) is not None:
                anchors.add(r.trigger.start, value)
