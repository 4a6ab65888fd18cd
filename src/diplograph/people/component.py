"""The ``diplograph_people`` component: people and countries, with identity inside the document.

Sets ``doc._.people`` (list of :class:`~diplograph.types.Person`), ``doc._.countries`` (list of
:class:`~diplograph.types.Country`) and the span groups ``doc.spans["diplograph_people"]`` (label
PERSON, ``span._.person_id``) and ``doc.spans["diplograph_countries"]`` (label GPE,
``span._.country_code``), which displaCy renders with ``style="span"``.

State, all set when the component is created (before worker processes fork, so that no document pays
for it): the leaders gazetteer and the country lexicon (the packaged ones, plus the JSONL files of the
config's ``leaders`` and ``countries`` and the rows of :meth:`PeopleRecognizer.add_leaders`), the rule
tables (:mod:`.rules`: the packaged ones, or those of the config's ``rules`` directory, plus
:meth:`PeopleRecognizer.add_rules`), and the phrase matchers and indexes built from them.
``nlp.to_disk()`` writes the user's leaders and countries and every rule table; ``spacy.load()``
restores them.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from ..extensions import SPANS_COUNTRIES, SPANS_PEOPLE, register_extensions
from ..resources.countries import CountryLexicon, load_countries
from ..resources.data import read_jsonl
from ..resources.gazetteer import Gazetteer, load_gazetteer
from ..resources.text import doc_text
from ..types import Country, Mention, Person
from .identity import Cluster, Resolver
from .mentions import RECENT_YEARS, TOP_OFFICES, CountryMention, MentionFinder
from .rules import PeopleRules
from .variants import VariantIndex

__all__ = ["PeopleRecognizer", "make_people", "RECENT_YEARS", "TOP_OFFICES"]


@Language.factory(
    "diplograph_people",
    assigns=["doc._.people", "doc._.countries", "doc.spans"],
    requires=["doc.ents", "token.pos"],
    default_config={"leaders": [], "countries": [], "use_gazetteer": True, "rules": None,
                    "recent_years": RECENT_YEARS},
)
def make_people(nlp: Language, name: str, leaders: list[str], countries: list[str], use_gazetteer: bool,
                rules: Optional[str], recent_years: int) -> "PeopleRecognizer":
    return PeopleRecognizer(nlp, name, leaders=leaders, countries=countries, use_gazetteer=use_gazetteer,
                            rules=rules, recent_years=recent_years)


class PeopleRecognizer:
    """Finds people and countries and works out who is who (see :mod:`.mentions`, :mod:`.identity`).

    ``leaders``, ``countries``: JSONL files added to the packaged gazetteer and country lexicon (without
    ``use_gazetteer``, the leaders files alone); ``rules``: a directory whose rule tables replace the
    packaged ones of the same name; ``recent_years``: how long after leaving a top office a leader's
    surname alone still names them."""

    def __init__(self, nlp: Language, name: str = "diplograph_people", *, leaders: Iterable[str] = (),
                 countries: Iterable[str] = (), use_gazetteer: bool = True, rules: str | Path | None = None,
                 recent_years: int = RECENT_YEARS) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.leader_files = tuple(str(p) for p in leaders)
        self.country_files = tuple(str(p) for p in countries)
        self.use_gazetteer = use_gazetteer
        self.recent_years = recent_years
        self.extra_leaders: list[dict[str, Any]] = []
        self.rules = PeopleRules.load(rules)
        self._load_data()
        self._build()

    # ------------------------------------------------------------------ state
    def _load_data(self) -> None:
        """The gazetteer and the country lexicon."""
        if self.use_gazetteer:
            base = load_gazetteer(self.leader_files)
            gaz = Gazetteer(base.rows) if self.extra_leaders else base  # (the cached one stays as it is)
        else:
            gaz = Gazetteer()
            for p in self.leader_files:
                gaz.add(read_jsonl(p))
        if self.extra_leaders:
            gaz.add(self.extra_leaders)
        self.gazetteer: Gazetteer = gaz
        self.countries: CountryLexicon = load_countries(self.country_files)

    def _build(self) -> None:
        """The matchers and indexes the rules read, built from the data once."""
        self.finder = MentionFinder(self.nlp.vocab, self.gazetteer, self.countries, self.rules,
                                    recent_years=self.recent_years, top_offices=TOP_OFFICES)
        self.variants = VariantIndex(self.gazetteer)
        self.resolver = Resolver(self.gazetteer, self.rules, self.variants, recent_years=self.recent_years,
                                 top_offices=TOP_OFFICES)

    def add_leaders(self, rows: Iterable[dict[str, Any]]) -> None:
        """Add people in the gazetteer format (see :mod:`diplograph.resources.gazetteer`)."""
        self.extra_leaders.extend(dict(r) for r in rows)
        self._load_data()
        self._build()

    def add_rules(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        """Add rows to a rule table: ``add_rules("titles", [{"title": "grand vizier", "role": "grand vizier",
        "office": [], "class": "official"}])`` (see :mod:`.rules` for the tables and their fields)."""
        self.rules.add(table, rows)
        self._build()

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Nothing to learn: the data were read and the matchers built when the component was created."""

    # ------------------------------------------------------------------ processing
    def __call__(self, doc: Doc) -> Doc:
        day = _day(doc._.published)
        finder = self.finder
        credit = finder.credit_ranges(doc)
        media = finder.media_tokens(doc)
        names, titles, country_mentions = finder.find(doc, credit, media)
        candidates = finder.surnames(doc, names, country_mentions, day, credit, media)
        clusters = self.resolver(doc, names, titles, day, candidates,
                                 home=finder.home_country(doc, country_mentions, names, credit))
        doc._.people, doc.spans[SPANS_PEOPLE] = self._people(doc, clusters, day)
        # a country inside a person's *name* is not a country ("Luís Montenegro"); one in the title
        # before it is ("Portuguese Prime Minister Luís Montenegro")
        taken = {i for c in clusters for m in c.names for i in range(m.start, m.end)}
        doc._.countries, doc.spans[SPANS_COUNTRIES] = self._countries(
            doc, [c for c in country_mentions if not any(i in taken for i in range(c.start, c.end))])
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128):
        for doc in stream:
            yield self(doc)

    def _people(self, doc: Doc, clusters: list[Cluster], day: dt.date | None) -> tuple[list[Person], list[Span]]:
        people: list[Person] = []
        spans: list[Span] = []
        seen_ids: dict[str, Person] = {}
        whole = doc_text(doc)  # (a mention's text cut from it: Span.text joins its tokens' texts)
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
                a, b = span.start_char, span.end_char
                text = whole[a:b]
                person.mentions.append(Mention(a, b, text))
                if text not in person.aliases and text != person.name:
                    person.aliases.append(text)
        spans.sort(key=lambda s: (s.start, s.end))
        for p in people:
            p.mentions.sort(key=lambda m: m.start)
        return people, spans

    def _countries(self, doc: Doc, mentions: list[CountryMention]) -> tuple[list[Country], list[Span]]:
        by_code: dict[str, Country] = {}
        spans = []
        whole = doc_text(doc)
        for m in mentions:
            span = Span(doc, m.start, m.end, label="GPE")
            span._.country_code = m.code
            spans.append(span)
            c = by_code.get(m.code)
            if c is None:
                c = by_code[m.code] = Country(code=m.code, name=self.countries.name(m.code))
            a, b = span.start_char, span.end_char
            c.mentions.append(Mention(a, b, whole[a:b]))
        return list(by_code.values()), spans

    # ------------------------------------------------------------------ serialization
    def to_disk(self, path, *, exclude=tuple()) -> None:
        """Write the user's leaders (``leaders.jsonl``) and countries (``countries.jsonl``) and every rule
        table (``rules/*.jsonl``)."""
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        rows = [r for p in self.leader_files for r in read_jsonl(p)] + self.extra_leaders
        _write_jsonl(path / "leaders.jsonl", rows)
        _write_jsonl(path / "countries.jsonl", [r for p in self.country_files for r in read_jsonl(p)])
        self.rules.to_disk(path / "rules")

    def from_disk(self, path, *, exclude=tuple()) -> "PeopleRecognizer":
        """Restore what :meth:`to_disk` wrote; matchers are rebuilt only when the data differ from those
        the component was created with."""
        path = ensure_path(path)
        leaders = read_jsonl(path / "leaders.jsonl") if (path / "leaders.jsonl").exists() else []
        cfile = path / "countries.jsonl"
        countries = (str(cfile),) if cfile.exists() and cfile.stat().st_size else ()
        rules = PeopleRules.load(path / "rules") if (path / "rules").exists() else self.rules
        data_changed = leaders != self.extra_leaders or self.leader_files or countries != self.country_files
        if data_changed:
            self.leader_files, self.extra_leaders, self.country_files = (), leaders, countries
            self._load_data()
        if data_changed or rules != self.rules:
            self.rules = rules
            self._build()
        return self


def _write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def _contiguous(doc: Doc, start: int, end: int) -> bool:
    """No sentence or clause break between ``start`` and ``end`` (a title right before its name)."""
    return end - start <= 12 and not any(t.text in (".", ";", ":") or "\n" in t.text for t in doc[start:end])


def _day(published: Any) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None
