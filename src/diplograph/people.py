"""People and countries (placeholder, being written)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import register_extensions


class PeopleRecognizer:
    def __init__(self, nlp: Language, name: str = "diplograph_people") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.people, doc._.countries = [], []
        return doc


@Language.factory("diplograph_people", assigns=["doc._.people", "doc._.countries"], default_config={})
def make_people(nlp: Language, name: str) -> PeopleRecognizer:
    return PeopleRecognizer(nlp, name)
