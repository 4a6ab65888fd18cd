"""Archive mode (``mode="contacts"``): run the model only where a contact can be.

Most articles of a news archive never mention a meeting or a call, yet the full pipeline costs the
model on every word. Archive mode puts a first pass in front of it that needs no model: the
tokenizer and phrase matchers over

* contact words: every form of the trigger lemmas, attendance participles, event nouns and
  co-presence phrases of :mod:`diplograph.contacts` (``contact_triggers.jsonl``,
  ``attendance.jsonl``, ``co_presence.jsonl``), inflected with the model lemmatizer's own rules and
  exceptions;
* people: the leaders gazetteer, titles and countries of the people component's matchers, names
  (two capitalised words whose first is a given name of the gazetteer, or which stand inside a
  sentence after a word other than a preposition or "the": not "from Summit Telecom" or "a trip to
  Halden City"; a capitalised word after an honorific; later, either word alone) and personal
  pronouns. A capitalised contact word inside a name ("Summit Telecom") is no contact word.

A paragraph (a line of the text) is a *window core* when one of its sentences holds a contact word
and two person candidates (a plural title or pronoun counts two: "the two leaders", "they"; a
pronoun counts only before anyone is named in its sentence, and someone must be named in it),
or when it holds a contact word and someone right after such a paragraph
(the answer to a question about a contact). Each core
travels with the paragraph before it (antecedents of pronouns and "the two leaders", the day a
"then" refers to), the lede (the first lines up to the first full paragraph) and the first
paragraph that mentions each name word of the core (where "Erdogan" was introduced as
"Turkish President Recep Tayyip Erdogan"). The pipeline then runs on those paragraphs alone, with
the article's publication date; offsets are mapped back into the whole text. An article with no
core costs only the first pass.

The output holds the contacts and the people, countries and dates they use (participants, hosts,
initiators, contact dates). ``bench/compare_extractions.py --archive`` measures it against full mode
on every evaluation set.
"""
from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from spacy.attrs import IDX, IS_TITLE, LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..resources.data import data_file, read_jsonl
from ..types import Extraction, Mention, TimeValue
from .tokenize import tokenize

__all__ = ["ContactPrefilter", "prefilter_for", "reduce_text", "map_extraction", "contacts_only",
           "MODES"]

MODES = ("full", "contacts")
# pronouns that can stand for a participant, and how many people they stand for
_PRONOUNS = {"he": 1, "she": 1, "him": 1, "her": 1, "his": 1, "they": 2, "them": 2, "their": 1,
             "both": 2, "two": 2, "i": 1, "we": 2}
_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord",
                         "lady", "sheikh", "president", "minister"})
_NOT_NAMES = frozenset({"the", "a", "an", "in", "on", "at", "for", "and", "but", "of", "to", "it", "this",
                        "that", "he", "she", "they", "we", "i", "mr", "mrs", "ms", "dr", "monday",
                        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                        "february", "march", "april", "may", "june", "july", "august", "september",
                        "october", "november", "december"})
# words before a capitalised pair that make it a place, a firm or a team rather than a person
_PLACE_WORDS = frozenset({"the", "from", "at", "in", "to", "for", "of", "on", "into", "near",
                          "against", "across", "over", "under", "via"})
_LEDE_WORDS = 15  # the lede runs to the first line of at least this many words
_LEDE_LINES = 3


def trigger_forms(lemmatizer=None) -> set[str]:
    """Lower-case surface forms of the contact words (see the module docstring)."""
    words: set[str] = set()
    for row in read_jsonl(data_file("contacts", "contact_triggers.jsonl")):
        if not row.get("caption_marks"):  # (a caption's "with" counts by its marks: _co_presence_phrases)
            words.add(row["lemma"])
        words.update(row.get("head_only", []))
    for row in read_jsonl(data_file("contacts", "attendance.jsonl")):
        for key in ("participles", "event_nouns", "video_words"):
            words.update(row.get(key, []))
    rules: list[tuple[str, str]] = []
    inverse: dict[str, set[str]] = {}
    if lemmatizer is not None and "lemma_rules" in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table("lemma_rules")
        rules = [tuple(r) for pos in ("verb", "noun") for r in table.get(pos, [])]
        exc = lemmatizer.lookups.get_table("lemma_exc")
        for pos in ("verb", "noun"):
            for form, lemmas in exc.get(pos, {}).items():
                for lemma in lemmas:
                    inverse.setdefault(lemma, set()).add(form)
    else:  # English inflection when the model has no rule tables
        rules = [("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")]
    forms = set()
    for w in words:
        forms.add(w)
        forms.update(inverse.get(w, ()))
        for old, new in rules:
            if w.endswith(new):
                forms.add(w[:len(w) - len(new)] + old)
        if re.fullmatch(r"[a-z]*[^aeiou][aeiou][bcdgklmnprt]", w):  # chat -> chatted, chatting
            forms.update({w + w[-1] + "ed", w + w[-1] + "ing"})
    return forms


