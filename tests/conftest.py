"""Shared fixtures: paths to the repo's seeds and the test fixtures written for this project."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return REPO / "seeds" / "articles" / "000_5c81459845075a55.txt"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return REPO / "tests" / "fixtures"
