"""The ``diplograph_contacts`` component: who met or spoke with whom, when, whether, and who says so.

For every trigger word (``data/contact_triggers.jsonl``: "met", "phoned", "talks", "visit" ...) it reads
the participants from the parse (:mod:`diplograph.participants`), the status (:mod:`diplograph.status`),
the source (:mod:`diplograph.attribution`) and the date: the temporal expression of the sentence that
hangs from the trigger or from the verbs above it (``doc._.dates``, from ``diplograph_dates``). Repeated
reports of one event merge into one :class:`~diplograph.types.Contact` with all their evidence
sentences; a denial and a rumour of the same call stay apart. Triggers go to
``doc.spans["diplograph_triggers"]`` (label = contact type) for displaCy.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import ensure_path

from ..extensions import SPANS_DATES, SPANS_TRIGGERS, register_extensions
from ..resources.countries import load_countries
from ..resources.text import doc_text
from ..types import TimeValue
from .attribution import attribution_of
from .dating import (
    date_contacts,
    date_for,
    interleaved_dates,
    occasion_date,
    perfect_today,
)
from .groups import resolve_group, sentences_between
from .lexicon import (
    answer_cues,
    attendance_cues,
    co_presence_phrases,
    load_triggers,
    multilateral_words,
)
from .merge import merge_contacts, merge_reports, to_contact
from .participants import (
    DocContext,
    Party,
    dedupe_parties,
    list_continuation,
    noun_parties,
    np_parties,
    verb_parties,
)
from .raw import RawContact
from .rules import ContactRules, active, current, default_rules
from .same_event import compatible_types
from .status import clause_chain, decide_status, load_cues

__all__ = ["ContactExtractor", "make_contacts", "merge_contacts", "merge_reports"]

SPECIFIC = ("phone_call", "video_call", "meeting", "visit")
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
        attended: set[int] = set()
        consumed: set[int] = set()
        sentence_people = {}
        from spacy.attrs import LEMMA, LOWER

        wanted = _trigger_hashes(doc.vocab)
        keys = doc.to_array([LEMMA, LOWER])
        for i in range(len(doc)):
            if int(keys[i, 0]) not in wanted and int(keys[i, 1]) not in wanted:
                continue  # (creating a Token for every word costs more than all the rules)
            tok = doc[i]
            if tok.i in consumed:
                continue
            if tok.lemma_ in ("take", "join", "participate") and tok.pos_ == "VERB" and self._remote_part(tok, ctx, previous):
                continue
            if tok.lemma_ in ("join", "accompany") and tok.pos_ == "VERB" and self._join_people(tok, ctx, previous):
                continue
            if tok.lower_ in co_presence_phrases():
                self._co_present(tok, ctx, previous)
                continue
            if tok.tag_ in ("VBN", "VBD") and tok.lemma_ in attendance_cues()["participles"] \
                    and ctx.sent_index[tok.i] not in attended and any(c.dep_ == "agent" for c in tok.children):
                attended.add(ctx.sent_index[tok.i])
                for raw in _attendance(ctx.sent(tok), ctx, cues, dates, consumed):
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
                questioned.extend(self._contacts(tok, spec, ctx, cues, dates, [], consumed))
                continue
            for raw in self._contacts(tok, spec, ctx, cues, dates, previous, consumed):
                previous.append(raw)
                yield raw
                for extra in _instances(tok, raw, ctx, dates, consumed):
                    previous.append(extra)
                    yield extra
        for raw in questioned:
            if _answered(raw, ctx):
                yield raw

    def _contacts(self, tok: Token, spec: dict, ctx: DocContext, cues, dates, previous,
                  consumed: set[int]) -> list[RawContact]:
        """The contacts one trigger word names: read its arguments, settle the type, resolve the
        people, date it and decide its status, then build one contact (or one per guest)."""
        if spec.get("head_only"):
            return []  # "phone" in "phone call" counts through its head noun
        reading = _read_trigger(tok, spec, ctx, cues, consumed)
        if reading is None:
            return []
        ctype = _contact_type(tok, reading.type, ctx)
        parties = self._trigger_parties(tok, ctype, reading.subj + reading.others, previous, ctx)
        persons = [p for p in parties if p.kind == "person"]
        countries = [p for p in parties if p.kind == "country"]
        chain, reporter = clause_chain(tok, cues)
        date = _trigger_date(tok, chain, reading.purpose, dates, ctx)
        status, _ = decide_status(tok, chain, reporter, ctx.sent(tok), cues, words=ctx.words(ctx.sent(tok)),
                                  date_start=date.start_date if date else None, published=ctx.doc._.published)
        attribution = attribution_of(tok, reporter, ctx)
        if (len(persons) < 2 or _sits_in(tok)) and tok.pos_ not in ("VERB", "AUX") and persons:
            # "invited him to join the call", "Vance and Rubio sat in on the meeting": a definite noun refers
            # back to a contact of the article
            joined = self._join(tok, ctype, persons, previous, ctx)
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
                               host=p.id if ctype == "visit" else None, initiator=lead.id if ctype == "visit" else None)
                    for p in guests]
        parties, persons, countries = _invitation_hosts(tok, ctype, parties, persons, countries, ctx)
        ctype, parties, host, initiator = _roles(tok, ctype, reading.subj, parties, persons, countries, ctx)
        return [RawContact(ctype, parties, status, date, attribution, ctx.sent(tok), trigger, host=host,
                           initiator=initiator)]

    def _trigger_parties(self, tok: Token, ctype: str, found: list[Party], previous: list[RawContact],
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

    @staticmethod
    def _remote_part(tok: Token, ctx: DocContext, previous: list[RawContact]) -> bool:
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
            return False  # "took part in the G20 summit": an event of its own (see _join)
        if not previous:
            return False
        from .participants import subjects_of

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
        target = {p.id for p in last.parties}
        for other in previous:
            if {p.id for p in other.parties} == target:
                other.parties = dedupe_parties(other.parties + who)
        last.extra_sentences.append(ctx.sent(tok))
        return True

    @staticmethod
    def _join_people(tok: Token, ctx: DocContext, previous: list[RawContact]) -> bool:
        """"Crown Prince Mohammed bin Salman joined the king in Riyadh" after a summit chaired by the king;
        "Sall, Hichilema and Assoumani accompanied Ramaphosa": the subjects join the contacts just reported
        that the object took part in (this or the previous sentence)."""
        from .participants import subjects_of

        if tok.dep_ in ("relcl", "acl") or tok.tag_ not in ("VBD", "VBN"):
            return False  # "Araghchi, who is accompanying Pezeshkian, met Lammy": an aside about the trip
        objects = {p.id for c in tok.children if c.dep_ == "dobj" for p in np_parties(c, ctx) if p.kind == "person"}
        agents = [p for a in tok.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"
                  for p in np_parties(g, ctx) if p.kind == "person"]
        if agents and not objects:  # "Ramaphosa was accompanied by Steenhuisen and Tau"
            objects = {p.id for s_tok in subjects_of(tok) for p in np_parties(s_tok, ctx) if p.kind == "person"}
            who = dedupe_parties([p for p in agents if p.id not in objects])
        else:
            who = dedupe_parties([p for s_tok in subjects_of(tok) for p in np_parties(s_tok, ctx) if p.kind == "person"
                           and p.id not in objects])
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

    @staticmethod
    def _co_present(tok: Token, ctx: DocContext, previous: list[RawContact]) -> bool:
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
        from .participants import subjects_of

        who = dedupe_parties([p for s_tok in subjects_of(verb) for p in np_parties(s_tok, ctx) if p.kind == "person"])
        if not who or not previous:
            return False
        last = previous[-1]
        if sentences_between(ctx, last.sentence.start, ctx.sent(tok).start) > 1 \
                or last.type not in ("meeting", "talks", "visit", "video_call") or last.status != "occurred":
            return False
        target = {p.id for p in last.parties}
        for other in previous:
            if {p.id for p in other.parties} == target:
                other.parties = dedupe_parties(other.parties + who)
        last.extra_sentences.append(ctx.sent(tok))
        return True

    @staticmethod
    def _join(tok: Token, ctype: str, persons: list[Party], previous: list[RawContact], ctx: DocContext) -> bool:
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


class _Reading(NamedTuple):
    """A trigger's arguments as its part of speech reads them."""
    type: str
    spec: dict  # (a courtesy call's noun reads as a meeting)
    subj: list[Party]
    others: list[Party]
    split: bool  # one subject and several guests: one bilateral contact per guest
    purpose: list[Token]  # "travelled to Caracas to meet Maduro": the verbs of the trip's purpose


