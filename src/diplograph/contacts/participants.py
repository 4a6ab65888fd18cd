"""Who takes part in a contact, read from the dependency parse (never from mere co-occurrence).

A :class:`DocContext` maps tokens to the people and countries the ``diplograph_people`` component
found. :func:`np_parties` reads the people a noun phrase names, through coordination ("Macron, Scholz
and Tusk"), apposition ("his Russian counterpart, Vladimir Putin"), hyphenated pairs ("the
Erdoğan-Trump talks") and pronouns; :func:`verb_parties` and :func:`noun_parties` read the subjects,
objects and "with"/"between"/"to" phrases of a trigger word and of the verb that governs it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..extensions import SPANS_COUNTRIES, SPANS_PEOPLE
from ..resources.text import doc_text
from ..types import Country, Mention, Person
from .lexicon import attendance_cues, load_triggers
from .status import load_cues, verb_above

__all__ = ["DocContext", "Party", "np_parties", "verb_parties", "noun_parties", "governing_verb"]

SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}
#: The roles of a country's leaders (heads of state and government).
LEADER_ROLES = ("president", "prime minister", "chancellor", "king", "emir", "premier", "leader", "supreme leader",
                "sultan", "queen", "crown prince")

NP_LINKS = {"compound", "appos", "flat", "nmod", "npadvmod", "amod", "nummod", "poss"}
# Verbs of a relative clause that tells its noun's contact: "the call he had / held / made with X".
CLAUSE_LIGHT_VERBS = {"have", "hold", "conduct", "make", "place", "pay"}
LIGHT_VERBS = {"hold", "have", "conduct", "attend", "engage", "make", "do", "join", "be", "begin", "start",
               "wrap", "end", "conclude", "continue", "resume", "pay", "arrange", "plan", "schedule", "seek",
               "propose", "suggest", "request", "offer", "host", "organize", "organise", "chair", "take",
               "include", "confirm", "announce", "set", "expect", "want", "call", "agree", "follow"}
PLURAL_ANAPHORS = {"they", "them", "both", "leaders", "presidents", "ministers", "sides", "heads", "men",
                   "counterparts", "two", "pair", "we", "us"}
# "discussed in a phone call", "agreed during talks": the noun is how the verb happened. Not so for
# "following his call with X, he ...", "before the meeting, ...": another event.
MANNER_PREPS = {"in", "during", "by", "via", "over", "at", "on", "through", "with"}
# Nouns whose infinitive belongs to their owner: "has no plans to meet", "accepted an invitation to visit".
INTENT_NOUNS = {"plan", "plans", "intention", "decision", "invitation", "offer", "proposal", "desire", "wish",
                "readiness", "willingness", "bid", "attempt", "effort", "chance", "opportunity", "request",
                "agreement", "promise", "hope", "time", "need", "right", "way", "reason", "intent"}
# Verbs whose object is the subject of their infinitive: "invited him to visit", "urged Putin to declare".
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                   "herself": "f"}
_FEMALE_WORDS = {"spokeswoman", "ms", "mrs", "madam", "madame", "queen", "princess", "chairwoman", "congresswoman",
                 "sultana", "empress", "duchess", "dame", "lady"}
_MALE_WORDS = {"spokesman", "mr", "king", "prince", "chairman", "congressman", "sultan", "emperor", "duke", "sir",
               "sheikh", "emir"}
SENDING_VERBS = {"send", "dispatch"}  # "sent Blinken to Beijing to meet Xi": a purpose clause of the object
OBJECT_CONTROL = {"invite", "ask", "urge", "tell", "persuade", "allow", "want", "press", "encourage",
                  "call"} | SENDING_VERBS
# Common nouns that head a phrase naming a person ("his Russian counterpart", "the president").
_TITLE_HEADS = {"counterpart", "counterparts", "president", "minister", "leader", "premier", "chancellor", "king",
                "queen", "emir", "prince", "secretary", "spokesman", "spokeswoman", "spokesperson", "envoy",
                "ambassador", "aide", "adviser", "advisor", "chief", "head", "ruler", "official", "host", "guest",
                "delegation", "team", "side"}
MEASURE_NOUNS = {"hour", "hours", "minute", "minutes", "day", "days", "round", "rounds", "session", "sessions",
                 "series", "week", "weeks", "part", "lot", "couple", "result", "results", "outcome", "outcomes"}
DELEGATION_NOUNS = {"delegation", "team", "side", "mission", "group"}
# Verbs whose "to"-object takes part: "suggested a meeting to Lula", "paid a visit to X", "made a call to X".
RECEIVING_VERBS = {"receive", "take", "get", "accept", "return"}  # "received a call from X"
ADDRESSED_VERBS = {"suggest", "propose", "offer", "pay", "make", "place", "extend", "give", "accord"}
# Subjects that stand for their owner: "Lula's schedule does not include a meeting with X".
AGENDA_NOUNS = {"schedule", "agenda", "itinerary", "programme", "program", "calendar", "plan", "plans"}
PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
FIRST_PERSON = {"i", "me", "my", "myself"}


def is_leader_role(role: str | None) -> bool:
    """Does the role lead a country or a union ("president", "president of the european commission")?"""
    role = (role or "").lower()
    return role in LEADER_ROLES or any(role.startswith(r + " of ") for r in LEADER_ROLES)


@dataclass(frozen=True)
class Party:
    """A participant found in the text: a person id, or a country (for visits without a host)."""

    id: str
    kind: str  # "person" | "country" | "group"
    token: int


@dataclass
class DocContext:
    doc: Doc
    person_of: dict[int, str] = field(default_factory=dict)
    country_of: dict[int, str] = field(default_factory=dict)
    seat_of: dict[int, str] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    mention_starts: list[tuple[int, str]] = field(default_factory=list)
    mention_heads: dict[int, int] = field(default_factory=dict)  # mention start -> its head token
    speaker: str | None = None
    line_speakers: list[tuple[int, str | None]] = field(default_factory=list)  # (token, speaker) from labels
    gazetteer: object | None = None  # diplograph.gazetteer.Gazetteer, for offices named without a name
    sents: list[Span] = field(default_factory=list)
    genders: dict[str, str | None] | None = None  # person -> "f"/"m" from the text's words, filled when first asked
    sent_index: list[int] = field(default_factory=list)  # token -> index in sents
    lowers: list[str] = field(default_factory=list)  # token -> lower-case form
    outlets: list[tuple[int, str]] | None = None  # news outlets named, found when first needed
    lede: int | None = None  # first token of the lead sentence (the first of the body, after the headline)
    quotes: list[tuple[int, int, str | None]] | None = None  # (first, last token, speaker), found when first needed

    def sent(self, tok: Token) -> Span:
        """The sentence of ``tok`` (cached: ``Token.sent`` walks the document each time)."""
        return self.sents[self.sent_index[tok.i]]

    def words(self, span: Span) -> list[str]:
        return self.lowers[span.start:span.end]

    @classmethod
    def of(cls, doc: Doc, lexicon=None, gazetteer=None) -> "DocContext":
        ctx = cls(doc, gazetteer=gazetteer)
        from spacy.attrs import LOWER

        ctx.sents = list(doc.sents)
        ctx.sent_index = [0] * len(doc)
        for k, sent in enumerate(ctx.sents):
            ctx.sent_index[sent.start:sent.end] = [k] * (sent.end - sent.start)
        strings = doc.vocab.strings
        ctx.lowers = [strings[h] for h in doc.to_array(LOWER).tolist()] if len(doc) else []
        ctx.people = {p.id: p for p in (doc._.people or [])}
        ctx.countries = {c.code: c for c in (doc._.countries or [])}
        authors = {p.id for p in ctx.people.values() if p.is_author}
        for span in doc.spans.get(SPANS_PEOPLE, []):
            pid = span._.person_id
            if pid and pid not in authors:
                for i in range(span.start, span.end):
                    ctx.person_of[i] = pid
                ctx.mention_starts.append((span.start, pid))
                ctx.mention_heads[span.start] = span.root.i
        for span in doc.spans.get(SPANS_COUNTRIES, []):
            code = span._.country_code
            for i in range(span.start, span.end):
                ctx.country_of[i] = code
            if lexicon is not None and lexicon.is_seat(doc_text(doc)[span.start_char:span.end_char]):
                for i in range(span.start, span.end):
                    ctx.seat_of[i] = code
        ctx.mention_starts.sort()
        ctx.speaker = _speaker(doc, ctx)
        ctx.line_speakers = _line_speakers(doc, ctx)
        for colon, _ in ctx.line_speakers:  # a speaker label ("MR. KIRBY:") takes part in nothing it says
            sent_start = ctx.sents[ctx.sent_index[colon]].start
            for i in range(sent_start, colon):
                ctx.person_of.pop(i, None)
        ctx.lede = _lede(doc, ctx)
        return ctx

    def quote_speaker(self, tok: Token) -> str | None:
        """Who speaks the quotation ``tok`` stands in ("“I met my counterpart ...,” he said"), or None."""
        if self.quotes is None:
            self.quotes = find_quotes(self)
        for first, last, who in self.quotes:
            if first < tok.i < last:
                return who
        return None

    def in_quote(self, tok: Token) -> bool:
        """Does ``tok`` stand inside a quotation (one that may run over sentences)?"""
        if self.quotes is None:
            self.quotes = find_quotes(self)
        return any(first < tok.i < last for first, last, _ in self.quotes)

    def addressee(self, tok: Token) -> str | None:
        """Who "you" is: the person a question opens by addressing ("Question: Mr Putin, you have already
        described your meeting ..."), in its sentence or the one before."""
        k = self.sent_index[self.sent(tok).start]
        for sent in self.sents[max(0, k - 1):k + 1]:
            for start, pid in self.mention_starts:
                if not sent.start <= start < min(sent.end, tok.i):
                    continue
                end = start
                while self.person_of.get(end) == pid:
                    end += 1
                lead = self.doc[sent.start:start]
                if end < len(self.doc) and self.doc[end].text == "," and len(lead) <= 4 \
                        and all(t.is_title or t.is_upper or t.is_punct for t in lead):
                    return pid
                break  # (only the sentence's first name can be the one addressed)
        return None

    def speaker_at(self, tok: Token) -> str | None:
        """Who says "I" at ``tok``: the speaker label of its transcript line ("PRIME MINISTER ISHIBA: ..."),
        else the author of a statement."""
        current = self.speaker
        for start, pid in self.line_speakers:
            if start > tok.i:
                break
            current = pid
        return current

    def leader_of(self, code: str, near: int) -> str | None:
        """The person of the document who leads ``code`` (for "visit to the White House")."""
        cands = [p for p in self.people.values() if p.country == code and not p.is_author
                 and (p.role or "") in LEADER_ROLES and p.role != "crown prince" and self.in_office(p.id)]
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0].id
        return min(cands, key=lambda p: min(abs(m.start - self.doc[near].idx) for m in p.mentions)).id

    def in_office(self, pid: str) -> bool:
        """Is the person in office on the publication date, as far as the gazetteer knows? ("then Prime
        Minister Hatoyama" is no leader of Japan for an article of the year after.)"""
        leader = self.gazetteer.by_id.get(pid) if self.gazetteer is not None else None
        if leader is None or not leader.terms or not self.doc._.published:
            return True
        return bool(leader.terms_at(dt.date.fromisoformat(self.doc._.published)))

    def holder(self, code: str, role: str | None, office: str, mention: Span | None = None,
               office_holders: bool = True) -> str | None:
        """The person of the document from ``code`` with that role (any leader for role None), else (with
        ``office_holders``) the gazetteer's holder of ``office`` on the publication date, who then joins the
        document's people."""
        cands = [p for p in self.people.values() if p.country == code and not p.is_author and self.in_office(p.id)
                 and ((role is None and (p.role or "") in LEADER_ROLES) or (role is not None and p.role == role))]
        if len(cands) == 1:
            return cands[0].id
        if cands or self.gazetteer is None or not self.doc._.published or not office_holders:
            return None
        day = dt.date.fromisoformat(self.doc._.published)
        found = self.gazetteer.holders(code, [office], day)
        if role is not None:  # "the presidents of Iran and Turkey": a president, not Iran's Supreme Leader
            found = self._titled_holders(code, role, office, day) or \
                ([] if any(_term_title(h, day) for h in found) else found)
        if len(found) != 1:
            return None
        leader = found[0]
        term = leader.latest_term(day)
        person = Person(id=leader.id, name=leader.name, country=leader.country, role=term.title if term else role,
                        wikidata=leader.wikidata)
        if mention is not None:
            person.mentions.append(Mention(mention.start_char, mention.end_char, mention.text))
            person.aliases.append(mention.text)
        self.people[person.id] = person
        self.doc._.people = list(self.doc._.people or []) + [person]
        return person.id

    def _titled_holders(self, code: str, role: str, office: str, day: dt.date) -> list:
        """The holder of ``office`` whose title names ``role``; for a head of state, also the head of
        government so titled (Iran's president)."""
        offices = [office] + (["head_of_government"] if office == "head_of_state" else [])
        return [h for o in offices for h in self.gazetteer.holders(code, [o], day) if role in _term_title(h, day)][:1]

    def _subjects_above(self, tok: Token) -> set[str]:
        """People who are subjects of the verbs governing ``tok`` (its clause and the clauses above)."""
        out: set[str] = set()
        t = tok
        for _ in range(6):
            if t.pos_ in ("VERB", "AUX"):
                for ch in t.children:
                    if ch.dep_ in ("nsubj", "nsubjpass"):
                        out |= {self.person_of[x.i] for x in ch.subtree if x.i in self.person_of}
            if t.head == t:
                break
            t = t.head
        return out

    def gender(self, pid: str) -> str | None:
        """"f" or "m" when the text's own words for the person say so ("spokeswoman", "Mrs.", "King")."""
        person = self.people.get(pid)
        if person is None:
            return None
        words = {w.strip(".,").lower() for m in person.mentions for w in m.text.split()} | {(person.role or "").lower()}
        female, male = bool(words & _FEMALE_WORDS), bool(words & _MALE_WORDS)
        return "f" if female and not male else "m" if male and not female else None

    def _other_gender(self, tok: Token) -> set[str]:
        """The people a gendered pronoun cannot stand for (by :meth:`gender`, read once per document)."""
        want = _PRONOUN_GENDER.get(tok.lower_)
        if want is None:
            return set()
        if self.genders is None:
            self.genders = {pid: self.gender(pid) for pid in self.people}
        return {pid for pid, g in self.genders.items() if g not in (None, want)}

    def _same_clause(self, tok: Token, same: list[tuple[int, str]]) -> str | None:
        """The person named before ``tok`` in its own clause (coordinated verbs counting as one): the last
        one; for a subject pronoun, the last subject ("Anwar received A and later he received B")."""
        doc, clause = self.doc, _clause_verb(tok)
        if clause is None:
            return None
        local = [(start, pid) for start, pid in same
                 if getattr(_clause_verb(doc[self.mention_heads.get(start, start)]), "i", None) == clause.i]
        if local and tok.dep_ == "nsubj":
            subjects = [pid for start, pid in local
                        if _role(doc[self.mention_heads.get(start, start)]) in ("nsubj", "nsubjpass")]
            if subjects:
                return subjects[-1]
        return local[-1][1] if local else None

    def resolve_pronoun(self, tok: Token, exclude: set[str]) -> str | None:
        """He/she/him/his: the subject of a main clause that a fronted phrase anticipates ("Following his
        call with X, Erdoğan ..."); else the nearest person before it in the sentence; else the latest
        person subject of the previous sentence, else its latest person."""
        sent = self.sent(tok)
        doc = self.doc
        root = sent.root
        exclude = set(exclude) | self._other_gender(tok)  # "he" is not the spokeswoman the text named
        if self.line_speakers:  # in a transcript, "he" is never one of those speaking (they are "I" and "you")
            exclude = set(exclude) | ({pid for _, pid in self.line_speakers} - {None})
        for ch in root.children:
            if ch.dep_ in ("nsubj", "nsubjpass") and ch.i > tok.i and tok.i < root.i:
                for t in _np_tokens(ch):
                    pid = self.person_of.get(t.i)
                    if pid and pid not in exclude:
                        return pid
        if tok.dep_ == "nsubj" and tok.head.dep_ == "conj":
            # "He'll also see our host, Meloni, and he looks forward to ...": the same "he" as the first clause's
            first = next((c for c in tok.head.head.children if c.dep_ == "nsubj" and c.i < tok.i
                          and c.lower_ == tok.lower_ and c.pos_ == "PRON"), None)
            if first is not None:
                return self.resolve_pronoun(first, exclude)
        same = [(start, pid) for start, pid in self.mention_starts if sent.start <= start < tok.i and pid not in exclude]
        if same:
            # the same clause first ("for Biden the commitment goes back to his first meeting"), then the
            # subject or its possessor ("Modi's call ... came two days after he spoke"), then the nearest
            local = self._same_clause(tok, same)
            if local:
                return local
            if tok.lower_ in ("him", "her") and tok.dep_ in ("dobj", "dative", "pobj"):
                # an object pronoun is not its clause's subject: "the President ... invited him"; it is the
                # "he" of the sentence ("Before that he was in Kuala Lumpur, ... where Hun Sen received him")
                above = self._subjects_above(tok)
                subject_word = {"him": "he", "her": "she"}[tok.lower_]
                for t in sent:
                    if t.i >= tok.i:
                        break
                    if t.lower_ == subject_word and t.dep_ == "nsubj":
                        pid = self.resolve_pronoun(t, exclude)
                        if pid and pid not in above:
                            return pid
                return same[-1][1] if same[-1][1] not in above else (
                    [pid for _, pid in same if pid not in self._subjects_above(tok)] or [None])[-1]
            salient = [pid for start, pid in same
                       if _role(doc[self.mention_heads.get(start, start)]) in ("nsubj", "nsubjpass", "poss")]
            return (salient or [pid for _, pid in same])[-1]
        if sent.start == 0:
            return None
        prev = self.sents[self.sent_index[sent.start] - 1]
        for _ in range(3):  # sentences without people ("MR. KIRBY: No."): look further back
            if any(prev.start <= st < prev.end and pid not in exclude for st, pid in self.mention_starts) \
                    or prev.start == 0:
                break
            earlier = self.sents[self.sent_index[prev.start] - 1]
            prev = doc[earlier.start:sent.start]
        # the first subject of the previous sentence, a person or a "he" standing for one: the topic carried
        # on ("Mr Wang arrived in Vientiane, and his counterpart hosted him. Before that he was in ...")
        first_subject = next((t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and (
            (t.i in self.person_of and self.person_of[t.i] not in exclude)
            or (t.lower_ == tok.lower_ if tok.lower_ in ("he", "she") else t.lower_ in ("he", "she"))
            and t.pos_ == "PRON" or (t.lower_ == "head" and _of_state(t)))), None)
        if first_subject is not None and first_subject.pos_ == "PRON":
            pid = self.resolve_pronoun(first_subject, exclude)
            if pid:
                return pid
        if first_subject is not None and first_subject.lower_ == "head":  # "The Head of State ... He will also"
            leader = _last_leader(first_subject, self, exclude)
            if leader is not None:
                return leader.id
        subject = any_ = None
        for start, pid in self.mention_starts:
            if start >= sent.start:
                break
            if start < prev.start or pid in exclude:
                continue
            any_ = pid
            if _role(doc[self.mention_heads.get(start, start)]) in ("nsubj", "nsubjpass", "poss"):
                subject = subject or pid  # the first (or the possessor of the subject: "Pelosi's delegation left")
        return subject or any_


