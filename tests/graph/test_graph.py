"""The contact graph: merging articles, conflicts, people identity, queries. No model needed."""
from __future__ import annotations

import networkx as nx
import pytest

from diplograph.graph import (
    build_graph,
    citizenship_graph,
    compatible_types,
    contacts_between,
    contacts_of,
    country_graph,
    filter_graph,
    find_people,
    find_person,
    timeline,
    update_graph,
)
from diplograph.types import Contact, Country, Extraction, Mention, Participant, Person, TimeValue

ERDOGAN = Person("wikidata:Q39259", "Recep Tayyip Erdoğan", ["Erdoğan", "Turkish President"],
                 country="TUR", role="President", wikidata="Q39259",
                 mentions=[Mention(0, 7, "Erdoğan")])
ERDOGAN_SLUG = Person("person:recep-tayyip-erdogan", "Recep Tayyip Erdogan", ["Erdogan"],
                      country="TUR")
PUTIN = Person("wikidata:Q7747", "Vladimir Putin", ["Putin"], country="RUS", role="President")
MACRON = Person("wikidata:Q3052772", "Emmanuel Macron", ["Macron"], country="FRA")
PESKOV = Person("person:dmitry-peskov", "Dmitry Peskov", ["Peskov"], country="RUS",
                role="Kremlin spokesman")
Q_E, Q_P, Q_M = ERDOGAN.id, PUTIN.id, MACRON.id


def day(d: str) -> TimeValue:
    return TimeValue(d, 0, len(d), d, "day", d, d)


def span(value: str, start: str, end: str, granularity: str) -> TimeValue:
    return TimeValue(value, 0, len(value), value, granularity, start, end)


def contact(cid: str, type_: str, people: list[Person], status: str = "occurred",
            date: TimeValue | None = None, *, attribution: str | None = None,
            sentence: str = "They spoke.", offset: int = 0, **kw) -> Contact:
    ev = Mention(offset, offset + len(sentence), sentence)
    return Contact(cid, type_, [Participant.of(p) for p in people], status, date,
                   attribution=attribution, evidence=[ev], triggers=[Mention(offset, offset + 4,
                                                                             sentence[:4])], **kw)


def corpus() -> list[Extraction]:
    """Six articles: a call reported twice (and denied by a third), a plan reported twice,
    a three-party summit, a later call, and two separate talks in one article."""
    return [
        Extraction("a1", "2025-03-18", people=[ERDOGAN, PUTIN],
                   countries=[Country("TUR", "Turkey", [Mention(40, 46, "Ankara")])],
                   contacts=[contact("c1", "phone_call", [ERDOGAN, PUTIN], date=day("2025-03-17"),
                                     attribution="Hürriyet", sentence="Erdoğan phoned Putin."),
                             contact("c2", "meeting", [PUTIN, ERDOGAN], "planned",
                                     span("2025-04", "2025-04-01", "2025-04-30", "month"),
                                     sentence="They plan to meet in April.", offset=30)]),
        Extraction("a2", "2025-03-19", people=[ERDOGAN_SLUG, PUTIN],
                   contacts=[contact("c1", "talks", [PUTIN, ERDOGAN_SLUG],
                                     date=span("2025-W12", "2025-03-17", "2025-03-23", "week"),
                                     sentence="Putin and Erdogan talked this week."),
                             contact("c2", "visit", [PUTIN, ERDOGAN_SLUG], "planned",
                                     day("2025-04-10"), initiator=PUTIN.id, host=ERDOGAN_SLUG.id,
                                     sentence="Putin will visit Erdogan on April 10.",
                                     offset=50)]),
        Extraction("a3", "2025-03-19", people=[PESKOV, PUTIN, ERDOGAN],
                   contacts=[contact("c1", "phone_call", [PUTIN, ERDOGAN], "denied",
                                     day("2025-03-17"), attribution="Dmitry Peskov",
                                     sentence="Peskov denied that Putin called Erdoğan.")]),
        Extraction("a4", "2025-05-03", people=[ERDOGAN, PUTIN, MACRON],
                   contacts=[contact("s1", "meeting", [ERDOGAN, PUTIN, MACRON],
                                     date=day("2025-05-02"), sentence="The three leaders met."),
                             contact("v1", "video_call", [MACRON, PUTIN], date=day("2025-03-17"),
                                     sentence="Macron held a video call with Putin.")]),
        Extraction("a5", "2025-06-02", people=[ERDOGAN, PUTIN],
                   contacts=[contact("c1", "phone_call", [PUTIN, ERDOGAN],
                                     date=day("2025-06-01"))]),
        Extraction("a6", None, people=[ERDOGAN, MACRON],
                   contacts=[contact("t1", "talks", [ERDOGAN, MACRON]),
                             contact("t2", "talks", [MACRON, ERDOGAN], offset=20)]),
    ]


