"""Corpora in, extractions out: text files, folders and JSON Lines, with bad input named by file and line.

Inputs
------
* a ``.txt`` file (or any file that is not ``.jsonl``/``.ndjson``): one article; its doc id is the
  path and its publication date the ``published`` argument;
* a ``.jsonl`` or ``.ndjson`` file: one article per line, a JSON object with ``text`` and optionally
  ``id``, ``published``, ``title`` and ``url`` (the names are configurable with :class:`Fields`).
  A line's ``published`` wins over the ``published`` argument; its doc id is ``id`` or
  ``<file>:<line>``;
* a folder: every ``.txt``, ``.jsonl`` and ``.ndjson`` file below it (any case), in sorted order;
  its other files, and hidden files and folders, are reported as :class:`SkippedFile`.

Files are UTF-8, or UTF-8, UTF-16 or UTF-32 with a byte-order mark. Bad input (a malformed JSON
line, a missing or non-string ``text``, bytes that do not decode, text that looks like UTF-16
without a BOM, an impossible ``published`` date) becomes an :class:`~diplograph.errors.InputError`
naming the file, the line and the field. Readers hand it to an ``on_error`` callback (an
:class:`ErrorLog` counts and records it) or, without one, raise it. Empty lines of a JSON Lines
file are skipped; nothing else is.

>>> from diplograph.corpus import extract_corpus            # doctest: +SKIP
>>> for rec, ex in extract_corpus(["news/"], published="2025-03-18"):  # doctest: +SKIP
...     print(rec.doc_id, len(ex.contacts))
"""
from __future__ import annotations

import codecs
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..api import parse_published, pipe_items
from ..errors import DiplographError, InputError
from ..types import Extraction

__all__ = [
    "Fields",
    "Record",
    "ErrorLog",
    "iter_files",
    "read_text_file",
    "read_jsonl",
    "read_records",
    "records_from_items",
    "plan_units",
    "read_units",
    "extract_records",
    "extract_corpus",
    "error_record",
    "json_line",
    "JSONL_SUFFIXES",
    "ARTICLE_SUFFIXES",
    "SkippedFile",
]

JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: The files of a folder that are read (any case): plain text and JSON Lines.
ARTICLE_SUFFIXES = (".txt", *JSONL_SUFFIXES)
_BOM = codecs.BOM_UTF8

OnError = Callable[[InputError], None]


@dataclass(frozen=True)
class Fields:
    """Names of the fields of a JSON Lines article."""

    text: str = "text"
    id: str = "id"
    published: str = "published"
    title: str = "title"
    url: str = "url"


@dataclass
class Record:
    """One article read from a corpus, with where it came from (``line`` is None for a text file)."""

    text: str
    doc_id: str | None
    published: str | None = None
    source: str = ""
    line: int | None = None
    title: str | None = None
    url: str | None = None


def _report(err: InputError, on_error: OnError | None) -> None:
    if on_error is None:
        raise err
    on_error(err)


class SkippedFile(InputError):
    """A file of an input folder that is not read (its name or kind says it is no article file).

    Reported like bad input, but ``--on-error fail`` (``ErrorLog(fail=True)``) does not stop on it.
    """


def _folder_files(folder: Path, on_error: OnError | None) -> Iterator[Path]:
    """The article files below ``folder`` (sorted); every other entry is reported to ``on_error``
    as skipped (a hidden folder once for all it holds)."""

    def skip(why: str, f: Path) -> None:
        if on_error is not None:
            on_error(SkippedFile(why, source=str(f)))

    for f in sorted(folder.rglob("*")):
        rel = f.relative_to(folder).parts
        hidden = [i for i, part in enumerate(rel) if part.startswith(".")]
        if hidden:
            if hidden[0] == len(rel) - 1:  # the hidden entry itself, not what lies below it
                skip(f"hidden {'folder' if f.is_dir() else 'file'}", f)
            continue
        if f.is_dir():
            continue
        if f.suffix.lower() not in ARTICLE_SUFFIXES:
            skip(f"not an article file ({', '.join(ARTICLE_SUFFIXES)})", f)
        elif not f.is_file():
            skip("not a regular file (a broken link, a pipe ...)", f)
        else:
            yield f


