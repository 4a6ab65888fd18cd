"""Full mode and archive mode against plain spaCy, on three corpora, in one interleaved run.

    python bench/bench_modes.py                      # ~10 min on 2 shared cores
    python bench/bench_modes.py --quick              # one timing, 1 process only, smaller corpora
    python bench/bench_modes.py --processes          # also 2 worker processes (scaling)
    python bench/bench_modes.py --only mix --memory 200 800   # and memory, both modes

Corpora (texts read at run time; none is copied into the repository):

* ``mix``: 90 % generated general news (:mod:`general_news`) and 10 % contact articles (the
  evaluation sets' texts, cycled), shuffled with a fixed seed: a news archive;
* ``dense``: the evaluation sets of docs/evaluation.md (news_dev, dev-a/dev-b of news_dev2, the
  three blind sets, the notebook corpus): contact-dense news;
* ``synthetic``: the contact-heavy synthetic corpus of ``bench_throughput.py``.

Runs: plain ``en_core_web_sm`` ``nlp.pipe`` (batch size 32, the floor), ``extract_many`` in full
mode and in archive mode (``mode="contacts"``), each with 1 process, and with ``--processes`` also
with 2 (diplograph's pool; spaCy's ``n_process=2``). Each corpus's runs are interleaved and
repeated; the best wall-clock and CPU time (this process and its finished children) are kept. On a
machine shared with other jobs the CPU-time ratios of the 1-process runs are the fair ones; the
2-process scaling needs wall-clock time and free cores.

``--interleave N`` (1-process runs only) interleaves finer: each repeat cuts the corpus into chunks of
N articles (a multiple of the batch size, so every run gets the same batches as on the whole corpus)
and runs every chunk through every run before the next chunk, the order of the runs rotating from
chunk to chunk. Each run still reads the whole corpus once per repeat; its time is the sum over the
chunks. Load that changes over seconds then falls on all runs alike, so the ratio of one repeat is
taken under one load; the median of the repeats' ratios is reported beside the ratio of the best
times (the default method). ``python bench/bench_modes.py --only dense --interleave 32 --repeat 5``.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_throughput as bt  # noqa: E402
import general_news  # noqa: E402
from compare_extractions import _shared_default, eval_sets, items  # noqa: E402


def contact_articles(shared: Path, dev2ab: Path) -> list[dict]:
    out = []
    for path in eval_sets(shared, dev2ab).values():
        out += items(path)
    return out


def corpora(n_mix: int, n_synth: int, shared: Path, dev2ab: Path) -> dict[str, list[dict]]:
    dense = contact_articles(shared, dev2ab)
    n_contact = max(1, n_mix // 10)
    mix = list(general_news.articles(n_mix - n_contact, seed=1))
    mix = [{"text": a["text"], "published": a["published"], "id": a["id"]} for a in mix]
    mix += [dense[i % len(dense)] for i in range(n_contact)]
    random.Random(0).shuffle(mix)
    synth = [{"text": t, "published": "2025-03-18", "id": f"s{i}"}
             for i, t in enumerate(bt.articles(n_synth))]
    return {"mix": mix, "dense": dense, "synthetic": synth}


def runs(processes: bool, batch_size: int) -> dict:
    import diplograph
    from diplograph.pipeline import load_model

    plain = load_model()

    def spacy(n: int):
        return lambda its: [None for _ in plain.pipe((it["text"] for it in its), batch_size=batch_size,
                                                     n_process=n)]

    def dg(mode: str, n: int):
        return lambda its: list(diplograph.extract_many(its, batch_size=batch_size, n_process=n,
                                                        mode=mode))

    out = {"spacy_1p": spacy(1), "full_1p": dg("full", 1), "archive_1p": dg("contacts", 1)}
    if processes:
        out.update({"spacy_2p": spacy(2), "full_2p": dg("full", 2), "archive_2p": dg("contacts", 2)})
    return out


RATIOS = [("full_1p", "spacy_1p"), ("archive_1p", "spacy_1p"), ("full_2p", "full_1p"),
          ("archive_2p", "archive_1p"), ("spacy_2p", "spacy_1p"), ("full_2p", "spacy_2p"),
          ("archive_2p", "spacy_2p")]


def measure(its: list[dict], fns: dict, repeat: int) -> dict:
    words = sum(len(it["text"].split()) for it in its)
    timings: dict[str, list[tuple[float, float]]] = {k: [] for k in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            timings[name].append(bt._time(fn, its))
    res: dict = {"articles": len(its), "words": words}
    for name, ts in timings.items():
        wall, cpu = min(w for w, _ in ts), min(c for _, c in ts)
        res[name] = {"seconds": round(wall, 2), "words_per_s": round(words / wall),
                     "cpu_seconds": round(cpu, 2), "words_per_cpu_s": round(words / cpu),
                     "all_seconds": [round(w, 2) for w, _ in ts]}
    res["ratios"] = {}
    for a, b in RATIOS:
        if a in res and b in res:
            res["ratios"][f"{a} / {b}"] = round(res[a]["words_per_s"] / res[b]["words_per_s"], 3)
            if a.endswith("_1p") and b.endswith("_1p"):
                res["ratios"][f"{a} / {b} (CPU time)"] = round(
                    res[a]["words_per_cpu_s"] / res[b]["words_per_cpu_s"], 3)
    return res


def measure_interleaved(its: list[dict], fns: dict, repeat: int, chunk: int) -> dict:
    """As :func:`measure`, the runs interleaved chunk by chunk (see the module docstring): per run the
    best total over the repeats, and per ratio the median and all values of the repeats' ratios."""
    import statistics

    words = sum(len(it["text"].split()) for it in its)
    chunks = [its[i:i + chunk] for i in range(0, len(its), chunk)]
    names = list(fns)
    totals: list[dict[str, tuple[float, float]]] = []
    for _ in range(repeat):
        tot = {n: [0.0, 0.0] for n in names}
        for k, ch in enumerate(chunks):
            r = k % len(names)
            for n in names[r:] + names[:r]:
                wall, cpu = bt._time(fns[n], ch)
                tot[n][0] += wall
                tot[n][1] += cpu
        totals.append({n: (w, c) for n, (w, c) in tot.items()})
    res: dict = {"articles": len(its), "words": words, "chunks": len(chunks), "chunk": chunk}
    for n in names:
        wall, cpu = min(t[n][0] for t in totals), min(t[n][1] for t in totals)
        res[n] = {"seconds": round(wall, 2), "words_per_s": round(words / wall),
                  "cpu_seconds": round(cpu, 2), "words_per_cpu_s": round(words / cpu),
                  "all_seconds": [round(t[n][0], 2) for t in totals],
                  "all_cpu_seconds": [round(t[n][1], 2) for t in totals]}
    res["ratios"] = {}
    for a, b in RATIOS:
        if a in res and b in res:
            res["ratios"][f"{a} / {b} (CPU time, best totals)"] = round(
                res[a]["words_per_cpu_s"] / res[b]["words_per_cpu_s"], 3)
            each = [t[b][1] / t[a][1] for t in totals]  # time of b / time of a = speed of a / speed of b
            res["ratios"][f"{a} / {b} (CPU time, median of repeats)"] = round(statistics.median(each), 3)
            res["ratios"][f"{a} / {b} (CPU time, each repeat)"] = [round(x, 3) for x in each]
    return res


