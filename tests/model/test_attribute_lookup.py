"""The table-lookup attribute ruler gives spaCy's AttributeRuler's results, pattern kind by kind."""
from __future__ import annotations

import pytest
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from diplograph.model.attribute_lookup import FastAttributeRuler, use_attribute_lookup

PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NNS"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Plur"}},
    {"patterns": [[{"TAG": "VBD"}]], "attrs": {"POS": "VERB", "MORPH": "Tense=Past|VerbForm=Fin"}},
    {"patterns": [[{"TAG": "DT"}]], "attrs": {"POS": "DET"}},
    {"patterns": [[{"TAG": "_SP"}]], "attrs": {"POS": "SPACE"}},
    # word exceptions; a later pattern wins over an earlier one on the same attribute
    {"patterns": [[{"TAG": "NN", "LOWER": {"IN": ["nothing", "something"]}}]],
     "attrs": {"POS": "PRON", "MORPH": "PronType=Ind"}},
    {"patterns": [[{"TAG": "DT", "LOWER": "the"}]], "attrs": {"MORPH": "Definite=Def"}},
    # an earlier word rule loses to a later tag rule (order, not specificity, decides)
    {"patterns": [[{"LOWER": "talks"}]], "attrs": {"POS": "X"}},
    {"patterns": [[{"TAG": "NNS", "DEP": "nsubj"}]], "attrs": {"POS": "PROPN"}},
    # two-token patterns, the target given by a positive or negative index
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], "attrs": {"POS": "VERB"},
     "index": -1},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}},
    # a regex alone, NOT_IN, and a space flag
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]],
     "attrs": {"POS": "AUX"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "MORPH": "_"}},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
]

WORDS = ["The", "talks", "said", "nothing", "and", "y'", "all", "gon", "na", "\n", "There", "was",
         "nuthin'", "the", "talks", "had", "ended", "something", "to", "go"]
TAGS = ["DT", "NNS", "VBD", "NN", "CC", "PRP", "DT", "VBG", "TO", "_SP", "EX", "VBD", "NN", "DT",
        "NNS", "VBD", "VBN", "NN", "TO", "VB"]
DEPS = ["det", "nsubj", "ROOT", "dobj", "cc", "nsubj", "appos", "conj", "aux", "dep", "expl",
        "conj", "attr", "det", "dobj", "aux", "conj", "dobj", "aux", "xcomp"]


def _doc(vocab) -> Doc:
    return Doc(vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=[2] * len(WORDS))


def _attrs(doc: Doc) -> list[tuple]:
    return [(t.text, t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_) for t in doc]


def _rulers(blank, patterns):
    slow, fast = AttributeRuler(blank.vocab), FastAttributeRuler(blank.vocab)
    slow.add_patterns(patterns)
    fast.add_patterns(patterns)
    return slow, fast


def test_same_attributes_as_attribute_ruler(blank):
    slow, fast = _rulers(blank, PATTERNS)
    assert fast._compiled() is not None  # the fast path, not the fallback
    expected, got = _attrs(slow(_doc(blank.vocab))), _attrs(fast(_doc(blank.vocab)))
    assert got == expected
    by_word = {(w, i): a for i, (w, *a) in enumerate(got)}
    assert by_word[("talks", 1)][0] == "PROPN"      # the later tag+dep rule beats the word rule
    assert by_word[("nothing", 3)][:1] == ["PRON"]
    assert by_word[("na", 8)][-1] == "to" and by_word[("y'", 5)][-1] == "you"
    assert by_word[("was", 11)][0] == "VERB" and by_word[("nuthin'", 12)][-1] == "nothing"
    assert by_word[("\n", 9)][1:3] == ["_SP", "dep"]


def test_unsupported_pattern_falls_back_to_the_matcher(blank):
    patterns = PATTERNS + [{"patterns": [[{"TAG": "DT"}, {"TAG": "NNS", "OP": "+"}]],
                            "attrs": {"LEMMA": "group"}}]
    slow, fast = _rulers(blank, patterns)
    assert fast._compiled() is None
    assert _attrs(fast(_doc(blank.vocab))) == _attrs(slow(_doc(blank.vocab)))


def test_patterns_round_trip(blank, tmp_path):
    _, fast = _rulers(blank, PATTERNS)
    fast.to_disk(tmp_path / "ruler")
    again = FastAttributeRuler(blank.vocab).from_disk(tmp_path / "ruler")
    assert again.patterns == fast.patterns
    assert _attrs(again(_doc(blank.vocab))) == _attrs(fast(_doc(blank.vocab)))


def test_model_ruler_is_replaced_and_agrees(nlp):
    from diplograph.pipeline import load_model

    plain = load_model()
    fast = use_attribute_lookup(load_model())
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert fast.get_pipe("attribute_ruler")._compiled() is not None
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    text = ("Gonna be fine, y'all. \n\nThe president didn't say anything; there were talks that "
            "nobody expected, and it's what they'd wanted since 2019.  Whether he'll go is unclear.")
    assert _attrs(fast(text)) == _attrs(plain(text))


@pytest.mark.parametrize("text", ["", " ", "\n\n"])
def test_empty_and_space_only_docs(blank, text):
    slow, fast = _rulers(blank, PATTERNS)
    assert _attrs(fast(blank.make_doc(text))) == _attrs(slow(blank.make_doc(text)))


def test_lemmatizer_agrees_with_spacy(nlp):
    from diplograph.model.attribute_lookup import FastLemmatizer
    from diplograph.pipeline import load_model

    plain = load_model()
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)
    text = ("The ministers were meeting their counterparts; talks had been held twice, and the "
            "leaders spoke again. She flew to Oslo and dined with them.\n\nHe's better-known.")
    doc = nlp(text)
    assert [t.lemma_ for t in doc] == [t.lemma_ for t in plain(text)]
    assert [t.lemma_ for t in doc][:6] == ["the", "minister", "be", "meet", "their", "counterpart"]
