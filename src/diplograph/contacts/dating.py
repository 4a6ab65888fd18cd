"""The one dating policy: which date a contact takes.

A contact takes, in this order, the first of these that the text gives safely:

1. **its own clause**: the temporal expression hanging from the trigger or the verbs above it
   (:func:`date_for`; "met on Monday"), the occasion a "where/when" clause hangs from
   (:func:`occasion_date`; "visited Kyiv on Tuesday, where he met ..."), a day relative to another
   contact ("a day after he spoke to ...", :func:`relative_dates`), and the news of the day told in the
   present perfect, "just" done or by the lead sentence (:func:`perfect_today`, :func:`lede_today`); a date
   reaches the contact through an event's own clause ("at the summit, which will be held on ...") and a
   received guest's arrival ("received X, who arrived on Nov 28"), not through what was discussed
   ("discussed a possible meeting during their call this week": the call's date);
2. **the discourse before it**: the round-up it names a counterpart of ("phoned several leaders
   today", then "the calls from A, B and C": :mod:`.roundups`), an anaphoric day ("later in the day"),
   the definite event it belongs to ("on the sidelines of the summit"), a narrative "then"
   (:mod:`.discourse`);
3. **another report of the same event** in the text (the merge: :mod:`.merge`), and **the subject's
   thread**: a contact told in the simple past takes the date of its subject's last dated contact in the
   sentences just before ("Before the close yesterday, X held talks with several leaders. X met A and B":
   :func:`thread_dates`);
4. **the article's news date**: a contact told without a date in the body of an article whose lead gives
   the day of its news takes that day ("on Sunday made phone calls with his counterparts in ...", then
   "he made separate phone calls with ...": :func:`news_dates`), unless its clause marks it as
   background (a past perfect, "previously", "last", frequency words) or its sentence names another time.
   Only what happened (news of that day or before it) and what is planned (news of that day or after it):
   a rumour or a denial is seldom of one day. An article that names no time at all tells the news of its
   publication day (:func:`undated_news`).

Otherwise the date is ``None``: the text gives none.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span, Token

from ..extensions import SPANS_DATES
from ..types import TimeValue
from .discourse import (discourse_dates, load_discourse_cues, range_end, simple_past, span_cover, subject_person,
                        week_of)
from .lexicon import attendance_cues, date_vocabulary
from .participants import AGENDA_NOUNS, DocContext, Party, told_in_clause
from .raw import GRANULARITY_RANK, RawContact
from .same_event import compatible_types
from .status import STOP_PREPS, clause_chain, load_cues

__all__ = ["date_contacts", "date_for", "interleaved_dates", "occasion_date", "perfect_today", "lede_today", "relative_dates",
           "news_dates", "plans_ahead", "FREQUENCY"]


def interleaved_dates(guests: list[Party], dates: list[tuple[Span, TimeValue]], sent: Span) -> dict[str, TimeValue]:
    """"met A on Monday and B on Tuesday": each guest takes the date between it and the next guest."""
    in_sent = sorted(((s.start, v) for s, v in dates if sent.start <= s.start < sent.end), key=lambda x: x[0])
    order = sorted(guests, key=lambda p: p.token)
    if len(in_sent) < 2 or len(order) < 2:
        return {}
    out = {}
    for k, g in enumerate(order):
        nxt = order[k + 1].token if k + 1 < len(order) else sent.end
        between = [v for start, v in in_sent if g.token < start < nxt]
        if len(between) != 1:
            return {}
        out[g.id] = between[0]
    return out


def contact_clause(tok: Token, cues, ctx: DocContext) -> tuple[list[Token], Token | None]:
    """The words whose tense, cues and dates are a contact's: the trigger, the relative clause that
    tells it ("the call he had on Monday with X"), then the words above it up to a reporting verb
    (:func:`.status.clause_chain`); and that reporting verb."""
    chain, reporter = clause_chain(tok, cues)
    told = told_in_clause(tok, ctx) if tok.pos_ in ("NOUN", "PROPN") else None
    if told is not None and told.tag_ == "VBD" and not any(c.dep_ in ("aux", "neg") for c in told.children):
        return [tok, told], reporter  # "could you tell us about the meetings you had today": they happened
    if told is not None:
        chain.insert(1, told)
    return chain, reporter


def _telling_date(span: Span, tok: Token) -> bool:
    """Does the date follow a reporting verb ("said on Tuesday", "announced Monday", "told reporters on
    Friday")? Then it is the telling's, whatever the parse."""
    doc = span.doc
    k = span.start - 1
    if k >= 0 and doc[k].lower_ == "on":
        k -= 1
    if k < 0:
        return False
    before = doc[k]
    verb = before.head if before.dep_ in ("dobj", "dative") and before.head.i < before.i else before
    if verb.i == tok.i or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in load_cues().reporting:
        return False
    t = tok  # the contact is what is said ("said on Tuesday she would meet X"), not its setting ("said on
    while t.head != t and t.i != verb.i:  # Monday after their call": then the day is the call's too)
        if t.dep_ == "ccomp" and t.head.i == verb.i:
            return True
        t = t.head
    return False


def date_for(tok: Token, chain: list[Token], dates: list[tuple[Span, TimeValue]],
              people: frozenset[int] | set[int] = frozenset(), sent: Span | None = None) -> TimeValue | None:
    """The temporal expression of the sentence that hangs from the trigger or the verbs above it."""
    sent = sent if sent is not None else tok.sent
    chain_ids = {t.i: k for k, t in enumerate(chain)}
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and len(chain) > 1 \
            and tok.head.lemma_.lower() in load_discourse_cues().topic_verbs:
        chain_ids = {tok.i: 0}  # "discussed a possible meeting during their call this week": the call's date
    counted = any(c.dep_ in ("amod", "nummod") and _ORDINAL.match(c.lower_) for c in tok.children)
    bracket = _bracket_of(tok, sent)
    if bracket is not None and any(bracket[0] < s.start and s.end <= bracket[1] for s, _ in dates):
        sent = tok.doc[bracket[0] + 1:bracket[1]]  # "(on Friday there will be a meeting between X and Y)"
    best, best_score = None, None
    for span, value in dates:
        if span.start < sent.start or span.end > sent.end:
            continue
        if counted and _SPAN_OF_TIME.match(span.text.lower()):
            continue  # "the eighth meeting between them in two years": how long, not when
        if span.root.head.dep_ == "prep" and span.root.head.lower_ in ("since", "until", "till", "before", "after") \
                and span.root.dep_ == "pobj":
            continue  # "have spoken several times since January": a bound, not the contact's date
        if _telling_date(span, tok):
            continue  # "said on Tuesday she would meet X next week", though parsed under "meet"
        t = span.root
        steps = 0
        preps = 0  # ("on Monday" is as near as "this week": a preposition is no step away)
        score = None
        while True:
            if t.i in chain_ids:
                score = (chain_ids[t.i], steps - preps)
                break
            if t.head == t or steps > 10:
                break
            # a date in another clause ("Putin, who announced on Friday ..., briefed Sisi") or in an
            # adjunct about another event ("he will meet X, after a call on Thursday") is not ours
            agenda = t.head.lemma_.lower() in AGENDA_NOUNS  # "Lula's schedule published for Sunday (21)"
            held = t.dep_ in ("relcl", "acl") and (
                (t.lemma_.lower() in _HELD and t.head.lemma_.lower() in attendance_cues()["event_nouns"])
                or (t.lemma_.lower() in _ARRIVING and t.head.i in people and t.head.dep_ in ("dobj", "pobj")
                    and value.granularity == "day"))  # (the guest received, not "X, who landed on Thursday, met")
            # ("the summit, which will be held on ...", "received Sultan X, who arrived in Malaysia on Nov 28")
            if steps > 0 and t.pos_ in ("VERB", "AUX") and t.i not in chain_ids and not (t.dep_ == "acl" and agenda) \
                    and not held and t.i not in people:  # (a name the tagger took for a verb: "PM Modi on Sunday held")
                break
            if t.dep_ == "prep" and t.lower_ in STOP_PREPS and t.i not in chain_ids and steps > 1:
                break  # (steps > 1: "since November" is the date's own preposition)
            if t.dep_ == "prep" and (t.lower_ == "besides" or (t.lower_ == "from" and t.head.lower_ in ("apart", "aside"))) \
                    and t.i not in chain_ids:
                break  # "apart from his meeting with X on Monday, he will confer with Y": another event's date
            if steps > 0 and t.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "csubj") and t.head.i in chain_ids \
                    and t.i not in people and t.lemma_.lower() not in AGENDA_NOUNS:
                break  # inside what was discussed: "discussed interference in the 2016 election"
            if t.dep_ == "prep" and steps > 0:
                preps += 1
            t = t.head
            steps += 1
        if score is None and tok.i <= span.start and span.root.head.i == tok.i:
            score = (0, 0)
        if score is not None:
            # nearest first; on a tie the more precise ("earlier this week ... on Monday": Monday)
            score = (*score, GRANULARITY_RANK.get(value.granularity, 9))
            if best_score is None or score < best_score:
                best, best_score = value, score
    return best


