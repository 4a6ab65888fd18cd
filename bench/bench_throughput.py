"""Throughput and memory of diplograph against plain spaCy, on the same texts, in one run.

    python bench/bench_throughput.py                # full run (a few minutes on 2 cores)
    python bench/bench_throughput.py --n 60 --mem-n 40 160 --quick   # a smoke run

Speed: articles/s and words/s of plain ``en_core_web_sm`` ``nlp.pipe`` (the floor: diplograph runs
that model and then its own components) and of ``diplograph.extract_many``, each with 1 and 2
processes, printed with their ratios, with the CPU seconds each run used (this process and its
worker processes): on a shared machine the CPU-time ratio of the 1-process runs is the fair one. Targets: diplograph >= 0.85x plain spaCy with 1 process;
diplograph with 2 processes >= 1.6x its own 1-process speed on 2 cores.

Memory: peak RSS of a fresh process that streams N articles to JSON Lines through the corpus path
(:func:`diplograph.batch.corpus.extract_records`, as ``diplograph extract -o x.jsonl`` does), for two N;
the growth past the model's own footprint should not depend on N.

Texts: a synthetic news-like corpus built from the seed article (paragraphs reordered and
sampled) and sentences written for this benchmark; with ``--with-dev`` also the texts of
``../shared/eval/news_dev.jsonl`` when that file is there (read at run time, never copied).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "caliber_az_erdogan_putin_trump_contacts.txt"
DEV = ROOT.parent / "shared" / "eval" / "news_dev.jsonl"

LEADERS = [("President", "Emmanuel Macron", "France"), ("Chancellor", "Olaf Scholz", "Germany"),
           ("Prime Minister", "Narendra Modi", "India"), ("President", "Lula da Silva", "Brazil"),
           ("Prime Minister", "Fumio Kishida", "Japan"), ("President", "Cyril Ramaphosa", "South Africa"),
           ("Foreign Minister", "Penny Wong", "Australia"), ("President", "William Ruto", "Kenya"),
           ("Prime Minister", "Giorgia Meloni", "Italy"), ("President", "Andrzej Duda", "Poland")]
CITIES = ["Paris", "Berlin", "New Delhi", "Brasilia", "Tokyo", "Pretoria", "Canberra", "Nairobi",
          "Rome", "Warsaw", "Geneva", "Doha"]
DAYS = ["on Monday", "on Tuesday", "last week", "on March 3", "earlier this month", "next week",
        "later this year", "on Friday", "in April", "on 12 May 2024"]
TEMPLATES = [
    "{t1} {n1} spoke by phone with {t2} {n2} {d}, according to a statement from {c1}'s government.",
    "{n1} will travel to {city} {d} to meet {n2}, officials said.",
    "The two leaders discussed trade, energy security and the situation in the Middle East.",
    "{t2} {n2} received {n1} in {city} {d} for talks on a new partnership agreement.",
    "A spokesperson for {n1} said no meeting with {n2} had been scheduled.",
    "{n2} may hold a video call with {n1} {d}, a newspaper reported, citing unnamed sources.",
    "Analysts said the visit signalled a warming of relations between {c1} and {c2}.",
    "{n1} and {n2} last met on the sidelines of a summit in {city}.",
    "The ministry declined to comment on the report.",
    "Officials from both countries are expected to sign several agreements during the visit.",
    "{n1} ruled out talks with {n2} until the dispute over tariffs is settled.",
    "Markets rose slightly after the announcement, and the currency gained against the dollar.",
]


def _own_paragraph(rnd: random.Random) -> str:
    (t1, n1, c1), (t2, n2, c2) = rnd.sample(LEADERS, 2)
    sents = [rnd.choice(TEMPLATES).format(t1=t1, n1=n1, c1=c1, t2=t2, n2=n2, c2=c2,
                                          city=rnd.choice(CITIES), d=rnd.choice(DAYS))
             for _ in range(rnd.randint(3, 6))]
    return " ".join(sents)


def articles(n: int, *, with_dev: bool = False, seed: int = 0) -> Iterator[str]:
    """``n`` news-like articles, generated lazily (so streaming runs hold one at a time)."""
    paras = [p for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]
    dev = []
    if with_dev and DEV.exists():
        dev = [json.loads(x)["text"] for x in DEV.read_text(encoding="utf-8").splitlines() if x.strip()]
    rnd = random.Random(seed)
    for i in range(n):
        if dev and i % 4 == 3:
            yield dev[(i // 4) % len(dev)]
            continue
        body = rnd.sample(paras, k=min(len(paras), rnd.randint(4, 8)))
        for _ in range(rnd.randint(2, 4)):
            body.insert(rnd.randrange(len(body) + 1), _own_paragraph(rnd))
        yield "\n".join(body)


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (worker processes)."""
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + c.ru_utime + c.ru_stime


