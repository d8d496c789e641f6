"""Retry stage: deliver through a notifier with capped exponential backoff and full jitter.

Called by the pipeline once per (alert, receiver). Returns a ``NotifyOutcome``; a failed alert goes
to the pipeline's dead-letter callback. ``sleep`` and ``rand`` are injected so tests don't wait.
"""

from __future__ import annotations

import asyncio
import enum
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from alerts.alert import Alert
from alerts.notifier import Notifier
from streams.errors import DeliveryError


class NotifyOutcome(enum.StrEnum):
    DELIVERED = "delivered"
    REJECTED = "rejected"  # permanent failure (e.g. HTTP 400): not retried
    GAVE_UP = "gave_up"  # retryable failures until max_attempts


@dataclass(frozen=True)
class NotifyResult:
    receiver: str
    outcome: NotifyOutcome
    attempts: int
    error: DeliveryError | None = None


@dataclass(frozen=True)
class RetryPolicy:
    initial_seconds: float = 0.5
    max_seconds: float = 30.0

    def delay(self, attempt: int, rand: Callable[[], float]) -> float:
        return rand() * min(self.max_seconds, self.initial_seconds * 2.0 ** (attempt - 1))


async def deliver_with_retry(
    notifier: Notifier,
    alert: Alert,
    policy: RetryPolicy,
    *,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    rand: Callable[[], float] = random.random,
    on_attempt: Callable[[DeliveryError | None], None] | None = None,
) -> NotifyResult:
    max_attempts = notifier.config.max_attempts
    for attempt in range(1, max_attempts + 1):
        try:
            await notifier.notify(alert)
        except DeliveryError as e:
            if on_attempt:
                on_attempt(e)
            if not e.retryable:
                return NotifyResult(notifier.name, NotifyOutcome.REJECTED, attempt, e)
            if attempt == max_attempts:
                return NotifyResult(notifier.name, NotifyOutcome.GAVE_UP, attempt, e)
            await sleep(policy.delay(attempt, rand))
        else:
            if on_attempt:
                on_attempt(None)
            return NotifyResult(notifier.name, NotifyOutcome.DELIVERED, attempt)
    raise AssertionError("unreachable")  # max_attempts >= 1 is enforced by the receiver config
