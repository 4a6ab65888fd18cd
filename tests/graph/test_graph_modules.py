"""The graph package: what it exports, and the examples in its modules' docstrings."""
from __future__ import annotations

import doctest
import importlib

import pytest

import diplograph.graph

MODULES = ["diplograph.graph", "diplograph.graph.build", "diplograph.graph.query",
           "diplograph.graph.export", "diplograph.graph.view", "diplograph.graph._common"]


def test_the_package_exports_what_it_lists():
    names = diplograph.graph.__all__
    assert len(names) == len(set(names))
    assert [n for n in names if not hasattr(diplograph.graph, n)] == []
    assert {"build_graph", "contacts_of", "find_person", "to_html"} <= set(names)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
