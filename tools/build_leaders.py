#!/usr/bin/env python
"""Build ``src/diplograph/resources/data/leaders.jsonl``, the leaders gazetteer, from its raw material.

Inputs
------
* ``<shared>/world_officeholders.jsonl``: office-holder terms derived from Wikidata (CC0).
* ``<shared>/phoenix_aliases.jsonl``: spelling variants from the Phoenix actor dictionary (MIT).
* ``src/diplograph/resources/data/leaders_curated.jsonl``: hand-entered facts, one person a line, in the
  output format. They are merged over the generated data (see :func:`apply_curated`).

Output
------
One JSON object a line and one line a person, sorted by country, then name, then id.
The run is deterministic: the same inputs give the same bytes.

Usage::

    .venv/bin/python tools/build_leaders.py [SHARED_DATA_DIR] [--out PATH] [--check]

``SHARED_DATA_DIR`` defaults to ``../shared/data`` relative to the project root. ``--check`` builds
in memory and exits 1 if the committed file differs (for CI or a pre-commit hook).
"""

from __future__ import annotations

import argparse
import calendar
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable

from anyascii import anyascii

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "src" / "diplograph" / "resources" / "data"
CURATED = DATA_DIR / "leaders_curated.jsonl"
OUT = DATA_DIR / "leaders.jsonl"
DEFAULT_SHARED = ROOT.parent / "shared" / "data"

ROLES = (
    "head_of_state",
    "head_of_government",
    "deputy_head_of_government",
    "foreign_minister",
    "spokesperson",
    "crown_prince",
    "chief_of_staff",
)
SCOPE_START = "2000-01-01"

# Snapshot dates of the raw sources: an open term is "known open as of" this date.
OPEN_AS_OF = {
    "A": "2022",  # every-politician-scrapers, holders21.csv snapshots 2022-03 .. 2023-03 (FM, spokespeople)
    "A2": "2022-12-11",  # every-politician-scrapers/world foreign-minister list
    "C": "2025-10-03",  # cfmessias/geografia leaders_history.csv
}

# Raw records that are wrong and are dropped: (wikidata, role, country, start) -> reason.
EXCLUDE: dict[tuple[str, str, str | None, str], str] = {
    ("Q105444004", "head_of_government", "MMR", "2021-02-02"): "C labels a junta minister as PM/State Counsellor",
    ("Q19718465", "head_of_government", "MMR", "2021-02-02"): "C labels a junta minister as PM/State Counsellor",
    ("Q105234492", "head_of_government", "MMR", "2021-02-02"): "C labels a junta minister as PM/State Counsellor",
    ("Q131385525", "head_of_government", "MMR", "2023-09-25"): "C labels a junta minister as PM/State Counsellor",
    ("Q116822184", "head_of_government", "MMR", "2024-01-07"): "C labels a junta minister as PM/State Counsellor",
    ("Q111077006", "foreign_minister", "HND", "2022-01-27"): "duplicate Wikidata item of Eduardo Enrique Reina (Q110786692)",
    ("Q6365721", "foreign_minister", "IND", "2002-07-01"): "Kanwal Sibal was Foreign Secretary, a civil-service post",
}

# Whole offices that are mislabelled: (country, role, source office title) -> reason.
EXCLUDE_OFFICES: dict[tuple[str, str, str], str] = {
    ("IND", "foreign_minister", "Minister of Foreign Affairs"): "India's Foreign Secretary, a civil servant",
}

# People whose home country is not the one most of their terms are in.
HOME_COUNTRY = {"Q9682": "GBR", "Q43274": "GBR"}  # Elizabeth II, Charles III (the realms)

FEMALE_MONARCHS = {"Q9682", "Q29574", "Q102139"}  # Elizabeth II, Beatrix, Margrethe II

