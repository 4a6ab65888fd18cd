"""Who a group of people is: "the two leaders", "they", "both", "the five leaders" stand for the pair
the text last coordinated, the people of a contact just reported, or the last people of the office the
group names."""
from __future__ import annotations

from spacy.tokens import Span, Token

from .participants import LEADER_ROLES, DocContext, Party, dedupe_parties
from .raw import RawContact

__all__ = ["resolve_group", "sentences_between"]


def resolve_group(parties: list[Party], tok: Token, previous: list[RawContact],
                  ctx: DocContext | None = None) -> list[Party]:
    """"the two leaders", "they": the pair the text last coordinated ("Araghchi and Witkoff ... the two
    men"), else the people of the latest contact within a few sentences, else the last two people of
    the group's office named before."""
    named = [p for p in parties if p.kind != "group"]
    group = next(p for p in parties if p.kind == "group")
    sent_start = ctx.sent(tok).start
    # the group undergoes the contact ("X joined them", "the two leaders were welcomed by X"): the one
    # named is not one of them
    as_object = ctx is not None and ctx.doc[group.token].dep_ in ("dobj", "pobj", "dative", "nsubjpass")
    if ctx is not None and _names_other_people(ctx.doc[group.token], previous, ctx):
        return named  # "spoke with the leaders of Germany and Sweden": others than the people just told of
    if ctx is not None:
        head = ctx.doc[group.token]
        numbered = any(c.lower_ in ("two", "both") for c in head.children) or head.lower_ in ("both", "two")
        if numbered:
            here = [r for r in previous if r.sentence.start == sent_start
                    and len({p.id for p in r.parties if p.kind == "person"}) == 2]
            pair = [p for p in here[-1].parties if p.kind == "person"] if here else []
            if pair and all(p.id in {q.id for q in pair} for p in named):
                return dedupe_parties(pair)  # "talks with Putin on Saturday, the 26th meeting between the two leaders"
            sent = ctx.sent(tok)
            besides = list(dict.fromkeys(ctx.person_of[i] for i in range(sent.start, sent.end)
                                         if i in ctx.person_of and ctx.person_of[i] not in {p.id for p in named}))
            if as_object and len(besides) == 2:  # "Macron pressed Xi ..., as von der Leyen joined the two"
                return dedupe_parties(named + [Party(pid, "person", group.token) for pid in besides])
            recent = next((r for r in reversed(previous) if len({p.id for p in r.parties if p.kind == "person"}) >= 2),
                          None)
            close = recent is not None and sentences_between(ctx, recent.sentence.start, ctx.sent(tok).start) <= 1
            typed = head.lower_ in _GROUP_ROLES  # "the two presidents": people of that office only
            pair = _last_coordinated_pair(ctx, group.token, head.lower_)
            if pair and close and not typed and max(p.token for p in pair) < recent.trigger.start \
                    and len({p.id for p in recent.parties if p.kind == "person"}) == 2:
                pair = None  # "X had no plans to meet Y. A meeting between the two ...": the pair just told of
            pair = pair or (None if close and not typed else _last_two(ctx, group.token, head.lower_))
            if pair and (as_object or all(p.id in {q.id for q in pair} for p in named)):
                return dedupe_parties(named + pair)
        count = _NUMBER_WORDS.get(next((c.lower_ for c in head.children if c.dep_ == "nummod"), ""), 0)
        if count > 2:  # "the five leaders jointly phoned Trump": the latest contact of five
            five = next((r for r in reversed(previous) if sent_start - r.sentence.start <= 120
                         and len({p.id for p in r.parties if p.kind == "person"}) == count), None)
            if five is not None:
                return dedupe_parties(named + [p for p in five.parties if p.kind == "person"])
    if ctx is not None and ctx.doc[group.token].lower_ in ("they", "them"):
        pair = _last_coordinated_pair(ctx, group.token, within_sentence=True)
        if pair and all(p.id in {q.id for q in pair} for p in named) and _pair_stands_alone(pair, ctx):
            return dedupe_parties(named + pair)  # "between Mr. Obama and Mr. Singh when they meet"
    told = _pair_told_just_before(ctx, group, previous) if ctx is not None else None
    if told and all(p.id in {q.id for q in told} for p in named):
        return dedupe_parties(named + told)
    for raw in reversed(previous):
        if sent_start - raw.sentence.start > 120:
            break
        ids = {p.id for p in raw.parties if p.kind == "person"}
        # "they met" are the people of the last contact; "X joined them" adds X to them
        if len(ids) >= 2 and (as_object or all(p.id in ids for p in named if _is_subject(ctx, p))):
            return dedupe_parties(named + [p for p in raw.parties if p.kind == "person"])
    if ctx is not None:
        pair = _last_coordinated_pair(ctx, group.token)
        if pair and all(p.id in {q.id for q in pair} for p in named):
            return dedupe_parties(named + pair)
        # "we held talks" with one other person named in the sentence
        sent = ctx.sent(tok)
        others = list(dict.fromkeys(ctx.person_of[i] for i in range(sent.start, sent.end)
                                    if i in ctx.person_of and ctx.person_of[i] not in {p.id for p in named}))
        if named and len(others) == 1:
            return dedupe_parties(named + [Party(others[0], "person", group.token)])
    return named


