"""Score every evaluation set in one run (contacts and people), through the shared scorers.

    python bench/score_sets.py                 # table of all sets
    python bench/score_sets.py --save a.json   # keep the figures
    python bench/score_sets.py --diff a.json   # what moved since (down moves are marked)
    python bench/score_sets.py --held-out      # also the dev-c records (held out until 2026-12-03, read since)
    python bench/score_sets.py --add fresh=F.jsonl  # another gold file of the same format (a held-out set)

Sets: the real dev files in ``../shared/eval/`` (news_dev2 split into its dev-a/dev-b part and its dev-c
part), the synthetic blind sets in ``bench/data/`` and the notebook corpus (gold joined from its
``.expected.jsonl``). The scorers are ``../shared/tools/score.py`` and ``score_people.py``.
"""
from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((c for c in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if (c / "tools").is_dir()),
              ROOT.parent / "shared")  # a worktree under wt/ finds the project's shared/ too
KEYS = ("pair_p", "pair_r", "pair_f1", "strict_f1", "status_acc", "date_acc_dated", "date_acc_all")
PEOPLE_KEYS = ("recall", "precision", "country_acc")


def _tool(name: str):
    spec = importlib.util.spec_from_file_location(name, SHARED / "tools" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _subset(path: Path, keep, tmp: Path, name: str) -> Path:
    out = tmp / name
    with open(path, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o:
        for line in f:
            if line.strip() and keep(json.loads(line)["id"]):
                o.write(line)
    return out


def _notebook_gold(tmp: Path) -> Path:
    corpus = ROOT / "notebooks" / "corpus"
    expected = {}
    for line in open(corpus / "erdogan_trump_putin.expected.jsonl", encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            expected[r["id"]] = r
    out = tmp / "notebook.jsonl"
    with open(out, "w", encoding="utf-8") as o:
        for line in open(corpus / "erdogan_trump_putin.jsonl", encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                r["contacts"] = expected.get(r["id"], {}).get("contacts", [])
                o.write(json.dumps(r, ensure_ascii=False) + "\n")
    return out


def sets(tmp: Path, held_out: bool, extra: dict[str, Path] | None = None) -> dict[str, Path]:
    dev2 = SHARED / "eval" / "news_dev2.jsonl"
    out = {"news_dev": SHARED / "eval" / "news_dev.jsonl",
           "news_dev2 a+b": _subset(dev2, lambda i: not i.startswith("dev-c"), tmp, "dev2ab.jsonl")}
    if held_out:
        out["news_dev2 c"] = _subset(dev2, lambda i: i.startswith("dev-c"), tmp, "dev2c.jsonl")
    for i, name in ((1, "blind_news.jsonl"), (2, "blind_news_2.jsonl"), (3, "blind_news_3.jsonl")):
        out[f"blind {i}"] = ROOT / "bench" / "data" / name
    out["notebook"] = _notebook_gold(tmp)
    return {**out, **(extra or {})}


def run(held_out: bool = False, extra: dict[str, Path] | None = None) -> dict[str, dict]:
    score, score_people = _tool("score"), _tool("score_people")
    res = {}
    with tempfile.TemporaryDirectory() as d:
        for name, path in sets(Path(d), held_out, extra).items():
            err = io.StringIO()
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
                c = score.main([str(path), "--json"])
            if c["errors"]:
                print(f"{name}: {c['errors']} documents failed; first: {err.getvalue().splitlines()[0]}",
                      file=sys.stderr)
            buf = io.StringIO()
            with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(io.StringIO()):
                score_people.main([str(path), "--json"])
            p = json.loads(buf.getvalue().strip().splitlines()[-1])
            res[name] = {**{k: c[k] for k in KEYS}, **{f"people_{k}": p.get(k) for k in PEOPLE_KEYS}}
    return res


def table(res: dict[str, dict], old: dict[str, dict] | None = None) -> str:
    cols = [*KEYS, *(f"people_{k}" for k in PEOPLE_KEYS)]
    lines = ["| set | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for name, r in res.items():
        cells = []
        for k in cols:
            v = r.get(k)
            o = (old or {}).get(name, {}).get(k)
            mark = "" if o is None or v is None or abs(v - o) < 0.0005 else (f" ({v - o:+.3f})" + (" ▼" if v < o else ""))
            cells.append(f"{v:.3f}{mark}" if isinstance(v, float) else str(v))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    extra = {a.split("=", 1)[0]: Path(a.split("=", 1)[1]) for k, a in enumerate(argv[1:])
             if argv[k] == "--add"}  # "--add NAME=FILE": another gold file in the same format
    res = run(held_out="--held-out" in argv, extra=extra)
    old = None
    if "--diff" in argv:
        old = json.loads(Path(argv[argv.index("--diff") + 1]).read_text())
    print(table(res, old))
    if "--save" in argv:
        Path(argv[argv.index("--save") + 1]).write_text(json.dumps(res, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
