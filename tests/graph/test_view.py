"""The HTML view: the page's content (no browser), the ``view`` command, and the page in headless Chromium."""
from __future__ import annotations

import datetime as dt
import json
import random
import re

import pytest
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.graph import build_graph
from diplograph.graph.export import write_graph
from diplograph.graph.view import layout_positions, notebook_view, to_html, view_data
from diplograph.types import Contact, Extraction, Mention, Participant, Person, TimeValue

ERDOGAN = Person("wikidata:Q39259", "Recep Tayyip Erdoğan", ["Erdoğan", "Tayyip Erdogan"], country="TUR")
PUTIN = Person("wikidata:Q7747", "Vladimir Putin", ["Putin"], country="RUS")
TRUMP = Person("wikidata:Q22686", "Donald Trump", ["Trump"], country="USA")
ORBAN = Person("wikidata:Q57641", "Viktor Orbán", ["Orbán"], country="HUN")
STUBB = Person("wikidata:Q313212", "Alexander Stubb", ["Stubb"], country="FIN")


def _day(iso: str) -> TimeValue:
    return TimeValue(iso, 0, 5, iso, "day", iso, iso)


def _contact(cid, type_, people, status, date=None, evidence="They talked.", attribution=None):
    return Contact(cid, type_, [Participant.of(p) for p in people], status,
                   date=_day(date) if date else None, attribution=attribution,
                   evidence=[Mention(0, len(evidence), evidence)])


def small_graph():
    """Five people, seven contacts: every status, three types, two years, one undated."""
    a = Extraction("article-a", "2024-03-20", people=[ERDOGAN, PUTIN, TRUMP], contacts=[
        _contact("c1", "phone_call", [ERDOGAN, PUTIN], "occurred", "2024-03-18",
                 "Erdoğan and Putin spoke by phone </script><b>not bold</b>.", "Turkish presidency"),
        _contact("c2", "meeting", [ERDOGAN, PUTIN], "planned", "2024-04-10"),
        _contact("c3", "phone_call", [ERDOGAN, TRUMP], "denied", "2024-03-19", attribution="White House"),
    ])
    b = Extraction("article-b", "2025-02-01", people=[ORBAN, PUTIN, STUBB, TRUMP], contacts=[
        _contact("c4", "visit", [ORBAN, PUTIN], "occurred", "2025-01-28"),
        _contact("c5", "meeting", [STUBB, TRUMP], "possible", "2025-01-30"),
        _contact("c6", "phone_call", [ORBAN, TRUMP], "occurred", "2025-01-31"),
        _contact("c7", "meeting", [STUBB, PUTIN], "occurred"),
    ])
    return build_graph([a, b])


def synthetic_graph(n_people: int = 1000, n_contacts: int = 5000, seed: int = 3):
    """Articles of five contacts among ``n_people`` (Zipf-skewed), dated over two years."""
    rng = random.Random(seed)
    people = [Person(f"wikidata:Q{900000 + i}", f"Leader{i} Name{i}", [f"Name{i}"], country=f"C{i % 60:02d}")
              for i in range(n_people)]
    weights = [1 / (i + 1) ** 0.6 for i in range(n_people)]
    contacts = []
    while len(contacts) < n_contacts:
        a, b = rng.choices(people, weights, k=2)
        if a is b:
            continue
        day = (dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(730))).isoformat()
        contacts.append(_contact(f"c{len(contacts)}", rng.choice(("meeting", "visit", "phone_call", "talks")),
                                 [a, b], rng.choices(("occurred", "planned", "possible", "denied"), (8, 1, 1, 1))[0],
                                 day))
    by_id = {p.id: p for p in people}
    docs = [Extraction(f"doc{i}", "2025-01-01", people=[by_id[x] for x in dict.fromkeys(
        p.id for c in contacts[i:i + 5] for p in c.participants)], contacts=contacts[i:i + 5])
        for i in range(0, len(contacts), 5)]
    return build_graph(docs)


def _page_data(page_html: str) -> dict:
    m = re.search(r'<script id="diplograph-data" type="application/json">(.*?)</script>', page_html, re.S)
    return json.loads(m.group(1))


# ------------------------------------------------------------------ the page's content
def test_page_is_self_contained():
    html = to_html(small_graph(), title="Test")
    assert "<title>Test</title>" in html
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", html, re.I), "nothing loaded from elsewhere"
    assert not re.search(r"https?://[^\"'\s]*\.(js|css)\b", html), "no script or style URL"
    assert "cytoscape" in html and "diplograph-data" in html


