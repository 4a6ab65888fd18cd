"""The rule set of the dates stage: vocabulary and expression patterns, compiled, extendable, saved.

:class:`DateRules` is the state of the ``diplograph_dates`` component: the rows of
``data/date_cues.jsonl`` (:mod:`.vocabulary`) and ``data/date_patterns.jsonl`` (:mod:`.patterns`), checked
and compiled. :meth:`DateRules.candidates` finds the expressions of a text.

>>> rules = DateRules.default().extended([{"cue": "holiday", "name": "Harvest Day", "month": 9, "day": 21}])
>>> [e.kind for _, _, e in rules.candidates("They met at Harvest Day 2024.")]
['date']
"""
from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import srsly

from ..errors import InputError
from ..resources.data import data_file, read_jsonl
from .anchors import anchor_scanner
from .expressions import BUILDERS, Expression, Match
from .patterns import CompiledPattern, compile_patterns
from .vocabulary import Vocabulary

__all__ = ["CUES_FILE", "PATTERNS_FILE", "DateRules"]

CUES_FILE = "date_cues.jsonl"
PATTERNS_FILE = "date_patterns.jsonl"
_LEFT, _RIGHT = 50, 60  # how far a candidate may reach left and right of its anchor

Candidate = tuple[int, int, Expression]  # start, end (characters), the expression


class DateRules:
    """Vocabulary and patterns, compiled. Build with :meth:`default`, :meth:`from_rows`,
    :meth:`from_disk`; extend with :meth:`extended`."""

    def __init__(self, cue_rows: Iterable[dict[str, Any]], pattern_rows: Iterable[dict[str, Any]], *,
                 source: str = "date rules") -> None:
        self.cue_rows = tuple(dict(r) for r in cue_rows)
        self.pattern_rows = tuple(dict(r) for r in pattern_rows)
        self.vocabulary = Vocabulary.from_rows(self.cue_rows, source=f"{source} ({CUES_FILE})")
        compiled = compile_patterns(self.pattern_rows, self.vocabulary, source=f"{source} ({PATTERNS_FILE})")
        self.patterns, self._anchor_rx, self.contexts = compiled.patterns, compiled.anchors, compiled.contexts
        self._anchors_in = anchor_scanner(self._anchor_rx)  # = self._anchor_rx.finditer, faster
        names = [p.name for p in self.patterns]
        dup = next((n for n in names if names.count(n) > 1), None)
        if dup:
            raise InputError(f"two patterns named {dup!r}", source=f"{source} ({PATTERNS_FILE})", field="name")
        self._woken: dict[str, list[int]] = {}
        for i, p in enumerate(self.patterns):
            for a in p.anchors:
                self._woken.setdefault(a, []).append(i)

    @classmethod
    @functools.lru_cache(maxsize=1)
    def default(cls) -> DateRules:
        """The packaged rules (built once per process)."""
        return cls.from_files(data_file("dates", CUES_FILE), data_file("dates", PATTERNS_FILE))

    @classmethod
    def from_files(cls, cues: str | Path, patterns: str | Path) -> DateRules:
        return cls(_read(cues), _read(patterns), source=str(Path(patterns).parent))

    def extended(self, rows: Iterable[dict[str, Any]]) -> DateRules:
        """New rules with ``rows`` added: vocabulary rows (with ``cue``) and pattern rows (with ``kind``;
        new patterns come after the packaged ones, so they win only where those find nothing longer)."""
        cues, patterns = list(self.cue_rows), list(self.pattern_rows)
        for i, r in enumerate(rows, 1):
            if not isinstance(r, dict) or ("cue" in r) == ("kind" in r):
                raise InputError("a date rule has either a 'cue' (vocabulary) or a 'kind' (pattern)",
                                 source="added rules", line=i)
            (cues if "cue" in r else patterns).append(r)
        return DateRules(cues, patterns, source="added rules")

    def to_disk(self, path: str | Path) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / CUES_FILE, self.cue_rows)
        srsly.write_jsonl(path / PATTERNS_FILE, self.pattern_rows)

    @classmethod
    def from_disk(cls, path: str | Path) -> DateRules:
        path = Path(path)
        return cls.from_files(path / CUES_FILE, path / PATTERNS_FILE)

    def to_bytes(self) -> bytes:
        return srsly.msgpack_dumps({"cues": list(self.cue_rows), "patterns": list(self.pattern_rows)})

    @classmethod
    def from_bytes(cls, data: bytes) -> DateRules:
        d = srsly.msgpack_loads(data)
        return cls(d["cues"], d["patterns"], source="bytes")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DateRules) and (self.cue_rows, self.pattern_rows) == (
            other.cue_rows, other.pattern_rows)

    __hash__ = object.__hash__

    def _windows(self, text: str) -> dict[int, list[list[int]]]:
        """Per pattern, the stretches of text around its anchors (merged where they overlap)."""
        windows: dict[int, list[list[int]]] = {}
        n = len(text)
        for a in self._anchors_in(text):
            ws, we = max(0, a.start() - _LEFT), min(n, a.end() + _RIGHT)
            for i in self._woken.get(a.lastgroup or "", ()):
                wl = windows.setdefault(i, [])
                if wl and ws <= wl[-1][1]:
                    wl[-1][1] = max(wl[-1][1], we)
                else:
                    wl.append([ws, we])
        return windows

    def _matches(self, text: str, loose: bool) -> dict[tuple[int, int, int], Expression]:
        """Every expression a pattern builds in its windows, keyed by (start, end, priority)."""
        found: dict[tuple[int, int, int], Expression] = {}
        n = len(text)
        v = self.vocabulary
        for prio, ranges in sorted(self._windows(text).items()):
            p: CompiledPattern = self.patterns[prio]
            build = BUILDERS[p.build].fn
            for ws, we in ranges:
                sp = text.find(" ", we)  # never cut a word: a match ending at ``we`` would be truncated
                we = n if sp < 0 else sp
                for m in p.regex.finditer(text, ws, we):
                    s, t = m.span("x")
                    if (s, t, prio) in found:
                        continue
                    e = build(Match(m.groupdict(), s, t, text, loose, v, p.as_week))
                    if e is not None:
                        found[(s, t, prio)] = e
        return found

    def candidates(self, text: str, loose: bool = False) -> list[Candidate]:
        """Non-overlapping ``(start, end, expression)`` in text order; the longest wins an overlap, then
        the earlier pattern.

        An anchor regex finds the few places a date can be; each pattern then runs only in the windows
        around its anchors (a full scan of every pattern costs ten times more). ``loose``: ``text`` is
        one expression (``normalize``), the cue requirements of bare months, years and days are dropped.
        """
        found = self._matches(text, loose)
        ordered = sorted(found.items(), key=lambda f: (-(f[0][1] - f[0][0]), f[0][2], f[0][0]))
        taken: list[Candidate] = []
        for (s, t, _), e in ordered:
            if all(t <= s2 or s >= t2 for s2, t2, _ in taken):
                taken.append((s, t, e))
        taken.sort(key=lambda f: f[0])
        return taken


def _read(path: str | Path) -> list[dict[str, Any]]:
    if not Path(path).exists():
        raise InputError("no such file", source=str(path))
    return read_jsonl(path)