# Source-title -> news title, for titles that are the same in every country.
TITLE_MAP = {
    "head_of_state": {
        "president": "president",
        "federal president": "president",
        "president of montenegro": "president",
        "beretitenti (president)": "president",
        "president of the palestinian national authority": "president",
        "acting president": "acting president",
        "supreme leader": "supreme leader",
        "emperor": "emperor",
        "emir": "emir",
        "sultan": "sultan",
        "grand duke": "grand duke",
        "sovereign prince": "prince",
        "prince": "prince",
        "pope": "pope",
        "captain regent": "captain regent",
        "french co-prince": "co-prince",
        "episcopal co-prince": "co-prince",
        "chairman of the presidency": "chairman of the presidency",
        "chairman of the presidential council": "chairman of the presidential council",
        "chairman of the sovereignty council": "chairman of the sovereignty council",
        "chairman of the transitional military council": "chairman of the transitional military council",
        "o le ao o le malo": "head of state",
        "yang di_pertuan agong (monarch)": "king",
        "druk gyalpo (king)": "king",
        "ngwenyama (king)": "king",
    },
    "head_of_government": {
        "premier": "premier",
        "premier of the state council": "premier",
        "federal chancellor": "chancellor",
        "taoiseach": "taoiseach",
        "chief executive": "chief executive",
        "chief minister": "chief minister",
        "minister of state": "minister of state",
        "president": "president",  # Iran's president heads the government
        "chairman of the council of ministers": "prime minister",
        "chairman of the cabinet of ministers (prime minister)": "prime minister",
    },
}
HOG_TITLE_BY_COUNTRY = {"BIH": "chairman of the council of ministers", "VAT": "president of the governorate"}
FM_TITLE_BY_COUNTRY = {"USA": "secretary of state", "GBR": "foreign secretary", "IND": "external affairs minister"}

# Words that must not begin an alias (titles); the alias is dropped or the word stripped.
TITLE_WORDS = re.compile(
    r"^(?:us president|president|king|queen|prince|princess|sheikh|shaikh|emir|sultan|"
    r"prime minister|chancellor|dr\.?|mr\.?|mrs\.?|ms\.?|sir|general|gen\.)\s+",
    re.I,
)

# East Asian family names written first (CHN, TWN, HKG, MAC, KOR, PRK, SGP): short name = family name.
EAST_ASIAN_COUNTRIES = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "SGP"}
EAST_ASIAN_SURNAMES = set(
    """
    Bai Cai Cao Chan Chang Chao Chen Cheng Cheung Chiang Cho Choe Choi Chong Chou Chu Chun Chung Deng Ding
    Dong Du Fan Fang Feng Fu Gao Goh Gong Gu Guo Han He Ho Hong Hou Hsieh Hsu Hu Hua Huang Hwang Jang
    Jeon Jeong Jiang Jin Jo Ju Jung Kang Kim Ko Koo Ku Kwon Lai Lam Lau Lee Leung Li Liang Liao Lim Lin
    Liu Lo Lu Luo Lü Ma Mao Moon Na Nam Ng No Oh Pak Pan Park Peng Qi Qian Qin Ri Roh Ryu Seo Shen Shi
    Shim Son Song Su Sun Tan Tang Teo Tian Tsai Tsang Tse Tung Wang Wee Wei Wen Won Wong Wu Xi Xia Xiao
    Xie Xu Yan Yang Yao Ye Yeo Yi Yin Yoo Yoon Yu Yuan Yun Zeng Zhang Zhao Zheng Zhou Zhu
    """.split()
)
ARABIC_ARTICLE = re.compile(r"^(?:al|el|as|ash|ad|ar|at|az|an|ath)-(.+)$", re.I)
ROMAN = re.compile(r"^(?:[IVX]+)$")
SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr"}


