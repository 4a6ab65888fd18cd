"""The example notebook runs headless, without errors, and draws real plots.

The notebook is executed with nbclient in a kernel of the Python running the tests (a kernelspec
written to a temporary ``JUPYTER_PATH``, so no installed kernel is needed or used). Its saved
outputs are checked too: the committed notebook must have been executed and hold its plots.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "erdogan_trump_putin.ipynb"
KERNEL = "diplograph-test-python"
TIMEOUT = 300  # seconds per cell; the whole notebook takes well under a minute

pytestmark = pytest.mark.slow


def _images(nb) -> int:
    return sum(1 for cell in nb.cells if cell.cell_type == "code"
               for out in cell.get("outputs", [])
               if out.get("output_type") in ("display_data", "execute_result")
               and "image/png" in out.get("data", {}))


def _errors(nb) -> list[str]:
    return [f"{out.get('ename')}: {out.get('evalue')}" for cell in nb.cells if cell.cell_type == "code"
            for out in cell.get("outputs", []) if out.get("output_type") == "error"]


@pytest.fixture()
def kernel_path(tmp_path, monkeypatch):
    """A kernelspec for this interpreter, first on the Jupyter path."""
    pytest.importorskip("ipykernel", reason="the notebook test needs the 'notebook' extra")
    spec = tmp_path / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python (tests)", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.delenv("DIPLOGRAPH_SAVE_DOCS_IMAGES", raising=False)
    return tmp_path


def test_saved_notebook_has_outputs():
    nbformat = pytest.importorskip("nbformat", reason="the notebook test needs the 'notebook' extra")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.get("execution_count") for c in code), "save the notebook executed"
    assert not _errors(nb)
    assert _images(nb) >= 3


def test_notebook_runs(kernel_path):
    nbformat = pytest.importorskip("nbformat", reason="the notebook test needs the 'notebook' extra")
    nbclient = pytest.importorskip("nbclient", reason="the notebook test needs the 'notebook' extra")
    pytest.importorskip("matplotlib", reason="the notebook test needs the 'notebook' extra")
    pytest.importorskip("pandas", reason="the notebook test needs the 'notebook' extra")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=TIMEOUT, kernel_name=KERNEL, allow_errors=False,
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    assert not _errors(nb)
    assert _images(nb) >= 3
