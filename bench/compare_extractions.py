"""Are two versions of diplograph's extractions the same? Full mode against a stored reference, and
archive mode (``mode="contacts"``) against full mode, on every evaluation set.

    # 1. on the base commit: store the reference (outside the repository)
    python bench/compare_extractions.py --write /tmp/speed_ref
    # 2. on the changed code: full mode must be identical, record for record (to_dict)
    python bench/compare_extractions.py --against /tmp/speed_ref
    # 3. archive mode against full mode: pair F1 (and the strict agreement) per set
    python bench/compare_extractions.py --archive --against /tmp/speed_ref
    # 2b. archive mode against archive mode (a reference written with --mode contacts)
    python bench/compare_extractions.py --mode contacts --write /tmp/speed_ref_archive
    python bench/compare_extractions.py --mode contacts --against /tmp/speed_ref_archive
    # 4. the tagger-based attribute lookup against spaCy's AttributeRuler, token by token
    python bench/compare_extractions.py --tokens

The sets are those of docs/evaluation.md: ``news_dev.jsonl`` and the dev-a/dev-b records of
``news_dev2.jsonl`` (``--dev2ab``, by default /tmp/dev2ab.jsonl), the three blind sets in
``bench/data`` and the notebook corpus. Texts are read at run time, never copied.

Pair F1 of archive against full counts contacts as unordered pairs of person ids per article, a pair
of an n-person contact weighing 1/(n-1) as ``score.py`` does; "strict" also asks the same type,
status and date value.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def eval_sets(shared: Path, dev2ab: Path) -> dict[str, Path]:
    sets = {
        "news_dev": shared / "eval" / "news_dev.jsonl",
        "dev2ab": dev2ab,
        "blind_news": ROOT / "bench" / "data" / "blind_news.jsonl",
        "blind_news_2": ROOT / "bench" / "data" / "blind_news_2.jsonl",
        "blind_news_3": ROOT / "bench" / "data" / "blind_news_3.jsonl",
        "notebook": ROOT / "notebooks" / "corpus" / "erdogan_trump_putin.jsonl",
    }
    return {k: p for k, p in sets.items() if p.exists()}


def _shared_default() -> Path:
    for cand in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if (cand / "eval").is_dir():
            return cand
    return ROOT.parent / "shared"


def items(path: Path) -> list[dict]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            if str(r.get("id", "")).startswith("dev-c"):  # held out: never read
                continue
            out.append({"text": r["text"], "published": r.get("published"), "id": r.get("id")})
    return out


RUN_KW: dict = {}  # --batch-size / --n-process: how extract_many is called (default: its defaults)


def run(path: Path, mode: str) -> list[dict]:
    import diplograph

    kw = dict(RUN_KW) if mode == "full" else {"mode": mode, **RUN_KW}
    # through JSON, as the reference is stored (tuples become lists)
    return [json.loads(json.dumps(ex.to_dict(), ensure_ascii=False))
            for ex in diplograph.extract_many(items(path), **kw)]


def pairs(ex: dict, strict: bool) -> Counter:
    out: Counter = Counter()
    for c in ex.get("contacts", []):
        ids = [p.get("id") for p in c.get("participants", []) if p.get("kind", "person") == "person"]
        w = 1 / max(1, len(ids) - 1)
        date = (c.get("date") or {}).get("value")
        for a, b in combinations(sorted(ids), 2):
            key = (a, b, c.get("type"), c.get("status"), date) if strict else (a, b)
            out[key] += w
    return out


def pair_f1(ref: list[dict], got: list[dict], strict: bool = False) -> tuple[float, float, float]:
    tp = pr = gd = 0.0
    for r, g in zip(ref, got):
        pr_, gd_ = pairs(g, strict), pairs(r, strict)
        tp += sum(min(v, gd_[k]) for k, v in pr_.items())
        pr += sum(pr_.values())
        gd += sum(gd_.values())
    p = tp / pr if pr else 1.0
    r = tp / gd if gd else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _first_diff(a, b, where="") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if a.get(k) != b.get(k):
                return _first_diff(a.get(k), b.get(k), f"{where}.{k}")
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{where}: {len(a)} items vs {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return _first_diff(x, y, f"{where}[{i}]")
    return f"{where}: {json.dumps(a)[:200]} vs {json.dumps(b)[:200]}"


def compare_full(sets: dict[str, Path], ref_dir: Path, mode: str = "full") -> bool:
    ok = True
    for name, path in sets.items():
        if not (ref_dir / f"{name}.jsonl").exists():
            continue
        ref = [json.loads(x) for x in (ref_dir / f"{name}.jsonl").read_text().splitlines()]
        got = run(path, mode)
        same = sum(r == g for r, g in zip(ref, got))
        print(f"{name:14} {len(got):4} articles, {same:4} identical to the reference")
        for r, g in zip(ref, got):
            if r != g:
                ok = False
                print(f"    {g.get('doc_id')}: {_first_diff(r, g)}")
        ok &= len(ref) == len(got) == same
    return ok


def compare_archive(sets: dict[str, Path], ref_dir: Path | None, floor: float,
                    show: bool = False) -> bool:
    ok = True
    tot_ref: list[dict] = []
    tot_got: list[dict] = []
    for name, path in sets.items():
        if ref_dir is not None and (ref_dir / f"{name}.jsonl").exists():
            ref = [json.loads(x) for x in (ref_dir / f"{name}.jsonl").read_text().splitlines()]
        else:
            ref = run(path, "full")
        got = run(path, "contacts")
        tot_ref += ref
        tot_got += got
        p, r, f = pair_f1(ref, got)
        _, _, fs = pair_f1(ref, got, strict=True)
        texts = [it["text"] for it in items(path)]
        read = sum(e - s for g in got for s, e in g["meta"].get("windows", [])) / sum(map(len, texts))
        print(f"{name:14} {len(got):4} articles: pair P {p:.3f} R {r:.3f} F1 {f:.4f}   "
              f"strict F1 {fs:.4f}   text read {read:.0%}")
        ok &= f >= floor or name == "general"  # the floor is for the evaluation sets
        if show:
            for r_, g_ in zip(ref, got):
                lost, extra = pairs(r_, True) - pairs(g_, True), pairs(g_, True) - pairs(r_, True)
                if lost or extra:
                    print(f"    {g_.get('doc_id')}: lost {sorted(lost)} extra {sorted(extra)}")
    p, r, f = pair_f1(tot_ref, tot_got)
    _, _, fs = pair_f1(tot_ref, tot_got, strict=True)
    print(f"{'all':14} {len(tot_got):4} articles: pair P {p:.3f} R {r:.3f} F1 {f:.4f}   strict F1 {fs:.4f}")
    return ok


def compare_tokens(sets: dict[str, Path]) -> bool:
    """POS, TAG, MORPH and lemma of the model with spaCy's AttributeRuler and with the lookup."""
    from diplograph.model.attribute_lookup import use_attribute_lookup
    from diplograph.pipeline import load_model

    plain = load_model()
    fast = use_attribute_lookup(load_model())
    texts = [it["text"] for path in sets.values() for it in items(path)]
    n = bad = 0
    for a, b in zip(plain.pipe(texts), fast.pipe(texts)):
        for x, y in zip(a, b):
            n += 1
            if ((x.pos, x.tag, x.dep, x.morph.key, str(x.morph), x.lemma)
                    != (y.pos, y.tag, y.dep, y.morph.key, str(y.morph), y.lemma)):
                bad += 1
                if bad <= 10:
                    print(f"  {x.text!r}: {x.pos_} {x.tag_} {x.morph} {x.lemma_} vs "
                          f"{y.pos_} {y.tag_} {y.morph} {y.lemma_}")
    print(f"tokens: {n}, different POS/TAG/DEP/MORPH/lemma: {bad}")
    return bad == 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", type=Path, help="store full-mode extractions here (the reference)")
    ap.add_argument("--against", type=Path, help="compare with the reference stored here")
    ap.add_argument("--archive", action="store_true", help="archive mode against full mode")
    ap.add_argument("--mode", choices=("full", "contacts"), default="full",
                    help="the mode --write stores and --against compares (default full; contacts: "
                         "archive mode against a reference written in archive mode)")
    ap.add_argument("--tokens", action="store_true", help="attribute lookup against AttributeRuler")
    ap.add_argument("--show", action="store_true", help="list the contacts archive mode lost or added")
    ap.add_argument("--floor", type=float, default=0.995, help="archive pair F1 floor per set")
    ap.add_argument("--general", type=int, default=0,
                    help="also this many generated general-news articles (bench/general_news.py)")
    ap.add_argument("--shared", type=Path, default=_shared_default())
    ap.add_argument("--dev2ab", type=Path, default=Path("/tmp/dev2ab.jsonl"))
    ap.add_argument("--batch-size", type=int, help="extract_many's batch_size (default its own, 32)")
    ap.add_argument("--n-process", type=int, help="extract_many's n_process (default 1)")
    args = ap.parse_args(argv)
    RUN_KW.update({k: v for k, v in (("batch_size", args.batch_size), ("n_process", args.n_process))
                   if v is not None})
    sets = eval_sets(args.shared, args.dev2ab)
    if args.general:
        import general_news

        path = Path(tempfile.mkdtemp(prefix="diplograph-general-")) / "general.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for a in general_news.articles(args.general):
                f.write(json.dumps(a) + "\n")
        sets["general"] = path
    print("sets:", ", ".join(f"{k} ({p})" for k, p in sets.items()))
    ok = True
    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        for name, path in sets.items():
            with open(args.write / f"{name}.jsonl", "w", encoding="utf-8") as f:
                for d in run(path, args.mode):
                    f.write(json.dumps(d, ensure_ascii=False, sort_keys=True) + "\n")
        print(f"reference written to {args.write}")
    if args.tokens:
        ok &= compare_tokens(sets)
    if args.archive:
        ok &= compare_archive(sets, args.against, args.floor, args.show)
    elif args.against:
        ok &= compare_full(sets, args.against, args.mode)
    print("SAME" if ok else "DIFFERENT")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