def _clause_verb(tok: Token) -> Token | None:
    """The verb of the clause ``tok`` is in, coordinated verbs counting as one clause."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX"):
            while t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX") and t.head != t:
                t = t.head
            return t
        if t.head == t:
            return None
        t = t.head
    return None


def _role(tok: Token) -> str:
    """The syntactic role of the phrase a name token heads: "nsubj" for "President Erdoğan said"; the
    role of the possessed noun for a possessor that heads a subject ("Modi's call ... came")."""
    t = tok
    while t.dep_ in ("compound", "flat", "appos", "amod") and t.head != t:
        t = t.head
    if t.dep_ == "poss" and t.head.dep_ in ("nsubj", "nsubjpass"):
        return "poss"
    return t.dep_


def _lede(doc: Doc, ctx: DocContext) -> int | None:
    """The start of the lead sentence: the first full sentence after the first line when the text has
    several lines (headline, byline, dateline lines come first), else the first sentence."""
    text = doc_text(doc)
    first_break = text.find("\n")
    if first_break >= 0 and len(text[:first_break].split()) > 15:
        first_break = -1  # the first line is a paragraph, not a headline
    for sent in ctx.sents:
        if first_break >= 0 and sent.start_char < first_break:
            continue
        words = [t for t in sent if t.is_alpha]
        if len(words) >= 8 and any(t.pos_ in ("VERB", "AUX") for t in sent):
            return sent.start
    return None


_LABEL_LINKS = {"for", "of", "the", "and", "on"}  # lower-case words inside a speaker's title


def _line_speakers(doc: Doc, ctx: DocContext) -> list[tuple[int, str | None]]:
    """Transcript labels: a line that opens with a name or title and a colon ("MR MILLER:",
    "PRIME MINISTER ISHIBA:", "QUESTION:") sets the speaker of what follows, until the next label."""
    out = []
    for sent in ctx.sents:
        first = sent[0]
        if first.i > 0 and "\n" not in doc[first.i - 1].whitespace_ and not doc[first.i - 1].is_space:
            continue
        colon = next((t for t in sent[:12] if t.text == ":"), None)
        if colon is None or colon.i == first.i:
            continue
        label = doc[first.i:colon.i]  # ("Mr. MOTEGI Toshimitsu, Minister for Foreign Affairs:")
        if not all(t.is_upper or t.is_title or t.is_punct or t.lower_ in _LABEL_LINKS
                   for t in label if t.is_alpha or t.is_punct):
            continue
        pid = next((ctx.person_of[i] for i in range(label.start, label.end) if i in ctx.person_of), None)
        out.append((colon.i, pid))
    return out


def _speaker(doc: Doc, ctx: DocContext) -> str | None:
    """The author of a first-person statement: "[Opening Statement by Prime Minister Ishiba]"."""
    head = doc[: min(len(doc), 40)]
    lowered = [t.lower_ for t in head]
    for cue in ("statement", "remarks", "speech", "address", "message", "interview", "op-ed", "letter", "conference"):
        if cue in lowered:
            i = lowered.index(cue)
            for j in range(i + 1, min(len(head), i + 12)):
                if head[j].lower_ == "by":
                    for k in range(j + 1, min(len(head), j + 8)):
                        if k in ctx.person_of:
                            return ctx.person_of[k]
    return None


def _subject_elsewhere(t: Token, phrase: Token, ctx: DocContext) -> bool:
    """Is ``t`` part of a name whose head is the subject of a clause outside ``phrase`` ("... between X and Y
    in Japan, the Press Secretary ... Peskov said": a title misparsed as an apposition to Y)?"""
    start = t.i
    while start - 1 in ctx.person_of and ctx.person_of[start - 1] == ctx.person_of[t.i]:
        start -= 1
    h = ctx.doc[ctx.mention_heads.get(start, t.i)]
    return h.i != t.i and h.dep_ in ("nsubj", "nsubjpass") and not (phrase.left_edge.i <= h.i <= phrase.right_edge.i)


def stranded_conj(name: Token) -> Token | None:
    """"Xi will hold talks with Widodo and Li will meet with him": the parser made Li a conjunct of Widodo
    and "talks" the subject of "meet". A coordinated name right before a modal whose verb has a thing for
    subject and a person or pronoun for object opens its own clause; its verb is returned."""
    doc = name.doc
    if name.dep_ != "conj" or name.pos_ != "PROPN" or name.i + 1 >= len(doc):
        return None
    aux = doc[name.i + 1]
    verb = aux.head
    if aux.tag_ != "MD" or aux.dep_ != "aux" or verb.i <= aux.i:
        return None
    if not any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i < name.i for c in verb.children):
        return None
    if name.ent_type_ in ("GPE", "LOC", "NORP", "ORG", "FAC"):
        return None  # "The presidents of Venezuela and Colombia will have lunch in Caracas"
    objs = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    objs += [c for c in verb.children if c.dep_ == "dobj"]
    return verb if any(o.tag_ == "PRP" or o.ent_type_ == "PERSON" for o in objs) else None


