"""Dask: partitions, and a run on a 2-worker LocalCluster equal to the single-process run."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.batch.distributed import extract_dask, part_files, plan_partitions

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "caliber_az_erdogan_putin_trump_contacts.txt"
SENTENCES = [
    "Prime Minister Lena Varga met President Tomas Ruel in Budapest on Monday.",
    "Foreign Minister Ada Novak spoke by phone with her Czech counterpart on Friday.",
    "President Tomas Ruel will visit Vienna next week for talks with Chancellor Ida Holm.",
    "The two leaders did not meet during the summit, a spokesman said.",
]


def _corpus(root: Path) -> Path:
    (root / "txt").mkdir(parents=True)
    for i, s in enumerate(SENTENCES):
        (root / "txt" / f"{i}.txt").write_text(s, encoding="utf-8")
    lines = [json.dumps({"id": f"n{i}", "text": " ".join(SENTENCES[i % 4:] + SENTENCES[:i % 4]),
                         "published": f"2025-03-{10 + i:02d}", "title": f"t{i}"})
             for i in range(9)]
    lines.insert(4, '{"id": "broken", ')  # a bad line: reported the same way in both runs
    (root / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_plan_partitions(tmp_path):
    root = _corpus(tmp_path)
    parts = plan_partitions([root / "txt", root / "news.jsonl", {"text": "x"}, ("y", None, "id")],
                            partition_size=3)
    kinds = [[u[0] for u in p] for p in parts]
    assert kinds == [["text"] * 3, ["text"], ["jsonl"], ["jsonl"], ["jsonl"], ["jsonl"], ["items"]]
    assert [p[0][4] for p in parts[2:6]] == [1, 4, 7, 10]          # first line of each slice
    assert parts[-1] == [("items", [{"text": "x"}, ("y", None, "id")], 0)]
    with pytest.raises(Exception, match="not int"):
        plan_partitions([3])


def test_part_files_order(tmp_path):
    for i in (10, 2, 0):
        (tmp_path / f"part-{i:05d}.jsonl").write_text("")
    (tmp_path / "errors.jsonl").write_text("")
    assert [p.name for p in part_files(tmp_path)] == ["part-00000.jsonl", "part-00002.jsonl",
                                                      "part-00010.jsonl"]


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as c:
        with distributed.Client(c) as client:
            yield c, client


@pytest.mark.slow
def test_dask_run_equals_single_process(cluster, tmp_path, nlp):
    c, client = cluster
    root = _corpus(tmp_path / "in")
    runner = CliRunner()
    single = tmp_path / "single"
    single.mkdir()
    res = runner.invoke(app, ["extract", str(root), str(SEED), "--published", "2025-03-18",
                              "-o", str(single / "all.jsonl"), "-o", str(single / "g.graphml"),
                              "-q"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    expected = (single / "all.jsonl").read_text(encoding="utf-8")

    # the Python function on the user's cluster (a Client)
    run = extract_dask([root, SEED], tmp_path / "parts", client, published="2025-03-18",
                       partition_size=3)
    parts = part_files(tmp_path / "parts")
    assert [str(p) for p in parts] == run["parts"] and len(parts) == 6  # jsonl 4, txt 2
    assert "".join(p.read_text(encoding="utf-8") for p in parts) == expected
    assert run["docs"] == len(expected.splitlines()) == 14 and run["errors"] == 1
    (err,) = [json.loads(x) for x in Path(run["errors_file"]).read_text().splitlines()]
    assert (err["source"], err["line"]) == (str(root / "news.jsonl"), 5)

    # the CLI on the same cluster by its address; parts into a folder, merged graph, merged jsonl
    out = tmp_path / "cli"
    res = runner.invoke(app, ["extract", str(root), str(SEED), "--published", "2025-03-18",
                              "--dask", c.scheduler_address, "--partition-size", "4",
                              "-o", str(out / "parts"), "-o", str(out / "all.jsonl")],
                        catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert "14 articles" in res.stdout and "1 bad input skipped" in res.stdout
    assert (out / "all.jsonl").read_text(encoding="utf-8") == expected
    assert (out / "parts" / "errors.jsonl").exists()

    # diplograph graph merges the parts into the same graph as the single run
    res = runner.invoke(app, ["graph", str(out / "parts"), "-o", str(out / "g.graphml"), "-q"],
                        catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert (out / "g.graphml").read_bytes() == (single / "g.graphml").read_bytes()


@pytest.mark.slow
def test_dask_items_and_stale_parts(cluster, tmp_path, nlp):
    _, client = cluster
    items = [{"text": s, "id": f"i{i}", "published": "2025-03-18"} for i, s in enumerate(SENTENCES)]
    out = tmp_path / "parts"
    out.mkdir()
    (out / "part-00009.jsonl").write_text("stale\n")
    run = extract_dask(items, out, client, partition_size=3)
    assert [p.name for p in part_files(out)] == ["part-00000.jsonl", "part-00001.jsonl"]
    import diplograph

    expected = [e.to_dict() for e in diplograph.extract_many(items)]
    got = [json.loads(x) for p in part_files(out) for x in p.read_text().splitlines()]
    assert got == expected and run["errors"] == 0 and run["errors_file"] is None
    bad = items + [{"id": "no-text"}]
    with pytest.raises(diplograph.InputError, match="item:4 field 'text'"):
        extract_dask(bad, tmp_path / "p2", client, on_error="fail")


@pytest.mark.slow
def test_cli_dask_without_address_starts_a_local_cluster(tmp_path, nlp):
    pytest.importorskip("distributed")
    src = tmp_path / "news.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": s}) + "\n"
                           for i, s in enumerate(SENTENCES)), encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["extract", str(src), "--published", "2025-03-18", "--dask",
                              "--n-process", "2", "--partition-size", "2",
                              "-o", str(tmp_path / "all.jsonl")], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert "4 articles" in res.stdout and "2 partitions" in res.stdout
    import diplograph

    got = [json.loads(x) for x in (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    items = [{"id": f"d{i}", "text": s, "published": "2025-03-18"} for i, s in enumerate(SENTENCES)]
    assert got == [e.to_dict() for e in diplograph.extract_many(items)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.jsonl", "news.jsonl"]  # temp parts gone
