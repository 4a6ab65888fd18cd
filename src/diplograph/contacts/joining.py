"""People who join a contact reported just before: "Erdoğan took part by phone", "X joined the king in
Riyadh", "Sybiha and Umerov are also at the table", "invited him to join the call"."""
from __future__ import annotations

from spacy.tokens import Token

from .groups import sentences_between
from .lexicon import co_presence_phrases
from .participants import DocContext, Party, dedupe_parties, is_leader_role, np_parties, subjects_of
from .raw import RawContact
from .reading import SPECIFIC
from .same_event import compatible_types

__all__ = ["remote_part", "join_people", "co_present", "join_reported", "join_definite"]


def remote_part(tok: Token, ctx: DocContext, previous: list[RawContact]) -> bool:
    """"Erdoğan took part by phone", "joined by video link": a remote participant of the meeting just
    reported (in this or the previous sentence)."""
    if tok.lemma_ == "take" and not any(c.dep_ == "dobj" and c.lower_ == "part" for c in tok.children):
        return False
    if any(c.dep_ in ("dobj",) and c.lower_ != "part" for c in tok.children):
        return False
    modes = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "via", "over")
             for g in c.children if g.dep_ == "pobj" and g.lower_ in ("phone", "telephone", "video", "link",
                                                                         "videoconference", "videolink")]
    if any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children) and not modes:
        return False  # "took part in the G20 summit": an event of its own (see join_reported)
    if not previous:
        return False
    who = [p for s_tok in subjects_of(tok) for p in np_parties(s_tok, ctx) if p.kind == "person"]
    if not who and tok.dep_ == "relcl" and tok.head.lower_ in ("those", "ones", "leaders") \
            and tok.head.dep_ == "pobj" and tok.head.head.lower_ == "among":
        # "Trump, Xi and Putin were among those who took part": the subject of "were among"
        who = [p for s_tok in subjects_of(tok.head.head.head) for p in np_parties(s_tok, ctx) if p.kind == "person"]
    if tok.dep_ in ("advcl", "pcomp", "acl"):  # "with Lavrov and Blinken taking part"
        who += [p for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for p in np_parties(c, ctx)
                if p.kind == "person"]
        if tok.dep_ == "pcomp":  # the parser may hang the first names on the preposition
            who += [p for c in tok.head.children if c.dep_ == "pobj" for p in np_parties(c, ctx)
                    if p.kind == "person"]
        who = dedupe_parties(who)
    last = previous[-1]
    if not who or ctx.sent(tok).start - last.sentence.start > 80 or last.type not in ("meeting", "talks", "visit", "video_call"):
        return False
    _add_to_last(who, tok, previous, ctx)
    return True


def _add_to_last(who: list[Party], tok: Token, previous: list[RawContact], ctx: DocContext) -> None:
    """Add ``who`` to the contact reported last (and to its other reports), citing ``tok``'s sentence."""
    last = previous[-1]
    target = {p.id for p in last.parties}
    for other in previous:
        if {p.id for p in other.parties} == target:
            other.parties = dedupe_parties(other.parties + who)
    last.extra_sentences.append(ctx.sent(tok))


def join_people(tok: Token, ctx: DocContext, previous: list[RawContact]) -> bool:
    """"Crown Prince Mohammed bin Salman joined the king in Riyadh" after a summit chaired by the king;
    "Sall, Hichilema and Assoumani accompanied Ramaphosa": the subjects join the contacts just reported
    that the object took part in (this or the previous sentence). Those who accompany must be leaders
    themselves: "was accompanied by the foreign minister" names the delegation, not a participant."""
    if tok.dep_ in ("relcl", "acl") or tok.tag_ not in ("VBD", "VBN"):
        return False  # "Araghchi, who is accompanying Pezeshkian, met Lammy": an aside about the trip
    objects = {p.id for c in tok.children if c.dep_ == "dobj" for p in np_parties(c, ctx) if p.kind == "person"}
    agents = [p for a in tok.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"
              for p in np_parties(g, ctx) if p.kind == "person"]
    if agents and not objects:  # "Ramaphosa was accompanied by Steenhuisen and Tau"
        subj = [p for s_tok in subjects_of(tok) for p in np_parties(s_tok, ctx)]
        objects = {p.id for p in subj if p.kind == "person"}
        if not objects and any(p.kind == "group" for p in subj) and previous \
                and ctx.sent_index[tok.i] - ctx.sent_index[previous[-1].sentence.start] <= 1:
            objects = {p.id for p in previous[-1].parties if p.kind == "person"}  # "they were to be joined by X"
        who = dedupe_parties([p for p in agents if p.id not in objects])
    else:
        who = dedupe_parties([p for s_tok in subjects_of(tok) for p in np_parties(s_tok, ctx) if p.kind == "person"
                       and p.id not in objects])
    if tok.lemma_ == "accompany":  # a leader's delegation is not at the table; leaders who travel together are
        who = [p for p in who if p.id in ctx.people and is_leader_role(ctx.people[p.id].role)]
    if not objects or not previous:
        return False
    here = ctx.sent_index[tok.i]
    targets = [r for r in previous if here - ctx.sent_index[r.sentence.start] <= 1
               and objects <= {p.id for p in r.parties} and r.status in ("occurred", "planned")]
    if not who or not targets:
        return False
    for r in targets:
        r.parties = dedupe_parties(r.parties + who)
        r.extra_sentences.append(ctx.sent(tok))
    return True


