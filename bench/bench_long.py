"""Long documents: time and memory of ``diplograph.extract`` on one text of 1k to 1M words.

    python bench/bench_long.py                       # 1k, 10k, 100k, 1M words (~10 min on 2 cores)
    python bench/bench_long.py --words 1000 20000    # other sizes
    python bench/bench_long.py --json                # machine-readable

Each size runs in a fresh process: the model is loaded and warmed on a short text, then one
document of that many words (news-like paragraphs from ``bench_throughput.articles``, joined by
blank lines: an article archive pasted into one text) goes through ``extract``. Reported: CPU and
wall seconds per 1,000 words, contacts found, the process's resident memory after loading the
model and its peak while extracting (``ru_maxrss``; the 1k-word run's peak is the floor). For the
1k size, ten different documents are timed and the median kept, since one takes a fraction of a
second, and it runs again at the end; the ratios are against the mean of its two runs.

Targets (issue 13): seconds per 1k words within 1.3x between 1k and 1M words; peak RSS at 1M
words under 1.5 GB.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_throughput import articles  # noqa: E402

SIZES = [1_000, 10_000, 100_000, 1_000_000]


def document(words: int, seed: int = 0) -> str:
    """About ``words`` words of news-like paragraphs, blank lines between articles."""
    parts, n = [], 0
    for text in articles(10 ** 9, seed=seed):
        parts.append(text)
        n += len(text.split())
        if n >= words:
            break
    return "\n\n".join(parts)


def _rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def child(words: int) -> dict:
    import diplograph

    diplograph.extract(document(300, seed=99), published="2025-03-18")  # load and warm up
    loaded = _rss_mb()
    runs = 10 if words <= 2_000 else 1
    cpu, wall, contacts, n_words = [], [], 0, 0
    for i in range(runs):
        text = document(words, seed=i)
        n_words = len(text.split())
        c0, w0 = time.process_time(), time.perf_counter()
        ex = diplograph.extract(text, published="2025-03-18")
        cpu.append((time.process_time() - c0) / n_words * 1000)
        wall.append((time.perf_counter() - w0) / n_words * 1000)
        contacts = len(ex.contacts)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"words": n_words, "chars": len(text), "cpu_s_per_1k": round(statistics.median(cpu), 4),
            "wall_s_per_1k": round(statistics.median(wall), 4), "contacts": contacts,
            "pieces": ex.meta.get("chunks", 1), "rss_loaded_mb": round(loaded, 1),
            "peak_rss_mb": round(peak, 1)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, nargs="+", default=SIZES)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child)))
        return
    rows = []
    for n in args.words:
        out = subprocess.run([sys.executable, __file__, "--child", str(n)], check=True,
                             capture_output=True, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
        if not args.json:
            r = rows[-1]
            print(f"{r['words']:>9,} words {r['chars']:>10,} chars {r['pieces']:>4} pieces  "
                  f"{r['cpu_s_per_1k']:.3f} CPU s/1k words  {r['wall_s_per_1k']:.3f} wall s/1k  "
                  f"{r['contacts']:>6} contacts  RSS {r['rss_loaded_mb']:.0f} MB loaded, "
                  f"{r['peak_rss_mb']:.0f} MB peak", flush=True)
    if len(rows) > 1:  # the smallest again: the machine's load moves, bracket the run
        again = json.loads(subprocess.run([sys.executable, __file__, "--child", str(args.words[0])],
                                          check=True, capture_output=True,
                                          text=True).stdout.strip().splitlines()[-1])
        if not args.json:
            print(f"{again['words']:>9,} words again: {again['cpu_s_per_1k']:.3f} CPU s/1k words")
        rows[0]["cpu_s_per_1k_again"] = again["cpu_s_per_1k"]
    first = rows[0]
    base = (first["cpu_s_per_1k"] + first.get("cpu_s_per_1k_again", first["cpu_s_per_1k"])) / 2
    ratios = {r["words"]: round(r["cpu_s_per_1k"] / base, 2) for r in rows}
    if args.json:
        print(json.dumps({"rows": rows, "cpu_ratio_to_smallest": ratios}))
    else:
        print("CPU s/1k words relative to the smallest (mean of its two runs):",
              ", ".join(f"{w:,}: {x}x" for w, x in ratios.items()))


if __name__ == "__main__":
    main()