def _time(fn, texts: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run."""
    t0, c0 = time.perf_counter(), _cpu()
    fn(texts)
    return time.perf_counter() - t0, _cpu() - c0


def speed(n: int, batch_size: int, with_dev: bool, repeat: int) -> dict:
    import diplograph
    from diplograph.pipeline import load_model

    texts = list(articles(n, with_dev=with_dev))
    words = sum(len(t.split()) for t in texts)
    plain = load_model()
    diplograph.load_pipeline()
    # warm-up, so neither side pays first-call costs (vocab growth, lazy data loading)
    for _ in plain.pipe(texts[:8]):
        pass
    list(diplograph.extract_many(texts[:8]))

    runs = {
        "spacy_1p": lambda ts: [None for _ in plain.pipe(ts, batch_size=batch_size)],
        "spacy_2p": lambda ts: [None for _ in plain.pipe(ts, batch_size=batch_size, n_process=2)],
        "diplograph_1p": lambda ts: list(diplograph.extract_many(ts, batch_size=batch_size)),
        "diplograph_2p": lambda ts: list(diplograph.extract_many(ts, batch_size=batch_size,
                                                                 n_process=2)),
    }
    res: dict = {"articles": n, "words": words, "batch_size": batch_size}
    timings: dict[str, list[tuple[float, float]]] = {k: [] for k in runs}
    for _ in range(repeat):  # interleaved, best of: the least disturbed by other load
        for name, fn in runs.items():
            timings[name].append(_time(fn, texts))
    for name in runs:
        secs = min(w for w, _ in timings[name])
        cpu = min(c for _, c in timings[name])
        res[name] = {"seconds": round(secs, 2), "articles_per_s": round(n / secs, 2),
                     "words_per_s": round(words / secs), "cpu_seconds": round(cpu, 2),
                     "articles_per_cpu_s": round(n / cpu, 2)}
    a = {k: res[k]["articles_per_s"] for k in runs}
    c = {k: res[k]["articles_per_cpu_s"] for k in runs}
    res["ratios"] = {
        "diplograph_1p / spacy_1p": round(a["diplograph_1p"] / a["spacy_1p"], 3),
        "diplograph_1p / spacy_1p (CPU time)": round(c["diplograph_1p"] / c["spacy_1p"], 3),
        "diplograph_2p / diplograph_1p": round(a["diplograph_2p"] / a["diplograph_1p"], 3),
        "spacy_2p / spacy_1p": round(a["spacy_2p"] / a["spacy_1p"], 3),
        "diplograph_2p / spacy_2p": round(a["diplograph_2p"] / a["spacy_2p"], 3),
    }
    return res


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _rss_mb() -> float:
    """Current resident memory (Linux /proc; elsewhere the peak so far)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return _peak_rss_mb()


def memory_child(n: int, out: str, batch_size: int) -> dict:
    """In a fresh process: peak RSS after loading the model, and after streaming n articles."""
    import diplograph
    from diplograph.batch.corpus import Record, extract_records
    from diplograph.batch.distributed import dumps_extraction

    diplograph.load_pipeline()
    list(diplograph.extract_many(list(articles(4))))
    base = top = _rss_mb()
    t0 = time.perf_counter()
    recs = (Record(text=t, doc_id=f"a{i}", published="2025-03-18", source="bench", line=i)
            for i, t in enumerate(articles(n, seed=1)))
    with open(out, "w", encoding="utf-8") as f:
        for _, ex in extract_records(recs, batch_size=batch_size):
            f.write(dumps_extraction(ex) + "\n")
            top = max(top, _rss_mb())
    return {"n": n, "rss_after_load_mb": round(base, 1), "rss_max_mb": round(top, 1),
            "growth_mb": round(top - base, 1), "peak_rss_mb": round(_peak_rss_mb(), 1),
            "seconds": round(time.perf_counter() - t0, 1)}


def memory(ns: list[int], batch_size: int) -> list[dict]:
    out = []
    with tempfile.TemporaryDirectory() as d:
        for n in ns:
            cmd = [sys.executable, __file__, "--memory-child", str(n), "--out",
                   os.path.join(d, f"{n}.jsonl"), "--batch-size", str(batch_size)]
            res = subprocess.run(cmd, capture_output=True, text=True, check=True)
            out.append(json.loads(res.stdout.strip().splitlines()[-1]))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=160, help="articles for the speed runs")
    ap.add_argument("--mem-n", type=int, nargs=2, default=[100, 400], help="two corpus sizes")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--repeat", type=int, default=2, help="best of this many timings")
    ap.add_argument("--with-dev", action="store_true",
                    help="mix in ../shared/eval/news_dev.jsonl texts if present")
    ap.add_argument("--quick", action="store_true", help="one timing, no memory runs")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.memory_child is not None:
        print(json.dumps(memory_child(args.memory_child, args.out, args.batch_size)))
        return
    res = {"cpus": os.cpu_count(), "load_avg_before": [round(x, 2) for x in os.getloadavg()]}
    res["speed"] = speed(args.n, args.batch_size, args.with_dev, 1 if args.quick else args.repeat)
    if not args.quick:
        res["memory"] = memory(list(args.mem_n), args.batch_size)
    res["load_avg_after"] = [round(x, 2) for x in os.getloadavg()]
    if args.json:
        print(json.dumps(res, indent=2))
        return
    s = res["speed"]
    print(f"{s['articles']} articles, {s['words']} words, batch size {s['batch_size']}, "
          f"{res['cpus']} CPUs, load average {res['load_avg_before'][0]} -> {res['load_avg_after'][0]}")
    print(f"{'run':16}{'seconds':>9}{'articles/s':>12}{'words/s':>10}{'CPU s':>9}{'art/CPU s':>11}")
    for k in ("spacy_1p", "spacy_2p", "diplograph_1p", "diplograph_2p"):
        r = s[k]
        print(f"{k:16}{r['seconds']:>9}{r['articles_per_s']:>12}{r['words_per_s']:>10}"
              f"{r['cpu_seconds']:>9}{r['articles_per_cpu_s']:>11}")
    for k, v in s["ratios"].items():
        print(f"{k:38}{v:>7}")
    for m in res.get("memory", []):
        print(f"memory: {m['n']:>5} articles streamed to JSON Lines: RSS {m['rss_after_load_mb']} MB "
              f"with the model loaded, at most {m['rss_max_mb']} MB while streaming (growth "
              f"{m['growth_mb']} MB; process peak {m['peak_rss_mb']} MB), {m['seconds']} s")


if __name__ == "__main__":
    main()
