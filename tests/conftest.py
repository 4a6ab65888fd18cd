"""Shared fixtures: the diplograph pipeline (loaded once per test session) and a blank English nlp.

The tests run with an empty user data folder (``DIPLOGRAPH_DATA_DIR``), so a user gazetteer that
``diplograph gazetteer update`` wrote on this machine changes no result.
"""
from __future__ import annotations

import os
import tempfile

import pytest
import spacy

os.environ["DIPLOGRAPH_DATA_DIR"] = tempfile.mkdtemp(prefix="diplograph-test-data-")


@pytest.fixture(scope="session")
def nlp():
    import diplograph
    from diplograph.errors import ModelNotFoundError

    try:
        return diplograph.load_pipeline()
    except ModelNotFoundError as e:  # pragma: no cover - depends on the environment
        pytest.skip(f"no English spaCy model installed: {e}")


@pytest.fixture(scope="session")
def blank():
    return spacy.blank("en")
