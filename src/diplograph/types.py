"""Result types of an extraction: people, countries, dates, contacts.

Every type is a small dataclass with ``to_dict()`` / ``from_dict()`` so results travel as JSON
(``Extraction.to_dict()`` is what the CLI writes as one JSON Lines record) and come back as the same
objects. Character offsets are Python string offsets into the article text.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "CONTACT_TYPES",
    "STATUSES",
    "GRANULARITIES",
    "Mention",
    "Evidence",
    "Person",
    "Country",
    "TimeValue",
    "Participant",
    "Contact",
    "Extraction",
]

CONTACT_TYPES = ("phone_call", "video_call", "meeting", "visit", "talks")
STATUSES = ("occurred", "planned", "possible", "denied")
GRANULARITIES = ("day", "week", "month", "year")


@dataclass
class Mention:
    """A stretch of the article text: ``text == article[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Mention":
        return cls(int(d["start"]), int(d["end"]), str(d["text"]))


# A sentence that states a contact is a mention too; the separate name documents intent.
Evidence = Mention


def _mentions(items: Any) -> list[Mention]:
    return [m if isinstance(m, Mention) else Mention.from_dict(m) for m in items or []]


@dataclass
class Person:
    """One real person of the article, however many names and titles the text uses for them.

    ``id`` is stable across documents: ``wikidata:Q…`` for people the leaders gazetteer knows,
    ``person:<folded-name>`` otherwise. ``name`` keeps its diacritics ("Recep Tayyip Erdoğan").
    ``is_author`` marks a byline or photo-credit author, a person of the page but not of the story; such
    entries have ``kind == "author"`` (everyone else ``"person"``) and take part in no contact.
    """

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    role: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    wikidata: str | None = None
    is_author: bool = False
    kind: str = "person"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["mentions"] = [m.to_dict() for m in self.mentions]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Person":
        return cls(
            id=d["id"],
            name=d["name"],
            aliases=list(d.get("aliases") or []),
            country=d.get("country"),
            role=d.get("role"),
            mentions=_mentions(d.get("mentions")),
            wikidata=d.get("wikidata"),
            is_author=bool(d.get("is_author", False)),
            kind=d.get("kind", "person"),
        )


@dataclass
class Country:
    """A country named or alluded to (capital, metonym, demonym) in the article."""

    code: str  # ISO 3166-1 alpha-3
    name: str
    mentions: list[Mention] = field(default_factory=list)
    kind: str = "country"

    @property
    def id(self) -> str:
        return f"country:{self.code}"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "code": self.code, "name": self.name, "kind": self.kind,
                "mentions": [m.to_dict() for m in self.mentions]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Country":
        return cls(code=d["code"], name=d["name"], mentions=_mentions(d.get("mentions")))


@dataclass
class TimeValue:
    """A temporal expression normalised against the publication date.

    ``value`` is ISO 8601 at its granularity: ``2025-03-16`` (day), ``2025-W12`` (week), ``2025-03``
    (month), ``2025`` (year); ``XXXX-03-16`` when no year can be known. ``start_date`` / ``end_date``
    give the inclusive interval of days it covers (None when the year is unknown).
    """

    text: str
    start: int
    end: int
    value: str
    granularity: str
    start_date: str | None = None
    end_date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def of_day(cls, text: str, start: int, end: int, day: str) -> "TimeValue":
        """A day-precise value (``day``: ISO ``YYYY-MM-DD``) read from ``text`` at ``start:end``."""
        return cls(text=text, start=start, end=end, value=day, granularity="day", start_date=day, end_date=day)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "TimeValue":
        return cls(text=d["text"], start=int(d["start"]), end=int(d["end"]), value=d["value"],
                   granularity=d["granularity"], start_date=d.get("start_date"),
                   end_date=d.get("end_date"))


@dataclass
class Participant:
    """A party to a contact: a person, or a country when a visit names no host."""

    id: str
    name: str
    kind: str = "person"  # "person" or "country"
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Participant":
        return cls(id=d.get("id") or d["name"], name=d["name"], kind=d.get("kind", "person"),
                   country=d.get("country"))

    @classmethod
    def of(cls, entity: "Person | Country") -> "Participant":
        if isinstance(entity, Country):
            return cls(id=entity.id, name=entity.name, kind="country", country=entity.code)
        return cls(id=entity.id, name=entity.name, kind="person", country=entity.country)


@dataclass
class Contact:
    """One real-world contact as the article reports it (several reports merge into one).

    ``type``: phone_call, video_call, meeting, visit or talks (spoke, mode not stated).
    ``status``: occurred, planned, possible or denied (denied, ruled out, cancelled, not scheduled).
    ``attribution``: the source the text gives for the claim ("Hürriyet", "Dmitry Peskov") or None.
    For a visit, ``initiator`` is the visitor's id and ``host`` the host's (person or country) id.
    """

    id: str
    type: str
    participants: list[Participant]
    status: str
    date: TimeValue | None = None
    attribution: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    triggers: list[Mention] = field(default_factory=list)
    initiator: str | None = None
    host: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "participants": [p.to_dict() for p in self.participants],
            "status": self.status,
            "date": self.date.to_dict() if self.date else None,
            "attribution": self.attribution,
            "evidence": [e.to_dict() for e in self.evidence],
            "triggers": [t.to_dict() for t in self.triggers],
            "initiator": self.initiator,
            "host": self.host,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Contact":
        return cls(
            id=d["id"],
            type=d["type"],
            participants=[Participant.from_dict(p) for p in d.get("participants", [])],
            status=d["status"],
            date=TimeValue.from_dict(d["date"]) if d.get("date") else None,
            attribution=d.get("attribution"),
            evidence=_mentions(d.get("evidence")),
            triggers=_mentions(d.get("triggers")),
            initiator=d.get("initiator"),
            host=d.get("host"),
        )


@dataclass
class Extraction:
    """Everything diplograph found in one document."""

    doc_id: str | None = None
    published: str | None = None
    people: list[Person] = field(default_factory=list)
    countries: list[Country] = field(default_factory=list)
    dates: list[TimeValue] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "published": self.published,
            "people": [p.to_dict() for p in self.people],
            "countries": [c.to_dict() for c in self.countries],
            "dates": [t.to_dict() for t in self.dates],
            "contacts": [c.to_dict() for c in self.contacts],
            "meta": dict(self.meta),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Extraction":
        return cls(
            doc_id=d.get("doc_id"),
            published=d.get("published"),
            people=[Person.from_dict(p) for p in d.get("people", [])],
            countries=[Country.from_dict(c) for c in d.get("countries", [])],
            dates=[TimeValue.from_dict(t) for t in d.get("dates", [])],
            contacts=[Contact.from_dict(c) for c in d.get("contacts", [])],
            meta=dict(d.get("meta") or {}),
        )

    def person(self, key: str) -> Person | None:
        """The person whose id, name or alias is ``key`` (diacritics and case ignored)."""
        from .resources.text import fold

        k = fold(key)
        for p in self.people:
            if p.id == key or fold(p.name) == k or any(fold(a) == k for a in p.aliases):
                return p
        for p in self.people:  # a surname alone
            if fold(p.name).split()[-1:] == [k]:
                return p
        return None
