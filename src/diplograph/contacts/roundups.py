"""Round-ups: one person's contacts with counterparts that the text first names only as a group.

A readout announces the round ("Zelensky phoned several European leaders", "the Prime Minister has taken
a number of congratulatory calls from foreign leaders") and then names the counterparts ("he spoke with
the prime ministers of Britain, Greece and Albania", "the phone calls from A, B and C"). The named ones are
separate contacts of the announcer, one each, of the announced kind; never one call among all of them.

:func:`announcement` finds the announcing trigger; :func:`elaborate` applies a recent announcement to a
later trigger. The group nouns are data (``round_up_nouns`` in ``attendance.jsonl``).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..types import TimeValue
from .dating import contact_clause, lede_today
from .lexicon import attendance_cues
from .participants import DocContext, Party, np_parties, subjects_of
from .reading import contact_type, countable_plural, trigger_date

__all__ = ["RoundUp", "announcement", "elaborate", "ROUND_WINDOW"]

#: How many sentences after the announcement its counterparts may be named.
ROUND_WINDOW = 3

_QUANTITY = {"number", "series", "host", "round", "string", "couple", "flurry"}  # "a number of leaders"
_SPECIFIC = ("phone_call", "video_call")  # kinds a later "spoke with" takes over


@dataclass(frozen=True)
class RoundUp:
    """One person's contacts with a group of unnamed counterparts."""

    lead: Party
    type: str
    sentence: int  # index of the announcing sentence
    at: int  # token index of the announcing trigger
    date: TimeValue | None  # the announcing clause's date: the date of the contacts it announces


def announcement(tok: Token, ctype: str, subj: list[Party] | None, others: list[Party], cues,
                 dates: list[tuple[Span, TimeValue]], ctx: DocContext) -> RoundUp | None:
    """The round-up ``tok`` announces, if its counterpart is a plural group the text does not name
    ("phoned several leaders", "calls from foreign leaders"). ``subj`` is the trigger's reading of its
    subjects, or None when the rules did not read it (a verb that needs a person object)."""
    if any(p.kind == "person" for p in others) or not _group_counterpart(tok, ctx):
        return None
    head = tok
    if not subj:  # (a verb its rules did not read; "has taken a number of calls")
        head = tok if tok.pos_ in ("VERB", "AUX") else (_quantity_verb(tok) or tok)
        subj = [p for s in subjects_of(head) for p in np_parties(s, ctx)] if head.pos_ in ("VERB", "AUX") else []
    leads = [p for p in subj if p.kind == "person"]
    if len(leads) != 1:
        return None
    chain = contact_clause(head, cues, ctx)[0]
    date = trigger_date(head, chain, [], dates, ctx) or lede_today(head, chain, ctx)
    return RoundUp(leads[0], contact_type(tok, ctype, ctx), ctx.sent_index[tok.i], tok.i, date)


def _quantity_verb(noun: Token) -> Token | None:
    """The verb of "has taken a number of calls" for the noun "calls"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in _QUANTITY:
        verb = noun.head.head.head
        return verb if verb.pos_ in ("VERB", "AUX") else None
    return None


def _group_counterpart(tok: Token, ctx: DocContext) -> bool:
    """Is the trigger's object (or its "with"/"to"/"from" phrase) a plural noun of counterparts?"""
    nouns = attendance_cues()["round_up_nouns"]
    heads = [c for c in tok.children if c.dep_ == "dobj" and tok.pos_ in ("VERB", "AUX")]
    heads += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "to", "from")
              for g in c.children if g.dep_ == "pobj"]
    for h in heads:
        if h.lemma_.lower() in _QUANTITY:  # "a number of leaders"
            h = next((g for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"), h)
        if h.tag_ == "NNS" and h.lemma_.lower() in nouns \
                and not any(t.i in ctx.person_of or t.i in ctx.country_of for t in _own_words(h)):
            return True
    return False


def _own_words(noun: Token) -> list[Token]:
    """The words of a noun phrase without its examples ("world leaders, including his Afghan counterpart")."""
    out = [noun]
    for c in noun.children:
        if not (c.dep_ == "prep" and c.lower_ in ("including", "like")):
            out.extend(c.subtree)
    return out


def elaborate(tok: Token, ctype: str, subj: list[Party], others: list[Party], split: bool,
              rounds: list[RoundUp], ctx: DocContext) -> tuple[str, list[Party], bool, TimeValue | None] | None:
    """(type, subjects, split, date) for a trigger that names the counterparts of a recent round-up, or None.

    - "he spoke with A, B and C" after "he phoned several leaders": the announced kind of contact;
    - "the phone calls from A, B and C", a plural noun with no subject of its own: the announcer's
      separate contacts with each."""
    here = ctx.sent_index[tok.i]
    recent = [r for r in rounds if r.at < tok.i and 0 <= here - r.sentence <= ROUND_WINDOW]
    if not recent:
        return None
    r = recent[-1]
    date = next((x.date for x in reversed(recent) if x.lead.id == r.lead.id and x.date is not None), None)
    persons = [p for p in others if p.kind == "person" and p.id != r.lead.id]
    leads = [p for p in subj if p.kind == "person"]
    plural = countable_plural(tok)  # "calls", not "talks"
    if leads and [p.id for p in leads] == [r.lead.id] and persons:
        new = (r.type if ctype == "talks" and r.type in _SPECIFIC else ctype, split or (plural and len(persons) >= 2))
        return None if new == (ctype, split) else (new[0], subj, new[1], date)
    if not leads and len(persons) >= 2 and plural:
        return ctype, [r.lead], True, date
    return None
