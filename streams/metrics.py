"""Stream metrics, registered on an injected ``CollectorRegistry`` (never the global one).

Label values come from bounded sets: milestone ids, rejection reasons, ISO country codes.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram


class StreamMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.consumed = Counter("wirewatch_articles_consumed_total", "Articles read from the articles topic",
                                registry=registry)
        self.rejected = Counter("wirewatch_articles_rejected_total",
                                "Messages sent to the dead-letter topic instead of being processed",
                                ["reason"], registry=registry)
        self.milestones = Counter("wirewatch_milestones_detected_total", "Milestone events detected",
                                  ["milestone", "country"], registry=registry)
        self.processing_seconds = Histogram("wirewatch_article_processing_seconds",
                                            "Time to tag and detect milestones in one article",
                                            registry=registry,
                                            buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1))
        self.lag_seconds = Histogram("wirewatch_article_lag_seconds",
                                     "Time from ingest (the article's received_at) to detection in the worker",
                                     registry=registry,
                                     buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900))
        self.assigned_partitions = Gauge("wirewatch_assigned_partitions",
                                         "Partitions of each wirewatch topic assigned to this worker",
                                         ["topic"], registry=registry)
