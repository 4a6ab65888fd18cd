"""The embedding cache gives the embedding layers' own values, bit for bit."""
import numpy as np
import pytest

from diplograph.model.embed_cache import EmbedCache, use_embed_cache
from diplograph.pipeline import load_model

TEXTS = [
    "Prime Minister Lena Varga of Hungary met President Tomas Ruel in Vienna on Monday.",
    "The two leaders spoke by phone; Ruel's office said the call was \"productive\".\n\nNo date was set.",
    "",
    "Mr. Lind met Dr. Varga — they didn't say why. U.S. officials (and Jan. reports) said so.",
    "Varga Varga Varga met met met Ruel.",
]


def _embed_layers(nlp):
    """The MultiHashEmbed layers of the shared tok2vec and of the NER's own tok2vec."""
    tok2vec = nlp.get_pipe("tok2vec").model
    ner = nlp.get_pipe("ner").model.layers[0].layers[0]
    return [tok2vec.layers[0], ner.layers[0]]


@pytest.fixture(scope="module")
def models():
    cached = use_embed_cache(load_model())
    return cached, load_model()


def _same(a, b):
    return len(a) == len(b) and all(x.dtype == y.dtype and x.shape == y.shape and np.array_equal(x, y)
                                    for x, y in zip(a, b))


def test_both_embedding_layers_are_cached(models):
    cached, plain = models
    assert all(isinstance(layer._func, EmbedCache) for layer in _embed_layers(cached))
    assert not any(isinstance(layer._func, EmbedCache) for layer in _embed_layers(plain))


def test_same_values_cold_and_warm(models):
    cached, plain = models
    for _ in range(2):  # the second round reads the table
        for batch in (TEXTS, TEXTS[:1], TEXTS[2:3], TEXTS[::-1]):
            docs = [cached.make_doc(t) for t in batch]
            for mine, theirs in zip(_embed_layers(cached), _embed_layers(plain)):
                assert _same(mine.predict(docs), theirs.predict(docs))


def test_same_annotations(models):
    cached, plain = models
    for a, b in zip(cached.pipe(TEXTS), plain.pipe(TEXTS)):
        assert [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in a] == \
               [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in b]


def test_full_table_still_exact():
    nlp = use_embed_cache(load_model(), limit=5)
    plain = load_model()
    docs = [nlp.make_doc(t) for t in TEXTS]
    for mine, theirs in zip(_embed_layers(nlp), _embed_layers(plain)):
        for _ in range(2):
            assert _same(mine.predict(docs), theirs.predict(docs))
        assert len(mine._func.index) == 5


def test_new_weights_forget_the_table():
    nlp = use_embed_cache(load_model())
    layer = _embed_layers(nlp)[0]
    docs = [nlp.make_doc(t) for t in TEXTS]
    layer.predict(docs)
    assert layer._func.index
    table = next(n for n in layer.walk() if n.name == "hashembed")
    table.set_param("E", table.get_param("E") * 2)  # (as from_bytes or use_params would)
    want = layer._func.forward(layer, docs, is_train=False)[0]
    assert _same(layer.predict(docs), want)


def test_training_runs_the_layer_itself():
    nlp = use_embed_cache(load_model())
    layer = _embed_layers(nlp)[0]
    docs = [nlp.make_doc(t) for t in TEXTS]
    layer.predict(docs)
    out, backprop = layer(docs, is_train=True)
    assert not layer._func.index and callable(backprop)
    assert len(out) == len(docs)


def test_a_size_dependent_product_is_left_alone():
    from types import SimpleNamespace

    from diplograph.model.embed_cache import _rows_independent

    concat = SimpleNamespace(layers=[None, None], predict=lambda f: f.astype(np.float32))
    steady = SimpleNamespace(concat=concat, mix=SimpleNamespace(predict=lambda x: x * 2))
    sized = SimpleNamespace(concat=concat, mix=SimpleNamespace(predict=lambda x: x * 0 + len(x)))
    assert _rows_independent(steady)
    assert not _rows_independent(sized)