def test_evidence_cannot_close_the_script():
    html = to_html(small_graph())
    data = _page_data(html)  # the regex stops at the first </script>: the JSON must be whole before it
    texts = [ev["text"] for e in data["edges"] for ev in e["evidence"]]
    assert any("</script><b>not bold</b>" in t for t in texts)


def test_view_data_nodes_and_edges():
    data = view_data(small_graph())
    names = {n["label"]: n for n in data["nodes"]}
    assert set(names) == {"Recep Tayyip Erdoğan", "Vladimir Putin", "Donald Trump", "Viktor Orbán", "Alexander Stubb"}
    assert names["Vladimir Putin"]["contacts"] == 4
    assert names["Vladimir Putin"]["countryName"] == "Russia"
    assert "erdogan" in " ".join(names["Recep Tayyip Erdoğan"]["keys"])
    assert len({n["color"] for n in data["nodes"]}) == 5  # five countries, five colours
    edges = {e["cid"]: e for e in data["edges"]}
    assert len(edges) == 7
    call = next(e for e in edges.values() if e["type"] == "phone_call" and e["status"] == "occurred"
                and e["date"] == "2024-03-18")
    assert call["attributions"] == ["Turkish presidency"]
    assert call["sources"] == [{"doc": "article-a", "published": "2024-03-20"}]
    undated = [e for e in edges.values() if e["start"] is None]
    assert len(undated) == 1


def test_isolated_people_are_left_out_unless_asked():
    G = small_graph()
    G.add_node("person:nobody", kind="person", name="No Body", aliases=[], country=None)
    assert "No Body" not in {n["label"] for n in view_data(G)["nodes"]}
    assert "No Body" in {n["label"] for n in view_data(G, include_isolates=True)["nodes"]}


def test_layout_is_deterministic_and_separates_parts():
    G = small_graph()
    assert layout_positions(G) == layout_positions(G)
    assert to_html(G) == to_html(G)
    pos = layout_positions(G)
    assert len({(round(x, 3), round(y, 3)) for x, y in pos.values()}) == len(pos)


def test_given_positions_are_used_and_checked():
    G = small_graph()
    pos = {n: (i, 0) for i, n in enumerate(G)}
    data = view_data(G, pos=pos)
    xs = [n["x"] for n in sorted(data["nodes"], key=lambda n: n["x"])]
    assert xs == sorted(xs) and xs[0] == 0
    with pytest.raises(ValueError, match="no position"):
        view_data(G, pos={})


def test_notebook_view_is_an_iframe():
    out = notebook_view(small_graph(), height=400)._repr_html_()
    assert out.startswith("<iframe srcdoc=") and 'height="400"' in out
    assert "<script" not in out  # the page is escaped inside the attribute


