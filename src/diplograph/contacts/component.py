"""The ``diplograph_contacts`` component: who met or spoke with whom, when, whether, and who says so.

For every trigger word (``data/contact_triggers.jsonl``: "met", "phoned", "talks", "visit" ...) it reads
the participants from the parse (:mod:`diplograph.participants`), the status (:mod:`diplograph.status`),
the source (:mod:`diplograph.attribution`) and the date: the temporal expression of the sentence that
hangs from the trigger or from the verbs above it (``doc._.dates``, from ``diplograph_dates``). Repeated
reports of one event merge into one :class:`~diplograph.types.Contact` with all their evidence
sentences; a denial and a rumour of the same call stay apart. Triggers go to
``doc.spans["diplograph_triggers"]`` (label = contact type) for displaCy.

The steps of reading one trigger are in :mod:`.reading`; who "the two leaders" are in :mod:`.groups`;
people who join a contact reported just before ("took part by phone") in :mod:`.joining`.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import ensure_path

from ..extensions import SPANS_DATES, SPANS_TRIGGERS, register_extensions
from ..resources.countries import load_countries
from ..resources.text import doc_text
from ..types import TimeValue
from .attribution import attribution_of
from .dating import contact_clause, date_contacts, date_for, interleaved_dates
from .joining import co_present, join_definite, join_people, join_reported, remote_part
from .lexicon import answer_cues, attendance_cues, co_presence_phrases, load_triggers
from .merge import merge_contacts, merge_reports, to_contact
from .participants import DocContext, Party, dedupe_parties, is_leader_role, np_parties, told_in_clause
from .raw import RawContact
from .roundups import RoundUp, announcement, elaborate
from .reading import (
    contact_type,
    invitation_hosts,
    negated_topic,
    read_trigger,
    remote_default,
    sits_in,
    trigger_date,
    trigger_parties,
    visit_roles,
)
from .rules import ContactRules, active, current, default_rules
from .status import clause_chain, decide_status, load_cues

__all__ = ["ContactExtractor", "make_contacts", "merge_contacts", "merge_reports"]

_ANAPHORIC_WORDS = {"they", "them", "their", "two", "both", "i", "we", "he", "she", "him", "her", "his", "leaders",
                    "presidents", "ministers", "premiers", "heads", "counterparts", "counterpart"}


def _trigger_hashes(vocab) -> frozenset[int]:
    """Hashes of every lemma or word that can start a contact (triggers, "take part", "alongside")."""
    return current().derived(f"trigger_hashes:{id(vocab)}", lambda rules: _hashes(vocab))


def _hashes(vocab) -> frozenset[int]:
    triggers, _, _ = load_triggers()
    words = {lemma for lemma, _ in triggers} | {"take", "join", "participate", "alongside", "accompany"} \
        | set(co_presence_phrases()) | set(attendance_cues()["participles"])
    return frozenset(vocab.strings.add(w) for w in words) | frozenset(vocab.strings.add(w.capitalize())
                                                                      for w in words)


@Language.factory(
    "diplograph_contacts",
    assigns=["doc._.contacts", "doc.spans"],
    requires=["doc._.people", "token.dep", "token.lemma"],
    default_config={"merge": True, "rules": None},
)
def make_contacts(nlp: Language, name: str, merge: bool, rules: Optional[str]) -> "ContactExtractor":
    return ContactExtractor(nlp, name, merge=merge, rules=rules)


class ContactExtractor:
    """Finds contacts between the people of ``doc._.people`` (see the module docstring).

    ``merge``: reports of one event become one contact; ``rules``: a folder whose rule tables
    (``<table>.jsonl``, see :mod:`.rules`) replace the packaged ones of the same name."""

    def __init__(self, nlp: Language, name: str = "diplograph_contacts", *, merge: bool = True,
                 rules: str | Path | None = None) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.merge = merge
        self.rules = ContactRules.load(rules) if rules is not None else default_rules()

    def add_patterns(self, table: str, rows: Iterable[dict]) -> None:
        """Add rows to a rule table, checked: ``add_patterns("contact_triggers", [{"lemma": "parley",
        "pos": "NOUN", "type": "talks"}])`` (the tables and their fields: :mod:`.rules`)."""
        if self.rules is default_rules():
            self.rules = ContactRules({k: list(v) for k, v in self.rules.tables.items()})
        self.rules.add(table, rows)

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Nothing to learn: the rules were read when the component was created."""

    def to_disk(self, path, *, exclude=tuple()) -> None:
        """Write every rule table (``<path>/<table>.jsonl``)."""
        self.rules.to_disk(ensure_path(path))

    def from_disk(self, path, *, exclude=tuple()) -> "ContactExtractor":
        """Read the rule tables :meth:`to_disk` wrote."""
        rules = ContactRules.from_disk(ensure_path(path))
        self.rules = default_rules() if rules == default_rules() else rules
        return self

    def _gazetteer(self):
        """The people component's gazetteer (with the user's additions), else the packaged one."""
        if "diplograph_people" in self.nlp.pipe_names:
            return self.nlp.get_pipe("diplograph_people").gazetteer
        from ..resources.gazetteer import load_gazetteer

        return load_gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        with active(self.rules):
            return self._process(doc)

    def _process(self, doc: Doc) -> Doc:
        if doc._.people is None or not doc.has_annotation("DEP"):
            doc._.contacts = []
            doc.spans[SPANS_TRIGGERS] = []
            return doc
        ctx = DocContext.of(doc, load_countries(), self._gazetteer())
        raws = list(self.find(doc, ctx))
        headline_status(raws, ctx)
        raws = date_contacts(raws, ctx)
        raws = [r for r in raws if len({p.id for p in r.parties}) >= 2]  # (an event nobody else joined)
        raws = _fold_visits(raws, ctx)
        contacts = merge_contacts(raws, ctx) if self.merge else [to_contact([r], ctx) for r in raws]
        doc._.contacts = contacts
        spans = {(r.trigger.start, r.trigger.end): Span(doc, r.trigger.start, r.trigger.end, label=r.type)
                 for r in raws}
        doc.spans[SPANS_TRIGGERS] = [spans[k] for k in sorted(spans)]
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128):
        for doc in stream:
            yield self(doc)

    # ------------------------------------------------------------------ finding
    def find(self, doc: Doc, ctx: DocContext) -> Iterable[RawContact]:
        triggers, _, _ = load_triggers()
        cues = load_cues()
        dates = [(s, s._.time_value) for s in doc.spans.get(SPANS_DATES, []) if s._.time_value is not None]
        previous: list[RawContact] = []
        questioned: list[RawContact] = []
        rounds: list[RoundUp] = []  # announced round-ups of contacts ("phoned several leaders")
        attended: set[int] = set()
        consumed: set[int] = set()
        sentence_people = {}
        from spacy.attrs import LEMMA, LOWER

        wanted = _trigger_hashes(doc.vocab)
        for i, (lemma, lower) in enumerate(doc.to_array([LEMMA, LOWER]).tolist()):
            if lemma not in wanted and lower not in wanted:
                continue  # (creating a Token for every word costs more than all the rules)
            tok = doc[i]
            if tok.i in consumed:
                continue
            if tok.lemma_ in ("take", "join", "participate") and tok.pos_ == "VERB" and remote_part(tok, ctx, previous):
                continue
            if tok.lemma_ in ("join", "accompany") and tok.pos_ == "VERB" and join_people(tok, ctx, previous):
                continue
            if tok.lower_ in co_presence_phrases() and (co_present(tok, ctx, previous) or not (
                    tok.tag_ in ("VBN", "VBD") and tok.lemma_ in attendance_cues()["participles"])):
                continue  # ("A summit was attended by X and Y": an attendance, below)
            if tok.tag_ in ("VBN", "VBD") and tok.lemma_ in attendance_cues()["participles"] \
                    and ctx.sent_index[tok.i] not in attended and any(c.dep_ == "agent" for c in tok.children):
                attended.add(ctx.sent_index[tok.i])
                for raw in _attendance(ctx.sent(tok), ctx, cues, dates, consumed, previous):
                    previous.append(raw)
                    yield raw
                continue
            spec = triggers.get((tok.lemma_.lower(), "VERB" if tok.pos_ in ("VERB", "AUX") else tok.pos_))
            if spec is None and tok.pos_ == "ADV" and tok.lower_ == "alongside":
                spec = triggers.get(("alongside", "ADP"))
            if spec is None and tok.pos_ == "PROPN":
                spec = triggers.get((tok.lemma_.lower(), "NOUN"))
            if spec is None:
                continue
            if spec.get("courtesy_call") and tok.pos_ == "VERB":
                spec = _courtesy_call(tok, spec, ctx)
            sent = ctx.sent(tok)
            key = sent.start
            if key not in sentence_people:
                words = ctx.words(sent)
                last = next((w for w in reversed(words) if w.strip()), "")
                count = sum(1 for i in range(sent.start, sent.end) if i in ctx.person_of) \
                    or (1 if any(w in _ANAPHORIC_WORDS for w in words) else 0)
                sentence_people[key] = -count if last == "?" else count
            if sentence_people[key] == 0:
                continue  # no person and nothing that could stand for one
            if sentence_people[key] < 0:  # a question is no claim; its answer may make it one
                questioned.extend(self._contacts(tok, spec, ctx, cues, dates, [], consumed, []))
                continue
            for raw in self._contacts(tok, spec, ctx, cues, dates, previous, consumed, rounds):
                previous.append(raw)
                yield raw
                for extra in _instances(tok, raw, ctx, dates, consumed):
                    previous.append(extra)
                    yield extra
        for raw in questioned:
            if _answered(raw, ctx) or _presupposed(raw, ctx):
                yield raw

    def _contacts(self, tok: Token, spec: dict, ctx: DocContext, cues, dates, previous,
                  consumed: set[int], rounds: list[RoundUp]) -> list[RawContact]:
        """The contacts one trigger word names: read its arguments, settle the type, resolve the
        people, date it and decide its status, then build one contact (or one per guest)."""
        if spec.get("head_only") and not _means_of_other_act(tok, spec):
            return []  # "phone" in "phone call" counts through its head noun; "congratulated X by phone" by itself
        reading = read_trigger(tok, spec, ctx, cues, consumed)
        announced = announcement(tok, reading.type if reading else spec["type"], reading.subj if reading else None,
                                 reading.others if reading else [], cues, dates, ctx)
        if announced is not None:
            rounds.append(announced)
        if reading is None:
            return []
        ctype = contact_type(tok, reading.type, ctx)
        named = elaborate(tok, ctype, reading.subj, reading.others, reading.split, rounds, ctx) if rounds else None
        round_date = None
        if named is not None:  # the counterparts of a round-up announced just before
            ctype, subj, split, round_date = named
            reading = reading._replace(subj=subj, split=split)
        ctype = remote_default(tok, ctype, ctx)
        parties = trigger_parties(tok, ctype, reading.subj + reading.others, previous, ctx)
        persons = [p for p in parties if p.kind == "person"]
        countries = [p for p in parties if p.kind == "country"]
        parties, persons, countries = invitation_hosts(tok, ctype, parties, persons, countries, ctx)
        chain, reporter = contact_clause(tok, cues, ctx)
        date = trigger_date(tok, chain, reading.purpose, dates, ctx)
        status, told_by = decide_status(tok, chain, reporter, ctx.sent(tok), cues, words=ctx.words(ctx.sent(tok)),
                                        date_start=date.start_date if date else None, published=ctx.doc._.published,
                                        own_negation=not negated_topic(tok, reading.spec, ctx))
        unmarked = not told_by and (not any(t.pos_ in ("VERB", "AUX") for t in chain)  # "Putin-Obama meeting"
                                    or (len(chain) > 1 and chain[1].lower_ in ("about", "on")))  # "talk about X"
        attribution = attribution_of(tok, reporter, ctx)
        if (len(persons) < 2 or sits_in(tok)) and tok.pos_ not in ("VERB", "AUX") and persons:
            # "invited him to join the call", "Vance and Rubio sat in on the meeting": a definite noun refers
            # back to a contact of the article
            joined = join_reported(tok, ctype, persons, previous, ctx)
            if joined:
                return []
        if ctype == "visit":
            if len(persons) < 2 and not (persons and countries):
                return []
        elif len(persons) < 2:
            return []
        if reading.spec.get("needs_pair_or_with") and len(persons) < 2:
            return []
        trigger = ctx.doc[tok.i:tok.i + 1]
        if reading.split:
            lead = next(p for p in reading.subj if p.kind == "person")
            guests = [p for p in reading.others if p.kind == "person" and p.id != lead.id]
            own_dates = interleaved_dates(guests, dates, ctx.sent(tok))
            return [RawContact(ctype, [lead, p], status, own_dates.get(p.id, date), attribution, ctx.sent(tok), trigger,
                               host=p.id if ctype == "visit" else None, initiator=lead.id if ctype == "visit" else None,
                               round_date=round_date, status_unmarked=unmarked)
                    for p in guests]
        parties = _without_delegates(_without_spouses(parties, ctx), {p.id for p in reading.subj}, ctx.sent(tok), ctx)
        persons = [p for p in persons if p in parties]
        ctype, parties, host, initiator = visit_roles(tok, ctype, reading.subj, parties, persons, countries, ctx)
        return [RawContact(ctype, parties, status, date, attribution, ctx.sent(tok), trigger, host=host,
                           initiator=initiator, round_date=round_date, status_unmarked=unmarked)]


