"""Tokenising with the cache filled line by line gives the tokens of one plain tokenizer call."""
from spacy.attrs import IDX, ORTH, SPACY

from diplograph.model.tokenize import CACHE_CHUNKS, make_doc, tokenize
from diplograph.pipeline import load_model

TEXTS = [
    "Mr. Lind met Dr. Varga on Monday — they didn't say why.\nThe talks, Lind's aides said, went well.\n\n"
    "  An indented line: U.S. officials (and Jan. reports) said so.\n",
    "One line only, with Mr. Lind's \"quotes\" and an e-mail: a@b.org.",
    "\n\nLeading blank lines.\nTrailing ones\n\n\n",
    "Semicolons; dashes—and ellipses... \u2014 Mr.\nMr.\nMr. Lind\n",
    "",
]


def _tokens(doc):
    return doc.to_array([ORTH, SPACY, IDX]).tolist()


def test_primed_tokens_equal_plain_ones():
    nlp = load_model()
    fresh = load_model()
    fresh.tokenizer.max_cache_size = 0  # nothing cached: every chunk tokenised from scratch
    nlp.tokenizer.max_cache_size = CACHE_CHUNKS
    for _ in range(2):  # the second round reads what the first cached
        for text in TEXTS:
            want = _tokens(fresh.tokenizer(text))
            assert _tokens(tokenize(nlp.tokenizer, text)) == want
            assert _tokens(make_doc(nlp, text)) == want
            assert _tokens(nlp.tokenizer(text)) == want


def test_pipeline_tokenizer_cache_limit():
    from diplograph.pipeline import load_pipeline

    assert load_pipeline().tokenizer.max_cache_size >= CACHE_CHUNKS