def co_present(tok: Token, ctx: DocContext, previous: list[RawContact]) -> bool:
    """"Foreign Minister Sybiha and Defence Minister Umerov are also at the table": the subject's people
    join the meeting reported in this or the previous sentence."""
    words = ctx.lowers
    if not any(tuple(words[tok.i - len(p) + 1:tok.i + 1]) == p for p in co_presence_phrases()[tok.lower_]):
        return False
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in verb.children):
        return False
    if tok.lower_ == "attended" and any(c.dep_ == "dobj" for c in tok.children):
        return False  # "also attended the summit": an event of its own
    who = dedupe_parties([p for s_tok in subjects_of(verb) for p in np_parties(s_tok, ctx) if p.kind == "person"])
    if not who or not previous:
        return False
    last = previous[-1]
    if sentences_between(ctx, last.sentence.start, ctx.sent(tok).start) > 1 \
            or last.type not in ("meeting", "talks", "visit", "video_call") or last.status != "occurred":
        return False
    _add_to_last(who, tok, previous, ctx)
    return True


def join_reported(tok: Token, ctype: str, persons: list[Party], previous: list[RawContact],
                  ctx: DocContext) -> bool:
    """Add the people of "invited him to join the call" to the call the article reported."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
        return False
    if any(c.dep_ in ("compound", "nmod", "amod", "nummod") and (c.pos_ in ("PROPN", "NUM") or c.text[:1].isupper())
           for c in tok.children):
        return False  # "attended the G20 summit": a named event of its own, not the one reported
    head = tok.head
    if head.dep_ == "prep" and head.lower_ in ("in", "on"):  # "took part in the talks", "sat in on"
        head = head.head
    if head.lemma_ not in ("join", "enter", "attend", "participate", "take", "address", "sit"):
        return False
    for raw in reversed(previous):
        if ctx.sent(tok).start - raw.sentence.start > 200:
            break
        if compatible_types(raw.type, ctype):
            target = {p.id for p in raw.parties}
            new = [p for p in persons if p.id not in target]
            if not new:
                return True
            for other in previous:
                if {p.id for p in other.parties} == target and compatible_types(other.type, ctype):
                    other.parties = other.parties + new
                    if other.type == "talks" and ctype in SPECIFIC:
                        other.type = ctype
            raw.extra_sentences.append(ctx.sent(tok))
            return True
    return False


def join_definite(noun: Token, ctype: str, people: list[Party], previous: list[RawContact],
                  ctx: DocContext) -> bool:
    """"The call was joined by A and B", "the talks were attended by C": a definite contact noun is the
    contact reported in the last six sentences (of a type that fits; in one sentence, the main clause's
    before a subordinate one's), and the leaders named join it. (Ministers and officials who attend a
    leaders' meeting are their delegations: they are not added, and make no event of their own.)"""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children) \
            or any(c.dep_ in ("compound", "nmod", "amod", "poss") for c in noun.children):
        return False  # ("the G20 summit", "a call", "their meeting": not (only) the one just reported)
    here = ctx.sent_index[noun.sent.start]
    near = [r for r in previous if here - ctx.sent_index[r.sentence.start] <= 6 and compatible_types(r.type, ctype)]
    if not near:
        return False
    last = max(ctx.sent_index[r.sentence.start] for r in near)
    target = min((r for r in near if ctx.sent_index[r.sentence.start] == last), key=lambda r: _depth(r.trigger[0]))
    leaders = [p for p in people if p.id in ctx.people and is_leader_role(ctx.people[p.id].role)]
    if leaders:
        _add_to_last(leaders, noun, [*previous, target], ctx)
    return True


def _depth(tok: Token) -> int:
    """How many heads up to the root of its sentence."""
    n = 0
    while tok.head != tok and n < 50:
        tok, n = tok.head, n + 1
    return n
