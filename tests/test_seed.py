"""The seed article end to end: the facts issue #2 names, through the API, the CLI and GraphML."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

import diplograph

SEED = Path(__file__).resolve().parents[1] / "seeds" / "caliber_az_erdogan_putin_trump_contacts.txt"
PUBLISHED = json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))["assumed_published"]


@pytest.fixture(scope="module")
def seed(nlp):
    return diplograph.extract(SEED.read_text(encoding="utf-8"), published=PUBLISHED, doc_id=SEED.name)


def _person(ex, surname):
    found = [p for p in ex.people if p.name.endswith(surname)]
    assert len(found) == 1, [p.name for p in ex.people]
    return found[0]


def _contacts(ex, *surnames, type=None, status=None):
    out = []
    for c in ex.contacts:
        names = {p.name.split()[-1] for p in c.participants if p.kind == "person"}
        if set(surnames) <= names and (type is None or c.type == type) and (status is None or c.status == status):
            out.append(c)
    return out


def test_people(seed):
    erdogan = _person(seed, "Erdoğan")
    assert (erdogan.name, erdogan.country, erdogan.role) == ("Recep Tayyip Erdoğan", "TUR", "president")
    assert {"Erdogan", "Erdoğan"} <= set(erdogan.aliases)  # one person under both spellings
    putin, trump, peskov = _person(seed, "Putin"), _person(seed, "Trump"), _person(seed, "Peskov")
    assert (putin.country, putin.role) == ("RUS", "president")
    assert (trump.country, trump.role) == ("USA", "president")
    assert (peskov.country, peskov.role) == ("RUS", "press secretary")
    # "Trump" is one person although the model tags some of his mentions ORG
    assert len(trump.mentions) == 7


def test_byline_author_takes_part_in_nothing(seed):
    authors = [p for p in seed.people if p.is_author]
    assert [a.name for a in authors] == ["Aghakazim Guliyev"]
    ids = {p.id for c in seed.contacts for p in c.participants}
    assert authors[0].id not in ids


def test_erdogan_trump_call_is_one_contact(seed):
    calls = _contacts(seed, "Erdoğan", "Trump")
    assert len(calls) == 1
    call = calls[0]
    assert (call.type, call.status, call.date.value) == ("phone_call", "occurred", "2025-03-16")
    texts = [e.text for e in call.evidence]
    assert any(t.startswith("Erdoğan spoke with Trump on March 16") for t in texts)
    assert any("held a significant phone conversation with Trump" in t for t in texts)


def test_rumoured_erdogan_putin_call(seed):
    (call,) = _contacts(seed, "Erdoğan", "Putin", type="phone_call", status="possible")
    assert call.date.value == "2025-W12"
    assert call.attribution == "Hürriyet"


def test_denied_erdogan_putin_contact(seed):
    denied = _contacts(seed, "Erdoğan", "Putin", status="denied")
    assert {c.type for c in denied} <= {"meeting", "phone_call"} and denied
    assert all(c.date is not None and c.date.value == "2025-W12" for c in denied)
    assert any(c.attribution in ("Dmitry Peskov", "Kremlin") for c in denied)


def test_possible_visit_to_the_us(seed):
    visits = [c for c in seed.contacts if c.type == "visit"]
    assert len(visits) == 1
    (visit,) = visits
    assert visit.status == "possible" and visit.date.value == "2025-04"
    kinds = {(p.kind, p.name if p.kind == "person" else p.country) for p in visit.participants}
    assert kinds == {("person", "Recep Tayyip Erdoğan"), ("country", "USA")}


def test_evidence_offsets_point_into_the_text(seed):
    text = SEED.read_text(encoding="utf-8")
    for c in seed.contacts:
        for e in c.evidence + c.triggers:
            assert text[e.start:e.end] == e.text
    for p in seed.people:
        for m in p.mentions:
            assert text[m.start:m.end] == m.text


def test_roundtrip_through_dict(seed):
    again = diplograph.Extraction.from_dict(json.loads(json.dumps(seed.to_dict())))
    assert again == seed


def test_cli_summary_and_graphml(tmp_path, nlp):
    from typer.testing import CliRunner

    from diplograph.cli import app

    out = tmp_path / "contacts.graphml"
    res = CliRunner().invoke(app, ["extract", str(SEED), "--published", PUBLISHED, "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "Recep Tayyip Erdoğan" in res.output and "2025-03-16" in res.output
    g = nx.read_graphml(out)
    names = {d.get("name") for _, d in g.nodes(data=True)}
    assert {"Recep Tayyip Erdoğan", "Vladimir Putin", "Donald Trump", "Dmitry Peskov"} <= names
    by_name = {d.get("name"): n for n, d in g.nodes(data=True)}
    edges = g.get_edge_data(by_name["Recep Tayyip Erdoğan"], by_name["Donald Trump"])
    assert [(d["type"], d["status"], d["date"]) for d in edges.values()] == [("phone_call", "occurred", "2025-03-16")]
    statuses = {d["status"] for d in g.get_edge_data(by_name["Recep Tayyip Erdoğan"], by_name["Vladimir Putin"]).values()}
    assert statuses == {"possible", "denied"}
