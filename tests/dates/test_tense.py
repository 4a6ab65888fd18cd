"""Tense rules, one by one, on hand-built parses (no model) and on blank docs (the cue-word window)."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from diplograph.dates import DateRules
from diplograph.dates.tense import PRESENT, tense_from_parse, tense_from_window

V = DateRules.default().vocabulary
VOCAB = spacy.blank("en").vocab


def parsed(spec: str) -> Doc:
    """A Doc from lines ``word tag pos dep head lemma`` (head: index of the head word, its own for ROOT)."""
    rows = [line.split() for line in spec.strip().splitlines()]
    return Doc(VOCAB, words=[r[0] for r in rows], tags=[r[1] for r in rows], pos=[r[2] for r in rows],
               deps=[r[3] for r in rows], heads=[int(r[4]) for r in rows], lemmas=[r[5] for r in rows])


def tense_of(doc: Doc, expression: str) -> str | None:
    i = doc.text.index(expression)
    return tense_from_parse(doc, i, i + len(expression), V)


# A date at the end of "... on Monday": the verb that governs it is found by walking up the tree.
MODAL = """
They PRP PRON nsubj 2 they
will MD AUX aux 2 will
meet VB VERB ROOT 2 meet
Erdogan NNP PROPN dobj 2 Erdogan
on IN ADP prep 2 on
Monday NNP PROPN pobj 4 Monday
"""


def test_modal_is_future():
    assert tense_of(parsed(MODAL), "Monday") == "future"


def test_modal_with_perfect_have_is_past():
    doc = parsed("""
They PRP PRON nsubj 3 they
would MD AUX aux 3 would
have VB AUX aux 3 have
met VBN VERB ROOT 3 meet
Erdogan NNP PROPN dobj 3 Erdogan
on IN ADP prep 3 on
Monday NNP PROPN pobj 5 Monday
""")
    assert tense_of(doc, "Monday") == "past"


def test_headline_infinitive_is_future():
    doc = parsed("""
Putin NNP PROPN nsubj 2 Putin
to TO PART aux 2 to
visit VB VERB ROOT 2 visit
China NNP PROPN dobj 2 China
on IN ADP prep 2 on
Monday NNP PROPN pobj 4 Monday
""")
    assert tense_of(doc, "Monday") == "future"


@pytest.mark.parametrize("head,lemma,pos,expected", [
    ("plans", "plan", "VERB", "future"),       # future_verb
    ("is", "be", "AUX", "future"),              # "is to visit"
    ("tried", "try", "VERB", "past"),           # no intent: the head's own tense
])
def test_infinitive_under_its_head(head, lemma, pos, expected):
    tag = "VBD" if head == "tried" else "VBZ"
    doc = parsed(f"""
He PRP PRON nsubj 1 he
{head} {tag} {pos} ROOT 1 {lemma}
to TO PART aux 3 to
visit VB VERB xcomp 1 visit
China NNP PROPN dobj 3 China
on IN ADP prep 3 on
Monday NNP PROPN pobj 5 Monday
""")
    assert tense_of(doc, "Monday") == expected


def test_past_tense_and_did_not():
    assert tense_of(parsed(MODAL.replace("will MD AUX aux 2 will", "did VBD AUX aux 2 do")), "Monday") == "past"
    doc = parsed("""
They PRP PRON nsubj 1 they
met VBD VERB ROOT 1 meet
Erdogan NNP PROPN dobj 1 Erdogan
on IN ADP prep 1 on
Monday NNP PROPN pobj 3 Monday
""")
    assert tense_of(doc, "Monday") == "past"


PASSIVE = """
The DT DET det 1 the
talks NNS NOUN nsubjpass 3 talk
{be} {betag} AUX auxpass 3 be
held VBN VERB ROOT 3 hold
in IN ADP prep 3 in
Ankara NNP PROPN pobj 4 Ankara
on IN ADP prep 3 on
Monday NNP PROPN pobj 6 Monday
"""


def test_passive_past_and_present():
    assert tense_of(parsed(PASSIVE.format(be="were", betag="VBD")), "Monday") == "past"
    assert tense_of(parsed(PASSIVE.format(be="are", betag="VBP")), "Monday") is None


def test_reduced_relative_is_past():
    doc = parsed("""
The DT DET det 1 the
talks NNS NOUN nsubj 7 talk
held VBN VERB acl 1 hold
in IN ADP prep 2 in
Ankara NNP PROPN pobj 3 Ankara
on IN ADP prep 2 on
Monday NNP PROPN pobj 5 Monday
ended VBD VERB ROOT 7 end
""")
    assert tense_of(doc, "Monday") == "past"


def test_date_inside_the_subject_takes_no_past():
    doc = parsed("""
The DT DET det 1 the
summit NN NOUN nsubjpass 5 summit
on IN ADP prep 1 on
Monday NNP PROPN pobj 2 Monday
was VBD AUX auxpass 5 be
cancelled VBN VERB ROOT 5 cancel
""")
    assert tense_of(doc, "Monday") is None


@pytest.mark.parametrize("be,tag,expected", [("is", "VBZ", "future"), ("was", "VBD", "past")])
def test_progressive(be, tag, expected):
    doc = parsed(f"""