def misparsed_subject(noun: Token) -> bool:
    """Is ``noun`` the object of the verb before it that the parser made the subject of a stranded clause
    (:func:`stranded_conj`): "X will hold [talks] with Y and Z will meet him"?"""
    return noun.dep_ == "nsubj" and noun.left_edge.i > 0 and noun.doc[noun.left_edge.i - 1].pos_ == "VERB" \
        and any(stranded_conj(c) == noun.head for c in noun.subtree if c.dep_ == "conj")


def _np_tokens(tok: Token, depth: int = 0, via: str = "") -> list[Token]:
    out = [tok]
    if depth >= 3:
        return out
    modifier_only = tok.pos_ == "NOUN" and tok.lower_ not in _TITLE_HEADS and depth == 0
    for ch in tok.children:
        if modifier_only and ch.dep_ in ("compound", "amod", "nmod", "npadvmod") \
                and not (ch.dep_ == "nmod" and ch.pos_ == "PROPN" and any(c.dep_ == "cc" for c in ch.children)):
            # "the Putin-funded hospital", "a Trump tower": a name that only modifies a thing (not "met
            # Zelensky and European leaders", where the parser made the name a modifier of "leaders")
            continue
        # "NNA – President Putin and his counterpart Sisi discussed": names in an apposition
        # to a dateline keep their coordination
        if (ch.dep_ in NP_LINKS and ch.dep_ != "poss") or (ch.dep_ == "conj" and via in ("appos", "nmod")):
            out.extend(_np_tokens(ch, depth + 1, ch.dep_ if ch.dep_ != "conj" else via))
        elif ch.dep_ == "prep" and ch.lower_ in ("from", "of") and tok.lower_ in _TITLE_HEADS:
            # "my counterpart from Timor Leste, Taur Matan Ruak": the name hangs from the country
            out.extend(t for g in ch.children if g.dep_ == "pobj" for a in g.children if a.dep_ == "appos"
                       for t in _np_tokens(a, depth + 1, "appos"))
    return out


def _of_state(head: Token) -> bool:
    """"the Head of State", "the head of government" (no country named after it)."""
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    return pobj is not None and pobj.lower_ in ("state", "government") and not list(pobj.children) \
        and any(c.lower_ == "the" for c in head.children)


def _last_leader(head: Token, ctx: DocContext, exclude: set[str]) -> Party | None:
    """The last leader named before ``head`` (within the text's previous five sentences)."""
    lo = ctx.sents[max(0, ctx.sent_index[ctx.sent(head).start] - 5)].start
    for start, pid in reversed(ctx.mention_starts):
        if lo <= start < head.i and pid not in exclude and is_leader_role(getattr(ctx.people.get(pid), "role", None)):
            return Party(pid, "person", head.i)
    return None


def _term_title(leader, day: dt.date) -> str:
    """The lower-case title of a gazetteer leader's term on ``day`` ("" when none)."""
    term = leader.latest_term(day)
    return (term.title or "").lower() if term else ""


_HONORIFIC_HEADS = frozenset({"highness", "majesty", "excellency"})


