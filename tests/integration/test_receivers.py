"""The Alertmanager notifier against a real Prometheus Alertmanager (Debian's prometheus-alertmanager)."""

from __future__ import annotations

import asyncio
import time

from alerts.alert import Alert
from alerts.alertmanager import AlertmanagerNotifier
from streams.milestones.model import Evidence, MilestoneEvent
from streams.settings import AlertmanagerReceiverSettings
from tests.integration.test_prometheus import alertmanager, monitoring_binaries, webhook_collector  # noqa: F401


def test_alert_posted_to_real_alertmanager_is_active_there(alertmanager):  # noqa: F811
    from datetime import UTC, datetime

    event = MilestoneEvent(
        milestone="siege", title="Siege: Madaya", severity="warning", place="Madaya", geonameid=169389,
        country="SY", lat=33.69, lon=36.1, confidence=0.8, article_id="it-am-1", source="Example Wire",
        evidence=Evidence(text="Government forces encircled Madaya.", start=0, end=35, trigger_start=17,
                          trigger_end=26, place_start=27, place_end=33))
    alert = Alert.first(event, datetime.now(UTC))

    async def post() -> None:
        n = AlertmanagerNotifier(AlertmanagerReceiverSettings(name="am", url=alertmanager.url))
        try:
            await n.notify(alert)
        finally:
            await n.close()

    asyncio.run(post())
    deadline = time.monotonic() + 60
    active: list[dict[str, object]] = []
    while time.monotonic() < deadline and not active:
        active = [a for a in alertmanager.get("/api/v2/alerts")
                  if a["labels"].get("alertname") == "WirewatchMilestone" and a["labels"].get("milestone") == "siege"]
        time.sleep(0.2)
    assert active, "alert not visible in Alertmanager"
    assert active[0]["labels"]["country"] == "SY" and active[0]["labels"]["geonameid"] == "169389"
    assert active[0]["annotations"]["place"] == "Madaya"
    assert active[0]["status"]["state"] == "active"