def _bracket_of(tok: Token, sent: Span) -> tuple[int, int] | None:
    """The (opening, closing) token indices of the brackets ``tok`` stands in within its sentence."""
    doc = tok.doc
    opening = next((i for i in range(tok.i - 1, sent.start - 1, -1) if doc[i].text in "()"), None)
    closing = next((i for i in range(tok.i + 1, sent.end) if doc[i].text in "()"), None)
    if opening is None or closing is None or doc[opening].text != "(" or doc[closing].text != ")":
        return None
    return opening, closing


_ARRIVING = frozenset({"arrive", "land"})  # a guest's arrival: the day the guest is received
_HELD = frozenset({"hold", "take", "schedule", "set", "begin", "open", "convene", "run"})  # an event's own time
_ORDINAL = re.compile(r"^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(st|nd|rd|th))$")
_SPAN_OF_TIME = re.compile(r"^in (a|an|the last|the past|\w+) (days?|weeks?|months?|years?|decades?)$")


_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}


def relative_dates(raws: list[RawContact]) -> None:
    """"X's call with Y came a day after X spoke to Z": date the second contact from the first."""
    by_token = {r.trigger.start: r for r in raws}
    for r in raws:
        if r.date is not None:
            continue
        verb = r.trigger[0]
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
        if mark is None or verb.dep_ != "advcl":
            continue
        head = verb.head
        offset = None
        for ch in [*head.children, *verb.children, *mark.children]:  # "came two days after he spoke"
            if ch.dep_ == "npadvmod" and ch.lower_ in _UNITS:
                n = next((date_vocabulary().number(c.text)
                          for c in ch.children if c.dep_ in ("det", "nummod")), None)
                if n:
                    offset = n * _UNITS[ch.lower_] * (-1 if mark.lower_ == "after" else 1)
                    phrase = ch.doc[min(c.i for c in ch.subtree):mark.i + 1]
        if offset is None:
            continue
        anchor = next((by_token[t.i] for s in head.children if s.dep_ in ("nsubj", "nsubjpass")
                       for t in s.subtree if t.i in by_token), None)
        if anchor is None:
            continue
        # the anchor's date, or that of another report of the same event
        key = frozenset(p.id for p in anchor.parties)
        known = [x.date for x in [anchor, *raws] if x.date is not None and x.date.granularity == "day"
                 and x.date.start_date and frozenset(p.id for p in x.parties) == key and x.status == anchor.status]
        if not known:
            continue
        day = dt.date.fromisoformat(known[0].start_date) + dt.timedelta(days=offset)
        r.date = TimeValue.of_day(phrase.text, phrase.start_char, phrase.end_char, day.isoformat())


