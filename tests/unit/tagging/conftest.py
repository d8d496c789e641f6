"""Tagging fixtures: one gazetteer build per test session, in a temporary cache directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from streams.tagging import Tagger


@pytest.fixture(scope="session")
def gazetteer_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("gazetteer")


@pytest.fixture(scope="session")
def tagger(gazetteer_cache: Path) -> Tagger:
    return Tagger.load(cache_dir=gazetteer_cache)


@pytest.fixture
def places(tagger: Tagger):  # type: ignore[no-untyped-def]
    """``places("text")`` → list of ``(text, name, country, kind)`` for quick assertions."""

    def run(text: str) -> list[tuple[str, str, str | None, str]]:
        return [(p.text, p.name, p.country, p.kind) for p in tagger.tag(text).places]

    return run
