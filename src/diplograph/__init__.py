"""diplograph: who met or spoke with whom, and when, from English news.

>>> import diplograph                                                      # doctest: +SKIP
>>> ex = diplograph.extract(text, published="2025-03-18")                  # doctest: +SKIP
>>> G = diplograph.build_graph([ex]); diplograph.write_graphml(G, "contacts.graphml")  # doctest: +SKIP
"""
from __future__ import annotations

from .api import extract, extract_many, extraction_from_doc, parse
from .errors import DiplographError, InputError, ModelNotFoundError
from .pipeline import load_pipeline
from .types import Contact, Country, Extraction, Mention, Participant, Person, TimeValue
from ._moved import install as _install_moved

_install_moved()

__version__ = "0.1.0"

__all__ = [
    "parse",
    "extract",
    "extract_many",
    "extraction_from_doc",
    "load_pipeline",
    "build_graph",
    "write_graphml",
    "read_graph",
    "Extraction",
    "Person",
    "Country",
    "TimeValue",
    "Contact",
    "Participant",
    "Mention",
    "DiplographError",
    "InputError",
    "ModelNotFoundError",
]

_LAZY = {"build_graph": "graph.build", "write_graphml": "graph.export", "read_graph": "graph.export"}


def __getattr__(name: str):  # graph and export import networkx only when used
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'diplograph' has no attribute {name!r}")
