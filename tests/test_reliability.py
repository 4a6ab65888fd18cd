"""Nothing lost, whatever the input: one regression test (or a few) per case of issue 13.

1. lone surrogates in metadata, text and file names; 2. ``published`` at the calendar's edges or
with a garbage suffix; 3. outputs checked before any work, one failed output loses no other;
4. workers die with their parent, temporary files are cleaned; 5. ``graph`` refuses what is not an
extraction; 6. encodings and the files a folder skips (in tests/batch/test_inputs.py); 7. an
unreachable Dask scheduler.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import diplograph
from diplograph.cli import app
from diplograph.errors import DiplographError, InputError
from diplograph.types import Contact, Extraction, Participant, Person

SRC = Path(diplograph.__file__).resolve().parents[1]
MET = "President Lula met Prime Minister Albanese in Brasilia on Monday."
CALLED = "Chancellor Scholz spoke with President Macron by phone on Tuesday."


@pytest.fixture
def runner():
    return CliRunner()


def _jsonl(path: Path, rows: list[dict]) -> Path:
    with open(path, "w", encoding="ascii") as f:  # JSON escapes, as many exporters write
        for r in rows:
            f.write(json.dumps(r) + "\n")
    return path


def _flat(output: str) -> str:
    """The text of a usage-error box, on one line."""
    return " ".join(output.replace("│", " ").split())


def _lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


# -- 1. lone surrogates ---------------------------------------------------------------------------

@pytest.mark.parametrize("n_process", [1, 2])
def test_lone_surrogates_in_metadata_are_written_escaped(runner, tmp_path, nlp, n_process):
    src = _jsonl(tmp_path / "in.jsonl", [
        {"id": "ok1", "text": MET, "published": "2025-03-18"},
        {"id": "bad\udc80", "text": CALLED, "published": "2025-03-18"},
        {"id": "t", "title": "x\udc80", "url": "https://x.test/\ud800", "text": MET},
        {"id": "tx", "text": CALLED.replace("by phone", "\udc80 by phone")},
        {"id": "ok2", "text": CALLED, "published": "2025-03-18"},
    ])
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["extract", str(src), "-o", str(out), "-o", str(tmp_path / "g.gexf"),
                              "--n-process", str(n_process), "-q"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    recs = _lines(out)
    assert [r["doc_id"] for r in recs] == ["ok1", "bad\udc80", "t", "tx", "ok2"]
    assert recs[2]["meta"] == {"title": "x\udc80", "url": "https://x.test/\ud800"}
    assert "\\udc80" in out.read_text(encoding="utf-8")  # an escape, valid UTF-8
    assert recs[3]["contacts"], "the text with a surrogate is extracted"
    assert not (tmp_path / "out.errors.jsonl").exists()


def test_lone_surrogate_in_text_through_the_api(nlp):
    text = MET.replace("in Brasilia", "in Bras\udc80lia")
    ex = diplograph.extract(text, published="2025-03-18", doc_id="id\udc80")
    (c,) = ex.contacts
    ev = c.evidence[0]
    assert ev.text == text[ev.start:ev.end].replace("\udc80", "\ufffd")  # offsets unchanged
    assert ex.doc_id == "id\udc80"
    doc = diplograph.parse("\ud800" + MET)
    assert doc.text[0] == "\ufffd"


def test_dask_partition_with_surrogates(nlp):
    from diplograph.batch.distributed import _run_partition
    from diplograph.batch.corpus import Fields

    res = _run_partition(0, [("items", [{"text": MET, "id": "a\udc80"}, {"text": 3}], 0)],
                         published=None, fields=Fields(), model=None, batch_size=8,
                         max_length=None)
    (line,) = res["lines"]
    line.encode("utf-8")
    assert json.loads(line)["doc_id"] == "a\udc80" and len(res["errors"]) == 1


def _undecodable_name(folder: Path, name: bytes, content: bytes) -> Path:
    try:
        path = Path(os.fsdecode(os.path.join(os.fsencode(folder), name)))
        path.write_bytes(content)
    except (OSError, UnicodeError):
        pytest.skip("the file system refuses non-UTF-8 file names")
    return path


def test_non_utf8_file_names_in_a_folder(tmp_path, nlp):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "good.txt").write_text(CALLED, encoding="utf-8")
    odd = _undecodable_name(folder, b"caf\xe9.txt", MET.encode())
    _undecodable_name(folder, b"bad\xe9.jsonl", b'{"text": 1}\n')
    out = tmp_path / "out.jsonl"
    env = dict(os.environ, PYTHONPATH=str(SRC), PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, "-m", "diplograph.cli", "extract", str(folder),
                           "--published", "2025-03-18", "-o", str(out)],
                          capture_output=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    assert [r["doc_id"] for r in _lines(out)] == [str(odd), str(folder / "good.txt")]
    (err,) = _lines(tmp_path / "out.errors.jsonl")
    assert err["source"].endswith("bad\udce9.jsonl") and err["field"] == "text"
    assert b"\\udce9" in proc.stderr  # the message names the file, escaped


# -- 2. calendar edges ----------------------------------------------------------------------------

@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "0001-01-01T00:00:00Z",
                                       "2025-03-18garbage"])
def test_published_out_of_range_or_partial_is_an_input_error(nlp, published):
    with pytest.raises(InputError) as e:
        diplograph.extract(MET, published=published)
    assert e.value.field == "published"


def test_calendar_edges_in_a_corpus_lose_only_their_records(runner, tmp_path, nlp):
    src = _jsonl(tmp_path / "in.jsonl", [
        {"id": "a", "text": MET, "published": "0001-01-01T00:00:00Z"},
        {"id": "b", "text": CALLED, "published": "2025-03-18"},
        {"id": "c", "text": MET, "published": "9999-12-31"},
        {"id": "d", "text": MET, "published": "2025-03-18garbage"},
    ])
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["extract", str(src), "-o", str(out), "-o", str(tmp_path / "g.graphml"),
                              "-q"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert [r["doc_id"] for r in _lines(out)] == ["b"]
    errors = _lines(tmp_path / "out.errors.jsonl")
    assert [(e["line"], e["field"]) for e in errors] == [(1, "published"), (3, "published"),
                                                         (4, "published")]
    assert (tmp_path / "g.graphml").exists()


def test_graph_of_extractions_published_at_the_calendar_edges():
    a, b = Person("person:a", "Ann Aa", country="FRA"), Person("person:b", "Bob Bb", country="DEU")
    talk = Contact("c1", "talks", [Participant.of(a), Participant.of(b)], "occurred")
    exs = [Extraction(f"d{i}", published=day, people=[a, b], contacts=[talk])
           for i, day in enumerate(["0001-01-01", "9999-12-31", "0001-01-02"])]
    G = diplograph.build_graph(exs)
    assert G.number_of_edges() >= 1
    from diplograph.graph import timeline
    timeline(G, until="9999-12")


# -- 3. outputs -----------------------------------------------------------------------------------

def test_output_in_a_missing_folder_is_refused_before_any_work(runner, tmp_path, monkeypatch):
    src = _jsonl(tmp_path / "in.jsonl", [{"text": MET}])
    import diplograph.batch.corpus as corpus

    monkeypatch.setattr(corpus, "extract_corpus", lambda *a, **k: pytest.fail("work was done"))
    res = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "ok.jsonl"),
                              "-o", str(tmp_path / "missing" / "g.graphml")])
    assert res.exit_code == 2
    assert "no such folder" in _flat(res.output) and ".tmp" not in res.output
    assert not (tmp_path / "ok.jsonl").exists()


def _unwritable_folder(tmp_path: Path) -> Path:
    if os.name == "posix" and os.geteuid() != 0:
        d = tmp_path / "ro"
        d.mkdir()
        d.chmod(0o555)
        return d
    for d in (Path("/sys"), Path("/proc")):  # root writes anywhere but here
        try:
            (d / "diplograph-probe").open("w").close()
        except OSError:
            return d
    pytest.skip("no unwritable folder to test with")


def test_output_in_an_unwritable_folder_is_refused(runner, tmp_path):
    src = _jsonl(tmp_path / "in.jsonl", [{"text": MET}])
    ro = _unwritable_folder(tmp_path)
    res = runner.invoke(app, ["extract", str(src), "-o", str(ro / "out.jsonl")])
    assert res.exit_code == 2 and "cannot write" in _flat(res.output)
    res = runner.invoke(app, ["graph", str(src), "-o", str(ro / "g.graphml")])
    assert res.exit_code == 2 and "cannot write" in _flat(res.output)


def test_output_naming_an_input_is_refused(runner, tmp_path):
    src = _jsonl(tmp_path / "in.jsonl", [{"text": MET}])
    before = src.read_bytes()
    res = runner.invoke(app, ["extract", str(src), "-o", str(src)])
    assert res.exit_code == 2 and "is an input" in _flat(res.output)
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(MET, encoding="utf-8")
    res = runner.invoke(app, ["extract", str(folder), "-o", str(folder / "a.txt"),
                              "--format", "jsonl"])
    assert res.exit_code == 2 and "is an input" in _flat(res.output)
    assert src.read_bytes() == before and (folder / "a.txt").read_text() == MET


def test_one_failed_output_loses_no_other(runner, tmp_path, monkeypatch, nlp):
    import diplograph.graph.export as export

    src = _jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": MET}, {"id": "b", "text": CALLED}])
    real = export.write_graph

    def flaky(G, path, format=None):
        if str(path).endswith(".gexf"):
            raise OSError(28, "No space left on device", str(path))
        return real(G, path, format=format)

    monkeypatch.setattr(export, "write_graph", flaky)
    outs = [tmp_path / "a.jsonl", tmp_path / "g.gexf", tmp_path / "g.graphml"]
    res = runner.invoke(app, ["extract", str(src), *sum((["-o", str(p)] for p in outs), [])])
    assert res.exit_code == 1
    assert "g.gexf: No space left on device" in res.output
    assert len(_lines(outs[0])) == 2 and outs[2].exists() and not outs[1].exists()
    assert not list(tmp_path.glob(".*.tmp"))


# -- 4. signals, workers and temporary files ------------------------------------------------------

def _children(pid: int) -> list[int]:
    import psutil

    try:
        return [c.pid for c in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def _alive(pids: list[int]) -> list[int]:
    import psutil

    return [p for p in pids if psutil.pid_exists(p)
            and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]


def _start_two_process_run(tmp_path: Path) -> tuple[subprocess.Popen, list[int]]:
    pytest.importorskip("psutil")
    src = _jsonl(tmp_path / "in.jsonl", [{"id": f"a{i}", "text": " ".join([MET, CALLED] * 30)}
                                         for i in range(300)])
    env = dict(os.environ, PYTHONPATH=str(SRC))
    proc = subprocess.Popen([sys.executable, "-m", "diplograph.cli", "extract", str(src),
                             "--n-process", "2", "--batch-size", "4", "-q",
                             "-o", str(tmp_path / "out.jsonl")],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and (len(_children(proc.pid)) < 2
                                      or not list(tmp_path.glob(".out.jsonl.*.tmp"))):
        time.sleep(0.2)
    workers = _children(proc.pid)
    if len(workers) < 2:
        proc.kill()
        pytest.fail("the run did not start its workers")
    time.sleep(1.0)  # the workers are at work
    return proc, workers


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="process tree checks on Linux")
@pytest.mark.parametrize("sig", ["SIGTERM", "SIGKILL"])
def test_workers_die_with_their_parent(tmp_path, nlp, sig):
    proc, workers = _start_two_process_run(tmp_path)
    proc.send_signal(getattr(signal, sig))
    code = proc.wait(timeout=60)
    deadline = time.time() + 10
    while _alive(workers) and time.time() < deadline:
        time.sleep(0.2)
    left = _alive(workers)
    for p in left:
        os.kill(p, signal.SIGKILL)
    assert not left, f"workers outlived their parent after {sig}"
    if sig == "SIGTERM":
        assert code == 128 + signal.SIGTERM
        assert b"terminated" in proc.stderr.read()
        assert not list(tmp_path.glob(".*.tmp")), "a terminated run removes its temporary files"
    assert not (tmp_path / "out.jsonl").exists()


def test_temporary_files_of_dead_runs_are_removed(runner, tmp_path, nlp):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    host = __import__("re").sub(r"[^A-Za-z0-9_-]", "_", socket.gethostname())[:40] or "host"
    stale = tmp_path / f".out.jsonl.{host}.{dead.pid}-0123abcd.tmp"
    stale.write_text("half a record")
    live = tmp_path / f".out.jsonl.{host}.{os.getpid()}-0123abcd.tmp"
    live.write_text("a run still going")
    src = _jsonl(tmp_path / "in.jsonl", [{"text": MET}])
    res = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "out.jsonl"), "-q"])
    assert res.exit_code == 0, res.output
    assert not stale.exists() and live.exists()


# -- 5. graph of things that are not extractions --------------------------------------------------

@pytest.mark.parametrize("line", [{"foo": 1}, {"id": "a", "text": MET, "published": "2025-03-18"},
                                  {"doc_id": "x", "contacts": [{"type": "meeting"}]}, [1, 2]])
def test_graph_refuses_lines_that_are_not_extractions(runner, tmp_path, line):
    src = _jsonl(tmp_path / "x.jsonl", [line])
    res = runner.invoke(app, ["graph", str(src), "-o", str(tmp_path / "g.graphml")])
    assert res.exit_code == 1
    assert f"{src}:1: not an extraction record" in res.output
    assert not (tmp_path / "g.graphml").exists()


# -- 7. Dask --------------------------------------------------------------------------------------

def _closed_port() -> str:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"tcp://127.0.0.1:{port}"


def test_unreachable_dask_scheduler_is_one_line(runner, tmp_path):
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    from diplograph.batch.distributed import extract_dask

    address = _closed_port()
    src = _jsonl(tmp_path / "in.jsonl", [{"text": MET}])
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        with pytest.raises(DiplographError) as e:
            extract_dask([str(src)], tmp_path / "parts", address)
        res = runner.invoke(app, ["extract", str(src), "--dask", address,
                                  "-o", str(tmp_path / "parts2")])
    assert address in str(e.value) and "dask scheduler" in str(e.value)
    assert res.exit_code == 1
    (line,) = res.output.strip().splitlines()
    assert line.startswith("error: cannot reach the Dask scheduler at " + address)
    assert not (tmp_path / "parts").exists() and not (tmp_path / "parts2").exists()


# -- 8. long texts --------------------------------------------------------------------------------

ARTICLE = ("President Lula met Prime Minister Albanese in Brasilia on Monday.\n\n"
           "Chancellor Scholz spoke with President Macron by phone on Tuesday, officials said. "
           "The two leaders discussed trade and energy.\n\n")


def test_long_text_goes_through_in_bounded_pieces_one_at_a_time(nlp, monkeypatch):
    import gc
    import weakref

    import diplograph.api as api

    text = ARTICLE * (api.PIECE_CHARS * 2 // len(ARTICLE) + 1)  # an archive pasted into one text
    made: list = []
    seen: list[tuple[int, int]] = []  # (piece length, Doc objects alive)
    real_make, real_from = api._make_doc, api.extraction_from_doc

    def make(nlp_, piece, published, doc_id, made_doc=None):
        doc = real_make(nlp_, piece, published, doc_id, made_doc)
        made.append(weakref.ref(doc))
        return doc

    def take(doc):
        gc.collect()
        seen.append((len(doc.text), sum(r() is not None for r in made)))
        return real_from(doc)

    monkeypatch.setattr(api, "_make_doc", make)
    monkeypatch.setattr(api, "extraction_from_doc", take)
    ex = diplograph.extract(text, published="2025-03-18")
    assert len(seen) == ex.meta["chunks"] >= 3
    assert max(n for n, _ in seen) <= api.PIECE_CHARS
    assert max(alive for _, alive in seen) == 1  # never more than the piece at hand
    for c in ex.contacts:
        assert all(text[m.start:m.end] == m.text for m in c.evidence + c.triggers)
    one = diplograph.extract(ARTICLE, published="2025-03-18")
    key = sorted((c.type, c.status, c.date.value if c.date else None,
                  tuple(sorted(p.id for p in c.participants))) for c in one.contacts)
    assert sorted((c.type, c.status, c.date.value if c.date else None,
                   tuple(sorted(p.id for p in c.participants))) for c in ex.contacts) == key
    assert all(len(c.evidence) > 10 for c in ex.contacts)  # each report of every piece kept
