"""The leaders gazetteer: who held which office in which country, and the names news uses for them.

Data are JSON Lines, one person a line (``data/leaders.jsonl``; users add their own files in the same
format, as spaCy's EntityRuler takes patterns)::

    {"id": "wikidata:Q39259", "name": "Recep Tayyip Erdoğan", "aliases": ["Erdogan", ...],
     "short_names": ["Erdoğan"], "country": "TUR",
     "terms": [{"role": "head_of_state", "title": "president", "start": "2014-08-28", "end": null}]}

``short_names`` are the forms news uses alone ("Xi", "Lula"); without them the last token of the name
stands in. Matching folds diacritics (:func:`diplograph.text.fold`); names keep them.
"""
from __future__ import annotations

import datetime as dt
import re
import warnings
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .data import data_file, read_jsonl
from .text import fold

__all__ = ["Leader", "Term", "Gazetteer", "load_gazetteer", "merge_rows", "surname_keys", "parse_partial_date"]

# Particles that precede a surname and are dropped when it is used alone ("al-Sisi" ~ "Sisi").
_PARTICLES = {"al", "el", "ad", "ar", "as", "at", "az", "bin", "ibn", "bint", "abu", "da", "de", "di",
              "do", "dos", "das", "del", "della", "van", "von", "der", "den", "ter", "la", "le", "du"}


_KOREAN_STYLE = re.compile(r"^[A-Z]\w+ [A-Z]\w+-[a-z]+$")
#: Words that join the parts of a name ("Juan Carlos I of Spain", "García-Margallo y Marfil"): never a
#: name alone ("End Of Year" in a headline is nobody).
_JOINING_WORDS = frozenset({"of", "y", "e", "and", "the"})
_REGNAL = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi",
           "jr", "sr"}


def parse_partial_date(value: str | None, *, end: bool = False) -> dt.date | None:
    """``"2014"``, ``"2014-08"`` or ``"2014-08-28"`` as a date (first or, with ``end``, last day)."""
    if not value:
        return None
    parts = str(value).split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
        if len(parts) > 2:
            return dt.date(year, month, int(parts[2]))
        if not end:
            return dt.date(year, month, 1)
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    except (ValueError, IndexError):
        return None


def surname_keys(name: str) -> set[str]:
    """Folded keys under which a name may appear alone: last token, and without a particle.

    >>> sorted(surname_keys("Abdel Fattah el-Sisi"))
    ['el sisi', 'sisi']
    """
    return set(_surname_keys(name))


@lru_cache(maxsize=65536)
def _surname_keys(name: str) -> frozenset[str]:
    """:func:`surname_keys`, remembered per name (the rules ask for the same names once per mention)."""
    toks = fold(name).split()
    if "of" in toks[1:]:  # "Abdullah II of Jordan", "Charles III of the United Kingdom"
        toks = toks[:toks.index("of", 1)]
    while len(toks) > 1 and toks[-1] in _REGNAL:
        toks = toks[:-1]
    if not toks:
        return frozenset()
    keys = {toks[-1]}
    if len(toks) >= 2 and toks[-2] in _PARTICLES:
        keys.add(" ".join(toks[-2:]))
    if _KOREAN_STYLE.search(name):  # family name first: "Kang Yu-jung" is "Kang"
        keys.add(toks[0])
    return frozenset(keys)


