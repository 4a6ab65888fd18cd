"""The shapes of date expressions: regular expressions with named parts, kept as data.

``data/date_patterns.jsonl`` holds three kinds of row, told apart by ``kind``:

- ``fragment``: a named piece of regex other rows use as ``{NAME}`` (``DAY``, ``YEAR``, ``WD_PRE`` ...);
- ``anchor``: a cheap regex for a word or number every candidate of some patterns contains;
- ``context``: a regex code reads by name (:data:`CONTEXTS`: the lines of a dateline);
- ``pattern``: an expression shape. ``build`` names the function of :mod:`.expressions` that turns a
  match into an :class:`~.expressions.Expression` (and so the named groups the regex must have),
  ``anchors`` the anchors that wake it, ``examples`` texts it must match whole (checked when loaded).
  The group ``x`` is the expression; text matched outside it (a preposition) is context. Row order is
  priority: of two overlapping matches of equal length the earlier pattern wins.

Besides the fragments of the file, the vocabulary (:mod:`.vocabulary`) gives ``{MONTH}``,
``{MONTH_FULL}``, ``{MONTH_NAMES}``, ``{WEEKDAY}``, ``{WEEKDAY_FULL}``, ``{WEEKDAY_NAMES}``,
``{NUMBER_WORD}``, ``{HOLIDAY}``, ``{BARE_HOLIDAY}``, ``{HOLIDAY_WORDS}`` and ``{WORDS:<word list>}``
(the list as an alternation, multi-word entries with ``\\s+``).

Patterns are regular expressions over the text rather than token patterns because dates cross token
boundaries in ways tokenizers disagree on ("16-17 March", "2024-11-05T10:00Z", "Sunday (21)", "Feb.").
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from ..errors import InputError
from .expressions import BUILDERS
from .vocabulary import WORD_LISTS, Vocabulary
from .vocabulary import alternation as _alt

__all__ = ["CONTEXTS", "CompiledPattern", "CompiledRules", "compile_patterns", "validate_pattern_rows"]

_PLACEHOLDER = re.compile(r"\{([A-Z_]+|WORDS:[a-z_]+)\}")


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    name: str = Field(pattern=r"^\w+$")
    regex: str
    comment: str | None = None


class _Fragment(_Row):
    kind: Literal["fragment"]
    name: str = Field(pattern=r"^[A-Z_]+$")


class _Anchor(_Row):
    kind: Literal["anchor"]


#: The context regexes code reads by name (``kind`` ``context``): what may stand before and after the
#: date of a dateline, on its line (:mod:`.dateline`).
CONTEXTS = ("dateline_before", "dateline_after")


class _Context(_Row):
    kind: Literal["context"]
    name: Literal[CONTEXTS]  # type: ignore[valid-type]


class _Pattern(_Row):
    kind: Literal["pattern"]
    build: str
    anchors: list[str] = Field(min_length=1)
    examples: list[str] = []
    as_week: bool = False  # build "date" only: the ISO week holding the day ("the week of March 10")


_ADAPTER: TypeAdapter[Any] = TypeAdapter(
    Annotated[_Fragment | _Anchor | _Context | _Pattern, Field(discriminator="kind")])


@dataclass(frozen=True)
class CompiledPattern:
    name: str
    build: str
    regex: re.Pattern[str]
    anchors: tuple[str, ...]
    as_week: bool = False


def validate_pattern_rows(rows: Iterable[dict[str, Any]], source: str = "date patterns") -> list[Any]:
    """The rows checked against the schema; the first bad one raises ``InputError`` (file, line, field)."""
    out = []
    for i, row in enumerate(rows, 1):
        try:
            r = _ADAPTER.validate_python(row)
        except ValidationError as e:
            err = e.errors()[0]
            if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
                raise InputError("a pattern row has a 'kind': fragment, anchor, context or pattern", source=source,
                                 line=i, field="kind") from None
            field = ".".join(str(x) for x in err["loc"][1:] if not isinstance(x, int)) or "kind"
            raise InputError(err["msg"], source=source, line=i, field=field) from None
        if isinstance(r, _Pattern):
            if r.build not in BUILDERS:
                raise InputError(f"unknown build {r.build!r} (known: {', '.join(BUILDERS)})", source=source,
                                 line=i, field="build")
            if r.as_week and r.build != "date":
                raise InputError("as_week is read only by build 'date'", source=source, line=i, field="as_week")
        out.append(r)
    return out


def _vocabulary_fragments(v: Vocabulary) -> dict[str, str]:
    month_full = _alt(v.month_full)
    weekday_full = rf"(?:{_alt(v.weekday_full)})\b"
    holiday_words = sorted({h.split()[-1] for h in v.holiday_names} | set(v.bare_holiday_names))
    return {
        "MONTH_FULL": month_full,
        "MONTH": rf"(?:(?:{month_full})\b|(?:{_alt(v.month_abbr)})(?:\.|\b))",
        "MONTH_NAMES": _alt(v.month_full + v.month_abbr),
        "WEEKDAY_FULL": weekday_full,
        "WEEKDAY": rf"(?:{weekday_full}|(?:{_alt(v.weekday_abbr)})(?:\.|\b))",
        "WEEKDAY_NAMES": _alt(v.weekday_full + v.weekday_abbr),
        "NUMBER_WORD": "|".join(sorted(map(re.escape, v.numbers), key=len, reverse=True)),
        "HOLIDAY": "|".join(r"\s+".join(map(re.escape, h.split()))
                            for h in sorted(v.holiday_names, key=len, reverse=True)),
        "BARE_HOLIDAY": "|".join(re.escape(h) for h in v.bare_holiday_names) or "(?!)",
        "HOLIDAY_WORDS": _alt(holiday_words),
    }


def _words(v: Vocabulary, name: str) -> str:
    ws = sorted(v.words[name], key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ws)


def _expander(v: Vocabulary, fragments: dict[str, str], source: str):
    known = {**_vocabulary_fragments(v)}
    done: dict[str, str] = {}

    def expand(regex: str, line: int, seen: tuple[str, ...] = ()) -> str:
        def one(m: re.Match[str]) -> str:
            key = m.group(1)
            if key.startswith("WORDS:"):
                if key[6:] not in WORD_LISTS:
                    raise InputError(f"no word list {key[6:]!r}", source=source, line=line, field="regex")
                return _words(v, key[6:])
            if key in known:
                return known[key]
            if key in seen or key not in fragments:
                what = "a fragment that contains itself" if key in seen else "no fragment"
                raise InputError(f"{what} {{{key}}}", source=source, line=line, field="regex")
            if key not in done:
                done[key] = expand(fragments[key], line, seen + (key,))
            return done[key]

        return _PLACEHOLDER.sub(one, regex)

    return expand


@dataclass(frozen=True)
class CompiledRules:
    patterns: tuple[CompiledPattern, ...]  # in priority order
    anchors: re.Pattern[str]  # one regex; its group names are the anchors
    contexts: dict[str, re.Pattern[str]]


def compile_patterns(rows: Iterable[dict[str, Any]], v: Vocabulary, source: str = "date patterns"
                     ) -> CompiledRules:
    """The patterns, the anchor regex and the context regexes of the rows."""
    checked = validate_pattern_rows(rows, source)
    fragments = {r.name: r.regex for r in checked if isinstance(r, _Fragment)}
    expand = _expander(v, fragments, source)
    anchors: list[tuple[str, str]] = []
    patterns: list[CompiledPattern] = []
    contexts: dict[str, re.Pattern[str]] = {}
    for line, r in enumerate(checked, 1):
        if isinstance(r, _Fragment):
            continue
        try:
            rx = re.compile(expand(r.regex, line))
        except re.error as e:
            raise InputError(f"bad regular expression: {e}", source=source, line=line, field="regex") from None
        if isinstance(r, _Anchor):
            anchors.append((r.name, rx.pattern))
            continue
        if isinstance(r, _Context):
            contexts[r.name] = rx
            continue
        _check_pattern(r, rx, {a for a, _ in anchors}, source, line)
        patterns.append(CompiledPattern(r.name, r.build, rx, tuple(r.anchors), r.as_week))
    missing = [c for c in CONTEXTS if c not in contexts]
    if not patterns or not anchors or missing:
        raise InputError(f"no {'patterns' if not patterns else 'anchors' if not anchors else missing[0]}",
                         source=source)
    anchor_rx = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in anchors))
    return CompiledRules(tuple(patterns), anchor_rx, contexts)


def _check_pattern(r: Any, rx: re.Pattern[str], anchors: set[str], source: str, line: int) -> None:
    unknown = [a for a in r.anchors if a not in anchors]
    if unknown:
        raise InputError(f"unknown anchor {unknown[0]!r} (anchors are defined before the patterns)",
                         source=source, line=line, field="anchors")
    missing = [g for g in BUILDERS[r.build].groups if not any(x in rx.groupindex for x in g.split("|"))]
    if missing:
        raise InputError(f"build {r.build!r} needs the group {missing[0]!r}", source=source, line=line,
                         field="regex")
    for ex in r.examples:
        if not any(m.group("x") == ex for m in rx.finditer(ex)):
            raise InputError(f"does not match its example {ex!r}", source=source, line=line, field="examples")
