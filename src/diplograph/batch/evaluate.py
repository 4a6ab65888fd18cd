"""Score contact extraction against annotated (gold) JSON Lines files.

Scoring is per unordered pair of people, as an edge of the contact graph would be: a predicted pair
matches a gold pair when both names match (a gold person matches by canonical name, surname or a
capitalised alias; diacritics and case are ignored), one-to-one, greedily, the best-agreeing
candidates first. A pair from an n-person contact weighs ``1/(n-1)``, so a summit of n leaders counts
n/2 pairs, not n(n-1)/2. Reported:

* ``pair_p``, ``pair_r``, ``pair_f1``: weighted precision, recall and F1 of the pairs;
* ``strict_f1``: F1 counting a match only when its type and status are right too;
* ``type_acc``, ``status_acc``: over matched pairs; ``talks`` (mode not stated) in the gold accepts
  any type, and meeting/visit (in person) and phone_call/video_call (remote) accept each other;
* ``date_acc_dated``: date right among matched pairs whose gold has a date; ``date_acc_all``: date
  right (``None`` = ``None`` counts) among all matched pairs. ``date_alternatives`` and
  ``type_alternatives`` of a gold contact are accepted too.

The numbers are those of the project's reference scorer (``shared/tools/score.py``). The gold format
is described in ``docs/cli.md``.

>>> scores = evaluate(["news_dev.jsonl"])           # doctest: +SKIP
>>> scores["pair_f1"]                               # doctest: +SKIP
0.71
"""
from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from itertools import combinations
from pathlib import Path
from typing import IO, Any

__all__ = ["evaluate", "format_scores", "score_document", "gold_pairs", "pred_pairs", "type_ok",
           "SCORE_KEYS"]

IN_PERSON = {"meeting", "visit"}
REMOTE = {"phone_call", "video_call"}
SCORE_KEYS = ("docs", "errors", "gold_pairs", "pred_pairs", "pair_p", "pair_r", "pair_f1",
              "strict_f1", "type_acc", "status_acc", "date_acc_dated", "date_acc_all", "seconds")

Extractor = Callable[[str, Any], dict]


def _fold(s: str | None) -> str:
    # deliberately the reference scorer's folding (not diplograph.text.fold): the numbers must agree
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


def _has_word(hay: str, needle: str) -> bool:
    return bool(needle) and re.search(r"(?:^| )" + re.escape(needle) + r"(?: |$)", hay) is not None


def _person_keys(name: str, aliases: Iterable[str] = ()) -> set[str]:
    keys = {_fold(name)}
    toks = _fold(name).split()
    if toks:
        keys.add(toks[-1])
    for a in aliases:
        if a and a[0].isupper() and not a.lower().startswith(("the ", "his ", "her ")):
            keys.add(_fold(a))
    return {k for k in keys if len(k) > 1}


def _name_matches(pred_name: str, keys: set[str], full: str | None = None) -> bool:
    p = _fold(pred_name)
    if any(_has_word(p, k) for k in keys):
        return True
    return full is not None and len(p) > 2 and _has_word(_fold(full), p)


def type_ok(pred: str | None, gold: Iterable[str]) -> bool:
    """Whether a predicted contact type is acceptable for a gold pair's accepted types.

    >>> type_ok("video_call", ["phone_call"]), type_ok("meeting", ["talks"]), type_ok("visit", ["phone_call"])
    (True, True, False)
    """
    return any(pred == g or g == "talks" or {pred, g} <= IN_PERSON or {pred, g} <= REMOTE
               for g in gold)


