"""The ``diplograph_paragraphs`` component: a line break ends a sentence.

News text puts headlines, datelines, captions and bylines on lines of their own, without final
punctuation; the parser would otherwise read "Kremlin: No calls between Putin, Erdogan UPDATED" and the
next paragraph as one sentence. Placed before the parser, which keeps sentence starts it is given.

A semicolon in a headline (the first line, when a body follows) joins two stories ("PM meets Erdogan at
COP28; FO rejects reports of meeting with Modi"): it ends a sentence too, so the second's denial does not
reach the first. An honorific abbreviation ("H.E.", "Dr.") before a capitalised word never ends one.
"""
from __future__ import annotations

import numpy as np
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from ..resources.text import doc_text

__all__ = ["mark_paragraphs"]


@Language.component("diplograph_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    """Mark the first token after a whitespace token containing a newline as a sentence start, and the
    first after a semicolon in the headline. Reads the ORTH and IS_SPACE columns; only tokens after a
    whitespace token, a semicolon or an honorific are looked at."""
    if len(doc) < 2:
        return doc
    cols = doc.to_array([ORTH, IS_SPACE])
    orth, space = cols[:, 0].tolist(), cols[:, 1].tolist()
    marks = np.flatnonzero(cols[:-1, 1].astype(bool) | np.isin(cols[:-1, 0], _MARK_IDS)).tolist()
    strings = doc.vocab.strings
    headline = True
    for p in marks:  # p: the token before, i: the token that may start (or continue) a sentence
        i = p + 1
        if space[p]:
            if not space[i] and "\n" in strings[orth[p]]:
                doc[i].is_sent_start = True
                headline = False
        elif orth[p] == _SEMICOLON:
            if headline and not space[i] and doc_text(doc).find("\n", doc[p].idx) >= 0:
                doc[i].is_sent_start = True
        elif doc[i].text[:1].isupper():  # after an honorific
            doc[i].is_sent_start = False  # "Secretary of Defense H.E. Dr. Mark T. Esper": one name
    return doc


#: Abbreviations that stand before a name, so never end a sentence ("PM Modi on Sunday held ...").
HONORIFICS = frozenset({"H.E.", "Dr.", "Mr.", "Mrs.", "Ms.", "Gen.", "Lt.", "Col.", "Sen.", "Rep.", "Gov.",
                        "Prof.", "Amb.", "Maj.", "Capt.", "Adm.", "Sgt.", "Hon.", "Rt.", "PM"})
_SEMICOLON = get_string_id(";")
_MARK_IDS = np.array([_SEMICOLON, *(get_string_id(h) for h in sorted(HONORIFICS))], dtype=np.uint64)