def test_view_command_reads_graph_files_and_extractions(tmp_path):
    G = small_graph()
    graphml = tmp_path / "g.graphml"
    write_graph(G, graphml)
    runner = CliRunner()
    out = tmp_path / "a.html"
    r = runner.invoke(app, ["view", str(graphml), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "7 contacts" in r.output and out.exists()
    assert len(_page_data(out.read_text(encoding="utf-8"))["edges"]) == G.number_of_edges()

    from diplograph.batch.distributed import dumps_extraction

    parts = tmp_path / "ex.jsonl"
    parts.write_text(dumps_extraction(Extraction("x", "2024-01-02", people=[ERDOGAN, PUTIN], contacts=[
        _contact("c1", "meeting", [ERDOGAN, PUTIN], "occurred", "2024-01-01")])) + "\n", encoding="utf-8")
    r = runner.invoke(app, ["view", str(parts), "-o", str(tmp_path / "b.html")])
    assert r.exit_code == 0, r.output
    assert "1 contact:" in r.output


def test_view_command_names_a_bad_file(tmp_path):
    bad = tmp_path / "bad.graphml"
    bad.write_text("not xml", encoding="utf-8")
    r = CliRunner().invoke(app, ["view", str(bad), "-o", str(tmp_path / "x.html")])
    assert r.exit_code == 1
    assert "bad.graphml" in r.output and not (tmp_path / "x.html").exists()


# ------------------------------------------------------------------ in the browser
def _open(page, tmp_path, G, name="view.html"):
    path = tmp_path / name
    to_html(G, path, title="Browser test")
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=60_000)
    page.requests = requests
    return path


def _visible_edges(page) -> int:
    return page.evaluate("diplograph.cy.edges().filter(e => !e.hasClass('hidden')).length")


def _painted_pixels(page) -> int:
    return page.evaluate("""() => {
        let n = 0;
        for (const c of document.querySelectorAll('#graph canvas')) {
            if (!c.width || !c.height) continue;
            const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
        }
        return n;
    }""")


@pytest.mark.browser
def test_page_loads_draws_and_filters(page, tmp_path):
    _open(page, tmp_path, small_graph())
    assert [m for m in page.messages if m[0] in ("error", "pageerror", "warning")] == []
    assert all(u.startswith(("file:", "data:", "about:")) for u in page.requests), page.requests
    assert page.evaluate("diplograph.cy.nodes().length") == 5
    assert _visible_edges(page) == 7
    page.wait_for_timeout(200)
    assert _painted_pixels(page) > 2000, "the graph is drawn on the canvas"
    assert page.inner_text("#stats").startswith("7 of 7 contacts")

    page.uncheck("input[data-status='occurred']")            # a status filter
    assert _visible_edges(page) == 3
    assert page.inner_text("#stats").startswith("3 of 7 contacts")
    page.uncheck("input[data-type='meeting']")               # and a type filter
    assert _visible_edges(page) == 1                         # the denied call
    page.click("#reset")
    assert _visible_edges(page) == 7

    page.fill("#date-to", "0")                               # the first month only (2024-03)
    page.dispatch_event("#date-to", "input")
    assert page.input_value("#date-to") == page.input_value("#date-from")
    assert page.inner_text("#date-to-label") == "2024-03"
    assert _visible_edges(page) == 3                         # two March 2024 calls and the undated meeting
    page.uncheck("#undated")
    assert _visible_edges(page) == 2
    hidden = page.evaluate("diplograph.cy.nodes().filter(n => n.hasClass('hidden')).map(n => n.data('label'))")
    assert sorted(hidden) == ["Alexander Stubb", "Viktor Orbán"]
    assert [m for m in page.messages if m[0] in ("error", "pageerror")] == []


@pytest.mark.browser
def test_search_and_details(page, tmp_path):
    _open(page, tmp_path, small_graph())
    page.fill("#search", "erdoğan")                          # diacritics fold both ways
    assert page.inner_text("#results li").startswith("Recep Tayyip Erdoğan")
    page.fill("#search", "ORBAN")
    assert page.inner_text("#results li").startswith("Viktor Orbán")
    page.fill("#search", "tayyip erdogan")                   # an alias
    page.press("#search", "Enter")
    assert page.inner_text("#panel h2") == "Recep Tayyip Erdoğan"
    whens = page.eval_on_selector_all("#panel .contact .when", "els => els.map(e => e.textContent)")
    assert whens == ["2024-03-18", "2024-03-19", "2024-04-10"]  # in date order

    page.evaluate("""() => {  // a click on the Erdoğan-Putin call
        const call = diplograph.cy.edges().filter(e => e.data('type') === 'phone_call' && e.data('status') === 'occurred'
            && e.connectedNodes().some(n => n.data('label') === 'Recep Tayyip Erdoğan'))[0];
        call.emit('tap');
    }""")
    panel = page.inner_text("#panel")
    assert "Recep Tayyip Erdoğan – Vladimir Putin" in panel and "2 contacts between them" in panel
    assert "according to Turkish presidency" in panel
    assert "article-a (2024-03-20)" in panel
    assert "</script><b>not bold</b>" in panel               # evidence shown as text, not markup
    assert page.query_selector("#panel b") is None


@pytest.mark.browser
def test_thousand_people_five_thousand_contacts(page, tmp_path):
    G = synthetic_graph()
    assert G.number_of_nodes() >= 950 and G.number_of_edges() >= 4500
    _open(page, tmp_path, G, "big.html")
    assert [m for m in page.messages if m[0] in ("error", "pageerror", "warning")] == []
    assert page.evaluate("diplograph.cy.nodes().length") == sum(1 for n in G if G.degree(n))
    page.wait_for_timeout(300)
    assert _painted_pixels(page) > 20000
    before = _visible_edges(page)
    page.uncheck("input[data-status='occurred']")
    assert 0 < _visible_edges(page) < before / 2
    page.fill("#search", "leader7 name7")
    page.press("#search", "Enter")
    assert page.inner_text("#panel h2") == "Leader7 Name7"
