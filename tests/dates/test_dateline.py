"""The dateline: the date a text carries at its head (blank docs, no model)."""
from __future__ import annotations

import pytest
import spacy

from diplograph.dates import find_dateline


@pytest.mark.parametrize("text,value", [
    ("Ministers meet\nSEOUL, June 2 (Yonhap) -- The foreign minister said on Monday ...", "2025-06-02"),
    ("Talks end\n\n\nNAIROBI, February 11, 2019 (KNA) - The president today held talks ...", "2019-02-11"),
    ("PUTRAJAYA (May 10): The prime minister today met ...", "2025-05-10"),
    ("Visit planned\n\nCAIRO (Agency One / Agency Two - 08th May, 2020) The crown prince ...", "2020-05-08"),
    ("MOSCOW, March 18. /TASS/. The president spoke by phone ...", "2025-03-18"),
    ("11:05, 4 June 2025\nLeaders end their call\nThe call ...", "2025-06-04"),
    ("Wednesday, 4 June 2025\n[Provisional translation]\nThe prime minister ...", "2025-06-04"),
    ("Published: 4 June 2025\nThe prime minister ...", "2025-06-04"),
    ("Readout of the meeting\n6/14/2025 11:52 PM EDT\nThe secretary ...", "2025-06-14"),
])
def test_datelines(blank, text, value):
    assert find_dateline(blank(text), "2025-06-20").value == value


@pytest.mark.parametrize("text", [
    "Today, the president hosted a luncheon for diplomats.",            # no date written
    "On March 3, 2025, the leaders met in Geneva.",                      # a sentence, not a dateline
    "Putin to visit China on March 3\nThe Kremlin said ...",            # a headline's date inside a clause
    "Leaders meet\nThe talks began.\nThey ended.\nBERLIN, May 2 (dpa) - Later ...",  # too far down
    "ROME, early May (ANSA) - The talks ...",                           # not a day
])
def test_not_datelines(blank, text):
    assert find_dateline(blank(text), "2025-06-20") is None


def _run(text: str, published: str | None):
    nlp = spacy.blank("en")
    nlp.add_pipe("diplograph_dates")
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def test_component_sets_the_dateline_and_reads_it_without_a_publication_date():
    text = "Talks held\nADDIS ABABA, February 11, 2019 (ENA) - The prime minister today met the president."
    doc = _run(text, None)
    assert doc._.dateline.value == "2019-02-11"
    assert [(t.text, t.value) for t in doc._.dates] == [("February 11, 2019", "2019-02-11"), ("today", "2019-02-11")]
    doc = _run(text, "2019-02-12")  # posted the next day: the text is told from its dateline
    assert doc._.dateline.value == "2019-02-11"
    assert [t.value for t in doc._.dates] == ["2019-02-11", "2019-02-11"]
    doc = _run(text, "2019-03-01")  # weeks later: the publication date given wins for the other expressions
    assert [t.value for t in doc._.dates] == ["2019-02-11", "2019-03-01"]
    assert _run("The prime minister met the president today.", None)._.dateline is None
