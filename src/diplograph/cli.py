"""The ``diplograph`` command: ``extract``, ``graph`` and ``evaluate`` (see ``docs/cli.md``).

Results go to stdout (a short human summary), progress bars and skipped-input messages to stderr.
Exit status: 0 on success (skipped bad inputs included), 1 when a run stops on an error, 2 for a
usage error, 130 when interrupted. Every output file is written atomically.
"""
from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, List, Optional

import typer
from typer.core import TyperCommand

from .errors import DiplographError, InputError

__all__ = ["app", "main", "EXTENSION_FORMATS", "GRAPH_FORMATS"]

GRAPH_FORMATS = ("graphml", "gexf", "json", "csv")
EXTENSION_FORMATS = {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".csv": "csv",
                     ".jsonl": "jsonl", ".ndjson": "jsonl"}


class Format(str, Enum):
    graphml = "graphml"
    gexf = "gexf"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class OnError(str, Enum):
    skip = "skip"
    fail = "fail"


_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]*://\S+|[\w.-]+:\d{2,5}|local)$", re.I)


class _ExtractCommand(TyperCommand):
    """``--dask`` takes an optional value: a scheduler address, or nothing for a local cluster."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(args):
            out.append(args[i])
            if args[i] == "--dask":
                if i + 1 < len(args) and _ADDRESS.match(args[i + 1]):
                    out.append(args[i + 1])
                    i += 1
                else:
                    out.append("local")
            elif args[i] == "--":
                out.extend(args[i + 1:])
                break
            i += 1
        return super().parse_args(ctx, out)


app = typer.Typer(
    name="diplograph",
    help="Who met or spoke with whom, and when: contact graphs from English news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"diplograph {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Show the version and exit.")] = False) -> None:
    """Who met or spoke with whom, and when: contact graphs from English news."""


def _err(msg: str) -> None:
    typer.echo(msg, err=True)


def _fail(msg: str, code: int = 1) -> typer.Exit:
    _err(f"error: {msg}")
    return typer.Exit(code)


def _resolve_outputs(outputs: list[Path], formats: list[Format],
                     allow_dirs: bool = False) -> list[tuple[Path, str]]:
    """Pair each ``-o`` with its format: ``--format`` given once per output (or once for one
    output), else the output's extension; with ``allow_dirs`` a folder (existing, or a name
    without extension) is a ``"parts"`` output."""
    if formats and len(formats) != len(outputs):
        raise typer.BadParameter(f"{len(formats)} --format for {len(outputs)} -o: give one --format "
                                 f"per output, in the same order, or none", param_hint="--format")
    resolved = []
    for i, out in enumerate(outputs):
        fmt = formats[i].value if formats else EXTENSION_FORMATS.get(out.suffix.lower())
        if allow_dirs and not formats and (out.is_dir() or out.suffix == ""):
            fmt = "parts"
        if fmt is None:
            raise typer.BadParameter(
                f"cannot tell the format of {str(out)!r} from its extension; use one of "
                f"{', '.join(EXTENSION_FORMATS)} or --format", param_hint="-o")
        resolved.append((out, fmt))
    return resolved


def _progress(quiet: bool, unit: str = " articles"):
    from tqdm import tqdm

    disable = quiet or not sys.stderr.isatty()
    return tqdm(unit=unit, disable=disable, dynamic_ncols=True, mininterval=0.5, file=sys.stderr)


class _Tally:
    """What a run found, for the summary: counts, and the first extraction in case it is the only one."""

    def __init__(self) -> None:
        self.docs = self.people = self.contacts = self.yearless = 0
        self.first: Any = None

    def add(self, ex: Any) -> None:
        self.docs += 1
        self.people += len(ex.people)
        self.contacts += len(ex.contacts)
        self.yearless += _yearless(ex)
        self.first = ex if self.docs == 1 else None


def _yearless(ex: Any) -> bool:
    """An article without a publication date whose dates lack a year ("XXXX-03-16")."""
    return not ex.published and any((t.value or "").startswith("XXXX") for t in ex.dates)


def _yearless_hint(n: int, corpus: bool) -> str:
    where = "or a 'published' field in each JSON Lines record " if corpus else ""
    return (f"note: {_plural(n, 'article')} without a publication date: dates there have no year "
            f"(XXXX-03-16) and relative ones (\"on Monday\") stay unresolved. Give --published "
            f"YYYY-MM-DD {where}to resolve them.")


def _contact_line(c: Any) -> str:
    names = " – ".join(p.name for p in c.participants) or "(no named party)"
    date = c.date.value if c.date else "no date"
    extra = f" (per {c.attribution})" if c.attribution else ""
    return f"  {date:<11} {c.status:<9} {c.type:<11} {names}{extra}"


def _summary_single(ex: Any, source: str) -> str:
    people = [p for p in ex.people if not getattr(p, "is_author", False)]
    authors = len(ex.people) - len(people)
    lines = [f"{source}" + (f" (published {ex.published})" if ex.published else "")
             + f": {_plural(len(people), 'person')}" + (f" (and {_plural(authors, 'author')})"
                                                        if authors else "")
             + f", {_plural(len(ex.contacts), 'contact')}"]
    if people:
        lines.append("People:")
        for p in people:
            detail = ", ".join(x for x in (p.country, p.role) if x)
            lines.append(f"  {p.name}" + (f" ({detail})" if detail else ""))
    if ex.contacts:
        lines.append("Contacts:")
        lines.extend(_contact_line(c) for c in ex.contacts)
    if _yearless(ex):
        lines.append(_yearless_hint(1, corpus=False))
    return "\n".join(lines)


def _summary_corpus(t: _Tally, errors: int, errors_file: Any, seconds: float) -> str:
    rate = t.docs / seconds if seconds > 0 else 0.0
    s = (f"{_plural(t.docs, 'article')}: {_plural(t.people, 'person')}, {_plural(t.contacts, 'contact')} "
         f"({seconds:.1f} s, {rate:.1f} articles/s)")
    if errors:
        s += f"\n{_plural(errors, 'bad input')} skipped" + (f", listed in {errors_file}" if errors_file else "")
    if t.yearless:
        s += "\n" + _yearless_hint(t.yearless, corpus=True)
    return s


def _check_outputs(outputs: list[tuple[Path, str]], inputs: list[Path],
                   errors_file: Path | None = None) -> None:
    """A usage error (exit 2), before any work, for an output that cannot be written or would
    replace an input."""
    from .batch.outputs import check_outputs

    try:
        check_outputs(outputs, inputs, errors_file)
    except InputError as e:
        raise typer.BadParameter(f"{e.source}: {e.reason}", param_hint=e.field) from None


def _os_error(e: OSError) -> str:
    return f"{e.filename}: {e.strerror}" if e.filename and e.strerror else str(e)


def _stopped_by_signals():
    from .batch.outputs import terminate_on_signals

    return terminate_on_signals()


def _stopped(e: KeyboardInterrupt) -> typer.Exit:
    """Ctrl-C (exit 130) or SIGTERM/SIGHUP (128 + the signal's number): temporary files are gone."""
    signum = getattr(e, "signum", None)
    _err(f"{'terminated by ' + str(e) if signum else 'interrupted'}: no output written")
    return typer.Exit(128 + signum if signum else 130)


def _report_failed_outputs(outs: Any) -> None:
    """Name each output that could not be written (the others were) and exit with status 1."""
    if outs.failed:
        for p, why in outs.failed:
            _err(f"error: could not write {p}: {why}")
        raise typer.Exit(1)


def _default_errors_file(outputs: list[tuple[Path, str]]) -> Path:
    """``out.errors.jsonl`` beside the first output file (``errors.jsonl`` in an output folder),
    else ``diplograph-errors.jsonl`` in the working directory."""
    if outputs:
        out = outputs[0][0]
        return out / "errors.jsonl" if out.suffix == "" else out.with_name(f"{out.stem}.errors.jsonl")
    return Path("diplograph-errors.jsonl")


@app.command(cls=_ExtractCommand)
def extract(
    paths: Annotated[List[Path], typer.Argument(
        help="Text files (one article each), JSON Lines files (one article per line) or folders "
             "(their *.txt and *.jsonl files, recursively).", show_default=False)],
    published: Annotated[Optional[str], typer.Option(
        help="Publication date (YYYY-MM-DD) of plain-text articles; the default for JSON Lines "
             "records without one.")] = None,
    output: Annotated[Optional[List[Path]], typer.Option(
        "-o", "--output", help="Output file; repeat for several. .jsonl: one extraction per "
                               "article; .graphml/.gexf/.json/.csv: the contact graph. With --dask, "
                               "a folder receives the part files.", show_default=False)] = None,
    fmt: Annotated[Optional[List[Format]], typer.Option(
        "--format", help="Format of each -o (default: from its extension).",
        show_default=False)] = None,
    text_field: Annotated[str, typer.Option(help="JSON Lines field holding the text.")] = "text",
    id_field: Annotated[str, typer.Option(help="JSON Lines field holding the document id.")] = "id",
    published_field: Annotated[str, typer.Option(
        help="JSON Lines field holding the publication date.")] = "published",
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch.")] = 32,
    n_process: Annotated[int, typer.Option(
        help="Worker processes (-1: one per core). With --dask and no address: local workers.")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")] = False,
    on_error: Annotated[OnError, typer.Option(
        help="skip: report bad inputs and go on; fail: stop at the first.")] = OnError.skip,
    errors_file: Annotated[Optional[Path], typer.Option(
        help="Where skipped inputs are listed (JSON Lines: source, line, field, error); default "
             "<first output>.errors.jsonl or ./diplograph-errors.jsonl.", show_default=False)] = None,
    dask: Annotated[Optional[str], typer.Option(
        "--dask", metavar="[SCHEDULER_ADDRESS]",
        help="Run on Dask: on a local cluster, or on the scheduler at the address given.",
        show_default=False)] = None,
    partition_size: Annotated[int, typer.Option(
        min=1, help="With --dask: articles (or text files) per partition.")] = 1000,
    model: Annotated[Optional[str], typer.Option(
        help="spaCy model name or path (default: en_core_web_sm or its PyPI twin).",
        show_default=False)] = None,
    contacts_only: Annotated[bool, typer.Option(
        "--contacts-only", help="Archive mode: run the model only on the paragraphs that can hold "
                                "a contact; output the contacts and the people and dates they use.")] = False,
) -> None:
    """Extract people, dates and contacts from articles; write JSON Lines and/or a graph.

    Example: diplograph extract article.txt --published 2025-03-18 -o contacts.graphml
    """
    from .api import parse_published
    from .batch.corpus import Fields

    try:
        published = parse_published(published)
    except InputError as e:
        raise typer.BadParameter(e.reason, param_hint="--published") from None
    outputs = _resolve_outputs(list(output or []), list(fmt or []), allow_dirs=dask is not None)
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise typer.BadParameter(f"{missing[0]}: no such file or folder", param_hint="PATHS")

    _check_outputs(outputs, paths, errors_file)

    fields = Fields(text=text_field, id=id_field, published=published_field)
    mode = "contacts" if contacts_only else "full"
    try:
        with _stopped_by_signals():
            if dask is not None:
                _extract_dask(paths, outputs, published=published, fields=fields, model=model,
                              batch_size=batch_size, n_process=n_process, quiet=quiet,
                              on_error=on_error.value, errors_file=errors_file,
                              scheduler=None if dask == "local" else dask,
                              partition_size=partition_size, mode=mode)
            else:
                _extract_local(paths, outputs, published=published, fields=fields, model=model,
                               batch_size=batch_size, n_process=n_process, quiet=quiet,
                               on_error=on_error.value, errors_file=errors_file, mode=mode)
    except InputError as e:
        raise _fail(str(e)) from None
    except DiplographError as e:
        raise _fail(str(e)) from None
    except OSError as e:
        raise _fail(_os_error(e)) from None
    except KeyboardInterrupt as e:
        raise _stopped(e) from None


def _extract_local(paths: list[Path], outputs: list[tuple[Path, str]], *, published: str | None,
                   fields: Any, model: str | None, batch_size: int, n_process: int, quiet: bool,
                   on_error: str, errors_file: Path | None, mode: str = "full") -> None:
    from .batch.corpus import ErrorLog, extract_corpus
    from .batch.distributed import dumps_extraction
    from .batch.outputs import Outputs
    from .graph.export import write_graph

    t0 = time.perf_counter()
    tally = _Tally()
    first_source = ""
    graph_outs = [(p, f) for p, f in outputs if f in GRAPH_FORMATS]
    err_path = errors_file or _default_errors_file(outputs)
    with ExitStack() as stack:
        log = stack.enter_context(ErrorLog(err_path, fail=on_error == "fail"))
        outs = stack.enter_context(Outputs([p for p, f in outputs if f == "jsonl"]))
        bar = stack.enter_context(_progress(quiet))

        def stream() -> Iterator[Any]:
            nonlocal first_source
            for rec, ex in extract_corpus(paths, published=published, fields=fields, model=model,
                                          batch_size=batch_size, n_process=n_process,
                                          on_error=log, mode=mode):
                outs.write(dumps_extraction(ex) + "\n")
                tally.add(ex)
                if tally.docs == 1:
                    first_source = rec.source + (f":{rec.line}" if rec.line else "")
                bar.update(1)
                yield ex

        if graph_outs:
            from .graph.build import build_graph

            G = build_graph(stream())
            for p, f in graph_outs:
                outs.attempt(p, lambda p=p, f=f: write_graph(G, p, format=f))
        else:
            for _ in stream():
                pass
    seconds = time.perf_counter() - t0
    if not quiet:
        _print_summary(tally, first_source, log.count, err_path if log.count else None, seconds,
                       [(p, f) for p, f in outputs if p in outs.written])
    _report_failed_outputs(outs)


def _print_summary(tally: _Tally, source: str, errors: int, errors_file: Any, seconds: float,
                   outputs: list[tuple[Path, str]]) -> None:
    if tally.docs == 1 and not errors and tally.first is not None:
        typer.echo(_summary_single(tally.first, source))
    else:
        typer.echo(_summary_corpus(tally, errors, errors_file, seconds))
    for p, f in outputs:
        typer.echo(f"wrote {p} ({f})")


def _extract_dask(paths: list[Path], outputs: list[tuple[Path, str]], *, published: str | None,
                  fields: Any, model: str | None, batch_size: int, n_process: int, quiet: bool,
                  on_error: str, errors_file: Path | None, scheduler: str | None,
                  partition_size: int, mode: str = "full") -> None:
    from .batch.distributed import extract_dask
    from .batch.outputs import Outputs
    from .graph.export import write_graph

    dirs = [p for p, f in outputs if f == "parts"]
    files = [(p, f) for p, f in outputs if f != "parts"]
    with ExitStack() as stack:
        if dirs:
            out_dir = dirs[0]
        else:
            out_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="diplograph-")))
        err_path = errors_file or _default_errors_file([(d, "") for d in dirs[:1]] or files)
        run = extract_dask([str(p) for p in paths], out_dir, scheduler, published=published,
                           fields=fields, model=model, batch_size=batch_size,
                           partition_size=partition_size, on_error=on_error, errors_file=err_path,
                           n_workers=n_process if n_process > 1 else None,
                           progress=not quiet and sys.stderr.isatty(), mode=mode)
        for e in run.get("error_list", [])[:10]:
            _err(f"skipped: {InputError(e['error'], source=e['source'], line=e['line'], field=e['field'])}")
        outs = Outputs([])
        for extra in dirs[1:]:  # more folders: copies of the parts
            outs.attempt(extra, lambda extra=extra: _copy_parts(run["parts"], extra))
        for p, f in files:
            if f == "jsonl":
                outs.attempt(p, lambda p=p: _concat_parts(run["parts"], p))
        graph_outs = [(p, f) for p, f in files if f in GRAPH_FORMATS]
        if graph_outs:
            from .graph.build import build_graph

            G = build_graph(_read_extractions([Path(x) for x in run["parts"]]))
            for p, f in graph_outs:
                outs.attempt(p, lambda p=p, f=f: write_graph(G, p, format=f))
    if not quiet:
        tally = _Tally()
        tally.docs, tally.people, tally.contacts = run["docs"], run["people"], run["contacts"]
        typer.echo(_summary_corpus(tally, run["errors"], run["errors_file"], run["seconds"]))
        typer.echo(_plural(len(run['parts']), "partition") + (f" in {dirs[0]}" if dirs else ""))
        for p, f in files:
            if p in outs.written:
                typer.echo(f"wrote {p} ({f})")
    _report_failed_outputs(outs)