@dataclass
class Term:
    role: str
    title: str | None
    start: dt.date | None
    end: dt.date | None
    also_head_of_government_from: dt.date | None = None
    country: str | None = None  # when the office is another country's (a French president is Andorra's co-prince)

    def covers(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def offices(self, day: dt.date | None) -> set[str]:
        out = {self.role}
        hog = self.also_head_of_government_from
        if hog is not None and (day is None or day >= hog):
            out.add("head_of_government")
        return out


@dataclass
class Leader:
    id: str
    name: str
    country: str | None
    aliases: list[str] = field(default_factory=list)
    short_names: list[str] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    wikidata: str | None = None

    def terms_at(self, day: dt.date | None) -> list[Term]:
        return [t for t in self.terms if t.covers(day)]

    def latest_term(self, day: dt.date | None) -> Term | None:
        """The term in force on ``day``, else the last one that began before it."""
        now = self.terms_at(day)
        if now:  # (on a tie, the office of their own country: president of France, not co-prince of Andorra)
            return max(now, key=lambda t: (t.start or dt.date.min, t.country is None))
        past = [t for t in self.terms if day is None or (t.start or dt.date.min) <= day]
        return max(past, key=lambda t: t.start or dt.date.min) if past else None

    def keys(self) -> set[str]:
        return {fold(n) for n in [self.name, *self.aliases, *self.derived_names()] if fold(n)}

    def derived_names(self) -> list[str]:
        """"Santiago Peña" for "Santiago Peña Palacios" where people carry two surnames; a name of three words
        or more without its first ("Javad Zarif", "Omar Guelleh")."""
        toks = self.name.split()
        out = []
        if self.country in _two_surname_countries() and len(toks) >= 3 and not any(
                t.lower() in _PARTICLES for t in toks[-2:]):
            out.append(" ".join(toks[:-1]))
        if len(toks) >= 3 and toks[1].lower().split("-")[0] not in _PARTICLES and toks[1][:1].isupper():
            out.append(" ".join(toks[1:]))  # "Javad Zarif" for Mohammad Javad Zarif: the first given name dropped
        return out

    def short_keys(self) -> set[str]:
        toks = fold(self.name).split()
        paternal = set()
        if self.country in _two_surname_countries() and len(toks) >= 3 and toks[-2] not in _PARTICLES:
            paternal = {toks[-2], " ".join(toks[-2:])}  # "Peña", "López Obrador"
        if self.country in _given_name_countries() and len(toks) >= 2:
            paternal.add(toks[0])  # "Abiy" for Abiy Ahmed Ali, "Prabowo" for Prabowo Subianto
        if not self.short_names:
            return surname_keys(self.name) | paternal
        out = set(paternal)
        for s in self.short_names:
            toks = fold(s).split()
            while len(toks) > 1 and toks[-1] in _REGNAL:  # "Abdullah II" alone is also "Abdullah"
                out.add(" ".join(toks))
                toks = toks[:-1]
            out.add(" ".join(toks))
            if len(toks) == 2 and toks[0] in _PARTICLES:
                out.add(toks[1])
        return {k for k in out if k}


def _leader_from_row(row: dict[str, Any]) -> Leader:
    terms = [
        Term(role=t.get("role", ""), title=t.get("title"), start=parse_partial_date(t.get("start")),
             end=parse_partial_date(t.get("end"), end=True),
             also_head_of_government_from=parse_partial_date(t.get("also_head_of_government_from")),
             country=t.get("country") if t.get("country") != row.get("country") else None)
        for t in row.get("terms", [])
    ]
    lid = str(row["id"])
    return Leader(id=lid, name=row["name"], country=row.get("country"), aliases=list(row.get("aliases") or []),
                  short_names=list(row.get("short_names") or []), terms=terms,
                  wikidata=row.get("wikidata") or (lid.split(":", 1)[1] if lid.startswith("wikidata:") else None))


class Gazetteer:
    """Index of leaders by folded name, short name, and office on a date."""

    def __init__(self, rows: Iterable[dict[str, Any]] = ()) -> None:
        self.by_id: dict[str, Leader] = {}
        self.full_index: dict[str, set[str]] = defaultdict(set)
        self.short_index: dict[str, set[str]] = defaultdict(set)
        self.by_country: dict[str, set[str]] = defaultdict(set)
        self.rows: list[dict[str, Any]] = []
        self.add(rows)

    def add(self, rows: Iterable[dict[str, Any]]) -> None:
        """Add or extend people (a row with a known id adds its aliases and terms)."""
        for row in rows:
            if "id" not in row or "name" not in row:
                continue
            self.rows.append(row)
            new = _leader_from_row(row)
            old = self.by_id.get(new.id)
            if old is not None:
                old.aliases = sorted(set(old.aliases) | set(new.aliases) | ({new.name} - {old.name}))
                old.short_names = sorted(set(old.short_names) | set(new.short_names))
                old.terms.extend(new.terms)
                old.country = old.country or new.country
                new = old
            self.by_id[new.id] = new
            for k in new.keys():
                self.full_index[k].add(new.id)
            for k in new.short_keys() - _JOINING_WORDS:
                self.short_index[k].add(new.id)
            if new.country:
                self.by_country[new.country].add(new.id)

    def __len__(self) -> int:
        return len(self.by_id)

    def surfaces(self) -> list[tuple[str, str]]:
        """(surface form, leader id) for every full name and alias, for phrase matching."""
        out = []
        for lid, leader in self.by_id.items():
            for s in {leader.name, *leader.aliases, *leader.derived_names()}:
                if s and s[0].isupper():
                    out.append((s, lid))
        return sorted(out)

    def by_name(self, name: str) -> list[Leader]:
        return [self.by_id[i] for i in sorted(self.full_index.get(fold(name), ()))]

    def by_short_name(self, name: str, day: dt.date | None = None, *, in_office: bool = True,
                      recent_years: int = 0, offices: frozenset[str] | None = None) -> list[Leader]:
        """Leaders called ``name`` alone. With ``in_office``, only those holding an office on ``day`` or,
        with ``recent_years``, who left one in the years before it; ``offices`` limits the offices."""
        ids = set(self.short_index.get(fold(name), ()))
        key = fold(name).split()
        if len(key) == 2 and key[0] in _PARTICLES:
            ids |= self.short_index.get(key[1], set())
        found = [self.by_id[i] for i in sorted(ids)]
        if in_office:
            since = day - dt.timedelta(days=365 * recent_years) if day and recent_years else None
            found = [p for p in found if any(
                (offices is None or t.offices(day) & offices)
                and (t.covers(day) or (since is not None and t.end is not None and since <= t.end <= day))
                for t in p.terms)]
        return found

    def holders(self, country: str, offices: Iterable[str], day: dt.date | None) -> list[Leader]:
        """Who held one of ``offices`` (roles such as head_of_state) in ``country`` on ``day``."""
        want = set(offices)
        if "leader" in want:
            want = {self.leader_office(country, day)}
        out = []
        for lid in sorted(self.by_country.get(country, ())):
            p = self.by_id[lid]
            if any(t.offices(day) & want for t in p.terms_at(day)):
                out.append(p)
        return out

    def leader_office(self, country: str, day: dt.date | None) -> str:
        """Which office "the <country> leader" means on ``day``."""
        override = _country_leaders().get(country)
        if override:
            return override
        hos_runs_gov = hog = False
        for lid in self.by_country.get(country, ()):
            for t in self.by_id[lid].terms_at(day):
                offices = t.offices(day)
                if "head_of_state" in offices and "head_of_government" in offices:
                    hos_runs_gov = True
                elif t.role == "head_of_government":
                    hog = True
        return "head_of_government" if hog and not hos_runs_gov else "head_of_state"


def _data_file(name: str) -> Path:
    return data_file("resources", name)


@lru_cache(maxsize=1)
def _two_surname_countries() -> frozenset[str]:
    rows = read_jsonl(_data_file("naming_conventions.jsonl"))
    return frozenset(c for r in rows if r.get("convention") == "paternal_maternal" for c in r["countries"])


@lru_cache(maxsize=1)
def _given_name_countries() -> frozenset[str]:
    rows = read_jsonl(_data_file("naming_conventions.jsonl"))
    return frozenset(c for r in rows if r.get("convention") == "given_name_first_use" for c in r["countries"])


@lru_cache(maxsize=1)
def _country_leaders() -> dict[str, str]:
    return {r["code"]: r["leader"] for r in read_jsonl(_data_file("country_leaders.jsonl")) if "code" in r}


# Offices with several holders at once (and rival governments): a new holder ends no one's term.
_COLLECTIVE = {("BIH", "head_of_state"), ("SMR", "head_of_state"), ("AND", "head_of_state"),
               ("CHE", "head_of_state"), ("LBY", "head_of_government"), ("LBY", "foreign_minister"),
               ("YEM", "head_of_state"), ("YEM", "head_of_government"), ("YEM", "foreign_minister"),
               ("MMR", "foreign_minister")}
_SINGLE_HOLDER = ("head_of_state", "head_of_government", "foreign_minister")
_KEEP_FROM_OLD = ("also_head_of_government_from", "title")


def _span(t: dict[str, Any]) -> tuple[dt.date, dt.date]:
    return (parse_partial_date(t.get("start")) or dt.date.min,
            parse_partial_date(t.get("end"), end=True) or dt.date.max)


def _office(t: dict[str, Any], row: dict[str, Any]) -> tuple[str | None, str]:
    return (t.get("country", row.get("country")), t.get("role", ""))


def _replace_terms(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """``old``'s terms with those overlapping one of ``new``'s in the same office replaced by it; the
    new term keeps what only the old one knew (a president's head-of-government date, a curated title)."""
    kept, added = [], [dict(t) for t in new.get("terms", [])]
    for t in old.get("terms", []):
        a0, a1 = _span(t)
        same = [u for u in added if _office(u, new) == _office(t, old)
                and a0 <= _span(u)[1] and _span(u)[0] <= a1]
        if not same:
            kept.append(t)
        for u in same:
            for k in _KEEP_FROM_OLD:
                if t.get(k) and (not u.get(k) or (k == "title" and u.get("title") == "head of state")):
                    u[k] = t[k]
    return kept + added


def _close_superseded(rows: list[dict[str, Any]], updated: set[int]) -> None:
    """End an open term of a single-holder office at the start of a later holder from the update."""
    news: dict[tuple, list[tuple[int, dt.date]]] = defaultdict(list)
    for i in updated:
        for t in rows[i].get("terms", []):
            if t.get("role") in _SINGLE_HOLDER:
                news[_office(t, rows[i])].append((i, _span(t)[0]))
    for i, row in enumerate(rows):
        for t in row.get("terms", []):
            office = _office(t, row)
            if t.get("end") or office not in news or office in _COLLECTIVE or "acting" in (t.get("title") or ""):
                continue
            later = [d for j, d in news[office] if j != i and d > _span(t)[0]]
            if later:
                t["end"] = min(later).isoformat()
                t["end_inferred"] = True
                t.pop("open_as_of", None)


def merge_rows(base: Iterable[dict[str, Any]], over: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows of ``over`` (a user gazetteer) merged over ``base`` (the packaged one).

    A person of ``over`` is found in ``base`` by id, else by name and country (a ``person:`` id
    curated by hand and the same person's ``wikidata:`` id are one person). Their terms replace the
    overlapping terms of the same office; aliases are united and the packaged name is kept. An open
    term of a single-holder office ends where an updated successor's term starts. ``base`` is not
    changed.
    """
    rows = [dict(r, terms=[dict(t) for t in r.get("terms", [])]) for r in base]
    by_id = {r["id"]: i for i, r in enumerate(rows) if "id" in r}
    by_name = {(fold(r["name"]), r.get("country")): i for i, r in enumerate(rows) if "name" in r}
    updated: set[int] = set()
    for r in over:
        if "id" not in r or "name" not in r:
            continue
        i = by_id.get(r["id"], by_name.get((fold(r["name"]), r.get("country"))))
        if i is None:
            rows.append(dict(r, terms=[dict(t) for t in r.get("terms", [])]))
            i = by_id[r["id"]] = by_name[(fold(r["name"]), r.get("country"))] = len(rows) - 1
        else:
            old = rows[i]
            aliases = (set(old.get("aliases") or ()) | set(r.get("aliases") or ()) | {r["name"]}) - {old["name"]}
            rows[i] = dict(old, aliases=sorted(aliases), terms=_replace_terms(old, r))
            if str(r["id"]).startswith("wikidata:") and not str(old["id"]).startswith("wikidata:"):
                rows[i]["wikidata"] = r["id"].split(":", 1)[1]
        updated.add(i)
    _close_superseded(rows, updated)
    return rows


def _user_file() -> Path | None:
    from .wikidata import user_gazetteer_path

    p = user_gazetteer_path()
    return p if p.is_file() else None


def load_gazetteer(extra: tuple[str, ...] = ()) -> Gazetteer:
    """The packaged leaders gazetteer, with the user gazetteer (``diplograph gazetteer update``)
    merged over it when there is one, plus any extra JSONL files (same format)."""
    user = _user_file()
    stamp = (str(user), user.stat().st_mtime_ns, user.stat().st_size) if user else None
    return _load_gazetteer(tuple(extra), stamp)


@lru_cache(maxsize=8)
def _load_gazetteer(extra: tuple[str, ...], user: tuple | None) -> Gazetteer:
    gaz = Gazetteer()
    base = _data_file("leaders.jsonl")
    if base.exists():
        rows = read_jsonl(base)
    else:  # pragma: no cover - a broken install
        warnings.warn("diplograph: packaged leaders.jsonl is missing; only context finds people", stacklevel=2)
        rows = []
    if user is not None:
        rows = merge_rows(rows, read_jsonl(user[0]))
    gaz.add(rows)
    for p in extra:
        gaz.add(read_jsonl(p))
    return gaz