def given_names(gazetteer) -> set[str]:
    """Lower-case first words of the gazetteer's multi-word names ("emmanuel", "olaf", "narendra"):
    a capitalised pair starting with one is taken for a person's name."""
    out = set()
    for surface, _ in gazetteer.surfaces():
        words = surface.split()
        if len(words) >= 2 and words[0][:1].isupper() and words[0].isalpha():
            out.add(words[0].lower())
    return out


def _co_presence_phrases() -> list[str]:
    """Multi-word contact phrases: co-presence ("also at the table") and a caption's marks ("(left)")."""
    marks = [f"({m})" for r in read_jsonl(data_file("contacts", "contact_triggers.jsonl"))
             for m in r.get("caption_marks") or []]
    return [r["phrase"] for r in read_jsonl(data_file("contacts", "co_presence.jsonl")) if r.get("phrase")] + marks


class ContactPrefilter:
    """The model-free first pass of archive mode, built once per pipeline (see the module docstring)."""

    def __init__(self, nlp: Language) -> None:
        self.tokenizer = nlp.tokenizer
        vocab = nlp.vocab
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        self.triggers = PhraseMatcher(vocab, attr="LOWER")
        forms = sorted(trigger_forms(lemmatizer))
        self.triggers.add("CONTACT", [nlp.make_doc(f) for f in forms])
        self.triggers.add("CONTACT", [nlp.make_doc(p) for p in _co_presence_phrases()])
        people = nlp.get_pipe("diplograph_people")
        finder = people.finder  # built once, shared with the component
        self.people = (finder.leader_matcher, finder.title_matcher, finder.country_matcher)
        self._pronouns = {vocab.strings.add(w): n for w, n in _PRONOUNS.items()}
        self._plural_titles = {t for t, row in people.rules.titles.items() if row.get("plural")}
        self._ends_arr = np.array([vocab.strings.add(w) for w in (".", "?", "!")], dtype=np.uint64)
        self._pronoun_arr = np.array(list(self._pronouns), dtype=np.uint64)
        self._honorifics = {vocab.strings.add(w) for w in _HONORIFICS}
        self._not_names = {vocab.strings.add(w) for w in _NOT_NAMES}
        self._given = {vocab.strings.add(w) for w in given_names(finder.gaz)} - self._not_names
        self._places = {vocab.strings.add(w) for w in _PLACE_WORDS}

    def windows(self, text: str, doc: Doc | None = None) -> list[tuple[int, int]]:
        """The character ranges of ``text`` the model must read (merged, in order); ``[]`` if none.
        ``doc``: the tokens of ``text``, when already made by the pipeline's tokenizer."""
        paras = _paragraphs(text)
        if not paras:
            return []
        doc = self.tokenizer(text) if doc is None else doc
        if not len(doc):
            return []
        cols = doc.to_array([IDX, LOWER, IS_TITLE])
        starts = np.array([s for s, _ in paras], dtype=np.int64)
        para_np = np.searchsorted(starts, cols[:, 0].astype(np.int64), side="right") - 1
        sent_np = self._sentences(cols[:, 1], para_np)
        low, tit = cols[:, 1].tolist(), cols[:, 2].tolist()
        para_of, sent_of = para_np.tolist(), sent_np.tolist()
        trig = [s for _, s, _ in self.triggers(doc) if not _in_name(tit, sent_of, s)]
        if not trig:
            return []
        people, names, first_seen = self._people(doc, cols, (low, tit), para_of, sent_of)
        named, pronouns = people
        direct: set[int] = set()
        for i in trig:
            k = sent_of[i]
            if named.get(k, 0) >= 1 and named[k] + pronouns.get(k, 0) >= 2:
                direct.add(para_of[i])
        # the paragraph after a core, with a contact word and someone in its sentence: an answer
        # to a question about a contact ("MR. KIRBY: I wouldn't rule out a call")
        cores = sorted(direct | {para_of[i] for i in trig if para_of[i] - 1 in direct
                                 and named.get(sent_of[i], 0) + pronouns.get(sent_of[i], 0) >= 1})
        if not cores:
            return []
        keep = set(_lede(text, paras))
        for p in cores:
            keep.update((p, p - 1) if p else (p,))
            for w in names.get(p, ()):  # where the people of the core were introduced
                keep.add(first_seen[w])
        return _merge([paras[p] for p in sorted(keep) if p >= 0])

    def _sentences(self, lower: np.ndarray, para: np.ndarray) -> np.ndarray:
        """A sentence number per token: a new sentence after ".", "?" or "!" and at each line."""
        new = np.zeros(len(para), dtype=bool)
        new[1:] = (para[1:] != para[:-1]) | np.isin(lower[:-1], self._ends_arr)
        return np.cumsum(new)

    def _people(self, doc, cols: np.ndarray, flags: tuple[list[int], list[int]], para_of: list[int],
                sent_of: list[int]):
        """Person candidates per sentence (a plural counts two), the capitalised words of each
        paragraph and the first paragraph of each. ``cols``: the token columns IDX, LOWER, IS_TITLE;
        ``flags``: LOWER and IS_TITLE as lists. Only capitalised words and pronouns are visited."""
        low, tit = flags
        named: dict[int, int] = {}  # sentence -> candidates other than pronouns
        first_named: dict[int, int] = {}  # sentence -> its first such candidate's token
        name_words: set[int] = set()  # words seen inside a name: they name someone alone too
        counted: set[int] = set()  # tokens already counted as part of a candidate
        leaders, titles, countries = self.people
        strings = doc.vocab.strings

        def add(start: int, end: int, n: int = 1) -> None:
            k = sent_of[start]
            if start not in counted:
                named[k] = named.get(k, 0) + n
                first_named[k] = min(first_named.get(k, start), start)
            counted.update(range(start, end))

        for _, s, e in leaders(doc):
            add(s, e)
            name_words.update(low[s:e])
        for key, s, e in titles(doc):
            add(s, e, 2 if strings[key] in self._plural_titles else 1)
        for _, s, e in countries(doc):
            add(s, e)
        names: dict[int, set[int]] = {}
        first_seen: dict[int, int] = {}
        pronoun_at = [(i, self._pronouns[low[i]])
                      for i in np.flatnonzero(np.isin(cols[:, 1], self._pronoun_arr)).tolist()]
        capitalised = np.flatnonzero(cols[:, 2]).tolist()
        for i in capitalised:
            w = low[i]
            if w in self._not_names:
                continue
            p = para_of[i]
            names.setdefault(p, set()).add(w)
            first_seen.setdefault(w, p)
            if i and para_of[i - 1] == p:
                prev = low[i - 1]
                if tit[i - 1] and prev not in self._not_names:  # a pair of capitalised words
                    start = i == 1 or sent_of[i - 2] != sent_of[i]
                    if prev in self._given or (not start and low[i - 2] not in self._places):
                        add(i - 1, i + 1)
                        name_words.update((w, prev))
                elif prev in self._honorifics:
                    add(i - 1, i + 1)
                    name_words.add(w)
        for i in capitalised:  # a surname alone, once seen in a name (the first of a run)
            if low[i] in name_words and not (i and tit[i - 1] and low[i - 1] in name_words
                                             and sent_of[i - 1] == sent_of[i]):
                add(i, i + 1)
        # a pronoun counts when no one is named before it in its sentence ("He met Putin"), not
        # when it likely stands for someone just named ("Mayor Holt said she would visit")
        pronouns: dict[int, int] = {}
        for i, n in pronoun_at:
            k = sent_of[i]
            if first_named.get(k, i + 1) > i:
                pronouns[k] = pronouns.get(k, 0) + n
        names = {p: words & name_words for p, words in names.items()}
        return (named, pronouns), names, first_seen


