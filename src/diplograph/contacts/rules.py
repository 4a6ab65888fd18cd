"""The contact stage's rules as data: trigger words, type words, status cues, reporting verbs and the cues
of attendance, briefings and dates from the discourse.

Each table is a JSON Lines file in ``contacts/data/`` whose rows are checked against a schema when loaded:
an unknown key, a wrong type or an unknown value is an :class:`~diplograph.errors.InputError` naming the
file, line and field (a flag nobody reads is an error, not a silent no-op).

| table | one row |
| --- | --- |
| ``contact_triggers`` | a word that states a contact: ``{"lemma", "pos", "type", ...}`` and how to read it |
| ``type_modifiers`` | a word or phrase that sets the type ("phone", "video link"), or the word lists of multilateral and separate events |
| ``status_cues`` | a word or phrase that makes a contact planned, possible or denied, and where it must stand |
| ``reporting_verbs`` | a verb that reports (the status chain stops there) |
| ``co_presence`` | a phrase that adds its subject to the meeting just reported ("was also present") |
| ``attendance`` | participles and event nouns of attendance ("chaired", "the retreat") |
| ``answer_cues`` | the opening of a briefing answer that claims or denies the contact asked about |
| ``discourse_dates`` | anaphoric days, units, directions, event classes (dates from the discourse) |

:class:`ContactRules` holds the tables of one ``diplograph_contacts`` component: ``to_disk`` writes them
and ``from_disk`` reads them back (``nlp.to_disk`` / ``spacy.load``), :meth:`ContactRules.add` extends a
table. While the component runs, its rules are the *active* ones (:func:`current`), which the reading
functions of the stage consult.
"""
from __future__ import annotations

import contextvars
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..errors import InputError
from ..resources.data import data_file

__all__ = ["ContactRules", "TABLES", "CONTACT_TYPES", "STATUSES", "current", "active", "default_rules"]

CONTACT_TYPES = ("phone_call", "video_call", "meeting", "visit", "talks")
STATUSES = ("occurred", "planned", "possible", "denied")
_Type = Literal[CONTACT_TYPES]  # type: ignore[valid-type]
_Status = Literal[STATUSES]  # type: ignore[valid-type]


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)
    note: str | None = None
    comment: str | None = None


class TriggerRow(_Row):
    lemma: str = Field(min_length=1)
    pos: Literal["VERB", "NOUN", "ADP", "ADJ"]
    type: _Type
    args: list[Literal["subj", "obj", "with", "to", "in", "at", "between", "on", "upon", "among"]] | None = None
    needs_person_obj: bool = False
    needs_destination: bool = False
    needs_pair_or_with: bool = False
    needs_participants: bool = False
    needs_modifier: list[str] | None = None
    needs_object_word: list[str] | None = None  # one of these words is the verb's object ("exchanged views")
    particle: str | None = None
    not_with: list[str] | None = None
    no_oprd: bool = False
    courtesy_call: list[str] | None = None
    object_preps: list[str] | None = None  # the prepositions that name the other party ("an audience to X")
    negated_topic: bool = False  # negated with a topic ("did not discuss sanctions"): no contact told
    head_only: list[str] | None = None
    means_preps: list[str] | None = None  # a head_only noun that counts alone as the means: "congratulated X by phone"
    caption_marks: list[str] | None = None  # only in a verbless photo caption with one of these in brackets
    multilateral: bool = False
    event_hosts: list[str] | None = None
    # the verb's subject is a definite event noun ("The meeting included A, B and C"): its participants are
    # the objects and whoever the sentences just before say held that event
    event_subject: bool = False
    # the type a contact told with this word has when nothing in its sentence or the one before places the
    # people together ("Trudeau spoke with Varadkar" in a readout is a call; "spoke with X at the summit" is not)
    remote_type: _Type | None = None


class TypeModifierRow(_Row):
    word: str | None = None
    phrase: str | None = None
    type: _Type | None = None
    multilateral_words: list[str] | None = None
    distinct_event_words: list[str] | None = None
    in_person_words: list[str] | None = None


class StatusCueRow(_Row):
    cue: str | None = None
    # "topic": a word whose "about/on/of" phrase holds the contact as what is told of ("no information about
    # the call"): a negation above it is not the contact's (such a row has no status)
    dep: Literal["aux", "governor", "modifier", "adverb", "negation", "topic"] | None = None
    phrase: str | None = None
    scope: Literal["sentence", "next_sentence"] | None = None
    status: _Status | None = None
    conditional: _Status | None = None
    passive_only: bool = False
    progressive_only: bool = False
    future_only: bool = False
    direct_only: bool = False
    infinitive_only: bool = False  # the word below it in the chain is a to-infinitive ("were to talk")
    negated_only: bool = False  # counts only negated, and then makes the contact possible ("did not confirm")
    not_under: list[str] | None = None  # lemmas above it in the clause that overrule it ("accepted an invitation")
    particle: str | None = None
    pos: str | None = None

    @model_validator(mode="after")
    def _status_given(self) -> "StatusCueRow":
        if (self.status is None) != (self.dep == "topic"):
            raise ValueError("a status cue needs a status; a topic word has none")
        return self


