"""The public entry points: ``extract`` one text, ``extract_many`` over ``nlp.pipe``."""
from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Union

from spacy.tokens import Doc

from .errors import InputError
from .extensions import register_extensions
from .pipeline import load_pipeline
from .types import Extraction

__all__ = ["extract", "extract_many", "extraction_from_doc", "parse_published", "Item"]

Item = Union[str, Mapping[str, Any], tuple]


def parse_published(value: Any, *, field: str = "published") -> str | None:
    """An ISO date string ``YYYY-MM-DD`` from a date, datetime or ISO string (time part ignored).

    Raises :class:`InputError` naming the field for anything that is not a real calendar date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        s = value.strip()
        try:
            return _dt.date.fromisoformat(s[:10]).isoformat()
        except ValueError:
            pass
        try:
            return _dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date().isoformat()
        except ValueError:
            raise InputError(f"not a calendar date (want YYYY-MM-DD): {value!r}", field=field) from None
    raise InputError(f"expected a date or an ISO date string, got {type(value).__name__}", field=field)


def extraction_from_doc(doc: Doc) -> Extraction:
    """The :class:`Extraction` of a ``Doc`` that went through diplograph's components."""
    return Extraction(
        doc_id=doc._.doc_id,
        published=doc._.published,
        people=list(doc._.people or []),
        countries=list(doc._.countries or []),
        dates=list(doc._.dates or []),
        contacts=list(doc._.contacts or []),
    )


def _item_fields(item: Item) -> tuple[str, Any, Any]:
    if isinstance(item, str):
        return item, None, None
    if isinstance(item, Mapping):
        if "text" not in item:
            raise InputError("missing field", field="text")
        return item["text"], item.get("published"), item.get("id", item.get("doc_id"))
    if isinstance(item, tuple) and 1 <= len(item) <= 3:
        text, published, doc_id = (tuple(item) + (None, None))[:3]
        return text, published, doc_id
    raise InputError(f"an item is a text, a mapping with 'text' or a (text, published, id) tuple, "
                     f"not {type(item).__name__}")


def _make_doc(nlp, text: Any, published: Any, doc_id: Any) -> Doc:
    if not isinstance(text, str):
        raise InputError(f"text must be a string, not {type(text).__name__}", field="text")
    register_extensions()
    doc = nlp.make_doc(text)
    doc._.published = parse_published(published)
    doc._.doc_id = None if doc_id is None else str(doc_id)
    return doc


def extract(text: str, *, published: Any = None, doc_id: str | None = None,
            model: str | None = None) -> Extraction:
    """People, countries, dates and contacts of one English news text.

    ``published`` (ISO date string, ``date`` or ``datetime``) is the reference for relative dates
    ("on Monday", "later this week"); without it, years that the text does not give stay unknown.

    >>> ex = extract("Putin spoke with Erdogan by phone on Monday.", published="2025-03-18")  # doctest: +SKIP
    >>> [(c.type, c.date.value) for c in ex.contacts]                                       # doctest: +SKIP
    [('phone_call', '2025-03-17')]
    """
    nlp = load_pipeline(model)
    doc = nlp(_make_doc(nlp, text, published, doc_id))
    return extraction_from_doc(doc)


def extract_many(items: Iterable[Item], *, batch_size: int = 32, n_process: int = 1,
                 model: str | None = None) -> Iterator[Extraction]:
    """Extractions of many texts, in input order, through ``nlp.pipe``.

    Items are texts, mappings with ``text`` and optional ``published`` and ``id``, or
    ``(text, published, id)`` tuples.
    """
    nlp = load_pipeline(model)
    docs = (_make_doc(nlp, *_item_fields(it)) for it in items)
    for doc in nlp.pipe(docs, batch_size=batch_size, n_process=n_process):
        yield extraction_from_doc(doc)
