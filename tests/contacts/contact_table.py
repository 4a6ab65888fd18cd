"""A helper for the contacts tests: an article's contacts keyed by the participants' last names."""
from __future__ import annotations

import diplograph


def contacts(text: str, published: str) -> dict[frozenset, list[tuple[str, str, str | None]]]:
    """{frozenset of last names: [(type, status, date value), ...]} of ``text`` published on ``published``."""
    out: dict[frozenset, list[tuple[str, str, str | None]]] = {}
    for c in diplograph.extract(text, published=published).contacts:
        key = frozenset(p.name.split()[-1] for p in c.participants)
        out.setdefault(key, []).append((c.type, c.status, c.date.value if c.date else None))
    return out
