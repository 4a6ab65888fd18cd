"""The public entry points: ``extract`` one text, ``extract_many`` over ``nlp.pipe``.

Both go through one engine, :func:`pipe_items`, which the corpus reader, the CLI and the Dask runner
use too: texts in batches through ``nlp.pipe``, several worker processes on request (each loads the
model once and sends back plain result dicts, not ``Doc`` objects), and texts longer than
:data:`PIECE_CHARS` cut on paragraph boundaries, run piece by piece and merged back with corrected
offsets (time linear in the text, memory bounded by the piece).
"""
from __future__ import annotations

import datetime as _dt
import multiprocessing
import re
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from itertools import islice
from typing import Any, Union

from spacy.language import Language
from spacy.tokens import Doc

from .model import archive, tokenize
from .errors import DiplographError, InputError
from .extensions import register_extensions
from .pipeline import load_pipeline
from .resources.text import remember_text
from .types import Contact, Country, Extraction, Mention, Person, TimeValue

__all__ = [
    "parse",
    "extract",
    "extract_many",
    "extraction_from_doc",
    "parse_published",
    "clean_text",
    "PUBLISHED_MIN",
    "PUBLISHED_MAX",
    "PIECE_CHARS",
    "pipe_items",
    "split_text",
    "shift_extraction",
    "merge_extractions",
    "Item",
]

Item = Union[str, Mapping[str, Any], tuple]

#: Texts longer than this many characters (about 7,500 words) go through the pipeline in pieces
#: cut on paragraph boundaries: the parser, NER and the rules cost more per word on very long
#: ``Doc`` objects, and a ``Doc``'s memory grows with its length. News articles are far shorter.
PIECE_CHARS = 50_000


#: The publication dates the date arithmetic supports: relative dates reach up to 999 years from
#: ``published`` ("950 years ago"), and Python's calendar ends at years 1 and 9999.
PUBLISHED_MIN = _dt.date(1000, 1, 1)
PUBLISHED_MAX = _dt.date(8999, 12, 31)


def parse_published(value: Any, *, field: str = "published") -> str | None:
    """An ISO date string ``YYYY-MM-DD`` from a date, datetime or ISO string (time part ignored).

    Raises :class:`InputError` naming the field for anything that is not a whole calendar date or
    date-time (``"2025-03-18garbage"`` is refused, not cut) and for dates outside
    ``PUBLISHED_MIN``..``PUBLISHED_MAX`` (calendar edges such as Go's zero time ``0001-01-01``).

    >>> parse_published("2025-03-18T10:38:00Z")
    '2025-03-18'
    """
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        day = value.date()
    elif isinstance(value, _dt.date):
        day = value
    elif isinstance(value, str):
        day = _iso_day(value.strip())
        if day is None:
            raise InputError(f"not a calendar date (want YYYY-MM-DD): {value!r}", field=field)
    else:
        raise InputError(f"expected a date or an ISO date string, got {type(value).__name__}",
                         field=field)
    if not PUBLISHED_MIN <= day <= PUBLISHED_MAX:
        raise InputError(f"date out of the supported range {PUBLISHED_MIN}..{PUBLISHED_MAX}: "
                         f"{value!r}", field=field)
    return day.isoformat()


def _iso_day(s: str) -> _dt.date | None:
    """The day of a whole ISO date or date-time string, or None (no partial parse)."""
    try:
        return _dt.date.fromisoformat(s)
    except ValueError:
        pass
    try:
        return _dt.datetime.fromisoformat(s[:-1] + "+00:00" if s.endswith(("Z", "z")) else s).date()
    except ValueError:
        return None