# --------------------------------------------------------------------------- helpers
def load_jsonl(path: Path) -> list[dict[str, Any]]:
    """Read a JSON Lines file, skipping blank lines and ``//`` comment lines."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise SystemExit(f"{path}:{n}: {err}") from err
    return out


def fold(text: str) -> str:
    """ASCII-fold a name: ``"Recep Tayyip Erdoğan"`` -> ``"Recep Tayyip Erdogan"``."""
    return anyascii(text).replace("`", "'").replace("  ", " ").strip()


def date_lo(d: str | None) -> str:
    """Earliest day a possibly partial ISO date can mean (``None`` = open past)."""
    if not d:
        return "0001-01-01"
    return d + "-01-01"[len(d) - 4 :] if len(d) < 10 else d


def date_hi(d: str | None) -> str:
    """Latest day a possibly partial ISO date can mean (``None`` = open future)."""
    if not d:
        return "9999-12-31"
    if len(d) == 4:
        return d + "-12-31"
    if len(d) == 7:
        return f"{d}-{calendar.monthrange(int(d[:4]), int(d[5:7]))[1]:02d}"
    return d


def uniq(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for it in items:
        if it and it not in seen:
            seen.add(it)
            out.append(it)
    return out


def source_tag(src: str) -> str:
    if src.startswith("cfmessias/"):
        return "C"
    if src.startswith("every-politician-scrapers/world@"):
        return "A2"
    return "A"


# --------------------------------------------------------------------------- titles
def news_title(rec: dict[str, Any]) -> str:
    """The lowercase title news uses for a raw record's office."""
    role, country = rec["role"], rec["country_iso3"]
    office = (rec.get("office") or "").strip()
    low = office.lower()
    if role == "foreign_minister":
        return FM_TITLE_BY_COUNTRY.get(country or "", "foreign minister")
    if role == "spokesperson":
        if "press secretary" in low:
            return "press secretary"
        if low == "chief cabinet secretary":
            return "chief cabinet secretary"
        return "spokesperson"
    if role == "head_of_state":
        if low in ("monarch", "king"):
            return "queen" if rec["wikidata"] in FEMALE_MONARCHS else "king"
        if low in TITLE_MAP["head_of_state"]:
            return TITLE_MAP["head_of_state"][low]
        return low or "head of state"
    if role == "head_of_government":
        if country in HOG_TITLE_BY_COUNTRY:
            return HOG_TITLE_BY_COUNTRY[country]
        if low == "prime minister / state counsellor":
            return "state counsellor" if rec["wikidata"] == "Q36740" else "prime minister"
        if low.startswith("prime minister"):
            return "prime minister"
        return TITLE_MAP["head_of_government"].get(low, low or "head of government")
    return low


# --------------------------------------------------------------------------- names
def clean_name(name: str) -> tuple[str, list[str]]:
    """Fix Wikidata labels that read oddly in news; return (name, extra aliases).

    >>> clean_name("Albert II, Prince of Monaco")
    ('Albert II', ['Albert II of Monaco'])
    >>> clean_name("Felipe VI of Spain")
    ('Felipe VI', ['Felipe VI of Spain'])
    >>> clean_name("Prince Mohamed Bolkiah")
    ('Mohamed Bolkiah', ['Prince Mohamed Bolkiah'])
    """
    m = re.match(r"^(.+?), (?:Prince|Grand Duke|Princess|Grand Duchess) of (.+)$", name)
    if m:
        return m.group(1), [f"{m.group(1)} of {m.group(2)}"]
    m = re.match(r"^(\S+(?: [IVX]+)) of (?:the )?[A-Z].+$", name)
    if m:
        return m.group(1), [name]
    if name.startswith("Prince ") and len(name.split()) > 2:
        return name[len("Prince ") :], [name]
    return name, []


def is_monarch_title(title: str) -> bool:
    return title in {"king", "queen", "emir", "sultan", "emperor", "grand duke", "prince", "pope"}


def derive_short_names(name: str, country: str | None, monarch: bool) -> list[str]:
    """Forms news uses alone for a person, by rule (curated lines may override).

    >>> derive_short_names("Xi Jinping", "CHN", False)
    ['Xi']
    >>> derive_short_names("Abdel Fattah el-Sisi", "EGY", False)
    ['el-Sisi', 'Sisi']
    >>> derive_short_names("Recep Tayyip Erdoğan", "TUR", False)
    ['Erdoğan', 'Erdogan']
    >>> derive_short_names("Charles III", "GBR", True)
    ['Charles III']
    >>> derive_short_names("Tamim bin Hamad Al Thani", "QAT", True)
    ['Tamim']
    """
    if name.startswith("Pope "):
        return [name[5:]]
    toks = name.replace(",", "").split()
    while len(toks) > 1 and toks[-1] in SUFFIXES:
        toks = toks[:-1]
    if not toks:
        return []
    out: list[str] = []
    m = re.match(r"^(\S+) of ", name)
    if m:  # "Beatrix of the Netherlands", "Abdullah of Pahang"
        return uniq([m.group(1), fold(m.group(1))])
    if ROMAN.match(toks[-1]) and len(toks) >= 2:
        out = [" ".join(toks[-2:])] if monarch or len(toks) == 2 else [toks[-2]]
    elif re.search(r"\b(?:bin|bint|ibn)\b", name) or (
        re.search(r"\bAl[ -][A-Z]", name) and country in {"SAU", "ARE", "QAT", "KWT", "BHR", "OMN"}
    ):
        out = [toks[0]]  # Gulf royals: "Sheikh Tamim", "Prince Faisal"
    elif country in EAST_ASIAN_COUNTRIES and len(toks) in (2, 3) and toks[0] in EAST_ASIAN_SURNAMES:
        out = [toks[0]]
    elif len(toks) == 1:
        out = [toks[0]]
    else:
        last = toks[-1]
        m = ARABIC_ARTICLE.match(last)
        out = [last, m.group(1)] if m else [last]
    return uniq(out + [fold(s) for s in out])