Putin NNP PROPN nsubj 2 Putin
{be} {tag} AUX aux 2 be
visiting VBG VERB ROOT 2 visit
Ankara NNP PROPN dobj 2 Ankara
on IN ADP prep 2 on
Monday NNP PROPN pobj 4 Monday
""")
    assert tense_of(doc, "Monday") == expected


def test_scheduled_is_future():
    doc = parsed("""
Talks NNS NOUN nsubjpass 2 talk
are VBP AUX auxpass 2 be
scheduled VBN VERB ROOT 2 schedule
for IN ADP prep 2 for
Monday NNP PROPN pobj 3 Monday
""")
    assert tense_of(doc, "Monday") == "future"


def test_since_is_past_and_future_nominal_is_future():
    doc = parsed("""
No DT DET det 1 no
talks NNS NOUN ROOT 1 talk
since IN ADP prep 1 since
Monday NNP PROPN pobj 2 Monday
""")
    assert tense_of(doc, "Monday") == "past"
    doc = parsed("""
the DT DET det 2 the
planned VBN ADJ amod 2 plan
meeting NN NOUN ROOT 2 meeting
on IN ADP prep 2 on
Thursday NNP PROPN pobj 3 Thursday
""")
    assert tense_of(doc, "Thursday") == "future"


def test_another_event_gives_no_tense():
    doc = parsed("""
They PRP PRON nsubj 1 they
spoke VBD VERB ROOT 1 speak
after IN ADP prep 1 after
talks NNS NOUN pobj 2 talk
on IN ADP prep 3 on
Monday NNP PROPN pobj 4 Monday
""")
    assert tense_of(doc, "Monday") is None


def test_setting_takes_the_finite_verb():
    spec = """
They PRP PRON nsubj 1 they
agreed VBD VERB ROOT 1 agree
to TO PART aux 3 to
stop VB VERB xcomp 1 stop
attacks NNS NOUN dobj 3 attack
{prep} IN ADP prep 3 {prep}
a DT DET det 7 a
call NN NOUN pobj 5 call
on IN ADP prep 7 on
Tuesday NNP PROPN pobj 8 Tuesday
"""
    assert tense_of(parsed(spec.format(prep="during")), "Tuesday") == "past"  # the call happened
    assert tense_of(parsed(spec.format(prep="with")), "Tuesday") == "future"  # what they agreed to do


def test_verb_right_before_wins():
    # "met Sunday" with "Sunday" misattached to "say": the verb right before governs the date
    doc = parsed("""
They PRP PRON nsubj 2 they
will MD AUX aux 2 will
say VB VERB ROOT 2 say
they PRP PRON nsubj 4 they
met VBD VERB ccomp 2 meet
Sunday NNP PROPN npadvmod 2 Sunday
""")
    assert tense_of(doc, "Sunday") == "past"


def test_present_verb_gives_present():
    doc = parsed(MODAL.replace("will MD AUX aux 2 will\nmeet VB", "often RB ADV advmod 2 often\nmeets VBZ"))
    assert tense_of(doc, "Monday") == PRESENT


# --- without a parse: the nearest cue word of the sentence ------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("They will meet on Monday.", "future"),
    ("The ministers said they spoke on Monday.", "past"),
    ("Putin to visit China on Monday", "future"),             # to + a meeting verb
    ("Putin is visiting China on Monday.", "future"),          # be + -ing
    ("Putin was visiting China on Monday.", "past"),
    ("The talks will be held on Monday.", "future"),           # 'be held': the modal decides
    ("On Monday, the ministers met.", "past"),                 # fronted: a past verb to the right counts
    ("The summit on Monday was cancelled.", None),            # inside the subject: it does not
    ("Erdogan and May on Monday.", None),                      # 'May' is a name, not a modal
    ("Erdogan may on Monday.", "future"),
    ("The united front on Monday.", None),                     # an -ed adjective
    ("The front formed on Monday.", "past"),
    ("They will meet soon. On Monday the ministers spoke.", "past"),  # the sentence before is not read
])
def test_window(text, expected):
    i = text.rindex("Monday")
    assert tense_from_window(text, i, i + 6, V) == expected


def test_nominal_gerund_lets_the_walk_reach_the_clause_verb():
    # "... will meet Li for a leaders meeting in Perth on Monday": 'meeting' is tagged VBG, but it is a noun
    doc = parsed("""
Albanese NNP PROPN nsubj 2 Albanese
will MD AUX aux 2 will
meet VB VERB ROOT 2 meet
Li NNP PROPN dobj 2 Li
for IN ADP prep 2 for
a DT DET det 6 a
leaders NNS NOUN pobj 4 leader
meeting VBG VERB acl 6 meet
in IN ADP prep 7 in
Perth NNP PROPN pobj 8 Perth
on IN ADP prep 7 on
Monday NNP PROPN pobj 10 Monday
""")
    assert tense_of(doc, "Monday") == "future"
