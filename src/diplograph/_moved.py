"""Old module paths (before the stage folders) keep working: ``import diplograph.export`` gives
``diplograph.graph.export``, with a ``DeprecationWarning`` naming the new path."""
from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import warnings

MOVED = {
    "diplograph.text": "diplograph.resources.text",
    "diplograph.gazetteer": "diplograph.resources.gazetteer",
    "diplograph.countries": "diplograph.resources.countries",
    "diplograph.mentions": "diplograph.people.mentions",
    "diplograph.identity": "diplograph.people.identity",
    "diplograph.discourse": "diplograph.contacts.discourse",
    "diplograph.participants": "diplograph.contacts.participants",
    "diplograph.status": "diplograph.contacts.status",
    "diplograph.attribution": "diplograph.contacts.attribution",
    "diplograph.export": "diplograph.graph.export",
    "diplograph.corpus": "diplograph.batch.corpus",
    "diplograph.distributed": "diplograph.batch.distributed",
    "diplograph.evaluate": "diplograph.batch.evaluate",
    "diplograph.paragraphs": "diplograph.model.paragraphs",
    "diplograph.attribute_lookup": "diplograph.model.attribute_lookup",
    "diplograph.archive": "diplograph.model.archive",
    "diplograph.batch.archive": "diplograph.model.archive",
}


class _Alias(importlib.abc.Loader):
    def __init__(self, target: str) -> None:
        self.target = target

    def create_module(self, spec):
        return importlib.import_module(self.target)

    def exec_module(self, module) -> None:  # the target module is already executed
        pass


class _MovedFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        new = MOVED.get(fullname)
        if new is None:
            return None
        warnings.warn(f"{fullname} moved to {new}; import it from there", DeprecationWarning, stacklevel=3)
        return importlib.util.spec_from_loader(fullname, _Alias(new))


def install() -> None:
    """Put the finder for the old paths on ``sys.meta_path`` (once)."""
    if not any(isinstance(f, _MovedFinder) for f in sys.meta_path):
        sys.meta_path.append(_MovedFinder())