def gold_pairs(item: dict) -> list[dict]:
    """The weighted pairs of people of a gold record's contacts."""
    people = {p["name"]: p for p in item.get("people", [])}
    out = []
    for c in item.get("contacts", []):
        parts = []
        for p in c["participants"]:
            if isinstance(p, list):
                parts.append((set(p), None))
            else:
                info = people.get(p, {"name": p, "aliases": []})
                parts.append((_person_keys(info["name"], info.get("aliases", [])), info["name"]))
        w = 1 / max(1, len(parts) - 1)
        for a, b in combinations(parts, 2):
            out.append({"a": a, "b": b, "type": c["type"], "status": c["status"],
                        "date": c.get("date"), "w": w,
                        "dates": [c.get("date")] + c.get("date_alternatives", []),
                        "types": [c["type"]] + c.get("type_alternatives", [])})
    return out


def _date_value(d: Any) -> str | None:
    if d is None:
        return None
    if isinstance(d, dict):
        return d.get("value")
    return str(d)


def pred_pairs(result: dict) -> list[dict]:
    """The weighted pairs of people of an extraction (``Extraction.to_dict()``); country parties
    are left out."""
    out = []
    for c in result.get("contacts", []):
        names = []
        for p in c.get("participants", []):
            if isinstance(p, dict):
                if p.get("kind", "person") != "person":
                    continue
                names.append(p.get("name") or p.get("id") or "")
            else:
                names.append(str(p))
        w = 1 / max(1, len(names) - 1)
        for a, b in combinations(names, 2):
            out.append({"a": a, "b": b, "type": c.get("type"), "status": c.get("status"),
                        "date": _date_value(c.get("date")), "w": w})
    return out


def _pair_match(pp: dict, gp: dict) -> bool:
    (ka, fa), (kb, fb) = gp["a"], gp["b"]
    fwd = _name_matches(pp["a"], ka, fa) and _name_matches(pp["b"], kb, fb)
    rev = _name_matches(pp["a"], kb, fb) and _name_matches(pp["b"], ka, fa)
    return fwd or rev


def score_document(preds: list[dict], golds: list[dict]) -> list[tuple[dict, dict]]:
    """Matched ``(pred, gold)`` pairs: greedy one-to-one matching, best attribute agreement first."""
    cands = []
    for i, pp in enumerate(preds):
        for j, gp in enumerate(golds):
            if _pair_match(pp, gp):
                agree = (type_ok(pp["type"], gp["types"]) + (pp["status"] == gp["status"])
                         + (pp["date"] in gp["dates"]))
                cands.append((-agree, i, j))
    cands.sort()
    used_p, used_g, matches = set(), set(), []
    for _, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        matches.append((preds[i], golds[j]))
    return matches


def _default_extractor(model: str | None) -> Extractor:
    from ..api import extract

    return lambda text, published: extract(text, published=published, model=model).to_dict()


def _iter_gold(paths: Iterable[str | Path]) -> Iterable[tuple[str, int, dict]]:
    from ..errors import InputError

    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                except json.JSONDecodeError as e:
                    raise InputError(f"malformed JSON: {e.msg}", source=str(path), line=n) from None
                if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                    raise InputError("a gold record is an object with a string 'text'",
                                     source=str(path), line=n, field="text")
                yield str(path), n, item


