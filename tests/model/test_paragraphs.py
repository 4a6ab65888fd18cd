"""The paragraphs component: line breaks start sentences; honorific abbreviations never end one.
(Hand-built Docs, no model.)"""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from diplograph.model.paragraphs import mark_paragraphs


def test_a_line_break_starts_a_sentence():
    doc = Doc(spacy.blank("en").vocab, words=["Headline", "\n", "Lula", "met", "Boric", "."],
              spaces=[False, False, True, True, False, False])
    mark_paragraphs(doc)
    assert doc[2].is_sent_start


def test_an_honorific_abbreviation_does_not_end_a_sentence():
    words = ["Secretary", "of", "Defense", "H.E.", "Dr.", "Mark", "Esper", "called", "on", "Modi", "."]
    doc = Doc(spacy.blank("en").vocab, words=words)
    mark_paragraphs(doc)
    assert doc[4].is_sent_start is False and doc[5].is_sent_start is False
    assert doc[7].is_sent_start is None  # (the parser decides elsewhere)
