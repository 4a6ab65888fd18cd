"""Reading corpora: files, folders, JSON Lines, bad input named by file, line and field."""
from __future__ import annotations

import json

import pytest

from diplograph.batch.corpus import (ErrorLog, Fields, error_record, extract_corpus, iter_files,
                               plan_units, read_jsonl, read_records, read_units,
                               records_from_items)
from diplograph.errors import InputError

A = "Prime Minister Lena Varga met President Tomas Ruel in Budapest on Monday."
B = "Foreign Minister Ada Novak spoke by phone with her Czech counterpart on Friday."


def _jsonl(path, rows):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows),
                    encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path):
    tmp_path = tmp_path / "corpus"
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "b.txt").write_text(A, encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_bytes(b"\xef\xbb\xbf" + B.encode())  # a BOM
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("ignored", encoding="utf-8")
    _jsonl(tmp_path / "sub" / "deeper" / "c.jsonl", [
        {"id": "c1", "text": A, "published": "2025-01-06", "title": "T", "url": "https://x.test/1"},
        {"text": B},
    ])
    return tmp_path


def test_folders_are_expanded_recursively_and_sorted(corpus):
    files = [f.relative_to(corpus).as_posix() for f in iter_files([corpus])]
    assert files == ["b.txt", "sub/a.txt", "sub/deeper/c.jsonl"]
    with pytest.raises(InputError, match="nope.txt: no such file or folder"):
        list(iter_files([corpus / "nope.txt"]))


def test_records_ids_and_published(corpus):
    recs = list(read_records([corpus], published="2025-03-18"))
    assert [r.doc_id for r in recs] == [str(corpus / "b.txt"), str(corpus / "sub" / "a.txt"), "c1",
                                        f"{corpus / 'sub' / 'deeper' / 'c.jsonl'}:2"]
    assert [r.published for r in recs] == ["2025-03-18", "2025-03-18", "2025-01-06", "2025-03-18"]
    assert recs[1].text == B  # BOM dropped
    assert (recs[2].title, recs[2].url, recs[2].line) == ("T", "https://x.test/1", 1)
    assert recs[0].line is None and recs[3].line == 2


def test_configurable_fields(tmp_path):
    p = _jsonl(tmp_path / "c.jsonl", [{"body": A, "uid": 7, "date": "2024-12-31T23:00:00Z"}])
    (rec,) = read_records([p], fields=Fields(text="body", id="uid", published="date"))
    assert (rec.text, rec.doc_id, rec.published) == (A, "7", "2024-12-31")


BAD_ROWS = [
    {"id": "ok1", "text": A},
    '{"id": "broken", "text": ',                                # malformed JSON
    {"id": "nt", "body": A},                                   # missing text
    {"id": "num", "text": 42},                                 # non-string text
    {"id": "bad-date", "text": A, "published": "2025-13-45"},  # impossible date
    "[1, 2]",                                                  # not an object
    "",                                                        # blank: skipped, not an error
    {"id": "bad-id", "text": A, "id2": 1} | {"id": ["x"]},     # unusable id
    {"id": "ok2", "text": ""},                                 # empty text is fine
]


def _bad_file(tmp_path):
    p = _jsonl(tmp_path / "bad.jsonl", BAD_ROWS)
    with open(p, "ab") as f:
        f.write(b'{"id": "latin1", "text": "Caf\xe9"}\n')       # not UTF-8
    return p


def test_each_bad_line_is_named(tmp_path):
    p = _bad_file(tmp_path)
    errors: list[InputError] = []
    recs = list(read_jsonl(p, on_error=errors.append))
    assert [r.doc_id for r in recs] == ["ok1", "ok2"]
    got = [(e.line, e.field) for e in errors]
    assert got == [(2, None), (3, "text"), (4, "text"), (5, "published"), (6, None), (8, "id"),
                   (10, None)]
    msgs = [str(e) for e in errors]
    assert msgs[0].startswith(f"{p}:2: malformed JSON")
    assert msgs[1] == f"{p}:3 field 'text': missing field"
    assert "text must be a string, not a number" in msgs[2]
    assert "2025-13-45" in msgs[3] and "not UTF-8" in msgs[6]
    assert all(e.source == str(p) for e in errors)


def test_without_callback_the_first_error_raises(tmp_path):
    p = _bad_file(tmp_path)
    with pytest.raises(InputError, match=r"bad.jsonl:2: malformed JSON"):
        list(read_jsonl(p))


def test_text_file_not_utf8_names_the_line(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes(b"First line.\nSecond caf\xe9 line.\n")
    errors: list[InputError] = []
    assert list(read_records([p], on_error=errors.append)) == []
    assert "byte 0xe9 at line 2" in str(errors[0]) and errors[0].source == str(p)


def test_units_read_the_same_records(tmp_path, corpus):
    p = _bad_file(tmp_path)
    e1, e2 = [], []
    units = plan_units([corpus, p], lines_per_unit=3, on_error=e2.append)  # skipped files
    assert [u[0] for u in units] == ["text", "text", "jsonl", "jsonl", "jsonl", "jsonl", "jsonl"]
    whole = list(read_records([corpus, p], on_error=e1.append))
    parts = list(read_units(units, on_error=e2.append))
    assert whole == parts
    assert [str(e) for e in e1] == [str(e) for e in e2]


def test_records_from_items():
    errors: list[InputError] = []
    recs = list(records_from_items([A, {"text": B, "id": "x"}, (A, "2025-02-01", "t"), {"x": 1}],
                                   published="2025-03-18", on_error=errors.append))
    assert [(r.doc_id, r.published, r.line) for r in recs] == [
        (None, "2025-03-18", 0), ("x", "2025-03-18", 1), ("t", "2025-02-01", 2)]
    assert str(errors[0]) == "item:3 field 'text': missing field"


def test_error_log(tmp_path):
    echoed: list[str] = []
    path = tmp_path / "errors.jsonl"
    with ErrorLog(path, echo=echoed.append, max_echo=1) as log:
        log(InputError("missing field", source="a.jsonl", line=3, field="text"))
        log(InputError("malformed JSON", source="a.jsonl", line=4))
        assert not path.exists()  # written on a clean exit only
    assert log.count == 2 and len(echoed) == 2 and echoed[1].startswith("skipped: ...")
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    assert rows == [{"source": "a.jsonl", "line": 3, "field": "text", "error": "missing field"},
                    {"source": "a.jsonl", "line": 4, "field": None, "error": "malformed JSON"}]
    assert error_record(InputError("x")) == {"source": None, "line": None, "field": None, "error": "x"}


def test_error_log_interrupted_leaves_no_file(tmp_path):
    path = tmp_path / "errors.jsonl"
    with pytest.raises(KeyboardInterrupt):
        with ErrorLog(path, echo=lambda m: None) as log:
            log(InputError("bad", source="a", line=1))
            raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(InputError):
        ErrorLog(fail=True)(InputError("bad"))


def test_extract_corpus_end_to_end(nlp, tmp_path, corpus):
    p = _bad_file(tmp_path)
    errors: list[InputError] = []
    pairs = list(extract_corpus([corpus, p], published="2025-03-18", on_error=errors.append,
                                batch_size=2))
    assert [ex.doc_id for _, ex in pairs][-2:] == ["ok1", "ok2"]
    assert len(pairs) == 6 and len(errors) == 7 + 2  # and the skipped notes.md and .hidden
    rec, ex = pairs[2]
    assert ex.doc_id == "c1" and ex.published == "2025-01-06"
    assert ex.meta == {"title": "T", "url": "https://x.test/1"}
    two = list(extract_corpus([corpus, p], published="2025-03-18", on_error=lambda e: None,
                              n_process=2, batch_size=2))
    assert [e.to_dict() for _, e in two] == [e.to_dict() for _, e in pairs]
    with pytest.raises(InputError, match="bad.jsonl:2"):
        list(extract_corpus([p]))
