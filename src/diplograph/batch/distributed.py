"""Extraction over a Dask cluster: partitions in, partitioned JSON Lines out.

The inputs are cut into partitions (a slice of ``partition_size`` lines of a JSON Lines file, that many
text files, or that many in-memory items); each partition runs on a worker exactly as a single-process
run would (:func:`diplograph.corpus.extract_records`, the model loaded once per worker process) and
comes back as JSON Lines that the client writes to ``out_dir/part-00000.jsonl``, ``part-00001.jsonl``
… in input order, each file atomically. Concatenated, the parts are byte for byte the JSON Lines of a
single-process run; ``diplograph graph out_dir -o contacts.graphml`` merges them into one graph.

Without a scheduler address a :class:`distributed.LocalCluster` of worker processes (one thread each)
is started and stopped; with one (``"tcp://10.0.0.5:8786"``) or a :class:`distributed.Client`, the
user's cluster is used: its workers need diplograph and an English model installed, read the input
files by the same paths (or get in-memory items) and should run one thread per worker process.

>>> from diplograph.distributed import extract_dask                       # doctest: +SKIP
>>> run = extract_dask(["corpus.jsonl"], "parts/", published="2025-03-18")  # doctest: +SKIP
>>> run["docs"], run["parts"][:1]                                          # doctest: +SKIP
(1200, ['parts/part-00000.jsonl'])
"""
from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from ..api import parse_published
from ..errors import DiplographError, InputError
from .corpus import Fields, error_record, extract_records, json_line, plan_units, read_units

__all__ = ["extract_dask", "plan_partitions", "part_files", "dumps_extraction"]

_PART = re.compile(r"^part-(\d{5,})\.jsonl$")


def dumps_extraction(ex: Any) -> str:
    """One JSON Lines record (no newline) of an :class:`~diplograph.types.Extraction`."""
    return json_line(ex.to_dict())


def part_files(folder: str | Path) -> list[Path]:
    """The ``part-NNNNN.jsonl`` files of ``folder``, in partition order."""
    found = [(int(m.group(1)), p) for p in Path(folder).iterdir() if (m := _PART.match(p.name))]
    return [p for _, p in sorted(found)]


def plan_partitions(paths_or_items: Iterable[Any] | str | os.PathLike,
                    partition_size: int = 1000,
                    on_error: Callable[[InputError], None] | None = None) -> list[list[tuple]]:
    """Partitions (lists of units, see :func:`diplograph.corpus.plan_units`) of the inputs, in order.

    A ``str`` or path-like element is a file or folder; a mapping or a ``(text, published, id)``
    tuple is an in-memory article (wrap a bare text as ``{"text": text}``). Files of folders that
    are not read go to ``on_error``.
    """
    if isinstance(paths_or_items, (str, os.PathLike)):
        paths_or_items = [paths_or_items]
    parts: list[list[tuple]] = []
    texts: list[tuple] = []
    items: list[Any] = []
    n_items = 0

    def flush() -> None:
        nonlocal items
        if texts:
            parts.extend(texts[i:i + partition_size] for i in range(0, len(texts), partition_size))
            texts.clear()
        if items:
            parts.append([("items", items, n_items - len(items))])
            items = []

    for x in paths_or_items:
        if isinstance(x, (str, os.PathLike)):
            if items:
                flush()
            for unit in plan_units([x], lines_per_unit=partition_size, on_error=on_error):
                if unit[0] == "text":
                    texts.append(unit)
                else:
                    flush()
                    parts.append([unit])
        elif isinstance(x, (Mapping, tuple)):
            if texts:
                flush()
            items.append(x)
            n_items += 1
            if len(items) >= partition_size:
                flush()
        else:
            raise InputError(f"an input is a path, a mapping or a (text, published, id) tuple, "
                             f"not {type(x).__name__}", source="item", line=n_items)
    flush()
    return parts


def _run_partition(index: int, units: list[tuple], *, published: str | None, fields: Fields,
                   model: str | None, batch_size: int, max_length: int | None,
                   mode: str = "full") -> dict[str, Any]:
    """Runs on a worker: the JSON Lines, errors and counts of one partition."""
    errors: list[InputError] = []
    lines: list[str] = []
    people = contacts = 0
    recs = read_units(units, published=published, fields=fields, on_error=errors.append)
    for _, ex in extract_records(recs, model=model, batch_size=batch_size, n_process=1,
                                 max_length=max_length, on_error=errors.append, mode=mode):
        lines.append(dumps_extraction(ex))
        people += len(ex.people)
        contacts += len(ex.contacts)
    errs = sorted((error_record(e) for e in errors), key=lambda r: (str(r["source"]), r["line"] or 0))
    return {"index": index, "lines": lines, "errors": errs, "people": people, "contacts": contacts}


def _client(scheduler: Any, n_workers: int | None):
    from distributed import Client, LocalCluster

    if scheduler is None or scheduler == "local":
        cluster = LocalCluster(n_workers=n_workers or os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, dashboard_address=":0")
        return Client(cluster), [cluster]
    if isinstance(scheduler, str):
        return _connect(Client, scheduler), []
    return scheduler, None  # a Client the caller owns


