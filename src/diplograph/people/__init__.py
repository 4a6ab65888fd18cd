"""People and countries: mentions (:mod:`.mentions`), identity clustering (:mod:`.identity`), spellings of
one name (:mod:`.variants`), the rule tables (:mod:`.rules`) and the ``diplograph_people`` component
(:mod:`.component`) that sets ``doc._.people`` and ``doc._.countries``."""
from .component import RECENT_YEARS, TOP_OFFICES, PeopleRecognizer, make_people

__all__ = ["PeopleRecognizer", "make_people", "RECENT_YEARS", "TOP_OFFICES"]