FREQUENCY = {"repeatedly", "often", "already", "ever", "never", "previously", "before", "frequently", "twice",
              "several", "many", "times", "regularly", "since", "once", "yet"}


def occasion_date(chain: list[Token], dates: list[tuple[Span, TimeValue]], ctx: DocContext) -> TimeValue | None:
    """The date of the occasion a "where"/"when" clause hangs from: "had visited Kyiv on Tuesday, where he
    met Zelensky"; "the last encounter was in 2000, when Clinton met Assad"."""
    for t in chain:
        if t.dep_ not in ("relcl", "advcl") or not any(c.lower_ in ("where", "when") for c in t.children):
            continue
        h = t.head
        for span, value in dates:
            if span.start <= h.i < span.end:
                return value  # the clause hangs from the date itself
        # a date on the event the place belongs to: "Monday's summit in Asuncion, where ..."
        n = h
        for _ in range(4):
            for span, value in dates:
                prep = span.root.head
                if prep.i == n.i and span.root.dep_ in ("poss", "npadvmod", "compound", "nmod") \
                        or (prep.dep_ == "prep" and (prep.head.i == n.i or (  # "held talks in 2019, when"
                            prep.head.dep_ == "dobj" and prep.head.head.i == n.i))):
                    return value
            if n.pos_ in ("VERB", "AUX") or n.head == n:
                break
            n = n.head
        v = h
        for _ in range(4):  # up to the verb of the occasion
            if v.pos_ in ("VERB", "AUX"):
                break
            v = v.head
        if v.pos_ in ("VERB", "AUX"):
            return date_for(v, [v], dates, ctx.person_of.keys(), ctx.sent(v))
    return None