def _means_of_other_act(tok: Token, spec: dict) -> bool:
    """"congratulated X by phone": the means of an act that is no contact word itself (not "spoke by phone")."""
    if not (tok.dep_ == "pobj" and tok.head.lower_ in (spec.get("means_preps") or ())):
        return False
    verb = tok.head.head
    return verb.pos_ in ("VERB", "AUX") and (verb.lemma_.lower(), "VERB") not in load_triggers()[0]


def headline_status(raws: list[RawContact], ctx: DocContext) -> None:
    """"Too early to talk about Putin-Obama meeting" in a headline tells no status of its own (no cue, no
    verb): it takes the status of the body's first report of the same people, so the two merge."""
    if ctx.lede is None:
        return
    body = [r for r in raws if r.trigger.start >= ctx.lede]
    for r in raws:
        if r.trigger.start >= ctx.lede or not r.status_unmarked:
            continue
        people = {p.id for p in r.parties}
        same = next((b for b in body if {p.id for p in b.parties} == people), None)
        if same is not None:
            r.status = same.status


def _without_spouses(parties: list[Party], ctx: DocContext) -> list[Party]:
    """"President Bush and his wife Laura were received by X", "the President and the First Lady received Y":
    a spouse beside two others is at the contact, not a party of it (a pair of spouses stays one)."""
    spouses = {p.id for p in parties if p.kind == "person" and p.id in ctx.people
               and ctx.people[p.id].role == "spouse"}
    if not spouses or len({p.id for p in parties} - spouses) < 2:  # (a country visited counts: "X and his wife")
        return parties
    return [p for p in parties if p.id not in spouses]


