"""The contact graph: the extractions of many articles merged into one ``networkx.MultiGraph``.

Nodes are people (``kind="person"``) and countries (``kind="country"``), keyed by the stable ids of
:mod:`diplograph.types` (``wikidata:Q39259``, ``person:<slug>``, ``country:TUR``). Edges are contacts
(``kind="contact"``), keyed by ``contact_id``; the same contact reported by several articles is one
edge with ``mentions``, ``sources``, ``reports`` and all the ``evidence``. A contact of three or more
parties is an edge per pair, all with the same key and ``contact_id``. ``docs/graph.md`` gives every
attribute and the merge rules.

A person's country is the node attribute ``country`` (an ISO alpha-3 code), not an edge: edges are
contacts only, so degree, neighbours and paths mean "spoke with".
:func:`~diplograph.graph.query.country_graph` projects the contacts onto countries and
:func:`~diplograph.graph.query.citizenship_graph` gives the person-country edges for those who
want them; the other questions to the graph are in :mod:`diplograph.graph.query`.

>>> from diplograph.types import Contact, Extraction, Participant, Person, TimeValue
>>> erdogan = Person("wikidata:Q39259", "Recep Tayyip Erdoğan", ["Erdoğan"], country="TUR")
>>> putin = Person("wikidata:Q7747", "Vladimir Putin", ["Putin"], country="RUS")
>>> monday = TimeValue("on Monday", 30, 39, "2025-03-17", "day", "2025-03-17", "2025-03-17")
>>> call = Contact("c1", "phone_call", [Participant.of(putin), Participant.of(erdogan)],
...                "occurred", date=monday)
>>> G = build_graph([Extraction("a1", people=[erdogan, putin], contacts=[call])])
>>> [(u, v, d["type"], d["date"]) for u, v, d in G.edges(data=True)]
[('wikidata:Q39259', 'wikidata:Q7747', 'phone_call', '2025-03-17')]
"""
from __future__ import annotations

import copy
import datetime as _dt
import hashlib
import itertools
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any, Union

import networkx as nx

from ..contacts.same_event import (
    Event,
    EventIndex,
    merged_status,
    most_specific,
    same_event,
)
from ..errors import InputError
from ..resources.text import fold
from ..types import Extraction
# Ids lose the characters XML cannot hold (xml_clean), so every export names things the same way.
from ._common import country_name, date_interval, paused_gc, xml_clean

__all__ = [
    "build_graph",
    "update_graph",
    "PERSON_ATTRS",
    "COUNTRY_ATTRS",
    "CONTACT_ATTRS",
]

ExtractionLike = Union[Extraction, Mapping[str, Any]]

#: Attributes every person node has (None / [] / 0 where unknown).
PERSON_ATTRS = ("kind", "name", "aliases", "country", "role", "wikidata", "merged_ids", "sources",
                "mentions")
#: Attributes every country node has.
COUNTRY_ATTRS = ("kind", "code", "name", "sources", "mentions")
#: Attributes every contact edge has.
CONTACT_ATTRS = ("kind", "contact_id", "type", "types", "status", "date", "date_start", "date_end",
                 "dates", "participants", "initiator", "host", "mentions", "sources", "reports",
                 "attributions", "evidence", "triggers", "conflict", "conflicts_with")

# The attributes that are lists, of contact edges and of nodes.
_LIST_ATTRS = frozenset({"types", "dates", "participants", "sources", "reports", "attributions",
                         "evidence", "triggers", "conflicts_with"})
_NODE_LIST_ATTRS = ("aliases", "merged_ids", "sources")


def _unresolved(node_id: str) -> bool:
    """A ``person:<slug>`` id: made from the name alone, without gazetteer identity."""
    return isinstance(node_id, str) and node_id.startswith("person:")


UNDATED_WINDOW_DAYS = 183


def _undated_window(reports: Iterable[Mapping]) -> tuple[str, str] | None:
    """Where an undated contact may lie, for merging and conflicts: within about six months of the
    publication dates of the articles that report it (an undated "cancelled meeting" of 2018 is not
    the one of 2025). None when no report has a publication date."""
    days = sorted(str(r.get("published"))[:10] for r in reports if r.get("published"))
    if not days:
        return None
    try:
        lo, hi = _dt.date.fromisoformat(days[0]), _dt.date.fromisoformat(days[-1])
    except ValueError:
        return None
    return _shifted(lo, -UNDATED_WINDOW_DAYS).isoformat(), _shifted(hi, UNDATED_WINDOW_DAYS).isoformat()