def perfect_today(chain: list[Token], ctx: DocContext) -> TimeValue | None:
    """A contact reported in the present perfect without a date ("has held talks with", "have concluded"),
    or "just" done ("I just held a call with X"), is news of the day: the publication date (the dateline's,
    for "just"). Not with frequency words ("has repeatedly met")."""
    published = ctx.doc._.published
    if not published:
        return None
    for k, t in enumerate(chain[:2]):
        if k == 1 and chain[0].dep_ not in ("dobj", "nsubj", "nsubjpass"):
            return None  # only the contact's own verb: "has held talks", "the talks have concluded"
        if t.pos_ in ("VERB", "AUX") and t.tag_ == "VBD" and any(c.dep_ == "advmod" and c.lower_ == "just"
                                                               for c in t.children):
            day = getattr(ctx.doc._.dateline, "start_date", None) or published  # "I just held a call with X"
            return TimeValue.of_day(t.text, t.idx, t.idx + len(t.text), day)
        if t.pos_ not in ("VERB", "AUX") or t.tag_ != "VBN":
            continue
        if any(c.dep_ == "det" and c.lower_ == "no" for s_tok in t.children for c in s_tok.children):
            return None
        auxes = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in ("has", "have", "'ve") for a in auxes) and not any(a.tag_ == "MD" for a in auxes):
            if any(w.lower_ in FREQUENCY for w in t.sent) or any(c.dep_ == "neg" for c in t.children):
                return None
            verb = ctx.doc[min(a.i for a in auxes):t.i + 1]
            return TimeValue.of_day(verb.text, verb.start_char, verb.end_char, published)
        if t.tag_ == "VBN":
            return None
    return None


def lede_today(tok: Token, chain: list[Token], ctx: DocContext) -> TimeValue | None:
    """The lead sentence of a report states the news of the day: "Vladimir Putin and Joseph Biden held talks
    in Geneva." without a date is dated to the publication day (past tense, first sentence of the body)."""
    published = ctx.doc._.published
    if not published or ctx.lede is None or len(ctx.sents) < 3 or not _in_lede(ctx.sent(tok), ctx):
        return None  # (a sentence or two is a snippet, not an article with a lede)
    verbs = [t for t in chain if t.pos_ in ("VERB", "AUX")]
    if not verbs or verbs[0].tag_ != "VBD" or any(c.dep_ in ("aux", "neg") for c in verbs[0].children):
        return None
    if any(w in FREQUENCY or w in ("last", "first", "previously", "ago") for w in ctx.words(ctx.sent(tok))):
        return None
    sent = ctx.sent(tok)
    if any(sent.start <= s.start < sent.end for s in ctx.doc.spans.get(SPANS_DATES, [])):
        return None  # the sentence dates something: not a same-day lede
    return TimeValue.of_day(verbs[0].text, verbs[0].idx, verbs[0].idx + len(verbs[0].text), published)


def _when_told(span: Span) -> bool:
    """Is the date that of a telling ("told his press conference on Wednesday", "said on Monday")?"""
    t = span.root
    for _ in range(4):
        if t.head == t:
            return False
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t.lemma_.lower() in load_cues().reporting
    return False