def _pair_told_just_before(ctx: DocContext, group: Party, previous: list[RawContact]) -> list[Party] | None:
    """"X congratulated his counterpart Y. ... the leaders discussed it in a phone call": "the leaders" (of an
    office) are the two people of that office in the sentence before, when no contact has been told since."""
    head = ctx.doc[group.token]
    if head.lower_ not in _GROUP_ROLES or head.lower_ == "they":
        return None
    k = ctx.sent_index[ctx.sent(head).start]
    if k == 0:
        return None
    before = ctx.sents[k - 1]
    if any(r.sentence.start >= before.start and r.trigger.start < group.token
           and len({p.id for p in r.parties if p.kind == "person"}) >= 2 for r in previous):
        return None
    roles = _GROUP_ROLES[head.lower_]
    ids = list(dict.fromkeys(pid for start, pid in ctx.mention_starts if before.start <= start < before.end))
    if len(ids) != 2 or not all(_has_role(getattr(ctx.people.get(pid), "role", None) or "", roles) for pid in ids):
        return None
    verbs = [_verb_of(ctx, before, pid) for pid in ids]
    if verbs[0] is None or verbs[0] != verbs[1]:
        return None  # (the two must be the subject and the object of one verb: "X congratulated Y")
    return [Party(pid, "person", group.token) for pid in ids]


def _verb_of(ctx: DocContext, sent: Span, pid: str) -> Token | None:
    """The verb whose subject or object (directly, through an apposition or a "with") names ``pid`` in
    ``sent``."""
    start = next(s for s, p in ctx.mention_starts if p == pid and sent.start <= s < sent.end)
    t = ctx.doc[ctx.mention_heads.get(start, start)]
    for _ in range(4):
        if t.dep_ in ("nsubj", "dobj", "dative") and t.head.pos_ in ("VERB", "AUX"):
            return t.head
        if t.dep_ not in ("appos", "pobj", "compound") or (t.dep_ == "pobj" and t.head.lower_ != "with"):
            return None
        t = t.head if t.dep_ != "pobj" else t.head.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _pair_stands_alone(pair: list[Party], ctx: DocContext) -> bool:
    """Is the pair told on its own ("between X and Y", "X and Y met"), not as the objects of someone else's
    contact ("He met X and Y, where they discussed ...": they are all three)?"""
    t = ctx.doc[pair[0].token]
    while t.dep_ in ("compound", "flat", "appos") and t.head != t:
        t = t.head
    return t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ == "pobj" and t.head.lower_ == "between")


