"""Writing contact graphs to files and reading them back.

Formats, chosen by :func:`write_graph` from the file extension:

- **GraphML** (``.graphml``, :func:`write_graphml`): typed attributes only. Strings, ints
  (``long``), floats (``double``) and booleans keep their GraphML type; lists and dicts (``aliases``,
  ``sources``, ``evidence`` ...) are JSON text; dates are ISO strings (``date``) next to their
  interval (``date_start``, ``date_end``). None values are left out. A graph attribute
  ``diplograph_schema`` (JSON) records each attribute's Python type per element ``kind`` so that
  :func:`read_graph` restores lists, dicts, ints, bools and the None values exactly.
- **GEXF** 1.2 (``.gexf``, :func:`write_gexf`) for Gephi: the same attributes, and each dated contact
  edge has ``start``/``end`` from its date interval, so Gephi's timeline shows when contacts happened
  (undated edges are always visible). The schema travels in ``<meta><description>``.
- **Node-link JSON** (``.json``, :func:`write_json`): ``networkx.node_link_data`` with ``edges``;
  JSON keeps the Python types itself.
- **Contacts table** (``.csv``, :func:`write_csv`; :func:`to_dataframe` for pandas): one row per
  edge (a multi-party contact has a row per pair, sharing ``contact_id``), the endpoints' names and
  countries first, lists as JSON, None as an empty cell.

Text from real pages holds characters XML cannot carry (``\\x00``-``\\x1f`` but tab and newlines,
``\\ufffe``, lone surrogates). In plain string attributes they are removed so the file always parses;
in JSON-encoded attributes (evidence, aliases ...) they are written as JSON ``\\uXXXX`` escapes, so
evidence text survives a round trip unchanged. Carriage returns are written as ``&#13;``.

Every writer is deterministic (nodes, edges and attributes sorted: the same graph gives a
byte-identical file) and, given a path, atomic (:func:`atomic_write`: a temporary file in the same
directory is renamed over the target, so a failure leaves no half-written file). Writers and readers
take a path or an open file.
"""
from __future__ import annotations

import contextlib
import csv
import datetime as _dt
import io
import json
import os
import re
import secrets
import socket
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Union

import networkx as nx

from ._common import XML_INVALID, date_interval, paused_gc, xml_clean

__all__ = [
    "atomic_write",
    "write_graph",
    "write_graphml",
    "write_gexf",
    "write_json",
    "write_csv",
    "read_graph",
    "read_contacts_csv",
    "contacts_table",
    "to_dataframe",
    "FORMATS",
]

PathOrFile = Union[str, "os.PathLike[str]", IO]

#: File extensions :func:`write_graph` and :func:`read_graph` recognise.
FORMATS = {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".csv": "csv"}
SCHEMA_ATTR = "diplograph_schema"
SCHEMA_VERSION = 1

_SURROGATE = re.compile("[\ud800-\udfff]")


# -- atomic files ---------------------------------------------------------------------------------
@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w", encoding: str | None = "utf-8",
                 newline: str | None = None) -> Iterator[IO]:
    """Open a temporary file next to ``path`` and move it over ``path`` only on success.

    The file is flushed and fsynced, then renamed with :func:`os.replace` (atomic on POSIX and
    Windows); if the block raises, the temporary file is removed and ``path`` is untouched.
    The temporary file's name carries the host and process id, and the first write into a folder
    removes the temporary files that dead processes of this host left there (killed runs).
    A new file gets the usual permissions (0666 less the umask); a replaced one keeps its mode.

    Parameters
    ----------
    path : str or path-like
        The file to write; its directory must exist.
    mode : {"w", "wb", "wt"}
        Text or binary writing.
    encoding, newline : str, optional
        As for :func:`open` in text mode (``newline=""`` for :mod:`csv`); ignored in binary mode.

    Examples
    --------
    >>> import os, tempfile
    >>> p = os.path.join(tempfile.mkdtemp(), "out.jsonl")
    >>> with atomic_write(p) as f:
    ...     _ = f.write('{"a": 1}\\n')
    >>> open(p).read()
    '{"a": 1}\\n'
    """
    if mode not in ("w", "wt", "wb"):
        raise ValueError(f"atomic_write writes a new file: mode must be 'w', 'wt' or 'wb', "
                         f"not {mode!r}")
    target = Path(os.fspath(path))
    directory = target.parent
    _sweep_stale_temps(directory)
    while True:
        tmp = directory / f".{target.name}.{_HOST}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                         0o666)
            break
        except FileExistsError:
            continue
        except OSError as e:  # name the file asked for, not the hidden temporary one
            raise type(e)(e.errno, e.strerror, str(target)) from None
    try:
        if "b" in mode:
            f = os.fdopen(fd, "wb")
        else:
            f = os.fdopen(fd, "w", encoding=encoding, newline=newline)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    try:
        with f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, os.stat(target).st_mode & 0o7777)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