def _without_delegates(parties: list[Party], subjects: set[str], sent: Span, ctx: DocContext) -> list[Party]:
    """A meeting of leaders of two or more countries is theirs: a minister or official of a country whose
    leader is at the table, named beside them ("will have lunch with Foreign Minister Wong and Trade
    Minister Farrell"), is of that leader's delegation, not a participant. Subjects stay: the trigger's
    own and any clause's ("talks in which the two foreign ministers took part")."""
    people = [ctx.people.get(p.id) for p in parties if p.kind == "person"]
    leads = {q.country for q in people if q is not None and q.country and is_leader_role(q.role)}
    if len(leads) < 2:
        return parties
    return [p for p in parties if p.kind != "person" or p.id in subjects or p.id not in ctx.people
            or ctx.people[p.id].country not in leads or is_leader_role(ctx.people[p.id].role)
            or _named_as_subject(p.id, sent, ctx)]


def _named_as_subject(pid: str, sent: Span, ctx: DocContext) -> bool:
    """Is the person named in the sentence as a subject ("talks in which X and Y took part")?"""
    for i in range(sent.start, sent.end):
        if ctx.person_of.get(i) == pid:
            tok = ctx.doc[i]
            while tok.dep_ in ("conj", "appos", "compound", "flat") and tok.head != tok:
                tok = tok.head
            if tok.dep_ in ("nsubj", "nsubjpass"):
                return True
    return False


