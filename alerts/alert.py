"""``Alert``: what receivers get — one milestone at one place, with every source that reported it.

Built by the dedup stage from ``MilestoneEvent``s; serialised as the webhook JSON body.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from streams.milestones.model import MilestoneEvent, Severity, Status

SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "critical": 2}


class Alert(BaseModel):
    """    >>> from datetime import UTC
    >>> a = Alert(fingerprint="city-breach:172955", milestone="city-breach", title="t", severity="critical",
    ...           status="confirmed", place="Raqqa", geonameid=172955, country="SY", lat=None, lon=None,
    ...           sources=["AFP"], article_ids=["a1"], first_seen=datetime(2017, 7, 4, tzinfo=UTC),
    ...           last_seen=datetime(2017, 7, 4, tzinfo=UTC), evidence="SDF breached the wall.")
    >>> a.corroborated
    False
    """

    model_config = ConfigDict(frozen=True)
    fingerprint: str
    milestone: str
    title: str
    severity: Severity
    status: Status
    place: str
    geonameid: int | None
    country: str | None
    lat: float | None
    lon: float | None
    sources: list[str]
    article_ids: list[str]
    first_seen: datetime
    last_seen: datetime
    evidence: str
    confidence: float = 0.0

    @property
    def corroborated(self) -> bool:
        return len(self.sources) >= 2

    @classmethod
    def first(cls, event: MilestoneEvent, now: datetime) -> Alert:
        return cls(
            fingerprint=event.dedup_key, milestone=event.milestone, title=event.title,
            severity=event.severity, status=event.status, place=event.place, geonameid=event.geonameid,
            country=event.country, lat=event.lat, lon=event.lon,
            sources=[source_of(event)], article_ids=[event.article_id], first_seen=now, last_seen=now,
            evidence=event.evidence.text, confidence=event.confidence,
        )

    def payload(self) -> dict[str, object]:
        """The JSON body sent to webhooks (stable field names, ``corroborated`` included)."""
        return {**self.model_dump(mode="json"), "corroborated": self.corroborated}


def source_of(event: MilestoneEvent) -> str:
    return (event.source or "unknown").strip() or "unknown"
