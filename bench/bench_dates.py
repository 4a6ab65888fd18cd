"""Cost of the dates stage: ``find_dates`` per 1,000 words, on parsed and on blank docs, against the
model's own ``nlp.pipe`` in the same run.

    python bench/bench_dates.py            # texts of bench/data/blind_news*.jsonl (+ news_dev when present)
    python bench/bench_dates.py --reps 3

Every repetition runs on new texts (a different run of trailing spaces), so no cache keyed on a text
can serve a later repetition: the figure is what a new document costs. Best of ``--reps``, in CPU time of this process (the machine may be shared).
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared").exists() else Path("/work/shared")
FILES = sorted((ROOT / "bench" / "data").glob("blind_news*.jsonl")) + [SHARED / "eval" / "news_dev.jsonl"]


def _texts() -> list[tuple[str, str | None]]:
    out = []
    for path in FILES:
        if path.exists():
            for line in path.open(encoding="utf-8"):
                if line.strip():
                    r = json.loads(line)
                    out.append((r["text"], r.get("published")))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=5)
    args = ap.parse_args()

    import spacy

    from diplograph.dates import find_dates

    texts = _texts()
    words = sum(len(t.split()) for t, _ in texts)
    from diplograph.pipeline import load_model

    nlp = load_model()
    blank = spacy.blank("en")
    best = {"model nlp.pipe": 1e9, "find_dates, parsed docs": 1e9, "find_dates, blank docs": 1e9}
    for rep in range(args.reps):
        variant = [(t + " " * (rep + 1), p) for t, p in texts]
        t0 = time.process_time()
        parsed = list(nlp.pipe(t for t, _ in variant))
        best["model nlp.pipe"] = min(best["model nlp.pipe"], time.process_time() - t0)
        t0 = time.process_time()
        n = sum(len(find_dates(doc, p)) for doc, (_, p) in zip(parsed, variant))
        best["find_dates, parsed docs"] = min(best["find_dates, parsed docs"], time.process_time() - t0)
        docs = [blank(t + " " * (rep + 101)) for t, _ in texts]
        t0 = time.process_time()
        sum(len(find_dates(doc, p)) for doc, (_, p) in zip(docs, texts))
        best["find_dates, blank docs"] = min(best["find_dates, blank docs"], time.process_time() - t0)
    print(f"{len(texts)} texts, {words} words, {n} dates; best of {args.reps}")
    for k, s in best.items():
        print(f"  {k:26s} {1000 * s / words * 1000:8.2f} ms per 1,000 words")
    print(f"  dates / model             {best['find_dates, parsed docs'] / best['model nlp.pipe']:8.3f}")


if __name__ == "__main__":
    main()
