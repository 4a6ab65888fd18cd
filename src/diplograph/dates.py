"""Temporal expressions normalised against the publication date (placeholder, being written)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import SPANS_DATES, register_extensions
from .types import TimeValue

__all__ = ["DateRecognizer", "make_dates", "find_dates"]


def find_dates(doc: Doc, reference: str | None = None) -> list[TimeValue]:
    return []


class DateRecognizer:
    def __init__(self, nlp: Language, name: str = "diplograph_dates") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = find_dates(doc, doc._.published)
        doc.spans[SPANS_DATES] = []
        return doc


@Language.factory("diplograph_dates", assigns=["doc._.dates", f"doc.spans"], default_config={})
def make_dates(nlp: Language, name: str) -> DateRecognizer:
    return DateRecognizer(nlp, name)
