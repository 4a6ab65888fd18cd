"""The contact graph: build it from extractions (:mod:`.build`), query it (:mod:`.query`), export it
(:mod:`.export`), look at it in a browser (:mod:`.view`).

Query functions take a graph and return plain data or a graph:

>>> from diplograph.graph import contacts_of, filter_graph, timeline      # doctest: +SKIP
"""
from ..contacts.same_event import compatible_types, conflicting_statuses
from . import build, query
from .build import CONTACT_ATTRS, COUNTRY_ATTRS, PERSON_ATTRS, build_graph, update_graph
from .query import (
    citizenship_graph,
    contacts_between,
    contacts_of,
    country_graph,
    filter_graph,
    find_people,
    find_person,
    timeline,
)
from .view import notebook_view, to_html

__all__ = [*build.__all__, *query.__all__, "compatible_types", "conflicting_statuses", "to_html",
           "notebook_view"]
