"""The usage examples in the milestones package docstrings run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["streams.milestones", "streams.milestones.detector", "streams.milestones.places",
           "streams.milestones.source", "streams.milestones.rules", "streams.milestones.filters",
           "streams.milestones.report", "streams.milestones.named", "streams.milestones.demonyms"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
