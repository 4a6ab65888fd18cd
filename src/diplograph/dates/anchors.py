"""Scanning a text for the anchors of the date patterns, where anchors can start.

The anchor regex is an alternation (``(?P<mon>\\b(?:January|...)\\b)|(?P<num4>(?<!\\d)...)|...``), and
Python's regex engine tries every alternative at every character. When each alternative can only
start where a word starts (``\\b`` before a word character) or where a run of digits starts (``(?<!\\d)``
before a digit), trying it there alone finds the same matches: :func:`anchor_scanner` proves that
from the parsed regex and then scans those places (about one character in five); otherwise, or when
unsure, it is the regex's own ``finditer``.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

try:  # the standard library's regex parser (its module names since Python 3.11)
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover  (Python 3.10)
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

__all__ = ["anchor_scanner"]

_STARTS = re.compile(r"(?<!\w)\w|(?<!\d)\d")  # where a word or a run of digits starts
_WORD, _DIGIT = "word", "digit"
_NOT_AFTER_DIGIT = [(_sre.IN, [(_sre.CATEGORY, _sre.CATEGORY_DIGIT)])]  # the parse of (?<!\d)'s \d


def anchor_scanner(rx: re.Pattern[str]) -> Callable[[str], Iterator[re.Match[str]]]:
    """A function giving the matches of ``rx.finditer(text)``, the same ones in the same order."""
    if rx.flags & (re.ASCII | re.LOCALE) or not _starts_known(rx.pattern):
        return rx.finditer

    def scan(text: str) -> Iterator[re.Match[str]]:
        pos = 0
        match = rx.match
        for start in _STARTS.finditer(text):
            p = start.start()
            if p >= pos:
                m = match(text, p)  # (lookbehinds and \b still see the text before p)
                if m:
                    pos = m.end()  # (every match is non-empty: it starts with a character)
                    yield m

    return scan


def _starts_known(pattern: str) -> bool:
    try:
        return _word_or_digit_start(list(_sre_parse.parse(pattern)))
    except Exception:  # (the parser's internals differ between Python versions: no shortcut then)
        return False


def _word_or_digit_start(items: list) -> bool:
    """Does every match of the parsed ``items`` start at a word start or at the start of a run of digits?"""
    if len(items) == 1 and items[0][0] is _sre.BRANCH:
        return all(_word_or_digit_start(list(b)) for b in items[0][1][1])
    if len(items) == 1 and items[0][0] is _sre.SUBPATTERN and not any(items[0][1][1:3]):
        return _word_or_digit_start(list(items[0][1][3]))  # a group around it all, no flags
    boundary = not_after_digit = False
    i = 0
    while i < len(items) and items[i][0] in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):  # zero-width
        op, av = items[i]
        boundary = boundary or (op is _sre.AT and av is _sre.AT_BOUNDARY)
        not_after_digit = not_after_digit or (op is _sre.ASSERT_NOT and av[0] == -1
                                              and list(av[1]) == _NOT_AFTER_DIGIT)
        i += 1
    kind = _first_kind(items[i]) if i < len(items) else None
    return (boundary and kind is not None) or (not_after_digit and kind == _DIGIT)


def _first_kind(item: tuple[Any, Any]) -> str | None:
    """Is the first character ``item`` consumes always a digit, always a word character, or neither/unknown?"""
    op, av = item
    if op is _sre.LITERAL:
        return _char_kind(chr(av))
    if op is _sre.IN:
        return _merge([_set_kind(x) for x in av])
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
        return _first_kind(av[2][0]) if len(av[2]) else None
    if op is _sre.SUBPATTERN:
        return _first_kind(av[3][0]) if len(av[3]) else None
    if op is _sre.BRANCH:
        return _merge([_first_kind(b[0]) if len(b) else None for b in av[1]])
    return None


def _set_kind(item: tuple[Any, Any]) -> str | None:
    op, av = item
    if op is _sre.LITERAL:
        return _char_kind(chr(av))
    if op is _sre.RANGE and av[1] - av[0] <= 1000:
        return _merge([_char_kind(chr(c)) for c in range(av[0], av[1] + 1)])
    if op is _sre.CATEGORY:
        return {_sre.CATEGORY_DIGIT: _DIGIT, _sre.CATEGORY_WORD: _WORD}.get(av)
    return None


def _char_kind(ch: str) -> str | None:
    """As Python's regex engine sees it: ``\\d`` is a decimal digit, ``\\w`` alphanumeric or ``_``."""
    return _DIGIT if ch.isdecimal() else _WORD if ch.isalnum() or ch == "_" else None


def _merge(kinds: list[str | None]) -> str | None:
    if not kinds or None in kinds:
        return None
    return _DIGIT if all(k == _DIGIT for k in kinds) else _WORD