def _in_lede(sent: Span, ctx: DocContext) -> bool:
    """Is ``sent`` the lede, or the sentence after a standfirst (a lede that names nobody and no time: "His
    Highness indicated that the Accords provide a framework")?"""
    if sent.start == ctx.lede:
        return True
    k = ctx.sent_index[ctx.lede]
    if k + 1 >= len(ctx.sents) or ctx.sents[k + 1].start != sent.start:
        return False
    lede = ctx.sents[k]
    return not any(lede.start <= i < lede.end for i in ctx.person_of) \
        and not any(lede.start <= d.start < lede.end for d in ctx.doc.spans.get(SPANS_DATES, []))


#: Words that set a contact in the background of the news: not the day the lead gives.
BACKGROUND = frozenset({"last", "first", "previously", "ago", "formerly", "past", "once", "earlier this year",
                        "recent", "recently", "since"})
LEAD_SENTENCES = 3  # the lead: the lede sentence and the two after it
NEWS_WINDOW_DAYS = 7  # the news of an article is of its week


def news_date(raws: list[RawContact], ctx: DocContext, dates: list[tuple[Span, TimeValue]],
              past: bool | None = None) -> TimeValue | None:
    """The day of the article's news: a day-precise date of its lead (the lede sentence and the two after it),
    a contact's or one the text states, within a week of the publication date; with ``past`` True, the
    latest on or before that date (the news of what happened; not the day something was said), with False,
    the first on or after it."""
    published = ctx.doc._.published
    if ctx.lede is None or not published:
        return None
    first = ctx.sent_index[ctx.lede]
    lead = ctx.sents[first:first + LEAD_SENTENCES]
    start, end = lead[0].start, lead[-1].end
    found = [(r.trigger.start, r.date) for r in raws if r.date is not None and start <= r.trigger.start < end]
    found += [(s.start, v) for s, v in dates if start <= s.start < end and not _when_told(s)]
    # (a quotation's "today" is the day it was said; what happened is the latest day of the lead, "arrived
    # last Friday ... met on Monday"; a plan the first)
    found = [f for f in found if not _quoted_today(f[1], ctx)]
    found.sort(key=lambda x: (x[1].start_date or "", -x[0]) if past else (x[0],), reverse=bool(past))
    day = dt.date.fromisoformat(published)
    for granularity in ("day", "week"):  # (a lead's "this weekend" when it names no day)
        for _, value in found:
            if value.granularity != granularity or not value.start_date:
                continue
            try:
                d = dt.date.fromisoformat(value.start_date)
                last = dt.date.fromisoformat(value.end_date or value.start_date)
            except ValueError:
                continue
            if granularity == "week" and not d <= day <= last:
                continue  # (only the week of the publication: "next week" is a plan's own date)
            if abs((d - day).days) <= NEWS_WINDOW_DAYS and (past is None or (d <= day if past else last >= day)):
                return value
    return None


def _background(r: RawContact, chain: list[Token], ctx: DocContext) -> bool:
    """Is the contact told as background: a past perfect, a word such as "previously", "last", or an event
    referred to as known ("discussed the spirit of the talks between X and Y")?"""
    tok = r.trigger[0]
    if tok.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these", "those")
                                  for c in tok.children) and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
        return True
    words = ctx.words(ctx.sent(tok))
    sequence = "first" in words and "then" in words  # "were to talk first, and then meet": an order, not a past
    if any(w in FREQUENCY or (w in BACKGROUND and not (sequence and w == "first")) for w in words) \
            and not _only_elsewhere(ctx.sent(tok), chain, tok):
        return True
    for t in chain:
        if t.pos_ in ("VERB", "AUX") and t.tag_ == "VBN" and any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in t.children):
            return True
    return False


_TIME_UNITS = frozenset({"week", "weeks", "month", "months", "year", "years", "day", "days", "time", "times",
                         "weekend", "occasion", "occasions"})


