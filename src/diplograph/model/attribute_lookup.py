"""The model's rule components applied by table lookup, with the same results.

``diplograph_attribute_ruler`` is spaCy's ``AttributeRuler`` with its patterns applied to arrays;
``diplograph_lemmatizer`` is the English rule lemmatizer with its answers memoised per word, POS and
morphology. :func:`use_attribute_lookup` puts both in place of the model's own components.

**Attribute ruler.**
The English models map the tagger's fine-grained tag to POS and morphology with an ``AttributeRuler``
of about 180 Matcher patterns (a tag map, plus exceptions keyed on the lower-cased word, the
dependency label or a neighbour). spaCy runs them through a ``Matcher`` and sets each match's
attributes through a ``Span`` and a ``Token`` object, which costs about 9 % of the model's time. This
subclass keeps the ruler's patterns, attributes, serialisation and ordering (a later pattern wins),
and applies them to whole arrays instead:

* a pattern of one token constrained only by its tag is a row of a tag table, applied to every
  token at once;
* every other pattern is anchored on one of its tokens' exact or ``IN`` values (the word, the tag,
  the dependency label, "is a space") and checked only where that value occurs;
* the tokens a pattern hit get all their patterns re-applied in the ruler's order.

It reads the token attributes before changing any (as the Matcher does), and writes POS, TAG, DEP,
MORPH and LEMMA back with ``Doc.from_array``. Patterns it cannot evaluate exactly (operators such as
``OP``, extension attributes, attributes other than those above) make it fall back to spaCy's own
matching for the whole pipe, so the result is the ruler's in every case.
``bench/compare_extractions.py --tokens`` checks it token by token against ``AttributeRuler``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Callable, Optional

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

__all__ = ["FastAttributeRuler", "FastLemmatizer", "use_attribute_lookup"]

# attributes a pattern may test (read with Doc.to_array, as the Matcher reads them) and set
_MATCHABLE = {"ORTH": ORTH, "LOWER": LOWER, "TAG": TAG, "POS": POS, "DEP": DEP, "IS_SPACE": IS_SPACE}
_SETTABLE = (POS, TAG, DEP, MORPH, LEMMA)
_ANCHOR_PREFERENCE = (LOWER, ORTH, DEP, TAG, POS, IS_SPACE)  # most selective first

_REGEX_CACHE = 100_000  # word -> regex result entries kept per pattern (a corpus's vocabulary grows)

Test = tuple[int, str, Any]  # (attribute id, "eq" | "in" | "not_in" | "re", value)


class _Unsupported(Exception):
    pass


class _Tables:
    """The ruler's patterns compiled for array evaluation; tests name columns of ``self.cols``."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self.by_tag: dict[int, list[tuple[int, dict]]] = {}
        compiled: list[tuple[list[list[Test]], int, int]] = []
        read = {TAG}
        for attr_id, pattern_dict in enumerate(ruler.patterns):
            attrs = ruler.attrs[attr_id]
            if any(a not in _SETTABLE for a in attrs):
                raise _Unsupported(f"sets {attrs}")
            index = ruler.indices[attr_id]
            for pattern in pattern_dict["patterns"]:
                specs = [self._compile(spec, strings) for spec in pattern]
                if not -len(specs) <= index < len(specs):
                    raise _Unsupported("index outside the pattern")
                read.update(a for spec in specs for a, _, _ in spec)
                if len(specs) == 1 and len(specs[0]) == 1 and specs[0][0][:2] == (TAG, "eq"):
                    self.by_tag.setdefault(specs[0][0][2], []).append((attr_id, attrs))
                else:
                    compiled.append((specs, index, attr_id))
        self.attrs = ruler.attrs
        self.write = sorted({a for attrs in ruler.attrs for a in attrs})
        self.cols = sorted(read | set(self.write))
        col = {a: i for i, a in enumerate(self.cols)}
        self.write_cols = [col[a] for a in self.write]
        self.tag_col = col[TAG]
        self.tag_final = {t: _merge(hits) for t, hits in self.by_tag.items()}
        # anchor column -> value -> patterns; a regex anchor keeps its own value cache
        self.anchored: dict[int, dict[int, list[tuple]]] = {}
        self.regex_anchored: list[tuple[int, re.Pattern, dict[int, bool], tuple]] = []
        for specs, index, attr_id in compiled:
            specs = [[(col[a], op, v) for a, op, v in spec] for spec in specs]
            offset, c, op, value = self._anchor(specs)
            entry = (specs, offset, index, attr_id)
            if op == "re":
                self.regex_anchored.append((c, value, {}, entry))
            else:
                for v in value:
                    self.anchored.setdefault(c, {}).setdefault(v, []).append(entry)
        self.anchor_keys = {c: np.array(sorted(d), dtype=np.uint64) for c, d in self.anchored.items()}

    @staticmethod
    def _compile(spec: dict, strings) -> list[Test]:
        tests: list[Test] = []
        for key, value in spec.items():
            attr = _MATCHABLE.get(key.upper()) if isinstance(key, str) else None
            if attr is None:
                raise _Unsupported(f"attribute {key!r}")
            if isinstance(value, dict):
                for op, arg in value.items():
                    if op in ("IN", "NOT_IN") and isinstance(arg, list):
                        tests.append((attr, op.lower(), frozenset(_intify(v, strings) for v in arg)))
                    elif op == "REGEX" and isinstance(arg, str):
                        tests.append((attr, "re", re.compile(arg)))
                    else:
                        raise _Unsupported(f"operator {op!r}")
            else:
                tests.append((attr, "eq", _intify(value, strings)))
        return tests

    def _anchor(self, specs: list[list[Test]]) -> tuple[int, int, str, Any]:
        """The test a pattern is looked up by: the most selective exact or ``IN`` value, else a
        regular expression, else "is a space" (an unanchored pattern is unsupported)."""
        best = None
        for offset, spec in enumerate(specs):
            for c, op, value in spec:
                rank = _ANCHOR_PREFERENCE.index(self.cols[c])
                if op == "eq" and not (self.cols[c] == IS_SPACE and value == 0):
                    cand = (0, rank, 1, offset, c, "in", (value,))
                elif op == "in":
                    cand = (0, rank, len(value), offset, c, "in", value)
                elif op == "re":
                    cand = (1, rank, 0, offset, c, "re", value)
                else:
                    continue
                if best is None or cand[:3] < best[:3]:
                    best = cand
        if best is None:
            raise _Unsupported("a pattern with no exact, IN or REGEX value")
        return best[3:]