def _honorific_referent(head: Token, ctx: DocContext, exclude: set[str]) -> Party | None:
    """"His Highness spoke to ...": the last person named with that honorific before it ("President His
    Highness Sheikh Mohamed bin Zayed Al Nahyan today spoke ..."), as Gulf and Asian readouts write."""
    doc = ctx.doc
    for start, pid in reversed(ctx.mention_starts):
        if start >= head.i or pid in exclude:
            continue
        if any(t.lower_ == head.lower_ for t in doc[max(0, start - 3):min(len(doc), start + 3)]
               if t.i < start or ctx.person_of.get(t.i) == pid):  # (before the name, or the mention's own title)
            return Party(pid, "person", head.i)
    return None


def _conjuncts(tok: Token, ctx: "DocContext | None" = None) -> list[Token]:
    out = [tok]
    kids = list(tok.children)
    if ctx is not None and tok.i in ctx.person_of:
        pid = ctx.person_of[tok.i]
        for ch in tok.children:  # "Barack Obama and Putin" with "Barack" parsed as a preposition: the
            if ch.dep_ != "conj" and ctx.person_of.get(ch.i) == pid:  # conjunct hangs inside the name
                kids.extend(c for c in ch.children if c.dep_ == "conj")
    for ch in kids:
        if ch.dep_ == "conj" and stranded_conj(ch) is None:
            out.extend(_conjuncts(ch, ctx))
    return out


def np_parties(tok: Token, ctx: DocContext, *, exclude: set[str] = frozenset(), countries: bool = False,
               follow_conj: bool = True) -> list[Party]:
    """The people (and, with ``countries``, countries) that the phrase headed by ``tok`` names."""
    out: list[Party] = []
    for head in (_conjuncts(tok, ctx) if follow_conj else [tok]):
        found = None
        if head.lower_ in _HONORIFIC_HEADS and head.i not in ctx.person_of and any(c.dep_ == "poss" for c in head.children):
            found = _honorific_referent(head, ctx, exclude)  # (its misparsed appositions are not it)
        elif head.lower_ == "head" and head.i not in ctx.person_of and _of_state(head):
            found = _last_leader(head, ctx, exclude)  # "The Head of State is set to hold talks with ..."
        if found is not None:
            out.append(found)
            continue
        for t in _np_tokens(head):
            # every person of the phrase: a bad parse may hang a coordinated name as an apposition
            if t.i in ctx.person_of and ctx.person_of[t.i] not in exclude and not _subject_elsewhere(t, head, ctx):
                if found is None or found.id == ctx.person_of[t.i]:
                    found = Party(ctx.person_of[t.i], "person", t.i)
                elif all(o.id != ctx.person_of[t.i] for o in out):
                    out.append(Party(ctx.person_of[t.i], "person", t.i))
        if found is None and head.lower_ in _TITLE_HEADS:
            found = _named_after_title(head, ctx, exclude)
        if found is None and head.lower_ in PRONOUNS and head.pos_ == "PRON":
            pid = ctx.resolve_pronoun(head, set(exclude))
            if pid:
                found = Party(pid, "person", head.i)
        if found is None and head.lower_ == "latter" and any(c.lower_ == "the" for c in head.children):
            found = _the_latter(head, ctx, exclude)
        if found is None and head.lower_ in FIRST_PERSON:
            who = ctx.quote_speaker(head) if _in_quote(head) or ctx.quote_speaker(head) else ctx.speaker_at(head)
            if who:
                found = Party(who, "person", head.i)
        if found is None and head.lower_ in ("you", "your") and head.pos_ == "PRON" and not _in_quote(head):
            who = ctx.addressee(head)
            if who and who not in exclude:
                found = Party(who, "person", head.i)
        if found is None and head.lower_ in ("we", "us") and not _in_quote(head) and ctx.speaker_at(head):
            # "we held a summit meeting": the speaker and the others of the occasion
            out.append(Party(ctx.speaker_at(head), "person", head.i))
            found = Party("*group*", "group", head.i)
        if found is None and head.lemma_.lower() in DELEGATION_NOUNS:
            # "Ukraine's delegation, headed by Defense Minister Rustem Umerov": the delegation's head
            for ch in head.children:
                if ch.dep_ in ("acl", "relcl") and ch.lemma_ in ("head", "lead"):
                    for ag in ch.children:
                        if ag.dep_ == "agent":
                            for g in ag.children:
                                if g.dep_ == "pobj":
                                    hits = [p for p in np_parties(g, ctx, exclude=exclude) if p.kind == "person"]
                                    found = hits[0] if hits else None
        if found is None and head.lower_ in PLURAL_TITLES:
            group = _plural_title(head, ctx)
            if group:
                out.extend(p for p in group if p.id not in exclude and all(o.id != p.id for o in out))
                continue
        if found is None and head.tag_ == "NNS":  # "spoke with a dozen leaders including X": X
            examples = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "including"
                        for g in c.children if g.dep_ == "pobj"]
            named = [p for g in examples for p in np_parties(g, ctx, exclude=exclude) if p.kind == "person"]
            if named:
                out.extend(p for p in named if all(o.id != p.id for o in out))
                continue
        if found is None and _group_anaphor(head):
            found = Party("*group*", "group", head.i)
        if found is None and countries:
            for t in _np_tokens(head):
                if t.i in ctx.seat_of:
                    host = ctx.leader_of(ctx.seat_of[t.i], t.i)
                    found = Party(host, "person", t.i) if host else Party(ctx.seat_of[t.i], "country", t.i)
                    break
                if t.i in ctx.country_of:
                    found = Party(ctx.country_of[t.i], "country", t.i)
                    break
        if found is not None and found.id not in exclude:
            out.append(found)
    return out


def _the_latter(head: Token, ctx: DocContext, exclude: set[str]) -> "Party | None":
    """"X spoke with Y after the latter spoke with Z": the last of the people named just before (in this
    sentence or the previous one)."""
    sent = ctx.sent(head)
    k = ctx.sent_index[sent.start]
    start = ctx.sents[k - 1].start if k > 0 else sent.start
    before = [pid for st, pid in ctx.mention_starts if start <= st < head.i]
    if len(set(before)) < 2 or before[-1] in exclude:
        return None
    return Party(before[-1], "person", head.i)


def _named_after_title(head: Token, ctx: DocContext, exclude: set[str]) -> "Party | None":
    """"my counterpart from Timor Leste, Taur Matan Ruak" with the parse hanging "from" elsewhere: the
    name set off by a comma after the title and its country."""
    doc = ctx.doc
    end = min(len(doc), head.i + 9)
    for j in range(head.i + 1, end):
        t = doc[j]
        if j in ctx.person_of:
            pid = ctx.person_of[j]
            return Party(pid, "person", j) if doc[j - 1].text == "," and pid not in exclude else None
        if not (t.lower_ in ("from", "of", "the", ",") or j in ctx.country_of or t.pos_ == "PROPN"):
            return None
    return None


PLURAL_TITLES = {"presidents": ("president", "head_of_state"), "leaders": (None, "leader"),
                 "prime ministers": ("prime minister", "head_of_government"),
                 "premiers": ("premier", "head_of_government"),
                 "foreign ministers": ("foreign minister", "foreign_minister"),
                 "ministers": ("foreign minister", "foreign_minister"), "heads": (None, "leader"),
                 "counterparts": (None, "leader")}


def _plural_title(head: Token, ctx: DocContext) -> list[Party]:
    """"the Russian and Turkish presidents", "the leaders of France and Germany": one person per country,
    the document's person of that country and office, else the office holder on the publication date."""
    countries: list[int] = []
    for ch in head.children:
        if ch.dep_ in ("amod", "compound", "nmod") and ch.i < head.i:
            countries.extend(t.i for t in _conjuncts(ch) if t.i in ctx.country_of)
        if ch.dep_ == "prep" and (ch.lower_ == "of" or (ch.lower_ in ("in", "from") and head.lower_ in ("counterparts", "leaders"))):
            for pobj in (g for g in ch.children if g.dep_ == "pobj"):  # ("his counterparts in/from Mali and Chad")
                countries.extend(t.i for t in _conjuncts(pobj) if t.i in ctx.country_of)
    codes = list(dict.fromkeys(ctx.country_of[i] for i in countries))
    if len(codes) < 2:
        return []
    key = head.lower_
    if key == "ministers" and any(c.lower_ == "prime" and c.dep_ in ("amod", "compound") for c in head.children):
        key = "prime ministers"  # (not the foreign ministers)
    role, office = PLURAL_TITLES[key]
    out = []
    phrase = ctx.doc[head.left_edge.i:head.right_edge.i + 1]
    for code in codes:
        # "the leaders of X and Y" names no office: only leaders the text names are meant; nor do "the foreign
        # ministers of X, Y and Z" name anyone the text has not (the gold's annotators leave them unresolved)
        pid = ctx.holder(code, role, office, mention=phrase,
                         office_holders=office in ("head_of_state", "head_of_government"))
        if pid is None:
            return []
        out.append(Party(pid, "person", head.i))
    return out


def _group_anaphor(head: Token) -> bool:
    """"they", "both", "the two leaders", "the presidents of X and Y" — not "heads of state" in general."""
    low = head.lower_
    if low not in PLURAL_ANAPHORS or low in ("we", "us"):
        return False
    if head.pos_ == "PRON":
        return low in ("they", "them", "both")
    if head.pos_ not in ("NOUN", "NUM"):
        return False
    dets = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "predet", "amod")}
    if not dets & {"both", "two"} and (dets & _NEW_SET_WORDS or any(_restrictive(c) for c in head.children)):
        return False  # "the other leaders", "the leaders who have arrived in Manila": a set, not the pair told of
    return bool(dets & {"the", "both", "two", "these", "those"})


