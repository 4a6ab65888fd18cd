"""The ``diplograph_people`` component: people and countries, with identity inside the document.

Sets ``doc._.people`` (list of :class:`~diplograph.types.Person`), ``doc._.countries`` (list of
:class:`~diplograph.types.Country`) and the span groups ``doc.spans["diplograph_people"]`` (label
PERSON, ``span._.person_id``) and ``doc.spans["diplograph_countries"]`` (label GPE,
``span._.country_code``), which displaCy renders with ``style="span"``.

Data: the packaged leaders gazetteer and country lexicon, plus files the user adds through the
component config (``leaders``, ``countries``: lists of JSONL paths) or :meth:`PeopleRecognizer.add_leaders`.
``nlp.to_disk()`` writes the user's additions next to the config, so ``spacy.load()`` restores them.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from ..extensions import SPANS_COUNTRIES, SPANS_PEOPLE, register_extensions
from ..resources.countries import CountryLexicon, load_countries
from ..resources.data import read_jsonl
from ..resources.gazetteer import Gazetteer, load_gazetteer
from ..resources.text import doc_text, fold
from ..types import Country, Mention, Person
from .identity import Cluster, resolve_people
from .mentions import PARTICLES, MentionFinder, NameMention, modifier_heads
from .variants import VariantIndex

__all__ = ["PeopleRecognizer", "make_people", "RECENT_YEARS", "TOP_OFFICES"]

_BRIEFING_CUES = ("briefing", "press conference", "statement", "remarks", "readout", "transcript", "interview")
# A leader's surname alone names them while in office and for some years after ("Trump" in 2024).
RECENT_YEARS = 8
TOP_OFFICES = frozenset({"head_of_state", "head_of_government", "foreign_minister"})


@Language.factory(
    "diplograph_people",
    assigns=["doc._.people", "doc._.countries", f"doc.spans"],
    requires=["doc.ents", "token.pos"],
    default_config={"leaders": [], "countries": [], "use_gazetteer": True},
)
def make_people(nlp: Language, name: str, leaders: list[str], countries: list[str],
                use_gazetteer: bool) -> "PeopleRecognizer":
    return PeopleRecognizer(nlp, name, leaders=leaders, countries=countries, use_gazetteer=use_gazetteer)


class PeopleRecognizer:
    """Finds people and countries and works out who is who (see :mod:`diplograph.identity`)."""

    def __init__(self, nlp: Language, name: str = "diplograph_people", *, leaders: Iterable[str] = (),
                 countries: Iterable[str] = (), use_gazetteer: bool = True) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.leader_files = tuple(str(p) for p in leaders)
        self.country_files = tuple(str(p) for p in countries)
        self.use_gazetteer = use_gazetteer
        self.extra_leaders: list[dict[str, Any]] = []
        self._finder: MentionFinder | None = None
        self._gaz: Gazetteer | None = None
        self._variants: VariantIndex | None = None

    # ------------------------------------------------------------------ data
    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            if self.use_gazetteer:
                base = load_gazetteer(self.leader_files)
                gaz = Gazetteer(base.rows) if self.extra_leaders else base
            else:
                gaz = Gazetteer()
                for p in self.leader_files:
                    gaz.add(read_jsonl(p))
            if self.extra_leaders:
                gaz.add(self.extra_leaders)
            self._gaz = gaz
        return self._gaz

    @property
    def countries(self) -> CountryLexicon:
        return load_countries(self.country_files)

    @property
    def finder(self) -> MentionFinder:
        if self._finder is None:
            self._finder = MentionFinder(self.nlp.vocab, self.gazetteer, self.countries)
        return self._finder

    @property
    def variants(self) -> VariantIndex:
        if self._variants is None:
            self._variants = VariantIndex(self.gazetteer)
        return self._variants

    def add_leaders(self, rows: Iterable[dict[str, Any]]) -> None:
        """Add people in the gazetteer format (see :mod:`diplograph.gazetteer`)."""
        self.extra_leaders.extend(dict(r) for r in rows)
        self._gaz = None
        self._finder = None
        self._variants = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        self.finder  # build the matchers now rather than on the first document

    # ------------------------------------------------------------------ processing
    def __call__(self, doc: Doc) -> Doc:
        day = _day(doc._.published)
        finder = self.finder
        credit = finder.credit_ranges(doc)
        names, titles, country_mentions = finder.find(doc, credit)
        candidates = self._surname_candidates(doc, names, country_mentions, day, credit)
        clusters = resolve_people(doc, names, titles, self.gazetteer, day, candidates,
                                  home=self._home_country(doc, country_mentions, names, credit),
                                  variants=self.variants)
        people, spans = self._people(doc, clusters, day)
        doc._.people = people
        doc.spans[SPANS_PEOPLE] = spans
        # a country inside a person's *name* is not a country ("Luís Montenegro"); one in the title
        # before it is ("Portuguese Prime Minister Luís Montenegro")
        taken = {i for c in clusters for m in c.names for i in range(m.start, m.end)}
        countries, cspans = self._countries(doc, [c for c in country_mentions
                                                 if not any(i in taken for i in range(c.start, c.end))])
        doc._.countries = countries
        doc.spans[SPANS_COUNTRIES] = cspans
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128):
        for doc in stream:
            yield self(doc)

    def _surname_candidates(self, doc: Doc, names: list[NameMention], countries, day,
                            credit: list[tuple[int, int]]) -> list[NameMention]:
        taken = {i for m in names for i in range(m.start, m.end)}
        taken |= {i for c in countries for i in range(c.start, c.end)}
        doc_keys: set[str] = set()
        gaz = self.gazetteer
        for m in names:
            toks = fold(m.text).split()
            if toks:
                doc_keys.add(toks[-1])
            for lid in m.leader_ids:
                if lid in gaz.by_id:
                    doc_keys |= gaz.by_id[lid].short_keys()
        media = self.finder.media_tokens(doc)
        out = []
        from spacy.attrs import IS_ALPHA, IS_TITLE, IS_UPPER

        flags = doc.to_array([IS_ALPHA, IS_TITLE, IS_UPPER])
        for i in (k for k in range(len(doc)) if flags[k, 0] and (flags[k, 1] or flags[k, 2])):
            tok = doc[i]
            if i in taken or i in media or not tok.text[:1].isupper() or not tok.is_alpha:
                continue
            if tok.lower_ in self.finder.titles or tok.lower_ in PARTICLES:
                continue
            key = fold(tok.text)
            in_doc = key in doc_keys
            if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"):
                continue
            if not in_doc:
                if key not in gaz.short_index or tok.tag_ in ("NNS", "NNPS"):
                    continue  # (a plural is no one's name: "U.S. Banks")
                if tok.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP") and not (
                        (tok.i > tok.sent.start or tok.pos_ == "PROPN" or tok.dep_ in ("nsubj", "nsubjpass", "poss"))
                        and self._leader_short_name(key, day)):
                    continue  # a bare capitalised word that is the short name of a recent leader
            if tok.dep_ in ("compound", "nmod", "amod") and tok.head.lower_ in modifier_heads() \
                    and tok.head.i > i and not in_doc:
                continue  # "the Trump administration": nobody of the story
            # part of a longer proper name that is not this person ("Trump Tower")
            if i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I" and doc[i + 1].ent_type_ in ("ORG", "FAC", "WORK_OF_ART") \
                    and doc[i + 1].text[:1].isupper():
                continue
            start = i
            if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("al", "el") and not doc[i - 2].whitespace_:
                start = i - 2
            out.append(NameMention(start, i + 1, doc[start:i + 1].text, "surname"))
        # a surname in a byline is the journalist's, never a leader's: "By DAVID FRIEDLAND"
        return [m for m in out if not any(a <= doc[m.start].idx < b for a, b in credit)]

    def _home_country(self, doc: Doc, country_mentions, names: list[NameMention],
                      credit: list[tuple[int, int]]) -> str | None:
        """The government a document speaks for: a seat of government in its header ("From: Prime
        Minister's Office, 10 Downing Street", "THE WHITE HOUSE") within its first 60 tokens, or the
        country of the official whose briefing it is ("Press Briefing by Press Secretary Karine
        Jean-Pierre", "Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference")."""
        for m in country_mentions:
            if m.start < 60 and self.countries.is_seat(m.text) and not any(a <= doc[m.start].idx < b for a, b in credit) \
                    and not _venue(doc[m.start:m.end]):
                return m.code  # (not a photo credit's "No. 10 Downing Street", nor "met Xi at the Great Hall")
        first_line = doc_text(doc).split("\n", 1)[0]
        if any(cue in first_line.lower() for cue in _BRIEFING_CUES):
            end = len(first_line)
            for m in sorted(names, key=lambda m: m.start):
                if doc[m.start].idx >= end:
                    break
                if m.country:
                    return m.country
                for lid in m.leader_ids:
                    leader = self.gazetteer.by_id.get(lid)
                    if leader is not None and leader.country:
                        return leader.country
        return None

    def _leader_short_name(self, key: str, day: dt.date | None) -> bool:
        """Is ``key`` the short name of a head of state or government or a foreign minister in office on
        ``day`` or in the years before it ("Trump" in 2024)?"""
        return bool(self.gazetteer.by_short_name(key, day, recent_years=RECENT_YEARS, offices=TOP_OFFICES))

    def _people(self, doc: Doc, clusters: list[Cluster], day: dt.date | None) -> tuple[list[Person], list[Span]]:
        people: list[Person] = []
        spans: list[Span] = []
        seen_ids: dict[str, Person] = {}
        for c in clusters:
            pid = c.person_id()
            # a name with the title that introduced it is one mention: "Turkish President Recep Tayyip Erdoğan"
            mentions = sorted([(m.anchor[0] if m.anchor and m.anchor[0] < m.start and
                                _contiguous(doc, m.anchor[0], m.start) else m.start, m.end) for m in c.names]
                              + [(t.start, t.end) for t in c.titles])
            person = seen_ids.get(pid)
            if person is None:
                person = Person(id=pid, name=c.name(), country=c.country(), role=c.role(day),
                                wikidata=c.leader.wikidata if c.leader else None, is_author=c.is_author,
                                kind="author" if c.is_author else "person")
                seen_ids[pid] = person
                people.append(person)
            for s, e in mentions:
                span = Span(doc, s, e, label="PERSON")
                span._.person_id = pid
                spans.append(span)
                person.mentions.append(Mention(span.start_char, span.end_char, span.text))
                if span.text not in person.aliases and span.text != person.name:
                    person.aliases.append(span.text)
        spans.sort(key=lambda s: (s.start, s.end))
        for p in people:
            p.mentions.sort(key=lambda m: m.start)
        return people, spans

    def _countries(self, doc: Doc, mentions) -> tuple[list[Country], list[Span]]:
        by_code: dict[str, Country] = {}
        spans = []
        lex = self.countries
        for m in mentions:
            span = Span(doc, m.start, m.end, label="GPE")
            span._.country_code = m.code
            spans.append(span)
            c = by_code.get(m.code)
            if c is None:
                c = by_code[m.code] = Country(code=m.code, name=lex.name(m.code))
            c.mentions.append(Mention(span.start_char, span.end_char, span.text))
        return list(by_code.values()), spans

    # ------------------------------------------------------------------ serialization
    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        rows = []
        for p in self.leader_files:
            rows.extend(read_jsonl(p))
        rows.extend(self.extra_leaders)
        with (path / "leaders.jsonl").open("w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        country_rows = []
        for p in self.country_files:
            country_rows.extend(read_jsonl(p))
        with (path / "countries.jsonl").open("w", encoding="utf-8") as f:
            for r in country_rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")

    def from_disk(self, path, *, exclude=tuple()) -> "PeopleRecognizer":
        path = ensure_path(path)
        self.leader_files = ()
        self.extra_leaders = read_jsonl(path / "leaders.jsonl") if (path / "leaders.jsonl").exists() else []
        cfile = path / "countries.jsonl"
        self.country_files = (str(cfile),) if cfile.exists() and cfile.stat().st_size else ()
        self._gaz = None
        self._finder = None
        self._variants = None
        return self


def _contiguous(doc: Doc, start: int, end: int) -> bool:
    """No sentence or clause break between ``start`` and ``end`` (a title right before its name)."""
    return end - start <= 12 and not any(t.text in (".", ";", ":") or "\n" in t.text for t in doc[start:end])


def _venue(span) -> bool:
    """Is a seat of government named as the place of something ("met Xi at the Great Hall of the People",
    "arrived in Downing Street")? Then it is not the header of the government's own release."""
    t = span.root
    while t.dep_ in ("compound", "det", "amod") and t.head != t:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ in ("at", "in", "to", "into", "inside", "outside", "near", "toward",
                                                   "towards", "of")


def _day(published: Any) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


