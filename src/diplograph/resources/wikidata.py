"""Keeping the leaders gazetteer current: office holders from Wikidata into a user gazetteer.

``diplograph gazetteer update`` runs :data:`QUERY` on Wikidata's SPARQL endpoint (or reads a saved
result with ``--from FILE``), maps each binding to a gazetteer term (:func:`rows_from_sparql`), and
writes the people, one a line, to ``leaders.jsonl`` in the user's data folder
(:func:`user_gazetteer_path`). :func:`~diplograph.resources.gazetteer.load_gazetteer` merges that
file over the packaged gazetteer (see :func:`~diplograph.resources.gazetteer.merge_rows`).

The file is replaced only by a whole, valid result: a result that does not parse, a binding without
a person, country, role or start, or a result with fewer than half the people of the file it would
replace leaves the old file as it was (``force=True`` accepts a smaller one). ``docs/data_sources.md``
documents the query and the mapping.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from ..errors import InputError

__all__ = ["QUERY", "ENDPOINT", "user_data_dir", "user_gazetteer_path", "fetch_sparql", "parse_sparql_json",
           "rows_from_sparql", "update_user_gazetteer", "UpdateRefused"]

ENDPOINT = "https://query.wikidata.org/sparql"
USER_AGENT = "diplograph gazetteer update (https://github.com/diplograph; offline: --from FILE)"
SINCE = "2000-01-01"

#: Heads of state and government through the offices the country names for them (P1906, P1313);
#: foreign ministers and spokespeople through offices for the country (P1001) whose English label
#: says so, as the raw data of the packaged gazetteer was sorted (deputies and juniors left out).
QUERY = """\
SELECT ?person ?personLabel ?country ?iso3 ?role ?position ?positionLabel
       ?start ?startPrecision ?end ?endPrecision
       (GROUP_CONCAT(DISTINCT ?alias; separator="|") AS ?aliases)
WHERE {
  {
    ?country wdt:P1906 ?position . BIND("head_of_state" AS ?role)
  } UNION {
    ?country wdt:P1313 ?position . BIND("head_of_government" AS ?role)
  } UNION {
    ?position wdt:P1001 ?country ; rdfs:label ?office .
    FILTER (LANG(?office) = "en")
    FILTER (REGEX(?office, "(foreign affairs|foreign minister|external affairs|foreign relations|foreign secretary|secretary of state for foreign|united states secretary of state|foreign and diaspora)", "i"))
    BIND("foreign_minister" AS ?role)
  } UNION {
    ?position wdt:P1001 ?country ; rdfs:label ?office .
    FILTER (LANG(?office) = "en")
    FILTER (REGEX(?office, "(spokes(person|man|woman)|press secretary|chief cabinet secretary)", "i"))
    BIND("spokesperson" AS ?role)
  }
  FILTER (!BOUND(?office) || !REGEX(?office, "(deputy|vice|assistant|junior|minister of state|shadow|committee|chair|under-?secretary|permanent secretary|parliamentary)", "i"))
  ?country wdt:P298 ?iso3 .
  ?person p:P39 ?held .
  ?held ps:P39 ?position ; pqv:P580 ?startNode .
  ?startNode wikibase:timeValue ?start ; wikibase:timePrecision ?startPrecision .
  OPTIONAL { ?held pqv:P582 ?endNode . ?endNode wikibase:timeValue ?end ; wikibase:timePrecision ?endPrecision . }
  FILTER NOT EXISTS { ?held wikibase:rank wikibase:DeprecatedRank }
  FILTER (!BOUND(?end) || ?end >= "2000-01-01T00:00:00Z"^^xsd:dateTime)
  OPTIONAL { ?person skos:altLabel ?alias . FILTER (LANG(?alias) = "en") }
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en,mul". }
}
GROUP BY ?person ?personLabel ?country ?iso3 ?role ?position ?positionLabel
         ?start ?startPrecision ?end ?endPrecision