_NEW_SET_WORDS = frozenset({"other", "all", "many", "several", "some", "world"})


def _restrictive(clause: Token) -> bool:
    """A relative clause that picks out its noun's members ("the leaders who attended"): no comma before it."""
    return clause.dep_ == "relcl" and clause.doc[min(t.i for t in clause.subtree) - 1].text != ","


def _in_quote(tok: Token) -> bool:
    """Is ``tok`` inside quotation marks within its sentence?"""
    n = 0
    for t in tok.sent:
        if t.i >= tok.i:
            break
        if t.text in ('"', "“", "”") or t.tag_ in ("``", "''"):
            n += 1
    return n % 2 == 1


def _gapped_objects(tok: Token, preps: set[str]) -> list[Token]:
    """"spoke with X on Friday and with Y on Monday": a "with" phrase coordinated with another phrase."""
    out = []
    for ch in tok.children:
        if ch.dep_ == "prep" and ch.lower_ not in preps:
            for c in ch.children:
                if c.dep_ == "conj" and c.lower_ in preps:
                    out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def _dangling_including(noun: Token) -> list[Token]:
    """"meetings with twenty leaders, including; the King of Jordan and ...": the parser hangs the list
    beside an "including" left without its object; the list is that object."""
    near = [*noun.children, *(noun.head.children if noun.dep_ == "dobj" else [])]
    inc = next((c for c in near if c.dep_ in ("prep", "advcl") and c.lower_ == "including"
                and not any(g.dep_ in ("pobj", "dobj") for g in c.children)), None)
    if inc is None:
        return []
    return [c for c in noun.children if c.dep_ == "appos" and c.i > inc.i]


def _prep_objects(tok: Token, preps: set[str]) -> list[Token]:
    out = []
    for ch in tok.children:
        if (ch.dep_ == "prep" or (ch.dep_ == "dative" and ch.pos_ == "ADP")) and ch.lower_ in preps:
            for p in [ch, *(c for c in ch.children if c.dep_ == "conj" and c.lower_ in preps)]:
                out.extend(g for g in p.children if g.dep_ == "pobj")  # "with X on Friday and with Y"
    return out


def subjects_of(verb: Token) -> list[Token]:
    """Subjects of ``verb``, inherited through xcomp/conj/relative clauses when it has none."""
    v = verb
    for _ in range(4):
        subs = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        stranded = [t for t in v.subtree if t.dep_ == "conj" and stranded_conj(t) == v] if subs else []
        if stranded:
            return stranded[:1]
        if subs:
            out = []
            for s in subs:
                if s.tag_ in ("WP", "WDT") and v.dep_ == "relcl":  # "Modi, who spoke with Trump"
                    out.append(v.head)
                else:
                    out.append(s)
            return out
        if v.dep_ == "relcl":
            return [v.head]
        if v.dep_ == "acl" and v.head.lemma_.lower() in INTENT_NOUNS:
            # "Putin has no plans to meet X", "Erdoğan's invitation to visit": the planner
            invitees = [g for c in v.head.children if c.dep_ == "prep" and c.lower_ == "to" and c.i < v.i
                        for g in c.children if g.dep_ == "pobj"]
            if invitees:
                return invitees  # "extended an invitation to his counterpart to visit Warsaw": the invitee
            poss = [c for c in v.head.children if c.dep_ == "poss"]
            if poss and poss[0].lower_ in ("their", "our") and v.head.dep_ in ("dobj", "nsubjpass") \
                    and any(c.dep_ == "nsubj" for c in v.head.head.children):
                v = v.head.head  # "X and Y confirmed their agreement to meet": the subjects of "confirmed"
                continue
            if poss:
                return poss
            v = v.head
            if v.dep_ in ("dobj", "attr", "nsubj", "pobj") and v.head != v:
                v = v.head if v.dep_ != "pobj" else v.head.head
                continue
            return []
        relcl = _finite_inside_relative(v)
        if relcl is not None:
            return [relcl.head]
        if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
            return [v.head]
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head != v.head:
            v = v.head.head  # "looked forward to having talks"
            continue
        if verb.dep_ == "pcomp" and v.pos_ == "NOUN" and v.dep_ == "pobj" and v.head.dep_ == "prep" \
                and v.head.head.pos_ in ("VERB", "AUX"):
            v = v.head.head  # "in addition to speaking to X, Trump also ...": the main clause's subject
            continue
        stranded = _stranded_subject(v) if v.dep_ == "ccomp" else None
        if stranded is not None:
            return [stranded]
        if v.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp") and v.head != v:
            # "invited him to visit", "sent Blinken to Beijing to meet Xi": the governor's object is the subject
            purpose = v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
            if v.dep_ == "xcomp" or (purpose and v.head.lemma_ in SENDING_VERBS):
                objs = [c for c in v.head.children if c.dep_ == "dobj"]
                if objs and v.head.lemma_ in OBJECT_CONTROL:
                    return objs
            v = v.head
            continue
        break
    return _fronted_apposition(v)


def _finite_inside_relative(verb: Token) -> Token | None:
    """"X who has visited Uzbekistan to attend the summit met with Y": the parser hung the main verb as a
    clause on the relative clause's object (a past tense "acl"). The relative clause is returned; its
    antecedent is the subject."""
    if verb.dep_ != "acl" or verb.tag_ != "VBD" or any(c.dep_ == "agent" for c in verb.children):
        return None
    return next((a for a in verb.ancestors if a.dep_ == "relcl" and a.head.pos_ == "PROPN"), None)


def _stranded_subject(verb: Token) -> Token | None:
    """"At the invitation of Li, Robert Fico, prime minister of Slovakia, will pay a visit ..., X announced":
    a reported clause whose subject the parser hung elsewhere (here as a conjunct of "Li"). The name whose
    phrase ends right before the clause's first auxiliary is its subject (never the reporter's)."""
    doc = verb.doc
    first = min([verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i])
    j = first - 1
    while j >= 0 and doc[j].is_punct:
        j -= 1
    if j < 0 or first == verb.i:
        return None
    t = doc[j]
    while t.dep_ in ("pobj", "prep", "appos", "amod", "compound", "det") and t.head.i < first and t.head != t:
        t = t.head
    return t if t.pos_ == "PROPN" and t.dep_ in ("conj", "appos") and t.head.i < t.i else None


def _fronted_apposition(verb: Token) -> list[Token]:
    """"At the invitation of Premier Li, Prime Minister Bainimarama will pay a visit": the parser hangs the
    subject as an apposition of the fronted phrase's object; it is the subject when it ends just before
    the verb (or its auxiliaries)."""
    first = min([verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i])
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i):
        for t in prep.subtree:
            if t.dep_ == "appos" and t.right_edge.i == first - 1 and t.pos_ == "PROPN":
                return [t]
    return []


def _adjacent_person(ctx: DocContext, verb: Token, step: int) -> Party | None:
    """The person named right before (step -1) or after (step 1) a verb, within a short phrase (a time
    phrase between them counts as part of it: "X on Friday evening hosted Y")."""
    doc = ctx.doc
    i = verb.i + step
    seen = 0
    while 0 <= i < len(doc) and seen < 5:
        t = doc[i]
        if i in ctx.person_of:
            return Party(ctx.person_of[i], "person", i)
        if t.pos_ == "ADP" and step < 0 and doc[i + 1].ent_type_ in ("DATE", "TIME"):
            pass  # "on Friday": the time phrase between the subject and its verb
        elif t.pos_ in ("VERB", "AUX", "PUNCT", "ADP", "SCONJ", "CCONJ") and t.text not in ("'s", "’s"):
            return None
        i += step
        seen += 1
    return None


