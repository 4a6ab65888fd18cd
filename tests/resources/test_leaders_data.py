"""Integrity tests for the leaders gazetteer data (``src/diplograph/resources/data/leaders*.jsonl``).

Fast and model-free: they read the JSON Lines files directly. The rebuild check runs only where
the raw material (``../shared/data``) is present; the package itself never needs it.
"""

from __future__ import annotations

import calendar
import importlib.util
import json
import re
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "diplograph" / "resources" / "data"
LEADERS = DATA / "leaders.jsonl"
CURATED = DATA / "leaders_curated.jsonl"
SHARED = ROOT.parent / "shared" / "data"

ROLES = {
    "head_of_state",
    "head_of_government",
    "deputy_head_of_government",
    "foreign_minister",
    "spokesperson",
    "crown_prince",
    "chief_of_staff",
    "head_of_organization",
}
PERSON_KEYS = {
    "id", "name", "aliases", "short_names", "country", "organization", "territory", "terms",
    "source", "curated_source", "confidence", "note",
}
TERM_KEYS = {
    "role", "title", "office", "country", "organization", "start", "end", "also_head_of_government_from",
    "end_inferred", "open_as_of", "confidence", "note", "source",
}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ID_RE = re.compile(r"^(wikidata:Q\d+|person:[a-z0-9]+(-[a-z0-9]+)*)$")
TITLE_PREFIX = re.compile(r"^(President|King|Queen|Prime Minister|Sheikh|Emir|Sultan|Chancellor|Mr\.?|Mrs\.?|Dr\.?) ", re.I)

G20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA".split()
UNSC_PERMANENT = "CHN FRA RUS GBR USA".split()
EU27 = "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE".split()
# The countries of the people annotated in the dev sets (news_dev.jsonl and news_dev2.jsonl, "people" only).
DEV_SET = """ALB ARG AUS AUT BFA BLR BRA BRN BWA CAN CHN COL DEU DJI DZA EGY ESP ETH FIN FJI FRA GBR GHA GRC HRV IND IRL
IRN IRQ ISR ITA JOR JPN KEN KGZ KOR LAO LKA LTU MEX MLI MLT MYS NER NGA NLD NZL OMN PAK POL PRK PSE QAT RUS RWA SAU SDN
SOM SRB THA TJK TLS TUN TUR TZA UKR USA UZB VEN VNM XKX ZAF""".split()
# Years in which a dev-set country had no foreign minister on 1 June: the office was vacant.
FM_VACANT = {("MYS", 2018), ("NGA", 2023), ("SDN", 2019), ("TLS", 2020)}
# Countries whose spokespeople news names (foreign ministry, government or head of state's office).
SPOKESPEOPLE_FROM_2021 = {"ISR"}  # earlier ones not entered
SPOKESPEOPLE = "BLR CHN DEU EGY ESP ETH FRA IND IRN ISR JPN KEN NGA PAK POL PSE QAT RUS TUN TUR UKR USA ZAF".split()


def _load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip() and not line.startswith("//")]


@pytest.fixture(scope="module")
def people() -> list[dict]:
    return _load(LEADERS)


@pytest.fixture(scope="module")
def by_id(people) -> dict[str, dict]:
    return {p["id"]: p for p in people}