# Temporary files are named ``.<name>.<host>.<pid>-<random>.tmp``: a later run on the same host
# removes those whose process is gone (killed before it could clean up).
_HOST = re.sub(r"[^A-Za-z0-9_-]", "_", socket.gethostname())[:40] or "host"
_STALE = re.compile(rf"^\..+\.{re.escape(_HOST)}\.(\d+)-[0-9a-f]{{8}}\.tmp$")
_swept: set[str] = set()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _sweep_stale_temps(directory: Path) -> None:
    """Remove, once per process and folder, the temporary files of dead processes of this host."""
    key = os.fspath(directory.resolve()) if directory.exists() else os.fspath(directory)
    if key in _swept:
        return
    _swept.add(key)
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for e in entries:
        m = _STALE.match(e.name)
        if m and int(m.group(1)) != os.getpid() and not _alive(int(m.group(1))):
            with contextlib.suppress(OSError):
                os.unlink(e.path)


def _is_path(x: Any) -> bool:
    return isinstance(x, (str, os.PathLike))


def _emit(data: str, path_or_file: PathOrFile) -> None:
    """Write ``data`` (UTF-8) to a path atomically, or to an open text or binary file."""
    if _is_path(path_or_file):
        with atomic_write(path_or_file, "wb") as f:
            f.write(data.encode("utf-8"))
    elif isinstance(path_or_file, io.TextIOBase):
        path_or_file.write(data)
    else:
        path_or_file.write(data.encode("utf-8"))


def _slurp(path_or_file: PathOrFile) -> bytes:
    if _is_path(path_or_file):
        return Path(os.fspath(path_or_file)).read_bytes()
    data = path_or_file.read()
    return data.encode("utf-8") if isinstance(data, str) else data


# -- values ---------------------------------------------------------------------------------------
def _json_escape(m: re.Match) -> str:
    return f"\\u{ord(m.group()):04x}"


def _json_default(o: Any) -> Any:
    if isinstance(o, (_dt.date, _dt.datetime)):
        return o.isoformat()
    if isinstance(o, (set, frozenset)):
        return sorted(o, key=_sort_key)
    raise TypeError(f"cannot encode {type(o).__name__} as JSON")


def _dumps(value: Any, *, indent: int | None = None) -> str:
    """JSON text safe in XML and UTF-8: invalid characters become ``\\uXXXX`` escapes."""
    s = json.dumps(value, ensure_ascii=False, sort_keys=True, default=_json_default,
                   indent=indent, separators=(",", ":") if indent is None else None)
    return XML_INVALID.sub(_json_escape, s)


def _sort_key(x: Any) -> tuple:
    return (type(x).__name__ != "str", type(x).__name__, str(x))


def _ptype(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int):
        return "int"
    if isinstance(v, float):
        return "float"
    if isinstance(v, str):
        return "str"
    if isinstance(v, _dt.datetime):
        return "datetime"
    if isinstance(v, _dt.date):
        return "date"
    if isinstance(v, (list, tuple, dict, set, frozenset)):
        return "json"
    raise nx.NetworkXError(f"cannot export {type(v).__name__} values (attribute value {v!r})")


