"""Reading one trigger word: its arguments by part of speech (:func:`read_trigger`), the type its phrase
and setting make of it (:func:`contact_type`), its parties (:func:`trigger_parties`), its date
(:func:`trigger_date`) and, for visits, who hosts whom (:func:`invitation_hosts`, :func:`visit_roles`).
The contacts component (:mod:`.component`) runs these steps for every trigger."""
from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span, Token

from ..types import TimeValue
from .dating import date_for, occasion_date, perfect_today
from .groups import resolve_group
from .lexicon import attendance_cues, in_person_words, load_triggers, multilateral_words
from .participants import (
    PURPOSE_MOTION_VERBS,
    DocContext,
    Party,
    dedupe_parties,
    list_continuation,
    noun_parties,
    their_parties,
    np_parties,
    subjects_of,
    verb_parties,
)
from .raw import RawContact

__all__ = ["Reading", "read_trigger", "contact_type", "countable_plural", "negated_topic", "trigger_parties", "trigger_date", "invitation_hosts",
           "visit_roles", "sits_in", "SPECIFIC"]


SPECIFIC = ("phone_call", "video_call", "meeting", "visit")


class Reading(NamedTuple):
    """A trigger's arguments as its part of speech reads them."""
    type: str
    spec: dict  # (a courtesy call's noun reads as a meeting)
    subj: list[Party]
    others: list[Party]
    split: bool  # one subject and several guests: one bilateral contact per guest
    purpose: list[Token]  # "travelled to Caracas to meet Maduro": the verbs of the trip's purpose


def read_trigger(tok: Token, spec: dict, ctx: DocContext, cues, consumed: set[int]) -> Reading | None:
    """The arguments of a preposition, verb or noun trigger; None if the rules say it names no contact."""
    if tok.pos_ == "ADP" and spec.get("caption_marks"):
        return _read_caption(tok, spec, ctx)
    if tok.pos_ == "ADP":  # "signed the deal alongside Rubio": the clause's subject and the object
        subj = [p for s_tok in subjects_of(tok.head) for p in np_parties(s_tok, ctx)] if tok.head.pos_ in (
            "VERB", "AUX") and tok.head.lemma_ not in cues.reporting else []  # not "Alongside X, Y said"
        others = [p for g in tok.children if g.dep_ == "pobj" for p in np_parties(g, ctx)]
        return Reading(spec["type"], spec, subj, others, False, [])
    if tok.pos_ in ("VERB", "AUX"):
        return _read_verb(tok, spec, ctx, consumed)
    return _read_noun(tok, spec, ctx)


def _read_caption(tok: Token, spec: dict, ctx: DocContext) -> Reading | None:
    """A photo caption, "X (left) with Y (right) on the sidelines of the summit on May 3": the person the
    "with" hangs from and its object, in a sentence with no finite verb and a position in brackets."""
    sent = ctx.sent(tok)
    words = ctx.words(sent)
    marked = any(words[k] == "(" and k + 2 < len(words) and words[k + 1] in spec["caption_marks"]
                 and words[k + 2] == ")" for k in range(len(words)))
    if not marked or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in sent):
        return None
    head = tok.head
    if head.lower_ in spec["caption_marks"]:  # ("Ruto (left) with Macron": "with" hung on "left")
        head = next((c for c in head.children if c.dep_ in ("nsubj", "npadvmod", "compound")), head.head)
    subj = [p for p in np_parties(head, ctx) if p.kind == "person"] if head.pos_ == "PROPN" else []
    others = [p for g in tok.children if g.dep_ == "pobj" for p in np_parties(g, ctx) if p.kind == "person"]
    return Reading(spec["type"], spec, subj, others, False, []) if subj and others else None