def _connect(client_class: Any, address: str) -> Any:
    """A client of the scheduler at ``address``; failing that, one :class:`DiplographError` line
    naming the address, with a hint (the wait is Dask's ``distributed.comm.timeouts.connect``)."""
    try:
        return client_class(address)
    except (OSError, TimeoutError, ValueError) as e:
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise DiplographError(
            f"cannot reach the Dask scheduler at {address} ({reason}); is 'dask scheduler' "
            f"running there and the port open? Use --dask without an address for a local "
            f"cluster") from None


def extract_dask(paths_or_items: Iterable[Any] | str | os.PathLike, out_dir: str | Path,
                 scheduler: Any = None, *, published: Any = None, fields: Fields = Fields(),
                 model: str | None = None, batch_size: int = 32, partition_size: int = 1000,
                 max_length: int | None = None, on_error: str = "skip",
                 errors_file: str | Path | None = None, n_workers: int | None = None,
                 progress: bool = False, mode: str = "full") -> dict[str, Any]:
    """Extract a corpus on a Dask cluster into ``out_dir/part-NNNNN.jsonl`` files.

    ``scheduler``: None (or ``"local"``) starts a local cluster of ``n_workers`` processes (default:
    one per core); an address string connects to a running scheduler; a ``distributed.Client`` is
    used as is. ``on_error="skip"`` writes bad inputs to ``errors_file`` (default
    ``out_dir/errors.jsonl``, only if there are any); ``"fail"`` raises the first as
    :class:`InputError`. Part files of an earlier, larger run in ``out_dir`` are removed.
    ``mode="contacts"``: archive mode on every worker (:mod:`diplograph.archive`).

    Returns ``{"parts", "docs", "people", "contacts", "errors", "errors_file", "seconds"}``.
    """
    import distributed  # noqa: F401  (without Dask installed, fail at once, even on an empty input)

    if on_error not in ("skip", "fail"):
        raise ValueError("on_error is 'skip' or 'fail'")
    from ..model.archive import check_mode

    check_mode(mode)
    t0 = time.perf_counter()
    published = parse_published(published)
    out = Path(out_dir)
    skipped: list[InputError] = []
    partitions = plan_partitions(paths_or_items, partition_size, on_error=skipped.append)
    summary: dict[str, Any] = {"parts": [], "docs": 0, "people": 0, "contacts": 0, "errors": 0,
                               "errors_file": None}
    errors: dict[int, list[dict]] = {}
    if partitions:
        client, owned = _client(scheduler, n_workers)
        try:
            out.mkdir(parents=True, exist_ok=True)  # once connected: a failed run leaves no folder
            _collect_parts(client, partitions, out, summary, errors, on_error=on_error, progress=progress,
                           published=published, fields=fields, model=model, batch_size=batch_size,
                           max_length=max_length, mode=mode)
        finally:
            if owned is not None:
                client.close()
                for cluster in owned:
                    cluster.close()
    out.mkdir(parents=True, exist_ok=True)
    for p in part_files(out):  # parts left by an earlier run with more partitions
        if int(_PART.match(p.name).group(1)) >= len(partitions):
            p.unlink()
    summary["parts"] = [str(out / f"part-{i:05d}.jsonl") for i in range(len(partitions))]
    _write_errors(summary, [error_record(e) for e in skipped] + [e for i in sorted(errors) for e in errors[i]],
                  errors_file, out)
    summary["seconds"] = round(time.perf_counter() - t0, 2)
    return summary


def _collect_parts(client: Any, partitions: list[list[tuple]], out: Path, summary: dict[str, Any],
                   errors: dict[int, list[dict]], *, on_error: str, progress: bool, **run: Any) -> None:
    """Run every partition on ``client`` and write each part file as it comes back, counting into
    ``summary`` and keeping each partition's errors in ``errors``; ``on_error="fail"`` cancels the rest
    and raises the first error."""
    from distributed import as_completed

    from ..graph.export import atomic_write

    futures = [client.submit(_run_partition, i, units, **run, pure=False) for i, units in enumerate(partitions)]
    bar = _progress(len(futures), progress)
    for fut in as_completed(futures):
        res = fut.result()
        fut.release()
        if res["errors"] and on_error == "fail":
            first = res["errors"][0]
            client.cancel(futures)
            raise InputError(first["error"], source=first["source"], line=first["line"],
                             field=first["field"])
        with atomic_write(out / f"part-{res['index']:05d}.jsonl") as f:
            for line in res["lines"]:
                f.write(line + "\n")
        errors[res["index"]] = res["errors"]
        summary["docs"] += len(res["lines"])
        summary["people"] += res["people"]
        summary["contacts"] += res["contacts"]
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()


def _write_errors(summary: dict[str, Any], all_errors: list[dict], errors_file: str | Path | None,
                  out: Path) -> None:
    """Count the errors into ``summary``; if there are any, write them to ``errors_file`` (default
    ``out/errors.jsonl``) and list them."""
    from ..graph.export import atomic_write

    summary["errors"] = len(all_errors)
    if all_errors:
        path = Path(errors_file) if errors_file else out / "errors.jsonl"
        with atomic_write(path) as f:
            for e in all_errors:
                f.write(json_line(e) + "\n")
        summary["errors_file"] = str(path)
        summary["error_list"] = all_errors


def _progress(total: int, enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit=" partitions", dynamic_ncols=True)