def iter_files(paths: Iterable[str | Path], on_error: OnError | None = None) -> Iterator[Path]:
    """The input files of ``paths``: files as given, folders expanded to their ``.txt``,
    ``.jsonl`` and ``.ndjson`` files (any case; recursively, sorted).

    Raises :class:`InputError` for a path that does not exist. The other files of a folder (hidden
    ones, other extensions) are reported to ``on_error`` as :class:`SkippedFile`, if given.
    """
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from _folder_files(path, on_error)
        elif path.is_file():
            yield path
        else:
            raise InputError("no such file or folder", source=str(p))


# Byte-order marks, longest first (a UTF-32 LE mark starts like a UTF-16 LE one).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))


def _encoding_of(head: bytes) -> tuple[str, int]:
    """``(encoding, length of the byte-order mark)`` of a file from its first bytes: the BOM's
    encoding, else UTF-8. Raises :class:`InputError` (without a place) for text that looks like
    UTF-16 or UTF-32 without a BOM, which UTF-8 would read as letters and NUL bytes."""
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return enc, len(bom)
    sample = head[:4096]
    zeros = sample.count(0)
    if zeros and zeros * 10 > len(sample):
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        order = ("little-endian" if odd > 4 * even else "big-endian" if even > 4 * odd else None)
        what = f"UTF-16 ({order})" if order else "UTF-32 or binary data"
        raise InputError(f"looks like {what} without a byte-order mark, not UTF-8 text: "
                         f"save it as UTF-8")
    return "utf-8", 0


def _decode(raw: bytes, source: str, line: int | None, encoding: str = "utf-8") -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as e:
        bad = raw[e.start:e.start + 1].hex()
        name = "UTF-8" if encoding == "utf-8" else encoding.upper()
        if line is None:  # a whole file: say which line holds the bad byte
            n = raw.count(b"\n", 0, e.start) + 1
            raise InputError(f"not {name} text (byte 0x{bad} at line {n})", source=source) from None
        raise InputError(f"not {name} text (byte 0x{bad} at column {e.start + 1})", source=source,
                         line=line) from None


def read_text_file(path: str | Path, *, published: str | None = None,
                   on_error: OnError | None = None) -> Iterator[Record]:
    """The one article of a plain-text file (UTF-8, or the encoding of its byte-order mark:
    UTF-8, UTF-16, UTF-32); doc id = the path. Text that looks like UTF-16 without a BOM is
    reported, not read."""
    source = str(path)
    try:
        raw = Path(path).read_bytes()
        encoding, bom = _encoding_of(raw[:4096])
        text = _decode(raw[bom:], source, None, encoding)
    except OSError as e:
        _report(InputError(f"cannot read: {e.strerror or e}", source=source), on_error)
        return
    except InputError as e:
        _report(_located(e, source, None) if e.source is None else e, on_error)
        return
    yield Record(text=text, doc_id=source, published=published, source=source)


def _scalar_id(value: Any, fields: Fields) -> str:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"id must be a string or a number, not {type(value).__name__}", field=fields.id)


def _record_from_obj(obj: Any, *, source: str, line: int, default_id: str | None,
                     published: str | None, fields: Fields) -> Record:
    """A :class:`Record` from one decoded JSON value; raises :class:`InputError` without location."""
    if not isinstance(obj, Mapping):
        raise InputError(f"expected a JSON object with a {fields.text!r} field, "
                         f"got {type(obj).__name__}")
    if fields.text not in obj:
        raise InputError("missing field", field=fields.text)
    text = obj[fields.text]
    if not isinstance(text, str):
        raise InputError(f"text must be a string, not {_json_type(text)}", field=fields.text)
    pub = obj.get(fields.published)
    pub = parse_published(pub, field=fields.published) if pub not in (None, "") else published
    doc_id = obj.get(fields.id)
    doc_id = default_id if doc_id in (None, "") else _scalar_id(doc_id, fields)
    title, url = obj.get(fields.title), obj.get(fields.url)
    return Record(text=text, doc_id=doc_id, published=pub, source=source, line=line,
                  title=title if isinstance(title, str) else None,
                  url=url if isinstance(url, str) else None)


