"""One loader for the package's data files.

Every stage keeps its lexicons and rule tables as JSON Lines in a ``data/`` folder beside its code
(``diplograph/contacts/data/contact_triggers.jsonl``, ``diplograph/people/data/titles.jsonl`` ...);
:func:`data_file` names one, :func:`read_jsonl` reads one and reports a bad line with its place.
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["data_file", "read_jsonl"]


def data_file(stage: str, name: str) -> Path:
    """The path of ``name`` in the ``data/`` folder of ``diplograph.<stage>``.

    >>> data_file("contacts", "contact_triggers.jsonl").name
    'contact_triggers.jsonl'
    """
    return Path(str(resources.files(f"diplograph.{stage}") / "data" / name))


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSON Lines file, blank lines skipped; a bad line raises ``InputError`` with
    the file and line number."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as e:
                    from ..errors import InputError

                    raise InputError(f"invalid JSON: {e.msg}", source=str(path), line=i) from None
    return rows
