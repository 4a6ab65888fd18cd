"""Where the wall time of a multi-process run goes: per worker, when each unit started and ended
(wall and CPU), how long its result took to pickle, and the idle time before, between and after.

    python bench/trace_pool.py --only dense synthetic --mode contacts --repeat 3
    python bench/trace_pool.py --only dense --mode full --json /tmp/trace.json

For each corpus of ``bench_modes.py`` it runs ``--repeat`` pairs: a 1-process run timed batch by
batch (``_run_batch`` in this process, wall and CPU), then a run with ``--n-process`` workers. Per
pair: the wall times and their ratio; the start-up (call to the first unit's start), the shutdown
(last result to the call's return) and the parent's CPU time; per worker its units, busy time (unit
wall), CPU time in them, pickling, and idle time before its first unit (lead), between units (gaps)
and after its last (tail); and the best ratio that handing the 1-process batches in order to the
first free worker allows. Timestamps are ``time.monotonic()``, one clock for all processes on Linux.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_modes  # noqa: E402
from compare_extractions import _shared_default  # noqa: E402

LOG = os.environ.get("DIPLOGRAPH_TRACE_LOG", "")
_orig_run = None
_orig_init = None


def _log(rec: dict) -> None:
    with open(LOG, "a", encoding="utf-8") as f:
        f.write(json.dumps(rec) + "\n")


def traced_worker_run(model, batch, *args, **kw):
    """``api._worker_run`` with timestamps, run in the worker (forked: it sees this module)."""
    t0, c0 = time.monotonic(), time.process_time()
    out = _orig_run(model, batch, *args, **kw)
    t1, c1 = time.monotonic(), time.process_time()
    size = len(pickle.dumps(out))
    t2 = time.monotonic()
    _log({"ev": "batch", "pid": os.getpid(), "start": t0, "end": t1, "cpu": c1 - c0,
          "pickle_s": t2 - t1, "bytes": size, "n": len(batch), "first": batch[0][0],
          "chars": sum(len(t[1]) for t in batch if isinstance(t[1], str))})
    return out


def traced_worker_init(model):
    t0 = time.monotonic()
    _orig_init(model)
    _log({"ev": "init", "pid": os.getpid(), "start": t0, "end": time.monotonic()})


def install(log: str) -> None:
    global LOG, _orig_run, _orig_init
    from diplograph import api

    LOG = log
    _orig_run, _orig_init = api._worker_run, api._worker_init
    traced_worker_run.__module__ = traced_worker_init.__module__ = "__main__"
    api._worker_run, api._worker_init = traced_worker_run, traced_worker_init


def one_process_batches(its: list[dict], mode: str, batch_size: int) -> tuple[list[float], float]:
    """Wall seconds of each batch of a 1-process run, timed in this process, and its CPU seconds."""
    from diplograph import api

    orig, times = api._run_batch, []

    def timed(*a, **kw):
        t0 = time.monotonic()
        out = orig(*a, **kw)
        times.append(time.monotonic() - t0)
        return out

    api._run_batch = timed
    c0 = time.process_time()
    try:
        list(api.pipe_items(((i, it["text"], it["published"], it["id"]) for i, it in enumerate(its)),
                            batch_size=batch_size, mode=mode))
    finally:
        api._run_batch = orig
    return times, time.process_time() - c0


def greedy_makespan(costs: list[float], n: int) -> float:
    """Finish time of ``costs`` handed in order to the first free of ``n`` workers."""
    free = [0.0] * n
    for c in costs:
        k = free.index(min(free))
        free[k] += c
    return max(free)


def traced_run(its: list[dict], mode: str, n_process: int, batch_size: int) -> dict:
    """One pool run; the parent's times (call, each result, return) and the workers' log."""
    from diplograph import api

    with open(LOG, "w"):
        pass
    tasks = ((i, it["text"], it["published"], it["id"]) for i, it in enumerate(its))
    got, t_call, c_call = [], time.monotonic(), time.process_time()
    for i, _ in api.pipe_items(tasks, batch_size=batch_size, n_process=n_process, mode=mode):
        got.append(time.monotonic())
    t_end, parent_cpu = time.monotonic(), time.process_time() - c_call
    with open(LOG, encoding="utf-8") as f:
        recs = [json.loads(x) for x in f]
    return {"call": t_call, "end": t_end, "parent_cpu": parent_cpu, "last_result": got[-1], "first_result": got[0],
            "batches": [r for r in recs if r["ev"] == "batch"],
            "inits": [r for r in recs if r["ev"] == "init"]}


def summarise(run: dict) -> dict:
    """Per worker busy, CPU, idle and tail seconds of one traced run."""
    call, end = run["call"], run["end"]
    workers: dict[int, list[dict]] = {}
    for b in sorted(run["batches"], key=lambda b: b["start"]):
        workers.setdefault(b["pid"], []).append(b)
    first = min(b["start"] for b in run["batches"])
    out = {"wall": end - call, "startup": first - call, "shutdown": end - run["last_result"],
           "parent_cpu": run["parent_cpu"], "workers": []}
    for pid, bs in workers.items():
        busy = sum(b["end"] - b["start"] for b in bs)
        span = bs[-1]["end"] - bs[0]["start"]
        out["workers"].append({
            "pid": pid, "batches": [(b["first"], b["n"]) for b in bs], "busy": busy,
            "cpu": sum(b["cpu"] for b in bs), "pickle": sum(b["pickle_s"] for b in bs),
            "bytes": sum(b["bytes"] for b in bs), "gaps": span - busy,
            "lead": bs[0]["start"] - call, "tail": end - bs[-1]["end"]})
    return out


def report(name: str, pairs: list[dict], n_process: int) -> None:
    """Per repeat: the 1-process batch times, their in-order greedy bound, and the pool run beside them.
    A worker whose CPU is well under its busy time, or a 1-process run whose CPU is under its wall
    time, shared its core with other work: that repeat's ratio says more about the load than the code."""
    print(f"\n{name}:")
    for p in pairs:
        ones, s = p["one_process"], summarise(p["run"])
        total, ideal = sum(ones), greedy_makespan(p["one_process"], n_process)
        print(f"  1 process: batches (s) {[round(x, 2) for x in ones]}, wall {total:.2f}, CPU "
              f"{p['one_process_cpu']:.2f}; in-order greedy bound on {n_process} workers {total / ideal:.2f}x")
        print(f"  {n_process} processes: wall {s['wall']:.2f} ({total / s['wall']:.2f}x), start-up "
              f"{s['startup']:.3f}, shutdown {s['shutdown']:.3f}, parent CPU {s['parent_cpu']:.2f}")
        for w in s["workers"]:
            print(f"    pid {w['pid']}: units {w['batches']}, busy {w['busy']:.2f} (CPU "
                  f"{w['cpu']:.2f}), pickle {w['pickle']:.3f} s / {w['bytes'] // 1024} kB, lead "
                  f"{w['lead']:.2f}, gaps {w['gaps']:.2f}, tail {w['tail']:.2f}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", nargs="*", default=["dense", "synthetic"])
    ap.add_argument("--mode", default="contacts", choices=["full", "contacts"])
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--mix", type=int, default=400)
    ap.add_argument("--synthetic", type=int, default=100)
    ap.add_argument("--shared", type=Path, default=_shared_default())
    ap.add_argument("--dev2ab", type=Path, default=Path("/tmp/dev2ab.jsonl"))
    ap.add_argument("--json", type=Path, help="also write the raw traces here")
    args = ap.parse_args(argv)
    import diplograph

    diplograph.load_pipeline()
    install(tempfile.mktemp(prefix="diplograph-trace-", suffix=".jsonl"))
    sets = bench_modes.corpora(args.mix, args.synthetic, args.shared, args.dev2ab)
    print(f"load average {os.getloadavg()[0]:.2f}, mode {args.mode}")
    raw = {}
    for name in args.only:
        its = sets[name]
        one_process_batches(its, args.mode, args.batch_size)  # warm, as bench_modes's warm-up
        pairs = []
        for _ in range(args.repeat):  # 1 process, then the pool, so each pair meets one load
            ones, one_cpu = one_process_batches(its, args.mode, args.batch_size)
            run = traced_run(its, args.mode, args.n_process, args.batch_size)
            pairs.append({"one_process": ones, "one_process_cpu": one_cpu, "run": run})
        report(name, pairs, args.n_process)
        raw[name] = pairs
    print(f"load average {os.getloadavg()[0]:.2f}")
    if args.json:
        args.json.write_text(json.dumps(raw))


if __name__ == "__main__":
    main()