def _verb_excluded(tok: Token, spec: dict, ctx: DocContext) -> bool:
    """Does the verb miss what its rule asks for ("called for", "called him a liar")?"""
    if spec.get("needs_object_word") and not any(c.dep_ == "dobj" and c.lower_ in spec["needs_object_word"]
                                                 for c in tok.children):
        return True
    if spec.get("particle") and not any(c.lower_ == spec["particle"] for c in tok.children):
        return True
    if spec.get("not_with") and any(c.dep_ in ("prep", "prt") and c.lower_ in spec["not_with"]
                                    and c.i == tok.i + 1 for c in tok.children):
        return True  # "called for", "called on X to", "called off"
    if spec.get("no_oprd") and any(
            (c.dep_ in ("oprd", "ccomp") and c.i not in ctx.person_of)
            or (c.dep_ == "xcomp" and not any(a.lower_ == "to" for a in c.children))
            for c in tok.children):
        return True  # "called him a liar"; but "called Putin to discuss the war" is a call
    return False


def negated_topic(tok: Token, spec: dict, ctx: DocContext) -> bool:
    """"did not discuss sanctions", "did not discuss when": the negation is of the topic, not of the talks."""
    negated = any(c.dep_ == "neg" for c in tok.children) or (  # "did not get to discuss the issues"
        tok.dep_ == "xcomp" and any(c.dep_ == "neg" for c in tok.head.children))
    return bool(spec.get("negated_topic")) and negated and any(
        (c.dep_ in ("dobj", "ccomp", "xcomp") or (c.dep_ == "advcl" and any(w.tag_ in ("WRB", "WP") for w in c.children)))
        and c.i not in ctx.person_of for c in tok.children)  # ("did not discuss when or where it might happen")


def _read_verb(tok: Token, spec: dict, ctx: DocContext, consumed: set[int]) -> Reading | None:
    """A verb's subjects and objects (with the people a trip is "to meet")."""
    ctype = spec["type"]
    if _verb_excluded(tok, spec, ctx):
        return None
    subj, others = verb_parties(tok, spec, ctx)
    others = dedupe_parties(others + list_continuation(others, ctx, tok.i, {p.id for p in subj}))
    if not subj and (any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in tok.children)
                     or (tok.dep_ == "xcomp" and subjects_of(tok))) \
            and ctype != "visit" and not spec.get("multilateral") and len([p for p in others if p.kind == "person"]) >= 2:
        # "the president talked with A and B" (the president unknown), "the UK is prepared to host A and B":
        # A and B did not meet each other
        return None
    if not others and ctype != "visit" and _unnamed_counterpart(tok, ctx):
        return None  # "Vučić and Kurti spoke with European mediators": not with each other
    if spec.get("event_hosts") and not subj and tok.dep_ == "relcl" and tok.head.head.pos_ in ("VERB", "AUX") \
            and tok.head.head.lemma_.lower() in spec["event_hosts"] and tok.head.dep_ in ("dobj", "nsubjpass"):
        # "X chaired the meeting, which brought together A and B"
        subj = [p for s_tok in subjects_of(tok.head.head) for p in np_parties(s_tok, ctx)]
    split_event = False
    if spec.get("event_subject"):
        subj = _event_holders(tok, ctx)
        if subj is None:
            return None
        for noun in (c for c in tok.children if c.dep_ == "dobj" and c.i not in ctx.person_of):
            # "The meetings included an interaction with A, B and C": the people of its "with"
            others = dedupe_parties(others + [p for g in noun.children if g.dep_ == "prep" and g.lower_ == "with"
                                              for o in g.children if o.dep_ == "pobj" for p in np_parties(o, ctx)])
            others += list_continuation(others, ctx, noun.i, {p.id for p in subj})
            consumed.add(noun.i)
        holder_noun = next(c for c in tok.children if c.dep_ == "nsubj")
        split_event = countable_plural(holder_noun) and len(subj) == 1  # "the meetings": one each
    purpose = []
    if ctype == "visit":  # "travelled to Caracas to meet Maduro": the one met is the host
        for ch in tok.children:
            if ch.dep_ in ("xcomp", "advcl") and ch.lemma_ in ("meet", "talk", "speak", "hold", "see", "confer") \
                    and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in ch.children):
                # (not "..., while Johnson met Zelensky in April": a clause of its own)
                _, met = verb_parties(ch, {"type": "meeting", "args": ["obj", "with", "to"]}, ctx)
                if met:
                    others = [p for p in others if p.kind != "country"] + met
                    consumed.add(ch.i)
                    purpose.append(ch)
    if spec.get("needs_person_obj") and not any(p.kind in ("person", "group") for p in others):
        return None
    if spec.get("needs_destination") and not others:
        return None
    # "Lula met with Macron and Scholz": one subject and a coordinated object are bilateral contacts
    split = split_event or len([p for p in subj if p.kind == "person"]) == 1 and \
        len([p for p in others if p.kind == "person"]) >= 2 and not spec.get("multilateral") \
        and tok.lemma_ not in ("host", "receive", "welcome", "bring")  # one host, guests together
    return Reading(ctype, spec, subj, others, split, purpose)


