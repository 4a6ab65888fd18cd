"""An interactive view of a contact graph: one self-contained HTML file to open in a browser.

:func:`to_html` writes the graph with `Cytoscape.js <https://js.cytoscape.org>`_ (MIT, vendored in
``assets/``: the page needs no network) and a small application script (``assets/view.js``):

- people are nodes coloured by country and sized by their number of contacts; countries named as
  the other side of a visit are squares;
- each contact is an edge, its line style given by its status (solid occurred, dashed planned,
  dotted possible, red with a bar across denied) and its colour by its type;
- a date range, status and type filters, and a search by name or alias (case and diacritics fold);
- a click on a person lists their contacts in date order, a click on an edge lists the contacts
  between the two with date, status, attribution, sources and evidence sentences.

Node positions are computed here (python-igraph's Fruchterman-Reingold when installed, else
networkx's spring layout, both seeded), so the page opens at once and shows the same picture each
time. :func:`notebook_view` shows the same page inside a Jupyter notebook.

>>> from diplograph.graph.build import _example_graph
>>> html = to_html(_example_graph())
>>> html.startswith("<!DOCTYPE html>") and "cdn" not in html.lower()
True
"""
from __future__ import annotations

import html as _html
import json
import math
import os
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import networkx as nx

from ..resources.text import fold

__all__ = ["to_html", "view_data", "notebook_view", "layout_positions", "STATUS_STYLES", "TYPE_COLORS"]

#: Line style and colour of an edge by the contact's status (the legend of the page says the same).
STATUS_STYLES = {
    "occurred": {"line": "solid", "color": None},
    "planned": {"line": "dashed", "color": None},
    "possible": {"line": "dotted", "color": None},
    "denied": {"line": "solid", "color": "#d62728"},
}
#: Edge colour by contact type (other types: grey).
TYPE_COLORS = {"meeting": "#4c6ef5", "visit": "#9c36b5", "phone_call": "#2b8a3e",
               "video_call": "#0c8599", "talks": "#868e96"}
# Country colours, in order of how many people a country has in the graph (Tableau 20, reordered).
_PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
            "#bcbd22", "#7f7f7f", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94",
            "#f7b6d2", "#9edae5", "#dbdb8d", "#393b79")
_OTHER_COLOR = "#b8b8b8"
_DRL_FROM = 300  # nodes in a connected part from which python-igraph's DrL layout is used


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (resources.files("diplograph.graph") / "assets" / name).read_text(encoding="utf-8")


def _plain_key(text: str) -> str:
    """Lower case without combining marks, as the page folds a query (keeps non-Latin letters)."""
    s = unicodedata.normalize("NFKD", text or "")
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).lower().split())


def _search_keys(d: Mapping[str, Any]) -> list[str]:
    names = [d.get("name") or "", *(d.get("aliases") or ()), d.get("code") or ""]
    keys = {k for n in names for k in (fold(n), _plain_key(n)) if k}
    return sorted(keys)


def _force_layout(simple: nx.Graph, seed: int) -> dict[Any, tuple[float, float]]:
    """Positions of one connected graph in the unit square (a force-directed layout)."""
    nodes = sorted(simple, key=str)
    if len(nodes) <= 3:  # a pair or a triangle: nothing to compute
        spots = [(0.0, 0.0), (1.0, 0.0), (0.5, 0.87)]
        return dict(zip(nodes, spots))
    try:
        import igraph
    except ImportError:
        igraph = None
    if igraph is not None:
        index = {n: i for i, n in enumerate(nodes)}
        g = igraph.Graph(n=len(nodes), edges=sorted((index[u], index[v]) for u, v in simple.edges()))
        import random

        state = random.getstate()
        random.seed(seed)  # igraph draws its start positions from Python's random module
        try:
            big = len(nodes) > _DRL_FROM  # DrL spreads a large hairball more evenly than Fruchterman-Reingold
            coords = (g.layout_drl() if big else g.layout_fruchterman_reingold(niter=500)).coords
        finally:
            random.setstate(state)
        pos = dict(zip(nodes, (tuple(c) for c in coords)))
    else:
        sub = nx.Graph()
        sub.add_nodes_from(nodes)
        sub.add_edges_from(sorted(simple.edges(), key=str))
        pos = {n: tuple(p) for n, p in nx.spring_layout(sub, seed=seed, k=1.5 / math.sqrt(len(nodes))).items()}
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    return {n: ((x - min(xs)) / span, (y - min(ys)) / span) for n, (x, y) in pos.items()}


