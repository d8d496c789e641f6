"""The Faust agents with Faust's test contexts (no broker): what they send where, and what they count.

Sends are captured by replacing each topic's ``send`` with a recorder; the whole flow on the real
broker is in tests/integration.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from alerts.notifier import ListNotifier
from streams.app import Wirewatch, build_app
from streams.article import Article
from streams.milestones.model import MilestoneEvent
from streams.process import ArticleProcessor
from streams.settings import Settings, WebhookReceiverSettings


@pytest.fixture(scope="module")
def processor() -> ArticleProcessor:
    return ArticleProcessor.load()


def record_sends(ww: Wirewatch) -> dict[str, list[tuple[Any, Any]]]:
    sent: dict[str, list[tuple[Any, Any]]] = {name: [] for name in ww.topics}
    for name, topic in ww.topics.items():
        async def send(*, key: Any = None, value: Any = None, _name: str = name, **kw: Any) -> None:
            sent[_name].append((key, value))
        topic.send = send  # type: ignore[method-assign]
    return sent


def run(coro: Callable[[], Any]) -> Any:
    return asyncio.run(coro())


def test_detect_agent_sends_seed_milestones_keyed_by_dedup_key(processor, seed_path, tmp_path):
    ww = build_app(Settings(worker={"data_dir": tmp_path}), processor=processor, notifiers=[])
    sent = record_sends(ww)
    article = processor.parse(json.dumps({"id": "seed", "text": seed_path.read_text()}).encode(), "t")

    async def go() -> None:
        async with ww.app.agents["detect-milestones"].test_context() as agent:
            await agent.put(article.model_dump_json().encode(), key=b"seed")

    run(go)
    keys = {k.decode() for k, _ in sent["milestones"]}
    assert "city-breach:172955" in keys and "imminent-fall:99072" in keys
    assert all(MilestoneEvent.model_validate_json(v).dedup_key == k.decode() for k, v in sent["milestones"])
    assert ww.registry.get_sample_value("wirewatch_articles_consumed_total") == 1
    assert ww.registry.get_sample_value("wirewatch_milestones_detected_total",
                                        {"milestone": "city-breach", "country": "SY"}) == 1
    assert sent["deadletter"] == []


def test_malformed_and_crashing_articles_are_dead_lettered(processor, tmp_path):
    class Crashing(ArticleProcessor):
        def process(self, article: Article) -> list[MilestoneEvent]:
            raise RuntimeError("bug on this article")

    ww = build_app(Settings(worker={"data_dir": tmp_path}), processor=Crashing(processor.tagger, processor.detector),
                   notifiers=[])
    sent = record_sends(ww)

    async def go() -> None:
        async with ww.app.agents["detect-milestones"].test_context() as agent:
            await agent.put(b"{broken", key=b"k1")
            await agent.put(json.dumps({"id": "ok", "body": "Calm day."}).encode(), key=b"k2")

    run(go)
    records = [json.loads(v) for _, v in sent["deadletter"]]
    assert [(r["stage"], r["reason"]) for r in records] == [("parse", "invalid"), ("process", "processing_error")]
    assert "bug on this article" in records[1]["error"] and records[1]["offset"] >= 0
    assert ww.registry.get_sample_value("wirewatch_articles_rejected_total", {"reason": "processing_error"}) == 1


def test_alerts_agent_dedups_notifies_and_publishes(processor, seed_path, tmp_path):
    notifier = ListNotifier(WebhookReceiverSettings(name="list", url="http://127.0.0.1/"))
    ww = build_app(Settings(worker={"data_dir": tmp_path}), processor=processor, notifiers=[notifier],
                   now=lambda: datetime(2017, 7, 4, tzinfo=UTC))
    sent = record_sends(ww)
    article = processor.parse(json.dumps({"id": "seed", "text": seed_path.read_text()}).encode(), "t")
    breach = next(e for e in processor.process(article) if e.milestone == "city-breach")
    other_source = breach.model_copy(update={"source": "Harbour Times", "article_id": "other"})

    async def go() -> None:
        async with ww.app.agents["raise-alerts"].test_context() as agent:
            for ev in (breach, breach, other_source):
                await agent.put(ev.model_dump_json().encode(), key=breach.dedup_key.encode())
            await agent.put(b'{"not": "an event"}', key=b"junk")

    run(go)
    assert [a.sources for a in notifier.received] == [["Khaleejtimes"], ["Khaleejtimes", "Harbour Times"]]
    published = [json.loads(v)["decision"] for _, v in sent["alerts"]]
    assert published == ["new", "corroborated"]
    assert [json.loads(v)["reason"] for _, v in sent["deadletter"]] == ["invalid_event"]


def test_worker_pipeline_takes_receivers_and_backoff_from_settings(tmp_path):
    settings = Settings(worker={"data_dir": tmp_path}, alerts={
        "webhooks": [{"name": "hook", "url": "http://127.0.0.1:1/"}],
        "retry_initial_seconds": 2.0, "retry_max_seconds": 7.0})
    ww = build_app(settings, processor=ArticleProcessor.load())
    assert [n.name for n in ww.pipeline.notifiers] == ["hook"]
    assert (ww.pipeline.policy.initial_seconds, ww.pipeline.policy.max_seconds) == (2.0, 7.0)