_HOLDING_VERBS = ("meet", "hold", "host", "convene", "chair", "gather")


def _event_holders(tok: Token, ctx: DocContext) -> list[Party] | None:
    """"X met on Monday with African leaders. The meeting included A, B and C": ``None`` unless the verb's
    subject is a definite event noun; else the people who held such an event in the two sentences before."""
    events = attendance_cues()["event_nouns"]
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in events \
            or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subject.children):
        return None
    here = ctx.sent_index[tok.i]
    for k in range(here - 1, max(-1, here - 3), -1):
        for t in ctx.sents[k]:
            if t.pos_ == "VERB" and (t.lemma_.lower() in _HOLDING_VERBS or any(
                    d.lemma_.lower() in events for c in t.children if c.dep_ == "dobj" for d in c.subtree)):
                # ("had a series of bilateral meetings")
                held = [p for s in subjects_of(t) for p in np_parties(s, ctx) if p.kind == "person"]
                if held:
                    return held
    return []


def _read_noun(tok: Token, spec: dict, ctx: DocContext) -> Reading | None:
    """A noun's people ("Biden's call with Johnson") and the type its modifiers give it."""
    ctype = spec["type"]
    if spec.get("not_with") and any(c.dep_ == "prep" and c.lower_ in spec["not_with"] for c in tok.children):
        return None
    if tok.dep_ == "compound" and tok.head.lemma_ in ("center", "centre", "line", "log", "record", "hall"):
        return None
    if spec.get("needs_modifier") and not any(c.lower_ in spec["needs_modifier"] for c in tok.children
                                              if c.i < tok.i):
        return None  # "video conference" is a call, "press conference" is not
    if spec.get("courtesy_call") and any(c.lower_ == "courtesy" for c in tok.children):
        spec = {**spec, "type": "meeting", "object_preps": spec["courtesy_call"]}
        ctype = "meeting"
    subj, others, gov = noun_parties(tok, spec, ctx)
    others = others + list_continuation(others, ctx, tok.i, {p.id for p in subj})
    poss = {c.i for c in tok.children if c.dep_ == "poss"}
    if not subj and any(p.token in poss for p in others) \
            and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        # "in his separate phone calls with A and B": the owner of the calls is their subject
        subj = [p for p in others if p.token in poss]
        others = [p for p in others if p.token not in poss]
    # "held separate meetings with Sunak, Kishida and Meloni": bilateral, as for verbs
    # ("received calls from A and B": a plural of a countable contact is one contact each)
    split = len([p for p in subj if p.kind == "person"]) == 1 and \
        len([p for p in others if p.kind == "person"]) >= 2 and \
        (any(c.dep_ == "prep" and c.lower_ == "with" for c in [*tok.children, *(gov.children if gov is not None else [])])
         or countable_plural(tok)) \
        and not any(c.lower_ in multilateral_words() for c in tok.children if c.i < tok.i) \
        and not (spec["type"] == "video_call" and tok.tag_ == "NN")  # "held a videoconference with A, B and C": one
    trip_purpose = tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_ in PURPOSE_MOTION_VERBS \
        and bool(_own_people(tok, ctx))  # "travelled to Rome for an audience with the Pope"
    if spec.get("needs_participants") and tok.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr") \
            and len(_own_people(tok, ctx)) < 2 and not trip_purpose:
        return None  # "during the summit", "at a dinner": a venue, not a contact
    if _setting(tok) and not _own_people(tok, ctx):
        return None  # "During the visit, the five leaders phoned Trump": the time of another contact
    return Reading(_refine_type(tok, ctype), spec, subj, others, split, [])


_MASS_PLURALS = {"talks", "consultations", "negotiations", "discussions", "deliberations"}


