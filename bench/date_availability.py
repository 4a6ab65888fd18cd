"""Which gold contact dates the dates stage makes available: the expression the annotator dated a
contact by (``date_text``) found with the gold value, misread, or missed.

    python bench/date_availability.py                  # news_dev + /tmp/dev2ab.jsonl, parsed docs
    python bench/date_availability.py --show           # one line per dated contact

A contact is ``ok`` when an expression overlapping an occurrence of its ``date_text`` has the gold
value, ``misread`` when one is there with another value, ``missed`` when none is; ``elsewhere`` counts
contacts whose gold value some expression of the document has (wherever it is). Gold records whose id
starts with ``dev-c`` are held out and never read. Texts are read at run time, never copied.
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared").exists() else Path("/work/shared")
DEFAULT = [SHARED / "eval" / "news_dev.jsonl", Path("/tmp/dev2ab.jsonl")]


def _records(paths: list[Path]) -> list[dict]:
    out = []
    for p in paths:
        for line in p.open(encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                if not str(r.get("id", "")).startswith("dev-c"):
                    out.append(r)
    return out


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    if not needle:
        return []
    rx = re.compile(r"\s+".join(map(re.escape, needle.split())), re.I)
    return [m.span() for m in rx.finditer(text)]


def _judge(contact: dict, text: str, dates: list) -> tuple[str, str]:
    gold = contact["date"]
    spans = _occurrences(text, contact.get("date_text") or "")
    near = [t for t in dates if any(t.start < e and t.end > s for s, e in spans)]
    elsewhere = any(t.value == gold for t in dates)
    if not spans:
        return ("no_date_text+" if elsewhere else "no_date_text-"), ""
    if any(t.value == gold for t in near):
        return "ok", ""
    if near:
        return "misread", ", ".join(f"{t.text!r}={t.value}" for t in near)
    return ("missed+" if elsewhere else "missed-"), ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()

    from diplograph.api import parse_published
    from diplograph.dates import find_dates
    from diplograph.pipeline import load_model

    nlp = load_model()
    counts: Counter[str] = Counter()
    for r in _records(args.files):
        published = parse_published(r.get("published"))
        doc = nlp(r["text"])
        dates = find_dates(doc, published)
        for c in r.get("contacts", []):
            if not c.get("date"):
                continue
            verdict, got = _judge(c, r["text"], dates)
            counts[verdict] += 1
            if args.show and verdict != "ok":
                print(f"{r['id']:9s} {published} gold={c['date']:12s} {verdict:15s} "
                      f"date_text={c.get('date_text')!r} {got}")
    total = sum(counts.values())
    print(f"{total} dated contacts: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print("(+: the gold value is elsewhere in the document; -: nowhere)")


if __name__ == "__main__":
    main()
