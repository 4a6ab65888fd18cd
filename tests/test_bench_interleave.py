"""bench/bench_modes.py's interleaved method: every run reads the whole corpus once per repeat, in
chunks, the order of the runs rotating from chunk to chunk; ratios per repeat and their median."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _bench_modes():
    sys.path.insert(0, str(BENCH))
    try:
        return importlib.import_module("bench_modes")
    finally:
        sys.path.remove(str(BENCH))


def test_interleaved_runs_every_chunk_through_every_run_in_rotating_order(monkeypatch):
    bm = _bench_modes()
    calls: list[tuple[str, tuple[str, ...]]] = []
    cost = {"spacy_1p": 2.0, "full_1p": 1.0}  # CPU seconds per article: full is twice as fast

    def fake_time(fn, its):
        fn(its)
        return 1.0, cost[calls[-1][0]] * len(its)

    def run(name):
        return lambda its: calls.append((name, tuple(it["id"] for it in its)))

    monkeypatch.setattr(bm.bt, "_time", fake_time)
    its = [{"id": str(i), "text": "one two"} for i in range(5)]
    res = bm.measure_interleaved(its, {"spacy_1p": run("spacy_1p"), "full_1p": run("full_1p")},
                                 repeat=2, chunk=2)
    assert res["chunks"] == 3 and res["words"] == 10
    # chunk 0: spacy first; chunk 1: full first; chunk 2: spacy first; and again in repeat 2
    assert [name for name, _ in calls[:6]] == ["spacy_1p", "full_1p", "full_1p", "spacy_1p",
                                                "spacy_1p", "full_1p"]
    for name in cost:
        seen = [i for n, ids in calls if n == name for i in ids]
        assert sorted(seen) == sorted([it["id"] for it in its] * 2)
    assert res["spacy_1p"]["all_cpu_seconds"] == [10.0, 10.0]
    assert res["ratios"]["full_1p / spacy_1p (CPU time, median of repeats)"] == 2.0
    assert res["ratios"]["full_1p / spacy_1p (CPU time, each repeat)"] == [2.0, 2.0]
    assert res["ratios"]["full_1p / spacy_1p (CPU time, best totals)"] == 2.0
