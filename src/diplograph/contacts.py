"""Contacts (placeholder, being written)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import register_extensions


class ContactExtractor:
    def __init__(self, nlp: Language, name: str = "diplograph_contacts") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.contacts = []
        return doc


@Language.factory("diplograph_contacts", assigns=["doc._.contacts"], default_config={})
def make_contacts(nlp: Language, name: str) -> ContactExtractor:
    return ContactExtractor(nlp, name)