def verb_parties(verb: Token, spec: dict, ctx: DocContext) -> tuple[list[Party], list[Party]]:
    """(subjects, others) of a verb trigger: "X met (with) Y", "X and Y spoke", "X phoned Y"."""
    args = set(spec.get("args", ["subj", "obj", "with"]))
    subj_toks = subjects_of(verb)
    subj: list[Party] = []
    for s in subj_toks:
        subj.extend(np_parties(s, ctx))
    if not subj_toks and verb.dep_ in ("amod", "compound", "nmod") and verb.tag_ in ("VBD", "VBN"):
        # a misparse that makes "X hosted Y" a noun phrase: read the names beside the verb
        left, right = _adjacent_person(ctx, verb, -1), _adjacent_person(ctx, verb, 1)
        if left and right and left.id != right.id:
            return [left], [right]
    if not subj and verb.i > 0:
        # "Trump and Xi last spoke" (an adverb parsed as the subject): the names right before the verb
        left = _adjacent_person(ctx, verb, -1)
        if left is not None:
            first = ctx.doc[left.token]
            while first.dep_ in ("conj", "compound", "flat") and first.head.i < first.i:
                first = first.head
            subj = [p for p in np_parties(first, ctx) if p.kind == "person"] or [left]
    exclude = {p.id for p in subj}
    others: list[Party] = []
    visit = spec["type"] == "visit"
    if "obj" in args:
        for ch in verb.children:
            if ch.dep_ in ("dobj", "obj") and ch.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                others.extend(np_parties(verb.head, ctx, exclude=exclude))  # "Lapid, whom Blinken also met"
            elif ch.dep_ in ("dobj", "obj") or (ch.dep_ == "oprd" and ch.i in ctx.person_of):
                others.extend(np_parties(ch, ctx, exclude=exclude, countries=visit))
            elif ch.dep_ == "npadvmod" and ch.i in ctx.person_of and ch.i > verb.i \
                    and any(c.dep_ in ("dobj", "obj") for c in verb.children) \
                    and getattr(ctx.people.get(ctx.person_of[ch.i]), "role", None):
                # "hosted the President of the European Council, Mr. António Costa, and ...": an apposition
                # to the object misparsed as an adverbial
                others.extend(np_parties(ch, ctx, exclude=exclude, countries=visit))
    preps = {a for a in args if a not in ("subj", "obj")} | {"between"}
    if args & {"obj", "with"}:
        preps |= {"including"}  # "met several leaders on Saturday, including X and Y"
    if verb.lemma_ in ("meet", "talk", "speak"):
        preps |= {"with"}
    content = [c for c in verb.children if c.dep_ == "dobj" and c.i not in ctx.person_of] if preps & {"with", "to"} else []
    if preps & {"with", "to"}:  # "spoke by phone with Putin", "traveled by train to Kyiv": on the means
        content += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("by", "via", "over", "on", "aboard")
                    for g in c.children if g.dep_ == "pobj" and g.i not in ctx.person_of]
        # "exchanged views on trade with X": the parser may hang "with" on the topic
        content += [g for c in content if c.dep_ == "dobj" for p in c.children if p.dep_ == "prep" and p.lower_ == "on"
                    for g in p.children if g.dep_ == "pobj" and g.i not in ctx.person_of]
    for pobj in _prep_objects(verb, preps) + _gapped_objects(verb, preps) + \
            [g for c in content for g in _prep_objects(c, preps & {"with", "to"})]:
        # "discussed the plan by phone with X", "presented a peace plan to Putin"
        others.extend(np_parties(pobj, ctx, exclude=exclude, countries=visit))
    # passive agent: "Erdoğan was received by Putin", "Lula, joined by Petro and Arce, opened ...",
    # "is expected to be received by President al-Sisi"
    if any(c.dep_ == "nsubjpass" for c in verb.children) or verb.tag_ == "VBN":
        for ch in verb.children:
            if ch.dep_ == "agent":
                for g in ch.children:
                    if g.dep_ == "pobj":
                        others.extend(np_parties(g, ctx, exclude=exclude))
    return subj, others


def _travellers(verb: Token, ctx: DocContext, exclude: set[str]) -> list[Party]:
    """"Ramaphosa's trip entails talks with Biden", "the visit of X will include talks": the people whose
    visit or trip is the verb's subject."""
    out = []
    for t in verb.children:
        spec = load_triggers()[0].get((t.lemma_.lower(), "NOUN"))
        if t.dep_ != "nsubj" or spec is None or spec["type"] != "visit":
            continue  # (a visit noun of the trigger table: "visit", "trip")
        whose = [c for c in t.children if c.dep_ == "poss"]
        whose += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        out += [p for w in whose for p in np_parties(w, ctx, exclude=exclude) if p.kind == "person"]
    return out


def _has_agent(noun: Token, ctx: DocContext) -> bool:
    """Does the noun name whose event it is ("Singh's visit", "the visit of Singh"): someone else's, not the
    clause subject's ("10 days after the first state visit of Singh")?"""
    return any((c.dep_ == "poss" and c.i in ctx.person_of)
               or (c.dep_ == "prep" and c.lower_ == "of" and any(t.i in ctx.person_of for t in c.subtree))
               for c in noun.children)


def their_parties(noun: Token, ctx: DocContext) -> list[Party]:
    """"their meeting": the people of the clause around it (subject and objects), else none; "our talks"
    in a statement: the speaker and the other person of the sentence."""
    out: list[Party] = []
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None and poss.lower_ == "our" and ctx.speaker_at(noun):
        me = ctx.speaker_at(noun)
        others = list(dict.fromkeys(ctx.person_of[i] for i in range(noun.sent.start, noun.sent.end)
                                    if i in ctx.person_of and ctx.person_of[i] != me))
        if len(others) == 1:
            return [Party(me, "person", noun.i), Party(others[0], "person", noun.i)]
    verb = governing_verb(noun) or noun.sent.root
    for ch in verb.children:
        if ch.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") and ch.i != noun.i:
            out.extend(p for p in np_parties(ch, ctx) if p.kind == "person")
    if len(out) < 2 and verb != noun.sent.root:
        for ch in noun.sent.root.children:
            if ch.dep_ in ("nsubj", "nsubjpass"):
                out.extend(p for p in np_parties(ch, ctx) if p.kind == "person")
    if len({p.id for p in out}) < 2:
        # "Putin announced the deal at a news conference with Erdoğan after their talks": the two
        # people of the sentence
        sent = noun.sent
        named = list(dict.fromkeys(ctx.person_of[i] for i in range(sent.start, sent.end)
                                   if i in ctx.person_of and not _as_source(ctx.doc[i])))
        if len(named) == 2:
            out = [Party(pid, "person", noun.i) for pid in named]
    return out if len({p.id for p in out}) >= 2 else [Party("*group*", "group", noun.i)]


SOURCE_NOUNS = {"statement", "remarks", "tweet", "post", "release", "readout", "communique", "interview"}


def _as_source(tok: Token) -> bool:
    """Is the name the source of what is told: "according to (a statement by) X"?"""
    t = tok
    for _ in range(6):
        if t.head == t:
            return False
        h = t.head
        if (h.lower_ == "to" and h.head.lower_ == "according") or (
                h.lower_ == "by" and h.head.lemma_.lower() in SOURCE_NOUNS):
            return True
        t = h
    return False


PURPOSE_MOTION_VERBS = {"travel", "fly", "go", "head", "come", "arrive", "leave", "depart", "return", "sit", "gather",
                        "meet", "convene", "stay", "remain", "stop"}
HOSTING_VERBS = {"host", "chair", "convene", "mediate", "broker", "organise", "organize", "arrange", "facilitate",
                 "preside", "co-host", "co-chair"}


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun trigger hangs from: "held [a call]", "discussed in [a call]", "[talks] were held"."""
    t = noun
    if misparsed_subject(noun):
        return noun.doc[noun.left_edge.i - 1]  # "X will hold [talks] with Y and Z will meet him"
    for _ in range(3):
        if t.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd", "xcomp", "conj", "appos", "npadvmod"):
            h = t.head
        elif t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in MANNER_PREPS:
            h = t.head.head
        elif t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ == "out" \
                and t.head.head.head.pos_ in ("VERB", "AUX"):
            h = t.head.head.head  # "pulled out of a meeting with X", "backing out of the summit"
        elif t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in MEASURE_NOUNS:
            t = t.head.head  # "held five hours of talks", "the first round of talks": the measure is transparent
            continue
        else:
            return None
        if h == t:
            return None
        if h.tag_ == "VBG" and h.dep_ in ("pcomp", "pobj") and h.head.dep_ == "prep" \
                and h.head.head.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in h.children):
            h = h.head.head  # "warned Biden against playing with fire during a call": the phrase is misattached
        elif h.tag_ == "VBG" and h.dep_ == "acl" and h.head.dep_ == "dobj" and h.head.head.pos_ in ("VERB", "AUX") \
                and t.dep_ == "pobj" and t.head.lower_ in MANNER_PREPS \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in h.children):
            h = h.head.head  # "conveyed the importance of X reducing tensions during a call": the conveying's
        if h.pos_ in ("VERB", "AUX") or (h.pos_ == "ADJ" and h.dep_ in ("acomp", "ROOT")):
            return h
        if t.dep_ == "pobj" and h.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                                                   for c in noun.children):
            return verb_above(h)  # "urged X to refrain from any measures, in a phone call": misattached
        if h.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in h.children):
            return None  # "a briefing on Xi's attendance at the summit": the summit is Xi's, not the briefers'
        t = h
    return None


def noun_parties(noun: Token, spec: dict, ctx: DocContext) -> tuple[list[Party], list[Party], Token | None]:
    """(subjects, others, governing verb) of a noun trigger: "Biden's call with Johnson",
    "the Erdoğan-Trump talks", "talks between X and Y", "X held talks with Y"."""
    base = noun
    while base.dep_ == "conj":  # "meetings or phone calls between X and Y": share the first conjunct's args
        base = base.head
    own = _noun_modifier_parties(noun, base, ctx)
    exclude = {p.id for p in own}
    gov = governing_verb(base)
    _noun_object_parties(noun, base, spec, gov, ctx, own, exclude)
    subj: list[Party] = []
    told = told_in_clause(noun, ctx)
    if told is not None:  # "the conversation she had with Trump": the clause's subject had it
        subj = [p for s in subjects_of(told) for p in np_parties(s, ctx, exclude=exclude) if p.kind == "person"]
        # ("with X" may hang from the verb above: "described the call he had on Monday with X")
        objs = _prep_objects(told, {"with", "between"}) or (_prep_objects(gov, {"with"}) if gov is not None else [])
        for pobj in objs:
            own.extend(np_parties(pobj, ctx, exclude=exclude | {p.id for p in subj}))
    elif gov is not None:
        subj = _governed_noun_parties(noun, base, spec, gov, ctx, own, exclude)
        if not any(p.kind == "person" for p in subj):
            subj += _travellers(gov, ctx, exclude)
    elif base.dep_ == "pobj" and base.head.lower_ == "for" and base.head.head.lemma_ in PURPOSE_MOTION_VERBS:
        # "will travel to Berlin for a joint meeting with Scholz and Duda": the traveller is at it
        for s_tok in subjects_of(base.head.head):
            subj.extend(p for p in np_parties(s_tok, ctx, exclude=exclude) if p.kind == "person")
    elif base.dep_ == "pobj" and base.head.lower_ == "including" and base.head.head.pos_ == "NOUN" \
            and governing_verb(base.head.head) is not None and len({p.id for p in own if p.kind == "person"}) < 3:
        # "had a series of meetings including discussions with A and B": the meetings' holder's
        for s_tok in subjects_of(governing_verb(base.head.head)):
            subj.extend(p for p in np_parties(s_tok, ctx, exclude=exclude) if p.kind == "person")
    elif base.dep_ == "pobj" and base.head.lower_ == "for" and base.head.head.lemma_.lower() in INTENT_NOUNS \
            and base.head.head.dep_ in ("dobj", "nsubjpass") and len({p.id for p in own if p.kind == "person"}) < 2:
        # "X refused requests for a meeting with Y", "X accepted an invitation for talks with Y": X's
        for s_tok in subjects_of(base.head.head.head):
            subj.extend(p for p in np_parties(s_tok, ctx, exclude=exclude) if p.kind == "person")
    elif base.dep_ == "pobj" and base.head.dep_ == "prep" and base.head.head.pos_ in ("VERB", "AUX") \
            and len({p.id for p in own if p.kind == "person"}) < 2 and not _has_agent(base, ctx):
        # "X and Y agreed ... after talks in Moscow", "he would meet Z, after a call with W": the
        # talks of the clause's subject
        for s_tok in subjects_of(base.head.head):
            subj.extend(p for p in np_parties(s_tok, ctx, exclude=exclude) if p.kind == "person")
    return subj, own, gov


def told_in_clause(noun: Token, ctx: DocContext) -> Token | None:
    """The relative clause that tells a contact noun, with a person as its subject: "the conversation
    (that) she had with Trump", "the talks he held on Monday". Its subject and "with" phrase are the
    participants, and its tense and date are the contact's."""
    for ch in noun.children:
        if ch.dep_ == "relcl" and ch.lemma_ in CLAUSE_LIGHT_VERBS and ch.i > noun.i \
                and not any(c.dep_ in ("dobj", "obj") and c.tag_ not in ("WDT", "WP") for c in ch.children) \
                and not any(c.lower_ in ("when", "where", "why") for c in ch.children):
            # (not "his visit, when he held talks with Xi": the clause tells another contact)
            for s in subjects_of(ch):
                if any(p.kind == "person" for p in np_parties(s, ctx)):
                    return ch
    return None