def snapshot(G: nx.MultiGraph) -> tuple:
    nodes = {n: d for n, d in G.nodes(data=True)}
    edges = {(*sorted((u, v)), k): d for u, v, k, d in G.edges(keys=True, data=True)}
    return nodes, edges, dict(G.graph)


@pytest.fixture(scope="module")
def G() -> nx.MultiGraph:
    return build_graph(corpus())


def test_merged_edges(G):
    assert G.number_of_edges() == 10
    assert {d["contact_id"] for *_, d in G.edges(data=True)} == {
        "a1#c1", "a3#c1", "a1#c2", "a4#s1", "a5#c1", "a4#v1", "a6#t1", "a6#t2"}
    call = G.edges[Q_E, Q_P, "a1#c1"]
    assert call["mentions"] == 2 and call["sources"] == ["a1", "a2"]
    assert call["type"] == "phone_call" and call["types"] == ["phone_call", "talks"]
    assert (call["date"], call["date_start"], call["date_end"]) == ("2025-03-17", "2025-03-17",
                                                                    "2025-03-17")
    assert call["dates"] == ["2025-03-17", "2025-W12"]
    assert call["attributions"] == ["Hürriyet"]
    assert [(e["doc_id"], e["start"], e["text"]) for e in call["evidence"]] == [
        ("a1", 0, "Erdoğan phoned Putin."), ("a2", 0, "Putin and Erdogan talked this week.")]
    assert [r["id"] for r in call["reports"]] == ["a1#c1", "a2#c1"]
    plan = G.edges[Q_E, Q_P, "a1#c2"]
    assert plan["type"] == "visit" and plan["status"] == "planned" and plan["mentions"] == 2
    assert (plan["initiator"], plan["host"]) == (Q_P, Q_E)
    assert (plan["date"], plan["date_start"]) == ("2025-04-10", "2025-04-10")
    later = G.edges[Q_E, Q_P, "a5#c1"]
    assert later["mentions"] == 1 and not later["conflict"]


def test_conflicting_reports_stay_visible(G):
    ok, denied = G.edges[Q_E, Q_P, "a1#c1"], G.edges[Q_E, Q_P, "a3#c1"]
    assert ok["status"] == "occurred" and denied["status"] == "denied"
    assert ok["conflict"] and denied["conflict"]
    assert ok["conflicts_with"] == ["a3#c1"] and denied["conflicts_with"] == ["a1#c1"]
    assert denied["attributions"] == ["Dmitry Peskov"]
    assert not G.edges[Q_E, Q_P, "a1#c2"]["conflict"]


def test_multi_party_contact_is_an_edge_per_pair(G):
    summit = [(u, v) for u, v, k in G.edges(keys=True) if k == "a4#s1"]
    assert len(summit) == 3
    for u, v in summit:
        assert G.edges[u, v, "a4#s1"]["participants"] == sorted([Q_E, Q_P, Q_M])


def test_one_article_two_contacts_stay_two(G):
    assert {k for k in G.get_edge_data(Q_E, Q_M)} == {"a4#s1", "a6#t1", "a6#t2"}
    # an article without a doc_id gets a content id, the same every time
    assert G.edges[Q_E, Q_M, "a6#t1"]["sources"] == ["a6"]


