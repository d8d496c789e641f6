"""Alert metrics, registered on an injected ``CollectorRegistry`` (never the global one)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram


class AlertMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.decisions = Counter("wirewatch_alert_decisions_total", "Dedup decisions for milestone events",
                                 ["milestone", "decision"], registry=registry)
        self.notifications = Counter("wirewatch_notifications_total", "Alert deliveries by final outcome",
                                     ["receiver", "outcome"], registry=registry)
        self.attempts = Counter("wirewatch_notification_attempts_total", "Delivery attempts by result",
                                ["receiver", "reason"], registry=registry)
        self.delivery_seconds = Histogram("wirewatch_notification_duration_seconds",
                                          "Time to deliver one alert to one receiver, retries included",
                                          ["receiver"], registry=registry)
