"""Questions to a contact graph (one from :func:`~diplograph.graph.build.build_graph`): who spoke with
whom and when, only what happened, which countries, which person a name means.

Functions take a graph and return plain data (lists of edge attribute dicts, node ids) or a new graph;
they never change the graph they are given. Names are resolved as by :func:`find_person`, so
"Erdogan" finds Erdoğan; dates filter on each contact's date interval (``date_start``, ``date_end``).

>>> G = _example_graph()
>>> [(c["type"], c["date"], c["with"]) for c in contacts_of(G, "Erdogan", status="occurred")]
[('phone_call', '2025-03-17', ['wikidata:Q7747'])]
"""
from __future__ import annotations

import calendar
import copy
import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Union

import networkx as nx

from ..resources.text import fold
from ._common import country_name, date_interval
from .build import _example_graph  # the doctests' graph

__all__ = [
    "contacts_of",
    "contacts_between",
    "timeline",
    "filter_graph",
    "country_graph",
    "citizenship_graph",
    "find_person",
    "find_people",
]

DateLike = Union[str, _dt.date, None]


def _iso(d: DateLike, name: str) -> str | None:
    if d is None or d == "":
        return None
    if isinstance(d, _dt.datetime):
        return d.date().isoformat()
    if isinstance(d, _dt.date):
        return d.isoformat()
    if isinstance(d, str):
        s = d.strip()
        try:
            return _dt.date.fromisoformat(s[:10]).isoformat()
        except ValueError:
            pass
        if len(s) == 7 and s[4] == "-":  # a month: since="2025-03" means from its first day
            return f"{s}-01"
        if len(s) == 4 and s.isdigit():
            return f"{s}-01-01"
    raise ValueError(f"{name} must be an ISO date (YYYY-MM-DD), a date or None, not {d!r}")


def _as_set(x: str | Iterable[str] | None) -> set[str] | None:
    if x is None:
        return None
    return {x} if isinstance(x, str) else set(x)


def _until(d: DateLike) -> str | None:
    s = _iso(d, "until")
    if s and isinstance(d, str) and len(d.strip()) in (4, 7):  # a month or year: up to its end
        raw = d.strip()
        if len(raw) == 4:
            return f"{raw}-12-31"
        y, m = int(raw[:4]), int(raw[5:7])
        return f"{raw}-{calendar.monthrange(y, m)[1]:02d}"
    return s


def _matcher(since: DateLike, until: DateLike, status, types, include_undated: bool | None):
    s, u = _iso(since, "since"), _until(until)
    statuses, kinds = _as_set(status), _as_set(types)
    undated = (s is None and u is None) if include_undated is None else include_undated

    def ok(d: Mapping) -> bool:
        if d.get("kind") != "contact":
            return False
        if statuses is not None and d.get("status") not in statuses:
            return False
        if kinds is not None and d.get("type") not in kinds:
            return False
        iv = date_interval(d)
        if iv is None:
            return undated
        return not ((s and iv[1] < s) or (u and iv[0] > u))

    return ok


def _chrono(d: Mapping) -> tuple:
    iv = date_interval(d)
    return (iv is None, iv or ("", ""), str(d.get("contact_id")))


def _contact_dict(d: Mapping) -> dict[str, Any]:
    return copy.deepcopy(dict(d))


def _each_contact(edges: Iterable[tuple], ok) -> Iterator[Mapping]:
    """The attributes of the ``(u, v, attrs)`` edges that pass ``ok``, a multi-party contact
    (an edge per pair, one ``contact_id``) once."""
    seen = set()
    for _, _, d in edges:
        cid = d.get("contact_id")
        if cid in seen or not ok(d):
            continue
        seen.add(cid)
        yield d


def _resolve(G: nx.Graph, x: str) -> str:
    if x in G:
        return x
    n = find_person(G, x)
    if n is not None:
        return n
    k = fold(x)
    countries = [c for c, d in G.nodes(data=True) if d.get("kind") == "country"
                 and k in (fold(d.get("name") or ""), fold(d.get("code") or ""))]
    if len(countries) == 1:
        return countries[0]
    cands = find_people(G, x)
    hint = f" (ambiguous: {', '.join(cands[:5])})" if cands else ""
    raise nx.NodeNotFound(f"no person or country {x!r} in the graph{hint}")


