"""The contact graph: build it from extractions (:mod:`.build`), query it, export it (:mod:`.export`),
look at it in a browser (:mod:`.view`).

Query functions take a graph and return plain data or a graph:

>>> from diplograph.graph import contacts_of, filter_graph, timeline      # doctest: +SKIP
"""
from .build import (
    build_graph,
    update_graph,
    contacts_of,
    contacts_between,
    timeline,
    filter_graph,
    country_graph,
    citizenship_graph,
    find_person,
    find_people,
    compatible_types,
    conflicting_statuses,
    PERSON_ATTRS,
    COUNTRY_ATTRS,
    CONTACT_ATTRS,
)
from .view import notebook_view, to_html

__all__ = [
    "build_graph",
    "update_graph",
    "contacts_of",
    "contacts_between",
    "timeline",
    "filter_graph",
    "country_graph",
    "citizenship_graph",
    "find_person",
    "find_people",
    "compatible_types",
    "conflicting_statuses",
    "PERSON_ATTRS",
    "COUNTRY_ATTRS",
    "CONTACT_ATTRS",
    "to_html",
    "notebook_view",
]