def layout_positions(G: nx.Graph, *, seed: int = 7) -> dict[Any, tuple[float, float]]:
    """Node positions: each connected part laid out on its own, its side growing with the root of its
    size, the parts packed in rows, largest first. Where python-igraph is installed, its
    Fruchterman-Reingold layout (DrL for parts of more than 300 nodes: about a second for 1,000),
    else networkx's spring layout; parallel edges count once. Seeded: the same graph, the same picture."""
    simple = nx.Graph()
    simple.add_nodes_from(G)
    simple.add_edges_from((u, v) for u, v in G.edges() if u != v)
    parts = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(map(str, c))))
    sides = [math.sqrt(len(c)) for c in parts]
    width = max([sides[0] if sides else 1.0, 1.3 * math.sqrt(sum(s * s for s in sides))])
    pos: dict[Any, tuple[float, float]] = {}
    x = y = row = 0.0
    for part, side in zip(parts, sides):
        if x > 0 and x + side > width:
            x, y, row = 0.0, y + row + 1.0, 0.0
        local = _force_layout(simple.subgraph(part), seed) if len(part) > 1 else {next(iter(part)): (0.5, 0.5)}
        for n, (px, py) in local.items():
            pos[n] = (float(x + px * side), float(y + py * side))
        x += side + 1.0
        row = max(row, side)
    return pos


def _country_code(d: Mapping[str, Any]) -> str | None:
    """A node's country: a country node's code, a person's ``country``."""
    return d.get("code") if d.get("kind") == "country" else d.get("country")


def _country_colors(G: nx.Graph) -> dict[str, str]:
    counts = Counter()
    for _, d in G.nodes(data=True):
        c = _country_code(d)
        if c:
            counts[c] += 1
    ranked = sorted(counts, key=lambda c: (-counts[c], c))
    return {c: (_PALETTE[i] if i < len(_PALETTE) else _OTHER_COLOR) for i, c in enumerate(ranked)}


def _country_names(G: nx.Graph) -> dict[str, str]:
    """Country names as the library writes them ("Russia", "Türkiye"), for the codes in ``G``."""
    from ..resources.countries import load_countries

    lexicon = load_countries()
    codes = {_country_code(d) for _, d in G.nodes(data=True)}
    return {c: lexicon.name(c) or c for c in codes if c}


def _edge_record(index: int, u: Any, v: Any, key: Any, d: Mapping[str, Any], ids: Mapping[Any, str]) -> dict:
    published = {r.get("doc_id"): r.get("published") for r in d.get("reports") or () if isinstance(r, Mapping)}
    return {
        "id": f"e{index}", "s": ids[u], "t": ids[v], "cid": str(d.get("contact_id") or key or f"e{index}"),
        "type": d.get("type") or "contact", "types": list(d.get("types") or ()),
        "status": d.get("status") or "occurred", "date": d.get("date"),
        "start": d.get("date_start"), "end": d.get("date_end") or d.get("date_start"),
        "participants": [ids[p] for p in d.get("participants") or () if p in ids],
        "host": ids.get(d.get("host")), "initiator": ids.get(d.get("initiator")),
        "attributions": list(d.get("attributions") or ()), "mentions": d.get("mentions") or 1,
        "conflict": bool(d.get("conflict")),
        "sources": [{"doc": s, "published": published.get(s)} for s in d.get("sources") or ()],
        "evidence": [{"doc": e.get("doc_id"), "text": e.get("text")} for e in d.get("evidence") or ()
                     if isinstance(e, Mapping) and e.get("text")],
    }


