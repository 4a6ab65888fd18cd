"""Small text helpers shared by the stages: folding for matching, slugs for ids."""
from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

__all__ = ["fold", "slug"]

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
