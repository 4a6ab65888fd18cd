"""The ``diplograph_paragraphs`` component: a line break ends a sentence.

News text puts headlines, datelines, captions and bylines on lines of their own, without final
punctuation; the parser would otherwise read "Kremlin: No calls between Putin, Erdogan UPDATED" and the
next paragraph as one sentence. Placed before the parser, which keeps sentence starts it is given.

A semicolon in a headline (the first line, when a body follows) joins two stories ("PM meets Erdogan at
COP28; FO rejects reports of meeting with Modi"): it ends a sentence too, so the second's denial does not
reach the first. An honorific abbreviation ("H.E.", "Dr.") before a capitalised word never ends one.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["mark_paragraphs"]


@Language.component("diplograph_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    """Mark the first token after any whitespace containing a newline as a sentence start, and the first
    after a semicolon in the headline."""
    headline = True
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if ("\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)) and not doc[i].is_space:
            doc[i].is_sent_start = True
            headline = False
        elif headline and prev.text == ";" and not doc[i].is_space and "\n" in doc.text[prev.idx:]:
            doc[i].is_sent_start = True
        elif prev.text in HONORIFICS and doc[i].text[:1].isupper():
            doc[i].is_sent_start = False  # "Secretary of Defense H.E. Dr. Mark T. Esper": one name
    return doc


#: Abbreviations that stand before a name, so never end a sentence ("PM Modi on Sunday held ...").
HONORIFICS = frozenset({"H.E.", "Dr.", "Mr.", "Mrs.", "Ms.", "Gen.", "Lt.", "Col.", "Sen.", "Rep.", "Gov.",
                        "Prof.", "Amb.", "Maj.", "Capt.", "Adm.", "Sgt.", "Hon.", "Rt.", "PM"})