# --------------------------------------------------------------------------- raw -> people
def raw_term(rec: dict[str, Any]) -> dict[str, Any]:
    term: dict[str, Any] = {
        "role": rec["role"],
        "title": news_title(rec),
        "start": rec["start"],
        "end": rec["end"],
    }
    if rec["role"] == "spokesperson" and rec.get("office"):
        term["office"] = rec["office"]
    if rec.get("also_head_of_government_from"):
        term["also_head_of_government_from"] = rec["also_head_of_government_from"]
    if rec["end"] is None:
        # Open heads of state and government were checked against C (ends taken from it).
        tag = "C" if rec["role"] in ("head_of_state", "head_of_government") else source_tag(rec["source"])
        term["open_as_of"] = OPEN_AS_OF[tag]
    term["_country"] = rec["country_iso3"]
    term["_territory"] = None if rec["country_iso3"] else rec.get("country_name")
    return term


def merge_adjacent(terms: list[dict[str, Any]], gap_days: int = 7) -> list[dict[str, Any]]:
    """Merge one person's terms in the same office that overlap or follow within ``gap_days``."""
    from datetime import date, timedelta

    def as_date(s: str) -> date:
        return date.fromisoformat(s)

    terms = sorted(terms, key=lambda t: (t["_country"] or "", t["role"], t["title"], date_lo(t["start"])))
    out: list[dict[str, Any]] = []
    for t in terms:
        prev = out[-1] if out else None
        if (
            prev is not None
            and (prev["_country"], prev["role"], prev["title"], prev.get("office"))
            == (t["_country"], t["role"], t["title"], t.get("office"))
            and prev["end"] is not None
            and as_date(date_lo(t["start"])) <= as_date(date_hi(prev["end"])) + timedelta(days=gap_days)
        ):
            if t["end"] is None or date_hi(t["end"]) > date_hi(prev["end"]):
                prev["end"] = t["end"]
                if t["end"] is None:
                    prev["open_as_of"] = t.get("open_as_of")
                else:
                    prev.pop("open_as_of", None)
            if t.get("also_head_of_government_from") and not prev.get("also_head_of_government_from"):
                prev["also_head_of_government_from"] = t["also_head_of_government_from"]
            continue
        out.append(dict(t))
    return out


def build_raw_people(shared: Path) -> dict[str, dict[str, Any]]:
    """Group the raw records of ``shared`` into one person a QID."""
    recs = load_jsonl(shared / "world_officeholders.jsonl")
    phoenix = {p["wikidata"]: p for p in load_jsonl(shared / "phoenix_aliases.jsonl")}
    by_qid: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in recs:
        if date_hi(r["end"]) < SCOPE_START:
            continue
        if (r["wikidata"], r["role"], r["country_iso3"], r["start"]) in EXCLUDE:
            continue
        if (r["country_iso3"], r["role"], r.get("office")) in EXCLUDE_OFFICES:
            continue
        by_qid[r["wikidata"]].append(r)

    people: dict[str, dict[str, Any]] = {}
    for qid, rs in by_qid.items():
        rs.sort(key=lambda r: (date_lo(r["start"]), r["role"]))
        label = Counter(r["name"] for r in rs).most_common(1)[0][0]
        name, extra = clean_name(label)
        aliases = [label] + extra + [a for r in rs for a in r.get("aliases", [])]
        tags = {source_tag(r["source"]) for r in rs}
        if qid in phoenix:
            aliases += phoenix[qid]["phoenix_aliases"]
            tags.add("phoenix")
        terms = merge_adjacent([raw_term(r) for r in rs])
        people["wikidata:" + qid] = {
            "id": "wikidata:" + qid,
            "name": name,
            "aliases": aliases,
            "terms": terms,
            "_tags": tags,
        }
    return people


# --------------------------------------------------------------------------- curated
def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return date_lo(a["start"]) <= date_hi(b["end"]) and date_lo(b["start"]) <= date_hi(a["end"])