def _json_type(value: Any) -> str:
    return {type(None): "null", bool: "a boolean", int: "a number", float: "a number",
            list: "an array", dict: "an object"}.get(type(value), type(value).__name__)


def _located(e: InputError, source: str, line: int | None) -> InputError:
    return InputError(e.reason, source=source, line=line, field=e.field)


def read_jsonl(path: str | Path, *, published: str | None = None, fields: Fields = Fields(),
               on_error: OnError | None = None, start: int = 0, end: int | None = None,
               first_line: int = 1) -> Iterator[Record]:
    """The articles of a JSON Lines file, one per non-empty line.

    ``start``/``end`` (byte offsets at line starts) and ``first_line`` (the line number at
    ``start``) read one slice of the file, as :func:`plan_units` cuts it for parallel runs.
    """
    source = str(path)
    try:
        f = open(path, "rb")
    except OSError as e:
        _report(InputError(f"cannot read: {e.strerror or e}", source=source), on_error)
        return
    with f:
        try:
            encoding, bom = _encoding_of(f.read(4096))
        except InputError as e:
            if start == 0:  # reported once, by the unit that starts the file
                _report(_located(e, source, None), on_error)
            return
        for lineno, line in _jsonl_lines(f, source, encoding, bom, start, end, first_line):
            try:
                if isinstance(line, InputError):
                    raise line
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as e:
                    raise InputError(f"malformed JSON: {e.msg} (column {e.colno})") from None
                rec = _record_from_obj(obj, source=source, line=lineno,
                                       default_id=f"{source}:{lineno}", published=published,
                                       fields=fields)
            except InputError as e:
                _report(_located(e, source, lineno), on_error)
                continue
            yield rec


def _jsonl_lines(f: IO[bytes], source: str, encoding: str, bom: int, start: int, end: int | None,
                 first_line: int) -> Iterator[tuple[int, str | InputError]]:
    """``(line number, text)`` of the non-empty lines of a JSON Lines file (or of the slice
    ``start``..``end``), or an :class:`InputError` in place of a line that does not decode."""
    if encoding != "utf-8":  # UTF-16/32 with a BOM: read whole (plan_units makes it one unit)
        if start > 0:
            return
        f.seek(bom)
        text = io.TextIOWrapper(f, encoding=encoding, newline="\n")
        lineno = 0
        try:
            for lineno, line in enumerate(text, 1):
                if line.strip():
                    yield lineno, line
        except UnicodeDecodeError:
            yield lineno + 1, InputError(f"not {encoding.upper()} text")
        finally:
            text.detach()
        return
    f.seek(start)
    pos, lineno = start, first_line - 1
    for raw in f:
        if end is not None and pos >= end:
            break
        pos += len(raw)
        lineno += 1
        if pos == len(raw) and bom:
            raw = raw[bom:]
        if raw.strip():
            try:
                yield lineno, _decode(raw, source, lineno)
            except InputError as e:
                yield lineno, e


def _is_jsonl(path: Path) -> bool:
    return path.suffix.lower() in JSONL_SUFFIXES


def read_records(paths: Iterable[str | Path], *, published: str | None = None,
                 fields: Fields = Fields(), on_error: OnError | None = None) -> Iterator[Record]:
    """The articles of files and folders, lazily, in order (see the module docstring)."""
    for path in iter_files(paths, on_error):
        if _is_jsonl(path):
            yield from read_jsonl(path, published=published, fields=fields, on_error=on_error)
        else:
            yield from read_text_file(path, published=published, on_error=on_error)


