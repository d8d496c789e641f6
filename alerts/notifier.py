"""The notifier contract: ``await notifier.notify(alert)`` returns on success and raises
``DeliveryError`` (with ``retryable`` and a bounded ``reason``) on failure.

``ListNotifier`` keeps what it gets — the receiver used by tests and dry runs.
"""

from __future__ import annotations

from typing import Protocol

from alerts.alert import Alert
from streams.settings import ReceiverSettings


class Notifier(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def config(self) -> ReceiverSettings: ...

    async def notify(self, alert: Alert) -> None: ...

    async def close(self) -> None: ...


class ListNotifier:
    def __init__(self, config: ReceiverSettings) -> None:
        self.name = config.name
        self.config = config
        self.received: list[Alert] = []

    async def notify(self, alert: Alert) -> None:
        self.received.append(alert)

    async def close(self) -> None:
        return None
