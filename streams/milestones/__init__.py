"""Milestone detection: declarative rules over a ``Tagging`` → ``MilestoneEvent``s.

    >>> from streams.milestones import Detector
    >>> from streams.tagging import Tagger
    >>> d = Detector.load()
    >>> t = Tagger.load().tag("Syrian forces breached the wall of Raqqa on Tuesday.")
    >>> [e.milestone for e in d.detect(t, article_id="a1")]
    ['city-breach']

FIRST VERSION (walking skeleton): city-breach only, a trigger word and a city in one sentence.
Issue #4 replaces the internals; the public API is ``Detector.load(path=None)`` and
``Detector.detect(tagging, *, article_id, source=None, published_at=None) -> list[MilestoneEvent]``.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from streams.milestones.model import Evidence, MilestoneEvent
from streams.tagging.model import Tagging

_TRIGGER = re.compile(r"\b(breach(?:ed)?|penetrated|broke into|stormed into)\b", re.I)
_MODAL = re.compile(r"\b(expected to|could|may|might|vowed to|plans? to|failed to|did not)\b", re.I)


class Detector:
    @classmethod
    def load(cls, path: Path | None = None) -> Detector:
        return cls()

    def detect(self, tagging: Tagging, *, article_id: str, source: str | None = None,
               published_at: datetime | None = None) -> list[MilestoneEvent]:
        events: dict[str, MilestoneEvent] = {}
        for s in tagging.sentences:
            trig = _TRIGGER.search(s.text)
            if not trig or _MODAL.search(s.text):
                continue
            for p in tagging.places:
                if p.kind == "city" and s.start <= p.start < s.end:
                    ev = MilestoneEvent(
                        milestone="city-breach", title=f"City breached: {p.name}", severity="critical",
                        place=p.name, geonameid=p.geonameid, country=p.country, lat=p.lat, lon=p.lon,
                        confidence=0.6, article_id=article_id, source=source, published_at=published_at,
                        evidence=Evidence(text=s.text, start=s.start, end=s.end,
                                          trigger_start=s.start + trig.start(), trigger_end=s.start + trig.end(),
                                          place_start=p.start, place_end=p.end))
                    events.setdefault(ev.dedup_key, ev)
        return list(events.values())
