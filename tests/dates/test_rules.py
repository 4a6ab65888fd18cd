"""The rule files: schema checks when loaded, extension, and the component's state on disk."""
from __future__ import annotations

import json

import pytest
import spacy

from diplograph.dates import DateRecognizer, DateRules, find_dates
from diplograph.dates.rules import CUES_FILE, PATTERNS_FILE
from diplograph.errors import InputError

DEFAULT = DateRules.default()


def rules_with(cues=None, patterns=None) -> DateRules:
    return DateRules(cues if cues is not None else DEFAULT.cue_rows,
                     patterns if patterns is not None else DEFAULT.pattern_rows)


def _replace(rows, index, **changes):
    rows = [dict(r) for r in rows]
    rows[index].update(changes)
    return rows


# --- vocabulary ----------------------------------------------------------------------------------

@pytest.mark.parametrize("row,field,message", [
    ({"cue": "holiday", "name": "X Day", "month": 3, "day": 1, "needs_place": True}, "needs_place", "Extra"),
    ({"cue": "holiday", "name": "X Day", "month": 14, "day": 1}, "month", "less than or equal"),
    ({"cue": "holiday", "name": "X Day", "month": "3", "day": 1}, "month", "integer"),
    ({"cue": "weekday_blok_before", "words": ["x"]}, "cue", "unknown cue"),
    ({"cue": "modal", "words": []}, "words", "at least 1"),
])
def test_bad_cue_rows_name_line_and_field(row, field, message):
    with pytest.raises(InputError) as e:
        rules_with(cues=list(DEFAULT.cue_rows) + [row])
    assert e.value.field == field
    assert e.value.line == len(DEFAULT.cue_rows) + 1
    assert message in str(e.value)


def test_a_word_list_no_rule_reads_is_an_error_and_a_missing_one_too():
    with pytest.raises(InputError, match="unknown cue"):
        rules_with(cues=list(DEFAULT.cue_rows) + [{"cue": "weak", "words": ["x"]}])
    without = [r for r in DEFAULT.cue_rows if r["cue"] != "vague_before"]
    with pytest.raises(InputError, match="no vague_before"):
        rules_with(cues=without)


def test_every_row_of_the_packaged_files_is_read():
    kinds = {r["cue"] for r in DEFAULT.cue_rows}
    from diplograph.dates.vocabulary import WORD_LISTS

    assert kinds == {"month", "weekday", "holiday", "number_word", *WORD_LISTS}
    assert DEFAULT.vocabulary.number("two") == 2 and DEFAULT.vocabulary.number("a") == 1


# --- patterns ------------------------------------------------------------------------------------

def _index(name):
    return next(i for i, r in enumerate(DEFAULT.pattern_rows) if r["name"] == name)


@pytest.mark.parametrize("name,changes,field,message", [
    ("month_day", {"build": "nonesuch"}, "build", "unknown build"),
    ("month_day", {"anchors": ["moon"]}, "anchors", "unknown anchor"),
    ("month_day", {"regex": "(?P<x>{MONTH}) (?P<d>{DAY})"}, "regex", "needs the group"),
    ("month_day", {"regex": "(?P<x>{NOPE})"}, "regex", "no fragment"),
    ("month_day", {"regex": "(?P<x>{WORDS:nope})"}, "regex", "no word list"),
    ("month_day", {"regex": "(?P<x>(unclosed)"}, "regex", "bad regular expression"),
    ("month_day", {"examples": ["16 March"]}, "examples", "does not match its example"),
    ("month", {"as_week": True}, "as_week", "only by build 'date'"),
    ("month", {"weak": True}, "weak", "Extra"),
])
def test_bad_pattern_rows_name_line_and_field(name, changes, field, message):
    i = _index(name)
    with pytest.raises(InputError) as e:
        rules_with(patterns=_replace(DEFAULT.pattern_rows, i, **changes))
    assert e.value.field == field and e.value.line == i + 1
    assert message in str(e.value)


def test_duplicate_pattern_names_are_an_error():
    with pytest.raises(InputError, match="two patterns named 'year'"):
        rules_with(patterns=list(DEFAULT.pattern_rows) + [DEFAULT.pattern_rows[_index("year")]])