def _join(a: str | None, b: str | None) -> str | None:
    if a is None or a == b:
        return b
    if b is None:
        return a
    if {a, b} == {"int", "float"}:
        return "float"
    return "json"


def _encode(v: Any, t: str) -> str:
    """An attribute value as text, for a schema type."""
    if t == "json":
        return _dumps(v)
    if t == "bool":
        return "true" if v else "false"
    if t in ("int", "float"):
        return repr(v) if isinstance(v, float) else str(v)
    if t in ("date", "datetime"):
        return v.isoformat()
    return xml_clean(str(v))


def _decode(s: Any, t: str) -> Any:
    if t == "json":
        return json.loads(s)
    if t == "bool":
        return s if isinstance(s, bool) else str(s).strip().lower() in ("true", "1")
    if t == "int":
        return int(float(s)) if isinstance(s, float) else int(s)
    if t == "float":
        return float(s)
    if t == "date":
        return _dt.date.fromisoformat(s)
    if t == "datetime":
        return _dt.datetime.fromisoformat(s)
    if t == "null":
        return None
    return s


# -- schema ---------------------------------------------------------------------------------------
def _kind(d: Mapping) -> str:
    k = d.get("kind")
    return k if isinstance(k, str) else ""


def _schema(G: nx.Graph) -> dict[str, Any]:
    """Per domain and element kind, each attribute's type ("null" when always None)."""
    def scan(items) -> dict[str, dict[str, str]]:
        out: dict[str, dict[str, str | None]] = {}
        for d in items:
            kinds = out.setdefault(_kind(d), {})
            for a, v in d.items():
                kinds[a] = _join(kinds.get(a), _ptype(v))
        return {k: {a: (t or "null") for a, t in sorted(v.items())} for k, v in sorted(out.items())}

    graph = {a: _ptype(v) or "null" for a, v in sorted(G.graph.items()) if a != SCHEMA_ATTR}
    ids = {_ptype(n) for n in G}
    return {
        "version": SCHEMA_VERSION,
        "directed": G.is_directed(),
        "multigraph": G.is_multigraph(),
        "node_ids": "int" if ids == {"int"} else "str",
        "graph": graph,
        "node": scan(d for _, d in G.nodes(data=True)),
        "edge": scan(d for *_, d in G.edges(data=True)),
    }


def _domain_types(schema: dict, domain: str) -> dict[str, str]:
    """One GraphML/GEXF type per attribute of a domain, across kinds."""
    merged: dict[str, str | None] = {}
    for attrs in schema[domain].values():
        for a, t in attrs.items():
            if t != "null":
                merged[a] = _join(merged.get(a), t)
    return {a: t for a, t in sorted(merged.items()) if t}


def _sorted_nodes(G: nx.Graph) -> list:
    return sorted(G.nodes(data=True), key=lambda x: _sort_key(x[0]))


def _sorted_edges(G: nx.Graph) -> list[tuple]:
    rows = []
    if G.is_multigraph():
        it = G.edges(keys=True, data=True)
    else:
        it = ((u, v, None, d) for u, v, d in G.edges(data=True))
    for u, v, k, d in it:
        if not G.is_directed() and _sort_key(v) < _sort_key(u):
            u, v = v, u
        rows.append((u, v, k, d))
    rows.sort(key=lambda r: (_sort_key(r[0]), _sort_key(r[1]), _sort_key(r[2])))
    return rows


