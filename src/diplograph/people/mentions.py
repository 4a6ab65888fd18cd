"""Finding the raw mentions of people, titles and countries in a parsed ``Doc``.

Four sources, in order of trust: names from the leaders gazetteer; names anchored by a title and a
country ("Kenyan President William Ruto", "Ukraine's Foreign Minister Andrii Sybiha", "Press secretary
of the Russian president Dmitry Peskov", "Prime Minister X of Iraq", "Yair Lapid, Israel's opposition
leader"); the model's PERSON entities; and single surnames that name someone found elsewhere. Titles
without a name ("the Turkish president", "his Russian counterpart") are kept as :class:`TitleMention`
for :mod:`diplograph.identity` to resolve. Nothing here decides who is who.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from spacy.attrs import IS_ALPHA, IS_TITLE, IS_UPPER
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..resources.countries import CountryLexicon
from ..resources.gazetteer import Gazetteer
from ..resources.text import doc_text, fold, span_text
from .rules import PeopleRules, media_names

__all__ = ["NameMention", "TitleMention", "CountryMention", "MentionFinder", "media_names", "RECENT_YEARS",
           "TOP_OFFICES"]

# A leader's surname alone names them while in office and for some years after ("Trump" in 2024).
RECENT_YEARS = 8
TOP_OFFICES = frozenset({"head_of_state", "head_of_government", "foreign_minister"})
_NAME_JOINERS = {"-", "'", "’", "."}
_POSSESSIVES = ("'s", "’s")
_AND = ("and", "&")
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_NOT_NAMES = ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL", "QUANTITY")


@dataclass
class NameMention:
    """A stretch of tokens that names a person."""

    start: int  # token offsets
    end: int
    text: str
    source: str  # gazetteer | title | ner | surname
    leader_ids: list[str] = field(default_factory=list)
    role: str | None = None
    country: str | None = None
    credit: bool = False
    anchor: tuple[int, int] | None = None  # tokens of the title phrase that introduced it
    possessor: "NameMention | None" = None  # "Faye's prime minister, X": Faye

    @property
    def ntoks(self) -> int:
        return len(fold(self.text).split())


@dataclass
class TitleMention:
    """A title standing for a person: "the Turkish president", "his Russian counterpart"."""

    start: int
    end: int
    text: str
    title: str
    role: str | None
    offices: list[str]
    country: str | None
    plural: bool = False
    counterpart: bool = False
    definite: bool = True


@dataclass
class CountryMention:
    start: int
    end: int
    text: str
    code: str
    kind: str  # name | demonym | capital | metonym


def _is_cap(tok: Token) -> bool:
    t = tok.text
    return bool(t) and (t[0].isupper() or (t[0].isdigit() is False and t[:1].isalpha() and t.isupper()))


class MentionFinder:
    """Phrase matchers over countries, leaders, titles and media, built once, and the rules that read them.

    ``recent_years`` and ``top_offices``: a leader's short name alone names them while in one of those
    offices and for that many years after."""

    def __init__(self, vocab: Vocab, gazetteer: Gazetteer, countries: CountryLexicon,
                 rules: PeopleRules | None = None, *, recent_years: int = RECENT_YEARS,
                 top_offices: frozenset[str] = TOP_OFFICES) -> None:
        self.vocab = vocab
        self.gaz = gazetteer
        self.countries = countries
        self.rules = rules if rules is not None else PeopleRules.load()
        self.titles = self.rules.titles
        self.words = self.rules.words
        self.recent_years = recent_years
        self.top_offices = top_offices
        self._build()

    def _build(self) -> None:
        from spacy.lang.en import English

        tok = English(vocab=self.vocab).tokenizer  # patterns tokenised as the pipeline would
        self.country_matcher = PhraseMatcher(self.vocab, attr="ORTH")
        by_key: dict[str, list[str]] = {}
        for surface, code, kind in self.countries.surfaces():
            by_key.setdefault(f"{code}|{kind}", []).append(surface)
        for key, surfaces in by_key.items():
            self.country_matcher.add(key, list(tok.pipe(surfaces)))
        self.leader_matcher = PhraseMatcher(self.vocab, attr="ORTH")
        by_id: dict[str, set[str]] = {}
        from anyascii import anyascii

        for surface, lid in self.gaz.surfaces():
            by_id.setdefault(lid, set()).update({surface, anyascii(surface)})
        for lid, surfaces in by_id.items():
            self.leader_matcher.add(lid, list(tok.pipe(sorted(surfaces))))
        self.title_matcher = PhraseMatcher(self.vocab, attr="LOWER")
        for t in self.titles:
            # (as written too: the tokenizer splits "h.e." but keeps "H.E." whole)
            self.title_matcher.add(t, [tok(t)] + ([tok(t.upper())] if "." in t else []))
        self.media_matcher = PhraseMatcher(self.vocab, attr="ORTH")
        self.media_matcher.add("MEDIA", list(tok.pipe(sorted(self.rules.media_surfaces))))
        self._strings = self.vocab.strings

    # ------------------------------------------------------------------ countries
    def countries_in(self, doc: Doc, taken: set[int]) -> list[CountryMention]:
        out = []
        for key, s, e in _longest(self.country_matcher(doc)):
            if any(i in taken for i in range(s, e)):
                continue
            code, kind = self._strings[key].split("|")
            span = doc[s:e]
            if self._country_blocked(doc, span, code):
                continue
            out.append(CountryMention(s, e, span.text, code, kind))
        return out

    def _country_blocked(self, doc: Doc, span: Span, code: str) -> bool:
        text = span.text
        # A country word inside a person's name ("Luís Montenegro") is handled by `taken`; an ambiguous
        # one ("Georgia", "Jordan") must look like a place: tagged GPE/LOC/NORP, or after "in/to/from".
        if self.countries.is_ambiguous(text):
            ent = span[0].ent_type_
            prev = doc[span.start - 1].lower_ if span.start > 0 else ""
            if ent in ("PERSON", "ORG"):
                return True
            if ent not in ("GPE", "LOC", "NORP") and prev not in self.words["country_cues"]:
                return True
        if span.start > 0 and fold(text) in ("washington",) and doc[span.start - 1].text in ("George", "Denzel"):
            return True
        # Part of a longer proper name that is not a country ("New Mexico State", "Jordan Peterson")
        if span.end < len(doc) and doc[span.end].ent_type_ == "PERSON" and doc[span.end].ent_iob_ == "I":
            return True
        return False

    # ------------------------------------------------------------------ people
    def credit_ranges(self, doc: Doc) -> list[tuple[int, int]]:
        """Character ranges of bylines and photo credits."""
        out = []
        text = doc_text(doc)
        pos = 0
        for n, line in enumerate(text.splitlines(keepends=True)):
            for pat, anywhere, lines in self.rules.credit_lines:
                if lines is not None:  # a name alone under the headline: the whole line, nothing more
                    if lines[0] <= n <= lines[1] and pat.search(line) and not self.countries.lookup(line.strip()):
                        out.append((pos, pos + len(line)))
                        break
                elif anywhere:
                    for m in pat.finditer(line):
                        out.append((pos + m.start(), pos + m.end()))
                elif pat.search(line) and len(line) < 200:
                    out.append((pos, pos + len(line)))
            pos += len(line)
        return out

    def media_tokens(self, doc: Doc) -> set[int]:
        """Tokens of outlets' names; not a name's part that an outlet shares ("Al-Sabah" is no "Sabah")."""
        toks = set()
        for _, s, e in self.media_matcher(doc):
            if (s > 0 and doc[s - 1].text == "-") or (e < len(doc) and doc[e].ent_type_ == "PERSON"
                                                     and doc[e].ent_iob_ == "I" and _is_cap(doc[e])
                                                     and doc[e].is_alpha and len(doc[e]) > 2):
                continue  # ("Sabah Khaled Al-Hamad Al-Sabah": a name that begins as an outlet's does)
            toks.update(range(s, e))
        return toks

    def find(self, doc: Doc, credit: list[tuple[int, int]] | None = None, media: set[int] | None = None
             ) -> tuple[list[NameMention], list[TitleMention], list[CountryMention]]:
        """Names, titles and countries of ``doc``; ``credit`` and ``media``: :meth:`credit_ranges` and
        :meth:`media_tokens` of it, when already computed."""
        credit = self.credit_ranges(doc) if credit is None else credit
        media = self.media_tokens(doc) if media is None else media
        taken: set[int] = set()
        names: list[NameMention] = []

        def add(m: NameMention) -> bool:
            if m.end <= m.start or any(i in taken for i in range(m.start, m.end)):
                return False
            if any(i in media for i in range(m.start, m.end)):
                return False
            c0 = doc[m.start].idx
            m.credit = any(a <= c0 < b for a, b in credit)
            names.append(m)
            taken.update(range(m.start, m.end))
            return True

        # 1. gazetteer names
        leader_matches = _patronymic_chains(doc, self.leader_matcher(doc))
        namesakes: dict[tuple[int, int], set[str]] = {}  # every leader a span's name is, by the span
        for key, s, e in leader_matches:
            namesakes.setdefault((s, e), set()).add(self._strings[key])
        for key, s, e in _longest(leader_matches):
            span = doc[s:e]
            if e - s == 1 and span[0].ent_type_ not in ("PERSON", "ORG", "GPE", "NORP", ""):
                continue
            if e < len(doc) and _is_cap(doc[e]) and doc[e].pos_ == "PROPN" and doc[e].ent_type_ == "PERSON" \
                    and doc[e].ent_iob_ == "I":
                continue  # only part of a longer name
            if s > 0 and doc[s].lower_ in self.words["particles"] and doc[s].ent_type_ == "PERSON" \
                    and doc[s].ent_iob_ == "I" and _is_cap(doc[s - 1]) and doc[s - 1].ent_type_ == "PERSON":
                continue  # the end of a longer name: "Sabah Khaled Al-Hamad Al-Sabah" is not "Al-Hamad Al-Sabah"
            add(NameMention(s, e, span.text, "gazetteer", leader_ids=sorted(namesakes[(s, e)])))
        # 2. titles: anchored names and bare titles
        titles: list[TitleMention] = []
        title_matches = self.title_matcher(doc)
        title_ends: dict[int, list[int]] = {}  # every title match by start, for _title_at
        for _, s, e in title_matches:
            title_ends.setdefault(s, []).append(e)
        for key, s, e in _longest(title_matches):
            title = self._strings[key]
            info = self.titles[title]
            if any(i in taken for i in range(s, e)):
                continue
            if info["class"] != "honorific" and not _title_like(doc, s, e):
                continue
            self._title_mention(doc, s, e, info, names, titles, taken, add, title_ends)
        # 3. NER persons
        starts = _title_starts(title_matches)
        anchors = {i for m in names if m.anchor for i in range(*m.anchor)}  # "Saudi Arabian King" of a name
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            s, e = self._clean_person_span(doc, ent.start, ent.end, starts)
            if e <= s or any(i in taken or i in anchors for i in range(s, e)) or self._not_a_name(doc, doc[s:e]):
                continue
            add(NameMention(s, e, doc[s:e].text, "ner", leader_ids=[p.id for p in self.gaz.by_name(doc[s:e].text)]))
        titles = _appositions(doc, names, titles)
        self._context_countries(doc, names)
        countries = self.countries_in(doc, taken)
        return names, titles, countries

    def surnames(self, doc: Doc, names: list[NameMention], countries: list[CountryMention], day: dt.date | None,
                 credit: list[tuple[int, int]], media: set[int] | None = None) -> list[NameMention]:
        """Capitalised words that may be a surname or short name alone: of a person found in the document,
        or of a leader in a top office on ``day`` or in the years before it ("Trump" in 2024). Identity
        keeps those that name someone."""
        taken = {i for m in names for i in range(m.start, m.end)}
        taken |= {i for c in countries for i in range(c.start, c.end)}
        doc_keys: set[str] = set()
        given: set[str] = set()  # "Nawaz" for Nawaz Sharif, in the press that calls him so (identity decides)
        for m in names:
            toks = fold(m.text).split()
            if toks:
                doc_keys.add(toks[-1])
            if len(toks) >= 2 and len(toks[0]) > 2 and not m.credit and toks[0] not in self.titles \
                    and toks[0] not in self.words["particles"]:
                given.add(toks[0])
            for lid in m.leader_ids:
                if lid in self.gaz.by_id:
                    doc_keys |= self.gaz.by_id[lid].short_keys()
        media = self.media_tokens(doc) if media is None else media
        flags = doc.to_array([IS_ALPHA, IS_TITLE, IS_UPPER]).tolist()
        out = []
        for i in (k for k, (alpha, title, upper) in enumerate(flags) if alpha and (title or upper)):
            tok = doc[i]
            key = fold(tok.text)
            in_doc = key in doc_keys or (key in given and tok.pos_ == "PROPN" and not tok.is_sent_start
                                         and not (i + 1 < len(doc) and doc[i + 1].is_title)  # ("Addis Ababa")
                                         and not _title_case_line(doc, i))
            if i in taken or i in media or not self._surname_shaped(tok, in_doc, day):
                continue
            start = i
            if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("al", "el") and not doc[i - 2].whitespace_:
                start = i - 2
            out.append(NameMention(start, i + 1, doc[start:i + 1].text, "surname"))
        # a surname in a byline is the journalist's, never a leader's: "By DAVID FRIEDLAND"
        return [m for m in out if not any(a <= doc[m.start].idx < b for a, b in credit)]

    def _surname_shaped(self, tok: Token, in_doc: bool, day: dt.date | None) -> bool:
        """Can this capitalised word stand alone for a person (``in_doc``: the surname of one found)?"""
        doc, i = tok.doc, tok.i
        if not tok.text[:1].isupper() or not tok.is_alpha or tok.ent_type_ in _NOT_NAMES:
            return False
        if tok.lower_ in self.titles or tok.lower_ in self.words["particles"]:
            return False
        if i > 0 and doc[i - 1].text in _PLACE_PREFIXES:
            return False  # "St. Anthony", "Port Louis": a place
        key = fold(tok.text)
        if not in_doc:
            if key not in self.gaz.short_index or tok.tag_ in ("NNS", "NNPS") or tok.ent_type_ == "LANGUAGE":
                return False  # (a plural is no one's name: "U.S. Banks")
            if tok.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP") and not (
                    (tok.i > tok.sent.start or tok.pos_ == "PROPN" or tok.dep_ in ("nsubj", "nsubjpass", "poss"))
                    and self._leader_short_name(key, day)):
                return False  # a bare capitalised word must be the short name of a recent leader
            if tok.dep_ in ("compound", "nmod", "amod") and tok.head.lower_ in self.words["modifier_heads"] \
                    and tok.head.i > i:
                return False  # "the Trump administration": nobody of the story
        # part of a longer proper name that is not this person ("Trump Tower", "Camp David", "the Christian
        # Democrats")
        if not in_doc and tok.ent_iob_ == "I" and tok.ent_type_ in ("FAC", "WORK_OF_ART", "EVENT", "LAW") \
                and doc[i - 1].text[:1].isupper() and doc[i - 1].pos_ != "CCONJ":
            return False
        return not (i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I" and doc[i + 1].ent_type_ in
                    ("ORG", "FAC", "WORK_OF_ART", "NORP", "EVENT", "LAW") and doc[i + 1].text[:1].isupper())

    def _leader_short_name(self, key: str, day: dt.date | None) -> bool:
        """Is ``key`` the short name of someone in a top office on ``day`` or in the years before it?"""
        return bool(self.gaz.by_short_name(key, day, recent_years=self.recent_years, offices=self.top_offices))

    def home_country(self, doc: Doc, countries: list[CountryMention], names: list[NameMention],
                     credit: list[tuple[int, int]]) -> str | None:
        """The government a document speaks for: a seat of government in its header ("From: Prime
        Minister's Office, 10 Downing Street", "THE WHITE HOUSE") within its first 60 tokens, or the
        country of the official whose briefing it is ("Press Briefing by Press Secretary Karine
        Jean-Pierre", "Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference")."""
        for m in countries:
            if m.start < 60 and self.countries.is_seat(m.text) and not any(a <= doc[m.start].idx < b for a, b in credit) \
                    and not self._venue(doc[m.start:m.end]):
                return m.code  # (not a photo credit's "No. 10 Downing Street", nor "met Xi at the Great Hall")
        first_line = doc_text(doc).split("\n", 1)[0]
        if any(cue in first_line.lower() for cue in self.words["briefing_cues"]):
            end = len(first_line)
            with_at = re.search(r"\bwith\b", first_line, flags=re.IGNORECASE)
            if with_at:  # "Readout of the President's Call with Prime Minister X of Turkey": X is the other side
                end = with_at.start()
            for m in sorted(names, key=lambda m: m.start):
                if doc[m.start].idx >= end:
                    break
                if m.country:
                    return m.country
                for lid in m.leader_ids:
                    leader = self.gaz.by_id.get(lid)
                    if leader is not None and leader.country:
                        return leader.country
        return None

    def _venue(self, span: Span) -> bool:
        """Is a seat of government named as the place of something ("met Xi at the Great Hall of the People",
        "arrived in Downing Street")? Then it is not the header of the government's own release."""
        t = span.root
        while t.dep_ in ("compound", "det", "amod") and t.head != t:
            t = t.head
        return t.dep_ == "pobj" and t.head.lower_ in self.words["venue_links"]

    def _not_a_name(self, doc: Doc, span: Span) -> bool:
        """Is a PERSON entity of the model something else: a country, outlet, place, body, transcript label,
        headline fragment, a group ("against the Tutsi"), or text in another script?"""
        text = span.text
        if self.countries.lookup(text) or fold(text) in self.rules.media_names:
            return True
        if not any(ch.isupper() for ch in text) or any(ch.isdigit() for ch in text) or not _latin(text):
            return True
        if not span[0].text[:1].isalpha() or fold(text) in self.words["pronouns"]:
            return True  # a quote glued to a pronoun: "”It would seem"
        if any(t.text == "-" for t in span) and all(fold(part) in self.gaz.short_index
                                                    for part in text.split("-") if part):
            return True  # "Putin-Macron call": two people, found as surnames
        if len(span) == 1 and text.isupper() and len(text) > 3:
            return True  # transcript labels: "QUESTION", "ANSWER"
        if any(t.lower_ in _WEEKDAYS for t in span):
            return True  # a headline's "with Indonesian president Thursday"
        if len(span) == 1 and text.isupper() and span.start > 0 and doc[span.start - 1].text == "(" \
                and span.end < len(doc) and doc[span.end].text == ")":
            return True  # "the 56th Asean Foreign Ministers' Meeting (AMM)": an acronym, not a person
        if span.end + 1 < len(doc) and doc[span.end].text == "-" and not span[-1].whitespace_ \
                and not doc[span.end].whitespace_ and doc[span.end + 1].is_lower:
            return True  # "Mar-a-Lago", "Stratford-upon-Avon": part of a place's name
        if len(span) == 1 and self._plural_title(text):
            return True  # "Secretary Generals of the OIC"
        if any(t.text in self.words["name_stopwords"] for t in span):
            return True  # "Department Spokesperson", "PM Office", "International Airport"
        known = bool(self.gaz.by_name(text))
        if known:
            return False
        if fold(text) not in self.gaz.short_index:
            if self.rules.is_place(text):
                return True  # "seized Goma", "the town of Leticia"
            if len(span) == 1 and (span[0].tag_ == "NNPS" or (span.start > 0 and doc[span.start - 1].lower_ in
                                                                 ("the", "a", "an"))):
                return True  # "the Tutsi", "the Asean family", "Headquarters": a group or a thing
            if span.root.dep_ == "pobj" and span.root.head.lower_ in self.words["locatives"]:
                return True  # "troops in Ladakh": a place
        return len(span) > 1 and _title_case_line(doc, span.start)  # "Trump Says He and Putin Agreed"

    def _context_countries(self, doc: Doc, names: list[NameMention]) -> None:
        """Countries that the words around a name give: "Kim Yo Jong of North Korea", "Australian journalist
        Cheng Lei", "Faye's prime minister, Ousmane Sonko"."""
        by_end = {m.end: m for m in names}
        for m in names:
            if m.country:
                continue
            if m.end + 1 < len(doc) and doc[m.end].lower_ == "of":  # "<Name> of <Country>"
                found = self._country_at(doc, m.end + 1)
                if found:
                    m.country = found[0]
                    continue
            # "<demonym> <one or two common nouns> <Name>": "Australian journalist", "Russian opposition figure"
            k = m.start
            nouns = 0
            while k > 0 and nouns < 3 and doc[k - 1].is_lower and doc[k - 1].pos_ in ("NOUN", "ADJ"):
                k -= 1
                nouns += 1
            if 0 < nouns and k > 0:
                hit = self.countries.lookup(doc[k - 1].text)
                if hit and hit[1] == "demonym":
                    m.country = hit[0]
                    continue
            # "<Person>'s prime minister, <Name>": the possessor's country (taken later, in identity)
            if m.anchor is not None:
                a = m.anchor[0]
                if a >= 2 and doc[a - 1].text in ("'s", "’s") and (a - 1) in by_end:
                    m.possessor = by_end[a - 1]

    def _country_left(self, doc: Doc, s: int) -> tuple[str | None, int]:
        """A country right before token ``s`` ("Turkish", "Ukraine's", "White House", "U.S."): (code, start).

        Title words may stand between: "U.S. Middle East envoy", "Kenya's prime cabinet secretary"."""
        i = s
        while i > 0 and doc[i - 1].lower_ in self.words["title_modifiers"]:
            i -= 1
        for end in range(i, max(0, i - 3) - 1, -1):
            if end < i and not _title_word(doc[end]):
                break
            i2 = end - 1 if end > 0 and doc[end - 1].text in ("'s", "’s", "'", "’") else end
            for j in range(max(0, i2 - 4), i2):
                hit = self.countries.lookup(span_text(doc, j, i2))
                if hit:
                    return hit[0], j
        return None, s

    def _country_at(self, doc: Doc, k: int) -> tuple[str, int] | None:
        """A country name, demonym or metonym starting at token ``k``: (code, end)."""
        for n in range(min(4, len(doc) - k), 0, -1):
            hit = self.countries.lookup(span_text(doc, k, k + n))
            if hit:
                return hit[0], k + n
        return None

    @staticmethod
    def _title_at(k: int, title_ends: dict[int, list[int]]) -> int | None:
        """End of a title of at most four tokens starting exactly at token ``k``, if one does;
        ``title_ends``: the ends of the document's title matches by start."""
        ends = [e for e in title_ends.get(k, ()) if e <= k + 4]
        return max(ends) if ends else None

    def _title_mention(self, doc, s, e, info, names, titles, taken, add, title_ends) -> None:
        """A title at tokens ``s:e``: the name it introduces (a :class:`NameMention`), else, when it stands
        for a person, a :class:`TitleMention`."""
        title = info["title"]
        honorific = info["class"] == "honorific"
        if s > 0 and doc[s].text.lower() == "pm" and (doc[s - 1].like_num or ":" in doc[s - 1].text):
            return  # "11:52 PM EDT": a time of day
        if honorific and any(self.countries.lookup(span_text(doc, s, k)) for k in range(e + 1, min(e + 3, len(doc)) + 1)):
            return  # "Sri Lanka", "Saint Lucia": a country, not an honorific and a name
        if doc[s].ent_type_ == "PERSON" and doc[s].ent_iob_ == "I" and s > 0 and _is_cap(doc[s - 1]) and (
                honorific or (e - s == 1 and e < len(doc) and doc[e].ent_type_ == "PERSON" and doc[e].ent_iob_ == "I"
                              and _is_cap(doc[e]))):
            return  # inside a person's name: "Hassan Sheikh Mohamoud", "Hossein Amir Abdollahian"
        if honorific and _in_other_entity(doc, s, _skip_space(doc, e)):
            return  # "Sharm El Sheikh International Airport", "the General Debate": a place or an event
        country, left = (None, s) if honorific else self._country_left(doc, s)
        country = country or info.get("country")  # "MK": a member of the Knesset
        j, found = (e, None) if honorific else self._title_complement(doc, _skip_space(doc, e), title_ends)
        if found and title not in self.words["posted_titles"]:  # "ambassador in Caracas": where they serve
            country = country or found
        j = self._skip_honorifics(doc, j, title_ends)
        n_end = self._name_run(doc, j)
        if n_end > j and self._title_name_ok(doc, j, n_end):
            if left >= 2 and doc[left - 1].lower_ == "the" and doc[left - 2].lower_ in ("to", "of"):
                info = {**info, "role": None}  # "Advisor to the President X": X is not the president
            self._anchored_name(doc, j, n_end, info, country, (left, e), names, add)
            return
        if not honorific:
            self._bare_title(doc, s, e, info, country, left, titles)

    def _title_complement(self, doc: Doc, j: int, title_ends: dict[int, list[int]]) -> tuple[int, str | None]:
        """What follows a title before the name: "President of Ukraine X", "press secretary of the Russian
        president X", "spokesman for the Egyptian Presidency, Counselor X", "the Minister of Commerce, X".
        Returns where the name may start and the country named there."""
        n = len(doc)
        if not (j < n and (doc[j].lower_ in self.words["title_links"] or doc[j].lower_ in _AND)):
            return j, None
        k = j + 1
        if k < n and doc[k].lower_ == "the":
            k += 1
        # (after "and", a second portfolio: "Minister of Foreign Affairs and International Development, X")
        found = self._country_at(doc, k) if k < n and doc[j].lower_ not in _AND else None
        if found:
            j = found[1]
            t2 = self._title_at(j, title_ends) if j < n else None
            if t2 is not None:
                return t2, found[0]
            k = j  # an institution: "the Egyptian Presidency", "the Russian Foreign Ministry"
            while k < n and k - j < 3 and doc[k].text[:1].isupper() and doc[k].ent_type_ != "PERSON":
                k += 1
            return (k if k < n and doc[k].text == "," and k > j else j), found[0]
        k2 = k  # a portfolio: "the Minister of Commerce, X", "the Minister of Finance and Public Accounts, X",
        #         "the leader of the opposition Labour Party, X" (a lower-case word inside a capitalised name)
        while k2 < n and k2 - k < 6 and doc[k2].ent_type_ != "PERSON" and (
                doc[k2].text[:1].isupper() or (doc[k2].lower_ in _AND and k2 > k)
                or (doc[k2].is_alpha and doc[k2].pos_ in ("NOUN", "ADJ") and k2 + 1 < n and doc[k2 + 1].text[:1].isupper())):
            k2 += 1
        if k2 > k and k2 < n and doc[k2].text == ",":
            return k2, None
        return j, None

    def _skip_honorifics(self, doc: Doc, j: int, title_ends: dict[int, list[int]]) -> int:
        """Past a comma and honorifics between a title and a name ("spokesman, Counselor Ahmed Fahmy")."""
        n = len(doc)
        j = _skip_space(doc, j)
        if j < n and doc[j].text == "," and j + 1 < n and _is_cap(doc[j + 1]):
            j += 1
        while j < n:
            t2 = self._title_at(j, title_ends)
            if t2 is None or self.titles.get(doc[j:t2].text.lower(), {}).get("class") != "honorific":
                break
            j = _skip_space(doc, t2)
        return j

    def _plural_title(self, word: str) -> bool:
        """Is ``word`` a title in the plural ("Generals", "Ministers")?"""
        low = word.lower()
        return low.endswith("s") and low[:-1] in self.titles

    def _title_name_ok(self, doc: Doc, s: int, e: int) -> bool:
        """Is the run of capitalised words after a title a name? Not text in another script, not a lone
        code ("Prime Minister GR"), and on a title-case headline only a name the article repeats ("Crown
        Prince Invites Iraqi Prime" is no name)."""
        span = doc[s:e]
        if self.gaz.by_name(span.text):
            return True
        if not _latin(span.text) or (e - s == 1 and span.text.isupper() and len(span.text) <= 2):
            return False
        if e < len(doc) and doc[e].ent_iob_ == "I" and doc[e].ent_type_ in _OTHER_ENTITIES \
                and doc[e].ent_type_ == doc[s].ent_type_:
            return False  # "Director of the Chinese Communist Party": a body's name goes on past it
        if e - s == 1 and self._plural_title(span.text):
            return False  # "Secretary Generals of the OIC": the title's plural, nobody's name
        if any(t.lower_ in _WEEKDAYS for t in span):
            return False  # a headline's "summit with Indonesian president Thursday"
        if span[0].lower_ in self.words["headline_verbs"] and _title_case_line(doc, s):
            return False  # "Foreign Minister to Visit Turkey Next Week, Says Davutoglu"
        if not _title_case_line(doc, s):
            return True
        if any(t.is_stop or self.countries.lookup(t.text) for t in span):
            return False  # "Holds Talks With Djiboutian", "Invites Iraqi Prime"
        return _repeated(doc, s, e)

    def _anchored_name(self, doc, ns, ne, info, country, anchor, names, add) -> None:
        """A name introduced by a title; it takes the title's role and country."""
        n = len(doc)
        if country is None and ne + 1 < n and doc[ne].lower_ == "of":  # "Prime Minister X of Iraq"
            found = self._country_at(doc, ne + 1)
            if found:
                country = found[0]
        role = None if info["class"] in ("honorific", "counterpart") else info.get("role")
        already = [m for m in names if m.start <= ns < m.end or ns <= m.start < ne]
        if already:
            for m in already:
                m.role = m.role or role
                m.country = m.country or country
                m.anchor = m.anchor or anchor
            return
        text = doc[ns:ne].text
        add(NameMention(ns, ne, text, "title", leader_ids=[p.id for p in self.gaz.by_name(text)], role=role,
                        country=country, anchor=anchor))

    def _bare_title(self, doc, s, e, info, country, left, titles) -> None:
        """A title with no name after it stands for a person when determined: "the Turkish president",
        "his counterpart", "President" capitalised."""
        if left > 1 and doc[left - 1].lower_ in _GUEST_WORDS and doc[left - 2].lower_ in self.words["determiners"]:
            left -= 1  # "the visiting president": the guest of the story
        first = doc[left - 1] if left > 0 else None
        has_det = first is not None and first.lower_ in self.words["determiners"]
        # "Canada's prime minister" is as determined as "the Canadian prime minister"
        definite = has_det or doc[s].text[:1].isupper() or (country is not None and left < s and any(
            doc[k].text in ("'s", "’s") for k in range(left, s)))
        st = left - 1 if has_det else left
        modifiers = {doc[k].lower_ for k in range(left, s)}
        offices = list(info.get("office", []))
        role = info.get("role")
        if modifiers & self.words["not_the_office"]:  # "deputy foreign minister", "former president": another office
            offices = []
            role = f"{'deputy' if modifiers & {'deputy', 'vice'} else 'former'} {role}" if role else role
        if info.get("class") in ("leader", "minister", "spokesperson", "counterpart", "official"):
            titles.append(TitleMention(st, e, doc[st:e].text, info["title"], role, offices, country,
                                       plural=bool(info.get("plural")),
                                       counterpart=info["class"] == "counterpart", definite=definite))


    def _name_run(self, doc: Doc, i: int) -> int:
        """End of a run of name tokens starting at ``i`` (capitalised words, particles, hyphens)."""
        titles, countries, particles = self.titles, self.countries, self.words["particles"]
        j = i
        n = len(doc)
        while j < n:
            t = doc[j]
            low = t.lower_
            if _is_cap(t) and t.is_alpha is False and not any(ch.isalpha() for ch in t.text):
                break
            if t.text in _POSSESSIVES:
                break
            if t.text in self.words["name_stopwords"]:
                break
            if j > i and _is_cap(t) and low in titles and j + 1 < n and _is_cap(doc[j + 1]) \
                    and doc[j + 1].lower_ not in titles and doc[j + 1].is_alpha and (
                        titles[low].get("class") == "honorific"
                        or (t.ent_type_ == doc[j + 1].ent_type_ == "PERSON" and t.ent_iob_ == doc[j + 1].ent_iob_ == "I")):
                j += 1  # an honorific or a title word inside a name: "Hassan Sheikh Mohamud", "Hossein Amir Abdollahian"
                continue
            if _is_cap(t) and low not in titles and not (t.is_stop and j == i and t.ent_type_ != "PERSON"):
                if j == i and countries.lookup(t.text) and t.ent_type_ != "PERSON":
                    # "President Biden" fine; "President Russia" not a name
                    break
                j += 1
                continue
            if j > i and (low in particles or low.rstrip("-") in particles) and j + 1 < n and _is_cap(doc[j + 1]):
                j += 1
                continue
            if j > i and low in particles and j + 2 < n and doc[j + 1].text == "-" and _is_cap(doc[j + 2]):
                j += 2  # "al-Sudani"
                continue
            if j > i and t.text in _NAME_JOINERS and not t.whitespace_ and j + 1 < n and _is_cap(doc[j + 1]) \
                    and not doc[j - 1].whitespace_:
                j += 1
                continue
            if j > i and t.text == "-" and not t.whitespace_ and not doc[j - 1].whitespace_ and j + 1 < n \
                    and doc[j + 1].is_lower and doc[j + 1].is_alpha and len(doc[j + 1]) <= 5:
                j += 2  # a Korean given name: "Lee Jae-myung", "Kang Yu-jung"
                continue
            if j > i and t.text in ("'", "’") and not doc[j - 1].whitespace_:  # "Shia'"
                j += 1
                continue
            break
        # strip a trailing country word or title swallowed at the end ("Trump of")
        while j > i and (countries.lookup(doc[j - 1].text) and doc[j - 1].ent_type_ != "PERSON"):
            j -= 1
        while j > i and doc[j - 1].text in _NAME_JOINERS:
            j -= 1
        return j

    def _clean_person_span(self, doc: Doc, s: int, e: int, title_ends: dict[int, int]) -> tuple[int, int]:
        """Strip titles and honorifics ("Prime Minister", "Datuk Seri"), determiners, lower-case words ("of
        Jordan"), possessives and punctuation from a PERSON entity: what is left is the name, or nothing."""
        while s < e:
            tok = doc[s]
            if title_ends.get(s, e + 1) <= e:
                s = title_ends[s]
            elif tok.lower_ in self.words["determiners"] or not any(c.isalnum() for c in tok.text) or tok.is_space or (
                    tok.is_lower and tok.lower_.rstrip("-") not in self.words["particles"]) or (
                    tok.lower_ in self.words["headline_verbs"] and s + 1 < e and _title_case_line(doc, s)):
                s += 1  # ("Says Davutoglu" on a headline)
            else:
                break
        e = next((k for k in range(s + 1, e) if doc[k].text in _POSSESSIVES), e)  # "Tinubu’s spokesperson"
        while e > s and (doc[e - 1].text in ("'s", "’s", "'", "’") or not any(c.isalnum() for c in doc[e - 1].text)
                         or (e - 1 > s and doc[e - 1].is_lower and doc[e - 1].lower_ not in self.words["particles"])):
            e -= 1
        return s, e


_HEADLINE_ABBREVIATIONS = frozenset({"Pres.", "Gov.", "Sen.", "Rep.", "Min.", "Amb.", "Sec.", "Govt.", "Dept.",
                                     "Gen.", "Adm.", "Col.", "Prof.", "Dr."})


def _title_case_line(doc: Doc, i: int) -> bool:
    """Is token ``i`` on a headline written in title case (most words capitalised, no more than 25 words,
    no closing full stop; a list of names in a sentence is no headline)?"""
    text = doc_text(doc)
    a = text.rfind("\n", 0, doc[i].idx) + 1
    b = text.find("\n", doc[i].idx)
    line = text[a:b if b >= 0 else len(text)].strip()
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", line)
    long = [w for w in words if len(w) > 3]
    closed = line.endswith(".") and line.rsplit(None, 1)[-1] not in _HEADLINE_ABBREVIATIONS  # ("... Swiss Pres.")
    return 5 <= len(words) <= 25 and not closed and len(long) >= 4 and \
        sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def _skip_space(doc: Doc, j: int) -> int:
    """The first token at or after ``j`` that is not extra white space ("President  Omar")."""
    while j < len(doc) and doc[j].is_space and "\n" not in doc[j].text:
        j += 1
    return j


_OTHER_ENTITIES = {"ORG", "FAC", "GPE", "LOC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}


def _in_other_entity(doc: Doc, s: int, j: int) -> bool:
    """Is the honorific at ``s`` part of the name of a place, body or event ("Sharm El Sheikh", "the General
    Debate"): inside such an entity, or starting one that goes on past it (to token ``j``)?"""
    tok = doc[s]
    if tok.ent_type_ not in _OTHER_ENTITIES:
        return False
    return tok.ent_iob_ == "I" or (j < len(doc) and doc[j].ent_iob_ == "I" and doc[j].ent_type_ == tok.ent_type_)


def _repeated(doc: Doc, s: int, e: int) -> bool:
    """Does the name ``doc[s:e]`` occur again off its own line, in full or by its last word (as a proper
    noun; in capitals in a transcript label: "MR. KIRBY")?"""
    words = [t.text for t in doc[s:e]]
    last = words[-1]
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, doc[s].idx) + 1
    line_end = text.find("\n", doc[s].idx)
    line_end = len(text) if line_end < 0 else line_end
    for t in doc:
        if line_start <= t.idx < line_end:
            continue
        if t.text == words[0] and [x.text for x in doc[t.i:t.i + len(words)]] == words:
            return True
        if (t.text == last and (t.pos_ == "PROPN" or t.ent_type_ == "PERSON")) or t.text == last.upper() != last:
            return True
    return False


def _title_word(tok: Token) -> bool:
    """A word that can sit inside a title phrase: "Middle East", "prime cabinet", "special"."""
    return tok.is_alpha and tok.pos_ not in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON", "DET", "PART") \
        and tok.ent_type_ not in ("PERSON", "DATE", "TIME")


def _appositions(doc: Doc, names: list[NameMention], titles: list[TitleMention]) -> list[TitleMention]:
    """"Yair Lapid, Israel's opposition leader": the title's country and role go to the name before it,
    and the title is no separate mention."""
    ends = {m.end: m for m in names}
    kept = []
    for t in titles:
        prev = ends.get(t.start - 1) if t.start > 1 and doc[t.start - 1].text == "," else None
        if prev is not None and t.end < len(doc) and doc[t.end].pos_ in ("VERB", "AUX") \
                and doc[t.end - 1].dep_ in ("nsubj", "nsubjpass"):
            prev = None  # "Before the call with Putin, the US President talked with ...": the next clause's subject
        if prev is not None and not t.plural:
            prev.role = prev.role or (t.role if t.role != "counterpart" else None)
            prev.country = prev.country or t.country
            continue
        kept.append(t)
    return kept


_PATRONYMIC = {"bin", "ibn", "bint", "ben"}
_GUEST_WORDS = {"visiting", "guest"}
_PLACE_PREFIXES = {"St.", "St", "Saint", "San", "Santa", "Sao", "São", "Fort", "Port", "Mount", "Mt.", "Lake", "Cape"}


def _patronymic_chains(doc: Doc, matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """"Mohammed bin Salman bin Abdulaziz Al Saud": the whole chain is the son's name. A name that starts
    after "bin" inside another name is the father's, not a person of the text; the son's name reaches
    over the rest of the chain ("bin X", "Al Y")."""
    starts = [(s, e) for _, s, e in matches]
    kept = [(k, s, e) for k, s, e in matches
            if not (s > 0 and doc[s - 1].lower_ in _PATRONYMIC and any(a < s < b for a, b in starts))]
    out = []
    for k, s, e in kept:
        while e + 1 < len(doc) and doc[e].lower_ in _PATRONYMIC | {"al", "el"} and doc[e + 1].text[:1].isupper():
            e += 2
        out.append((k, s, e))
    return out


def _longest(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Non-overlapping matches, longest first then leftmost (as spacy.util.filter_spans)."""
    out, used = [], set()
    for key, s, e in sorted(matches, key=lambda m: (-(m[2] - m[1]), m[1])):
        if not any(i in used for i in range(s, e)):
            out.append((key, s, e))
            used.update(range(s, e))
    return sorted(out, key=lambda m: m[1])


def _title_like(doc: Doc, s: int, e: int) -> bool:
    """A title word used as a title, not "the president's decision" is fine, "presidential" isn't matched."""
    tok = doc[s]
    if e - s == 1 and tok.pos_ in ("VERB", "AUX"):
        return False
    return True


def _title_starts(matches: list[tuple[int, int, int]]) -> dict[int, int]:
    """Token -> the end of the longest title phrase that starts there."""
    out: dict[int, int] = {}
    for _, s, e in matches:
        out[s] = max(e, out.get(s, e))
    return out


def _latin(text: str) -> bool:
    """Are the letters of ``text`` Latin ("Erdoğan" is, "Ντόναλντ" is not)?"""
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in text if ch.isalpha())
