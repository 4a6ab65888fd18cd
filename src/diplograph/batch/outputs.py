"""The output files of a corpus run: checked before any work, each committed or lost on its own.

* :func:`check_outputs` refuses, before the model is loaded, an output whose folder is missing or
  not writable, one that is a folder, and one that is a file of the run's own inputs (``-o`` naming
  the input corpus would replace it).
* :class:`Outputs` holds the JSON Lines files a run streams into (each an
  :func:`~diplograph.graph.export.atomic_write`) and the graph files written at its end: a failure
  of one (a full disk, a folder removed mid-run) is recorded and the others are still written.
* :func:`terminate_on_signals` turns SIGTERM and SIGHUP into an exception, so a terminated run
  removes its temporary files as an interrupted one does.
"""
from __future__ import annotations

import os
import signal
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO, Any

from ..errors import InputError

__all__ = ["check_outputs", "Outputs", "Terminated", "terminate_on_signals"]


def _input_files(inputs: Iterable[Path]) -> set[Path]:
    """The files a run reads: input files as given, and every file below an input folder."""
    found: set[Path] = set()
    for p in inputs:
        if p.is_dir():
            found.update(f.resolve() for f in p.rglob("*") if f.is_file())
        elif p.exists():
            found.add(p.resolve())
    return found


def _writable(folder: Path) -> str | None:
    """Why no file can be created in ``folder`` (tried with a probe file), or None."""
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=".diplograph-probe-")
    except OSError as e:
        return f"cannot write in folder {str(folder)!r}: {e.strerror or e}"
    os.close(fd)
    os.unlink(name)
    return None


def _folder_problem(path: Path) -> str | None:
    """Why ``path`` cannot be (or be created as) a writable folder, or None."""
    if path.exists() and not path.is_dir():
        return f"{str(path)!r} exists and is not a folder"
    base = path
    while not base.exists():
        base = base.parent
    return _writable(base) if base.is_dir() else f"{str(base)!r} is not a folder"


def _problem(path: Path, folder: bool, inputs: set[Path], created: set[Path]) -> str | None:
    if folder:  # a folder of part files, created if missing
        return _folder_problem(path)
    if path.is_dir():
        return "is a folder, not a file"
    parent = path.parent
    if parent.absolute() in created:  # made by the run (a folder of part files and its parents)
        return _folder_problem(parent)
    if not parent.is_dir():
        return f"no such folder: {str(parent)!r}"
    if path.exists() and path.resolve() in inputs:
        return "is an input of this run (it would be replaced)"
    return _writable(parent)


def check_outputs(outputs: Iterable[tuple[Path, str]], inputs: Iterable[Path] = (),
                  errors_file: Path | None = None) -> None:
    """Raise :class:`InputError` naming the first output that cannot be written.

    ``outputs`` are ``(path, format)`` pairs, format ``"parts"`` for a folder of part files;
    ``inputs`` the run's input files and folders; ``errors_file`` is checked like an output.
    """
    outputs = list(outputs)
    files = _input_files(inputs)
    created = {a for p, f in outputs if f == "parts"
               for a in (p.absolute(), *p.absolute().parents) if not a.exists()}
    targets = [(p, f == "parts", "-o") for p, f in outputs]
    if errors_file is not None:
        targets.append((errors_file, False, "--errors-file"))
    for path, folder, option in targets:
        problem = _problem(path, folder, files, created)
        if problem:
            raise InputError(problem, source=str(path), field=option)


class Outputs:
    """The output files of one run, each written or failed on its own.

    JSON Lines files are opened on entry and receive every :meth:`write`; a file whose write fails
    is dropped (its temporary file removed) and the run goes on. :meth:`attempt` runs the writing of
    one more file (a graph) and records its failure. On a clean exit each JSON Lines file is
    committed separately; on an exception none is. ``written`` and ``failed`` say what happened.
    """

    def __init__(self, jsonl: Iterable[Path]) -> None:
        from ..graph.export import atomic_write

        self._open: dict[Path, tuple[ExitStack, IO[str]]] = {}
        self._atomic_write = atomic_write
        self._paths = list(jsonl)
        self.written: list[Path] = []
        self.failed: list[tuple[Path, str]] = []

    def __enter__(self) -> "Outputs":
        try:
            for p in self._paths:
                stack = ExitStack()
                self._open[p] = (stack, stack.enter_context(self._atomic_write(p)))
        except BaseException:
            self._abort()
            raise
        return self

    def _fail(self, path: Path, e: BaseException) -> None:
        self.failed.append((path, getattr(e, "strerror", None) or str(e)))

    def write(self, text: str) -> None:
        for p, (stack, f) in list(self._open.items()):
            try:
                f.write(text)
            except OSError as e:
                del self._open[p]
                self._fail(p, e)
                try:
                    stack.__exit__(type(e), e, e.__traceback__)
                except OSError:
                    pass

    def attempt(self, path: Path, write: Callable[[], Any]) -> bool:
        """Run ``write`` (which writes ``path``); record a failure instead of raising it."""
        try:
            write()
        except OSError as e:
            self._fail(path, e)
            return False
        self.written.append(path)
        return True

    def _abort(self) -> None:
        for stack, _ in self._open.values():
            try:
                stack.__exit__(KeyboardInterrupt, KeyboardInterrupt(), None)
            except BaseException:
                pass
        self._open.clear()

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> bool:
        if exc_type is not None:
            self._abort()
            return False
        for p, (stack, _) in self._open.items():
            self.attempt(p, stack.close)
        self._open.clear()
        return False


class Terminated(KeyboardInterrupt):
    """The process was asked to stop by a signal (SIGTERM, SIGHUP)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _raise_terminated(signum: int, frame: Any) -> None:
    raise Terminated(signum)


@contextmanager
def terminate_on_signals() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise :class:`Terminated` in the main thread, so
    ``with`` blocks and ``finally`` clauses (temporary files, worker processes) run as on Ctrl-C.
    Outside the main thread this does nothing."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    wanted = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s]
    old = {s: signal.signal(s, _raise_terminated) for s in wanted}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)