def countable_plural(noun: Token) -> bool:
    """Is the noun a plural of separate contacts ("calls", "meetings"), not one event told in the plural
    ("talks", "negotiations") nor contacts among its own people ("calls between A and B")?"""
    return noun.tag_ == "NNS" and noun.lower_ not in _MASS_PLURALS \
        and not any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in noun.children)


def contact_type(tok: Token, ctype: str, ctx: DocContext) -> str:
    """The type the trigger's phrase, setting and place make of it ("spoke by phone", "talks in Sochi")."""
    ctype = _phrase_type(tok, ctype, ctx)
    if ctype == "talks" and tok.pos_ in ("VERB", "AUX"):
        ctype = _setting_type(tok, ctype)
    if ctype == "talks" and (_located(tok, ctx) or _held_talks(tok)):
        ctype = "meeting"  # "talks in Sochi", "held talks with": in person unless a phone or video says otherwise
    return ctype


def remote_default(tok: Token, ctype: str, ctx: DocContext) -> str:
    """"Trudeau spoke with Varadkar": a call (the trigger row's ``remote_type``), unless the text places them
    together; "have not spoken with X" denies any contact, and "the two will talk about" is the meeting
    just told."""
    if ctype != "talks" or tok.pos_ not in ("VERB", "AUX"):
        return ctype
    remote = load_triggers()[0].get((tok.lemma_.lower(), "VERB"), {}).get("remote_type")
    if remote and not _placed_together(tok, ctx) and not any(c.dep_ == "neg" for c in tok.children) \
            and any(c.dep_ == "prep" and c.lower_ in ("with", "to") for c in tok.children):
        return remote
    return ctype


