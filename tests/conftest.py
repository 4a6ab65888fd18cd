"""Shared fixtures: the diplograph pipeline (loaded once per test session) and a blank English nlp."""
from __future__ import annotations

import pytest
import spacy


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
