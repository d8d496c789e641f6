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
        now = self._now()
        key = event.dedup_key
        raw = self._state.get(key)
        previous = Alert.model_validate(raw) if raw is not None else None
        if previous is None or now - previous.last_seen > self._window:
            alert = Alert.first(event, now)
            self._state[key] = alert.model_dump(mode="json")
            return DedupDecision.NEW, alert
        source = source_of(event)
        if event.article_id in previous.article_ids or source in previous.sources:
            return DedupDecision.DUPLICATE, previous
        alert = previous.model_copy(update={
            "sources": [*previous.sources, source],
            "article_ids": [*previous.article_ids, event.article_id][-50:],
            "last_seen": now,
            "confidence": max(previous.confidence, event.confidence),
        })
        self._state[key] = alert.model_dump(mode="json")
        if len(alert.sources) == 2:
            return DedupDecision.CORROBORATED, alert
        return DedupDecision.NEW_SOURCE, alert