def _restore(G: nx.Graph, schema: dict, graph_attrs: Mapping, nodes, edges, *,
             graph_decoded: bool = False) -> nx.Graph:
    """Build a graph of the schema's class from the values a reader gave, decoding them by the
    schema and filling the None values the file left out."""
    directed, multi = schema.get("directed", False), schema.get("multigraph", True)
    H = {(False, False): nx.Graph, (True, False): nx.DiGraph, (False, True): nx.MultiGraph,
         (True, True): nx.MultiDiGraph}[(bool(directed), bool(multi))]()
    gtypes = schema.get("graph", {})
    for a, t in gtypes.items():
        if a not in graph_attrs:
            H.graph[a] = None
        else:
            H.graph[a] = graph_attrs[a] if graph_decoded else _decode(graph_attrs[a], t)
    node_id = int if schema.get("node_ids") == "int" else (lambda x: x)

    def attrs(d: Mapping, domain: str) -> dict[str, Any]:
        types = schema[domain].get(_kind(d), {})
        out = {}
        for a, t in types.items():
            out[a] = _decode(d[a], t) if a in d and t != "null" else None
        for a, v in d.items():
            if a not in types:
                out[a] = v
        return out

    for n, d in nodes:
        H.add_node(node_id(n), **attrs(d, "node"))
    for u, v, d in edges:
        a = attrs(d, "edge")
        if multi:
            H.add_edge(node_id(u), node_id(v), key=a.get("contact_id"), **a)
        else:
            H.add_edge(node_id(u), node_id(v), **a)
    return H


# -- XML ------------------------------------------------------------------------------------------
def _xtext(s: str) -> str:
    """Element text: escaped, carriage returns as references (a parser would drop them)."""
    s = xml_clean(s)
    if "&" in s:
        s = s.replace("&", "&amp;")
    if "<" in s:
        s = s.replace("<", "&lt;")
    if ">" in s:
        s = s.replace(">", "&gt;")
    if "\r" in s:
        s = s.replace("\r", "&#13;")
    return s


def _xattr(s: Any) -> str:
    """An XML attribute value: also quotes and whitespace escaped (kept exactly)."""
    s = _xtext(str(s))
    if '"' in s:
        s = s.replace('"', "&quot;")
    if "\n" in s:
        s = s.replace("\n", "&#10;")
    if "\t" in s:
        s = s.replace("\t", "&#9;")
    return s


# The GraphML and GEXF names of the schema types that are not strings.
_XML_TYPE = {"bool": "boolean", "int": "long", "float": "double"}