def test_nothing_lost(G):
    reports, evidence = set(), set()
    for *_, d in G.edges(data=True):
        reports.update(r["id"] for r in d["reports"])
        evidence.update((e["doc_id"], e["start"], e["text"]) for e in d["evidence"])
    for ex in corpus():
        for c in ex.contacts:
            assert f"{ex.doc_id}#{c.id}" in reports
            for e in c.evidence:
                assert (ex.doc_id, e.start, e.text) in evidence


def test_nodes(G):
    e = G.nodes[Q_E]
    assert e["kind"] == "person" and e["name"] == "Recep Tayyip Erdoğan" and e["country"] == "TUR"
    assert e["merged_ids"] == ["person:recep-tayyip-erdogan"]
    assert "Recep Tayyip Erdogan" in e["aliases"] and "Erdogan" in e["aliases"]
    assert e["sources"] == ["a1", "a2", "a3", "a4", "a5", "a6"]
    assert "person:recep-tayyip-erdogan" not in G
    assert G.nodes["person:dmitry-peskov"]["role"] == "Kremlin spokesman"
    assert G.nodes["country:TUR"] == {"kind": "country", "code": "TUR", "name": "Turkey",
                                      "sources": ["a1"], "mentions": 1}
    assert G.nodes["country:FRA"]["kind"] == "country"
    assert not any(d.get("kind") == "citizen_of" for *_, d in G.edges(data=True))


def test_input_dicts_and_objects_give_the_same_graph():
    assert snapshot(build_graph(ex.to_dict() for ex in corpus())) == snapshot(build_graph(corpus()))


def test_order_does_not_change_the_merge():
    rev = build_graph(list(reversed(corpus())))
    assert rev.number_of_edges() == 10
    assert "person:recep-tayyip-erdogan" not in rev
    assert rev.nodes[Q_E]["merged_ids"] == ["person:recep-tayyip-erdogan"]
    calls = [d for d in rev.get_edge_data(Q_E, Q_P).values() if d["status"] == "occurred"
             and d["date_start"] == "2025-03-17"]
    assert len(calls) == 1 and calls[0]["mentions"] == 2 and calls[0]["conflict"]
    # a2 came first with the unresolved id: its contacts were moved to the known person
    slug_first = build_graph([corpus()[1], corpus()[0]])
    assert sorted(slug_first.nodes) == sorted(build_graph(corpus()[:2]).nodes)
    assert sorted(d["mentions"] for *_, d in slug_first.edges(data=True)) == [2, 2]


def test_update_graph_adds_and_is_idempotent():
    docs = corpus()
    G = build_graph(docs[:3])
    assert update_graph(G, docs[3:]) is G
    assert snapshot(G) == snapshot(build_graph(docs))
    before = snapshot(G)
    update_graph(G, docs)  # the same articles again: nothing changes
    assert snapshot(G) == before


def test_people_merge_conservatively():
    lone = Person("person:erdogan", "Erdogan", country="TUR")
    other = Person("person:recep-tayyip-erdogan", "Recep Tayyip Erdogan", country="DEU")
    G = build_graph([Extraction("x1", people=[ERDOGAN]),
                     Extraction("x2", people=[lone]), Extraction("x3", people=[other])])
    assert {"person:erdogan", "person:recep-tayyip-erdogan", Q_E} <= set(G)
    # two known people with the same name: the unresolved one is left alone
    twin = Person("wikidata:Q1", "Recep Tayyip Erdoğan", country="TUR")
    H = build_graph([Extraction("y1", people=[ERDOGAN, twin]),
                     Extraction("y2", people=[ERDOGAN_SLUG])])
    assert ERDOGAN_SLUG.id in H


def test_single_party_and_country_party():
    visit = Contact("c1", "visit", [Participant.of(PUTIN),
                                    Participant("country:TUR", "Turkey", "country", "TUR")],
                    "occurred", day("2025-02-01"), initiator=PUTIN.id, host="country:TUR")
    alone = Contact("c2", "talks", [Participant.of(PUTIN)], "occurred")
    G = build_graph([Extraction("v", people=[PUTIN], contacts=[visit, alone])])
    assert G.edges[Q_P, "country:TUR", "v#c1"]["host"] == "country:TUR"
    assert G.has_edge(Q_P, Q_P, "v#c2")  # a self-loop: the contact is not lost
    C = country_graph(G)
    assert C.edges["country:RUS", "country:TUR"]["weight"] == 1