def _intify(value: Any, strings) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        return strings.add(value)
    raise _Unsupported(f"value {value!r}")


def _merge(hits: list[tuple[int, dict]]) -> dict[int, int]:
    out: dict[int, int] = {}
    for _, attrs in sorted(hits, key=lambda h: h[0]):
        out.update(attrs)
    return out


def _holds(tests: list[Test], row: list[int], strings) -> bool:
    for c, op, value in tests:
        v = row[c]
        if op == "eq":
            if v != value:
                return False
        elif op == "in":
            if v not in value:
                return False
        elif op == "not_in":
            if v in value:
                return False
        elif not value.search(strings[v]):
            return False
    return True


class FastAttributeRuler(AttributeRuler):
    """An :class:`~spacy.pipeline.AttributeRuler` that applies its patterns by array lookup.

    Same patterns, same serialisation, same results; see the module docstring.
    """

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", *, validate: bool = False,
                 scorer: Optional[Callable] = None) -> None:
        kw = {} if scorer is None else {"scorer": scorer}
        super().__init__(vocab, name, validate=validate, **kw)
        self._tables: _Tables | None | bool = None  # False: patterns need spaCy's Matcher

    def clear(self) -> None:
        super().clear()
        self._tables = None

    def add(self, patterns, attrs: dict, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._tables = None

    def _compiled(self) -> _Tables | None:
        if self._tables is None:
            try:
                self._tables = _Tables(self)
            except _Unsupported:
                self._tables = False
        return self._tables or None

    def __call__(self, doc: Doc) -> Doc:
        tables = self._compiled()
        if tables is None:
            return super().__call__(doc)
        try:
            if len(doc):
                self._apply(doc, tables)
            return doc
        except Exception as e:
            return self.get_error_handler()(self.name, self, [doc], e)

    def _apply(self, doc: Doc, t: _Tables) -> None:
        arr = doc.to_array(t.cols)
        out = arr[:, t.write_cols]  # a copy (fancy indexing)
        # 1. the tag table, for every token at once
        uniq, inv = np.unique(arr[:, t.tag_col], return_inverse=True)
        for j, a in enumerate(t.write):
            vals = [t.tag_final.get(tag, {}).get(a) for tag in uniq.tolist()]
            if any(v is not None for v in vals):
                has = np.array([v is not None for v in vals])[inv]
                out[has, j] = np.array([v or 0 for v in vals], dtype=np.uint64)[inv][has]
        # 2. the other patterns, where their anchor value occurs
        rows = arr.tolist()
        strings = self.vocab.strings
        n = len(rows)
        hits: dict[int, list[tuple[int, dict]]] = {}

        def check(entry: tuple, i: int) -> None:
            specs, offset, index, attr_id = entry
            start = i - offset
            if start < 0 or start + len(specs) > n:
                return
            if all(_holds(spec, rows[start + k], strings) for k, spec in enumerate(specs)):
                target = start + index if index >= 0 else start + len(specs) + index
                hits.setdefault(target, []).append((attr_id, t.attrs[attr_id]))

        for c, keys in t.anchor_keys.items():
            anchored = t.anchored[c]
            for i in np.flatnonzero(np.isin(arr[:, c], keys)).tolist():
                for entry in anchored[rows[i][c]]:
                    check(entry, i)
        for c, rx, cache, entry in t.regex_anchored:
            if len(cache) > _REGEX_CACHE:
                cache.clear()
            found = []
            for v in np.unique(arr[:, c]).tolist():
                if v not in cache:
                    cache[v] = bool(rx.search(strings[v]))
                if cache[v]:
                    found.append(v)
            if found:
                for i in np.flatnonzero(np.isin(arr[:, c], found)).tolist():
                    check(entry, i)
        # 3. tokens with hits: all their patterns again, in the ruler's order
        for i, extra in hits.items():
            final = _merge(t.by_tag.get(rows[i][t.tag_col], []) + extra)
            for j, a in enumerate(t.write):
                if a in final:
                    out[i, j] = final[a]
        doc.from_array(t.write, out)


@Language.factory("diplograph_attribute_ruler",
                  default_config={"validate": False,
                                  "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}})
def make_fast_attribute_ruler(nlp: Language, name: str, validate: bool,
                              scorer: Optional[Callable]) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


class FastLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer, its answer memoised per (word, POS, morphology).

    ``rule_lemmatize`` is a function of those three (its own cache is keyed on them, and the answers
    it does not cache, for base forms and spaces, depend on nothing else); this component looks
    each token's key up in one table and writes the lemmas with ``Doc.from_array``, calling
    ``rule_lemmatize`` once per new key.
    """

    _MEMO = 500_000  # keys kept (a corpus's vocabulary grows)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables()
        try:
            if len(doc):
                self._apply(doc)
            return doc
        except Exception as e:
            return self.get_error_handler()(self.name, self, [doc], e)

    def _apply(self, doc: Doc) -> None:
        memo = self._memo
        if len(memo) > self._MEMO:
            memo.clear()
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        rows = arr.tolist()
        strings = self.vocab.strings
        out = arr[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            value = memo.get(key)
            if value is None:
                value = memo[key] = strings.add(self.rule_lemmatize(doc[i])[0])
            out[i] = value
        doc.from_array([LEMMA], out)


@Language.factory("diplograph_lemmatizer",
                  default_config={"model": None, "mode": "rule", "overwrite": False,
                                  "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}})
def make_fast_lemmatizer(nlp: Language, model, name: str, mode: str, overwrite: bool,
                         scorer: Optional[Callable]) -> FastLemmatizer:
    return FastLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def use_attribute_lookup(nlp: Language, ruler: str = "attribute_ruler",
                         lemmatizer: str = "lemmatizer") -> Language:
    """Replace ``nlp``'s ``AttributeRuler`` and English rule lemmatizer (those it has) by
    :class:`FastAttributeRuler` and :class:`FastLemmatizer` with the same data, under the same
    names. Returns ``nlp``."""
    if ruler in nlp.pipe_names:
        old = nlp.get_pipe(ruler)
        if type(old) is AttributeRuler:
            new = nlp.replace_pipe(ruler, "diplograph_attribute_ruler",
                                   config={"validate": old.validate})
            new.add_patterns(old.patterns)
    if lemmatizer in nlp.pipe_names:
        old = nlp.get_pipe(lemmatizer)
        if type(old) is EnglishLemmatizer and old.mode == "rule":
            data = old.to_bytes()
            new = nlp.replace_pipe(lemmatizer, "diplograph_lemmatizer",
                                   config={"mode": "rule", "overwrite": old.overwrite})
            new.from_bytes(data)
    return nlp