def curated_term(t: dict[str, Any], line: dict[str, Any]) -> dict[str, Any]:
    term = {k: v for k, v in t.items() if k != "country"}
    term["_country"] = t.get("country", line.get("country"))
    term["_territory"] = None
    term["_curated"] = True
    if "confidence" not in term and line.get("confidence"):
        term["confidence"] = line["confidence"]
    if term.get("end") is None and "open_as_of" not in term:
        term["open_as_of"] = line.get("as_of", "2025-10")
    return term


def apply_curated(people: dict[str, dict[str, Any]], curated: list[dict[str, Any]]) -> None:
    """Merge curated lines into ``people`` (in place).

    A line is matched to a person by ``id``; failing that, by exact ``name`` (or alias) and country.
    A matched person takes the line's ``name`` (the old name becomes an alias), the union of aliases,
    the line's ``short_names`` and any other person-level field. Each curated term replaces the
    person's generated terms of the same role and country that overlap it in time (so a curated
    term corrects dates or closes a stale open term), and is added otherwise. A curated term with
    ``"drop": true`` only removes the overlapping generated terms.
    """
    by_name: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    for pid, p in people.items():
        countries = {t["_country"] for t in p["terms"]}
        for n in [p["name"]] + p["aliases"]:
            for c in countries:
                by_name[(n, c)].append(pid)

    for line in curated:
        pid = line["id"]
        if pid not in people:
            cands = uniq(by_name.get((line["name"], line.get("country")), []))
            if len(cands) == 1:
                pid = cands[0]
        new_terms = [curated_term(t, line) for t in line.get("terms", [])]
        if pid not in people:
            people[pid] = {"id": pid, "name": line["name"], "aliases": [], "terms": [], "_tags": set()}
        p = people[pid]
        if line["name"] != p["name"]:
            p["aliases"].insert(0, p["name"])
            p["name"] = line["name"]
        p["aliases"] = list(line.get("aliases", [])) + p["aliases"]
        if "short_names" in line:
            p["short_names"] = list(line["short_names"])
        for key in ("organization", "confidence", "note", "home_country"):
            if key in line:
                p["_" + key if key == "home_country" else key] = line[key]
        if "country" in line:
            p["_home_country"] = line["country"]
        for nt in new_terms:
            p["terms"] = [
                t
                for t in p["terms"]
                if t.get("_curated")
                or not (t["role"] == nt["role"] and t["_country"] == nt["_country"] and _overlaps(t, nt))
            ]
        p["terms"] += [t for t in new_terms if not t.get("drop")]
        p["_tags"].add("curated")
        p.setdefault("_sources", []).append(line["source"])


# --------------------------------------------------------------------------- closing open terms
# Offices with several holders at once, where a successor does not end a term.
# Rival governments (LBY, YEM, MMR) are listed here too.
COLLECTIVE = {
    ("BIH", "head_of_state"),
    ("SMR", "head_of_state"),
    ("AND", "head_of_state"),
    ("LBY", "head_of_government"),
    ("LBY", "foreign_minister"),
    ("YEM", "head_of_state"),
    ("YEM", "head_of_government"),
    ("YEM", "foreign_minister"),
    ("MMR", "foreign_minister"),
}


def close_open_terms(people: dict[str, dict[str, Any]]) -> list[tuple[str, str, str, str]]:
    """End a generated open term at the start of the next holder of the same office.

    Only for single-holder roles (head of state, head of government, foreign minister) and only
    when the successor starts later. The closed term gets ``end_inferred: true``.
    """
    slots: dict[tuple[str | None, str], list[tuple[dict[str, Any], str]]] = defaultdict(list)
    for pid, p in people.items():
        for t in p["terms"]:
            if t["role"] in ("head_of_state", "head_of_government", "foreign_minister") and t["_country"]:
                if "acting" in t["title"]:
                    continue
                slots[(t["_country"], t["role"])].append((t, pid))
    closed = []
    for key, items in slots.items():
        if key in COLLECTIVE:
            continue
        for t, pid in items:
            if t["end"] is not None:
                continue
            later = [date_lo(u["start"]) for u, qid in items if qid != pid and date_lo(u["start"]) > date_lo(t["start"])]
            if not later:
                continue
            succ = min(later)
            # keep the successor's precision when it is a full date
            t["end"] = succ
            t["end_inferred"] = True
            t.pop("open_as_of", None)
            closed.append((key[0] or "", key[1], people[pid]["name"], succ))
    return closed


