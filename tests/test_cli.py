"""The diplograph command line (structure only: content assertions belong to the component tests)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplograph import cli
from diplograph.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "caliber_az_erdogan_putin_trump_contacts.txt"
GOLD = ROOT / "tests" / "data" / "gold_small.jsonl"
A = "Prime Minister Lena Varga met President Tomas Ruel in Budapest on Monday."
B = "Foreign Minister Ada Novak spoke by phone with her Czech counterpart on Friday."


@pytest.fixture
def runner():
    return CliRunner()


def _flat(s: str) -> str:
    """Text of a (possibly boxed and wrapped) usage error, on one line."""
    return " ".join(re.sub(r"[\u2500-\u257f]", " ", s).split())


def _run(runner, args, **kw):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False, **kw)


def _bad_corpus(path: Path) -> Path:
    rows = [json.dumps({"id": "one", "text": A, "published": "2025-03-17"}),
            '{"id": "broken", "text": ',
            json.dumps({"id": "nodate", "text": B, "published": "2025-13-45"}),
            json.dumps({"id": "two", "text": B})]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_readme_command_on_the_seed(runner, tmp_path, nlp):
    out = tmp_path / "contacts.graphml"
    res = _run(runner, ["extract", SEED, "--published", "2025-03-18", "-o", out,
                        "-o", tmp_path / "contacts.jsonl"])
    assert res.exit_code == 0, res.output
    first = res.stdout.splitlines()[0]
    assert first.startswith(str(SEED)) and "(published 2025-03-18)" in first
    assert "people" in first and "contacts" in first
    assert f"wrote {out} (graphml)" in res.stdout
    from diplograph.graph.export import read_graph

    G = read_graph(out)
    assert G.is_multigraph()
    (line,) = (tmp_path / "contacts.jsonl").read_text(encoding="utf-8").splitlines()
    d = json.loads(line)
    assert d["doc_id"] == str(SEED) and d["published"] == "2025-03-18"
    assert set(d) >= {"people", "countries", "dates", "contacts", "meta"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.graphml", "contacts.jsonl"]


def test_without_output_only_a_summary(runner, tmp_path, monkeypatch, nlp):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(A, encoding="utf-8")
    res = _run(runner, ["extract", "a.txt"])
    assert res.exit_code == 0 and res.stdout.startswith("a.txt:")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    res = _run(runner, ["extract", "a.txt", "--quiet"])
    assert res.exit_code == 0 and res.stdout == ""


@pytest.mark.parametrize("n_process", [1, 2])
def test_corpus_with_bad_lines_is_skipped_and_reported(runner, tmp_path, nlp, n_process):
    src = _bad_corpus(tmp_path / "news.jsonl")
    (tmp_path / "plain.txt").write_text(A, encoding="utf-8")
    out = tmp_path / "out" / "x.jsonl"
    out.parent.mkdir()
    res = _run(runner, ["extract", src, tmp_path / "plain.txt", "-o", out,
                        "--published", "2025-03-18", "--batch-size", "2", "--n-process", n_process])
    assert res.exit_code == 0, res.output
    assert f"skipped: {src}:2: malformed JSON" in res.stderr
    assert f"skipped: {src}:3 field 'published'" in res.stderr
    assert "3 articles:" in res.stdout and "2 bad inputs skipped" in res.stdout
    docs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [(d["doc_id"], d["published"]) for d in docs] == [
        ("one", "2025-03-17"), ("two", "2025-03-18"), (str(tmp_path / "plain.txt"), "2025-03-18")]
    errors = [json.loads(x) for x in (out.parent / "x.errors.jsonl").read_text().splitlines()]
    assert [(e["source"], e["line"], e["field"]) for e in errors] == [
        (str(src), 2, None), (str(src), 3, "published")]
    assert all(set(e) == {"source", "line", "field", "error"} for e in errors)


def test_on_error_fail_stops_and_writes_nothing(runner, tmp_path, nlp):
    src = _bad_corpus(tmp_path / "news.jsonl")
    res = _run(runner, ["extract", src, "--on-error", "fail", "-o", tmp_path / "o.jsonl",
                        "-o", tmp_path / "o.graphml", "--errors-file", tmp_path / "e.jsonl"])
    assert res.exit_code == 1
    assert f"error: {src}:2: malformed JSON" in res.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.jsonl"]  # no output, no temp file


def test_interrupted_run_leaves_no_file(runner, tmp_path, monkeypatch, nlp):
    import diplograph.batch.corpus as corpus

    real = corpus.extract_corpus

    def interrupted(*args, **kw):
        for i, pair in enumerate(real(*args, **kw)):
            yield pair
            raise KeyboardInterrupt

    monkeypatch.setattr(corpus, "extract_corpus", interrupted)
    src = _bad_corpus(tmp_path / "news.jsonl")
    res = _run(runner, ["extract", src, "-o", tmp_path / "o.jsonl", "-o", tmp_path / "o.gexf"])
    assert res.exit_code == 130 and "interrupted" in res.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.jsonl"]


def test_usage_errors(runner, tmp_path):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    res = _run(runner, ["extract", tmp_path / "a.txt", "--published", "2025-13-45"])
    assert res.exit_code == 2 and "not a calendar date" in _flat(res.stderr)
    res = _run(runner, ["extract", tmp_path / "missing.txt"])
    assert res.exit_code == 2 and "no such file or folder" in _flat(res.stderr)
    res = _run(runner, ["extract", tmp_path / "a.txt", "-o", tmp_path / "out.xyz"])
    assert res.exit_code == 2 and "cannot tell the format" in _flat(res.stderr)
    res = _run(runner, ["extract", tmp_path / "a.txt", "-o", tmp_path / "a.x", "-o", tmp_path / "b.x",
                        "--format", "jsonl"])
    assert res.exit_code == 2 and "one --format per output" in _flat(res.stderr)


def test_explicit_format(runner, tmp_path, nlp):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    res = _run(runner, ["extract", tmp_path / "a.txt", "-o", tmp_path / "out.data", "--format", "jsonl",
                        "-q"])
    assert res.exit_code == 0 and res.stdout == ""
    assert json.loads((tmp_path / "out.data").read_text())["doc_id"] == str(tmp_path / "a.txt")


def test_graph_merges_extraction_files(runner, tmp_path, nlp):
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"id": "1", "text": A}) + "\n" + json.dumps({"id": "2", "text": B}) + "\n")
    assert _run(runner, ["extract", src, "-o", tmp_path / "all.jsonl", "-q"]).exit_code == 0
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    parts = tmp_path / "parts"
    parts.mkdir()
    for i, line in enumerate(lines):
        (parts / f"part-{i:05d}.jsonl").write_text(line + "\n", encoding="utf-8")
    res = _run(runner, ["graph", parts, "-o", tmp_path / "g.graphml", "-o", tmp_path / "g.json"])
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("2 extractions from 2 files")
    from diplograph.graph.export import read_graph
    from diplograph.graph import build_graph

    direct = build_graph(json.loads(x) for x in lines)
    merged = read_graph(tmp_path / "g.json")
    assert sorted(merged.nodes) == sorted(direct.nodes)
    assert merged.graph.get("documents") == direct.graph.get("documents")


def test_graph_bad_line_is_named(runner, tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text('{"doc_id": "a", "contacts": []}\nnot json\n', encoding="utf-8")
    res = _run(runner, ["graph", p, "-o", tmp_path / "g.graphml"])
    assert res.exit_code == 1 and f"{p}:2: malformed JSON" in res.stderr
    assert not (tmp_path / "g.graphml").exists()
    res = _run(runner, ["graph", p, "-o", tmp_path / "g.jsonl"])
    assert res.exit_code == 2


def test_evaluate_command(runner, nlp):
    res = _run(runner, ["evaluate", GOLD, "--json"])
    assert res.exit_code == 0
    scores = json.loads(res.stdout)
    assert scores["docs"] == 3 and scores["gold_pairs"] == 5.5 and "pair_f1" in scores
    res = _run(runner, ["evaluate", GOLD, "--show"])
    assert res.exit_code == 0 and "pair_f1" in res.stdout


def test_evaluate_show_lists_misses(runner, nlp, tmp_path):
    # a gold contact the text does not state: no extractor can find it, --show must list it
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "id": "x1", "published": "2024-05-15", "text": "Scholz gave a speech in Berlin on Tuesday.",
        "contacts": [{"participants": [["olaf scholz", "scholz"], ["emmanuel macron", "macron"]],
                      "type": "meeting", "date": "2024-05-14", "status": "occurred"}]}) + "\n", encoding="utf-8")
    res = _run(runner, ["evaluate", str(gold), "--show"])
    assert res.exit_code == 0 and "MISSED" in res.stdout


@pytest.mark.parametrize("args, expected", [
    (["--dask", "{p}"], None),
    (["{p}", "--dask"], None),
    (["--dask", "tcp://10.0.0.5:8786", "{p}"], "tcp://10.0.0.5:8786"),
    (["{p}", "--dask", "scheduler.local:8786"], "scheduler.local:8786"),
    (["--dask=tls://h:1", "{p}"], "tls://h:1"),
])
def test_dask_option_takes_an_optional_address(runner, tmp_path, monkeypatch, args, expected):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    seen = {}
    monkeypatch.setattr(cli, "_extract_dask", lambda paths, outputs, **kw: seen.update(kw, paths=paths))
    res = _run(runner, ["extract"] + [a.format(p=tmp_path / "a.txt") for a in args])
    assert res.exit_code == 0, res.output
    assert seen["scheduler"] == expected and seen["paths"] == [tmp_path / "a.txt"]


def test_version(runner):
    res = _run(runner, ["--version"])
    assert res.exit_code == 0 and res.stdout.startswith("diplograph ")


def test_yearless_dates_get_a_hint_and_counts_agree_in_number(runner, tmp_path, nlp):
    one = tmp_path / "one.txt"
    one.write_text("Foreign Minister Ada Novak met Prime Minister Lena Varga in Prague on March 16.",
                   encoding="utf-8")
    res = _run(runner, ["extract", one])
    assert res.exit_code == 0, res.output
    first = res.stdout.splitlines()[0]
    assert "2 people" in first and "1 contact" in first and "1 contacts" not in first
    assert "XXXX-03-16" in res.stdout and "--published YYYY-MM-DD" in res.stdout
    res = _run(runner, ["extract", one, "--published", "2025-03-20"])
    assert "2025-03-16" in res.stdout and "note:" not in res.stdout


def test_plural_wording(runner):
    assert cli._plural(1, "bad input") == "1 bad input" and cli._plural(2, "partition") == "2 partitions"
    assert cli._plural(1, "person") == "1 person" and cli._plural(0, "person") == "0 people"