def _names_other_people(head: Token, previous: list[RawContact], ctx: DocContext) -> bool:
    """"the leaders of Germany, Poland and Sweden": a group named by countries that are not all those of the
    people of the latest contact is a new set of people, not an anaphor ("the leaders of the two countries"
    names no country)."""
    named = {ctx.country_of[t.i] for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
             for t in c.subtree if t.i in ctx.country_of}
    named |= {ctx.country_of[c.i] for c in head.children if c.dep_ in ("compound", "amod") and c.i in ctx.country_of}
    if any(c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i not in ctx.country_of
           and c.i not in ctx.person_of for c in head.children):
        return True  # "the informal meeting of European Union leaders", "the NATO foreign ministers": a body's
    if not named:
        return False
    last = previous[-1] if previous else None
    theirs = {getattr(ctx.people.get(p.id), "country", None) for p in last.parties} if last else set()
    return not named <= theirs


def sentences_between(ctx: DocContext, a: int, b: int) -> int:
    """How many sentence starts lie after token ``a`` up to token ``b``."""
    return max(0, ctx.sent_index[b] - ctx.sent_index[a]) if b < len(ctx.sent_index) else \
        sum(1 for s in ctx.sents if a < s.start <= b)


_GROUP_ROLES = {"leaders": LEADER_ROLES + ("military leader", "military ruler"),
                "presidents": ("president",), "ministers": ("minister",)}


def _last_two(ctx: DocContext, before: int, noun: str = "") -> list[Party] | None:
    """The last two different people named before token ``before``, in its sentence or the previous one
    (of the office the group noun names: "the two presidents")."""
    doc = ctx.doc
    roles = _GROUP_ROLES.get(noun)
    sent = doc[before].sent
    k = ctx.sent_index[sent.start]
    lo = ctx.sents[max(0, k - (3 if roles else 1))].start  # (people of an office may be named further back)
    seen: list[str] = []
    for start, pid in reversed(ctx.mention_starts):
        if start >= before:
            continue
        if start < lo:
            break
        role = getattr(ctx.people.get(pid), "role", None) or ""
        if roles and not _has_role(role, roles):
            continue
        if pid not in seen:
            seen.append(pid)
        if len(seen) == 2:
            return [Party(seen[1], "person", before), Party(seen[0], "person", before)]
    return None


def _is_subject(ctx: DocContext | None, party: Party) -> bool:
    """Is the party named in a subject ("they and Macron met"), not an object ("they met Zelenskyy")?"""
    if ctx is None:
        return True
    t = ctx.doc[party.token]
    while t.dep_ in ("compound", "flat", "appos", "conj", "amod") and t.head != t:
        t = t.head
    return t.dep_ in ("nsubj", "nsubjpass")


def _has_role(role: str | None, roles) -> bool:
    """Does a person's role name one of ``roles`` ("president", not "vice president")?"""
    role = (role or "").lower()
    return any(role == r or (role.endswith(" " + r) and role.split()[0] not in ("vice", "deputy", "former", "acting"))
               for r in roles)


_NUMBER_WORDS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9, "10": 10}


def _last_coordinated_pair(ctx: DocContext, before: int, noun: str = "", *,
                           within_sentence: bool = False) -> list[Party] | None:
    """The last two people joined by "and" (or a comma list of two) in this or the two previous
    sentences before token ``before`` (in its own sentence only, with ``within_sentence``)."""
    doc = ctx.doc
    sent = ctx.sent(doc[before])
    lo = sent.start
    for _ in range(0 if within_sentence else 2):
        if lo > 0:
            lo = ctx.sent(doc[lo - 1]).start
    best = None
    for i in range(lo, before):
        if i not in ctx.person_of:
            continue
        t = doc[i]
        while t.dep_ in ("compound", "flat") and t.head.i > t.i:
            t = t.head
        if t.dep_ == "conj" and t.head.i in ctx.person_of and t.head.i < t.i:
            if t.head.dep_ == "conj" or sum(1 for c in t.head.children if c.dep_ == "conj") > 1:
                continue  # the last two of a longer list are no pair
            a, b = ctx.person_of[t.head.i], ctx.person_of[i]
            roles = _GROUP_ROLES.get(noun)
            if roles and not all(_has_role(getattr(ctx.people.get(x), "role", None), roles) for x in (a, b)):
                continue  # "the two presidents" are not the two ministers just named
            if a != b:
                best = [Party(a, "person", t.head.i), Party(b, "person", i)]
    return best