def _noun_modifier_parties(noun: Token, base: Token, ctx: DocContext) -> list[Party]:
    """The people a noun trigger's possessor and pre-modifiers name: "Biden's call", "the Erdoğan-Trump
    talks", "their meeting" (``base``: the first conjunct, whose modifiers the noun shares)."""
    own: list[Party] = []
    for ch in list(noun.children) + ([c for c in base.children if c.dep_ != "conj"] if base != noun else []):
        if ch.dep_ == "poss" and ch.lower_ in ("their", "our"):
            own.extend(their_parties(noun, ctx))
            continue
        if ch.dep_ == "poss":
            found = np_parties(ch, ctx)
            if not found and ch.i in ctx.country_of and noun.dep_ == "pobj" and noun.head.lower_ == "of":
                # "King Abdullah of Jordan's visit" parsed as "Abdullah of [Jordan's visit]"
                found = np_parties(noun.head.head, ctx, follow_conj=False)
            if noun.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "and" for c in noun.head.children):
                # "Trump and Zelensky's meeting" parsed as "Trump and [Zelensky's meeting]"
                found = found + np_parties(noun.head, ctx, follow_conj=False)
            own.extend(found)
        elif ch.dep_ in ("compound", "nmod", "amod") and ch.i < noun.i:
            own.extend(np_parties(ch, ctx, follow_conj=True))
            for g in ch.children:  # "Erdoğan-Trump": Trump compound of talks, Erdoğan compound of Trump
                if g.dep_ in ("compound", "nmod", "amod", "punct", "conj"):
                    own.extend(np_parties(g, ctx))
    return own or _summit_of_countries(noun, ctx)


def _summit_of_countries(noun: Token, ctx: DocContext) -> list[Party]:
    """"the Japan-U.S. summit meeting", "a Japan-Brazil Summit Telephone Conversation": a summit names the
    leaders of the two countries before it (the text's, else the office holders on the publication date)."""
    before = [t for t in noun.subtree if t.i < noun.i]
    if not any(t.lower_ == "summit" for t in [noun, *before]):
        return []
    codes = list(dict.fromkeys(ctx.country_of[t.i] for t in before if t.i in ctx.country_of))
    if len(codes) != 2:
        return []
    phrase = ctx.doc[before[0].i:noun.i + 1]
    pids = [ctx.holder(code, None, "leader", mention=phrase) for code in codes]
    return [Party(pid, "person", noun.i) for pid in pids] if all(pids) else []


def _measure_objects(noun: Token) -> list[Token]:
    """"the results of the meetings you had today – with A, B and C": a "with" hung on the measure noun."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in MEASURE_NOUNS:
        return _prep_objects(noun.head.head, {"with"})
    return []


def _noun_object_parties(noun: Token, base: Token, spec: dict, gov: Token | None, ctx: DocContext,
                         own: list[Party], exclude: set[str]) -> None:
    """Add to ``own`` (and to ``exclude``) the people a noun trigger's own phrases name: "between X and
    Y", "hosted by X", "with X", "a visit to X"."""
    visit = spec["type"] == "visit"
    addressed = gov is not None and gov.lemma_ in ADDRESSED_VERBS
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("between", "with")):
        if not any(g.dep_ == "pobj" for g in prep.children):
            # "conversation between Trump and Putin" with the names misattached elsewhere
            nxt = _adjacent_person(ctx, prep, 1)
            if nxt is not None:
                first = ctx.doc[nxt.token]
                while first.dep_ in ("compound", "flat") and first.head.i > first.i:
                    first = first.head
                own.extend(p for p in np_parties(first, ctx, exclude=set(p.id for p in own)) if p.kind == "person")
    for ch in noun.children:  # "Ramaphosa's state visit, hosted by King Charles": the host
        if ch.dep_ == "acl" and ch.tag_ == "VBN" and ch.lemma_ in ("host", "give", "organise", "organize", "offer"):
            for ag in (a for a in ch.children if a.dep_ == "agent"):
                for g in (x for x in ag.children if x.dep_ == "pobj"):
                    found = np_parties(g, ctx, exclude=exclude)
                    own.extend(found)
                    exclude |= {p.id for p in found}
    extra = set(spec.get("object_preps", ()))  # "a courtesy call on X"
    # "a meeting in Geneva / in the near future between X and Y": "between" hung from the place or time
    nested = [g for p in _prep_objects(noun, {"in", "at", "on"}) if p.i not in ctx.person_of
              for g in _prep_objects(p, {"between"})]
    for pobj in _prep_objects(noun, {"with", "between", "among", "to", "of", "in", "from", "including"} | extra) + nested + \
            _dangling_including(noun) + _gapped_objects(noun, {"with"}) + (_gapped_objects(noun.head, {"with"}) if noun.dep_ == "dobj" else []) + \
            (_prep_objects(base, {"between", "with"}) if base != noun else []) + _measure_objects(noun):
        prep = pobj.head.lower_
        if prep == "to" and not visit and not addressed and "to" not in extra:
            continue
        if prep == "in" and not visit:
            continue
        if prep == "of" and noun.lemma_ not in ("meeting", "summit", "visit"):
            continue
        if prep == "including" and not (_prep_objects(noun, {"with"}) or (gov is not None and _prep_objects(gov, {"with"}))):
            continue  # "meetings with twenty leaders, including X", not "the summit, including X"
        others = np_parties(pobj, ctx, exclude=exclude, countries=visit and prep in ("to", "in"))
        own.extend(others)
        exclude |= {p.id for p in others}