def _in_name(tit: list[int], sent_of: list[int], i: int) -> bool:
    """A capitalised contact word inside a run of capitalised words is a name ("Summit Telecom")."""
    if not tit[i]:
        return False
    prev = i > 0 and sent_of[i - 1] == sent_of[i] and tit[i - 1]
    nxt = i + 1 < len(tit) and sent_of[i + 1] == sent_of[i] and tit[i + 1]
    return bool(prev or nxt)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Lines of ``text`` as ``(start, end)``, each with the line breaks after it (blank lines join
    the line before them)."""
    out = []
    for m in re.finditer(r"[^\n]*\n*", text):
        if m.end() > m.start():
            if out and not text[m.start():m.end()].strip():
                out[-1] = (out[-1][0], m.end())
            else:
                out.append((m.start(), m.end()))
    return out


def _lede(text: str, paras: list[tuple[int, int]]) -> list[int]:
    lede = []
    for p, (s, e) in enumerate(paras[:_LEDE_LINES]):
        lede.append(p)
        if len(text[s:e].split()) >= _LEDE_WORDS:
            break
    return lede


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in ranges:
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


_prefilters: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def prefilter_for(nlp: Language) -> ContactPrefilter:
    """The :class:`ContactPrefilter` of ``nlp``, built on first use and kept with the pipeline."""
    pf = _prefilters.get(nlp)
    if pf is None:
        pf = _prefilters[nlp] = ContactPrefilter(nlp)
    return pf


# ---------------------------------------------------------------------------------------------
# The reduced text and the way back


def reduce_text(text: str, windows: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int, int]]]:
    """The text of ``windows`` joined, and its blocks as ``(start in it, start in text, length)``.

    Windows end after a line break (or at the end of the text), so paragraphs stay apart; a window
    that does not gets one added, which maps to its last character.
    """
    parts, blocks, pos = [], [], 0
    for s, e in windows:
        chunk = text[s:e]
        if e < len(text) and not chunk.endswith("\n"):
            chunk += "\n"
        parts.append(chunk)
        blocks.append((pos, s, e - s))
        pos += len(chunk)
    return "".join(parts), blocks


def _mapper(blocks: list[tuple[int, int, int]]) -> Callable[[int, bool], int]:
    starts = [b[0] for b in blocks]

    def at(x: int, end: bool) -> int:
        k = (bisect_left(starts, x) - 1) if end else (bisect_right(starts, x) - 1)
        k = max(k, 0)
        sub, orig, length = blocks[k]
        return orig + min(x - sub, length)

    return at


def map_extraction(ex: Extraction, blocks: list[tuple[int, int, int]]) -> Extraction:
    """A copy of ``ex`` (offsets into the reduced text) with offsets into the whole text."""
    at = _mapper(blocks)

    def m(x: Mention) -> Mention:
        return replace(x, start=at(x.start, False), end=at(x.end, True))

    def t(x: TimeValue | None) -> TimeValue | None:
        return None if x is None else replace(x, start=at(x.start, False), end=at(x.end, True))

    return replace(
        ex,
        people=[replace(p, mentions=[m(x) for x in p.mentions]) for p in ex.people],
        countries=[replace(c, mentions=[m(x) for x in c.mentions]) for c in ex.countries],
        dates=[t(d) for d in ex.dates],
        contacts=[replace(c, date=t(c.date), evidence=[m(x) for x in c.evidence],
                          triggers=[m(x) for x in c.triggers]) for c in ex.contacts],
        meta=dict(ex.meta),
    )


def contacts_only(ex: Extraction) -> Extraction:
    """``ex`` restricted to its contacts and the people, countries and dates they use."""
    ids = {p.id for c in ex.contacts for p in c.participants}
    ids.update(x for c in ex.contacts for x in (c.host, c.initiator) if x)
    dates = {(c.date.start, c.date.end, c.date.value) for c in ex.contacts if c.date}
    return replace(
        ex,
        people=[p for p in ex.people if p.id in ids],
        countries=[c for c in ex.countries if f"country:{c.code}" in ids or c.code in ids],
        dates=[d for d in ex.dates if (d.start, d.end, d.value) in dates],
        meta=dict(ex.meta),
    )


# ---------------------------------------------------------------------------------------------
# The engine's side (diplograph.api._run_batch)


def check_mode(mode: str) -> None:
    if mode not in MODES:
        raise ValueError(f"mode is one of {', '.join(map(repr, MODES))}, not {mode!r}")


def prepare(nlp: Language, text: str) -> tuple[tuple[list[tuple[int, int]], list], str | None, Doc | None]:
    """``(windows, blocks)``, the text the pipeline reads (None: nothing to read) and its tokens
    (``nlp.tokenizer`` of it: the first pass's own ``Doc`` when that is the whole text, else the reduced
    text's, tokenised after the first pass filled the cache with its lines; None when the first pass's
    tokenizer is not the pipeline's)."""
    pf = prefilter_for(nlp)
    doc = tokenize(pf.tokenizer, text)  # (its lines first: see model.tokenize)
    wins = pf.windows(text, doc)
    if not wins:
        return (wins, []), None, None
    same = pf.tokenizer is nlp.tokenizer
    if wins == [(0, len(text))]:
        return (wins, []), text, doc if same else None
    reduced, blocks = reduce_text(text, wins)
    return (wins, blocks), reduced, pf.tokenizer(reduced) if same else None


def finish(ex: Extraction, prepared: tuple[list[tuple[int, int]], list]) -> Extraction:
    """The archive-mode result of the extraction of a prepared text."""
    wins, blocks = prepared
    if blocks:
        ex = map_extraction(ex, blocks)
    ex = contacts_only(ex)
    ex.meta["mode"] = "contacts"
    ex.meta["windows"] = [list(w) for w in wins]
    return ex


def empty(published: str | None, doc_id) -> Extraction:
    """The archive-mode result of a text with no window."""
    return Extraction(doc_id=None if doc_id is None else str(doc_id), published=published,
                      meta={"mode": "contacts", "windows": []})
