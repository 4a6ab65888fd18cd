"""Spellings of one name: transliterations, middle names, word order and typing errors.

News transliterates the same person several ways ("Emomali Rahmon" / "Imomali Rehmon", "Abdelkader
Bensalah" / "Abdul Qadir bin Saleh", "Hassan Sheikh Mohamud" / "Hassan Sheikh Mahmoud", "Nabil Elaraby"
/ "Nabil al-Arabi"). They share a *skeleton*: the name folded to ASCII, its words run together, vowels,
``h``, ``y`` and doubled letters dropped and letters that transliterations swap put in one class
(``q``/``k``/``c``, ``p``/``b``, ``t``/``d``, ``v``/``w``/``f``, ``z``/``s``). Two full names are spellings of
one name when they have the same skeleton and their letters agree for the most part (a
:class:`difflib.SequenceMatcher` ratio of :data:`MIN_RATIO`: "Rishi Sunak" and "İrsen Küçük" share a skeleton,
not a name). Against the gazetteer, a skeleton shorter than :data:`MIN_SKELETON` only finds someone in
office within some years of the publication date.

A full name may also carry a middle name more or fewer than another ("Omar Hassan al-Bashir" / "Omar
al-Bashir"): same first and last word, and the shorter one's words all in the longer one.
"""
from __future__ import annotations

import datetime as dt
import re
from difflib import SequenceMatcher
from functools import lru_cache
from collections import defaultdict
from collections.abc import Iterable

from ..resources.gazetteer import Gazetteer, Leader
from ..resources.text import fold

__all__ = ["skeleton", "spelling_variant", "middle_name_variant", "same_name_variant", "damerau", "VariantIndex",
           "MIN_SKELETON", "MIN_RATIO"]

# A skeleton this long names one person among the gazetteer's; shorter ones need a term near the date.
MIN_SKELETON = 7
MIN_RATIO = 0.65
# A short skeleton asks more of the letters: "Luong Cuong" (Vietnam) is not "Leung Chun-ying" (0.69).
MIN_RATIO_SHORT = 0.75
_NEAR_SKELETON = 4
_NEAR_YEARS = 8
_CLASSES = str.maketrans({"q": "k", "c": "k", "p": "b", "t": "d", "v": "f", "w": "f", "z": "s", "x": "ks",
                          "a": None, "e": None, "i": None, "o": None, "u": None, "y": None, "h": None})
_REPEAT = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """The consonant skeleton of a name.

    >>> skeleton("Emomali Rahmon") == skeleton("Imomali Rehmon")
    True
    >>> skeleton("Abdelkader Bensalah") == skeleton("Abdul Qadir bin Saleh")
    True
    """
    s = fold(name).replace(" ", "").replace("ph", "f")
    return _REPEAT.sub(r"\1", s.translate(_CLASSES))


def spelling_variant(a: str, b: str, minimum: int = _NEAR_SKELETON, min_ratio: float = MIN_RATIO) -> bool:
    """Are two full names (two words or more each) one name spelt two ways?

    >>> spelling_variant("Nabil Elaraby", "Nabil al-Arabi"), spelling_variant("Rishi Sunak", "Irsen Kucuk")
    (True, False)
    """
    fa, fb = fold(a), fold(b)
    if len(fa.split()) < 2 or len(fb.split()) < 2:
        return False
    ka = skeleton(a)
    return len(ka) >= minimum and ka == skeleton(b) and \
        _ratio(a, b) >= min_ratio


def middle_name_variant(a: str, b: str) -> bool:
    """One full name with a middle name more or fewer: "Omar Hassan al-Bashir" / "Omar al-Bashir"."""
    ta, tb = fold(a).split(), fold(b).split()
    if len(ta) < 2 or len(tb) < 2 or len(ta) == len(tb) or ta[0] != tb[0] or ta[-1] != tb[-1]:
        return False
    short, long = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    return set(short) <= set(long)


def damerau(a: str, b: str) -> int:
    """The Damerau-Levenshtein distance of two strings (a transposition counts one edit)."""
    d = {(i, -1): i + 1 for i in range(-1, len(a) + 1)}
    d.update({(-1, j): j + 1 for j in range(-1, len(b) + 1)})
    for i, ca in enumerate(a):
        for j, cb in enumerate(b):
            cost = ca != cb
            d[i, j] = min(d[i - 1, j] + 1, d[i, j - 1] + 1, d[i - 1, j - 1] + cost)
            if i and j and ca == b[j - 1] and a[i - 1] == cb:
                d[i, j] = min(d[i, j], d[i - 2, j - 2] + 1)
    return d[len(a) - 1, len(b) - 1]


def same_name_variant(a: str, b: str) -> bool:
    """One two-word name written two ways: family name first ("Kishida Fumio" / "Fumio Kishida"), or the
    same given name with surnames within two edits ("Shavkat Mirziyoev" / "Shavkat Mirziyoyev")."""
    ta, tb = fold(a).split(), fold(b).split()
    if len(ta) != 2 or len(tb) != 2:
        return False
    if ta == tb[::-1]:
        return True
    return ta[0] == tb[0] and min(len(ta[1]), len(tb[1])) >= 6 and damerau(ta[1], tb[1]) <= 2


class VariantIndex:
    """The gazetteer's full names by skeleton, built once."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self._by_skeleton: dict[str, set[str]] = defaultdict(set)
        for leader in gaz.by_id.values():
            for name in _names(leader):
                key = skeleton(name)
                if len(key) >= _NEAR_SKELETON and len(fold(name).split()) >= 2:
                    self._by_skeleton[key].add(leader.id)

    def leader(self, name: str, day: dt.date | None) -> Leader | None:
        """The one leader whose full name ``name`` spells another way, if only one fits: a long skeleton
        alone, a short one only for someone in office within some years of ``day``."""
        if len(fold(name).split()) < 2:
            return None
        key = skeleton(name)
        short = len(key) < MIN_SKELETON
        need = MIN_RATIO_SHORT if short else MIN_RATIO
        ids = {i for i in self._by_skeleton.get(key, ()) if any(spelling_variant(name, n, min_ratio=need) for n in
                                                               _names(self.gaz.by_id[i]))}
        if short:
            ids = {i for i in ids if _near(self.gaz.by_id[i], day)}
        return self.gaz.by_id[next(iter(ids))] if len(ids) == 1 else None


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, fold(a).replace(" ", ""), fold(b).replace(" ", "")).ratio()


def _names(leader: Leader) -> Iterable[str]:
    yield leader.name
    yield from leader.aliases


def _near(leader: Leader, day: dt.date | None) -> bool:
    if day is None:
        return False
    lo, hi = day - dt.timedelta(days=365 * _NEAR_YEARS), day + dt.timedelta(days=365 * _NEAR_YEARS)
    return any((t.start or dt.date.min) <= hi and (t.end or dt.date.max) >= lo for t in leader.terms)
