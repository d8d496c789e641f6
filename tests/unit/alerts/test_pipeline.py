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


class Crash(BaseException):
    """Stands for the worker process dying mid-delivery (not an error the retry loop handles)."""


class CrashingOnce(ListNotifier):
    def __init__(self, config: WebhookReceiverSettings) -> None:
        super().__init__(config)
        self.crashed = False

    async def notify(self, alert) -> None:  # type: ignore[no-untyped-def]
        if not self.crashed:
            self.crashed = True
            raise Crash
        await super().notify(alert)


def test_state_is_recorded_only_after_delivery_so_a_crash_mid_delivery_loses_nothing(clock, make_event):
    state: dict[str, object] = {}
    hook = CrashingOnce(WebhookReceiverSettings(name="hook", url="http://x/"))
    p = AlertPipeline(state=state, notifiers=[hook], metrics=AlertMetrics(CollectorRegistry()), now=clock)
    event = make_event()
    try:
        asyncio.run(p.handle(event))
    except Crash:
        pass
    assert state == {} and hook.received == []  # died before delivering: nothing recorded
    # the replacement worker replays the uncommitted event against the same (changelog) state
    assert asyncio.run(p.handle(event))[0] is DedupDecision.NEW
    assert [a.fingerprint for a in hook.received] == [event.dedup_key] and event.dedup_key in state
    assert asyncio.run(p.handle(event))[0] is DedupDecision.DUPLICATE  # and now it is recorded
    assert len(hook.received) == 1


def test_a_third_source_is_recorded_without_notifying(clock, make_event):
    state: dict[str, object] = {}
    hook = ListNotifier(WebhookReceiverSettings(name="hook", url="http://x/"))
    p = AlertPipeline(state=state, notifiers=[hook], metrics=AlertMetrics(CollectorRegistry()), now=clock)
    for source in ("AFP", "Reuters", "AP"):
        asyncio.run(p.handle(make_event(source=source, article_id=source)))
    assert len(hook.received) == 2
    assert state[make_event().dedup_key]["sources"] == ["AFP", "Reuters", "AP"]  # type: ignore[index]
