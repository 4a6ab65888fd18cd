"""Save, then check, what the dates stage gives on every document of the dev and synthetic sets.

    python bench/compare_dates.py save  /tmp/dates_ref      # before a change
    python bench/compare_dates.py check /tmp/dates_ref      # after it: exit 1 on any difference
    python bench/compare_dates.py check /tmp/dates_ref --roundtrip   # the pipeline through to_disk/spacy.load

For each document it records three things: the ``dates`` of ``diplograph.extract(...).to_dict()``
(and the whole ``to_dict``, so a change in the dates that moves a contact shows up), and the dates of
``find_dates`` on a ``spacy.blank("en")`` doc (the no-parse direction rules). ``--roundtrip`` runs the
check through a pipeline saved with ``nlp.to_disk`` and loaded back with ``spacy.load``.

The input files are read at run time and never copied into the project; the saved output holds their
text offsets and expression texts, so keep it outside the repository (``/tmp``).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared").exists() else Path("/work/shared")
SETS = {
    "news_dev": SHARED / "eval" / "news_dev.jsonl",
    "dev2ab": Path("/tmp/dev2ab.jsonl"),
    "blind_news": ROOT / "bench" / "data" / "blind_news.jsonl",
    "blind_news_2": ROOT / "bench" / "data" / "blind_news_2.jsonl",
    "blind_news_3": ROOT / "bench" / "data" / "blind_news_3.jsonl",
    "table": ROOT / "tests" / "data" / "dates_table.jsonl",
    "etp": ROOT / "notebooks" / "corpus" / "erdogan_trump_putin.jsonl",
    # sentences without a publication date: read against a fixed one
    "petrarch2_consult": SHARED / "eval" / "petrarch2_consult.jsonl",
    "petrarch2_negative": SHARED / "eval" / "petrarch2_negative.jsonl",
    "plover_consult": SHARED / "eval" / "plover_consult.jsonl",
    "plover_contrast": SHARED / "eval" / "plover_contact_contrast.jsonl",
}
REFERENCE = "2025-03-19"  # for records without ``published``


def _records(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return [r for r in rows if not str(r.get("id", "")).startswith("dev-c")]  # held out: never read


def _outputs(records: list[dict], nlp) -> list[dict]:
    import spacy

    from diplograph.api import _run_batch, parse_published
    from diplograph.dates import find_dates

    blank = spacy.blank("en")
    out = []
    for r in records:
        published = parse_published(r.get("published") or REFERENCE)
        ((_, ex),) = _run_batch(nlp, [(None, r["text"], published, r.get("id"))], 1, None, catch=False)
        full = ex.to_dict()  # as diplograph.extract(...).to_dict()
        bdoc = blank(r["text"])
        out.append({
            "id": r.get("id"),
            "dates": full.get("dates"),
            "blank_dates": [t.to_dict() for t in find_dates(bdoc, published)],
            "to_dict": full,
        })
    return out


TABLE = ROOT / "tests" / "data" / "dates_table.jsonl"
REFERENCES = (None, "2024-12-30", "2025-01-02", "2025-03-16", "2025-03-19", "2025-06-30", "2025-12-27")


def _table_outputs() -> list[dict]:
    """The table's sentences on blank docs against several references, and ``normalize`` of each
    expression with each tense: wider than the table's own expected values."""
    import spacy

    from diplograph.dates import find_dates, normalize

    blank = spacy.blank("en")
    out = []
    for line in TABLE.open(encoding="utf-8"):
        if not line.strip():
            continue
        row = json.loads(line)
        doc = blank(row["sentence"])
        found = {str(ref): [t.to_dict() for t in find_dates(doc, ref)] for ref in REFERENCES}
        norm = {f"{ref}|{tense}": (lambda t: t and t.to_dict())(normalize(row["expression"], ref, tense=tense))
                for ref in REFERENCES for tense in (None, "past", "future")}
        out.append({"id": row["sentence"], "dates": found, "blank_dates": norm, "to_dict": None})
    return out


def _pipeline(roundtrip: bool):
    from diplograph.pipeline import load_pipeline

    nlp = load_pipeline(None)
    if not roundtrip:
        return nlp
    import spacy

    tmp = Path(tempfile.mkdtemp(prefix="diplograph_rt_"))
    nlp.to_disk(tmp)
    return spacy.load(tmp)


def _diff(ref: list[dict], new: list[dict], key: str) -> list[str]:
    msgs = []
    for a, b in zip(ref, new):
        if a[key] != b[key]:
            msgs.append(f"{a['id']}: {key} differs")
            if isinstance(a[key], dict) and isinstance(b[key], dict):
                keys = sorted(k for k in set(a[key]) | set(b[key]) if a[key].get(k) != b[key].get(k))
                msgs.append(f"    fields: {', '.join(keys)}")
            if isinstance(a[key], list):
                sa = {json.dumps(x, sort_keys=True) for x in a[key] or []}
                sb = {json.dumps(x, sort_keys=True) for x in b[key] or []}
                for x in sorted(sa - sb):
                    msgs.append(f"    - {x}")
                for x in sorted(sb - sa):
                    msgs.append(f"    + {x}")
    if len(ref) != len(new):
        msgs.append(f"{len(ref)} documents saved, {len(new)} now")
    return msgs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["save", "check"])
    ap.add_argument("directory", type=Path)
    ap.add_argument("--roundtrip", action="store_true", help="through nlp.to_disk / spacy.load")
    ap.add_argument("--sets", nargs="*", default=list(SETS), help="which sets (default: all)")
    args = ap.parse_args(argv)
    nlp = _pipeline(args.roundtrip)
    args.directory.mkdir(parents=True, exist_ok=True)
    failed = False
    for name in args.sets:
        path = SETS[name]
        if not path.exists():
            print(f"{name}: {path} missing, skipped")
            continue
        new = _table_outputs() if name == "table" else _outputs(_records(path), nlp)
        target = args.directory / f"{name}.json"
        if args.mode == "save":
            target.write_text(json.dumps(new, ensure_ascii=False, indent=0), encoding="utf-8")
            print(f"{name}: {len(new)} documents saved")
            continue
        ref = json.loads(target.read_text(encoding="utf-8"))
        msgs = []
        for key in ("dates", "blank_dates", "to_dict"):
            msgs += _diff(ref, new, key)
        print(f"{name}: {len(new)} documents: " + ("identical" if not msgs else "DIFFERENT"))
        for m in msgs:
            print("  " + m)
        failed |= bool(msgs)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