def _only_elsewhere(sent: Span, chain: list[Token], tok: Token) -> bool:
    """Do the sentence's background words all modify another thing than the contact ("calls on his victory
    in the recent election")? A word of the contact's clause, or of a time phrase in it, counts."""
    near = {t.i for t in chain} | {tok.i}
    for w in sent:
        if w.lower_ not in BACKGROUND and w.lower_ not in FREQUENCY:
            continue
        h = w.head
        if w.pos_ not in ("ADJ", "DET", "NUM") or h.i in near or h.pos_ in ("VERB", "AUX") \
                or (h.lower_ in _TIME_UNITS and h.head.i in near | {h.i}):
            return False
    return True


def _other_time(r: RawContact, news: TimeValue, dates: list[tuple[Span, TimeValue]], ctx: DocContext) -> bool:
    """Does the contact's sentence name a time that is not the news day?"""
    sent = ctx.sent(r.trigger[0])
    for span, value in dates:
        if sent.start <= span.start < sent.end:
            if not (value.start_date and value.end_date and news.start_date
                    and value.start_date <= news.start_date <= value.end_date):
                return True
    return False


def news_dates(raws: list[RawContact], ctx: DocContext, dates: list[tuple[Span, TimeValue]], chain_of) -> None:
    """Date, in place, the undated contacts of the article's news with the day its lead gives (step 4 of
    the policy). ``chain_of(token)`` gives the words of a trigger's clause."""
    # (what happened takes the lead's day on or before publication, a plan its day on or after it; a rumour
    # or a denial none)
    by_status = {"occurred": news_date(raws, ctx, dates, past=True), "planned": news_date(raws, ctx, dates, past=False)}
    ends = {status: range_end(news, dates, ctx) for status, news in by_status.items() if news is not None}
    published = ctx.doc._.published
    dated = {frozenset(p.id for p in r.parties) for r in raws if r.date is not None}
    for r in raws:
        news = by_status.get(r.status)
        if news is None or r.date is not None or frozenset(p.id for p in r.parties) in dated:
            continue  # (another report of the same people carries its date)
        if r.status == "planned" and news.start_date < published:
            continue
        if r.status == "occurred" and news.start_date > published:
            continue
        if _background(r, chain_of(r.trigger[0]), ctx) or _other_time(r, news, dates, ctx) or vaguely_timed(r, ctx):
            continue
        if r.status == "planned" and _sequenced(chain_of(r.trigger[0])):
            continue  # "Later, he will travel to Uruguay": after the news day's plan, not on it
        # (a plan told in the future on the day of the report is for a later day: the week of the news, not
        # its day; "they were to talk" tells the plan of that day)
        if ends.get(r.status) is not None:  # "a visit from October 31 to November 5": what happens during it
            r.date = span_cover(news, ends[r.status])  # is dated by the span, not its first day
            continue
        later = r.status == "planned" and news.start_date == published and not _told_in_past(chain_of(r.trigger[0])) \
            and not _names_day(r, news, dates, ctx)
        r.date = week_of(news) if later else news


THREAD_WINDOW = 4  # sentences back in which a subject's last dated contact is looked for