def _fold_visits(raws: list[RawContact], ctx: DocContext) -> list[RawContact]:
    """A trip to a country and a meeting there with one of its people, in one sentence, are one visit
    with a host: "visited Kyiv on Tuesday, where he met Zelensky"."""
    drop = set()
    for i, v in enumerate(raws):
        if v.type != "visit" or not v.initiator:
            continue
        dest = {p.id for p in v.parties if p.kind == "country"}
        if not dest:
            continue
        for m in raws:
            if m is v or m.sentence.start != v.sentence.start or m.type not in ("meeting", "talks", "visit"):
                continue
            ids = {p.id for p in m.parties}
            hosts = [p for p in m.parties if p.kind == "person" and p.id != v.initiator
                     and getattr(ctx.people.get(p.id), "country", None) in dest]
            if v.initiator in ids and len(ids) == 2 and hosts and m.status == v.status:
                m.type, m.initiator, m.host = "visit", v.initiator, hosts[0].id
                m.date = v.date or m.date  # the day of the trip ("will travel tomorrow, where he will meet")
                drop.add(i)
                break
    return [r for i, r in enumerate(raws) if i not in drop]


def _event_of(part: Token, nouns: frozenset[str]) -> Token | None:
    """The event a participle such as "chaired" or "attended" describes: the noun it modifies ("a retreat
    chaired by X"), else the event the verb it hangs from holds or happens in ("held a summit ..., chaired by
    X"; "sat in a retreat chaired by X and attended by Y")."""
    def is_event(t: Token) -> bool:
        return t.pos_ in ("NOUN", "PROPN") and (t.lemma_.lower() in nouns or t.lower_ in nouns)

    t = part
    while t.dep_ == "conj" and t.head.tag_ in ("VBN", "VBD") and t.head != t and not is_event(t.head):
        if t.head.lemma_ not in attendance_cues()["participles"]:
            return _event_in_clause(t.head, part, is_event)
        t = t.head
    if is_event(t.head):
        return t.head
    v = t.head
    for _ in range(2):
        for c in v.children:
            if c.dep_ in ("dobj", "nsubjpass", "nsubj") and is_event(c):
                return c
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "during", "for"):
                for g in c.children:
                    if g.dep_ == "pobj" and is_event(g):
                        return g
                    for a in g.children:  # "in a retreat chaired by ..."
                        if a.i == part.i:
                            return g if is_event(g) else None
        if v.dep_ not in ("conj", "advcl") or v.head == v:
            break
        v = v.head
    return None


