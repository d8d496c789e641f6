"""The alert pipeline, assembled in one place: dedup → route → retry → deliver → dead-letter.

Called by the worker's alerts agent for every ``MilestoneEvent`` read from the milestones topic.

    >>> from prometheus_client import CollectorRegistry
    >>> from datetime import UTC, datetime
    >>> from alerts.notifier import ListNotifier
    >>> pipeline = AlertPipeline(state={}, notifiers=[], metrics=AlertMetrics(CollectorRegistry()),
    ...                          now=lambda: datetime(2017, 7, 4, tzinfo=UTC))
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from alerts.alert import Alert
from alerts.dedup import DedupDecision, DedupStage
from alerts.metrics import AlertMetrics
from alerts.notifier import Notifier
from alerts.registry import build_notifiers
from alerts.retry import NotifyOutcome, NotifyResult, RetryPolicy, deliver_with_retry
from alerts.routing import wants
from streams.errors import DeliveryError
from streams.milestones.model import MilestoneEvent
from streams.settings import AlertSettings

NOTIFY_ON = {DedupDecision.NEW, DedupDecision.CORROBORATED}
DeadLetter = Callable[[Alert, NotifyResult], Awaitable[None]]


class AlertPipeline:
    def __init__(
        self,
        *,
        state: MutableMapping[str, Any],
        notifiers: Sequence[Notifier],
        metrics: AlertMetrics,
        now: Callable[[], datetime],
        policy: RetryPolicy | None = None,
        window: timedelta = timedelta(hours=24),
        dead_letter: DeadLetter | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.dedup = DedupStage(state, now, window)
        self.notifiers = list(notifiers)
        self.metrics = metrics
        self.policy = policy or RetryPolicy()
        self.dead_letter = dead_letter
        self._sleep = sleep

    @classmethod
    def from_settings(cls, settings: AlertSettings, *, notifiers: Sequence[Notifier] | None = None,
                      **kwargs: Any) -> AlertPipeline:
        """The worker's pipeline: receivers and retry backoff from ``settings.alerts`` (``notifiers``
        replaces the receivers, for tests)."""
        policy = RetryPolicy(settings.retry_initial_seconds, settings.retry_max_seconds)
        chosen = build_notifiers(settings) if notifiers is None else notifiers
        return cls(notifiers=chosen, policy=policy, **kwargs)

    async def handle(self, event: MilestoneEvent) -> tuple[DedupDecision, Alert, list[NotifyResult]]:
        """Decide, deliver, then record: the alert state changes only after delivery ended (delivered
        or dead-lettered), so a worker killed mid-delivery re-delivers after the replay (at least
        once) rather than finding the alert already recorded and dropping it."""
        decision, alert = self.dedup.decide(event)
        self.metrics.decisions.labels(event.milestone, decision.value).inc()
        if decision is DedupDecision.DUPLICATE:
            return decision, alert, []
        results: list[NotifyResult] = []
        if decision in NOTIFY_ON:
            targets = [n for n in self.notifiers if wants(n.config, alert)]
            results = list(await asyncio.gather(*(self._deliver(n, alert) for n in targets)))
        self.dedup.record(alert)
        return decision, alert, results

    async def _deliver(self, notifier: Notifier, alert: Alert) -> NotifyResult:
        def count(err: DeliveryError | None) -> None:
            self.metrics.attempts.labels(notifier.name, err.reason if err else "ok").inc()

        t0 = time.perf_counter()
        result = await deliver_with_retry(notifier, alert, self.policy, sleep=self._sleep, on_attempt=count)
        self.metrics.delivery_seconds.labels(notifier.name).observe(time.perf_counter() - t0)
        self.metrics.notifications.labels(notifier.name, result.outcome.value).inc()
        if result.outcome is not NotifyOutcome.DELIVERED and self.dead_letter is not None:
            await self.dead_letter(alert, result)
        return result

    async def close(self) -> None:
        for n in self.notifiers:
            await n.close()
