"""Contacts: who met or spoke with whom, when, with what status and on whose word.

The ``diplograph_contacts`` component (:mod:`.component`) reads trigger words; :mod:`.participants`
finds who takes part, :mod:`.status` whether it happened, :mod:`.attribution` who says so,
:mod:`.discourse` dates from the surrounding text; reports of one event merge into one ``Contact``.
"""
from .component import ContactExtractor, make_contacts, merge_contacts, merge_reports

__all__ = ["ContactExtractor", "make_contacts", "merge_contacts", "merge_reports"]