def thread_dates(raws: list[RawContact], ctx: DocContext, dates: list[tuple[Span, TimeValue]], chain_of,
                 date_of) -> None:
    """"Before the summit closed yesterday, X held talks with a host of leaders. X met A, B and C": a
    contact told in the simple past takes the date of its subject's last contact verb in the sentences just
    before it."""
    verbs = load_discourse_cues().event_verbs
    contact_verbs = frozenset().union(*verbs.values())
    known = {r.trigger.start: r.date for r in raws if r.date is not None}
    for r in sorted(raws, key=lambda x: x.trigger.start):
        if r.date is not None or r.status != "occurred":
            continue
        chain = chain_of(r.trigger[0])
        verb = next((t for t in chain if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or not simple_past(verb) or _background(r, chain, ctx):
            continue
        who = subject_person(verb, ctx)
        if who is None or who not in {p.id for p in r.parties}:
            continue
        value = _last_of_subject(who, verb, ctx, dates, contact_verbs, known, date_of)
        if value is not None and not _other_time(r, value, dates, ctx):
            r.date = value
            known[r.trigger.start] = value


def _only_day(sent: Span, dates: list[tuple[Span, TimeValue]]) -> TimeValue | None:
    """The one date a sentence names, when it names one day and nothing else ("Before the closing of the
    summit yesterday, X held talks with ...")."""
    found = [v for s, v in dates if sent.start <= s.start < sent.end]
    return found[0] if len(found) == 1 and found[0].granularity == "day" else None


def _last_of_subject(who: str, verb: Token, ctx: DocContext, dates, contact_verbs, known, date_of) -> TimeValue | None:
    """The date of the nearest dated contact verb before ``verb`` whose subject is ``who``, told in the simple
    past (undated ones and a headline's present are passed over; ``None`` at a plan or at a date that is not
    a day)."""
    here = ctx.sent_index[verb.i]
    for k in range(here, max(-1, here - 1 - THREAD_WINDOW), -1):
        for t in reversed(ctx.sents[k]):
            if t.i >= verb.i or t.pos_ != "VERB" or t.lemma_.lower() not in contact_verbs:
                continue
            if subject_person(t, ctx) != who:
                continue
            perfect = t.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in t.children)
            if t.tag_ in ("VBZ", "VBP") and not perfect:
                continue  # a headline's or a post's present ("PM holds talks with X")
            if not perfect and (t.tag_ != "VBD" or any(c.dep_ == "aux" for c in t.children)):
                return None  # a plan or a report of another kind: the thread is broken
            value = known.get(t.i) or next((known[c.i] for c in t.children if c.i in known), None) or date_of(t) \
                or (None if perfect else _only_day(ctx.sents[k], dates))  # ("X has arrived ... X was greeted by")
            if value is not None:
                return value if value.granularity == "day" else None
    return None


def undated_news(raws: list[RawContact], ctx: DocContext, chain_of) -> None:
    """An article that names no time at all tells the news of its publication day: what happened, told in
    the simple past and not as background, is dated to that day ("Ramaphosa has been in bilateral meetings
    all day. Earlier, he met Li Qiang")."""
    published = ctx.doc._.published
    if not published or len(ctx.sents) < 3:
        return
    for r in raws:
        if r.date is not None or r.status != "occurred":
            continue
        chain = chain_of(r.trigger[0])
        verb = next((t for t in chain if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or not simple_past(verb) or any(c.dep_ in ("aux", "neg") for c in verb.children) \
                or _background(r, chain, ctx):
            continue
        r.date = TimeValue.of_day(verb.text, verb.idx, verb.idx + len(verb.text), published)


def vaguely_timed(r: RawContact, ctx: DocContext) -> bool:
    """Is the contact told with a deliberately vague time ("in the near future", "soon") in its sentence?"""
    words = ctx.words(ctx.sent(r.trigger[0]))
    return any(tuple(words[i:i + len(p)]) == p for p in load_discourse_cues().vague_times
               for i in range(len(words)) if words[i] == p[0])


def _sequenced(chain: list[Token]) -> bool:
    """Is the clause told as coming after another ("later", "then", "afterwards")?"""
    words = load_discourse_cues().continuation | {"later"}
    return any(c.dep_ == "advmod" and c.lower_ in words for t in chain if t.pos_ in ("VERB", "AUX") for c in t.children)


def _names_day(r: RawContact, news: TimeValue, dates: list[tuple[Span, TimeValue]], ctx: DocContext) -> bool:
    """Does the contact's sentence name the news day itself ("will be meeting X ... on Friday eve")?"""
    sent = ctx.sent(r.trigger[0])
    return any(sent.start <= span.start < sent.end and value.granularity == "day"
               and value.start_date == news.start_date for span, value in dates)


def _told_in_past(chain: list[Token]) -> bool:
    """Is the clause's first verb in the past tense ("were to talk", "was scheduled to meet")?"""
    verbs = [t for t in chain if t.pos_ in ("VERB", "AUX")]
    for v in verbs[:3]:
        if v.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in v.children):
            return True
    return False


def plans_ahead(raws: list[RawContact], ctx: DocContext) -> None:
    """"came ahead of their scheduled meeting on Monday": a bare weekday of a plan whose noun says it is
    ahead ("scheduled", "upcoming") is the coming one, though a misattached past verb read it as the last."""
    published = ctx.doc._.published
    if not published:
        return
    words = date_vocabulary()
    ahead = words.words["future_nominal"]
    for r in raws:
        d = r.date
        if r.status != "planned" or d is None or d.granularity != "day" or not d.start_date \
                or d.text.lower().strip(" .,") not in words.weekdays or not d.start_date < published:
            continue
        if not any(c.dep_ in ("amod", "compound") and c.lower_ in ahead for c in r.trigger[0].children):
            continue
        day = (dt.date.fromisoformat(d.start_date) + dt.timedelta(days=7)).isoformat()
        if day >= published:
            r.date = TimeValue.of_day(d.text, d.start, d.end, day)


_QUOTED_DAYS = frozenset({"today", "tonight", "this morning", "this afternoon", "this evening", "earlier today"})


def _quoted_today(d: TimeValue | None, ctx: DocContext) -> bool:
    """Is ``d`` a "today" inside a quotation (the day the quote was said, not the article's)?"""
    if d is None or d.granularity != "day" or d.text.lower().strip(" ,.") not in _QUOTED_DAYS:
        return False
    span = ctx.doc.char_span(d.start, d.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and ctx.in_quote(span[0])


def _weak_day(d: TimeValue | None, ctx: DocContext, stated: set[tuple[int, int]]) -> bool:
    """Is ``d`` a day the text does not state for the contact: a quoted "today" or the publication day
    inferred from a lede or a present perfect ("have discussed")?"""
    if d is None or d.granularity != "day":
        return False
    return (d.start, d.end) not in stated or _quoted_today(d, ctx)


def weak_days(raws: list[RawContact], ctx: DocContext, dates: list[tuple[Span, TimeValue]]) -> None:
    """"'Today, X spoke with Y,' the White House said in a readout of Monday's call", or a lede's "X and Y
    have discussed ...", in an article of Tuesday: a day the text does not state for the contact
    (:func:`_weak_day`) yields to the day another report of the same contact states, up to two days off
    (the reports are then one event)."""
    stated = {(s.start_char, s.end_char) for s, _ in dates}
    for r in raws:
        if not _weak_day(r.date, ctx, stated):
            continue
        people = {p.id for p in r.parties}
        day = dt.date.fromisoformat(r.date.start_date)
        for o in raws:
            d = o.date
            if o is r or d is None or d.granularity != "day" or {p.id for p in o.parties} != people \
                    or o.status != r.status or not compatible_types(o.type, r.type, same_text=True) \
                    or _weak_day(d, ctx, stated) or d.start_date == r.date.start_date:
                continue
            if abs((dt.date.fromisoformat(d.start_date) - day).days) <= 2:
                r.date = d
                break


def date_contacts(raws: list[RawContact], ctx: DocContext) -> list[RawContact]:
    """Apply the dating policy (see the module docstring) to the contacts of a document, in place; the
    contacts' own clauses were read when they were found (step 1)."""
    cues = load_cues()
    chains: dict[int, list[Token]] = {}

    def chain_of(t: Token) -> list[Token]:  # (each step reads the same clauses: read each once)
        if t.i not in chains:
            chains[t.i] = contact_clause(t, cues, ctx)[0]
        return chains[t.i]

    plans_ahead(raws, ctx)
    relative_dates(raws)
    for r in raws:  # (after relative dates: "came a day after X spoke to Y" is not a lede)
        if r.date is None and r.status == "occurred":
            tok = r.trigger[0]
            r.date = lede_today(tok, chain_of(tok), ctx)
    for r in raws:
        if r.date is None and r.round_date is not None:
            r.date = r.round_date
    dates = [(s, s._.time_value) for s in ctx.doc.spans.get(SPANS_DATES, []) if s._.time_value is not None]
    people = ctx.person_of.keys()
    discourse_dates(raws, ctx, dates, chain_of, lambda t: date_for(t, chain_of(t), dates, people, ctx.sent(t)))
    thread_dates(raws, ctx, dates, chain_of, lambda t: date_for(t, [t], dates, people, ctx.sent(t)))
    news_dates(raws, ctx, dates, chain_of)
    weak_days(raws, ctx, dates)
    if not dates:
        undated_news(raws, ctx, chain_of)
    return raws