def test_type_compatibility():
    assert compatible_types("talks", "phone_call") and compatible_types("meeting", "visit")
    assert compatible_types("phone_call", "video_call")
    assert not compatible_types("visit", "video_call")
    a = Extraction("m1", people=[PUTIN, MACRON],
                   contacts=[contact("c", "meeting", [PUTIN, MACRON], date=day("2025-01-05"))])
    b = Extraction("m2", people=[PUTIN, MACRON],
                   contacts=[contact("c", "phone_call", [PUTIN, MACRON], date=day("2025-01-05")),
                             contact("d", "meeting", [PUTIN, MACRON], date=day("2025-01-09")),
                             contact("e", "meeting", [PUTIN, MACRON], "planned",
                                     day("2025-01-05"))])
    G = build_graph([a, b])
    assert G.number_of_edges() == 4  # mode, date and status each keep contacts apart


def test_find_person(G):
    assert find_person(G, "Erdogan") == Q_E
    assert find_person(G, "ERDOĞAN") == Q_E
    assert find_person(G, "recep tayyip erdogan") == Q_E
    assert find_person(G, "person:recep-tayyip-erdogan") == Q_E  # a merged id
    assert find_person(G, "Macron") == Q_M
    assert find_person(G, "Peskov") == "person:dmitry-peskov"
    assert find_person(G, "Biden") is None
    emine = Person("wikidata:Q2", "Emine Erdoğan", country="TUR")
    H = build_graph([Extraction("f", people=[Person(Q_E, "Recep Tayyip Erdoğan"), emine])])
    assert find_person(H, "Erdogan") is None  # the surname alone is ambiguous here
    assert find_people(H, "Erdogan") == ["wikidata:Q2", Q_E]
    assert find_person(H, "Emine Erdogan") == "wikidata:Q2"


def test_contacts_of(G):
    all_ = contacts_of(G, "Erdogan")
    assert len(all_) == 7  # the summit once, not once per pair
    assert [c["date_start"] for c in all_][-2:] == [None, None]  # undated last
    occurred = contacts_of(G, "Erdogan", status={"occurred"}, since="2025-03-01",
                           until="2025-05-31")
    assert [c["contact_id"] for c in occurred] == ["a1#c1", "a4#s1"]
    assert occurred[1]["with"] == sorted([Q_P, Q_M])
    assert [c["contact_id"] for c in contacts_of(G, "Erdogan", types="visit")] == ["a1#c2"]
    assert [c["contact_id"] for c in contacts_of(G, "Erdogan", until="2025-03")] == [
        "a1#c1", "a3#c1"]
    assert len(contacts_of(G, "Erdogan", since="2025-06-01", include_undated=True)) == 3
    with pytest.raises(nx.NodeNotFound):
        contacts_of(G, "Nobody")
    with pytest.raises(ValueError):
        contacts_of(G, "Erdogan", since="last week")


def test_contacts_between_and_timeline(G):
    between = contacts_between(G, "Putin", "Erdoğan")
    assert [c["contact_id"] for c in between] == ["a1#c1", "a3#c1", "a1#c2", "a4#s1", "a5#c1"]
    assert contacts_between(G, "Putin", "Peskov") == []
    t = timeline(G)
    assert len(t) == 8
    starts = [c["date_start"] for c in t]
    assert starts[:6] == sorted(starts[:6]) and starts[6:] == [None, None]
    assert [c["contact_id"] for c in timeline(G, status="denied")] == ["a3#c1"]
    # results are copies: changing them leaves the graph alone
    t[0]["sources"].append("x")
    assert "x" not in G.edges[Q_E, Q_P, "a1#c1"]["sources"]


def test_filter_graph(G):
    H = filter_graph(G, status={"occurred"})
    assert {d["status"] for *_, d in H.edges(data=True)} == {"occurred"}
    assert H.number_of_edges() == 8 and H.number_of_nodes() == G.number_of_nodes()
    H2 = filter_graph(G, status="occurred", since="2025-05-01", keep_isolates=False)
    assert sorted(H2) == sorted([Q_E, Q_P, Q_M])
    assert {k for *_, k in H2.edges(keys=True)} == {"a4#s1", "a5#c1"}
    H2.nodes[Q_E]["aliases"].append("x")
    assert "x" not in G.nodes[Q_E]["aliases"]


