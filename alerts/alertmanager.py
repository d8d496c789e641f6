"""Alertmanager receiver: POST the alert to ``<url>/api/v2/alerts`` so Alertmanager's routing,
silences, inhibition and its own receivers (email, PagerDuty, ...) take over.

Labels are bounded (alertname, milestone, severity, country, geonameid, status, source=wirewatch);
the place name, evidence and sources go in annotations. ``endsAt`` is set ``resolve_after_minutes``
ahead, so an alert that is not reported again resolves by itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from alerts.alert import Alert
from alerts.http import HttpPoster
from streams.settings import AlertmanagerReceiverSettings


def alertmanager_alerts(alert: Alert, now: datetime, resolve_after: timedelta) -> list[dict[str, object]]:
    labels = {"alertname": "WirewatchMilestone", "milestone": alert.milestone, "severity": alert.severity,
              "country": alert.country or "none", "geonameid": str(alert.geonameid or "none"),
              "status": alert.status, "source": "wirewatch"}
    annotations = {"summary": alert.title, "place": alert.place, "evidence": alert.evidence.strip(),
                   "sources": ", ".join(alert.sources), "fingerprint": alert.fingerprint,
                   "corroborated": str(alert.corroborated).lower()}
    return [{"labels": labels, "annotations": annotations, "startsAt": alert.first_seen.isoformat(),
             "endsAt": (now + resolve_after).isoformat()}]


class AlertmanagerNotifier:
    def __init__(self, config: AlertmanagerReceiverSettings,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.name = config.name
        self.config = config
        self._now = now
        self._http = HttpPoster(config.name, config.timeout_seconds)

    async def notify(self, alert: Alert) -> None:
        body = json.dumps(alertmanager_alerts(alert, self._now(),
                                              timedelta(minutes=self.config.resolve_after_minutes))).encode()
        await self._http.post(self.config.url.rstrip("/") + "/api/v2/alerts", body,
                              {"Content-Type": "application/json"})

    async def close(self) -> None:
        await self._http.close()