def _lo(d: str) -> date:
    parts = [int(x) for x in d.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def _hi(d: str | None) -> date:
    if d is None:
        return date.max
    parts = [int(x) for x in d.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(*parts)


def _country(person: dict, term: dict) -> str | None:
    return term["country"] if "country" in term else person["country"]


def holders(people: list[dict], country: str, role: str, on: str) -> list[dict]:
    """People holding ``role`` in ``country`` on day ``on`` (both ends inclusive)."""
    day = date.fromisoformat(on)
    return [
        p
        for p in people
        for t in p["terms"]
        if t["role"] == role and _country(p, t) == country and _lo(t["start"]) <= day <= _hi(t["end"])
    ]


def holds(person: dict, role: str, on: str, country: str | None = None) -> bool:
    day = date.fromisoformat(on)
    return any(
        t["role"] == role
        and (country is None or _country(person, t) == country)
        and _lo(t["start"]) <= day <= _hi(t["end"])
        for t in person["terms"]
    )


def find(people: list[dict], name: str) -> dict:
    found = [p for p in people if p["name"] == name]
    assert len(found) == 1, f"{name!r}: {len(found)} matches"
    return found[0]


# ------------------------------------------------------------------ schema
def test_every_line_has_the_schema(people):
    assert len(people) > 3000
    ids = set()
    for p in people:
        assert set(p) <= PERSON_KEYS, (p["id"], set(p) - PERSON_KEYS)
        assert ID_RE.match(p["id"]), p["id"]
        assert p["id"] not in ids, p["id"]
        ids.add(p["id"])
        assert isinstance(p["name"], str) and p["name"].strip() == p["name"] and p["name"]
        assert isinstance(p["aliases"], list) and all(isinstance(a, str) and a for a in p["aliases"])
        assert len(set(p["aliases"])) == len(p["aliases"]), p["id"]
        assert p["name"] not in p["aliases"], p["id"]
        assert isinstance(p["short_names"], list) and p["short_names"], p["id"]
        assert all(isinstance(s, str) and s for s in p["short_names"])
        assert p["country"] is None or re.match(r"^[A-Z]{3}$", p["country"]), p["id"]
        if p["country"] is None:
            assert p.get("organization") or p.get("territory"), p["id"]
        assert isinstance(p["source"], str) and p["source"]
        assert p["terms"], p["id"]


def test_terms_have_roles_titles_and_iso_dates(people):
    for p in people:
        for t in p["terms"]:
            where = (p["id"], t)
            assert set(t) <= TERM_KEYS, where
            assert t["role"] in ROLES, where
            assert t["title"] and t["title"] == t["title"].lower(), where
            assert DATE_RE.match(t["start"]), where
            _lo(t["start"])  # a real calendar date
            assert "end" in t, where
            if t["end"] is not None:
                assert DATE_RE.match(t["end"]), where
                assert _lo(t["start"]) <= _hi(t["end"]), where
                assert "open_as_of" not in t, where
            if t.get("also_head_of_government_from"):
                assert DATE_RE.match(t["also_head_of_government_from"]), where
            if "country" in t:
                assert t["country"] is None or re.match(r"^[A-Z]{3}$", t["country"]), where
            if t.get("confidence"):
                assert t["confidence"] == "unverified", where


def test_scope_starts_in_2000(people):
    for p in people:
        assert any(_hi(t["end"]) >= date(2000, 1, 1) for t in p["terms"]), p["id"]


def test_sorted_by_country_then_name(people):
    keys = [(p["country"] or "~", p["name"], p["id"]) for p in people]
    assert keys == sorted(keys)


def test_aliases_carry_no_titles(people):
    for p in people:
        if TITLE_PREFIX.match(p["name"]):
            continue  # the name itself starts with the word (e.g. "Sheikh Hasina")
        for a in p["aliases"]:
            assert not TITLE_PREFIX.match(a), (p["id"], a)


def test_file_size_is_reasonable():
    assert LEADERS.stat().st_size < 5_000_000


def test_curated_lines_say_where_they_come_from():
    lines = _load(CURATED)
    assert len(lines) > 100
    for line in lines:
        assert ID_RE.match(line["id"]), line["id"]
        assert line["source"].startswith("curated"), line["id"]
        for t in line["terms"]:
            assert t["role"] in ROLES and DATE_RE.match(t["start"]), (line["id"], t)


# ------------------------------------------------------------------ coverage
@pytest.mark.parametrize("country", sorted(set(G20 + UNSC_PERMANENT + EU27 + DEV_SET)))
def test_head_of_state_or_government_on_2025_06_01(people, country):
    assert holders(people, country, "head_of_state", "2025-06-01") or holders(
        people, country, "head_of_government", "2025-06-01"
    ), country


@pytest.mark.parametrize("country", sorted(set(G20 + UNSC_PERMANENT + EU27 + DEV_SET)))
def test_foreign_minister_on_2024_06_01(people, country):
    assert holders(people, country, "foreign_minister", "2024-06-01"), country


@pytest.mark.parametrize("country", DEV_SET)
def test_dev_set_countries_have_a_foreign_minister_each_year_since_2015(people, country):
    missing = [y for y in range(2015, 2026) if (country, y) not in FM_VACANT
               and not holders(people, country, "foreign_minister", f"{y}-06-01")]
    assert not missing, (country, missing)


@pytest.mark.parametrize("country", SPOKESPEOPLE)
def test_spokespeople_of_dev_set_countries(people, country):
    days = ("2024-06-01",) if country in SPOKESPEOPLE_FROM_2021 else ("2020-06-01", "2024-06-01")
    for day in days:
        assert holders(people, country, "spokesperson", day), (country, day)


@pytest.mark.parametrize("country", sorted(set(G20 + UNSC_PERMANENT + EU27) - {"EU"}))
def test_one_foreign_minister_at_a_time_since_2023(people, country):
    for day in ("2023-06-01", "2024-06-01", "2025-06-01"):
        names = {p["name"] for p in holders(people, country, "foreign_minister", day)}
        assert len(names) <= 1, (country, day, names)


def test_eu_leaders_are_organization_terms(people):
    costa = find(people, "António Costa")
    eu_terms = [t for t in costa["terms"] if t.get("organization") == "EU"]
    assert eu_terms and all(t["country"] is None for t in eu_terms)
    assert costa["country"] == "PRT"
    vdl = find(people, "Ursula von der Leyen")
    assert vdl["country"] is None and vdl["organization"] == "EU"


# ------------------------------------------------------------------ spot checks
def test_erdogan(by_id):
    erdogan = by_id["wikidata:Q39259"]
    assert erdogan["name"] == "Recep Tayyip Erdoğan" and erdogan["country"] == "TUR"
    assert holds(erdogan, "head_of_state", "2025-03-18", "TUR")
    assert holds(erdogan, "head_of_government", "2010-01-01", "TUR")
    assert "Recep Tayyip Erdogan" in erdogan["aliases"]
    assert {"Erdoğan", "Erdogan"} <= set(erdogan["short_names"])


def test_peskov_is_kremlin_spokesperson(people):
    peskov = find(people, "Dmitry Peskov")
    assert peskov["country"] == "RUS"
    assert holds(peskov, "spokesperson", "2025-03-18", "RUS")
    assert any(t["title"] == "press secretary" for t in peskov["terms"])


def test_zelenskyy_aliases(people):
    z = find(people, "Volodymyr Zelenskyy")
    assert "Zelensky" in z["aliases"] and "Volodymyr Zelensky" in z["aliases"]
    assert "Zelensky" in z["short_names"]
    assert holds(z, "head_of_state", "2025-03-18", "UKR")


def test_lula_short_name(people):
    lula = find(people, "Luiz Inácio Lula da Silva")
    assert "Lula" in lula["short_names"]
    assert holds(lula, "head_of_state", "2024-01-01", "BRA") and holds(lula, "head_of_state", "2005-01-01", "BRA")


def test_trump_and_biden(people):
    trump = find(people, "Donald Trump")
    assert holds(trump, "head_of_state", "2025-03-18", "USA")
    assert holds(trump, "head_of_state", "2018-01-01", "USA")
    assert not holds(trump, "head_of_state", "2022-01-01", "USA")
    biden = find(people, "Joe Biden")
    assert holds(biden, "head_of_state", "2022-01-01", "USA")
    assert [p["name"] for p in holders([trump, biden], "USA", "head_of_state", "2022-01-01")] == ["Joe Biden"]


def test_german_chancellors(people):
    assert holds(find(people, "Friedrich Merz"), "head_of_government", "2025-06-01", "DEU")
    assert holds(find(people, "Olaf Scholz"), "head_of_government", "2023-05-20", "DEU")
    assert [p["name"] for p in holders(people, "DEU", "foreign_minister", "2025-06-01")] == ["Johann Wadephul"]


def test_foreign_minister_successions(people):
    def fm(country: str, day: str) -> list[str]:
        return [p["name"] for p in holders(people, country, "foreign_minister", day)]

    assert fm("USA", "2025-06-01") == ["Marco Rubio"]
    assert fm("USA", "2023-06-01") == ["Antony Blinken"]
    assert fm("CHN", "2023-04-01") == ["Qin Gang"]
    assert fm("CHN", "2024-06-01") == ["Wang Yi"]
    assert fm("FRA", "2024-03-01") == ["Stéphane Séjourné"]
    assert fm("UKR", "2025-01-01") == ["Andrii Sybiha"]
    assert fm("TUR", "2024-01-01") == ["Hakan Fidan"]
    assert fm("RUS", "2025-01-01") == ["Sergey Lavrov"]
    assert fm("IND", "2024-01-01") == ["S. Jaishankar"]


def test_stale_entries_are_fixed(people):
    henry = find(people, "Ariel Henry")
    assert {t["role"] for t in henry["terms"]} == {"head_of_government"}  # prime minister, never president
    assert not holds(henry, "head_of_government", "2024-05-01")
    assert holds(find(people, "Alfred Nganga Mutua"), "foreign_minister", "2023-06-01")
    assert not holds(find(people, "Alfred Nganga Mutua"), "foreign_minister", "2024-01-01")
    assert not holds(find(people, "Geoffrey Onyeama"), "foreign_minister", "2023-09-01")
    assert not holds(find(people, "Demeke Mekonnen"), "foreign_minister", "2024-06-01")


def test_dev_set_foreign_minister_spot_checks(people):
    def fm(country: str, day: str) -> list[str]:
        return sorted({p["name"] for p in holders(people, country, "foreign_minister", day)})

    assert fm("KEN", "2024-06-01") == ["Musalia Mudavadi"]
    assert fm("NGA", "2024-06-01") == ["Yusuf Tuggar"]
    assert fm("NGA", "2016-06-01") == ["Geoffrey Onyeama"]
    assert fm("DEU", "2016-06-01") == ["Frank-Walter Steinmeier"]
    assert fm("DEU", "2019-06-01") == ["Heiko Maas"]
    assert fm("ISR", "2017-06-01") == ["Benjamin Netanyahu"]
    assert fm("ARG", "2016-06-01") == ["Susana Malcorra"]
    assert fm("BRA", "2016-01-01") == ["Mauro Vieira"]
    assert fm("SRB", "2025-01-01") == ["Marko Đurić"]
    assert fm("TUN", "2025-01-01") == ["Mohamed Ali Nafti"]
    assert fm("TZA", "2025-01-01") == ["Mahmoud Thabit Kombo"]
    assert fm("PSE", "2024-06-01") == ["Varsen Aghabekian Shahin"]
    assert fm("XKX", "2018-06-01") == ["Behgjet Pacolli"]
    assert fm("NZL", "2024-06-01") == ["Winston Peters"]
    assert fm("UKR", "2015-06-01") == ["Pavlo Klimkin"]


def test_dev_set_spokesperson_spot_checks(people):
    def sp(country: str, day: str) -> set[str]:
        return {p["name"] for p in holders(people, country, "spokesperson", day)}

    assert {"Maria Zakharova", "Dmitry Peskov"} <= sp("RUS", "2024-06-01")
    assert "Geng Shuang" in sp("CHN", "2018-06-01")
    assert "John Kirby" in sp("USA", "2016-06-01")
    assert "Arindam Bagchi" in sp("IND", "2023-06-01")
    assert "Steffen Seibert" in sp("DEU", "2019-06-01")
    assert "Bahram Ghasemi" in sp("IRN", "2018-06-01")


def test_known_raw_errors_are_fixed(people):
    sheinbaum = find(people, "Claudia Sheinbaum")
    assert [t["start"] for t in sheinbaum["terms"] if t["role"] == "head_of_state"] == ["2024-10-01"]
    schoof = find(people, "Dick Schoof")
    assert [t["start"] for t in schoof["terms"] if t["role"] == "head_of_government"] == ["2024-07-02"]
    # India's Foreign Secretary (a civil servant) is not a foreign minister
    assert not any(p["name"] == "Vinay Mohan Kwatra" for p in people)


def test_short_names_for_awkward_names(people):
    assert "Xi" in find(people, "Xi Jinping")["short_names"]
    assert "Sisi" in find(people, "Abdel Fattah el-Sisi")["short_names"]
    assert "López Obrador" in find(people, "Andrés Manuel López Obrador")["short_names"]
    assert "MBS" in find(people, "Mohammed bin Salman")["short_names"]
    assert find(people, "Charles III")["short_names"] == ["Charles III"]
    assert "Kim Jong Un" in find(people, "Kim Jong-un")["aliases"]


def test_japan_after_the_snapshot(people):
    assert [p["name"] for p in holders(people, "JPN", "head_of_government", "2025-06-01")] == ["Shigeru Ishiba"]
    assert [p["name"] for p in holders(people, "JPN", "head_of_government", "2026-01-01")] == ["Sanae Takaichi"]


# ------------------------------------------------------------------ rebuild
@pytest.mark.skipif(not (SHARED / "world_officeholders.jsonl").exists(), reason="raw material ../shared/data not present")
def test_committed_file_matches_a_fresh_build():
    spec = importlib.util.spec_from_file_location("build_leaders", ROOT / "tools" / "build_leaders.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    assert builder.dumps(builder.build(SHARED)) == LEADERS.read_text(encoding="utf-8")
