"""Small text helpers shared by the stages: folding for matching, slugs for ids."""
from __future__ import annotations

import re
import weakref
from functools import lru_cache

from anyascii import anyascii

__all__ = ["doc_text", "fold", "slug"]

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII key for matching: diacritics and punctuation fold away.

    >>> fold("Recep Tayyip Erdoğan") == fold("recep tayyip erdogan")
    True
    """
    return _NON_ALNUM.sub(" ", anyascii(text or "").lower()).strip()


def slug(text: str) -> str:
    """A stable identifier fragment: ``"Dmitry Peskov" -> "dmitry-peskov"``."""
    return fold(text).replace(" ", "-")


_LAST_TEXT: list = [None, ""]  # (weak reference to a doc, its text): Doc.text rebuilds the string each time


def doc_text(doc) -> str:
    """``doc.text``, remembered for the document last asked about (rules ask for it once per candidate).

    Only a weak reference is kept: holding the document itself would keep its batch's arrays alive."""
    ref = _LAST_TEXT[0]
    if ref is None or ref() is not doc:
        _LAST_TEXT[0], _LAST_TEXT[1] = weakref.ref(doc), doc.text
    return _LAST_TEXT[1]