def _placed_together(tok: Token, ctx: DocContext) -> bool:
    """Does the trigger's sentence or the one before place people together (a summit, a visit, a dinner, a
    place the verb happens at)?"""
    k = ctx.sent_index[ctx.sent(tok).start]
    words = set(ctx.words(ctx.sents[k])) | (set(ctx.words(ctx.sents[k - 1])) if k > 0 else set())
    if words & in_person_words():
        return True
    return any(ch.dep_ == "prep" and ch.lower_ in ("at", "in", "during", "on") and any(
        g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC", "FAC") for g in ch.children) for ch in tok.children)


def _refine_type(noun: Token, ctype: str) -> str:
    """"phone call", "video conference", "virtual talks", "face-to-face meeting"."""
    _, words, _ = load_triggers()
    for ch in noun.children:
        if ch.dep_ in ("compound", "amod", "nmod") and ch.i < noun.i:
            t = words.get(ch.lower_)
            if t:
                return t
            if ch.dep_ == "compound" and words.get(ch.lemma_.lower()):
                return words[ch.lemma_.lower()]
    return ctype


def _phrase_type(tok: Token, ctype: str, ctx: DocContext) -> str:
    """"met face to face", "spoke by phone", "discussed in a phone call", "on the sidelines of"."""
    if ctype not in ("talks", "meeting"):
        return ctype
    _, _, phrases = load_triggers()
    sent = ctx.sent(tok)
    words = ctx.words(sent)
    present = set(words)
    for phrase, t in phrases.items():
        if phrase[0] not in present:
            continue
        n = len(phrase)
        for i in (k for k, w in enumerate(words) if w == phrase[0]):
            if tuple(words[i:i + n]) == phrase:
                tok_at = sent[i]
                # the phrase must modify this trigger's clause, not another one
                if tok_at.head.i == tok.i or tok_at.head.head.i == tok.i or abs(tok_at.i - tok.i) <= 4 or (
                        tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok_at.head.i == tok.head.i):
                    # (or the verb that holds a noun trigger: "held an interaction with X on the sidelines")
                    if t and (ctype == "talks" or t == "meeting"):
                        return t
    return ctype


def _setting_type(verb: Token, ctype: str) -> str:
    """"spoke to A and B in separate phone calls": the mode given by a contact noun in the verb's
    "in/by/over/during" phrase."""
    triggers, _, _ = load_triggers()
    for ch in verb.children:
        if ch.dep_ == "prep" and ch.lower_ in ("in", "by", "via", "over", "during"):
            for g in ch.children:
                spec = triggers.get((g.lemma_.lower(), "NOUN"))
                if g.dep_ == "pobj" and spec is not None:
                    refined = _refine_type(g, spec["type"])
                    if refined in SPECIFIC and refined != "visit":  # ("spoke to X during a visit to Mariupol":
                        return refined                             # where the subject was, not the mode)
    return ctype


def _held_talks(tok: Token) -> bool:
    """"X held talks with Y" between leaders is a meeting: calls are "phone talks" or "spoke by phone"."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in ("talk", "talks", "discussion", "negotiation"):
        return False
    h = tok.head
    if tok.dep_ == "pobj" and h.lower_ == "of" and h.head.lemma_.lower() in ("hour", "round", "session", "day"):
        h = h.head.head  # "held five hours of talks"
    return tok.dep_ in ("dobj", "pobj") and h.lemma_ in ("hold", "have", "conduct")


def _located(tok: Token, ctx: DocContext) -> bool:
    """Does the trigger (or its verb) take place somewhere: "talks in Sochi", "spoke at the Kremlin"?"""
    heads = [tok] + ([tok.head] if tok.dep_ in ("dobj", "pobj") and tok.head.pos_ in ("VERB", "ADP") else [])
    # also a place hung on a participant's name ("talks with Xi Jinping in Beijing")
    heads += [t for h in list(heads) for t in h.subtree if t.i in ctx.person_of and t.dep_ in ("pobj", "dobj", "conj")]
    for h in heads:
        for ch in h.children:
            if ch.dep_ == "prep" and ch.lower_ in ("in", "at"):
                for g in ch.children:
                    if g.dep_ == "pobj" and (g.ent_type_ in ("GPE", "LOC", "FAC") or g.i in ctx.country_of) \
                            and g.i not in ctx.person_of:
                        return True
    return False


def trigger_parties(tok: Token, ctype: str, found: list[Party], previous: list[RawContact],
                    ctx: DocContext) -> list[Party]:
    """The trigger's parties with "the two leaders" resolved; a visit "hosted by" someone keeps the host
    and the guests from other countries."""
    parties = dedupe_parties(found)
    hosts = _hosted_by(tok, ctx) if ctype == "visit" and tok.pos_ == "NOUN" else set()
    if any(p.kind == "group" for p in parties):  # (the group is resolved without the host)
        parties = dedupe_parties(resolve_group([p for p in parties if p.id not in hosts], tok, previous, ctx)
                                 + [p for p in parties if p.id in hosts])
    if hosts:  # "the state visit hosted by King Charles": the host, and the guest from another country
        home = {ctx.people[h].country for h in hosts if h in ctx.people} - {None}
        parties = [p for p in parties if p.id in hosts or p.kind != "person" or p.id not in ctx.people
                   or ctx.people[p.id].country not in home]
    return parties


def _hosted_by(noun: Token, ctx: DocContext) -> set[str]:
    """The people of "hosted by X" (or "given by", "organised by") hanging from a contact noun."""
    out = set()
    for ch in noun.children:
        if ch.dep_ == "acl" and ch.tag_ == "VBN" and ch.lemma_ in ("host", "give", "organise", "organize", "offer"):
            for ag in ch.children:
                if ag.dep_ == "agent":
                    out |= {p.id for g in ag.children if g.dep_ == "pobj" for p in np_parties(g, ctx) if p.kind == "person"}
    return out


def trigger_date(tok: Token, chain: list[Token], purpose: list[Token], dates: list[tuple[Span, TimeValue]],
                  ctx: DocContext) -> TimeValue | None:
    """The date of the trigger's clause (or of the trip's purpose), else of the occasion, else "today"
    for a perfect."""
    date_chain = chain + purpose
    if tok.dep_ == "pobj" and tok.head.lower_ in ("after", "following") and tok.head.head.pos_ == "VERB":
        v = tok.head.head  # "agreed on Friday to expand ties after talks in Sochi": the day of the outcome
        date_chain = chain + [v]
        while v.dep_ in ("xcomp", "conj") and v.head != v:
            v = v.head
            date_chain.append(v)
    date = date_for(tok, date_chain, dates, ctx.person_of.keys(), ctx.sent(tok))
    if date is None:
        date = occasion_date(chain, dates, ctx)
    if date is None:
        date = perfect_today(chain, ctx)
    return date


def invitation_hosts(tok: Token, ctype: str, parties: list[Party], persons: list[Party],
                      countries: list[Party], ctx: DocContext) -> tuple[list[Party], list[Party], list[Party]]:
    """(parties, persons, countries) with the inviter of a visit to their own country as its host."""
    asker = _asking_verb(tok) if ctype == "visit" else None
    if asker is not None:
        # "Putin invited Trump to visit Moscow", "X extended an invitation to Y to visit Warsaw": the inviter
        # hosts a visit to their own country
        inviters = [p for s_tok in subjects_of(asker) for p in np_parties(s_tok, ctx) if p.kind == "person"]
        dest = {p.id for p in countries}
        for inv in inviters:
            person = ctx.people.get(inv.id)
            if person is not None and person.country in dest:
                persons = dedupe_parties(persons + [inv])
                parties = [p for p in parties if p.kind == "person"] + [inv]
                parties = dedupe_parties(parties)
                countries = []
    if ctype == "visit" and (countries or len(persons) == 1):
        # "will visit Russia at the invitation of Foreign Minister Sergei Lavrov": the inviter hosts, when
        # of the destination, of no known country ("of President Luong Cuong") or where the text names
        # no destination ("will pay an official visit at the invitation of Premier Li Qiang")
        dest = {p.id for p in countries}
        for inv in _invited_by(tok, ctx):
            person = ctx.people.get(inv.id)
            if person is not None and (not dest or person.country in dest | {None}):
                parties = dedupe_parties([p for p in parties if p.kind == "person"] + [inv])
                persons, countries = [p for p in parties if p.kind == "person"], []
    return parties, persons, countries


def _asking_verb(tok: Token) -> Token | None:
    """The verb whose subject asks the visit's visitor to come: "invited [him] to visit", "extended an
    invitation to Y to visit"."""
    if tok.dep_ == "xcomp" and tok.head.lemma_ in ("invite", "welcome", "ask", "urge"):
        return tok.head
    h = tok.head
    if tok.dep_ == "acl" and h.lemma_ == "invitation" and h.dep_ == "dobj" \
            and any(c.dep_ == "prep" and c.lower_ == "to" and c.i < tok.i for c in h.children):
        return h.head
    return None


def _invited_by(tok: Token, ctx: DocContext) -> list[Party]:
    """The people of "at the invitation of X" / "at X's invitation" / "an invitation from X" / "an invitation
    extended by X" in the trigger's sentence."""
    out = []
    for t in ctx.sent(tok):
        if t.lemma_ == "invitation" and t.head.dep_ == "prep":
            for ch in t.children:
                if ch.dep_ == "poss":
                    out.extend(np_parties(ch, ctx))
                if ch.dep_ == "prep" and ch.lower_ in ("of", "from"):
                    for g in ch.children:
                        if g.dep_ == "pobj":
                            out.extend(np_parties(g, ctx))
                if ch.dep_ == "acl":  # "in response to an invitation extended by X"
                    out.extend(p for a in ch.children if a.dep_ == "agent"
                               for g in a.children if g.dep_ == "pobj" for p in np_parties(g, ctx))
    return [p for p in out if p.kind == "person"]


def visit_roles(tok: Token, ctype: str, subj: list[Party], parties: list[Party], persons: list[Party],
           countries: list[Party], ctx: DocContext) -> tuple[str, list[Party], str | None, str | None]:
    """(type, parties, host, initiator): a visit's visitor and host; a host receiving at home makes a
    meeting a visit; any other contact keeps its people only."""
    host = initiator = None
    if ctype == "meeting" and tok.lemma_ in ("host", "receive", "welcome") and len(persons) == 2 \
            and (_at_home(tok, persons[0], ctx) or _for_a_visit(tok)):
        ctype = "visit"  # "Trump hosted the crown prince at the White House": a visit to the host
        subj = [persons[0]]
        parties = [persons[1], persons[0]]
    if ctype == "visit":
        visitors = [p for p in subj if p.kind == "person"] or persons[:1]
        if tok.lemma_ in ("host", "receive", "welcome"):
            visitors = [p for p in persons if p.id not in {s.id for s in subj}] or visitors
        initiator = visitors[0].id
        hosts = [p for p in parties if p.id != initiator]
        host = hosts[0].id if hosts else None
        if countries and len(persons) >= 2:  # a named host: drop the country
            parties = persons
    else:
        parties = persons
    return ctype, parties, host, initiator


def _at_home(verb: Token, host: Party, ctx: DocContext) -> bool:
    """Is the host receiving at home: "at the White House", "in Ankara" (their seat or country)?"""
    person = ctx.people.get(host.id)
    if person is None or not person.country:
        return False
    scope = list(verb.subtree) if verb.n_rights else list(verb.doc[verb.i:verb.sent.end])  # (misparsed verb)
    for t in scope:  # the place may hang from the verb or from its object
        if t.dep_ == "prep" and t.lower_ in ("at", "in") and t.head.dep_ not in ("nsubj", "nsubjpass"):
            for g in t.subtree:
                if ctx.country_of.get(g.i) == person.country:
                    return True
    return False


def _for_a_visit(verb: Token) -> bool:
    """"will host Macron for a state visit"."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(g.dep_ == "pobj" and g.lemma_ in ("visit", "trip")
                                                           for g in c.children) for c in verb.children)


def sits_in(noun: Token) -> bool:
    """"sat in on the meeting", "attended the talks", "joined the call": people added to a definite event."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return False
    head = noun.head
    if head.dep_ == "prep" and head.lower_ in ("in", "on"):
        head = head.head
    return head.lemma_ in ("join", "attend", "participate", "sit") and head.pos_ == "VERB"


def _own_people(noun: Token, ctx: DocContext) -> set[str]:
    """People named on a noun itself: possessor, "with" / "between" / "of" objects."""
    out = set()
    for ch in noun.children:
        if ch.dep_ == "poss" and ch.lower_ == "their":  # "X and Y reached a deal at their summit"
            out |= {p.id for p in their_parties(noun, ctx) if p.kind == "person"}
        elif ch.dep_ == "poss":
            out |= {p.id for p in np_parties(ch, ctx) if p.kind == "person"}
        if ch.dep_ == "prep" and ch.lower_ in ("with", "between", "among", "of"):
            for g in ch.children:
                if g.dep_ == "pobj":
                    out |= {p.id for p in np_parties(g, ctx) if p.kind == "person"}
    return out


def _setting(noun: Token) -> bool:
    """A definite contact noun that only sets the time of its clause: "during the visit", "after the talks",
    "ahead of the meeting", "on the sidelines of the summit"."""
    if noun.dep_ != "pobj" or not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that")
                                      for c in noun.children):
        return False
    prep = noun.head
    if prep.lower_ == "of" and prep.head.lower_ in ("sidelines", "margins", "eve", "end", "start", "course"):
        prep = prep.head.head
    elif prep.lower_ == "of" and prep.head.lower_ in ("ahead",):
        prep = prep.head
    return prep.lower_ in ("during", "after", "before", "following", "ahead", "since", "throughout", "amid") \
        and prep.head.pos_ in ("VERB", "AUX")


_RECIPROCAL = {"each", "other", "one", "another", "themselves"}


def _unnamed_counterpart(verb: Token, ctx: DocContext) -> bool:
    """Does the verb name its counterpart as people the text does not name ("met with mediators",
    "spoke to reporters")? Then its coordinated subjects did not meet each other."""
    objs = [c for c in verb.children if c.dep_ == "dobj" and verb.lemma_ in ("meet", "receive", "host", "see")]
    objs += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
             for g in c.children if g.dep_ == "pobj"]
    for o in objs:
        words = {t.lower_ for t in o.subtree}
        named = [t for t in o.subtree if t.i in ctx.person_of or (t.i in ctx.country_of and (t.i == o.i or t.head == o))]
        if o.pos_ == "NOUN" and not words & _RECIPROCAL and not named and o.lower_ not in PLURAL_ANAPHORS_OF_PAIR:
            return True
    return False


PLURAL_ANAPHORS_OF_PAIR = {"leaders", "counterparts", "presidents", "ministers", "heads", "premiers", "sides"}