# --------------------------------------------------------------------------- finish
def home_country(p: dict[str, Any]) -> str | None:
    qid = p["id"].split(":", 1)[1]
    if qid in HOME_COUNTRY:
        return HOME_COUNTRY[qid]
    if "_home_country" in p:
        return p["_home_country"]
    counts = Counter(
        t["_country"] for t in p["terms"] if t["_country"] and not (t["_country"] == "AND" and t["title"] == "co-prince")
    )
    if not counts:
        counts = Counter(t["_country"] for t in p["terms"] if t["_country"])
    if not counts:
        return None
    best = max(counts.values())
    tied = {c for c, n in counts.items() if n == best}
    latest = max((t for t in p["terms"] if t["_country"] in tied), key=lambda t: date_lo(t["start"]))
    return latest["_country"]


TERM_KEYS = (
    "role",
    "title",
    "office",
    "country",
    "organization",
    "start",
    "end",
    "also_head_of_government_from",
    "end_inferred",
    "open_as_of",
    "confidence",
    "note",
)


def finish(p: dict[str, Any]) -> dict[str, Any]:
    country = home_country(p)
    territory = next((t["_territory"] for t in p["terms"] if t["_territory"]), None)
    monarch = any(t["role"] == "head_of_state" and is_monarch_title(t["title"]) for t in p["terms"])
    terms = []
    for t in sorted(p["terms"], key=lambda t: (date_lo(t["start"]), t["role"], t["_country"] or "")):
        t = dict(t)
        differs = t["_country"] != country
        out = {}
        for k in TERM_KEYS:
            if k == "country":
                if differs:
                    out[k] = t["_country"]
            elif k in ("start", "end"):
                out[k] = t.get(k)
            elif t.get(k) is not None:
                out[k] = t[k]
        if t.get("_curated"):
            out["source"] = "curated"
        terms.append(out)
    name = p["name"]
    aliases = []
    for a in p["aliases"]:
        a = a.strip()
        if TITLE_WORDS.match(a) and not TITLE_WORDS.match(name):
            stripped = TITLE_WORDS.sub("", a)
            a = stripped if len(stripped.split()) >= 2 else ""
        aliases.append(a)
    aliases += [fold(name)] + [fold(a) for a in aliases if a]
    aliases = [a for a in uniq(aliases) if a != name]
    if "short_names" in p:
        shorts = uniq(list(p["short_names"]) + [fold(s) for s in p["short_names"]])
    else:
        shorts = derive_short_names(name, country, monarch)
    tags = p["_tags"]
    wd = sorted(t for t in tags if t in ("A", "A2", "C"))
    parts = []
    if wd:
        parts.append(f"wikidata (shared/data {'/'.join(wd)})")
    if "phoenix" in tags:
        parts.append("phoenix aliases (MIT)")
    if "curated" in tags:
        parts.append("curated")
    out: dict[str, Any] = {"id": p["id"], "name": name, "aliases": aliases, "short_names": shorts, "country": country}
    if p.get("organization"):
        out["organization"] = p["organization"]
    if territory and country is None:
        out["territory"] = territory
    out["terms"] = terms
    out["source"] = " + ".join(parts)
    if p.get("_sources"):
        out["curated_source"] = "; ".join(uniq(p["_sources"]))
    for key in ("confidence", "note"):
        if p.get(key):
            out[key] = p[key]
    return out


def build(shared: Path, curated_path: Path = CURATED, verbose: bool = False) -> list[dict[str, Any]]:
    """Build the gazetteer lines (sorted) from ``shared`` and the curated file."""
    people = build_raw_people(shared)
    curated = load_jsonl(curated_path) if curated_path.exists() else []
    apply_curated(people, curated)
    closed = close_open_terms(people)
    if verbose:
        for c in sorted(closed):
            print("closed open term:", *c, file=sys.stderr)
    lines = [finish(p) for p in people.values()]
    lines = [ln for ln in lines if ln["terms"]]
    lines.sort(key=lambda ln: (ln["country"] or "~", ln["name"], ln["id"]))
    return lines


def dumps(lines: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(ln, ensure_ascii=False) + "\n" for ln in lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("shared", nargs="?", type=Path, default=DEFAULT_SHARED, help="shared/data directory")
    ap.add_argument("--curated", type=Path, default=CURATED)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="exit 1 if --out is not up to date")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    text = dumps(build(args.shared, args.curated, args.verbose))
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date; run tools/build_leaders.py", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    n_terms = text.count('"role"')
    print(f"wrote {args.out} ({text.count(chr(10))} people, {n_terms} terms, {len(text.encode()) / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
