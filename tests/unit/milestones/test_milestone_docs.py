"""The usage examples in the milestones package docstrings run."""

from __future__ import annotations

import ast
import doctest
import importlib
from pathlib import Path

import pytest

MODULES = ["streams.milestones", "streams.milestones.detector", "streams.milestones.places",
           "streams.milestones.source", "streams.milestones.rules", "streams.milestones.filters",
           "streams.milestones.report", "streams.milestones.named", "streams.milestones.demonyms"]


def _source(name: str) -> Path:
    # a module compiled with mypyc keeps no docstrings: read them from its source, run them in its namespace
    package = Path(importlib.import_module("streams.milestones").__file__ or "").parent
    return package / ("__init__.py" if name == "streams.milestones" else f"{name.rpartition('.')[2]}.py")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    path = _source(name)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    parser = doctest.DocTestParser()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            doc = ast.get_docstring(node, clean=False)
            if doc and ">>>" in doc:
                where = getattr(node, "name", name)
                runner.run(parser.get_doctest(doc, dict(vars(module)), f"{name}.{where}", str(path),
                                              getattr(node, "lineno", 0)))
    result = runner.summarize(verbose=False)
    assert result.failed == 0 and result.attempted > 0
