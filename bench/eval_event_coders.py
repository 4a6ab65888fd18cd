"""Country-level check on event-coder gold sentences (PETRARCH2 validation, PLOVER gold standard).

These records code events between *countries* (actor codes such as USAGOV, RUS), not people, so they
are a second check only: a case counts as recovered when one of diplograph's contacts links the
countries of an expected source and target (a person's country, or the host country of a visit).
Only real-news records are used (PETRARCH2's fictional unit tests are skipped).

    python bench/eval_event_coders.py [../shared/eval] [--show]
"""
from __future__ import annotations

import json
import sys
from itertools import combinations
from pathlib import Path

import diplograph

CONSULT = {"036", "040", "041", "042", "043", "044", "045", "046"}
CAMEO_TO_ISO = {"JAP": "JPN"}  # CAMEO country codes that differ from ISO 3166 alpha-3


def _codes(actor) -> set[str]:
    if actor is None:
        return set()
    if isinstance(actor, list):
        codes = {a.get("code", "")[:3] for a in actor if a.get("code")}
    else:
        codes = {str(actor)[:3]} if actor and not str(actor).startswith("-") else set()
    return {CAMEO_TO_ISO.get(c, c) for c in codes}


def expected_pairs(rec: dict) -> set[frozenset]:
    out = set()
    for e in rec["expected"]:
        if str(e.get("code")) not in CONSULT and e.get("code") not in ("CONSULT", "AGREE", "REJECT", "SANCTION"):
            continue
        src, tgt = _codes(e.get("source")), _codes(e.get("target"))
        both = src | tgt
        if tgt:
            out |= {frozenset({a, b}) for a in src for b in tgt if a != b}
        else:
            out |= {frozenset(p) for p in combinations(sorted(both), 2)}
    return out


def predicted(rec: dict) -> tuple[set[frozenset], list]:
    date = str(rec.get("date") or "")
    published = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if len(date) == 8 and date.isdigit() else date[:10]
    try:
        published = diplograph.api.parse_published(published)
    except diplograph.InputError:
        published = None  # some records carry dates such as "121108"
    ex = diplograph.extract(rec["text"], published=published)
    pairs = set()
    for c in ex.contacts:
        countries = sorted({p.country for p in c.participants if p.country})
        pairs |= {frozenset(p) for p in combinations(countries, 2)}
    return pairs, ex.contacts


def main(argv: list[str]) -> None:
    root = Path(next((a for a in argv if not a.startswith("--")), "../shared/eval"))
    show = "--show" in argv
    for name in ("petrarch2_consult.jsonl", "plover_consult.jsonl", "plover_contact_contrast.jsonl"):
        path = root / name
        if not path.exists():
            continue
        total = hit = with_people = 0
        for line in path.open(encoding="utf-8"):
            rec = json.loads(line)
            if rec.get("suite") == "unit_test_fictional_actors":
                continue
            want = expected_pairs(rec)
            if not want:
                continue
            total += 1
            got, contacts = predicted(rec)
            ok = bool(want & got)
            hit += ok
            with_people += bool(contacts)
            if show:
                mark = "OK  " if ok else "MISS"
                print(f"{mark} {rec['id']}: want {sorted(map(sorted, want))} got "
                      f"{[(c.type, c.status, [p.name for p in c.participants]) for c in contacts]}")
                print(f"      {rec['text'][:160]}")
        print(f"{name}: {hit}/{total} real-news cases recovered at country level "
              f"({with_people} with any contact)")


if __name__ == "__main__":
    main(sys.argv[1:])
