"""Tokenising a text with spaCy's chunk cache filled line by line first.

spaCy's tokenizer caches the tokens of each whitespace-delimited chunk ("said.", "Erdogan's"), but within
one call it stops saving chunks to the cache once it has met a special case ("Mr.", "—", "don't": the flag
that keeps chunks tokenised with a special case out of the cache stays set for the rest of the text). In
a news article most chunks after the first "Mr." were therefore tokenised from scratch every time they
were seen. :func:`make_doc` first tokenises the text's lines one by one, so that each line's chunks up to
its own first special case are cached, then the text whole, as before; its chunks are now mostly cache
hits. The tokens are those of ``tokenizer(text)``: the cache only holds what spaCy itself caches for a
one-line text, and the ``Doc`` is made by the same call on the same text.

This pays while the cache has room: :func:`diplograph.pipeline.load_pipeline` raises the pipeline
tokenizer's limit from spaCy's 10,000 chunks to :data:`CACHE_CHUNKS`. Once a process has seen that many
distinct chunks, the lines of a text are tokenised twice where their chunks are not cached.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["tokenize", "make_doc", "CACHE_CHUNKS"]

#: Chunks the pipeline's tokenizer may cache (spaCy's default: 10,000; a chunk costs ~135 bytes, so
#: at most ~135 MB, reached after a million distinct chunks, when the vocabulary has grown by ~400 MB).
CACHE_CHUNKS = 1_000_000


def tokenize(tokenizer, text: str) -> Doc:
    """``tokenizer(text)``, its lines tokenised first to fill the tokenizer's cache (see the module
    docstring)."""
    if "\n" in text:
        for line in text.split("\n"):
            if line:
                tokenizer(line)
    return tokenizer(text)


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` by :func:`tokenize` (a text over ``nlp.max_length`` raises as there)."""
    if len(text) > nlp.max_length:
        return nlp.make_doc(text)
    return tokenize(nlp.tokenizer, text)
