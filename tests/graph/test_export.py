"""Export and read back: GraphML, GEXF, node-link JSON, contacts CSV; atomic writes."""
from __future__ import annotations

import io
import json
import os
import stat
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from diplograph import read_graph as lazy_read_graph
from diplograph import write_graphml as lazy_write_graphml
from diplograph.graph.export import (
    atomic_write,
    contacts_table,
    read_contacts_csv,
    read_graph,
    to_dataframe,
    write_csv,
    write_gexf,
    write_graph,
    write_graphml,
    write_json,
)
from diplograph.graph import build_graph, country_graph, update_graph
from diplograph.types import Contact, Extraction, Mention, Participant, Person, TimeValue

from test_graph import corpus, snapshot  # the same hand-written articles

GRAPH_FORMATS = ("graphml", "gexf", "json")
NASTY = "Ctl\x00\x01\x08\x0b\x0c\x1f|\ufffe\uffff|\ud800 lone|\udfff|emoji 😀🇹🇷|cr\r\nlf\ttab"


@pytest.fixture(scope="module")
def G() -> nx.MultiGraph:
    return build_graph(corpus())


def nasty_graph() -> nx.MultiGraph:
    a = Person("person:a", "Ahmet" + NASTY, ["Ali\x00", "😀"], country="TUR", role="min\x07ister")
    b = Person("wikidata:Q1", "Bea 😀", country="FRA")
    ev = Mention(3, 3 + len(NASTY), NASTY)
    c = Contact("c\x01", "meeting", [Participant.of(a), Participant.of(b)], "occurred",
                TimeValue("today", 0, 5, "2025-01-02", "day", "2025-01-02", "2025-01-02"),
                attribution="Src\x1f 😀", evidence=[ev], triggers=[ev])
    return build_graph([Extraction("doc\x02😀", people=[a, b], contacts=[c])])


def test_lazy_names_from_the_package():
    import diplograph

    assert lazy_write_graphml is write_graphml and lazy_read_graph is read_graph
    assert diplograph.build_graph is build_graph


@pytest.mark.parametrize("fmt", GRAPH_FORMATS)
def test_round_trip_keeps_every_attribute(G, tmp_path, fmt):
    p = tmp_path / f"g.{fmt}"
    write_graph(G, p)
    H = read_graph(p)
    assert type(H) is nx.MultiGraph
    assert snapshot(H) == snapshot(G)
    d = H.edges["wikidata:Q39259", "wikidata:Q7747", "a1#c1"]
    assert isinstance(d["mentions"], int) and d["conflict"] is True and d["initiator"] is None
    assert isinstance(d["evidence"][0], dict) and isinstance(d["sources"], list)


@pytest.mark.parametrize("fmt", GRAPH_FORMATS)
def test_read_graph_then_update(tmp_path, fmt):
    docs = corpus()
    p = tmp_path / f"g.{fmt}"
    write_graph(build_graph(docs[:3]), p)
    assert snapshot(update_graph(read_graph(p), docs[3:])) == snapshot(build_graph(docs))


@pytest.mark.parametrize("fmt", (*GRAPH_FORMATS, "csv"))
def test_output_is_deterministic(tmp_path, fmt):
    write_graph(build_graph(corpus()), tmp_path / f"a.{fmt}")
    write_graph(build_graph(corpus()), tmp_path / f"b.{fmt}")
    assert (tmp_path / f"a.{fmt}").read_bytes() == (tmp_path / f"b.{fmt}").read_bytes()


def test_graphml_is_typed(G, tmp_path):
    p = tmp_path / "g.graphml"
    write_graphml(G, p)
    root = ET.parse(p).getroot()
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    types = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in root.iter(ns + "key")}
    assert types[("edge", "mentions")] == "long" and types[("edge", "conflict")] == "boolean"
    assert types[("edge", "evidence")] == "string" and types[("node", "aliases")] == "string"
    assert types[("edge", "date_start")] == "string"
    assert not any(d.text in (None, "None", "null") for d in root.iter(ns + "data"))