def test_country_graph(G):
    C = country_graph(G, status="occurred")
    assert C.edges["country:RUS", "country:TUR"]["weight"] == 3  # call, summit, June call
    assert C.edges["country:FRA", "country:RUS"]["weight"] == 2  # summit, video call
    assert C.edges["country:FRA", "country:TUR"]["weight"] == 3  # summit, two talks
    assert sorted(C.edges["country:RUS", "country:TUR"]["contacts"]) == ["a1#c1", "a4#s1", "a5#c1"]
    assert C.nodes["country:FRA"]["name"]
    assert not any(u == v for u, v in C.edges)
    assert country_graph(G, since="2025-06-01").number_of_edges() == 1


def test_citizenship_graph(G):
    B = citizenship_graph(G)
    assert B.edges[Q_E, "country:TUR"]["kind"] == "citizen_of"
    assert B.has_edge("person:dmitry-peskov", "country:RUS")


def test_update_a_graph_from_elsewhere():
    G = nx.MultiGraph()
    G.add_node(Q_P, kind="person", name="Vladimir Putin")
    G.add_node(Q_E, kind="person", name="Recep Tayyip Erdoğan")
    G.add_edge(Q_P, Q_E, key="old", kind="contact", contact_id="old", type="meeting",
               status="occurred", date_start="2025-01-05", date_end="2025-01-05")
    G.add_edge(Q_P, Q_E, key="other", kind="note")  # not a contact: left alone
    update_graph(G, [Extraction("n1", people=[ERDOGAN, PUTIN], contacts=[
        contact("c", "talks", [ERDOGAN, PUTIN], date=day("2025-01-05"))])])
    d = G.edges[Q_P, Q_E, "old"]
    assert (d["mentions"], d["sources"], d["types"]) == (2, ["n1"], ["meeting", "talks"])
    assert G.edges[Q_P, Q_E, "other"] == {"kind": "note"}
    assert G.nodes[Q_E]["country"] == "TUR" and G.nodes[Q_P]["aliases"] == ["Putin"]
    with pytest.raises(nx.NetworkXError):
        update_graph(nx.MultiDiGraph(), [])


def test_malformed_input_is_reported_and_the_graph_stays_usable():
    from diplograph.errors import InputError

    docs = corpus()
    G = build_graph(docs[:1])
    bad = {"doc_id": "bad", "contacts": [{"id": "c1", "type": "talks"}]}  # no status
    with pytest.raises(InputError, match="#1.*'bad'.*status"):
        update_graph(G, [docs[1], bad, docs[2]])
    assert G.graph["documents"] == ["a1", "a2"]
    assert G.edges[Q_E, Q_P, "a1#c1"]["mentions"] == 2
    with pytest.raises(InputError, match="not str"):
        build_graph(["a text"])


def test_undated_reports_merge_only_near_their_publication_dates():
    """An undated "cancelled meeting" of 2018 is not the cancelled meeting of 2025."""
    def doc(doc_id, published):
        return Extraction(doc_id, published, people=[ERDOGAN, PUTIN],
                          contacts=[contact("c", "meeting", [ERDOGAN, PUTIN], "denied")])

    G = build_graph([doc("d2018", "2018-11-30"), doc("d2018b", "2018-12-02"), doc("d2025", "2025-10-22")])
    edges = sorted((d["mentions"], d["sources"]) for _, _, d in G.edges(data=True))
    assert edges == [(1, ["d2025"]), (2, ["d2018", "d2018b"])]
    dated = Extraction("d2025b", "2025-10-23", people=[ERDOGAN, PUTIN],
                       contacts=[contact("c", "meeting", [ERDOGAN, PUTIN], "occurred", day("2019-01-10"))])
    G = update_graph(G, [dated])
    assert not any(d["conflict"] for _, _, d in G.edges(data=True) if "d2025" in d["sources"])