def contacts_of(G: nx.MultiGraph, person: str, *, since: DateLike = None, until: DateLike = None,
                status: str | Iterable[str] | None = None, types: str | Iterable[str] | None = None,
                include_undated: bool | None = None) -> list[dict[str, Any]]:
    """The contacts of one person (or country), in chronological order, undated last.

    Parameters
    ----------
    G : networkx.MultiGraph
        A contact graph.
    person : str
        A node id, or a name resolved by :func:`find_person` ("Erdogan" finds Erdoğan).
    since, until : str or date, optional
        Keep contacts whose date interval overlaps ``[since, until]`` (inclusive; "2025-03" and
        "2025" stand for a whole month or year).
    status, types : str or set of str, optional
        Keep these statuses (``{"occurred"}``) / these contact types (the merged ``type``).
    include_undated : bool, optional
        Keep undated contacts; by default only when neither ``since`` nor ``until`` is given.

    Returns
    -------
    list of dict
        One dict per contact (a multi-party contact once): the edge attributes plus ``with``,
        the other participants' ids.

    Examples
    --------
    >>> G = _example_graph()
    >>> [(c["type"], c["status"], c["with"]) for c in contacts_of(G, "erdogan", status="occurred")]
    [('phone_call', 'occurred', ['wikidata:Q7747'])]
    >>> [c["status"] for c in contacts_of(G, "Erdoğan")]  # undated last
    ['occurred', 'denied', 'planned']
    >>> len(contacts_of(G, "Erdoğan", since="2025-03-18"))
    0
    """
    n = _resolve(G, person)
    ok = _matcher(since, until, status, types, include_undated)
    out = []
    for d in _each_contact(G.edges(n, data=True), ok):
        c = _contact_dict(d)
        c["with"] = [p for p in d.get("participants", ()) if p != n]
        out.append(c)
    return sorted(out, key=_chrono)


def contacts_between(G: nx.MultiGraph, a: str, b: str, *, since: DateLike = None,
                     until: DateLike = None, status: str | Iterable[str] | None = None,
                     types: str | Iterable[str] | None = None,
                     include_undated: bool | None = None) -> list[dict[str, Any]]:
    """The contacts between two people (or countries), in chronological order, undated last.

    Takes the same filters as :func:`contacts_of`; returns the edge attribute dicts.

    Examples
    --------
    >>> G = _example_graph()
    >>> [c["mentions"] for c in contacts_between(G, "Putin", "Erdogan", status="occurred")]
    [2]
    """
    u, v = _resolve(G, a), _resolve(G, b)
    ok = _matcher(since, until, status, types, include_undated)
    if not G.has_edge(u, v):
        return []
    return sorted((_contact_dict(d) for d in G.get_edge_data(u, v).values() if ok(d)), key=_chrono)


def timeline(G: nx.MultiGraph, *, since: DateLike = None, until: DateLike = None,
             status: str | Iterable[str] | None = None, types: str | Iterable[str] | None = None,
             include_undated: bool | None = None) -> list[dict[str, Any]]:
    """Every contact once, in chronological order (by date interval start), undated last.

    Takes the same filters as :func:`contacts_of`; a multi-party contact appears once.

    Examples
    --------
    >>> G = _example_graph()
    >>> [(c["date"], c["type"], c["status"]) for c in timeline(G)]  # doctest: +NORMALIZE_WHITESPACE
    [('2025-03-17', 'phone_call', 'occurred'), ('2025-03-17', 'phone_call', 'denied'),
     (None, 'meeting', 'planned')]
    """
    ok = _matcher(since, until, status, types, include_undated)
    return sorted((_contact_dict(d) for d in _each_contact(G.edges(data=True), ok)), key=_chrono)


def filter_graph(G: nx.MultiGraph, status: str | Iterable[str] | None = None,
                 types: str | Iterable[str] | None = None, since: DateLike = None,
                 until: DateLike = None, *, include_undated: bool | None = None,
                 keep_isolates: bool = True) -> nx.MultiGraph:
    """A new graph with only the contacts that pass the filters ("only what happened").

    Nodes are kept (with copies of their attributes) unless ``keep_isolates=False``, which drops
    the nodes left without contacts. Filters are those of :func:`contacts_of`.

    Examples
    --------
    >>> G = _example_graph()
    >>> H = filter_graph(G, status={"occurred"})
    >>> H.number_of_edges(), G.number_of_edges()
    (1, 3)
    """
    ok = _matcher(since, until, status, types, include_undated)
    H = G.__class__()
    H.graph.update(copy.deepcopy(G.graph))
    H.add_nodes_from((n, copy.deepcopy(d)) for n, d in G.nodes(data=True))
    if G.is_multigraph():
        H.add_edges_from((u, v, k, copy.deepcopy(d)) for u, v, k, d in G.edges(keys=True, data=True)
                         if ok(d))
    else:
        H.add_edges_from((u, v, copy.deepcopy(d)) for u, v, d in G.edges(data=True) if ok(d))
    if not keep_isolates:
        H.remove_nodes_from([n for n in list(H) if H.degree(n) == 0])
    return H


def _country_of(G: nx.Graph, n: str) -> str | None:
    d = G.nodes[n]
    if d.get("kind") == "country":
        return n
    c = d.get("country")
    return f"country:{c}" if c else None