def test_igraph_reads_the_graphml(G, tmp_path):
    igraph = pytest.importorskip("igraph")
    p = tmp_path / "g.graphml"
    write_graphml(G, p)
    g = igraph.Graph.Read_GraphML(str(p))
    assert (g.vcount(), g.ecount()) == (G.number_of_nodes(), G.number_of_edges())
    v = g.vs.find(id="wikidata:Q39259")
    assert v["name"] == "Recep Tayyip Erdoğan" and v["kind"] == "person"
    assert json.loads(v["aliases"]) == G.nodes["wikidata:Q39259"]["aliases"]
    e = g.es.select(contact_id="a1#c1")[0]
    assert (e["type"], e["status"], e["mentions"], e["conflict"]) == (
        "phone_call", "occurred", 2, True)
    assert {g.vs[e.source]["id"], g.vs[e.target]["id"]} == {"wikidata:Q39259", "wikidata:Q7747"}
    assert len(g.es.select(contact_id="a4#s1")) == 3


@pytest.mark.parametrize("fmt", GRAPH_FORMATS)
def test_control_characters_and_emoji(tmp_path, fmt):
    G = nasty_graph()
    p = tmp_path / f"n.{fmt}"
    write_graph(G, p)
    if fmt != "json":
        ET.parse(p)  # well-formed XML
    H = read_graph(p)
    (u, v, k, d), = H.edges(keys=True, data=True)
    orig = G.edges[u, v, k]
    # JSON-encoded values (evidence, triggers, sources, aliases) come back exactly
    for attr in ("evidence", "triggers", "sources", "reports", "attributions"):
        assert d[attr] == orig[attr]
    assert d["evidence"][0]["text"] == NASTY
    node = H.nodes["person:a"]
    assert node["aliases"] == G.nodes["person:a"]["aliases"]
    if fmt == "json":
        assert snapshot(H) == snapshot(G)
    else:  # plain strings lose only what XML cannot hold
        assert node["name"].startswith("AhmetCtl|") and "😀🇹🇷" in node["name"]
        assert "\x00" not in node["name"] and "\ud800" not in node["name"]
        assert node["role"] == "minister"
        assert "cr\r\nlf\ttab" in node["name"]


def test_igraph_reads_nasty_graphml(tmp_path):
    igraph = pytest.importorskip("igraph")
    p = tmp_path / "n.graphml"
    write_graphml(nasty_graph(), p)
    g = igraph.Graph.Read_GraphML(str(p))
    assert (g.vcount(), g.ecount()) == (4, 1)


