"""One statement of a contact in the text, before the reports of one event merge."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from ..types import TimeValue
from .participants import Party

__all__ = ["RawContact", "GRANULARITY_RANK"]

#: Finer dates first: a day says more than the week it falls in.
GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass
class RawContact:
    """One statement of a contact, before reports of the same event merge."""

    type: str
    parties: list[Party]
    status: str
    date: TimeValue | None
    attribution: str | None
    sentence: Span
    trigger: Span
    host: str | None = None
    initiator: str | None = None
    extra_sentences: list[Span] = field(default_factory=list)
    round_date: TimeValue | None = None  # the date of the round-up whose counterparts it names (roundups.py)
    status_unmarked: bool = False  # no cue, no verb: "Putin-Obama meeting" in a headline (component.headline_status)