def _graphml(G: nx.Graph) -> str:
    schema = _schema(G)
    ntypes, etypes = _domain_types(schema, "node"), _domain_types(schema, "edge")
    gattrs = {a: v for a, v in sorted(G.graph.items()) if v is not None and a != SCHEMA_ATTR}
    gattrs[SCHEMA_ATTR] = schema
    keys: dict[tuple[str, str], str] = {}
    out = ["<?xml version='1.0' encoding='utf-8'?>\n",
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n']
    gtypes = {a: ("json" if a == SCHEMA_ATTR else schema["graph"][a]) for a in gattrs}
    for domain, types in (("graph", gtypes), ("node", ntypes), ("edge", etypes)):
        for a, t in sorted(types.items()):
            kid = keys[(domain, a)] = f"d{len(keys)}"
            out.append(f'  <key id="{kid}" for="{domain}" attr.name="{_xattr(a)}" '
                       f'attr.type="{_XML_TYPE.get(t, "string")}"/>\n')
    edgedefault = "directed" if G.is_directed() else "undirected"
    out.append(f'  <graph id="G" edgedefault="{edgedefault}">\n')
    for a, v in gattrs.items():
        out.append(f'    <data key="{keys[("graph", a)]}">{_xtext(_encode(v, gtypes[a]))}</data>\n')

    def data(d: Mapping, domain: str, types: Mapping[str, str], indent: str) -> None:
        for a in sorted(d):
            v = d[a]
            if v is None or a not in types:
                continue
            out.append(f'{indent}<data key="{keys[(domain, a)]}">'
                       f'{_xtext(_encode(v, types[a]))}</data>\n')

    for n, d in _sorted_nodes(G):
        out.append(f'    <node id="{_xattr(n)}">\n')
        data(d, "node", ntypes, "      ")
        out.append("    </node>\n")
    for i, (u, v, _k, d) in enumerate(_sorted_edges(G)):
        out.append(f'    <edge id="e{i}" source="{_xattr(u)}" target="{_xattr(v)}">\n')
        data(d, "edge", etypes, "      ")
        out.append("    </edge>\n")
    out.append("  </graph>\n</graphml>\n")
    return "".join(out)


def write_graphml(G: nx.Graph, path: PathOrFile) -> None:
    """Write ``G`` as GraphML with typed attributes (igraph, Gephi, Cytoscape, yEd read it).

    Encodings, chosen so every value has a plain GraphML type and the file always parses:
    strings, ints (``long``), floats (``double``) and booleans as themselves; lists and dicts as
    JSON text; ``datetime.date`` values as ISO strings (contact dates already are ISO strings, with
    ``date_start`` / ``date_end`` giving their interval); None values omitted; characters XML
    cannot hold removed from strings and ``\\u``-escaped inside JSON. The graph attribute
    ``diplograph_schema`` lets :func:`read_graph` restore the Python types.

    Parameters
    ----------
    G : networkx graph
        Any graph whose attribute values are str, int, float, bool, date, None, lists or dicts.
    path : str, path-like or file
        A path (written atomically) or a file open for writing (text or binary).

    Examples
    --------
    >>> import io, networkx as nx
    >>> G = nx.MultiGraph(); G.add_edge("a", "b", key="c1", kind="contact", sources=["d1"])
    'c1'
    >>> buf = io.BytesIO(); write_graphml(G, buf)
    >>> b'attr.name="sources" attr.type="string"' in buf.getvalue()
    True
    """
    _emit(_graphml(G), path)


def _read_graphml(raw: bytes) -> nx.Graph:
    F = nx.read_graphml(io.BytesIO(raw), force_multigraph=True)
    graph = {k: v for k, v in F.graph.items() if k not in ("node_default", "edge_default")}
    schema = json.loads(graph.pop(SCHEMA_ATTR)) if SCHEMA_ATTR in graph else None
    if schema is None:  # a GraphML file from elsewhere: keep its values as networkx read them
        return F
    return _restore(F, schema, graph, F.nodes(data=True),
                    ((u, v, d) for u, v, d in F.edges(data=True)))


# -- GEXF -----------------------------------------------------------------------------------------
def _gexf(G: nx.Graph) -> str:
    schema = _schema(G)
    ntypes, etypes = _domain_types(schema, "node"), _domain_types(schema, "edge")
    etypes_attr = {a: t for a, t in etypes.items() if not (a == "weight" and t in ("int", "float"))}
    graph = {a: v for a, v in sorted(G.graph.items()) if a != SCHEMA_ATTR}
    meta = {SCHEMA_ATTR: schema, "graph": graph}
    edges = _sorted_edges(G)
    dynamic = any(date_interval(d) for *_, d in edges)
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           '<gexf xmlns="http://www.gexf.net/1.2draft" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://www.gexf.net/1.2draft '
           'http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n',
           "  <meta>\n    <creator>diplograph</creator>\n",
           f"    <description>{_xtext(_dumps(meta))}</description>\n  </meta>\n"]
    mode = ' mode="dynamic" timeformat="date"' if dynamic else ' mode="static"'
    edgetype = "directed" if G.is_directed() else "undirected"
    out.append(f'  <graph defaultedgetype="{edgetype}"{mode}>\n')
    ids: dict[tuple[str, str], str] = {}
    for cls, types in (("node", ntypes), ("edge", etypes_attr)):
        if not types:
            continue
        out.append(f'    <attributes class="{cls}" mode="static">\n')
        for i, (a, t) in enumerate(sorted(types.items())):
            ids[(cls, a)] = str(i)
            out.append(f'      <attribute id="{i}" title="{_xattr(a)}" '
                       f'type="{_XML_TYPE.get(t, "string")}"/>\n')
        out.append("    </attributes>\n")

    def attvalues(d: Mapping, cls: str, types: Mapping[str, str]) -> None:
        vals = [(ids[(cls, a)], _encode(d[a], types[a])) for a in sorted(d)
                if a in types and d[a] is not None]
        if vals:
            out.append("        <attvalues>\n")
            for i, v in vals:
                out.append(f'          <attvalue for="{i}" value="{_xattr(v)}"/>\n')
            out.append("        </attvalues>\n")

    out.append("    <nodes>\n")
    for n, d in _sorted_nodes(G):
        label = d.get("name") if isinstance(d.get("name"), str) else n
        out.append(f'      <node id="{_xattr(n)}" label="{_xattr(label)}">\n')
        attvalues(d, "node", ntypes)
        out.append("      </node>\n")
    out.append("    </nodes>\n    <edges>\n")
    for i, (u, v, _k, d) in enumerate(edges):
        extra = ""
        interval = date_interval(d)
        if interval:
            extra += f' start="{_xattr(interval[0])}" end="{_xattr(interval[1])}"'
        w = d.get("weight")
        if isinstance(w, (int, float)) and not isinstance(w, bool):
            extra += f' weight="{w!r}"'
        out.append(f'      <edge id="e{i}" source="{_xattr(u)}" target="{_xattr(v)}"{extra}>\n')
        attvalues(d, "edge", etypes_attr)
        out.append("      </edge>\n")
    out.append("    </edges>\n  </graph>\n</gexf>\n")
    return "".join(out)