def view_data(G: nx.Graph, *, title: str = "Contacts", pos: Mapping[Any, tuple[float, float]] | None = None,
              include_isolates: bool = False, seed: int = 7) -> dict[str, Any]:
    """What the page draws, as plain JSON-ready data: nodes with positions, one edge per contact and pair.

    Nodes without contacts are left out unless ``include_isolates``; ``pos`` gives positions (any
    scale) instead of the computed layout."""
    keep = [n for n in G if include_isolates or G.degree(n) > 0]
    H = G.subgraph(keep)
    pos = dict(pos) if pos is not None else layout_positions(H, seed=seed)
    missing = [n for n in keep if n not in pos]
    if missing:
        raise ValueError(f"no position for {len(missing)} node(s), e.g. {missing[0]!r}")
    ids = {n: f"n{i}" for i, n in enumerate(keep)}
    colors = _country_colors(H)
    names = _country_names(H)
    contacts: dict[Any, set] = defaultdict(set)
    edges = []
    multi = H.is_multigraph()
    for item in (H.edges(keys=True, data=True) if multi else H.edges(data=True)):
        u, v, key, d = item if multi else (item[0], item[1], None, item[2])
        rec = _edge_record(len(edges), u, v, key, d, ids)
        edges.append(rec)
        contacts[u].add(rec["cid"])
        contacts[v].add(rec["cid"])
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    scale = 120.0 * math.sqrt(max(len(keep), 25))  # room in proportion to the number of nodes
    nodes = []
    for n in keep:
        d = H.nodes[n]
        country = _country_code(d)
        x, y = pos[n]
        nodes.append({
            "id": ids[n], "key": str(n), "label": d.get("name") or str(n), "kind": d.get("kind") or "person",
            "country": country, "countryName": names.get(country) if country else None,
            "color": colors.get(country, _OTHER_COLOR), "role": d.get("role"),
            "aliases": [a for a in d.get("aliases") or () if a != d.get("name")],
            "wikidata": d.get("wikidata"), "sources": len(d.get("sources") or ()),
            "contacts": len(contacts[n]), "keys": _search_keys(d),
            "x": round((x - min(xs)) / span * scale, 2), "y": round((y - min(ys)) / span * scale, 2),
        })
    legend = [{"code": c, "name": names.get(c, c), "color": col} for c, col in colors.items() if col != _OTHER_COLOR]
    return {"title": title, "nodes": nodes, "edges": edges, "countries": legend,
            "otherColor": _OTHER_COLOR, "statusStyles": STATUS_STYLES, "typeColors": TYPE_COLORS,
            "graph": {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}}


def _json_for_script(data: Any) -> str:
    """JSON that can sit inside a <script> element (no "</" or "<!--" closes it early)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def to_html(G: nx.Graph, path: str | os.PathLike[str] | None = None, *, title: str = "Contacts",
            pos: Mapping[Any, tuple[float, float]] | None = None, include_isolates: bool = False,
            seed: int = 7) -> str:
    """The interactive view of ``G`` as one HTML page (scripts and styles inlined; works offline).

    Written atomically to ``path`` when given; the page's text is returned either way. ``pos`` sets
    node positions; ``include_isolates`` keeps people without contacts.

    Examples
    --------
    >>> import os, tempfile
    >>> from diplograph.graph.build import _example_graph
    >>> p = os.path.join(tempfile.mkdtemp(), "contacts.html")
    >>> _ = to_html(_example_graph(), p, title="Example")
    >>> "<title>Example</title>" in open(p, encoding="utf-8").read()
    True
    """
    data = view_data(G, title=title, pos=pos, include_isolates=include_isolates, seed=seed)
    page = (_asset("view.html")
            .replace("{{title}}", _html.escape(title))
            .replace("{{css}}", _asset("view.css"))
            .replace("{{data}}", _json_for_script(data))
            .replace("{{cytoscape}}", _asset("cytoscape.min.js"))
            .replace("{{app}}", _asset("view.js")))
    if path is not None:
        from .export import atomic_write

        with atomic_write(path) as f:
            f.write(page)
    return page


class notebook_view:
    """The view inside a Jupyter notebook: an ``<iframe>`` holding the page (``srcdoc``), so it
    needs no file and no server. ``notebook_view(G)`` as a cell's last line shows it."""

    def __init__(self, G: nx.Graph, *, height: int = 620, **kwargs: Any) -> None:
        self.page = to_html(G, **kwargs)
        self.height = height

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{_html.escape(self.page, quote=True)}" width="100%" '
                f'height="{self.height}" style="border:1px solid #ddd" '
                f'sandbox="allow-scripts"></iframe>')
