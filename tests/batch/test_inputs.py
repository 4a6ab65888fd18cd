"""Reading corpora whatever their encoding and whatever else a folder holds (issue 13, case 6),
and metadata that JSON can carry but UTF-8 cannot (case 1). No model needed."""
from __future__ import annotations

import json

import pytest

from diplograph.batch.corpus import (ErrorLog, SkippedFile, iter_files, json_line, plan_units,
                                     read_records, read_units)
from diplograph.errors import InputError

TEXT = "Prime Minister Albanese spoke with President Lula on Monday."


def _read(paths, **kw):
    errors: list[InputError] = []
    recs = list(read_records(paths, on_error=errors.append, **kw))
    return recs, errors


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_reported_not_read_as_garbage(tmp_path, encoding):
    p = tmp_path / "a.txt"
    p.write_bytes(TEXT.encode(encoding))
    q = tmp_path / "b.jsonl"
    q.write_bytes(json.dumps({"text": TEXT}).encode(encoding) + "\n".encode(encoding))
    recs, errors = _read([p, q])
    assert recs == []
    assert [e.source for e in errors] == [str(p), str(q)]
    assert all("UTF-16" in e.reason and "byte-order mark" in e.reason for e in errors)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_files_with_a_bom_are_decoded(tmp_path, encoding):
    from codecs import BOM_UTF16_BE

    def enc(s: str) -> bytes:
        return BOM_UTF16_BE + s.encode("utf-16-be") if encoding == "utf-16-be" else s.encode(encoding)

    p = tmp_path / "a.txt"
    p.write_bytes(enc(TEXT))
    q = tmp_path / "b.jsonl"
    q.write_bytes(enc("\n".join(json.dumps({"id": f"r{i}", "text": TEXT}) for i in range(5))
                      + "\n\n{bad\n"))
    recs, errors = _read([p, q])
    assert [r.text for r in recs] == [TEXT] * 6
    assert [r.doc_id for r in recs][1:] == [f"r{i}" for i in range(5)]
    assert [(e.source, e.line) for e in errors] == [(str(q), 7)]
    units = plan_units([p, q], lines_per_unit=2)
    e2: list[InputError] = []
    assert list(read_units(units, on_error=e2.append)) == recs
    assert [(e.source, e.line) for e in e2] == [(str(q), 7)]


def test_folder_reads_any_case_and_ndjson_and_reports_what_it_skips(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git" / "objects").mkdir(parents=True)
    (tmp_path / ".git" / "objects" / "x.txt").write_text("no")
    (tmp_path / "A.TXT").write_text(TEXT)
    (tmp_path / "sub" / "b.ndjson").write_text(json.dumps({"text": TEXT}) + "\n")
    (tmp_path / "sub" / "c.JSONL").write_text(json.dumps({"text": TEXT}) + "\n")
    (tmp_path / "README.md").write_text("about")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    skipped: list[InputError] = []
    files = [f.relative_to(tmp_path).as_posix() for f in iter_files([tmp_path], skipped.append)]
    assert files == ["A.TXT", "sub/b.ndjson", "sub/c.JSONL"]
    assert sorted((e.source.rsplit("/", 1)[-1], e.reason.split(" (")[0]) for e in skipped) == [
        (".DS_Store", "hidden file"), (".git", "hidden folder"),
        ("README.md", "not an article file")]
    assert all(isinstance(e, SkippedFile) for e in skipped)
    recs, errors = _read([tmp_path])
    assert len(recs) == 3 and len(errors) == 3


def test_skipped_files_do_not_stop_a_failing_run(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "notes.md").write_text("x")
    log = ErrorLog(fail=True, echo=lambda msg: None)
    assert len(list(read_records([tmp_path], on_error=log))) == 1 and log.count == 1
    (tmp_path / "b.jsonl").write_text("{bad\n")
    with pytest.raises(InputError, match="malformed JSON"):
        list(read_records([tmp_path], on_error=ErrorLog(fail=True, echo=lambda m: None)))


def test_json_line_escapes_lone_surrogates_only():
    obj = {"id": "a\udc80", "title": "Erdoğan \U0001F600", "url": "\ud800x"}
    line = json_line(obj)
    line.encode("utf-8")
    assert json.loads(line) == obj
    assert "Erdoğan" in line and "\\udc80" in line and "\\ud800" in line


def test_errors_file_with_an_undecodable_source(tmp_path):
    out = tmp_path / "errors.jsonl"
    with ErrorLog(out, echo=lambda m: None) as log:
        log(InputError("not UTF-8 text", source="news/caf\udce9.txt"))
    (rec,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert rec["source"] == "news/caf\udce9.txt"
