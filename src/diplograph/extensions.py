"""The ``Doc._`` and ``Span._`` attributes diplograph sets, declared once and idempotently.

``doc._.published`` (ISO date string or None) and ``doc._.doc_id`` are inputs a caller may set before
the pipeline runs; ``doc._.people``, ``doc._.countries``, ``doc._.dates`` and ``doc._.contacts`` hold
the result objects of :mod:`diplograph.types`. Span groups (displaCy-compatible) hold the mentions:
``doc.spans["diplograph_people"]``, ``["diplograph_countries"]``, ``["diplograph_dates"]`` and
``["diplograph_triggers"]``.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

__all__ = ["register_extensions", "SPANS_PEOPLE", "SPANS_COUNTRIES", "SPANS_DATES", "SPANS_TRIGGERS"]

SPANS_PEOPLE = "diplograph_people"
SPANS_COUNTRIES = "diplograph_countries"
SPANS_DATES = "diplograph_dates"
SPANS_TRIGGERS = "diplograph_triggers"

_DOC_ATTRS = {
    "published": None,
    "doc_id": None,
    "people": None,
    "countries": None,
    "dates": None,
    "contacts": None,
}
_SPAN_ATTRS = {"person_id": None, "country_code": None, "time_value": None, "contact_ids": None}


def register_extensions() -> None:
    """Declare diplograph's extensions (safe to call any number of times)."""
    for name, default in _DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in _SPAN_ATTRS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register_extensions()


# --------------------------------------------------------------------------- DocBin / pickling support
# Result objects on ``Doc._`` are dataclasses; registering msgpack hooks lets
# ``DocBin(store_user_data=True)`` round-trip them as the same objects (as spacy-layout does).
_TAG = "__diplograph__"


def _types():
    from . import types

    return {name: getattr(types, name) for name in ("Person", "Country", "TimeValue", "Contact", "Participant",
                                                     "Mention", "Extraction")}


def encode_result(obj, chain=None):
    """srsly msgpack encoder for diplograph's result types."""
    cls = type(obj).__name__
    if cls in _types() and type(obj) is _types()[cls]:
        return {_TAG: cls, "data": obj.to_dict()}
    return obj if chain is None else chain(obj)


def decode_result(obj, chain=None):
    """srsly msgpack decoder for diplograph's result types."""
    if isinstance(obj, dict):
        tag = obj.get(_TAG, obj.get(_TAG.encode()))
        if tag is not None:
            tag = tag.decode() if isinstance(tag, bytes) else tag
            data = obj.get("data", obj.get(b"data"))
            return _types()[tag].from_dict(data)
    return obj if chain is None else chain(obj)


def _register_msgpack() -> None:
    import srsly

    if "diplograph" not in srsly.msgpack_encoders.get_all():
        srsly.msgpack_encoders.register("diplograph", func=encode_result)
        srsly.msgpack_decoders.register("diplograph", func=decode_result)


_register_msgpack()