def _governed_noun_parties(noun: Token, base: Token, spec: dict, gov: Token, ctx: DocContext,
                           own: list[Party], exclude: set[str]) -> list[Party]:
    """The subjects of a noun trigger's governing verb ("X held talks with Y"); the verb's own objects
    go to ``own``."""
    subj: list[Party] = []
    extra = set(spec.get("object_preps", ()))
    # "Peskov ruled out contacts between Putin and Zelensky": the pair is named, the speaker is not in it
    # (unless the speaker hosts the talks)
    between = any(c.dep_ == "prep" and c.lower_ == "between" for c in noun.children) \
        and len({p.id for p in own if p.kind == "person"}) >= 2
    as_subject = not misparsed_subject(base) and "nsubj" in (noun.dep_[:5], base.dep_[:5])
    # (not "X told reporters during Li's visit": a phrase's contact owned by a named person is that person's)
    owned = base.dep_ == "pobj" and any(c.dep_ == "poss" and c.pos_ == "PROPN" and c.i in ctx.person_of
                                        for c in base.children)
    if not as_subject and not owned and not (between and gov.lemma_ not in HOSTING_VERBS):
        for s in subjects_of(gov):
            subj.extend(np_parties(s, ctx, exclude=exclude))
    preps = {"with", "between"} | ({"to"} if gov.lemma_ in ADDRESSED_VERBS else set()) | extra \
        | ({"from"} if gov.lemma_ in RECEIVING_VERBS else set())  # "had taken calls from A and B"
    for pobj in _prep_objects(gov, preps):
        own.extend(np_parties(pobj, ctx, exclude=exclude | {p.id for p in subj}))
    if not subj and noun.dep_ not in ("nsubj", "nsubjpass"):
        # "Lula's schedule does not include a meeting with Biden"
        for s_tok in (c for c in gov.children if c.dep_ == "nsubj"):
            if s_tok.lemma_.lower() in AGENDA_NOUNS:
                for ch in s_tok.children:
                    if ch.dep_ == "poss":
                        subj.extend(np_parties(ch, ctx, exclude=exclude))
    if not subj and base.dep_ in ("nsubj", "nsubjpass"):
        # "a meeting with Tiani is not on his agenda"
        for ag in _prep_objects(gov, {"on", "in", "of"}):
            if ag.lemma_.lower() in AGENDA_NOUNS:
                for ch in ag.children:
                    if ch.dep_ == "poss":
                        subj.extend(np_parties(ch, ctx, exclude=exclude))
    if not subj and base.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "prep" and c.lower_ == "with"
                                                                 for c in base.children):
        subj.extend(_reporting_leader(gov, own, ctx, exclude))
    via_setting = base.dep_ == "pobj" and base.head.dep_ == "prep" and base.head.lower_ in MANNER_PREPS
    if gov.lemma_ in ("host", "receive", "welcome") or via_setting:
        # "hosted X for talks"; "told X in a phone call", "urged X during their meeting"
        for ch in gov.children:
            if ch.dep_ in ("dobj", "dative") and ch != base:
                own.extend(np_parties(ch, ctx, exclude=exclude | {p.id for p in subj}))
    if via_setting and gov.head.lemma_ in OBJECT_CONTROL and (gov.dep_ == "xcomp" or (
            gov.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in gov.children))):
        # "Erdoğan urged Putin to declare a ceasefire during a phone call": the call is the urging
        for ch in gov.head.children:
            if ch.dep_ in ("nsubj", "dobj"):
                own.extend(p for p in np_parties(ch, ctx, exclude=exclude | {p.id for p in subj})
                           if p.kind == "person")
    return subj


def _reporting_leader(gov: Token, own: list[Party], ctx: DocContext, exclude: set[str]) -> list[Party]:
    """"Petro said a meeting with Lula could take place soon": a contact told as the subject of what a
    leader says, with one other person named, is the leader's own. (A minister or spokesperson who says
    it speaks of someone else's meeting.)"""
    others = {p.id for p in own if p.kind == "person"}
    if len(others) != 1 or gov.dep_ != "ccomp" or gov.head.lemma_ not in load_cues().reporting:
        return []
    found = [p for s in subjects_of(gov.head) for p in np_parties(s, ctx, exclude=exclude | others)
             if p.kind == "person" and p.id in ctx.people and is_leader_role(ctx.people[p.id].role)]
    return found[:1]


def dedupe_parties(parties: list[Party]) -> list[Party]:
    """The parties, each person (or country) once, in the order first named."""
    seen, out = set(), []
    for p in parties:
        if p.id not in seen:
            seen.add(p.id)
            out.append(p)
    return out


# What may stand between two names of one list: "President of Somalia, Hassan Sheikh Mohamud, the
# Chancellor of Germany, Olaf Scholz, as well as with ...". Not a verb, not a clause, not a phrase of time
# or place, and not too long.
_LIST_SEPARATORS = {",", "and", "&", "well", ";"}  # (";" between items that hold commas themselves)
_LIST_STOPS = {"on", "at", "in", "during", "after", "before", "about", "over", "regarding", "concerning", "to",
               "from", "by", "into", "ahead", "who", "whom", "which", "where", "when", "that", "while", "but",
               "whose", ":", ".", "(", ")", "—", "–", "-", '"', "“", "”"}
LIST_GAP = 14


def list_continuation(found: list[Party], ctx: DocContext, after: int, exclude: set[str]) -> list[Party]:
    """People listed after the people of ``found`` (right of token ``after``) that the parse left out of
    the list: "conferred with President of Botswana Mokgweetsi Masisi, President of Somalia, Mohamed
    Farmajo, ...". Each must follow a listed person across list material only (:data:`_LIST_STOPS`)."""
    starts = sorted(p.token for p in found if p.kind == "person" and p.token > after)
    seen = {p.id for p in found} | set(exclude)
    out: list[Party] = []
    for start in starts:
        for p in _listed_after(start, ctx, after):
            if p.id not in seen:
                out.append(p)
                seen.add(p.id)
    return out


def _listed_after(last: int, ctx: DocContext, after: int) -> list[Party]:
    doc = ctx.doc
    sent = ctx.sent(doc[last])
    current = ctx.person_of.get(last)
    out: list[Party] = []
    gap: list[Token] = []
    for j in range(last + 1, sent.end):
        pid = ctx.person_of.get(j)
        if pid is not None and pid == current and not gap:
            continue  # the rest of the same mention
        t = doc[j]
        if pid is None:
            in_word = t.tag_ == "HYPH" and not t.whitespace_ and not doc[j - 1].whitespace_  # "Director-General"
            if (t.lower_ in _LIST_STOPS and not in_word) or t.pos_ in ("VERB", "AUX") or len(gap) >= LIST_GAP:
                break
            gap.append(t)
            continue
        if not any(g.lower_ in _LIST_SEPARATORS for g in gap):
            break
        head = doc[ctx.mention_heads.get(j, j)]
        if (head.dep_ in ("nsubj", "nsubjpass") and head.head.i != after) or stranded_conj(head) is not None:
            break  # "..., and Meloni met Sánchez": a clause of its own
        if not _represented(gap):
            out.append(Party(pid, "person", j))
        current, gap = pid, []
    return out


def _represented(gap: list[Token]) -> bool:
    """Whether the list material before a name makes it the one represented, not present: "...,
    representative of King X", "..., envoy of President Y"."""
    ofs = [k for k, t in enumerate(gap) if t.lower_ == "of"]
    return bool(ofs) and ofs[-1] > 0 and gap[ofs[-1] - 1].lemma_.lower() in attendance_cues()["proxy_nouns"]



# Quotations and who speaks them: "“..., I held a bilateral meeting with ...,” he said."
_OPEN, _CLOSE, _STRAIGHT = {"“"}, {"”"}, {'"'}
QUOTE_VERBS = {"say", "add", "tell", "write", "note", "stress", "state", "explain", "remark", "declare", "post",
               "tweet", "continue", "insist", "recall", "conclude"}
SPEAKER_REACH = 8  # tokens after a closing quote in which "he said" / "said X" is looked for


def find_quotes(ctx: DocContext) -> list[tuple[int, int, str | None]]:
    """The quotations of the document as (opening mark, closing mark, speaker). A quotation left open at a
    new opening mark (a quote running over paragraphs) takes the speaker of the one that follows."""
    doc = ctx.doc
    spans: list[list] = []
    start = None
    for t in doc:
        if t.text in _OPEN or (t.text in _STRAIGHT and start is None):
            if start is not None:
                spans.append([start, t.i, None, True])  # left open
            start = t.i
        elif (t.text in _CLOSE or t.text in _STRAIGHT) and start is not None:
            spans.append([start, t.i, None, False])
            start = None
    inside = set()
    for first, last, _, _ in spans:
        inside.update(range(first, last + 1))
    following = None
    for span in reversed(spans):
        first, last, _, left_open = span
        span[2] = following if left_open else _speaker_after(ctx, first, last, inside)
        following = span[2]
    return [(a, b, who) for a, b, who, _ in spans]


def _speaker_after(ctx: DocContext, first: int, last: int, inside: set[int]) -> str | None:
    doc = ctx.doc
    for j in range(last + 1, min(len(doc), last + 1 + SPEAKER_REACH)):
        t = doc[j]
        if j in inside:
            return None
        if t.lemma_.lower() in QUOTE_VERBS and t.pos_ in ("VERB", "AUX"):
            for c in t.children:
                if c.dep_ == "nsubj":
                    if c.i in ctx.person_of:
                        return ctx.person_of[c.i]
                    if c.lower_ in ("he", "she"):
                        return _last_speaker_before(ctx, first, inside)
            return None
    return None


def _last_speaker_before(ctx: DocContext, first: int, inside: set[int]) -> str | None:
    """The person "he said" stands for after a quotation: the last person named outside quotations
    before it, a sentence's subject first (within a few sentences)."""
    k = ctx.sent_index[first]
    for sent in reversed(ctx.sents[max(0, k - 3):k + 1]):
        named = [(i, ctx.person_of[i]) for i in range(sent.start, min(sent.end, first)) if i in ctx.person_of
                 and i not in inside]
        for i, pid in reversed(named):
            if ctx.doc[ctx.mention_heads.get(i, i)].dep_ in ("nsubj", "nsubjpass"):
                return pid
        if named:
            return named[-1][1]
    return None