def _copy_parts(parts: list[str], folder: Path) -> None:
    from .graph.export import atomic_write

    folder.mkdir(parents=True, exist_ok=True)
    for part in parts:
        with atomic_write(folder / Path(part).name) as f:
            f.write(Path(part).read_text(encoding="utf-8"))


def _concat_parts(parts: list[str], path: Path) -> None:
    from .graph.export import atomic_write

    with atomic_write(path) as sink:
        for part in parts:
            with open(part, encoding="utf-8") as src:
                for line in src:
                    sink.write(line)


def _part_inputs(parts: list[Path]) -> list[Path]:
    from .batch.distributed import part_files

    files: list[Path] = []
    for p in parts:
        if p.is_dir():
            found = part_files(p) or sorted(x for x in p.rglob("*.jsonl") if x.is_file())
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            raise InputError("no such file or folder", source=str(p))
    return files


def _read_extractions(files: list[Path]) -> Iterator[dict]:
    """Extraction dicts of JSON Lines files; a bad line raises :class:`InputError` naming it."""
    for path in files:
        with open(path, "rb") as f:
            for n, raw in enumerate(f, 1):
                if not raw.strip():
                    continue
                try:
                    d = json.loads(raw.decode("utf-8"))
                except UnicodeDecodeError:
                    raise InputError("not UTF-8 text", source=str(path), line=n) from None
                except json.JSONDecodeError as e:
                    raise InputError(f"malformed JSON: {e.msg} (column {e.colno})",
                                     source=str(path), line=n) from None
                why = _not_extraction(d)
                if why:
                    raise InputError(f"not an extraction record ({why})", source=str(path), line=n)
                yield d