def records_from_items(items: Iterable[Any], *, published: str | None = None,
                       fields: Fields = Fields(), on_error: OnError | None = None,
                       start: int = 0, source: str = "item") -> Iterator[Record]:
    """Records from in-memory items (texts, mappings like JSON Lines objects, or
    ``(text, published, id)`` tuples); ``line`` is the item's index, the doc id its ``id`` or None."""
    for n, item in enumerate(items, start):
        try:
            if isinstance(item, str):
                yield Record(text=item, doc_id=None, published=published, source=source, line=n)
                continue
            if isinstance(item, tuple) and 1 <= len(item) <= 3:
                text, pub, doc_id = (tuple(item) + (None, None))[:3]
                item = {fields.text: text, fields.published: pub, fields.id: doc_id}
            rec = _record_from_obj(item, source=source, line=n, default_id=None,
                                   published=published, fields=fields)
        except InputError as e:
            _report(_located(e, source, n), on_error)
            continue
        yield rec


# --- units: the pieces a parallel run distributes ---------------------------------------------


def plan_units(paths: Iterable[str | Path], *, lines_per_unit: int = 1000,
               on_error: OnError | None = None) -> list[tuple]:
    """Cut the inputs into units of work: ``("text", path)`` per text file and
    ``("jsonl", path, start, end, first_line)`` per slice of ``lines_per_unit`` lines of a JSON
    Lines file (found by scanning the file for line breaks, without parsing it; a file that is not
    plain UTF-8 is one unit). Files of folders that are not read go to ``on_error``."""
    units: list[tuple] = []
    for path in iter_files(paths, on_error):
        if not _is_jsonl(path):
            units.append(("text", str(path)))
            continue
        with open(path, "rb") as f:
            try:
                whole = _encoding_of(f.read(4096))[0] != "utf-8"
            except InputError:
                whole = True
            if whole:  # UTF-16/32 cannot be cut at b"\n"; a bad file is reported by its reader
                units.append(("jsonl", str(path), 0, None, 1))
                continue
            f.seek(0)
            start, first, pos, n = 0, 1, 0, 0
            for raw in f:
                pos += len(raw)
                n += 1
                if n % lines_per_unit == 0:
                    units.append(("jsonl", str(path), start, pos, first))
                    start, first = pos, n + 1
            if pos > start:
                units.append(("jsonl", str(path), start, None, first))
    return units


def read_units(units: Iterable[tuple], *, published: str | None = None, fields: Fields = Fields(),
               on_error: OnError | None = None) -> Iterator[Record]:
    """The records of units made by :func:`plan_units` (or ``("items", [...], first_index)``)."""
    for unit in units:
        kind = unit[0]
        if kind == "text":
            yield from read_text_file(unit[1], published=published, on_error=on_error)
        elif kind == "jsonl":
            _, path, start, end, first = unit
            yield from read_jsonl(path, published=published, fields=fields, on_error=on_error,
                                  start=start, end=end, first_line=first)
        elif kind == "items":
            yield from records_from_items(unit[1], published=published, fields=fields,
                                          on_error=on_error, start=unit[2])
        else:
            raise ValueError(f"unknown unit kind {kind!r}")


# --- extraction over records -------------------------------------------------------------------


def extract_records(records: Iterable[Record], *, model: str | None = None, batch_size: int = 32,
                    n_process: int = 1, max_length: int | None = None,
                    on_error: OnError | None = None,
                    mode: str = "full") -> Iterator[tuple[Record, Extraction]]:
    """``(record, extraction)`` pairs, in input order; a record whose extraction fails goes to
    ``on_error`` (or raises) as an :class:`InputError` naming its file and line.
    ``mode="contacts"``: archive mode (:mod:`diplograph.archive`).

    Only the location travels with the text to worker processes; the record comes back here.
    """
    pending: dict[int, Record] = {}

    def tasks() -> Iterator[tuple]:
        for n, rec in enumerate(records):
            pending[n] = Record(text="", doc_id=rec.doc_id, published=rec.published,
                                source=rec.source, line=rec.line, title=rec.title, url=rec.url)
            yield (n, rec.text, rec.published, rec.doc_id)

    for n, res in pipe_items(tasks(), model=model, batch_size=batch_size, n_process=n_process,
                             max_length=max_length, catch=True, mode=mode):
        rec = pending.pop(n)
        if isinstance(res, DiplographError):
            field = res.field if isinstance(res, InputError) else None
            reason = res.reason if isinstance(res, InputError) else str(res)
            _report(InputError(reason, source=rec.source, line=rec.line, field=field), on_error)
            continue
        if rec.title is not None:
            res.meta["title"] = rec.title
        if rec.url is not None:
            res.meta["url"] = rec.url
        yield rec, res


