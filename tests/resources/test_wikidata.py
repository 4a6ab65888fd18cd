"""The user gazetteer: Wikidata SPARQL results mapped to gazetteer rows, written safely, merged over
the packaged gazetteer. No test touches the network: results come from ``tests/data`` fixtures."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import urllib.error
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.errors import InputError
from diplograph.resources.data import data_file
from diplograph.resources.gazetteer import load_gazetteer, merge_rows, parse_partial_date
from diplograph.resources.wikidata import (UpdateRefused, parse_sparql_json, rows_from_sparql,
                                          update_user_gazetteer, user_gazetteer_path)

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "data" / "wikidata_officeholders.json"


@pytest.fixture()
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_DATA_DIR", str(tmp_path / "user-data"))
    return tmp_path / "user-data"


def _rows():
    return rows_from_sparql(parse_sparql_json(FIXTURE.read_bytes(), str(FIXTURE)))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ------------------------------------------------------------------ mapping
def test_bindings_map_to_gazetteer_rows():
    rows = {r["name"]: r for r in _rows()}
    assert set(rows) == {"Alfred Mutua", "Tomasz Weryński", "Halvard Ødegård-Lunde"}  # 1990s term dropped
    mutua = rows["Alfred Mutua"]
    assert mutua["id"] == "wikidata:Q16212421" and mutua["country"] == "KEN"
    assert mutua["aliases"] == ["Alfred Nganga Mutua"]  # "Dr. Alfred Mutua" is the name with a title
    assert mutua["terms"] == [{"role": "foreign_minister", "title": "foreign minister",
                               "start": "2022-10-27", "end": "2023-10-05"}]
    term = rows["Halvard Ødegård-Lunde"]["terms"][0]
    assert (term["start"], term["end"], term["title"]) == ("2021", "2023-05", "press secretary")  # precision kept
    assert rows["Tomasz Weryński"]["terms"][0]["office"].startswith("Spokesperson of the Ministry")


@pytest.mark.parametrize("raw, message", [
    (b'{"head": {"vars": []}, "results": {"bindings": [', "not a SPARQL JSON result"),
    (b'{"head": {"vars": []}}', "no results.bindings"),
    (json.dumps({"results": {"bindings": [{"person": {"value": "http://www.wikidata.org/entity/Q1"}}]}}).encode(),
     "binding without personLabel"),
])
def test_bad_results_are_named(raw, message):
    with pytest.raises(InputError, match=message) as e:
        parse_sparql_json(raw, "result.json")
    assert "result.json" in str(e.value)


# ------------------------------------------------------------------ writing the user gazetteer
def test_update_writes_the_user_gazetteer(data_dir):
    s = update_user_gazetteer(FIXTURE)
    path = user_gazetteer_path()
    assert path == data_dir / "leaders.jsonl" and s["people"] == 3 and s["replaced"] == 0
    assert [json.loads(line)["name"] for line in path.read_text(encoding="utf-8").splitlines()][0] == "Alfred Mutua"
    assert json.loads(path.with_suffix(".meta.json").read_text())["source"] == str(FIXTURE)


def test_a_failed_or_partial_result_keeps_the_good_file(data_dir, tmp_path):
    update_user_gazetteer(FIXTURE)
    good = _digest(user_gazetteer_path())
    cut = tmp_path / "cut.json"
    cut.write_bytes(FIXTURE.read_bytes()[:700])
    with pytest.raises(InputError, match="cut short"):
        update_user_gazetteer(cut)

    def offline() -> bytes:
        raise urllib.error.URLError("no network")

    with pytest.raises(InputError, match="download failed"):
        update_user_gazetteer(fetch=offline)
    small = json.loads(FIXTURE.read_text(encoding="utf-8"))
    small["results"]["bindings"] = small["results"]["bindings"][:1]
    one = tmp_path / "one.json"
    one.write_text(json.dumps(small), encoding="utf-8")
    with pytest.raises(UpdateRefused, match="partial"):
        update_user_gazetteer(one)
    assert _digest(user_gazetteer_path()) == good
    assert update_user_gazetteer(one, force=True)["people"] == 1


def test_online_update_uses_the_fetched_result(data_dir):
    s = update_user_gazetteer(fetch=FIXTURE.read_bytes)  # the download, stood in for
    assert s["people"] == 3 and s["source"].startswith("https://")


# ------------------------------------------------------------------ merging over the packaged gazetteer
BASE = [
    {"id": "wikidata:Q1", "name": "Ana Ruiz", "country": "ESP", "aliases": [], "terms": [
        {"role": "foreign_minister", "title": "foreign minister", "start": "2019-01-10", "end": None},
        {"role": "head_of_state", "title": "president", "start": "2015-01-01", "end": None,
         "also_head_of_government_from": "2016-01-01"}]},
    {"id": "person:li-wei", "name": "Li Wei", "country": "CHN", "aliases": [], "terms": [
        {"role": "spokesperson", "title": "spokesperson", "start": "2020-01-01", "end": None}]},
]


def test_updated_terms_replace_overlapping_ones_and_keep_what_only_the_old_knew():
    over = [{"id": "wikidata:Q1", "name": "Ana Ruiz García", "country": "ESP", "aliases": [], "terms": [
        {"role": "foreign_minister", "title": "foreign minister", "start": "2019-01-10", "end": "2023-05-02"},
        {"role": "head_of_state", "title": "president", "start": "2015-01-01", "end": None}]}]
    rows = merge_rows(BASE, over)
    ana = rows[0]
    assert ana["name"] == "Ana Ruiz" and ana["aliases"] == ["Ana Ruiz García"]
    fm = [t for t in ana["terms"] if t["role"] == "foreign_minister"]
    assert fm == [{"role": "foreign_minister", "title": "foreign minister", "start": "2019-01-10", "end": "2023-05-02"}]
    hos = next(t for t in ana["terms"] if t["role"] == "head_of_state")
    assert hos["also_head_of_government_from"] == "2016-01-01"
    assert BASE[0]["terms"][0]["end"] is None  # the packaged rows are not changed


def test_same_person_by_name_and_country_and_successors_close_open_terms():
    over = [{"id": "wikidata:Q77", "name": "Li Wei", "country": "CHN", "aliases": ["Wei Li"], "terms": [
                {"role": "spokesperson", "title": "spokesperson", "start": "2020-01-01", "end": "2024-01-01"}]},
            {"id": "wikidata:Q88", "name": "Marta Gil", "country": "ESP", "aliases": [], "terms": [
                {"role": "foreign_minister", "title": "foreign minister", "start": "2024-03-01", "end": None}]}]
    rows = merge_rows(BASE, over)
    assert len(rows) == 3
    li = rows[1]
    assert li["id"] == "person:li-wei" and li["wikidata"] == "Q77" and li["terms"][0]["end"] == "2024-01-01"
    ana_fm = next(t for t in rows[0]["terms"] if t["role"] == "foreign_minister")
    assert ana_fm["end"] == "2024-03-01" and ana_fm["end_inferred"]


def test_load_gazetteer_merges_the_user_file(data_dir):
    before = load_gazetteer()
    assert not before.by_name("Tomasz Weryński")
    packaged = before.by_id["wikidata:Q16212421"]
    assert [t.end for t in packaged.terms if t.role == "foreign_minister"] == [parse_partial_date("2023-10-04")]
    update_user_gazetteer(FIXTURE)
    after = load_gazetteer()  # the cache sees the new file
    assert [p.country for p in after.by_name("Tomasz Werynski")] == ["POL"]
    m = after.by_id["wikidata:Q16212421"]
    assert [t.end for t in m.terms if t.role == "foreign_minister"] == [parse_partial_date("2023-10-05")]


# ------------------------------------------------------------------ the commands
def test_gazetteer_commands(data_dir):
    packaged = {p.name: _digest(p) for p in data_file("resources", "leaders.jsonl").parent.glob("*.jsonl")}
    runner = CliRunner()
    r = runner.invoke(app, ["gazetteer", "update", "--from", str(FIXTURE)])
    assert r.exit_code == 0, r.output
    assert "3 people, 3 terms" in r.output
    r = runner.invoke(app, ["gazetteer", "show", "werynski"])
    assert r.exit_code == 0, r.output
    assert "Tomasz Weryński  [wikidata:Q999000001]  POL" in r.output and "2024-06-03 – open" in r.output
    r = runner.invoke(app, ["gazetteer", "update", "--from", str(data_dir / "missing.json")])
    assert r.exit_code == 1 and "unchanged" in r.output
    r = runner.invoke(app, ["gazetteer", "show", "Nobody Atall"])
    assert r.exit_code == 1
    assert {p.name: _digest(p) for p in data_file("resources", "leaders.jsonl").parent.glob("*.jsonl")} == packaged


@pytest.mark.slow
def test_extract_resolves_a_person_only_the_update_knows(data_dir, tmp_path):
    """The whole path, as a user runs it: update from the fixture, then extract in a new process."""
    text = tmp_path / "a.txt"
    text.write_text("Weryński met the Czech ambassador in Warsaw on Tuesday. Weryński later spoke by "
                    "phone with Hungarian Foreign Minister Péter Szijjártó.", encoding="utf-8")
    env = dict(os.environ, DIPLOGRAPH_DATA_DIR=str(data_dir), PYTHONPATH=os.pathsep.join(sys.path))

    def extract() -> dict:
        out = tmp_path / "out.jsonl"
        subprocess.run([sys.executable, "-m", "diplograph.cli", "extract", str(text), "--published",
                        "2025-02-12", "-o", str(out), "-q"], env=env, check=True, timeout=600)
        return json.loads(out.read_text(encoding="utf-8"))

    people = {p["name"]: p for p in extract()["people"]}
    assert "Tomasz Weryński" not in people
    update_user_gazetteer(FIXTURE)
    people = {p["name"]: p for p in extract()["people"]}
    assert people["Tomasz Weryński"]["id"] == "wikidata:Q999000001"
    assert people["Tomasz Weryński"]["country"] == "POL"