def test_gexf_has_time_intervals(G, tmp_path):
    p = tmp_path / "g.gexf"
    write_gexf(G, p)
    root = ET.parse(p).getroot()
    ns = "{http://www.gexf.net/1.2draft}"
    graph = root.find(ns + "graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    edges = list(root.iter(ns + "edge"))
    assert len(edges) == G.number_of_edges()
    dated = {(e.get("start"), e.get("end")) for e in edges if e.get("start")}
    assert ("2025-03-17", "2025-03-17") in dated and ("2025-06-01", "2025-06-01") in dated
    assert sum(1 for e in edges if e.get("start") is None) == 2  # the undated talks
    labels = {n.get("id"): n.get("label") for n in root.iter(ns + "node")}
    assert labels["wikidata:Q7747"] == "Vladimir Putin"


def test_country_graph_exports(G, tmp_path):
    C = country_graph(G)
    for fmt in GRAPH_FORMATS:
        write_graph(C, tmp_path / f"c.{fmt}")
        H = read_graph(tmp_path / f"c.{fmt}")
        assert type(H) is nx.Graph
        assert H.edges["country:RUS", "country:TUR"] == C.edges["country:RUS", "country:TUR"]
        assert dict(H.nodes(data=True)) == dict(C.nodes(data=True))


def test_csv_table(G, tmp_path):
    p = tmp_path / "contacts.csv"
    write_graph(G, p)
    rows = read_contacts_csv(p)
    assert rows == contacts_table(G)
    assert len(rows) == G.number_of_edges()
    first = rows[0]
    assert list(first)[:7] == ["contact_id", "source", "target", "source_name", "target_name",
                              "source_country", "target_country"]
    summit = [r for r in rows if r["contact_id"] == "a4#s1"]
    assert len(summit) == 3 and summit[0]["participants"] == sorted(summit[0]["participants"])
    text = p.read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("contact_id,source,target")


def test_csv_with_nasty_text(tmp_path):
    p = tmp_path / "n.csv"
    write_csv(nasty_graph(), p)
    (row,) = read_contacts_csv(p)
    assert row["evidence"][0]["text"] == NASTY


def test_dataframe(G):
    pd = pytest.importorskip("pandas")
    df = to_dataframe(G)
    assert len(df) == G.number_of_edges()
    assert str(df["date_start"].dtype).startswith("datetime64")
    assert df["date_start"].isna().sum() == 2
    assert isinstance(df.loc[0, "sources"], list)
    assert pd.api.types.is_integer_dtype(df["mentions"])


def test_open_files(G):
    for writer, fmt in ((write_graphml, "graphml"), (write_gexf, "gexf"), (write_json, "json")):
        b, s = io.BytesIO(), io.StringIO()
        writer(G, b)
        writer(G, s)
        assert b.getvalue() == s.getvalue().encode("utf-8")
        b.seek(0)
        assert snapshot(read_graph(b, format=fmt)) == snapshot(G)
        assert snapshot(read_graph(io.StringIO(s.getvalue()), format=fmt)) == snapshot(G)


def test_write_graph_needs_a_known_format(G, tmp_path):
    with pytest.raises(ValueError, match="graphml"):
        write_graph(G, tmp_path / "g.txt")
    with pytest.raises(ValueError):
        write_graph(G, io.BytesIO())
    write_graph(G, tmp_path / "g.txt", format="json")
    assert read_graph(tmp_path / "g.txt", format="json").number_of_edges() == 10
    with pytest.raises(ValueError, match="read_contacts_csv"):
        read_graph(tmp_path / "g.csv")


def test_foreign_graphml_is_read_as_networkx_reads_it(tmp_path):
    p = tmp_path / "plain.graphml"
    nx.write_graphml(nx.path_graph(3), p)
    assert sorted(read_graph(p).nodes()) == ["0", "1", "2"]


def test_generic_graph_types_round_trip(tmp_path):
    import datetime as dt

    G = nx.DiGraph(name="x")
    G.add_node(1, when=dt.date(2025, 1, 2), score=0.5, tags={"a": [1, 2]})
    G.add_node(2, score=1)
    G.add_edge(1, 2, w=3, flag=False)
    for fmt in GRAPH_FORMATS:
        write_graph(G, tmp_path / f"d.{fmt}")
        H = read_graph(tmp_path / f"d.{fmt}")
        assert H.is_directed() and sorted(H) == [1, 2]
        assert H.edges[1, 2] == {"w": 3, "flag": False}
        assert H.nodes[1]["tags"] == {"a": [1, 2]} and H.nodes[2]["score"] == 1
        if fmt != "json":
            assert H.nodes[1]["when"] == dt.date(2025, 1, 2) and H.graph["name"] == "x"


# -- atomic writes --------------------------------------------------------------------------------
def test_atomic_write_replaces_only_on_success(tmp_path):
    p = tmp_path / "out.jsonl"
    p.write_text("old\n")
    with pytest.raises(RuntimeError):
        with atomic_write(p) as f:
            f.write("half")
            raise RuntimeError("boom")
    assert p.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["out.jsonl"]  # no temporary file left behind
    with atomic_write(p) as f:
        f.write("new ü\n")
    assert p.read_text(encoding="utf-8") == "new ü\n"
    assert os.listdir(tmp_path) == ["out.jsonl"]


def test_atomic_write_modes_and_permissions(tmp_path):
    p = tmp_path / "b.bin"
    with atomic_write(p, "wb") as f:
        f.write(b"\x00\x01")
    assert p.read_bytes() == b"\x00\x01"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o666 & ~umask
    os.chmod(p, 0o600)
    with atomic_write(p, "wb") as f:
        f.write(b"x")
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o600
    with atomic_write(tmp_path / "t.csv", newline="") as f:
        f.write("a\r\n")
    assert (tmp_path / "t.csv").read_bytes() == b"a\r\n"
    with pytest.raises(ValueError):
        with atomic_write(p, "a"):
            pass


def test_failed_export_leaves_no_file(tmp_path):
    G = nx.Graph()
    G.add_node("a", bad=object())
    with pytest.raises(nx.NetworkXError, match="object"):
        write_graph(G, tmp_path / "g.graphml")
    assert os.listdir(tmp_path) == []