def _shifted(day: _dt.date, days: int) -> _dt.date:
    """``day`` moved by ``days``, stopping at the ends of the calendar (years 1 and 9999)."""
    try:
        return day + _dt.timedelta(days=days)
    except OverflowError:
        return _dt.date.min if days < 0 else _dt.date.max


@lru_cache(maxsize=4096)
def _date_rank(value: str | None, dated: bool) -> tuple[int, int]:
    """How precise a date value is: dated before undated, then day < week < month < year."""
    if not value:
        return (2, 9)
    v = value.split("/")[0]
    if "W" in v:
        g = 1
    elif len(v) >= 10:
        g = 0
    elif len(v) >= 7:
        g = 2
    else:
        g = 3
    return (0 if dated else 1, g)


def _document_id(ex: Extraction) -> str:
    """A content id for a document that has none, so adding it twice is still one document."""
    blob = json.dumps(ex.to_dict(), sort_keys=True, ensure_ascii=False, default=str)
    return "sha1:" + hashlib.sha1(blob.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _add_unique(lst: list, items: Iterable) -> None:
    for x in items:
        if x not in lst:
            lst.append(x)


class _Group:
    """One contact while the graph is built: its edge attributes and its pair edges."""

    __slots__ = ("cid", "attrs", "key", "pairs", "old_pairs", "docs", "interval", "window",
                 "date_rank", "seq", "alive", "owned", "evidence_seen", "trigger_seen")

    def __init__(self, cid: str, attrs: dict, key: tuple, seq: int, *, owned: bool,
                 pairs: list | None = None) -> None:
        self.cid, self.attrs, self.key, self.seq = cid, attrs, key, seq
        self.pairs = pairs if pairs is not None else _pairs(key)
        self.old_pairs: list = list(self.pairs) if not owned else []
        self.docs = set(attrs.get("sources") or ())
        self.interval = date_interval(attrs)
        self.window = None if self.interval else _undated_window(attrs.get("reports") or ())
        self.date_rank = _date_rank(attrs.get("date"), self.interval is not None)
        self.alive, self.owned = True, owned
        self.evidence_seen: set | None = None
        self.trigger_seen: set | None = None

    def event(self) -> Event:
        """What the "same event" policy reads of this contact."""
        a = self.attrs
        types = tuple(t for t in (a.get("types") or (a.get("type"),)) if t) or ("talks",)
        return Event(self.key, types, a.get("status"), self.interval, self.window, a.get("initiator"))

    def own(self) -> dict:
        """Copy the attributes before the first change (they may be a graph's edge dict)."""
        if not self.owned:
            a = {k: copy.deepcopy(v) if isinstance(v, (list, dict)) else v
                 for k, v in self.attrs.items()}
            for k in CONTACT_ATTRS:  # an edge from elsewhere may lack some
                if a.get(k) is None:
                    a[k] = [] if k in _LIST_ATTRS else a.get(k)
            a["types"] = a["types"] or [a.get("type")]
            a["sources"] = a["sources"] or sorted(self.docs)
            a["conflict"] = bool(a.get("conflict"))
            a["mentions"] = int(a.get("mentions") or len(a["reports"]) or 1)
            self.attrs, self.owned = a, True
        return self.attrs


def _pairs(key: tuple) -> list[tuple[str, str]]:
    if len(key) == 1:
        return [(key[0], key[0])]  # one known party: a self-loop keeps the contact on the graph
    return list(itertools.combinations(key, 2))


def _span(doc_id: str, e: Any) -> dict[str, Any]:
    """An evidence sentence or trigger as an edge keeps it."""
    return {"doc_id": doc_id, "start": e.start, "end": e.end, "text": e.text}


def _span_key(e: Mapping) -> tuple:
    """What makes two evidence or trigger dicts the same span: document and offsets."""
    return (e.get("doc_id"), e.get("start"), e.get("end"))


def _contact_attrs(c: Any, rid: str, key: tuple, doc_id: str, published: str | None) -> dict:
    """The edge attributes of one document's report ``rid`` of contact ``c`` among the parties
    ``key`` (``initiator`` and ``host`` still as the document names them)."""
    d = c.date
    value = d.value if d else None
    attrs = {
        "kind": "contact", "contact_id": rid, "type": c.type, "types": [c.type],
        "status": c.status, "date": value,
        "date_start": d.start_date if d else None, "date_end": d.end_date if d else None,
        "dates": [value] if value else [], "participants": list(key),
        "initiator": c.initiator, "host": c.host,
        "mentions": 1, "sources": [doc_id],
        "reports": [{"id": rid, "doc_id": doc_id, "contact": c.id, "type": c.type,
                     "date": value, "attribution": c.attribution, "published": published}],
        "attributions": [c.attribution] if c.attribution else [],
        "evidence": [_span(doc_id, e) for e in c.evidence],
        "triggers": [_span(doc_id, e) for e in c.triggers],
        "conflict": False, "conflicts_with": [],
    }
    if attrs["date_start"] is None and attrs["date_end"] is not None:
        attrs["date_start"] = attrs["date_end"]
    elif attrs["date_end"] is None and attrs["date_start"] is not None:
        attrs["date_end"] = attrs["date_start"]
    return attrs


class _Builder:
    """Merges extractions into a graph; indexes contacts by participant set and month."""

    def __init__(self, G: nx.MultiGraph) -> None:
        self.G = G
        self.redirect: dict[str, str] = {}
        self.known_names: dict[str, set[str]] = defaultdict(set)
        self.unresolved_names: dict[str, set[str]] = defaultdict(set)
        self.groups: dict[str, _Group] = {}
        self.index: EventIndex[_Group] = EventIndex()
        self.by_node: dict[str, set[str]] = defaultdict(set)
        self.report_ids: set[str] = set()
        self.touched: set[str] = set()
        self.removed: list[_Group] = []
        self.owned_nodes: set[str] = set()
        self.node_docs: dict[str, set[str]] = {}
        self.seq = itertools.count()
        docs = G.graph.get("documents")
        self.documents: list[str] = list(docs) if isinstance(docs, list) else []
        self.doc_set = set(self.documents)
        self._load()

    # -- loading an existing graph --------------------------------------------------------------
    def _load(self) -> None:
        G = self.G
        for n, d in G.nodes(data=True):
            if d.get("kind") == "person":
                for m in d.get("merged_ids") or ():
                    self.redirect[m] = n
                self._index_names(n, d)
        for u, v, k, d in G.edges(keys=True, data=True):
            if d.get("kind") != "contact":
                continue
            cid = d.get("contact_id", k)
            g = self.groups.get(cid)
            if g is None:
                key = tuple(sorted(d.get("participants") or {u, v}))
                g = _Group(cid, d, key, next(self.seq), owned=False, pairs=[])
                self._register(g)
                for r in d.get("reports") or ():
                    self.report_ids.add(r["id"] if isinstance(r, dict) else r)
            g.pairs.append((u, v))
            g.old_pairs.append((u, v))

    def _index_names(self, n: str, d: Mapping) -> set[str]:
        """Index a person's folded names; returns the keys new to a known person."""
        name = d.get("name") or ""
        if _unresolved(n):
            k = fold(name)
            if len(k.split()) >= 2:
                self.unresolved_names[k].add(n)
            return set()
        new = set()
        for k in {fold(name), *(fold(a) for a in d.get("aliases") or ())}:
            if k and n not in self.known_names[k]:
                self.known_names[k].add(n)
                new.add(k)
        return new

    # -- people and countries ---------------------------------------------------------------------
    def _node(self, n: str) -> dict:
        d = self.G.nodes[n]
        if n not in self.owned_nodes:
            for k in _NODE_LIST_ATTRS:
                if isinstance(d.get(k), list):
                    d[k] = list(d[k])
            attrs = PERSON_ATTRS if d.get("kind") == "person" else COUNTRY_ATTRS
            if d.get("kind") in ("person", "country"):  # a node from elsewhere may lack some
                for k in attrs:
                    if k not in d or (k in _NODE_LIST_ATTRS and d[k] is None):
                        d[k] = [] if k in _NODE_LIST_ATTRS else (0 if k == "mentions" else None)
            self.owned_nodes.add(n)
        return d

    def _add_source(self, n: str, d: dict, doc_id: str) -> None:
        seen = self.node_docs.get(n)
        if seen is None:
            d.setdefault("sources", [])
            seen = self.node_docs[n] = set(d["sources"])
        if doc_id not in seen:
            seen.add(doc_id)
            d["sources"].append(doc_id)

    def _match_known(self, name: str, country: str | None) -> str | None:
        """The one known person whose name or alias is ``name`` (two words at least), or None."""
        k = fold(name)
        if len(k.split()) < 2:
            return None
        cands = self.known_names.get(k)
        if not cands or len(cands) != 1:
            return None
        (t,) = cands
        tc = self.G.nodes[t].get("country")
        if country and tc and country != tc:
            return None
        return t

    def add_person(self, pid: str, name: str, aliases: Iterable[str], country: str | None,
                   role: str | None, wikidata: str | None, n_mentions: int, doc_id: str) -> str:
        G = self.G
        pid = xml_clean(pid)
        n = self.redirect.get(pid, pid)
        if n not in G and _unresolved(pid):
            t = self._match_known(name, country)
            if t is not None:
                self.redirect[pid] = n = t
                d = self._node(t)
                d["merged_ids"].append(pid)
        new = n not in G
        if new:
            G.add_node(n, kind="person", name=name, aliases=[], country=country, role=role,
                       wikidata=wikidata, merged_ids=[], sources=[], mentions=0)
            self.owned_nodes.add(n)
        d = self._node(n)
        if d.get("kind") != "person":  # an id clash with a non-person node: keep what is there
            return n
        n_names = len(d["aliases"])
        _add_unique(d["aliases"], (a for a in (name, *aliases) if a and a != d["name"]))
        for attr, val in (("country", country), ("role", role), ("wikidata", wikidata)):
            if val and not d.get(attr):
                d[attr] = val
        self._add_source(n, d, doc_id)
        d["mentions"] = int(d.get("mentions") or 0) + n_mentions
        if d.get("country"):
            self.add_country(d["country"], None, 0, None)
        if not new and len(d["aliases"]) == n_names:
            return n
        for k in self._index_names(n, d):
            for u in sorted(self.unresolved_names.get(k, ())):
                if u in G and u != n and self._match_known(G.nodes[u]["name"],
                                                           G.nodes[u].get("country")) == n:
                    self._merge_person(u, n)
        return n

    def add_country(self, code: str, name: str | None, n_mentions: int, doc_id: str | None) -> str:
        code = xml_clean(code)
        n = f"country:{code}"
        if n not in self.G:
            self.G.add_node(n, kind="country", code=code, name=name or country_name(code),
                            sources=[], mentions=0)
            self.owned_nodes.add(n)
        elif doc_id is None and not n_mentions:
            return n
        d = self._node(n)
        if name and (not d.get("sources") or d.get("name") in (None, "", code)):
            d["name"] = name  # the first name an article gives wins over pycountry's
        if doc_id is not None:
            self._add_source(n, d, doc_id)
        d["mentions"] = int(d.get("mentions") or 0) + n_mentions
        return n

    def _merge_person(self, u: str, n: str) -> None:
        """Fold the unresolved person ``u`` into the known person ``n`` (and its contacts)."""
        G = self.G
        du, dn = self._node(u), self._node(n)
        _add_unique(dn["aliases"], (a for a in (du["name"], *du["aliases"]) if a != dn["name"]))
        for attr in ("country", "role", "wikidata"):
            if du.get(attr) and not dn.get(attr):
                dn[attr] = du[attr]
        _add_unique(dn["merged_ids"], [u, *du.get("merged_ids", ())])
        for doc in du["sources"]:
            self._add_source(n, dn, doc)
        dn["mentions"] = int(dn.get("mentions") or 0) + int(du.get("mentions") or 0)
        for m in dn["merged_ids"]:
            self.redirect[m] = n
        self.unresolved_names[fold(du["name"])].discard(u)
        G.remove_node(u)
        self._index_names(n, dn)
        affected = [self.groups[c] for c in sorted(self.by_node.pop(u, ()))
                    if c in self.groups and self.groups[c].alive]

        def ren(x: str | None) -> str | None:
            return n if x == u else x

        for g in affected:
            self._unregister_key(g)
            a = g.own()
            g.key = tuple(sorted({ren(x) for x in g.key}))
            g.pairs = _pairs(g.key)
            a["participants"] = list(g.key)
            a["initiator"], a["host"] = ren(a.get("initiator")), ren(a.get("host"))
            self._register(g)
            self.touched.add(g.cid)
        self.by_node.pop(u, None)
        for g in affected:  # the renamed contact may now repeat one already on the graph
            if g.alive:
                other = self._find_match(g)
                if other is not None:
                    self._absorb(other, g)

    # -- contacts ---------------------------------------------------------------------------------
    def _register(self, g: _Group) -> None:
        self.groups[g.cid] = g
        self.index.add(g.event(), g)
        for x in g.key:
            self.by_node[x].add(g.cid)

    def _unregister_key(self, g: _Group) -> None:
        self.index.remove(g)
        for x in g.key:
            self.by_node[x].discard(g.cid)

    def _candidates(self, g: _Group) -> list[tuple[Event, _Group]]:
        return [(ev, o) for ev, o in self.index.candidates(g.event()) if o.alive and o is not g]

    def _find_match(self, g: _Group) -> _Group | None:
        """The contact on the graph that ``g`` reports again (from another document), preferring one as
        dated or undated as ``g``."""
        best, best_rank, ev = None, 9, g.event()
        for other, o in self._candidates(g):
            if (o.docs & g.docs) or not same_event(other, ev):
                continue
            rank = 0 if (o.interval is None) == (g.interval is None) else 1
            if rank < best_rank:
                best, best_rank = o, rank
                if rank == 0:
                    break
        return best

    def _mark_conflicts(self, g: _Group) -> None:
        ev = g.event()
        for other, o in self._candidates(g):
            if not same_event(other, ev, conflict=True) or o.cid in g.attrs["conflicts_with"]:
                continue
            for x, y in ((g, o), (o, g)):
                a = x.own()
                a["conflict"] = True
                a["conflicts_with"].append(y.cid)
                self.touched.add(x.cid)

    def _absorb(self, t: _Group, g: _Group) -> None:
        """Merge contact ``g`` into contact ``t``."""
        a, b = t.own(), g.attrs
        for ty in b["types"]:
            if ty not in a["types"]:
                a["types"].append(ty)
            a["type"] = most_specific([a["type"], ty])
        a["status"] = merged_status([a["status"], b["status"]])
        if g.interval is not None:
            if t.interval is None:
                t.interval = g.interval
            else:
                t.interval = (max(t.interval[0], g.interval[0]), min(t.interval[1], g.interval[1]))
            a["date_start"], a["date_end"] = t.interval
        if b["date"] and g.date_rank < t.date_rank:
            a["date"], t.date_rank = b["date"], g.date_rank
        _add_unique(a["dates"], b["dates"])
        for attr in ("initiator", "host"):
            if not a.get(attr) and b.get(attr):
                a[attr] = b[attr]
        a["reports"].extend(b["reports"])
        t.window = _undated_window(a["reports"]) if t.interval is None else None
        a["mentions"] += int(b.get("mentions") or 1)
        _add_unique(a["sources"], b["sources"])
        t.docs |= g.docs
        _add_unique(a["attributions"], b["attributions"])
        for attr, seen_attr in (("evidence", "evidence_seen"), ("triggers", "trigger_seen")):
            seen = getattr(t, seen_attr)
            if seen is None:
                seen = {_span_key(e) for e in a[attr]}
                setattr(t, seen_attr, seen)
            for e in b[attr]:
                k = _span_key(e)
                if k not in seen:
                    seen.add(k)
                    a[attr].append(e)
        for c in b["conflicts_with"]:  # conflicts of g now point at t
            a["conflict"] = True
            if c != t.cid and c not in a["conflicts_with"]:
                a["conflicts_with"].append(c)
            o = self.groups.get(c)
            if o is not None and o.alive:
                oa = o.own()
                oa["conflicts_with"] = [t.cid if x == g.cid else x for x in oa["conflicts_with"]]
                oa["conflicts_with"] = list(dict.fromkeys(oa["conflicts_with"]))
                self.touched.add(o.cid)
        if g.cid in self.groups and self.groups[g.cid] is g:
            g.alive = False
            del self.groups[g.cid]
            self._unregister_key(g)
            self.touched.discard(g.cid)
            if g.old_pairs:
                self.removed.append(g)
        self.index.update(t, t.event())
        self.touched.add(t.cid)

    def _participant(self, p: Any, doc_id: str, local: dict[str, str],
                     people: Mapping[str, Any]) -> str:
        """The node of a contact's participant, added to the graph when the document has not
        added it yet (a visited country, a byline author, a party the people list lacks)."""
        n = local.get(p.id)
        if n is None:
            if p.kind == "country" or (p.id or "").startswith("country:"):
                code = p.country or p.id.split(":", 1)[-1]
                n = self.add_country(code, p.name, 0, doc_id)
            else:
                src = people.get(p.id)
                if src is not None:  # a person we skipped (a byline author) takes part
                    n = self.add_person(src.id, src.name, src.aliases, src.country, src.role,
                                        src.wikidata, len(src.mentions), doc_id)
                else:
                    n = self.add_person(p.id, p.name, (), p.country, None, None, 0, doc_id)
            local[p.id] = n
        return self.redirect.get(n, n)

    def add_contact(self, c: Any, doc_id: str, local: dict[str, str], published: str | None,
                    people: Mapping[str, Any]) -> None:
        rid = f"{doc_id}#{xml_clean(c.id)}"
        if rid in self.report_ids:
            return
        parts = [self._participant(p, doc_id, local, people) for p in c.participants]
        if not parts:
            return
        self.report_ids.add(rid)
        key = tuple(sorted(set(parts)))

        def canon(x: str | None) -> str | None:
            if not x:
                return None
            y = local.get(x, xml_clean(x))
            return self.redirect.get(y, y)

        attrs = _contact_attrs(c, rid, key, doc_id, published)
        attrs["initiator"], attrs["host"] = canon(c.initiator), canon(c.host)
        g = _Group(rid, attrs, key, next(self.seq), owned=True)
        t = self._find_match(g)
        if t is not None:
            self._absorb(t, g)
        else:
            t = g
            self._register(g)
            self.touched.add(g.cid)
        self._mark_conflicts(t)

    # -- documents --------------------------------------------------------------------------------
    def add(self, ex: ExtractionLike, index: int = 0) -> None:
        if isinstance(ex, Mapping):
            try:
                ex = Extraction.from_dict(ex)
            except (KeyError, TypeError, ValueError, AttributeError) as e:
                what = f"missing field {e}" if isinstance(e, KeyError) else str(e)
                raise InputError(f"extraction #{index} (doc_id {ex.get('doc_id')!r}) is not an "
                                 f"Extraction dict: {what}") from e
        elif not isinstance(ex, Extraction):
            raise InputError(f"extraction #{index}: expected an Extraction or its to_dict() "
                             f"dict, not {type(ex).__name__}")
        doc_id = xml_clean(ex.doc_id) or _document_id(ex)
        local: dict[str, str] = {}
        people = {p.id: p for p in ex.people}
        for p in ex.people:
            if p.is_author:
                continue
            local[p.id] = self.add_person(p.id, p.name, p.aliases, p.country, p.role, p.wikidata,
                                          len(p.mentions), doc_id)
        for c in ex.countries:
            local[c.id] = self.add_country(c.code, c.name, len(c.mentions), doc_id)
        for c in ex.contacts:
            self.add_contact(c, doc_id, local, ex.published, people)
        if doc_id not in self.doc_set:
            self.doc_set.add(doc_id)
            self.documents.append(doc_id)

    def finish(self) -> nx.MultiGraph:
        G = self.G
        for g in self.removed:
            for u, v in g.old_pairs:
                if G.has_edge(u, v, g.cid):
                    G.remove_edge(u, v, g.cid)
        order = {cid: g.seq for cid, g in self.groups.items()}
        for cid in sorted(self.touched, key=lambda c: order.get(c, 0)):
            g = self.groups.get(cid)
            if g is None or not g.alive:
                continue
            for u, v in g.old_pairs:
                if G.has_edge(u, v, cid):
                    G.remove_edge(u, v, cid)
            for i, (u, v) in enumerate(g.pairs):
                G.add_edge(u, v, key=cid, **(g.attrs if i == 0 else copy.deepcopy(g.attrs)))
            g.old_pairs = list(g.pairs)
            g.attrs = G.edges[g.pairs[0][0], g.pairs[0][1], cid]
            g.owned = False
        G.graph["documents"] = self.documents
        return G


def build_graph(extractions: Iterable[ExtractionLike]) -> nx.MultiGraph:
    """The contact graph of many articles' extractions.

    Parameters
    ----------
    extractions : iterable of Extraction or dict
        :class:`~diplograph.types.Extraction` objects or their ``to_dict()`` dicts, in any number.

    Returns
    -------
    networkx.MultiGraph
        People and countries as nodes, contacts as edges keyed by ``contact_id``; the same contact
        reported by several documents is one edge (see ``docs/graph.md`` for the merge rules).

    Examples
    --------
    >>> from diplograph.types import Contact, Extraction, Participant, Person, TimeValue
    >>> a = Person("wikidata:Q39259", "Recep Tayyip Erdoğan", country="TUR")
    >>> b = Person("wikidata:Q7747", "Vladimir Putin", country="RUS")
    >>> day = TimeValue("on Monday", 0, 9, "2025-03-17", "day", "2025-03-17", "2025-03-17")
    >>> call = Contact("c1", "phone_call", [Participant.of(a), Participant.of(b)], "occurred", day)
    >>> talk = Contact("c1", "talks", [Participant.of(b), Participant.of(a)], "occurred")
    >>> G = build_graph([Extraction("a1", people=[a, b], contacts=[call]),
    ...                  Extraction("a2", people=[a, b], contacts=[talk])])
    >>> G.number_of_edges(), G.edges["wikidata:Q39259", "wikidata:Q7747", "a1#c1"]["mentions"]
    (1, 2)
    """
    return update_graph(nx.MultiGraph(), extractions)


def update_graph(G: nx.MultiGraph, extractions: Iterable[ExtractionLike]) -> nx.MultiGraph:
    """Add more articles to a contact graph (one from :func:`build_graph` or ``read_graph``).

    The graph is changed in place and returned. A document already on the graph (same ``doc_id``
    and contact ids) adds nothing, so updating twice with the same articles is harmless (and a
    document extracted again later does not replace its first version).
    A malformed extraction raises :class:`~diplograph.errors.InputError`; the graph then holds
    the documents before it.

    Examples
    --------
    >>> G = update_graph(_example_graph(), [])
    >>> sorted(G.graph["documents"])
    ['a1', 'a2', 'a3']
    """
    if not isinstance(G, nx.MultiGraph) or G.is_directed():
        raise nx.NetworkXError("update_graph needs an undirected MultiGraph (from build_graph)")
    with paused_gc():
        b = _Builder(G)
        try:
            for i, ex in enumerate(extractions):
                b.add(ex, i)
        except BaseException:
            b.finish()  # the graph stays consistent, with the documents before the bad one
            raise
        return b.finish()


def _example_graph() -> nx.MultiGraph:
    """The small graph of the doctest examples: a call two articles report, denied by a third,
    and a planned meeting."""
    from ..types import Contact, Participant, Person, TimeValue

    erdogan = Person("wikidata:Q39259", "Recep Tayyip Erdoğan", ["Erdoğan"], country="TUR")
    putin = Person("wikidata:Q7747", "Vladimir Putin", ["Putin"], country="RUS")
    ps = [Participant.of(putin), Participant.of(erdogan)]
    day = TimeValue("on Monday", 0, 9, "2025-03-17", "day", "2025-03-17", "2025-03-17")
    week = TimeValue("this week", 0, 9, "2025-W12", "week", "2025-03-17", "2025-03-23")
    return build_graph([
        Extraction("a1", people=[erdogan, putin],
                   contacts=[Contact("c1", "phone_call", ps, "occurred", day),
                             Contact("c2", "meeting", ps, "planned")]),
        Extraction("a2", people=[erdogan, putin],
                   contacts=[Contact("c1", "talks", ps, "occurred", week)]),
        Extraction("a3", people=[erdogan, putin],
                   contacts=[Contact("c1", "phone_call", ps, "denied", day,
                                     attribution="Dmitry Peskov")]),
    ])