def extract_corpus(paths: Iterable[str | Path], *, published: str | None = None,
                   fields: Fields = Fields(), model: str | None = None, batch_size: int = 32,
                   n_process: int = 1, max_length: int | None = None,
                   on_error: OnError | None = None,
                   mode: str = "full") -> Iterator[tuple[Record, Extraction]]:
    """Read and extract files and folders: ``(record, extraction)`` pairs, streamed in order.

    ``published`` is the date of plain-text files and the default of JSON Lines records. Without
    ``on_error`` the first bad input raises :class:`InputError`; pass an :class:`ErrorLog` (or any
    callable) to skip bad records and keep going.
    """
    published = parse_published(published)
    yield from extract_records(read_records(paths, published=published, fields=fields,
                                            on_error=on_error),
                               model=model, batch_size=batch_size, n_process=n_process,
                               max_length=max_length, on_error=on_error, mode=mode)


# --- error log ---------------------------------------------------------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]")


def json_line(obj: Any) -> str:
    """One JSON Lines record (no newline), UTF-8 text as is, but lone surrogates (from JSON
    ``"\\udc80"`` escapes or undecodable file names) written as ``\\uXXXX`` escapes: the line always
    encodes as UTF-8 and reads back to the same value.

    >>> json_line({"id": "a\\udc80"})
    '{"id": "a\\\\udc80"}'
    """
    s = json.dumps(obj, ensure_ascii=False)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", s) if _SURROGATE.search(s) else s


def error_record(err: InputError) -> dict[str, Any]:
    """The JSON Lines record of a bad input: ``source``, ``line``, ``field``, ``error``."""
    return {"source": err.source, "line": err.line, "field": err.field, "error": err.reason}


class ErrorLog:
    """The ``on_error`` callback of a run: counts bad inputs, echoes the first ``max_echo`` to
    ``echo`` (stderr by default) and writes all of them to ``path`` as JSON Lines (atomically, on
    a clean exit of the ``with`` block, and only if there was an error).

    With ``fail=True`` the first error is raised instead.

    >>> with ErrorLog("errors.jsonl") as log:                         # doctest: +SKIP
    ...     pairs = list(extract_corpus(["corpus.jsonl"], on_error=log))
    >>> log.count                                                     # doctest: +SKIP
    2
    """

    def __init__(self, path: str | Path | None = None, *, fail: bool = False,
                 echo: Callable[[str], None] | None = None, max_echo: int = 10) -> None:
        self.path = Path(path) if path is not None else None
        self.fail = fail
        self.count = 0
        self.max_echo = max_echo
        self.echo = echo if echo is not None else (lambda msg: print(msg, file=sys.stderr))
        self._stack = ExitStack()
        self._file: IO[str] | None = None

    def __call__(self, err: InputError) -> None:
        if self.fail and not isinstance(err, SkippedFile):
            raise err
        self.count += 1
        if self.count <= self.max_echo:
            self.echo(f"skipped: {err}")
        elif self.count == self.max_echo + 1:
            self.echo("skipped: ... (more errors" + (f" in {self.path})" if self.path else ")"))
        if self.path is not None:
            if self._file is None:
                from ..graph.export import atomic_write

                self._file = self._stack.enter_context(atomic_write(self.path))
            self._file.write(json_line(error_record(err)) + "\n")

    def __enter__(self) -> "ErrorLog":
        return self

    def __exit__(self, *exc: Any) -> bool:
        return bool(self._stack.__exit__(*exc))