_UNENCODABLE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` with each lone surrogate (which UTF-8 cannot encode, e.g. from JSON ``"\\udc80"``)
    replaced by U+FFFD, so that every offset into the text stays the same.

    >>> clean_text("a\\udc80b") == "a\\ufffdb"
    True
    """
    return _UNENCODABLE.sub("\ufffd", text) if _UNENCODABLE.search(text) else text


def extraction_from_doc(doc: Doc) -> Extraction:
    """The :class:`Extraction` of a ``Doc`` that went through diplograph's components."""
    return Extraction(
        doc_id=doc._.doc_id,
        published=doc._.published,
        people=list(doc._.people or []),
        countries=list(doc._.countries or []),
        dates=list(doc._.dates or []),
        contacts=list(doc._.contacts or []),
    )


# ---------------------------------------------------------------------------------------------
# Long texts: cut on paragraph boundaries, shift offsets, merge back


def split_text(text: str, max_length: int) -> list[tuple[int, str]]:
    """Cut ``text`` into ``(offset, chunk)`` pieces of at most ``max_length`` characters.

    Cuts fall after a blank line if there is one in the last three quarters of the window, else after a line
    break, a sentence end or a space, and only as a last resort in the middle of a word. The chunks
    concatenate back to ``text`` and each offset is where its chunk starts in ``text``.

    >>> split_text("One.\\n\\nTwo two.\\n\\nThree.", 12)
    [(0, 'One.\\n\\n'), (6, 'Two two.\\n\\n'), (16, 'Three.')]
    """
    if max_length < 1:
        raise ValueError("max_length must be positive")
    if len(text) <= max_length:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    n = len(text)
    while n - start > max_length:
        window = text[start:start + max_length]
        cut = _cut_point(window)
        out.append((start, window[:cut]))
        start += cut
    out.append((start, text[start:]))
    return out


def _cut_point(window: str) -> int:
    floor = len(window) // 4  # never cut so early that chunks become tiny
    for sep in ("\n\n", "\n", ". ", "? ", "! ", " "):
        i = window.rfind(sep)
        if i >= floor:
            return i + len(sep)
    for sep in ("\n\n", "\n", ". ", " "):  # a cut anywhere beats one inside a word
        i = window.rfind(sep)
        if i > 0:
            return i + len(sep)
    return len(window)


def _shift_mention(m: Mention, offset: int) -> Mention:
    return replace(m, start=m.start + offset, end=m.end + offset)


def _shift_time(t: TimeValue | None, offset: int) -> TimeValue | None:
    return None if t is None else replace(t, start=t.start + offset, end=t.end + offset)


def shift_extraction(ex: Extraction, offset: int) -> Extraction:
    """A copy of ``ex`` with every character offset moved by ``offset``."""
    if offset == 0:
        return ex
    return replace(
        ex,
        people=[replace(p, mentions=[_shift_mention(m, offset) for m in p.mentions]) for p in ex.people],
        countries=[replace(c, mentions=[_shift_mention(m, offset) for m in c.mentions])
                   for c in ex.countries],
        dates=[_shift_time(t, offset) for t in ex.dates],
        contacts=[replace(c, date=_shift_time(c.date, offset),
                          evidence=[_shift_mention(m, offset) for m in c.evidence],
                          triggers=[_shift_mention(m, offset) for m in c.triggers])
                  for c in ex.contacts],
        meta=dict(ex.meta),
    )


def merge_extractions(parts: Iterable[tuple[int, Extraction]]) -> Extraction:
    """One extraction from those of the pieces of a long text (``(offset, extraction)`` pairs).

    Offsets are shifted back into the whole text; a person or country found in several pieces is one
    entry (same id) with the mentions and aliases of all; dates are concatenated; contacts reported in
    several pieces merge as repeated reports within one text do (:func:`diplograph.contacts.merge_reports`).
    """
    from .contacts.component import merge_reports

    parts = list(parts)
    shifted = [shift_extraction(ex, off) for off, ex in parts]
    first = shifted[0]
    people: dict[str, Person] = {}
    countries: dict[str, Country] = {}
    dates: list[TimeValue] = []
    contacts: list[Contact] = []
    for ex in shifted:
        for p in ex.people:
            q = people.get(p.id)
            if q is None:
                people[p.id] = replace(p, aliases=list(p.aliases), mentions=list(p.mentions))
            else:
                q.aliases.extend(a for a in p.aliases if a not in q.aliases)
                q.mentions.extend(p.mentions)
                q.role = q.role or p.role
                q.country = q.country or p.country
        for c in ex.countries:
            k = countries.get(c.code)
            if k is None:
                countries[c.code] = replace(c, mentions=list(c.mentions))
            else:
                k.mentions.extend(c.mentions)
        dates.extend(ex.dates)
        contacts.extend(ex.contacts)
    meta = dict(first.meta)
    if len(parts) > 1:
        meta["chunks"] = len(parts)
        contacts = merge_reports(contacts)
    return Extraction(doc_id=first.doc_id, published=first.published, people=list(people.values()),
                      countries=list(countries.values()), dates=dates, contacts=contacts, meta=meta)


# ---------------------------------------------------------------------------------------------
# The engine


def _item_fields(item: Item) -> tuple[Any, Any, Any]:
    if isinstance(item, str):
        return item, None, None
    if isinstance(item, Mapping):
        if "text" not in item:
            raise InputError("missing field", field="text")
        return item["text"], item.get("published"), item.get("id", item.get("doc_id"))
    if isinstance(item, tuple) and 1 <= len(item) <= 3:
        text, published, doc_id = (tuple(item) + (None, None))[:3]
        return text, published, doc_id
    raise InputError(f"an item is a text, a mapping with 'text' or a (text, published, id) tuple, "
                     f"not {type(item).__name__}")


def _make_doc(nlp: Language, text: Any, published: Any, doc_id: Any, made: Doc | None = None) -> Doc:
    """The ``Doc`` of ``text`` with its date and id; ``made``: ``nlp.tokenizer(text)`` already made, used
    when ``nlp.make_doc`` would give the same (no lone surrogate cleaned away, not over ``nlp.max_length``).
    Otherwise tokenised by :func:`diplograph.model.tokenize.make_doc` (the tokenizer's cache filled line
    by line first)."""
    if not isinstance(text, str):
        raise InputError(f"text must be a string, not {type(text).__name__}", field="text")
    register_extensions()
    cleaned = clean_text(text)
    reuse = made is not None and cleaned is text and len(text) <= nlp.max_length
    doc = made if reuse else tokenize.make_doc(nlp, cleaned)
    remember_text(doc, cleaned)  # (the rules read the text; Doc.text would rebuild it from the tokens)
    doc._.published = parse_published(published)
    doc._.doc_id = _doc_id(doc_id)
    return doc


def _doc_id(value: Any) -> str | None:
    """The id as a string, with UTF-16 surrogate pairs joined ("\\ud800\\udc80" is "\\U00010080"), as a JSON
    reader of the output will join them."""
    if value is None:
        return None
    return str(value).encode("utf-16", "surrogatepass").decode("utf-16", "surrogatepass")


def _failure(exc: BaseException) -> DiplographError:
    if isinstance(exc, DiplographError):
        return exc
    return DiplographError(f"extraction failed: {type(exc).__name__}: {exc}")


def _run_batch(nlp: Language, batch: list[tuple], batch_size: int, max_length: int | None,
               catch: bool, mode: str = "full") -> list[tuple[Any, Extraction | DiplographError]]:
    """Results of one batch of ``(context, text, published, doc_id)`` tasks, in order.

    With ``catch`` a bad item or a component failure becomes an error result for that item alone;
    without it, the exception propagates. ``mode="contacts"``: archive mode (:mod:`diplograph.archive`).
    """
    limit = max_length or min(nlp.max_length, PIECE_CHARS)
    results: list[Any] = [None] * len(batch)
    docs: list[Doc] = []
    owners: list[int] = []  # the task of each doc
    windows: dict[int, Any] = {}  # archive mode: task index -> the windows the model reads
    for i, (_, text, published, doc_id) in enumerate(batch):
        try:
            if not isinstance(text, str):
                raise InputError(f"text must be a string, not {type(text).__name__}", field="text")
            made = None  # archive mode: the tokens of the text the model reads, made by the first pass
            if mode == "contacts":
                windows[i], text, made = archive.prepare(nlp, text)
                if text is None:
                    results[i] = archive.empty(parse_published(published), _doc_id(doc_id))
                    continue
            if len(text) > limit:
                results[i] = _extract_in_pieces(nlp, text, published, doc_id, limit)
                if i in windows:
                    results[i] = archive.finish(results[i], windows[i])
                continue
            docs.append(_make_doc(nlp, text, published, doc_id, made))
            owners.append(i)
        except Exception as e:
            if not catch:
                raise
            results[i] = _failure(e)
    exs: list[Any] = []
    if docs:
        try:
            exs = [extraction_from_doc(d) for d in nlp.pipe(docs, batch_size=batch_size)]
        except Exception:
            if not catch:
                raise
            exs = []
        if len(exs) != len(docs):  # a component failed on some doc: redo one by one, from the text
            exs = []
            for d in docs:
                try:
                    exs.append(extraction_from_doc(nlp(_make_doc(nlp, d.text, d._.published,
                                                                 d._.doc_id))))
                except Exception as e:
                    exs.append(_failure(e))
    for i, ex in zip(owners, exs):
        if i in windows and not isinstance(ex, Exception):
            ex = archive.finish(ex, windows[i])
        results[i] = ex
    return [(task[0], res) for task, res in zip(batch, results)]


def _extract_in_pieces(nlp: Language, text: str, published: Any, doc_id: Any,
                       limit: int) -> Extraction:
    """The extraction of a text longer than ``limit``: its :func:`split_text` pieces go through the
    pipeline one at a time, each ``Doc`` dropped once its results are taken, so memory is bounded by
    the piece size, not the text; the results are merged by :func:`merge_extractions`."""
    parts = [(off, extraction_from_doc(nlp(_make_doc(nlp, piece, published, doc_id))))
             for off, piece in split_text(text, limit)]
    return merge_extractions(parts)


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _pool_units(items: Iterable[Any], size: int, n_workers: int) -> Iterator[list[Any]]:
    """The work units of a pool of ``n_workers``: batches of ``size`` items, except near the end of the
    input. Once fewer than ``n_workers * size`` items remain, a unit is an ``n_workers``-th of what
    remains (rounded up), so the last units shrink and the workers finish together (guided
    scheduling): 100 articles in batches of 32 were 32 + 32 on one worker against 32 + 4 on the
    other, now about 32 + 18 against 32 + 9 + 5 + 2 + 1 + 1. Reads at most ``n_workers * size`` items
    ahead. The units are the batches the model reads; the extractions do not depend on them."""
    it = iter(items)
    ahead = n_workers * size
    buf: deque = deque()
    while True:
        buf.extend(islice(it, ahead - len(buf)))
        if not buf:
            return
        n = size if len(buf) >= ahead else -(-len(buf) // n_workers)
        yield [buf.popleft() for _ in range(min(n, len(buf)))]


# worker-process side of the pool: the pipeline is cached per process by load_pipeline


def _worker_init(model: str | None) -> None:
    _die_with_parent()
    load_pipeline(model)


def _die_with_parent(interval: float = 0.5) -> None:
    """Make this worker process end when its parent does (SIGTERM, SIGKILL, a crash), rather
    than finishing its batch orphaned: a watcher thread polls the parent process id. The parent's
    Python-level signal handlers, inherited by a forked worker, are reset."""
    import os
    import signal
    import threading
    import time

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="diplograph-parent-watch", daemon=True).start()


def _worker_run(model: str | None, batch: list[tuple], batch_size: int,
                max_length: int | None, catch: bool, mode: str = "full") -> list[tuple[Any, Any]]:
    nlp = load_pipeline(model)
    out = []
    for ctx, res in _run_batch(nlp, batch, batch_size, max_length, catch, mode):
        if isinstance(res, Exception):
            err = {"error": getattr(res, "reason", str(res)), "field": getattr(res, "field", None),
                   "input": isinstance(res, InputError)}
            out.append((ctx, err))
        else:
            out.append((ctx, res))  # dataclasses pickle exactly; no to_dict/from_dict round trip
    return out


def _from_worker(res: Any) -> Extraction | DiplographError:
    if isinstance(res, dict):  # errors travel as dicts: InputError's fields do not pickle
        if res["input"]:
            return InputError(res["error"], field=res["field"])
        return DiplographError(res["error"])
    return res


def pipe_items(tasks: Iterable[tuple[Any, Any, Any, Any]], *, model: str | None = None,
               batch_size: int = 32, n_process: int = 1, max_length: int | None = None,
               catch: bool = True, mode: str = "full") -> Iterator[tuple[Any, Extraction | DiplographError]]:
    """Run ``(context, text, published, doc_id)`` tasks through the pipeline, in input order.

    Yields ``(context, result)`` where ``result`` is an :class:`Extraction` or, with ``catch``, the
    error (an :class:`InputError` for bad input) of that task alone. ``context`` is passed through
    untouched (keep it small: it travels to the worker processes and back). ``n_process > 1`` starts
    that many worker processes, each loading the model once; memory stays bounded because only a
    few batches are in flight. Texts longer than ``max_length`` (default :data:`PIECE_CHARS`, at
    most ``nlp.max_length``) are cut with :func:`split_text`, run piece by piece and their results
    merged with :func:`merge_extractions`. ``mode="contacts"`` is archive mode (:mod:`diplograph.archive`).
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    archive.check_mode(mode)
    nlp = load_pipeline(model)  # fails early with a clear message; forked workers inherit it
    if mode == "contacts":
        archive.prefilter_for(nlp)  # built here, before worker processes fork
    if n_process is None or n_process == 1:
        for batch in _batches(tasks, batch_size):
            yield from _run_batch(nlp, batch, batch_size, max_length, catch, mode)
        return
    if n_process < 1:
        n_process = multiprocessing.cpu_count()
    yield from _pool_pipe(tasks, model, batch_size, n_process, max_length, catch, mode)


def _pool_pipe(tasks: Iterable[tuple], model: str | None, batch_size: int, n_process: int,
               max_length: int | None, catch: bool, mode: str = "full") -> Iterator[tuple[Any, Any]]:
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=n_process, initializer=_worker_init, initargs=(model,))
    pending: deque = deque()  # (future, its number of tasks), in input order
    # in flight: under 2 * n_process batches' worth of tasks (plus one unit), counted in tasks, not
    # units, so the small last units (_pool_units) all go out at once and no worker waits for them
    in_flight, limit = 0, 2 * n_process * batch_size
    try:
        for unit in _pool_units(tasks, batch_size, n_process):
            pending.append((pool.submit(_worker_run, model, unit, batch_size, max_length, catch,
                                        mode), len(unit)))
            in_flight += len(unit)
            while in_flight >= limit:
                fut, n = pending.popleft()
                in_flight -= n
                for ctx, res in fut.result():
                    yield ctx, _from_worker(res)
        while pending:
            for ctx, res in pending.popleft()[0].result():
                yield ctx, _from_worker(res)
    except BaseException:  # an error, Ctrl-C, a signal or an abandoned generator: stop the workers now
        _stop_workers(pool)
        raise
    finally:
        for fut, _ in pending:
            fut.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _stop_workers(pool: Any) -> None:
    """Terminate a process pool's workers without waiting for their current batches."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        if proc.is_alive():
            proc.terminate()


# ---------------------------------------------------------------------------------------------
# Public API


def parse(text: str, *, published: Any = None, doc_id: str | None = None, model: str | None = None) -> Doc:
    """The spaCy ``Doc`` of ``text`` through diplograph's pipeline, for displaCy and custom rules.

    Results sit on ``doc._.people``, ``doc._.countries``, ``doc._.dates``, ``doc._.contacts`` and in the
    span groups ``doc.spans["diplograph_people"]`` (and ``_countries``, ``_dates``, ``_triggers``).

    >>> doc = parse("Putin met Erdogan on Monday.", published="2025-03-18")          # doctest: +SKIP
    >>> [s.text for s in doc.spans["diplograph_triggers"]]                             # doctest: +SKIP
    ['met']
    """
    nlp = load_pipeline(model)
    return nlp(_make_doc(nlp, text, parse_published(published), doc_id))


def extract(text: str, *, published: Any = None, doc_id: str | None = None,
            model: str | None = None) -> Extraction:
    """People, countries, dates and contacts of one English news text.

    ``published`` (ISO date string, ``date`` or ``datetime``) is the reference for relative dates
    ("on Monday", "later this week"); without it, years that the text does not give stay unknown.
    Texts longer than :data:`PIECE_CHARS` (50,000 characters) are processed in paragraph-aligned
    pieces, one at a time, and their results merged.

    >>> ex = extract("Putin spoke with Erdogan by phone on Monday.", published="2025-03-18")  # doctest: +SKIP
    >>> [(c.type, c.date.value) for c in ex.contacts]                                       # doctest: +SKIP
    [('phone_call', '2025-03-17')]
    """
    nlp = load_pipeline(model)
    ((_, ex),) = _run_batch(nlp, [(None, text, published, doc_id)], 1, None, catch=False)
    return ex


def extract_many(items: Iterable[Item], *, batch_size: int = 32, n_process: int = 1,
                 model: str | None = None, max_length: int | None = None,
                 mode: str = "full") -> Iterator[Extraction]:
    """Extractions of many texts, in input order, through ``nlp.pipe``.

    Items are texts, mappings with ``text`` and optional ``published`` and ``id``, or
    ``(text, published, id)`` tuples. ``n_process > 1`` uses that many worker processes (``-1``: one
    per core). A bad item raises :class:`InputError` naming the item's position.

    ``mode="contacts"`` (archive mode) runs the model only on the paragraphs that can hold a contact,
    found by a first pass without the model, and returns the contacts with the people, countries
    and dates they use, offsets into the whole text (see :mod:`diplograph.archive`).

    >>> [ex.doc_id for ex in extract_many([("Text one.", None, "a"), {"text": "Two.", "id": "b"}])]  # doctest: +SKIP
    ['a', 'b']
    """

    def tasks() -> Iterator[tuple]:
        for n, item in enumerate(items):
            try:
                text, published, doc_id = _item_fields(item)
                if not isinstance(text, str):
                    raise InputError(f"text must be a string, not {type(text).__name__}", field="text")
                published = parse_published(published)
            except InputError as e:
                raise InputError(e.reason, source="item", line=n, field=e.field) from None
            yield (n, text, published, doc_id)

    for n, res in pipe_items(tasks(), model=model, batch_size=batch_size, n_process=n_process,
                             max_length=max_length, catch=False, mode=mode):
        yield res
