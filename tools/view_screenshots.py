#!/usr/bin/env python
"""Screenshots of the HTML view for the README: ``docs/img/contact_view.png`` (the notebook corpus)
and ``docs/img/contact_view_1000.png`` (1,000 synthetic articles, about 1,000 people and 5,000 contacts).

Needs the ``dev`` extra (Playwright) and a Chromium (Debian: ``apt-get install chromium``)::

    python tools/view_screenshots.py [--chromium /usr/bin/chromium] [--out docs/img]
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def notebook_graph():
    import diplograph

    corpus = ROOT / "notebooks" / "corpus" / "erdogan_trump_putin.jsonl"
    articles = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    return diplograph.build_graph(diplograph.extract_many(articles))


def synthetic_graph():
    from bench_graph import synthetic  # bench/bench_graph.py: Zipf-skewed leaders, 1-4 reports per event

    from diplograph.graph import build_graph

    return build_graph(synthetic(9000, n_people=1000, per_doc=9))


def shoot(browser, html: Path, png: Path, select_js: str | None) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 850})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    t0 = time.perf_counter()
    page.goto(html.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=120_000)
    ready = time.perf_counter() - t0
    if select_js:
        page.evaluate(select_js)
    page.wait_for_timeout(500)
    page.screenshot(path=str(png))
    print(f"{png}: page ready in {ready:.1f} s; {page.inner_text('#stats')}")
    if errors:
        raise SystemExit(f"page errors: {errors}")
    page.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from diplograph.graph import to_html

    rank = "const ns = diplograph.data.nodes.slice().sort((a, b) => b.contacts - a.contacts);"
    top = "(() => {" + rank + " diplograph.select(ns[%d].id); })()"
    pair = ("(() => {" + rank + " const cy = diplograph.cy;"
            " cy.getElementById(ns[0].id).edgesWith(cy.getElementById(ns[1].id))[0].emit('tap'); })()")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
        for name, make, title, select in (
                ("contact_view", notebook_graph, "Erdoğan, Trump and Putin: contacts 2017–2025", pair),
                ("contact_view_1000", synthetic_graph, "1,000 synthetic articles", top % 30)):
            G = make()
            html = Path(tmp) / f"{name}.html"
            t0 = time.perf_counter()
            to_html(G, html, title=title)
            print(f"{name}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, "
                  f"page written in {time.perf_counter() - t0:.1f} s ({html.stat().st_size // 1024} KB)")
            shoot(browser, html, args.out / f"{name}.png", select)
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
