"""The anchor scan that tries the anchor regex only where a word or a run of digits starts finds the same
matches as the regex's own ``finditer``, and is used only where that is proved from the regex."""
import re

import pytest

from diplograph.dates.anchors import anchor_scanner
from diplograph.dates.rules import DateRules

TEXTS = [
    "Erdogan met Putin on Monday, 3 March 2025, and again on the 12th; talks resume in May 2026.",
    "A1990 x1990 1990s 12/05/24 ١٢th ٢٠٢٤ _2024 éMay May's 3rd—Monday SEPTEMBER Sept. tonight",
    "Mondays and Monday-to-Friday weeks, the Eid-al-Adha holiday, Christmas Eve and New Year's Day.",
    "", "7", "Today", "no date here at all",
]


def _key(matches):
    return [(m.span(), m.lastgroup) for m in matches]


def test_packaged_anchors_scan_only_starts_and_find_the_same():
    rules = DateRules.default()
    rx = rules._anchor_rx
    assert rules._anchors_in != rx.finditer  # the packaged anchors take the shortcut
    for text in TEXTS:
        assert _key(rules._anchors_in(text)) == _key(rx.finditer(text))


@pytest.mark.parametrize("pattern, shortcut", [
    (r"\bfoo", True), (r"(?<!\d)\d+", True), (r"(?:\bab|(?<!\d)1)", True), (r"\b[a-z]", True),
    (r"foo", False), (r"(?<!\d)x", False), (r"\b(?:a|\s)", False), (r"(?a)\bfoo", False), (r"\b|x", False),
    (r"\b\w*", False), (r"\b[^a]", False), (r"(?<![0-9])\d", False),
])
def test_shortcut_only_when_proved(pattern, shortcut):
    rx = re.compile(pattern)
    scan = anchor_scanner(rx)
    assert (scan != rx.finditer) is shortcut
    for text in TEXTS + ["foo xfoo ab 1 x11 a b"]:
        assert [m.span() for m in scan(text)] == [m.span() for m in rx.finditer(text)]
