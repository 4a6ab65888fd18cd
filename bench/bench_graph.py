"""How long building the contact graph takes for many synthetic contacts.

Synthetic articles report real-looking events: leaders with Zipf-skewed popularity (so a few
pairs have hundreds of contacts, as Putin-Erdoğan would), each event reported one to four times
with a vaguer type ("talks") or date (week, month, none) in some reports, a few denials, and one
in ten people named without gazetteer id (``person:<slug>``), to be merged by name.

    python bench/bench_graph.py                 # 100,000 contacts, plus the scaling series
    python bench/bench_graph.py --contacts 20000 --no-scaling --export

Prints seconds for building (and, with --export, writing and reading GraphML and JSON).
"""
from __future__ import annotations

import argparse
import itertools
import datetime as dt
import os
import random
import sys
import tempfile
import time

from diplograph.graph import build_graph, update_graph
from diplograph.types import Contact, Extraction, Mention, Participant, Person, TimeValue
from diplograph.resources.text import slug

TYPES = ("phone_call", "video_call", "meeting", "visit", "talks")
START = dt.date(2023, 1, 1)


def _people(n: int, rng: random.Random) -> list[tuple[Person, Person]]:
    """(known, unresolved) spellings of n people."""
    out = []
    for i in range(n):
        name = f"Leader{i} Surname{i}"
        country = f"C{i % 190:02d}"
        known = Person(f"wikidata:Q{100000 + i}", name, [f"Surname{i}"], country=country)
        unresolved = Person(f"person:{slug(name)}", name, country=country)
        out.append((known, unresolved))
    return out


def _date(day: dt.date, rng: random.Random) -> TimeValue | None:
    r = rng.random()
    if r < 0.55:
        v = day.isoformat()
        return TimeValue(v, 0, 10, v, "day", v, v)
    if r < 0.7:
        y, w, _ = day.isocalendar()
        monday = day - dt.timedelta(days=day.weekday())
        return TimeValue("this week", 0, 9, f"{y}-W{w:02d}", "week", monday.isoformat(),
                         (monday + dt.timedelta(days=6)).isoformat())
    if r < 0.8:
        first = day.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return TimeValue("this month", 0, 10, first.isoformat()[:7], "month", first.isoformat(),
                         last.isoformat())
    return None


def synthetic(n_contacts: int, *, n_people: int = 3000, per_doc: int = 5,
              seed: int = 6) -> list[Extraction]:
    rng = random.Random(seed)
    people = _people(n_people, rng)
    cum = list(itertools.accumulate(1 / (i + 1) ** 0.8 for i in range(n_people)))
    reports: list[Contact] = []
    while len(reports) < n_contacts:
        a, b = rng.choices(range(n_people), cum_weights=cum, k=2)
        if a == b:
            continue
        extra = rng.choice(range(n_people)) if rng.random() < 0.03 else None
        ty = rng.choice(TYPES)
        day = START + dt.timedelta(days=rng.randrange(730))
        status = rng.choices(("occurred", "planned", "possible", "denied"), (80, 10, 5, 5))[0]
        for _ in range(min(rng.choice((1, 1, 2, 2, 3, 4)), n_contacts - len(reports))):
            parties = [a, b] + ([extra] if extra not in (None, a, b) else [])
            spelled = [people[i][1] if rng.random() < 0.1 else people[i][0] for i in parties]
            text = "They spoke about trade and security on that day."
            reports.append(Contact(
                f"c{len(reports)}", rng.choice((ty, "talks")) if rng.random() < 0.3 else ty,
                [Participant.of(p) for p in spelled], status, _date(day, rng),
                attribution=rng.choice((None, None, "Reuters", "TASS")),
                evidence=[Mention(0, len(text), text)], triggers=[Mention(5, 10, "spoke")]))
    rng.shuffle(reports)  # the reports of one event land in different articles
    spelling = {p.id: p for pair in people for p in pair}
    docs = []
    for i in range(0, len(reports), per_doc):
        chunk = reports[i:i + per_doc]
        ids = dict.fromkeys(p.id for c in chunk for p in c.participants)
        docs.append(Extraction(f"doc{len(docs)}", "2025-01-01",
                               people=[spelling[x] for x in ids], contacts=chunk))
    return docs


def _timed(f, *args):
    t = time.perf_counter()
    out = f(*args)
    return out, time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument("--no-scaling", action="store_true", help="skip the 25k/50k series")
    ap.add_argument("--export", action="store_true", help="also time GraphML/JSON write and read")
    args = ap.parse_args(argv)

    sizes = [args.contacts] if args.no_scaling else sorted({args.contacts // 4,
                                                            args.contacts // 2, args.contacts})
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    G = None
    for n in sizes:
        docs, t_gen = _timed(synthetic, n)
        G, t_build = _timed(build_graph, docs)
        n_contacts = len({d["contact_id"] for *_, d in G.edges(data=True)})
        print(f"{n:>8,} reported contacts in {len(docs):,} articles: build_graph {t_build:6.2f} s "
              f"({n / t_build:,.0f} contacts/s) -> {G.number_of_nodes():,} nodes, "
              f"{G.number_of_edges():,} edges, {n_contacts:,} merged contacts "
              f"(synthesis {t_gen:.1f} s)")
    more = synthetic(5000, seed=7)
    for ex in more:
        ex.doc_id = f"more-{ex.doc_id}"
    _, t_up = _timed(update_graph, G, more)
    print(f"update_graph with 5,000 more contacts: {t_up:.2f} s")
    if args.export:
        from diplograph.graph.export import read_graph, write_graph

        with tempfile.TemporaryDirectory() as d:
            for ext in ("graphml", "json", "gexf", "csv"):
                p = os.path.join(d, f"g.{ext}")
                _, t_w = _timed(write_graph, G, p)
                size = os.path.getsize(p) / 1e6
                line = f"write {ext:<7} {t_w:6.2f} s ({size:.0f} MB)"
                if ext != "csv":
                    _, t_r = _timed(read_graph, p)
                    line += f", read_graph {t_r:6.2f} s"
                print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