def _event_in_clause(v: Token, part: Token, is_event) -> Token | None:
    """The event a clause is set at: "sat ... in a retreat chaired by X and attended by Y" (the second
    participle parsed as a verb of its own, coordinated with "sat")."""
    for c in v.children:
        if c.dep_ in ("dobj", "nsubjpass") and is_event(c):
            return c
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "during", "for"):
            for g in c.children:
                if g.dep_ == "pobj" and is_event(g):
                    return g
    return None


def _attendance(sent: Span, ctx: DocContext, cues, dates: list[tuple[Span, TimeValue]],
                consumed: set[int], previous: list[RawContact]) -> list[RawContact]:
    """"a retreat chaired by Sopoaga and attended by Morrison, Ardern and Bainimarama", "held a summit by
    videoconference, chaired by King Salman": the chair, host and attendees of an event are at it together;
    "the call was joined by A and B": they join the call just reported."""
    ac = attendance_cues()
    events: dict[int, tuple[Token, list[Party]]] = {}
    for t in sent:
        if t.tag_ not in ("VBN", "VBD") or t.lemma_ not in ac["participles"]:
            continue
        agents = [p for a in t.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"
                  for p in np_parties(g, ctx) if p.kind == "person"]
        noun = _event_of(t, ac["event_nouns"]) if agents else None
        if noun is not None:
            events.setdefault(noun.i, (noun, []))[1].extend(agents)
    out = []
    for noun, people in events.values():
        people = dedupe_parties(people)
        if not people or noun.i in consumed:
            continue  # (one person, the chair, may be joined by those "who took part" in the next sentences)
        consumed.add(noun.i)
        words = {c.lower_ for c in noun.subtree} | {noun.lower_} | {  # "held a summit by videoconference"
            g.lower_ for c in noun.head.children if c.dep_ == "prep" and c.lower_ in ("by", "via", "over")
            for g in c.subtree}
        spec = load_triggers()[0].get((noun.lemma_.lower(), "NOUN")) or {}
        ctype = "video_call" if words & ac["video_words"] else (
            spec.get("type") if spec.get("type") in ("phone_call", "video_call", "talks") else "meeting")
        if spec and not spec.get("needs_participants") and join_definite(noun, ctype, people, previous, ctx):
            continue  # ("the summit was attended by A and B": an event of its own, not the call before)
        chain, reporter = clause_chain(noun, cues)
        date = date_for(noun, chain, dates, ctx.person_of.keys(), sent)
        status, _ = decide_status(noun, chain, reporter, sent, cues, words=ctx.words(sent),
                                  date_start=date.start_date if date else None, published=ctx.doc._.published)
        out.append(RawContact(ctype, people, status, date, attribution_of(noun, reporter, ctx), sent,
                              ctx.doc[noun.i:noun.i + 1]))
    return out


def _presupposed(raw: RawContact, ctx: DocContext) -> bool:
    """A question that takes a contact as told: "Could you tell us the results of the meetings you had
    today with A and B?" (a contact noun told in a past relative clause)."""
    tok = raw.trigger[0]
    told = told_in_clause(tok, ctx) if tok.pos_ == "NOUN" else None
    return told is not None and told.tag_ == "VBD" and not any(c.dep_ in ("aux", "neg") for c in told.children)