def memory_child(n: int, mode: str, shared: Path, dev2ab: Path) -> dict:
    """In a fresh process: resident memory after load, and at most while streaming n articles of
    the mix to JSON Lines through the corpus path (as ``diplograph extract -o x.jsonl`` does)."""
    import tempfile

    import diplograph
    from diplograph.batch.corpus import Record, extract_records
    from diplograph.batch.distributed import dumps_extraction

    diplograph.load_pipeline()
    mix = corpora(n, 0, shared, dev2ab)["mix"]
    base = top = bt._rss_mb()
    recs = (Record(text=a["text"], doc_id=a["id"], published=a["published"], source="bench", line=i)
            for i, a in enumerate(mix))
    with tempfile.TemporaryFile("w") as f:
        for _, ex in extract_records(recs, mode=mode):
            f.write(dumps_extraction(ex) + "\n")
            top = max(top, bt._rss_mb())
    return {"n": n, "mode": mode, "rss_after_load_mb": round(base, 1), "rss_max_mb": round(top, 1),
            "growth_mb": round(top - base, 1)}


def memory(ns: list[int], shared: Path, dev2ab: Path) -> list[dict]:
    import subprocess

    out = []
    for mode in ("full", "contacts"):
        for n in ns:
            cmd = [sys.executable, __file__, "--memory-child", str(n), "--mode", mode,
                   "--shared", str(shared), "--dev2ab", str(dev2ab)]
            res = subprocess.run(cmd, capture_output=True, text=True, check=True)
            out.append(json.loads(res.stdout.strip().splitlines()[-1]))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mix", type=int, default=400, help="articles in the 90/10 mix")
    ap.add_argument("--synthetic", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--processes", action="store_true", help="also 2 worker processes")
    ap.add_argument("--quick", action="store_true", help="one timing, smaller corpora")
    ap.add_argument("--only", nargs="*", help="corpora to run (mix, dense, synthetic)")
    ap.add_argument("--shared", type=Path, default=_shared_default())
    ap.add_argument("--dev2ab", type=Path, default=Path("/tmp/dev2ab.jsonl"))
    ap.add_argument("--interleave", type=int, default=0, metavar="N",
                    help="interleave the 1-process runs chunk by chunk, N articles a chunk (a multiple "
                         "of the batch size); reports the median of the repeats' ratios too")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--memory", type=int, nargs=2, metavar=("N1", "N2"),
                    help="also the memory of streaming N1 and N2 articles of the mix, both modes")
    ap.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--mode", default="full", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.memory_child is not None:
        print(json.dumps(memory_child(args.memory_child, args.mode, args.shared, args.dev2ab)))
        return
    if args.interleave and (args.processes or args.interleave % args.batch_size):
        ap.error("--interleave N: 1-process runs only, N a multiple of --batch-size")
    if args.quick:
        args.mix, args.synthetic, args.repeat = min(args.mix, 200), min(args.synthetic, 40), 1
    import diplograph

    diplograph.load_pipeline()
    fns = runs(args.processes, args.batch_size)
    sets = corpora(args.mix, args.synthetic, args.shared, args.dev2ab)
    warm = sets["dense"][:8]
    for fn in fns.values():  # first-call costs (lazy data, vocab growth, pools) on no side
        fn(warm)
    res = {"cpus": os.cpu_count(), "load_avg_before": round(os.getloadavg()[0], 2), "corpora": {}}
    for name, its in sets.items():
        if args.only and name not in args.only:
            continue
        if args.interleave:
            res["corpora"][name] = measure_interleaved(its, fns, args.repeat, args.interleave)
        else:
            res["corpora"][name] = measure(its, fns, args.repeat)
    if args.memory:
        res["memory"] = memory(args.memory, args.shared, args.dev2ab)
    res["load_avg_after"] = round(os.getloadavg()[0], 2)
    if args.json:
        print(json.dumps(res, indent=2))
        return
    how = f", interleaved by {args.interleave} articles" if args.interleave else ""
    print(f"{res['cpus']} CPUs, load average {res['load_avg_before']} -> {res['load_avg_after']}, "
          f"batch size {args.batch_size}, best of {args.repeat}{how}")
    for name, r in res["corpora"].items():
        print(f"\n{name}: {r['articles']} articles, {r['words']} words")
        every = "all CPU seconds" if "chunk" in r else "all seconds"
        print(f"  {'run':12}{'seconds':>9}{'words/s':>10}{'CPU s':>9}{'words/CPU s':>13}  {every}")
        for k in fns:
            x = r[k]
            print(f"  {k:12}{x['seconds']:>9}{x['words_per_s']:>10}{x['cpu_seconds']:>9}"
                  f"{x['words_per_cpu_s']:>13}  {x.get('all_cpu_seconds', x['all_seconds'])}")
        for k, v in r["ratios"].items():
            print(f"  {k:56}{v:>7}" if not isinstance(v, list) else f"  {k:56} {v}")
    for m in res.get("memory", []):
        print(f"memory, {m['mode']:8} mode, {m['n']:>5} articles streamed: RSS {m['rss_after_load_mb']} MB "
              f"after load, at most {m['rss_max_mb']} MB (growth {m['growth_mb']} MB)")


if __name__ == "__main__":
    main()