def write_gexf(G: nx.Graph, path: PathOrFile) -> None:
    """Write ``G`` as GEXF 1.2 for Gephi, with contact dates as edge time intervals.

    A dated contact edge gets ``start`` / ``end`` (its ``date_start`` / ``date_end``, ISO days)
    and the graph is ``mode="dynamic"``, so Gephi's timeline filters contacts by time; undated
    edges have no interval and are always shown. Attributes are encoded as in
    :func:`write_graphml`; node labels are the ``name`` attribute; a numeric ``weight`` (as in
    ``country_graph``) becomes the GEXF edge weight.

    Examples
    --------
    >>> import io, networkx as nx
    >>> G = nx.MultiGraph(); G.add_edge("a", "b", key="c1", date_start="2025-03-17",
    ...                                 date_end="2025-03-17")
    'c1'
    >>> buf = io.StringIO(); write_gexf(G, buf)
    >>> 'start="2025-03-17" end="2025-03-17"' in buf.getvalue()
    True
    """
    _emit(_gexf(G), path)


def _read_gexf(raw: bytes) -> nx.Graph:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(raw)
    desc = root.find("{http://www.gexf.net/1.2draft}meta/{http://www.gexf.net/1.2draft}description")
    meta = None
    if desc is not None and desc.text:
        with contextlib.suppress(ValueError):
            meta = json.loads(desc.text)
    F = nx.read_gexf(io.BytesIO(raw))
    if not isinstance(meta, dict) or SCHEMA_ATTR not in meta:
        return F
    schema = meta[SCHEMA_ATTR]
    declared = {a for kinds in schema["edge"].values() for a in kinds}
    ndeclared = {a for kinds in schema["node"].values() for a in kinds}

    def strip(d: Mapping, names: set[str], extra: tuple[str, ...]) -> dict:
        return {a: v for a, v in d.items() if a in names or a not in extra}

    nodes = ((n, strip(d, ndeclared, ("label",))) for n, d in F.nodes(data=True))
    edges = ((u, v, strip(d, declared, ("id", "start", "end", "weight", "label")))
             for u, v, d in F.edges(data=True))
    return _restore(F, schema, meta.get("graph", {}), nodes, edges, graph_decoded=True)