def _answered(raw: RawContact, ctx: DocContext) -> bool:
    """A contact asked about in a briefing ("Any chance the President meets Putin this year?") is claimed
    by the answer, the line after the question: "No. There's no plan for that" denies it, "I wouldn't rule
    out a call" makes it possible, "Yes" confirms the question's own reading; anything else ("I have
    nothing to announce") leaves no contact. The answerer is the source."""
    import re

    text = doc_text(ctx.doc)
    start = raw.sentence.end_char
    if "\n" in text[raw.sentence.start_char:start + 1]:  # the question ends its line: the answer is the next
        end = text.find("\n", start + 1 + len(text[start:]) - len(text[start:].lstrip()))
    else:
        k = ctx.sent_index[raw.sentence.start]
        following = ctx.sents[k + 1:k + 3]
        end = following[-1].end_char if following else start
    raw_answer = text[start:end if end >= 0 else len(text)]
    pos = start + len(raw_answer) - len(raw_answer.lstrip())
    answer = raw_answer.strip()
    label = re.match(r"(?:[A-Z][A-Z.'’ -]*|[A-Z][a-z]+ [A-Z][a-z]+):\s*", answer)
    if label:
        answer = answer[label.end():]
        pos += label.end()  # (the answerer is the speaker after the label)
    answer = answer.lower().replace("’", "'")
    words = re.findall(r"[a-z']+", answer)
    if not words:
        return False
    first = ctx.doc.char_span(pos, min(pos + 1, len(text)), alignment_mode="expand") if pos < len(text) else None
    speaker = ctx.speaker_at(first[0]) if first else None
    for cue in answer_cues():
        if words[0] in cue.get("starts", []) or (cue["pattern"] is not None and cue["pattern"].search(answer)):
            if cue["status"] != "keep":
                raw.status = cue["status"]
            if speaker is not None and speaker in ctx.people:
                raw.attribution = ctx.people[speaker].name
            return True
    return False


def _instances(tok: Token, raw: RawContact, ctx: DocContext, dates: list[tuple[Span, TimeValue]],
               consumed: set[int]) -> list[RawContact]:
    """"have met 18 times, including a summit in Wuhan in April 2018 and a second one in Chennai in October
    2019": each dated instance is a contact of the same people. Dates are shared out by position (the parser
    often hangs the second date on the first noun)."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if verb.pos_ not in ("VERB", "AUX") or raw.status not in ("occurred", "planned") or raw.date is not None:
        return []
    triggers, _, _ = load_triggers()
    nouns: list[Token] = []
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "including":
            for g in prep.children:
                if g.dep_ == "pobj":
                    nouns.extend(t for t in _conj_chain(g)
                                 if (t.lemma_.lower(), "NOUN") in triggers or t.lower_ in ("one", "ones"))
    if not nouns:
        return []
    sent = ctx.sent(tok)
    ends = [n.i for n in nouns[1:]] + [sent.end]
    out = []
    for n, end in zip(nouns, ends):
        own = [v for span, v in dates if n.i < span.start < end]
        if len(own) != 1:
            continue
        consumed.add(n.i)
        spec = triggers.get((n.lemma_.lower(), "NOUN"))
        out.append(RawContact(type=spec["type"] if spec else raw.type, parties=list(raw.parties), status=raw.status,
                              date=own[0], attribution=raw.attribution, sentence=raw.sentence,
                              trigger=ctx.doc[n.i:n.i + 1]))
    return out


def _conj_chain(tok: Token) -> list[Token]:
    out = [tok]
    for ch in tok.children:
        if ch.dep_ == "conj":
            out.extend(_conj_chain(ch))
    return out


def _courtesy_call(tok: Token, spec: dict, ctx: DocContext) -> dict:
    """"External Affairs Minister Jaishankar called on President Lourenço": a courtesy call is a meeting;
    not "called on Putin to end the war" nor "called on the government"."""
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in spec["courtesy_call"] and c.i == tok.i + 1),
                None)
    if prep is None or not any(g.dep_ == "pobj" and g.i in ctx.person_of for g in prep.children):
        return spec
    if any(t.tag_ == "VB" and t.i > prep.i and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
           for t in tok.subtree):
        return spec  # ("is scheduled to call on Prayut" is a courtesy call; "called on Putin to end" is not)
    return {**spec, "type": "meeting", "args": ["subj", *spec["courtesy_call"]], "not_with": ["for", "off", "as"],
            "courtesy_call": None}

