"""Dates: every temporal expression normalised against the publication date (the ``diplograph_dates``
component, :mod:`.component`)."""
from .component import (
    find_dates,
    normalize,
    tense_at,
    dates_in,
    DateRecognizer,
    make_dates,
    PAST,
    FUTURE,
)

__all__ = [
    "find_dates",
    "normalize",
    "tense_at",
    "dates_in",
    "DateRecognizer",
    "make_dates",
    "PAST",
    "FUTURE",
]