# -- JSON -----------------------------------------------------------------------------------------
def _node_link(G: nx.Graph) -> dict[str, Any]:
    nodes = [{**dict(sorted(d.items())), "id": n} for n, d in _sorted_nodes(G)]
    edges = []
    for u, v, k, d in _sorted_edges(G):
        e = {**dict(sorted(d.items())), "source": u, "target": v}
        if G.is_multigraph():
            e["key"] = k
        edges.append(e)
    graph = {a: v for a, v in sorted(G.graph.items()) if a != SCHEMA_ATTR}
    return {"directed": G.is_directed(), "multigraph": G.is_multigraph(), "graph": graph,
            "nodes": nodes, "edges": edges}


def write_json(G: nx.Graph, path: PathOrFile, *, indent: int | None = None) -> None:
    """Write ``G`` as node-link JSON (``networkx.node_link_data`` with ``edges="edges"``).

    JSON keeps lists, dicts, ints, bools and None as they are; dates become ISO strings, and
    characters UTF-8 cannot hold (lone surrogates) are ``\\u``-escaped. Keys are sorted.
    Read it back with :func:`read_graph` or ``nx.node_link_graph(data, edges="edges")``.

    Examples
    --------
    >>> import io, networkx as nx
    >>> buf = io.StringIO(); write_json(nx.path_graph(2), buf)
    >>> buf.getvalue()[:40]
    '{"directed":false,"edges":[{"source":0,"'
    """
    _emit(_dumps(_node_link(G), indent=indent) + "\n", path)


def _read_json(raw: bytes) -> nx.Graph:
    data = json.loads(raw.decode("utf-8"))
    edges = "edges" if "edges" in data else "links"
    return nx.node_link_graph(data, edges=edges)


# -- contacts table -------------------------------------------------------------------------------
_LEAD = ("contact_id", "source", "target", "source_name", "target_name", "source_country",
         "target_country")
_TABLE_TYPES = {"mentions": "int", "conflict": "bool", "types": "json", "dates": "json",
                "participants": "json", "sources": "json", "reports": "json",
                "attributions": "json", "evidence": "json", "triggers": "json",
                "conflicts_with": "json"}


def contacts_table(G: nx.Graph) -> list[dict[str, Any]]:
    """The contact edges as flat rows: endpoints (id, name, country) first, then every attribute.

    One row per edge, in sorted order; a multi-party contact gives a row per pair of participants,
    all with the same ``contact_id``. Values keep their Python types (lists stay lists).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiGraph(); G.add_node("a", name="A"); G.add_node("b", name="B")
    >>> G.add_edge("a", "b", key="c1", contact_id="c1", kind="contact", type="meeting")
    'c1'
    >>> contacts_table(G)[0]["target_name"], contacts_table(G)[0]["type"]
    ('B', 'meeting')
    """
    rows = []
    for u, v, k, d in _sorted_edges(G):
        if d.get("kind", "contact") != "contact":
            continue
        du, dv = G.nodes[u], G.nodes[v]
        row = {"contact_id": d.get("contact_id", k), "source": u, "target": v,
               "source_name": du.get("name"), "target_name": dv.get("name"),
               "source_country": du.get("code") or du.get("country"),
               "target_country": dv.get("code") or dv.get("country")}
        for a in sorted(d):
            if a not in row:
                row[a] = d[a]
        rows.append(row)
    return rows


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    from .build import CONTACT_ATTRS

    seen = set()
    for r in rows:
        seen.update(r)
    cols = [c for c in _LEAD]
    cols += [c for c in CONTACT_ATTRS if c in seen and c not in cols]
    cols += sorted(c for c in seen if c not in cols)
    return cols


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, tuple, dict, set, frozenset)):
        return _dumps(v)
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.isoformat()
    return _SURROGATE.sub("", str(v))


def write_csv(G: nx.Graph, path: PathOrFile) -> None:
    """Write the contacts table (:func:`contacts_table`) as CSV (UTF-8, header row).

    Lists and dicts are JSON text, booleans ``true``/``false``, None an empty cell. Read it with
    :func:`read_contacts_csv` (Python types back) or any spreadsheet.
    """
    rows = contacts_table(G)
    cols = _columns(rows)
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    for r in rows:
        w.writerow([_cell(r.get(c)) for c in cols])
    _emit(buf.getvalue(), path)


