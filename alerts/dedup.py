"""Dedup and corroboration stage: is this event a new alert, a new source for an open one, or noise?

Called by the pipeline for every ``MilestoneEvent``. State lives in a ``MutableMapping`` keyed by the
event's dedup key (milestone + GeoNames id): a plain dict in tests, a Faust table (changelog-backed,
partitioned like the milestones topic) in the worker — so dedup scales with partitions.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, MutableMapping
from datetime import datetime, timedelta
from typing import Any

from alerts.alert import Alert, source_of
from streams.milestones.model import MilestoneEvent


class DedupDecision(enum.StrEnum):
    NEW = "new"  # first report of this milestone at this place (within the window): notify
    CORROBORATED = "corroborated"  # a second independent source: notify again, marked corroborated
    NEW_SOURCE = "new_source"  # a third or later source: recorded, not notified
    DUPLICATE = "duplicate"  # same source or same article again: dropped


class DedupStage:
    """    >>> from datetime import UTC
    >>> stage = DedupStage(state={}, now=lambda: datetime(2017, 7, 4, tzinfo=UTC))
    """

    def __init__(self, state: MutableMapping[str, Any], now: Callable[[], datetime],
                 window: timedelta = timedelta(hours=24)) -> None:
        self._state = state
        self._now = now
        self._window = window

    def decide(self, event: MilestoneEvent) -> tuple[DedupDecision, Alert]:
        """What this event means for its alert, and the alert as it would be after it. Writes nothing:
        the caller ``record``s the alert once it has acted on the decision (delivered it), so a crash
        in between makes the replayed event decide the same way again instead of being lost."""
        now = self._now()
        raw = self._state.get(event.dedup_key)
        previous = Alert.model_validate(raw) if raw is not None else None
        if previous is None or now - previous.last_seen > self._window:
            return DedupDecision.NEW, Alert.first(event, now)
        source = source_of(event)
        if event.article_id in previous.article_ids or source in previous.sources:
            return DedupDecision.DUPLICATE, previous
        alert = previous.model_copy(update={
            "sources": [*previous.sources, source],
            "article_ids": [*previous.article_ids, event.article_id][-50:],
            "last_seen": now,
            "confidence": max(previous.confidence, event.confidence),
        })
        if len(alert.sources) == 2:
            return DedupDecision.CORROBORATED, alert
        return DedupDecision.NEW_SOURCE, alert

    def record(self, alert: Alert) -> None:
        self._state[alert.fingerprint] = alert.model_dump(mode="json")

    def observe(self, event: MilestoneEvent) -> tuple[DedupDecision, Alert]:
        """``decide`` and, unless it is a duplicate, ``record`` at once."""
        decision, alert = self.decide(event)
        if decision is not DedupDecision.DUPLICATE:
            self.record(alert)
        return decision, alert