def evaluate(gold_paths: Iterable[str | Path], show: bool = False, *, model: str | None = None,
             extractor: Extractor | None = None, out: IO[str] | None = None) -> dict[str, Any]:
    """Score diplograph (or ``extractor``) on gold JSON Lines files; return the scores.

    ``extractor(text, published)`` must return an ``Extraction.to_dict()``-like dict; by default it
    is :func:`diplograph.extract`. An extraction that raises counts in ``errors`` (reported on
    stderr) and predicts nothing. With ``show``, every wrong, missed and spurious pair is printed
    to ``out`` (stdout by default).
    """
    out = out if out is not None else sys.stdout
    run = extractor or _default_extractor(model)
    tot = {"pred": 0, "gold": 0, "tp": 0, "strict_tp": 0, "type_ok": 0, "status_ok": 0,
           "date_ok": 0, "dated_gold": 0, "dated_ok": 0, "docs": 0, "errors": 0, "chars": 0,
           "matched": 0}
    t0 = time.perf_counter()
    for path, n, item in _iter_gold(gold_paths):
        doc = item.get("id", f"{path}:{n}")
        tot["docs"] += 1
        tot["chars"] += len(item["text"])
        try:
            res = run(item["text"], item.get("published"))
        except Exception as e:  # a crash on real text is a failure, counted and shown
            tot["errors"] += 1
            print(f"ERROR {doc}: {type(e).__name__}: {e}", file=sys.stderr)
            res = {"contacts": []}
        preds, golds = pred_pairs(res), gold_pairs(item)
        matches = score_document(preds, golds)
        tot["pred"] += sum(p["w"] for p in preds)
        tot["gold"] += sum(g["w"] for g in golds)
        tot["tp"] += sum(g["w"] for _, g in matches)
        tot["matched"] += len(matches)
        for pp, gp in matches:
            t_ok = type_ok(pp["type"], gp["types"])
            s_ok = pp["status"] == gp["status"]
            d_ok = pp["date"] in gp["dates"]
            tot["type_ok"] += t_ok
            tot["status_ok"] += s_ok
            tot["date_ok"] += d_ok
            if gp["date"] is not None:
                tot["dated_gold"] += 1
                tot["dated_ok"] += d_ok
            tot["strict_tp"] += gp["w"] * (t_ok and s_ok)
        if show:
            _show(doc, preds, golds, matches, out)
    secs = time.perf_counter() - t0

    def f1(tp: float, p: float, g: float) -> tuple[float, float, float]:
        prec = tp / p if p else (1.0 if g == 0 else 0.0)
        rec = tp / g if g else 1.0
        return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)

    p, r, f = f1(tot["tp"], tot["pred"], tot["gold"])
    _, _, sf = f1(tot["strict_tp"], tot["pred"], tot["gold"])
    m = tot["matched"] or 1
    return {"docs": tot["docs"], "errors": tot["errors"], "gold_pairs": round(tot["gold"], 1),
            "pred_pairs": round(tot["pred"], 1),
            "pair_p": round(p, 3), "pair_r": round(r, 3), "pair_f1": round(f, 3),
            "strict_f1": round(sf, 3),
            "type_acc": round(tot["type_ok"] / m, 3), "status_acc": round(tot["status_ok"] / m, 3),
            "date_acc_dated": round(tot["dated_ok"] / (tot["dated_gold"] or 1), 3),
            "date_acc_all": round(tot["date_ok"] / m, 3), "seconds": round(secs, 2)}


def _show(doc: str, preds: list[dict], golds: list[dict], matches: list[tuple[dict, dict]],
          out: IO[str]) -> None:
    matched_g = [id(g) for _, g in matches]
    matched_p = [id(p) for p, _ in matches]
    for pp, gp in matches:
        flags = [k for k, ok in (("type", type_ok(pp["type"], gp["types"])),
                                 ("status", pp["status"] == gp["status"]),
                                 ("date", pp["date"] in gp["dates"])) if not ok]
        if flags:
            print(f"  {doc} WRONG {flags}: pred={pp['a']}|{pp['b']} {pp['type']} "
                  f"{pp['status']} {pp['date']}  gold={gp['type']} {gp['status']} {gp['date']}",
                  file=out)
    for gp in golds:
        if id(gp) not in matched_g:
            print(f"  {doc} MISSED: {sorted(gp['a'][0])[:2]}|{sorted(gp['b'][0])[:2]} "
                  f"{gp['type']} {gp['status']} {gp['date']}", file=out)
    for pp in preds:
        if id(pp) not in matched_p:
            print(f"  {doc} SPURIOUS: {pp['a']}|{pp['b']} {pp['type']} {pp['status']} {pp['date']}",
                  file=out)


def format_scores(scores: dict[str, Any]) -> str:
    """The scores as aligned ``key value`` lines, as the reference scorer prints them."""
    return "\n".join(f"{k:16} {v}" for k, v in scores.items())