def _read_trigger(tok: Token, spec: dict, ctx: DocContext, cues, consumed: set[int]) -> _Reading | None:
    """The arguments of a preposition, verb or noun trigger; None if the rules say it names no contact."""
    if tok.pos_ == "ADP":  # "signed the deal alongside Rubio": the clause's subject and the object
        from .participants import subjects_of

        subj = [p for s_tok in subjects_of(tok.head) for p in np_parties(s_tok, ctx)] if tok.head.pos_ in (
            "VERB", "AUX") and tok.head.lemma_ not in cues.reporting else []  # not "Alongside X, Y said"
        others = [p for g in tok.children if g.dep_ == "pobj" for p in np_parties(g, ctx)]
        return _Reading(spec["type"], spec, subj, others, False, [])
    if tok.pos_ in ("VERB", "AUX"):
        return _read_verb(tok, spec, ctx, consumed)
    return _read_noun(tok, spec, ctx)


def _verb_excluded(tok: Token, spec: dict, ctx: DocContext) -> bool:
    """Does the verb miss what its rule asks for ("called for", "called him a liar")?"""
    if spec.get("needs_object_word") and not any(c.dep_ == "dobj" and c.lower_ == spec["needs_object_word"]
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


def _read_verb(tok: Token, spec: dict, ctx: DocContext, consumed: set[int]) -> _Reading | None:
    """A verb's subjects and objects (with the people a trip is "to meet")."""
    ctype = spec["type"]
    if _verb_excluded(tok, spec, ctx):
        return None
    subj, others = verb_parties(tok, spec, ctx)
    others = dedupe_parties(others + list_continuation(others, ctx, tok.i, {p.id for p in subj}))
    if not others and ctype != "visit" and _unnamed_counterpart(tok, ctx):
        return None  # "Vučić and Kurti spoke with European mediators": not with each other
    if spec.get("event_hosts") and not subj and tok.dep_ == "relcl" and tok.head.head.pos_ in ("VERB", "AUX") \
            and tok.head.head.lemma_.lower() in spec["event_hosts"] and tok.head.dep_ in ("dobj", "nsubjpass"):
        from .participants import (
            subjects_of,  # "X chaired the meeting, which brought together A and B"
        )

        subj = [p for s_tok in subjects_of(tok.head.head) for p in np_parties(s_tok, ctx)]
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
    split = len([p for p in subj if p.kind == "person"]) == 1 and \
        len([p for p in others if p.kind == "person"]) >= 2 and not spec.get("multilateral") \
        and tok.lemma_ not in ("host", "receive", "welcome", "bring")  # one host, guests together
    return _Reading(ctype, spec, subj, others, split, purpose)


def _read_noun(tok: Token, spec: dict, ctx: DocContext) -> _Reading | None:
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
    # "held separate meetings with Sunak, Kishida and Meloni": bilateral, as for verbs
    split = len([p for p in subj if p.kind == "person"]) == 1 and \
        len([p for p in others if p.kind == "person"]) >= 2 and \
        any(c.dep_ == "prep" and c.lower_ == "with" for c in [*tok.children, *(gov.children if gov is not None else [])]) \
        and not any(c.lower_ in multilateral_words() for c in tok.children if c.i < tok.i)
    if spec.get("needs_participants") and tok.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr") \
            and len(_own_people(tok, ctx)) < 2:
        return None  # "during the summit", "at a dinner": a venue, not a contact
    if _setting(tok) and not _own_people(tok, ctx):
        return None  # "During the visit, the five leaders phoned Trump": the time of another contact
    return _Reading(_refine_type(tok, ctype), spec, subj, others, split, [])


def _contact_type(tok: Token, ctype: str, ctx: DocContext) -> str:
    """The type the trigger's phrase, setting and place make of it ("spoke by phone", "talks in Sochi")."""
    ctype = _phrase_type(tok, ctype, ctx)
    if ctype == "talks" and tok.pos_ in ("VERB", "AUX"):
        ctype = _setting_type(tok, ctype)
    if ctype == "talks" and (_located(tok, ctx) or _held_talks(tok)):
        ctype = "meeting"  # "talks in Sochi", "held talks with": in person unless a phone or video says otherwise
    return ctype


def _trigger_date(tok: Token, chain: list[Token], purpose: list[Token], dates: list[tuple[Span, TimeValue]],
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


def _invitation_hosts(tok: Token, ctype: str, parties: list[Party], persons: list[Party],
                      countries: list[Party], ctx: DocContext) -> tuple[list[Party], list[Party], list[Party]]:
    """(parties, persons, countries) with the inviter of a visit to their own country as its host."""
    if ctype == "visit" and tok.dep_ == "xcomp" and tok.head.lemma_ in ("invite", "welcome", "ask", "urge"):
        # "Putin invited Trump to visit Moscow": the inviter hosts a visit to their own country
        inviters = [p for s_tok in (c for c in tok.head.children if c.dep_ == "nsubj")
                    for p in np_parties(s_tok, ctx) if p.kind == "person"]
        dest = {p.id for p in countries}
        for inv in inviters:
            person = ctx.people.get(inv.id)
            if person is not None and person.country in dest:
                persons = dedupe_parties(persons + [inv])
                parties = [p for p in parties if p.kind == "person"] + [inv]
                parties = dedupe_parties(parties)
                countries = []
    if ctype == "visit" and countries:
        # "will visit Russia at the invitation of Foreign Minister Sergei Lavrov": the inviter hosts
        for inv in _invited_by(tok, ctx):
            person = ctx.people.get(inv.id)
            if person is not None and person.country in {p.id for p in countries}:
                parties = dedupe_parties([p for p in parties if p.kind == "person"] + [inv])
                persons, countries = [p for p in parties if p.kind == "person"], []
    return parties, persons, countries


def _roles(tok: Token, ctype: str, subj: list[Party], parties: list[Party], persons: list[Party],
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


def _own_people(noun: Token, ctx: DocContext) -> set[str]:
    """People named on a noun itself: possessor, "with" / "between" / "of" objects."""
    out = set()
    for ch in noun.children:
        if ch.dep_ == "poss":
            out |= {p.id for p in np_parties(ch, ctx) if p.kind == "person"}
        if ch.dep_ == "prep" and ch.lower_ in ("with", "between", "among", "of"):
            for g in ch.children:
                if g.dep_ == "pobj":
                    out |= {p.id for p in np_parties(g, ctx) if p.kind == "person"}
    return out


def _invited_by(tok: Token, ctx: DocContext) -> list[Party]:
    """The people of "at the invitation of X" / "at X's invitation" in the trigger's clause."""
    out = []
    for t in ctx.sent(tok):
        if t.lemma_ == "invitation" and t.head.dep_ == "prep":
            for ch in t.children:
                if ch.dep_ == "poss":
                    out.extend(np_parties(ch, ctx))
                if ch.dep_ == "prep" and ch.lower_ == "of":
                    for g in ch.children:
                        if g.dep_ == "pobj":
                            out.extend(np_parties(g, ctx))
    return [p for p in out if p.kind == "person"]


def _for_a_visit(verb: Token) -> bool:
    """"will host Macron for a state visit"."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(g.dep_ == "pobj" and g.lemma_ in ("visit", "trip")
                                                           for g in c.children) for c in verb.children)


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
                    if refined in SPECIFIC:
                        return refined
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
                if tok_at.head.i == tok.i or tok_at.head.head.i == tok.i or abs(tok_at.i - tok.i) <= 4:
                    if t and (ctype == "talks" or t == "meeting"):
                        return t
    return ctype


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
                consumed: set[int]) -> list[RawContact]:
    """"a retreat chaired by Sopoaga and attended by Morrison, Ardern and Bainimarama", "held a summit by
    videoconference, chaired by King Salman": the chair, host and attendees of an event are at it together."""
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
        ctype = "video_call" if words & ac["video_words"] else "meeting"
        chain, reporter = clause_chain(noun, cues)
        date = date_for(noun, chain, dates, ctx.person_of.keys(), sent)
        status, _ = decide_status(noun, chain, reporter, sent, cues, words=ctx.words(sent),
                                  date_start=date.start_date if date else None, published=ctx.doc._.published)
        out.append(RawContact(ctype, people, status, date, attribution_of(noun, reporter, ctx), sent,
                              ctx.doc[noun.i:noun.i + 1]))
    return out


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


def _sits_in(noun: Token) -> bool:
    """"sat in on the meeting", "attended the talks", "joined the call": people added to a definite event."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return False
    head = noun.head
    if head.dep_ == "prep" and head.lower_ in ("in", "on"):
        head = head.head
    return head.lemma_ in ("join", "attend", "participate", "sit") and head.pos_ == "VERB"


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


def _hosted_by(noun: Token, ctx: DocContext) -> set[str]:
    """The people of "hosted by X" (or "given by", "organised by") hanging from a contact noun."""
    out = set()
    for ch in noun.children:
        if ch.dep_ == "acl" and ch.tag_ == "VBN" and ch.lemma_ in ("host", "give", "organise", "organize", "offer"):
            for ag in ch.children:
                if ag.dep_ == "agent":
                    out |= {p.id for g in ag.children if g.dep_ == "pobj" for p in np_parties(g, ctx) if p.kind == "person"}
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