class ReportingVerbRow(_Row):
    lemma: str = Field(min_length=1)
    status: _Status | None = None
    negated_status: _Status | None = None  # negated: "did not confirm the meeting" leaves it possible


class CoPresenceRow(_Row):
    phrase: str = Field(min_length=1)


class AttendanceRow(_Row):
    participles: list[str] | None = None
    event_nouns: list[str] | None = None
    video_words: list[str] | None = None
    proxy_nouns: list[str] | None = None
    round_up_nouns: list[str] | None = None


class AnswerCueRow(_Row):
    status: Literal[(*STATUSES, "keep")]  # type: ignore[valid-type]  ("keep": the answer confirms)
    phrases: list[str] | None = None
    starts: list[str] | None = None


class DiscourseRow(_Row):
    kind: Literal["day_phrase", "unit", "direction", "continuation", "event_class", "event_preps", "topic_verbs",
                  "vague_times"]
    phrase: str | None = None
    offset: int | None = None
    final: bool = False
    word: str | None = None
    days: int | None = None
    sign: int | None = None
    words: list[str] | None = None
    class_: str | None = Field(default=None, alias="class")
    nouns: list[str] | None = None
    verbs: list[str] | None = None


#: Table name -> the schema of its rows.
TABLES: dict[str, type[_Row]] = {
    "contact_triggers": TriggerRow, "type_modifiers": TypeModifierRow, "status_cues": StatusCueRow,
    "reporting_verbs": ReportingVerbRow, "co_presence": CoPresenceRow, "attendance": AttendanceRow,
    "answer_cues": AnswerCueRow, "discourse_dates": DiscourseRow,
}


def _check(table: str, row: Any, source: str, line: int | None) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise InputError(f"a {table} row must be a JSON object", source=source, line=line)
    try:
        model = TABLES[table].model_validate(row)
    except ValidationError as e:
        err = e.errors()[0]
        field = ".".join(str(x) for x in err.get("loc", ())) or None
        raise InputError(err.get("msg", str(e)), source=source, line=line, field=field) from None
    return model.model_dump(by_alias=True, exclude_defaults=True)


class ContactRules:
    """The tables of one contacts component, checked; derived lookups are built once per table set."""

    def __init__(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        missing = set(TABLES) - set(tables)
        if missing:
            raise InputError(f"missing contact rule tables: {', '.join(sorted(missing))}")
        self.tables = {name: list(rows) for name, rows in tables.items()}
        self._derived: dict[str, Any] = {}

    @classmethod
    def load(cls, folder: str | Path | None = None) -> "ContactRules":
        """The tables in ``folder`` (``<table>.jsonl`` each; a missing file: the packaged table)."""
        tables = {}
        for name in TABLES:
            path = Path(folder) / f"{name}.jsonl" if folder is not None else None
            if path is None or not path.exists():
                path = data_file("contacts", f"{name}.jsonl")
            tables[name] = [_check(name, row, str(path), i) for i, row in _numbered(path)]
        return cls(tables)

    def rows(self, table: str) -> list[dict[str, Any]]:
        return self.tables[table]

    def add(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        """Extend ``table`` with checked rows (later rows win where a table is keyed)."""
        if table not in TABLES:
            raise InputError(f"unknown contact rule table {table!r}; tables: {', '.join(TABLES)}")
        self.tables[table].extend(_check(table, row, f"<{table}>", i) for i, row in enumerate(rows, 1))
        self._derived.clear()

    def derived(self, key: str, build: Callable[["ContactRules"], Any]) -> Any:
        """A lookup built from the tables once (``build(self)``), kept until a table changes."""
        if key not in self._derived:
            self._derived[key] = build(self)
        return self._derived[key]

    def to_disk(self, folder: str | Path) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for name, rows in self.tables.items():
            with open(folder / f"{name}.jsonl", "w", encoding="utf-8") as f:
                f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)

    @classmethod
    def from_disk(cls, folder: str | Path) -> "ContactRules":
        return cls.load(folder)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ContactRules) and self.tables == other.tables

    __hash__ = None  # type: ignore[assignment]


def _numbered(path: Path) -> Iterator[tuple[int, Any]]:
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if line.strip():
                try:
                    yield i, json.loads(line)
                except json.JSONDecodeError as e:
                    raise InputError(f"invalid JSON: {e.msg}", source=str(path), line=i) from None


_DEFAULT: list[ContactRules] = []
_ACTIVE: contextvars.ContextVar[ContactRules | None] = contextvars.ContextVar("diplograph_contact_rules",
                                                                             default=None)


def default_rules() -> ContactRules:
    """The packaged tables (loaded once per process)."""
    if not _DEFAULT:
        _DEFAULT.append(ContactRules.load())
    return _DEFAULT[0]


def current() -> ContactRules:
    """The rules of the contacts component now running, else the packaged ones."""
    return _ACTIVE.get() or default_rules()


@contextmanager
def active(rules: ContactRules) -> Iterator[None]:
    """Make ``rules`` the active rules for the block (the component wraps each document in it)."""
    token = _ACTIVE.set(rules)
    try:
        yield
    finally:
        _ACTIVE.reset(token)

