"""Small text helpers shared by the stages: folding for matching, slugs for ids."""
from __future__ import annotations

import re
import weakref
from functools import lru_cache

from anyascii import anyascii

__all__ = ["doc_text", "fold", "remember_text", "slug", "span_text"]

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
_GIVEN: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # doc -> the text it was made from


def remember_text(doc, text: str) -> None:
    """Tell :func:`doc_text` the text ``doc`` was made from (``nlp.make_doc(text)``), so that it is not
    rebuilt from the tokens. Kept as long as the document lives, and no longer."""
    _GIVEN[doc] = text


def doc_text(doc) -> str:
    """``doc.text``, remembered for the document last asked about (rules ask for it once per candidate).

    Only a weak reference is kept: holding the document itself would keep its batch's arrays alive."""
    ref = _LAST_TEXT[0]
    if ref is None or ref() is not doc:
        text = _GIVEN.get(doc)
        _LAST_TEXT[0], _LAST_TEXT[1] = weakref.ref(doc), doc.text if text is None else text
    return _LAST_TEXT[1]


def span_text(doc, start: int, end: int) -> str:
    """``doc[start:end].text``, cut from :func:`doc_text` (no ``Span`` built, no token texts joined)."""
    if end <= start:
        return ""
    last = doc[end - 1]
    return doc_text(doc)[doc[start].idx:last.idx + len(last)]
