"""The pool's work units: full batches, then shrinking units at the end of the input, and the tasks in
flight counted in tasks so the small last units all go out at once (no timing)."""
from __future__ import annotations

import concurrent.futures

from diplograph import api
from diplograph.api import _pool_units


def test_units_are_batches_then_shrink_at_the_end():
    units = list(_pool_units(range(100), 32, 2))
    assert [x for u in units for x in u] == list(range(100))  # every item once, in order
    sizes = [len(u) for u in units]
    assert sizes[:2] == [32, 32]  # full batches while at least 2 x 32 remain
    assert sizes[2:] == [18, 9, 5, 2, 1, 1]  # then half (n_workers-th) of what remains, rounded up
    assert [len(u) for u in _pool_units(range(400), 32, 2)][:11] == [32] * 11


def test_units_of_a_small_input_and_edge_cases():
    assert [len(u) for u in _pool_units(range(100), 32, 4)][0] == 25  # 100 < 4 x 32: shared from the start
    assert list(_pool_units([], 32, 2)) == []
    assert [len(u) for u in _pool_units(range(10), 1, 2)] == [1] * 10
    assert [len(u) for u in _pool_units(range(64), 32, 1)] == [32, 32]  # one worker: plain batches


def test_units_read_at_most_n_batches_ahead():
    read = []

    def items():
        for i in range(1000):
            read.append(i)
            yield i

    units = _pool_units(items(), 32, 2)
    next(units)
    assert len(read) == 64
    next(units)
    assert len(read) == 96


class _Fut:
    def __init__(self, log, fn, args):
        self.log, self.fn, self.args = log, fn, args

    def result(self):
        self.log.append(("wait", len(self.args[1])))
        return self.fn(*self.args)

    def cancel(self):
        return True


class _Pool:
    """A stand-in for ProcessPoolExecutor that runs a unit when its result is asked for."""
    log: list = []

    def __init__(self, **kw):
        pass

    def submit(self, fn, *args):
        self.log.append(("submit", len(args[1])))
        return _Fut(self.log, fn, args)

    def shutdown(self, **kw):
        pass


def test_small_last_units_all_go_out_before_the_parent_waits(monkeypatch):
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _Pool)
    monkeypatch.setattr(api, "_worker_run", lambda model, unit, *a: [(t[0], None) for t in unit])
    for n, first_wait in ((100, 8), (300, 4)):
        _Pool.log = []
        tasks = [(i, "text", None, None) for i in range(n)]
        out = [ctx for ctx, _ in api._pool_pipe(tasks, None, 32, 2, None, True)]
        assert out == list(range(n))
        kinds = [k for k, _ in _Pool.log]
        # 100 tasks: 32, 32 and the six shrinking units are all submitted before the first wait;
        # 300: four full batches (2 x 2 x 32 tasks) in flight, as before
        assert kinds.index("wait") == first_wait
        in_flight = 0
        for kind, size in _Pool.log:
            in_flight += size if kind == "submit" else -size
            assert in_flight < 2 * 2 * 32 + 32  # at most 2 x n_process batches' tasks, plus one unit