def read_contacts_csv(path: PathOrFile) -> list[dict[str, Any]]:
    """The rows of a contacts table written by :func:`write_csv`, with their Python types.

    Known columns are decoded (lists, ints, bools); an empty cell is None.
    """
    text = _slurp(path).decode("utf-8")
    rows = []
    for r in csv.DictReader(io.StringIO(text, newline="")):
        rows.append({c: (None if s == "" else _decode(s, _TABLE_TYPES.get(c, "str")))
                     for c, s in r.items()})
    return rows


def to_dataframe(G: nx.Graph):
    """The contacts table as a pandas ``DataFrame`` (needs pandas).

    Columns as in :func:`contacts_table`; lists stay Python lists; ``date_start`` and ``date_end``
    become ``datetime64`` (NaT when undated) so rows sort and filter by time.

    Examples
    --------
    >>> from diplograph.graph.build import _example_graph
    >>> df = to_dataframe(_example_graph())                     # doctest: +SKIP
    >>> df[["type", "status", "date_start"]].shape              # doctest: +SKIP
    (3, 3)
    """
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("to_dataframe needs pandas: pip install pandas") from e
    rows = contacts_table(G)
    df = pd.DataFrame(rows, columns=_columns(rows))
    for c in ("date_start", "date_end"):
        if c in df:
            df[c] = pd.to_datetime(df[c], errors="coerce")
    return df


# -- dispatch -------------------------------------------------------------------------------------
def _format(path: PathOrFile, format: str | None) -> str:
    if format:
        f = format.lower().lstrip(".")
        if f not in FORMATS.values():
            raise ValueError(f"unknown format {format!r}; choose one of {sorted(FORMATS.values())}")
        return f
    name = os.fspath(path) if _is_path(path) else getattr(path, "name", "")
    ext = os.path.splitext(str(name))[1].lower()
    if ext not in FORMATS:
        raise ValueError(f"cannot tell the format of {name!r}: use one of {', '.join(FORMATS)} "
                         f"or pass format=")
    return FORMATS[ext]


def write_graph(G: nx.Graph, path: PathOrFile, format: str | None = None) -> None:
    """Write ``G`` in the format its extension names: .graphml, .gexf, .json or .csv.

    Examples
    --------
    >>> import os, tempfile, networkx as nx
    >>> p = os.path.join(tempfile.mkdtemp(), "g.graphml")
    >>> write_graph(nx.MultiGraph([("a", "b")]), p)
    >>> sorted(read_graph(p).nodes())
    ['a', 'b']
    """
    fmt = _format(path, format)
    writers = {"graphml": write_graphml, "gexf": write_gexf, "json": write_json, "csv": write_csv}
    writers[fmt](G, path)


def read_graph(path: PathOrFile, format: str | None = None) -> nx.Graph:
    """A graph written by :func:`write_graph` (GraphML, GEXF or JSON), with its Python types.

    Lists, dicts, ints, bools and None values come back as they were, and multigraph keys
    are the ``contact_id`` values, so ``update_graph(read_graph(p), more)`` continues the graph.
    GraphML or GEXF from other tools is read as networkx reads it.

    Examples
    --------
    >>> import io, networkx as nx
    >>> G = nx.MultiGraph()
    >>> G.add_edge("a", "b", key="c1", contact_id="c1", sources=["d1"], host=None)
    'c1'
    >>> buf = io.BytesIO(); write_graphml(G, buf); _ = buf.seek(0)
    >>> H = read_graph(buf, format="graphml")
    >>> H.edges["a", "b", "c1"]
    {'contact_id': 'c1', 'host': None, 'sources': ['d1']}
    """
    fmt = _format(path, format)
    if fmt == "csv":
        raise ValueError("a contacts table is not a whole graph: read it with read_contacts_csv")
    raw = _slurp(path)
    with paused_gc():
        return {"graphml": _read_graphml, "gexf": _read_gexf, "json": _read_json}[fmt](raw)