_EXTRACTION_LISTS = ("people", "countries", "dates", "contacts")


def _not_extraction(d: Any) -> str | None:
    """Why a JSON value is not an ``Extraction.to_dict()`` record (an article, a gold record, an
    unrelated object), or None."""
    if not isinstance(d, dict):
        return f"a JSON {type(d).__name__}, not an object"
    missing = [k for k in ("doc_id", "contacts") if k not in d]
    if missing:
        return f"no {' and no '.join(repr(k) for k in missing)}" + (
            "; it looks like an article: run 'diplograph extract' on it" if "text" in d else "")
    wrong = [k for k in _EXTRACTION_LISTS if not isinstance(d.get(k, []), list)]
    if wrong:
        return f"{wrong[0]!r} is not a list"
    if not all(isinstance(c, dict) and isinstance(c.get("participants"), list)
               for c in d["contacts"]):
        return "a contact without a 'participants' list"
    return None


@app.command()
def graph(
    parts: Annotated[List[Path], typer.Argument(
        help="JSON Lines extraction files (from extract -o x.jsonl) or folders of part files.",
        show_default=False)],
    output: Annotated[List[Path], typer.Option(
        "-o", "--output", help="Graph file(s): .graphml, .gexf, .json or .csv.",
        show_default=False)],
    fmt: Annotated[Optional[List[Format]], typer.Option(
        "--format", help="Format of each -o (default: from its extension).",
        show_default=False)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Merge JSON Lines extractions (e.g. Dask part files) into one contact graph."""
    from .batch.outputs import Outputs
    from .graph.build import build_graph
    from .graph.export import write_graph

    outputs = _resolve_outputs(list(output), list(fmt or []))
    bad = [str(p) for p, f in outputs if f not in GRAPH_FORMATS]
    if bad:
        raise typer.BadParameter(f"{bad[0]} is not a graph format (graphml, gexf, json, csv)",
                                 param_hint="-o")
    _check_outputs(outputs, [p for p in parts if p.exists()])
    outs = Outputs([])
    try:
        files = _part_inputs(parts)
        docs = 0

        def counted() -> Iterator[dict]:
            nonlocal docs
            for d in _read_extractions(files):
                docs += 1
                yield d

        G = build_graph(counted())
        for p, f in outputs:
            outs.attempt(p, lambda p=p, f=f: write_graph(G, p, format=f))
    except InputError as e:
        raise _fail(str(e)) from None
    except OSError as e:
        raise _fail(_os_error(e)) from None
    if not quiet:
        typer.echo(f"{_plural(docs, 'extraction')} from {_plural(len(files), 'file')}: "
                   f"{_plural(G.number_of_nodes(), 'node')}, {_plural(G.number_of_edges(), 'contact')}")
        for p, f in outputs:
            if p in outs.written:
                typer.echo(f"wrote {p} ({f})")
    _report_failed_outputs(outs)


@app.command()
def evaluate(
    gold: Annotated[List[Path], typer.Argument(
        help="Annotated JSON Lines files (format: docs/cli.md).", exists=True, dir_okay=False,
        show_default=False)],
    show: Annotated[bool, typer.Option("--show", help="List each wrong, missed and spurious pair.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as one JSON object.")] = False,
    model: Annotated[Optional[str], typer.Option(help="spaCy model name or path.",
                                                 show_default=False)] = None,
) -> None:
    """Score contact extraction on annotated files: pair P/R/F1, strict F1, status and date accuracy."""
    from .batch.evaluate import evaluate as run_evaluate
    from .batch.evaluate import format_scores

    try:
        scores = run_evaluate(gold, show=show, model=model)
    except InputError as e:
        raise _fail(str(e)) from None
    typer.echo(json.dumps(scores) if as_json else format_scores(scores))


def _load_view_graph(inputs: list[Path]) -> Any:
    """A graph file written by us (.graphml/.gexf/.json), or the graph of JSON Lines extractions."""
    from .graph.build import build_graph
    from .graph.export import FORMATS, read_graph

    graphs = [p for p in inputs if p.suffix.lower() in FORMATS and p.suffix.lower() != ".csv"]
    if graphs:
        if len(inputs) > 1:
            raise InputError("give one graph file, or JSON Lines extraction files", source=str(graphs[0]))
        try:
            return read_graph(graphs[0])
        except FileNotFoundError:
            raise InputError("no such file", source=str(graphs[0])) from None
        except Exception as e:  # a parser's own error: name the file
            raise InputError(f"not a graph file diplograph can read ({type(e).__name__}: {e})",
                             source=str(graphs[0])) from None
    return build_graph(_read_extractions(_part_inputs(inputs)))


@app.command()
def view(
    inputs: Annotated[List[Path], typer.Argument(
        metavar="GRAPH", help="A graph written by diplograph (.graphml, .gexf, .json), or JSON Lines "
                              "extraction files or folders (from extract -o x.jsonl).", show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file to write.")] = Path("contacts.html"),
    title: Annotated[Optional[str], typer.Option(help="Page title (default: the input's name).",
                                                 show_default=False)] = None,
    isolates: Annotated[bool, typer.Option("--isolates", help="Also show people without contacts.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Write the contact graph as one interactive HTML page (works offline; open it in a browser).

    Example: diplograph view contacts.graphml -o contacts.html
    """
    from .graph.view import to_html

    try:
        G = _load_view_graph(inputs)
        to_html(G, output, title=title or inputs[0].stem, include_isolates=isolates)
    except InputError as e:
        raise _fail(str(e)) from None
    if not quiet:
        contacts = len({d.get("contact_id", (u, v, k)) for u, v, k, d in G.edges(keys=True, data=True)}) \
            if G.is_multigraph() else G.number_of_edges()
        typer.echo(f"{G.number_of_nodes()} nodes, {_plural(contacts, 'contact')}: wrote {output} "
                   f"({output.stat().st_size // 1024} KB)")


gazetteer_app = typer.Typer(name="gazetteer", no_args_is_help=True,
                            help="The leaders gazetteer: refresh it from Wikidata, look a person up.")
app.add_typer(gazetteer_app)


@gazetteer_app.command("update")
def gazetteer_update(
    from_file: Annotated[Optional[Path], typer.Option(
        "--from", help="A saved SPARQL JSON result of the query (offline), instead of asking Wikidata.",
        show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Take a result with fewer than half the people "
                                                        "of the current user gazetteer.")] = False,
    show_query: Annotated[bool, typer.Option("--show-query", help="Print the SPARQL query and exit.")] = False,
) -> None:
    """Refresh office holders (heads of state and government, foreign ministers, spokespeople) from
    Wikidata into the user gazetteer, which extraction merges over the packaged one.

    Example: diplograph gazetteer update --from result.json
    """
    from .resources.wikidata import QUERY, update_user_gazetteer

    if show_query:
        typer.echo(QUERY)
        return
    try:
        s = update_user_gazetteer(from_file, force=force)
    except InputError as e:
        raise _fail(f"{e} (the user gazetteer is unchanged)") from None
    typer.echo(f"{_plural(s['people'], 'person')}, "
               f"{_plural(s['terms'], 'term')} from {s['source']}: wrote {s['path']}"
               + (f" (replacing {s['replaced']})" if s["replaced"] else ""))


@gazetteer_app.command("show")
def gazetteer_show(
    name: Annotated[str, typer.Argument(help="A name, an alias, a surname alone, or an id (wikidata:Q…).",
                                        show_default=False)],
) -> None:
    """Print what the library knows of a person: ids, country, aliases, terms in office."""
    from .resources.gazetteer import load_gazetteer
    from .resources.wikidata import user_gazetteer_path

    gaz = load_gazetteer()
    found = [gaz.by_id[name]] if name in gaz.by_id else gaz.by_name(name) or \
        gaz.by_short_name(name, in_office=False)
    if not found:
        raise _fail(f"no one called {name!r} in the gazetteer")
    user = user_gazetteer_path()
    typer.echo(f"gazetteer: packaged" + (f" + {user}" if user.is_file() else " (no user gazetteer)"))
    for p in found:
        typer.echo(f"\n{p.name}  [{p.id}" + (f", wikidata:{p.wikidata}" if p.wikidata and p.wikidata not in p.id else "")
                   + f"]  {p.country or ''}")
        if p.aliases:
            typer.echo(f"  aliases: {', '.join(p.aliases)}")
        typer.echo(f"  alone: {', '.join(sorted(p.short_keys()))}")
        for t in sorted(p.terms, key=lambda t: str(t.start or "")):
            where = f" of {t.country}" if t.country else ""
            hog = f", heads the government from {t.also_head_of_government_from}" \
                if t.also_head_of_government_from else ""
            typer.echo(f"  {t.start or '?'} – {t.end or 'open'}  {t.title or t.role}{where} ({t.role}{hog})")


_PLURALS = {"person": "people"}


def _plural(n: int, word: str) -> str:
    """``1 contact``, ``2 contacts``, ``1 person``, ``2 people``."""
    return f"{n} {word if n == 1 else _PLURALS.get(word, word + 's')}"


def main() -> None:
    """Entry point of the ``diplograph`` console script."""
    for stream in (sys.stdout, sys.stderr):  # names from undecodable file names print escaped
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    app(prog_name="diplograph")


if __name__ == "__main__":
    main()
