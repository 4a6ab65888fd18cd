"""Who the text says is the source of a claim: "according to a report by Hürriyet", "Peskov said",
"the Prime Minister's Office said", "Turkish media reported".

The source is the subject of the nearest reporting verb above the contact (so "Peskov stated,
Caliber.Az reports" credits Peskov), else an "according to" phrase of the sentence. A person is named
canonically ("Dmitry Peskov"); a news outlet by its name; anything else by its noun phrase without
articles ("Turkish media", "the Kremlin" -> "Kremlin"). "The newspaper" and "the agency" point back to
the last outlet named.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..people.mentions import media_names
from ..resources.text import fold
from .participants import DocContext, np_parties

__all__ = ["attribution_of"]

_SOURCE_NOUNS = {"report", "reports", "source", "sources", "media", "newspaper", "paper", "agency", "outlet",
                 "statement", "readout", "official", "officials", "spokesman", "spokeswoman", "spokesperson",
                 "office", "ministry", "government", "presidency", "daily", "channel", "broadcaster", "website"}
_OUTLET_NOUNS = {"newspaper", "paper", "agency", "outlet", "daily", "channel", "broadcaster", "website"}
_DROP = {"the", "a", "an", "this", "that", "these", "those"}


def _media_in(tokens: list[Token]) -> str | None:
    media = media_names()
    words = [fold(t.text) for t in tokens]
    for n in (4, 3, 2, 1):
        for i in range(len(words) - n + 1):
            key = " ".join(w for w in words[i:i + n] if w)
            if key in media:
                return media[key]
    return None


def _last_outlet(ctx: DocContext, before: int) -> str | None:
    """The last news outlet named before token ``before`` ("the newspaper" points back to it)."""
    if ctx.outlets is None:  # found once per document
        media = media_names()
        ctx.outlets = [(i, media[w]) for i, w in enumerate(ctx.lowers) if w in media and ctx.doc[i].text[:1].isupper()]
    best = None
    for i, name in ctx.outlets:
        if i >= before:
            break
        best = name
    return best


def source_name(head: Token, ctx: DocContext) -> str | None:
    """A readable name for the noun phrase headed by ``head`` as a source."""
    people = np_parties(head, ctx, follow_conj=False)
    people = [p for p in people if p.kind == "person"]
    if people:
        person = ctx.people.get(people[0].id)
        return person.name if person else None
    if head.pos_ == "PRON":
        return None
    subtree = list(head.subtree)
    media = _media_in(subtree)
    if media:
        return media
    if head.lower_ in _OUTLET_NOUNS and any(c.lower_ in ("the", "this") for c in head.children):
        return _last_outlet(ctx, head.i)
    # "Reports in Turkish media", "a statement from Downing Street": the source is the inner phrase
    if head.lemma_ in ("report", "statement", "readout", "source") or head.lower_ in ("reports", "sources"):
        for ch in head.children:
            if ch.dep_ == "prep" and ch.lower_ in ("in", "from", "by", "of"):
                for g in ch.children:
                    if g.dep_ == "pobj":
                        inner = source_name(g, ctx)
                        if inner:
                            return inner
        if head.lower_ in ("sources",):
            return None
        prenominal = [t for t in subtree if t.i < head.i and t.dep_ in ("compound", "amod") and t.text[:1].isupper()]
        if prenominal:
            return " ".join(t.text for t in prenominal)
    words = [t for t in subtree if t.dep_ not in ("relcl", "acl", "punct") and t.lower_ not in _DROP]
    # keep the phrase up to its head plus "of"-complements ("the Prime Minister's Office")
    words = [t for t in words if t.i <= head.i or t.head.i <= head.i and t.dep_ in ("prep", "pobj")][:6]
    text = " ".join(t.text for t in words).replace(" 's", "'s").replace(" ’s", "’s").strip()
    if not text or not any(ch.isupper() for ch in text) and head.lower_ not in _SOURCE_NOUNS:
        return None
    return text


def attribution_of(trigger: Token, reporter: Token | None, ctx: DocContext) -> str | None:
    """The source of the claim that states the contact at ``trigger``, or None."""
    sent = ctx.sent(trigger)
    if reporter is not None:  # "X said"; not "is said to" (passive: no source given)
        subs = [c for c in reporter.children if c.dep_ == "nsubj"]
        if subs and subs[0].tag_ not in ("WP", "WDT"):
            name = source_name(subs[0], ctx)
            if name:
                return name
    words = ctx.words(sent)
    for k in (k for k, w in enumerate(words) if w == "according"):
        i = sent.start + k
        if i + 1 < len(ctx.doc) and ctx.lowers[i + 1] == "to":
            to = ctx.doc[i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if objs:
                name = source_name(objs[0], ctx)
                if name:
                    return name
    # "..., the newspaper reports." — a reporting verb at the root with the contact under a parataxis
    root = sent.root
    if root.lemma_ in _reporting() and reporter is None and _in_content(trigger, root):
        subs = [c for c in root.children if c.dep_ == "nsubj"]
        if subs and not any(t.i == trigger.i for t in subs[0].subtree):
            return source_name(subs[0], ctx)
    for ch in root.children:
        if ch.dep_ in ("parataxis", "ccomp") and ch.lemma_ in _reporting() and ch.i > trigger.i:
            subs = [c for c in ch.children if c.dep_ == "nsubj"]
            if subs:
                return source_name(subs[0], ctx)
    return None


def _in_content(tok: Token, verb: Token) -> bool:
    """Is ``tok`` in what ``verb`` reports (its clausal complement), not in an adjunct of it?"""
    t = tok
    while t.head != t and t.head.i != verb.i:
        t = t.head
    return t.head.i == verb.i and t.dep_ in ("ccomp", "xcomp", "parataxis", "dobj", "conj")


def _reporting() -> set[str]:
    from .status import load_cues

    return load_cues().reporting
