"""The model's word embeddings remembered per word, with the same results.

Each of ``en_core_web_sm``'s two token-to-vector networks (the shared ``tok2vec`` and the one inside
``ner``) starts with a ``MultiHashEmbed`` layer: a token's features (NORM, PREFIX, SUFFIX, SHAPE, ...)
are hashed into embedding tables, the rows concatenated, mixed by a maxout layer and normalised. The
result is a function of the token's feature row alone: no neighbour, no batch-mate enters it (the
window convolution that mixes neighbours comes after). It costs about a fifth of the model's time,
mostly the maxout's matrix product, and a batch of news articles repeats most of its words (a third
of a dense batch's rows are distinct, an eighth of general news).

:func:`use_embed_cache` makes such a layer compute each distinct feature row once: a batch's rows are
deduplicated, rows seen before are read from a table, only new rows go through the layer's own
sublayers, and the output is assembled by index. The values are the layer's, bit for bit: each row is
computed by the same sublayers on the same weights, and the maxout's matrix product gives a row the
same value whatever the other rows. That last depends on the matrix library (BLIS, through thinc):
a library that switches kernels by matrix size may round a row differently in a small product, so
:func:`use_embed_cache` first checks, on 1,024 probe rows, that rows computed in products of 1 to 700
rows equal the same rows computed together, and leaves a layer as it is if they do not (checked
besides by ``tests/model/test_embed_cache.py`` and ``bench/compare_extractions.py --tokens``). The table holds at most :data:`CACHE_ROWS` rows per layer
(~33 MB at most with its keys; then rows not yet in it are computed every time, still once per batch), and
is dropped when the layer's weights are replaced (``from_disk``, ``use_params``) or it is trained
(training runs the layer's own forward pass).
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np
from spacy.language import Language
from thinc.api import Model, NumpyOps

__all__ = ["use_embed_cache", "EmbedCache", "CACHE_ROWS"]

#: Distinct feature rows remembered per embedding layer (a row of 96 floats and its key: ~500 bytes).
CACHE_ROWS = 65_536

_EMBED_LAYERS = ("extract_features", "list2ragged", None, None, "ragged2list")


class EmbedCache:
    """The rows one ``MultiHashEmbed`` layer has computed, by feature row (see the module docstring)."""

    def __init__(self, layer: Model, limit: int = CACHE_ROWS) -> None:
        self.layer = layer
        self.forward = layer._func  # the layer's own forward pass
        self.features, _, concat, mix, _ = layer.layers
        self.concat, self.mix = concat.layers[0], mix.layers[0]
        self.limit = limit
        self.clear()

    def clear(self) -> None:
        self.index: dict[bytes, int] = {}
        self.rows: np.ndarray | None = None
        self.weights: tuple = ()

    def _params(self) -> tuple:
        return tuple(node.get_param(name) for node in self.layer.walk() for name in node.param_names
                     if node.has_param(name))

    def __call__(self, model: Model, docs: list, is_train: bool) -> tuple[list, Callable]:
        if model is not self.layer:  # (a copy of the layer: its own forward pass)
            return self.forward(model, docs, is_train)
        if is_train:  # training changes the weights: forget, and run the layer as it is
            self.clear()
            return self.forward(model, docs, is_train)
        weights = self._params()
        if len(weights) != len(self.weights) or any(a is not b for a, b in zip(weights, self.weights)):
            self.clear()
            self.weights = weights
        feats = self.features.predict(docs)
        lengths = [len(f) for f in feats]
        total = sum(lengths)
        if total == 0:
            return self.forward(model, docs, is_train)
        out = self._embed(np.ascontiguousarray(np.concatenate(feats)))
        return np.split(out, np.cumsum(lengths)[:-1]), _no_backprop

    def _embed(self, feats: np.ndarray) -> np.ndarray:
        """The layer's output rows for the feature rows ``feats`` (2-D, uint64)."""
        keys = feats.view(np.dtype((np.void, feats.shape[1] * feats.itemsize))).ravel()
        uniq, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        index = self.index
        at = [index.get(k, -1) for k in uniq.tolist()]
        new = [j for j, r in enumerate(at) if r < 0]
        if new:
            fresh = self.mix.predict(self.concat.predict(np.ascontiguousarray(feats[first[new]])))
            self._store(uniq, new, fresh, at)
        rows = self.rows
        if all(r >= 0 for r in at):
            return rows[np.asarray(at)[inverse.ravel()]]
        out = np.empty((len(uniq), fresh.shape[1]), dtype=fresh.dtype)
        have = [j for j, r in enumerate(at) if r >= 0]
        if have:
            out[have] = rows[[at[j] for j in have]]
        out[new] = fresh
        return out[inverse.ravel()]

    def _store(self, uniq: np.ndarray, new: list[int], fresh: np.ndarray, at: list[int]) -> None:
        """Remember the ``fresh`` rows of ``uniq[new]`` while there is room; ``at`` gets their places."""
        n = len(self.index)
        room = min(len(new), self.limit - n)
        if room <= 0:
            return
        if self.rows is None or self.rows.shape[0] < n + room:
            size = min(self.limit, max(4096, 2 * (n + room)))
            grown = np.empty((size, fresh.shape[1]), dtype=fresh.dtype)
            if self.rows is not None:
                grown[:n] = self.rows[:n]
            self.rows = grown
        self.rows[n:n + room] = fresh[:room]
        keys = uniq.tolist()
        for k, j in enumerate(new[:room]):
            self.index[keys[j]] = at[j] = n + k