def country_graph(G: nx.MultiGraph, *, since: DateLike = None, until: DateLike = None,
                  status: str | Iterable[str] | None = None,
                  types: str | Iterable[str] | None = None, include_undated: bool | None = None,
                  self_loops: bool = False) -> nx.Graph:
    """Who spoke with whom between countries: contacts projected onto their countries.

    A person counts for the node attribute ``country``; a country party (a visit to a country)
    for itself. Each contact adds 1 to the ``weight`` of every pair of countries it joins (once per
    pair, however many people of each side took part) and its id to the edge's ``contacts`` list.
    People without a country are left out. Contacts within one country are self-loops, kept only
    with ``self_loops=True``. Filters are those of :func:`contacts_of`.

    Examples
    --------
    >>> C = country_graph(_example_graph(), status="occurred")
    >>> C.edges["country:RUS", "country:TUR"]["weight"], C.nodes["country:TUR"]["name"]
    (1, 'Türkiye')
    """
    ok = _matcher(since, until, status, types, include_undated)
    C = nx.Graph()
    for n, d in G.nodes(data=True):
        if d.get("kind") == "country":
            C.add_node(n, kind="country", code=d.get("code"), name=d.get("name"))
    seen: dict[str, set] = defaultdict(set)
    for u, v, d in G.edges(data=True):
        if not ok(d):
            continue
        cu, cv = _country_of(G, u), _country_of(G, v)
        if cu is None or cv is None or (cu == cv and not self_loops):
            continue
        pair = tuple(sorted((cu, cv)))
        cid = d.get("contact_id")
        if cid in seen[pair]:
            continue
        seen[pair].add(cid)
        for c in pair:
            if c not in C:
                code = c.split(":", 1)[-1]
                C.add_node(c, kind="country", code=code, name=country_name(code))
        if C.has_edge(*pair):
            e = C.edges[pair]
            e["weight"] += 1
            e["contacts"].append(cid)
        else:
            C.add_edge(*pair, weight=1, contacts=[cid])
    return C


def citizenship_graph(G: nx.Graph) -> nx.Graph:
    """People linked to their countries by ``kind="citizen_of"`` edges (a bipartite graph).

    The contact graph keeps a person's country as the node attribute ``country`` so that its edges
    are contacts only; this gives the same facts as edges, for drawing or joining.

    Examples
    --------
    >>> sorted(citizenship_graph(_example_graph()).edges())
    [('wikidata:Q39259', 'country:TUR'), ('wikidata:Q7747', 'country:RUS')]
    """
    B = nx.Graph()
    for n, d in G.nodes(data=True):
        if d.get("kind") == "person" and d.get("country"):
            c = f"country:{d['country']}"
            cd = G.nodes[c] if c in G else {"kind": "country", "code": d["country"],
                                             "name": country_name(d["country"])}
            B.add_node(n, **copy.deepcopy(d))
            B.add_node(c, **copy.deepcopy(dict(cd)))
            B.add_edge(n, c, kind="citizen_of")
    return B


def _ranked_people(G: nx.Graph, name: str) -> dict[int, list[str]]:
    """Person ids by how well they match ``name``: 0 id or merged id, 1 full name, 2 alias,
    3 trailing words of the name or an alias."""
    ranks: dict[int, list[str]] = defaultdict(list)
    if name in G and G.nodes[name].get("kind") == "person":
        ranks[0].append(name)
        return ranks
    k = fold(name)
    if not k:
        return ranks
    for n, d in G.nodes(data=True):
        if d.get("kind") != "person":
            continue
        if name in (d.get("merged_ids") or ()):
            ranks[0].append(n)
            continue
        full = fold(d.get("name") or "")
        aliases = [fold(a) for a in d.get("aliases") or ()]
        if full == k:
            ranks[1].append(n)
        elif k in aliases:
            ranks[2].append(n)
        elif any(x.endswith(" " + k) for x in (full, *aliases)):
            ranks[3].append(n)
    return ranks


def find_people(G: nx.Graph, name: str) -> list[str]:
    """The person ids ``name`` may mean, best first: id, full name, alias, then trailing words.

    Matching folds case and diacritics (:func:`diplograph.text.fold`) so "Erdogan" finds
    "Erdoğan"; an id merged into another person (``merged_ids``) leads to that person.

    Examples
    --------
    >>> find_people(_example_graph(), "Vladimir Putin")
    ['wikidata:Q7747']
    """
    ranks = _ranked_people(G, name)
    return [n for r in sorted(ranks) for n in sorted(ranks[r])]


def find_person(G: nx.Graph, name: str) -> str | None:
    """The id of the one person ``name`` stands for, or None when none or several match.

    ``name`` is an id, a full name or alias, or trailing words of one ("Erdogan" alone works
    when only one person's name ends with it); case and diacritics do not matter. The best kind
    of match decides: a full-name match wins over people who merely share the surname.

    Examples
    --------
    >>> G = _example_graph()
    >>> find_person(G, "Erdogan"), find_person(G, "tayyip erdogan"), find_person(G, "Macron")
    ('wikidata:Q39259', 'wikidata:Q39259', None)
    """
    ranks = _ranked_people(G, name)
    for r in sorted(ranks):
        return ranks[r][0] if len(ranks[r]) == 1 else None
    return None