def test_bad_json_line_names_the_file(tmp_path):
    DEFAULT.to_disk(tmp_path)
    with open(tmp_path / PATTERNS_FILE, "a", encoding="utf-8") as f:
        f.write("{not json\n")
    with pytest.raises(InputError) as e:
        DateRules.from_disk(tmp_path)
    assert PATTERNS_FILE in str(e.value) and e.value.line == len(DEFAULT.pattern_rows) + 1


# --- extension -----------------------------------------------------------------------------------

HARVEST = {"cue": "holiday", "name": "Harvest Day", "month": 9, "day": 21}
DAY_OF = {"kind": "pattern", "name": "day_of", "build": "date", "anchors": ["mon"],
          "examples": ["16th day of March"],
          "regex": r"(?<!\w)(?P<x>(?P<d>{DAY}){ORD}\s+day\s+of\s+(?P<mon>{MONTH}))"}


def test_extended_adds_vocabulary_and_leaves_the_original_alone(blank):
    doc = blank("They met at Harvest Day 2024 and on Harvest Day.")
    assert find_dates(doc, "2025-03-19") == []
    rules = DEFAULT.extended([HARVEST])
    assert [t.value for t in find_dates(doc, "2025-03-19", rules=rules)] == ["2024-09-21", "2024-09-21"]
    assert find_dates(doc, "2025-03-19") == []  # the default rules did not change


def test_extended_rejects_rows_of_neither_kind():
    with pytest.raises(InputError, match="either a 'cue'"):
        DEFAULT.extended([{"name": "x"}])


def test_a_new_pattern_with_an_existing_builder(blank):
    doc = blank("They met on the 16th day of March.")
    assert [t.text for t in find_dates(doc, "2025-03-19")] == ["March"]
    rules = DEFAULT.extended([DAY_OF])
    assert [(t.text, t.value) for t in find_dates(doc, "2025-03-19", rules=rules)] == [
        ("16th day of March", "2025-03-16")]
    with pytest.raises(InputError, match="needs the group 'mon|mon_'"):
        DEFAULT.extended([dict(DAY_OF, regex=r"(?P<x>(?P<d>{DAY}){ORD}\s+day)", examples=[])])


# --- the component's state -----------------------------------------------------------------------

def _pipeline(**config):
    nlp = spacy.blank("en")
    nlp.add_pipe("diplograph_dates", config=config)
    return nlp


def _dates(nlp, text, published="2025-03-19"):
    doc = nlp.make_doc(text)
    doc._.published = published
    return [(t.text, t.value) for t in nlp(doc)._.dates]


def test_added_rules_survive_to_disk_and_spacy_load(tmp_path):
    nlp = _pipeline(use_parser=False)
    nlp.get_pipe("diplograph_dates").add_patterns([HARVEST, DAY_OF])
    text = "They met at Harvest Day and again on the 2nd day of March."
    expected = [("Harvest Day", "2024-09-21"), ("2nd day of March", "2025-03-02")]
    assert _dates(nlp, text) == expected
    nlp.to_disk(tmp_path / "p")
    saved = [json.loads(line) for line in (tmp_path / "p" / "diplograph_dates" / CUES_FILE).open(encoding="utf-8")]
    assert HARVEST in saved
    nlp2 = spacy.load(tmp_path / "p")
    pipe = nlp2.get_pipe("diplograph_dates")
    assert isinstance(pipe, DateRecognizer) and pipe.use_parser is False
    assert pipe.rules == nlp.get_pipe("diplograph_dates").rules
    assert _dates(nlp2, text) == expected


def test_bytes_round_trip():
    nlp = _pipeline()
    nlp.get_pipe("diplograph_dates").add_patterns([HARVEST])
    nlp2 = _pipeline()
    nlp2.from_bytes(nlp.to_bytes())
    assert _dates(nlp2, "They met at Harvest Day.") == [("Harvest Day", "2024-09-21")]


def test_config_names_replacement_files(tmp_path):
    DEFAULT.extended([HARVEST]).to_disk(tmp_path)
    nlp = _pipeline(cues=str(tmp_path / CUES_FILE))
    assert _dates(nlp, "They met at Harvest Day.") == [("Harvest Day", "2024-09-21")]
    with pytest.raises(InputError, match="no such file"):
        _dates(_pipeline(patterns=str(tmp_path / "missing.jsonl")), "They met at Harvest Day.")
