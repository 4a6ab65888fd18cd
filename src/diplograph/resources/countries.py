"""The country lexicon: names, demonyms, capitals and metonyms mapped to ISO 3166-1 alpha-3.

Built from pycountry (ISO names, official names) and countryinfo (alternative spellings, demonyms,
capitals), plus ``data/countries_curated.jsonl`` for what neither has: metonyms ("Kremlin" -> RUS,
"Downing Street" -> GBR), short news names ("US", "UK") and display names ("Türkiye"). Matching is
case-sensitive on purpose: "turkey" and "china" in lower case are not countries. Surfaces listed as
``ambiguous`` ("Georgia", "Jordan", "Montenegro", "Chad") count as a country only where the context does
not make them something else (see :mod:`diplograph.people`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from anyascii import anyascii

from .data import data_file, read_jsonl

__all__ = ["CountryLexicon", "CountryEntry", "load_countries"]

KINDS = ("name", "demonym", "capital", "metonym")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-()À-ÿ]*$")


@dataclass
class CountryEntry:
    code: str
    name: str
    surfaces: dict[str, str] = field(default_factory=dict)  # surface -> kind
    ambiguous: set[str] = field(default_factory=set)
    seats: set[str] = field(default_factory=set)  # seats of government: "White House", "Kremlin"


@dataclass
class CountryLexicon:
    """Surface forms of every country; ``lookup("Kremlin") -> ("RUS", "metonym")``."""

    entries: dict[str, CountryEntry]
    by_surface: dict[str, tuple[str, str]]

    def lookup(self, surface: str) -> tuple[str, str] | None:
        return self.by_surface.get(surface) or self.by_surface.get(anyascii(surface))

    def name(self, code: str) -> str:
        e = self.entries.get(code)
        return e.name if e else code

    def is_ambiguous(self, surface: str) -> bool:
        hit = self.lookup(surface)
        return bool(hit) and surface in self.entries[hit[0]].ambiguous

    def is_seat(self, surface: str) -> bool:
        """Is ``surface`` a seat of government ("White House", "Kremlin"), i.e. its leader's office?"""
        hit = self.lookup(surface)
        return bool(hit) and (surface in self.entries[hit[0]].seats or anyascii(surface) in
                              {anyascii(s) for s in self.entries[hit[0]].seats})

    def surfaces(self) -> list[tuple[str, str, str]]:
        """(surface, code, kind) for every surface, sorted, for building matchers."""
        return sorted((s, c, k) for s, (c, k) in self.by_surface.items())


def build_lexicon(curated: list[dict]) -> CountryLexicon:
    import pycountry
    from countryinfo import all_countries

    entries: dict[str, CountryEntry] = {}
    population: dict[str, int] = {}
    for c in pycountry.countries:
        e = CountryEntry(code=c.alpha_3, name=getattr(c, "common_name", None) or c.name)
        for s in {c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)} - {None}:
            if "," not in s:
                e.surfaces[s] = "name"
        entries[c.alpha_3] = e
    for info in (ci.info() for ci in all_countries()):
        code = (info.get("ISO") or {}).get("alpha3")
        if code not in entries:
            continue
        e = entries[code]
        e.name = info.get("name") or e.name
        e.surfaces.setdefault(info["name"], "name")
        for alt in info.get("altSpellings") or []:
            if len(alt) > 3 and _LATIN.match(alt) and not alt.isupper():
                e.surfaces.setdefault(alt, "name")
        if isinstance(info.get("demonym"), str) and info["demonym"]:
            e.surfaces.setdefault(info["demonym"], "demonym")
        capitals = info.get("capital") or []
        for cap in [capitals] if isinstance(capitals, str) else capitals:
            if _LATIN.match(cap):
                e.surfaces.setdefault(cap, "capital")
        population[code] = int(info.get("population") or 0)
    by_surface: dict[str, tuple[str, str]] = {}
    # On a clash ("American": USA or Northern Mariana Islands; "French": France or its Southern
    # Territories) names beat demonyms beat capitals, then the more populous country wins ...
    rank = {"name": 0, "metonym": 1, "demonym": 2, "capital": 3}
    for e in sorted(entries.values(), key=lambda e: -population.get(e.code, 0)):
        for s, kind in e.surfaces.items():
            # "Timor-Leste" is also written "Timor Leste"
            for variant in {s, anyascii(s), *(_written_forms(s) if kind == "name" else ())}:
                old = by_surface.get(variant)
                if old is None or rank[kind] < rank[old[1]]:
                    by_surface[variant] = (e.code, kind)
    # ... and the curated file overrides everything.
    for row in curated:
        e = entries.setdefault(row["code"], CountryEntry(code=row["code"], name=row["name"]))
        e.name = row.get("name", e.name)
        for kind, key in (("name", "names"), ("demonym", "demonyms"), ("metonym", "metonyms")):
            for s in row.get(key, []):
                e.surfaces[s] = kind
                for variant in {s, anyascii(s)}:
                    by_surface[variant] = (e.code, kind)
        e.ambiguous.update(row.get("ambiguous", []))
        e.seats.update(row.get("seats", []))
    return CountryLexicon(entries=entries, by_surface=by_surface)


def _written_forms(name: str) -> set[str]:
    """How news also writes a country's name: "Timor Leste", "St. Lucia", "St Kitts and Nevis", "Antigua &
    Barbuda"."""
    out = {name.replace("-", " ")} if "-" in name else set()
    for form in {name, *out}:
        if form.startswith("Saint "):
            out |= {"St. " + form[6:], "St " + form[6:]}
    out |= {f.replace(" and ", " & ") for f in {name, *out} if " and " in f}
    return out


@lru_cache(maxsize=4)
def load_countries(extra: tuple[str, ...] = ()) -> CountryLexicon:
    """The lexicon from package data plus any extra curated JSONL files (same format)."""
    rows = read_jsonl(data_file("resources", "countries_curated.jsonl"))
    for p in extra:
        rows.extend(read_jsonl(p))
    return build_lexicon(rows)
