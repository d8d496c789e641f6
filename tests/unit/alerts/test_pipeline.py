from __future__ import annotations

import asyncio

from prometheus_client import CollectorRegistry

from alerts.dedup import DedupDecision
from alerts.metrics import AlertMetrics
from alerts.notifier import ListNotifier
from alerts.pipeline import AlertPipeline
from streams.settings import WebhookReceiverSettings


def test_routes_by_milestone_and_severity_and_notifies_new_and_corroborated(clock, make_event):
    everything = ListNotifier(WebhookReceiverSettings(name="all", url="http://x/"))
    sieges = ListNotifier(WebhookReceiverSettings(name="sieges", url="http://x/", milestones=["siege"]))
    critical = ListNotifier(WebhookReceiverSettings(name="crit", url="http://x/", min_severity="critical"))
    registry = CollectorRegistry()
    p = AlertPipeline(state={}, notifiers=[everything, sieges, critical], metrics=AlertMetrics(registry), now=clock)

    async def go() -> list[DedupDecision]:
        out = []
        for ev in [make_event(), make_event(source="Reuters", article_id="r"), make_event(source="AP", article_id="p"),
                   make_event(milestone="siege", severity="warning")]:
            out.append((await p.handle(ev))[0])
        return out

    decisions = asyncio.run(go())
    assert decisions == [DedupDecision.NEW, DedupDecision.CORROBORATED, DedupDecision.NEW_SOURCE, DedupDecision.NEW]
    assert [a.milestone for a in everything.received] == ["city-breach", "city-breach", "siege"]
    assert everything.received[1].corroborated
    assert [a.milestone for a in sieges.received] == ["siege"]
    assert [a.milestone for a in critical.received] == ["city-breach", "city-breach"]
    assert registry.get_sample_value("wirewatch_alert_decisions_total",
                                     {"milestone": "city-breach", "decision": "new_source"}) == 1
