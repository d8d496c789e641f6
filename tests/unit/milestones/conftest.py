"""Milestone fixtures: the real tagger and the default rule pack, loaded once per session.

The detector's input is the tagger's output, so these tests tag real text rather than hand-building
``Tagging`` objects; ``detect("text")`` returns ``(milestone, place, status)`` triples.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from streams.milestones import Detector
from streams.tagging import Tagger

Found = list[tuple[str, str, str]]


@pytest.fixture(scope="session")
def tagger() -> Tagger:
    return Tagger.load()


@pytest.fixture(scope="session")
def detector() -> Detector:
    return Detector.load()


@pytest.fixture
def detect(tagger: Tagger, detector: Detector) -> Callable[..., Found]:
    """``detect(text, published_at=None)`` → sorted ``(milestone, place as written, status)`` triples
    (the place as written, because gazetteer names carry diacritics: "Tikrīt")."""

    def run(text: str, published_at: str | None = None) -> Found:
        when = datetime.fromisoformat(published_at) if published_at else None
        events = detector.detect(tagger.tag(text), article_id="t", published_at=when)
        return sorted((e.milestone, text[e.evidence.place_start:e.evidence.place_end], e.status) for e in events)

    return run


@pytest.fixture
def pack_file(tmp_path: Path) -> Callable[[str], Path]:
    """``pack_file(yaml_text)`` writes a rule pack next to a copy of the shared filter lists."""
    filters = Path(__file__).resolve().parents[3] / "seeds" / "rules" / "filters.yaml"

    def write(text: str) -> Path:
        (tmp_path / "filters.yaml").write_text(filters.read_text(encoding="utf-8"), encoding="utf-8")
        path = tmp_path / "pack.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write
