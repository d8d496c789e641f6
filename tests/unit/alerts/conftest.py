from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from streams.milestones.model import Evidence, MilestoneEvent


class Clock:
    def __init__(self) -> None:
        self.t = datetime(2017, 7, 4, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.t

    def advance(self, **kw: float) -> None:
        self.t += timedelta(**kw)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_event() -> Callable[..., MilestoneEvent]:
    def make(milestone: str = "city-breach", place: str = "Raqqa", geonameid: int | None = 172955,
             source: str | None = "AFP", article_id: str = "a1", severity: str = "critical") -> MilestoneEvent:
        return MilestoneEvent(
            milestone=milestone, title=f"{milestone} in {place}", severity=severity, place=place,
            geonameid=geonameid, country="SY", lat=35.95, lon=39.01, confidence=0.9, article_id=article_id,
            source=source, evidence=Evidence(text="SDF breached the wall of Raqqa.", start=0, end=31,
                                             trigger_start=4, trigger_end=12, place_start=25, place_end=30))
    return make