"""

REQUIRED = ("person", "personLabel", "iso3", "role", "start")
ROLES = ("head_of_state", "head_of_government", "foreign_minister", "spokesperson")
_QID = re.compile(r"(Q\d+)$")
_TITLE_WORD = re.compile(r"^(?:dr|mr|mrs|ms|sir|dame|prof|president|king|queen|prince|princess|sheikh|emir|general)\.?\s+", re.I)
_FM_TITLES = {"USA": "secretary of state", "GBR": "foreign secretary", "IND": "external affairs minister"}
_HEAD_TITLES = (("supreme leader", "supreme leader"), ("vice president", "vice president"),
                ("president", "president"), ("prime minister", "prime minister"), ("premier", "premier"),
                ("chancellor", "chancellor"), ("taoiseach", "taoiseach"), ("emir", "emir"), ("sultan", "sultan"),
                ("emperor", "emperor"), ("grand duke", "grand duke"), ("queen", "queen"), ("king", "king"),
                ("monarch", "king"), ("pope", "pope"), ("co-prince", "co-prince"), ("prince", "prince"))


class UpdateRefused(InputError):
    """The new result is not taken: the user gazetteer is left as it was."""


def user_data_dir() -> Path:
    """The user's diplograph data folder: ``$DIPLOGRAPH_DATA_DIR``, else the platform's
    (``~/.local/share/diplograph`` on Linux; platformdirs decides elsewhere)."""
    given = os.environ.get("DIPLOGRAPH_DATA_DIR")
    if given:
        return Path(given)
    import platformdirs

    return Path(platformdirs.user_data_dir("diplograph", appauthor=False))


def user_gazetteer_path() -> Path:
    """Where ``gazetteer update`` writes, and ``load_gazetteer`` looks: ``<user data>/leaders.jsonl``."""
    return user_data_dir() / "leaders.jsonl"


def fetch_sparql(query: str = QUERY, *, endpoint: str = ENDPOINT, timeout: float = 300.0) -> bytes:
    """The raw SPARQL JSON result of ``query`` (a POST, as the endpoint asks of long queries)."""
    body = urllib.parse.urlencode({"query": query}).encode("utf-8")
    req = urllib.request.Request(endpoint, data=body, method="POST", headers={
        "Accept": "application/sparql-results+json", "User-Agent": USER_AGENT,
        "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - a fixed https endpoint
        return resp.read()


def parse_sparql_json(raw: bytes | str, source: str) -> list[dict[str, str]]:
    """The bindings of a SPARQL JSON result as ``{variable: value}``; a bad result raises
    :class:`InputError` naming ``source`` and the binding."""
    try:
        doc = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise InputError(f"not a SPARQL JSON result (cut short?): {e}", source=source) from None
    bindings = doc.get("results", {}).get("bindings") if isinstance(doc, dict) else None
    if not isinstance(bindings, list):
        raise InputError("not a SPARQL JSON result: no results.bindings list", source=source)
    out = []
    for i, b in enumerate(bindings, 1):
        if not isinstance(b, dict):
            raise InputError("a binding is not an object", source=source, line=i)
        row = {k: v.get("value") for k, v in b.items() if isinstance(v, dict) and v.get("value") is not None}
        missing = [k for k in REQUIRED if not row.get(k)]
        if missing:
            raise InputError(f"binding without {', '.join(missing)}", source=source, line=i, field=missing[0])
        if row["role"] not in ROLES:
            raise InputError(f"unknown role {row['role']!r}", source=source, line=i, field="role")
        out.append(row)
    return out


def _date(value: str | None, precision: str | None) -> str | None:
    """``"2014-08-28T00:00:00Z"`` at Wikidata precision 11 (day), 10 (month) or 9 (year)."""
    if not value:
        return None
    m = re.match(r"^\+?(\d{4})-(\d\d)-(\d\d)", value)
    if not m:
        return None
    p = int(precision) if precision and precision.isdigit() else 11
    return m.group(1) if p <= 9 else f"{m.group(1)}-{m.group(2)}" if p == 10 else "-".join(m.groups())


def _title(role: str, office: str, country: str) -> str:
    low = office.lower()
    if role == "foreign_minister":
        return _FM_TITLES.get(country, "foreign minister")
    if role == "spokesperson":
        if "press secretary" in low:
            return "press secretary"
        return "chief cabinet secretary" if "chief cabinet secretary" in low else "spokesperson"
    for word, title in _HEAD_TITLES:
        if word in low:
            return title
    return "head of state" if role == "head_of_state" else "head of government"


def rows_from_sparql(bindings: Iterable[Mapping[str, str]]) -> list[dict[str, Any]]:
    """Gazetteer rows (one a person, ``id`` ``wikidata:Q…``) from :func:`parse_sparql_json` bindings."""
    people: dict[str, dict[str, Any]] = {}
    for b in bindings:
        m = _QID.search(b["person"])
        if not m:
            continue
        qid = m.group(1)
        name = b["personLabel"]
        if _QID.fullmatch(name):  # no English label: not a name news would use
            continue
        end = _date(b.get("end"), b.get("endPrecision"))
        if end is not None and end < SINCE[:len(end)]:
            continue
        country = b["iso3"].upper()
        row = people.setdefault(qid, {"id": f"wikidata:{qid}", "name": name, "aliases": [], "country": country,
                                      "terms": [], "source": "wikidata (gazetteer update)"})
        aliases = [_TITLE_WORD.sub("", a) for a in (b.get("aliases") or "").split("|")]
        aliases = [a for a in aliases if a and a != name and len(a.split()) > 1]  # no title, no lone word
        row["aliases"] = sorted(set(row["aliases"]) | set(aliases))
        term = {"role": b["role"], "title": _title(b["role"], b.get("positionLabel") or "", country),
                "start": _date(b["start"], b.get("startPrecision")), "end": end}
        if b["role"] == "spokesperson" and b.get("positionLabel"):
            term["office"] = b["positionLabel"]
        if country != row["country"]:
            term["country"] = country
        if term not in row["terms"]:
            row["terms"].append(term)
    for row in people.values():
        row["terms"].sort(key=lambda t: (t["start"] or "", t["role"]))
    return sorted(people.values(), key=lambda r: (r["country"] or "~", r["name"], r["id"]))


def _count_lines(path: Path) -> int:
    try:
        with open(path, encoding="utf-8") as f:
            return sum(1 for line in f if line.strip())
    except OSError:
        return 0


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def update_user_gazetteer(from_file: str | os.PathLike[str] | None = None, *, path: Path | None = None,
                          force: bool = False, fetch: Callable[[], bytes] = fetch_sparql) -> dict[str, Any]:
    """Refresh the user gazetteer from Wikidata (or a saved SPARQL JSON result); returns a summary.

    Raises :class:`InputError` for a bad result and :class:`UpdateRefused` for one with fewer than
    half the people of the current file (unless ``force``); the current file is then untouched."""
    path = path or user_gazetteer_path()
    if from_file is not None:
        source = str(from_file)
        try:
            raw = Path(from_file).read_bytes()
        except OSError as e:
            raise InputError(f"cannot read: {e.strerror or e}", source=source) from None
    else:
        source = ENDPOINT
        try:
            raw = fetch()
        except OSError as e:  # URLError, timeouts, resets: nothing is written
            raise InputError(f"download failed: {getattr(e, 'reason', None) or e}", source=source) from None
    rows = rows_from_sparql(parse_sparql_json(raw, source))
    before = _count_lines(path)
    if not rows:
        raise UpdateRefused("the result holds no office holders; the user gazetteer is unchanged", source=source)
    if before and len(rows) < before / 2 and not force:
        raise UpdateRefused(f"the result has {len(rows)} people, the current user gazetteer {before}: "
                            f"a partial result? (--force takes it anyway)", source=source)
    _write_atomic(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    meta = {"source": source, "updated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "people": len(rows), "terms": sum(len(r["terms"]) for r in rows)}
    _write_atomic(path.with_suffix(".meta.json"), json.dumps(meta, indent=1) + "\n")
    return {**meta, "path": str(path), "replaced": before}