def _no_backprop(d_out: Any) -> Any:
    raise NotImplementedError("the embedding cache is for prediction; training runs the layer itself")


def _is_multi_hash_embed(node: Model) -> bool:
    if len(node.layers) != len(_EMBED_LAYERS):
        return False
    if any(want is not None and layer.name != want for want, layer in zip(_EMBED_LAYERS, node.layers)):
        return False
    concat, mix = node.layers[2], node.layers[3]
    return (concat.name.startswith("with_array(") and len(concat.layers) == 1
            and all(sub.name == "ints-getitem>>hashembed" for sub in concat.layers[0].layers)
            and mix.name == "with_array(maxout>>layernorm>>dropout)" and len(mix.layers) == 1)


def use_embed_cache(nlp: Language, limit: int = CACHE_ROWS) -> Language:
    """Make every ``MultiHashEmbed`` layer of ``nlp``'s components (hash embeddings mixed by maxout and
    layer normalisation, no static vectors) compute each distinct feature row once (see the module
    docstring). Only on CPU (thinc's ``NumpyOps``); the layers' weights and serialisation are untouched.
    Returns ``nlp``."""
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            if isinstance(node._func, EmbedCache) or not _is_multi_hash_embed(node):
                continue
            if type(node.ops) is not NumpyOps:
                continue
            cache = EmbedCache(node, limit)
            if _rows_independent(cache):
                node._func = cache
    return nlp


def _rows_independent(cache: EmbedCache, n: int = 1024, sizes: tuple[int, ...] = (1, 2, 5, 16, 63, 200, 700)
                      ) -> bool:
    """Does the layer give a row the same bits in a product of few rows as among ``n``?"""
    ncols = len(cache.concat.layers)
    probe = (np.arange(n * ncols, dtype=np.uint64).reshape(n, ncols) * np.uint64(2654435761)) \
        ^ np.uint64(0x9E3779B97F4A7C15)
    whole = cache.mix.predict(cache.concat.predict(probe))
    start = 0
    for size in sizes:
        part = cache.mix.predict(cache.concat.predict(np.ascontiguousarray(probe[start:start + size])))
        if not np.array_equal(part, whole[start:start + size]):
            return False
        start = (start + size) % (n - max(sizes))
    return True
