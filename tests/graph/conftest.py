"""A headless Chromium for the HTML view's tests, driven by Playwright's Python package.

The browser is Debian's ``chromium`` (Playwright's own browser download is not used). Where it is
missing and the tests run as root on a Debian-like system (CI), it is installed once with apt-get,
about 80 s; ``DIPLOGRAPH_NO_BROWSER_INSTALL=1`` turns that off. ``DIPLOGRAPH_CHROMIUM`` names
another Chromium or Chrome binary. When no browser can be had, the browser tests skip and say why.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _find_chromium() -> str | None:
    given = os.environ.get("DIPLOGRAPH_CHROMIUM")
    if given:
        return given if os.path.exists(given) else shutil.which(given)
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _install_chromium() -> str:
    """Install Debian's chromium with apt-get; returns '' or why it could not."""
    if os.environ.get("DIPLOGRAPH_NO_BROWSER_INSTALL") == "1":
        return "DIPLOGRAPH_NO_BROWSER_INSTALL=1"
    if not sys.platform.startswith("linux") or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "not root on Linux, so apt-get cannot install it (apt-get install chromium)"
    if not shutil.which("apt-get"):
        return "no apt-get on this system"
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    t0 = time.perf_counter()
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        run = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
        if run.returncode != 0:
            return f"{' '.join(cmd)} failed: {(run.stderr or run.stdout).strip()[-300:]}"
    sys.stderr.write(f"\n[tests] installed Debian's chromium in {time.perf_counter() - t0:.0f} s\n")
    return ""


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = _find_chromium()
    if path is None:
        why = _install_chromium()
        path = _find_chromium()
        if path is None:
            pytest.skip(f"no Chromium for the browser tests: {why or 'install did not provide one'}")
    return path


@pytest.fixture(scope="session")
def browser(request):
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="the browser tests need Playwright: pip install -e '.[dev]'")
    chromium_path = request.getfixturevalue("chromium_path")
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=chromium_path, args=["--no-sandbox"])
        except Exception as e:  # pragma: no cover - depends on the machine
            pytest.skip(f"Chromium at {chromium_path} did not start: {e}")
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    """A fresh page that records console messages and page errors in ``page.messages``."""
    context = browser.new_context(viewport={"width": 1400, "height": 850})
    pg = context.new_page()
    pg.messages = []
    pg.on("console", lambda m: pg.messages.append((m.type, m.text)))
    pg.on("pageerror", lambda e: pg.messages.append(("pageerror", str(e))))
    yield pg
    context.close()
