"""The Faust app: thin agents that move messages between topics and call the pure steps.

    articles topic ──detect_milestones──▶ milestones topic (key = milestone:geonameid)
                         │ bad message                │
                         ▼                            ▼
                   dead-letter topic         raise_alerts (dedup state in a Faust table,
                                             co-partitioned with the milestones topic)
                                                      ├─▶ webhooks (retry, dead-letter on failure)
                                                      └─▶ alerts topic

Scaling: more partitions on the articles/milestones topics and more ``wirewatch worker`` processes
with the same ``worker.app_id`` (one consumer group). ``/metrics`` is served on the Faust web port.
"""

from __future__ import annotations

import gc
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import faust
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from pydantic import ValidationError

from alerts.alert import Alert
from alerts.metrics import AlertMetrics
from alerts.notifier import Notifier
from alerts.pipeline import NOTIFY_ON, AlertPipeline
from alerts.retry import NotifyResult
from streams.errors import InputError
from streams.metrics import StreamMetrics
from streams.milestones.model import MilestoneEvent
from streams.process import ArticleProcessor
from streams.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class Wirewatch:
    """The built app and what tests and the CLI need to reach."""

    app: faust.App
    topics: dict[str, faust.TopicT]  # articles, milestones, alerts, deadletter
    registry: CollectorRegistry
    stream_metrics: StreamMetrics
    alert_metrics: AlertMetrics
    pipeline: AlertPipeline


def _faust_broker_options(settings: Settings) -> dict[str, Any]:
    k = settings.kafka
    opts: dict[str, Any] = {"broker": ";".join(f"kafka://{h}" for h in k.bootstrap_servers.split(","))}
    if k.security_protocol != "PLAINTEXT":
        ssl_context = None
        if k.security_protocol in ("SSL", "SASL_SSL"):
            import ssl

            ssl_context = ssl.create_default_context(cafile=str(k.ssl_cafile) if k.ssl_cafile else None)
            if k.ssl_certfile:
                ssl_context.load_cert_chain(str(k.ssl_certfile), str(k.ssl_keyfile) if k.ssl_keyfile else None)
        if k.sasl_mechanism:
            opts["broker_credentials"] = faust.SASLCredentials(
                username=k.sasl_username, password=k.sasl_password.get_secret_value() if k.sasl_password else None,
                mechanism=k.sasl_mechanism, ssl_context=ssl_context)
        elif ssl_context is not None:
            opts["broker_credentials"] = faust.SSLCredentials(ssl_context)
    return opts


def build_app(
    settings: Settings,
    *,
    processor: ArticleProcessor | None = None,
    notifiers: Sequence[Notifier] | None = None,
    registry: CollectorRegistry | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Wirewatch:
    registry = registry or CollectorRegistry()
    processor = processor or ArticleProcessor.load(settings.rules, settings.limits.max_article_bytes)
    stream_metrics = StreamMetrics(registry)
    alert_metrics = AlertMetrics(registry)
    t = settings.topics
    w = settings.worker
    app = faust.App(
        w.app_id,
        store=w.store,
        datadir=str(w.data_dir),
        topic_partitions=t.partitions,
        topic_replication_factor=t.replication_factor,
        web_host=w.web_host,
        web_port=w.web_port,
        web_bind=w.web_host,
        processing_guarantee=w.processing_guarantee,
        broker_session_timeout=w.session_timeout_seconds,
        broker_commit_interval=w.commit_interval_seconds,
        producer_max_request_size=settings.limits.max_article_bytes * 2 + 4096,
        consumer_max_fetch_size=settings.limits.max_article_bytes * 2 + 4096,
        **_faust_broker_options(settings),
    )
    raw: dict[str, Any] = {"key_type": bytes, "value_type": bytes, "key_serializer": "raw", "value_serializer": "raw"}
    articles = app.topic(t.articles, **raw)
    milestones = app.topic(t.milestones, **raw)
    alerts_topic = app.topic(t.alerts, **raw)
    deadletter = app.topic(t.deadletter, **raw)
    alert_state = app.Table("alert-state", partitions=t.partitions, key_type=str)

    async def dead_letter(key: bytes | None, stage: str, reason: str, **fields: Any) -> None:
        """Every dead-letter record: stage (ingest/parse/process/alert/deliver), bounded reason, context."""
        await deadletter.send(key=key, value=json.dumps({"stage": stage, "reason": reason, **fields}).encode())

    async def dead_letter_alert(alert: Alert, result: NotifyResult) -> None:
        await dead_letter(alert.fingerprint.encode(), "deliver", result.outcome.value, receiver=result.receiver,
                          attempts=result.attempts, error=str(result.error) if result.error else None,
                          alert=alert.payload())

    pipeline = AlertPipeline.from_settings(settings.alerts, notifiers=notifiers, state=alert_state,
                                           metrics=alert_metrics, now=now, dead_letter=dead_letter_alert)

    @app.agent(articles, name="detect-milestones")
    async def detect_milestones(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            msg = event.message
            where = f"{msg.topic}[{msg.partition}]@{msg.offset}"
            stream_metrics.consumed.inc()
            t0 = time.perf_counter()
            context = {"topic": msg.topic, "partition": msg.partition, "offset": msg.offset,
                       "value": event.value.decode("utf-8", "replace")[:4096] if event.value else None}
            try:
                article = processor.parse(event.value, where)
            except InputError as e:
                stream_metrics.rejected.labels(e.reason).inc()
                await dead_letter(event.key, "parse", e.reason, error=str(e), **context)
                continue
            try:
                found = processor.process(article)
            except Exception as e:  # a bug on one article must not stop the partition: keep it and move on
                log.exception("processing failed for %s (article %s)", where, article.id)
                stream_metrics.rejected.labels("processing_error").inc()
                await dead_letter(event.key, "process", "processing_error", error=f"{type(e).__name__}: {e}",
                                  **context)
                continue
            stream_metrics.processing_seconds.observe(time.perf_counter() - t0)
            stream_metrics.lag_seconds.observe(max(0.0, (now() - article.received_at).total_seconds()))
            for found_event in found:
                stream_metrics.milestones.labels(found_event.milestone, found_event.country or "none").inc()
                await milestones.send(key=found_event.dedup_key.encode(), value=found_event.model_dump_json().encode())

    @app.agent(milestones, name="raise-alerts")
    async def raise_alerts(stream: faust.StreamT[bytes]) -> None:
        async for key, value in stream.items():
            try:
                event = MilestoneEvent.model_validate_json(value)
            except ValidationError as e:  # e.g. written by an incompatible wirewatch version
                await dead_letter(key, "alert", "invalid_event", error=str(e).splitlines()[0],
                                  value=value.decode("utf-8", "replace")[:4096])
                continue
            decision, alert, _ = await pipeline.handle(event)
            if decision in NOTIFY_ON:
                await alerts_topic.send(key=alert.fingerprint.encode(), value=json.dumps(
                    {"decision": decision.value, "alert": alert.payload()}).encode())

    @app.page("/metrics")
    async def metrics_page(web: Any, request: Any) -> Any:
        return web.bytes(generate_latest(registry), content_type=CONTENT_TYPE_LATEST.split(";")[0])

    @app.on_partitions_assigned.connect  # type: ignore[arg-type]
    async def _count_assigned(app_: faust.App, assigned: set[Any], **kwargs: Any) -> None:
        for topic in (t.articles, t.milestones):
            stream_metrics.assigned_partitions.labels(topic).set(sum(1 for tp in assigned if tp.topic == topic))

    @app.on_before_shutdown.connect  # type: ignore[arg-type]
    async def _close_notifiers(app_: faust.App, **kwargs: Any) -> None:
        await pipeline.close()

    topics = {"articles": articles, "milestones": milestones, "alerts": alerts_topic, "deadletter": deadletter}
    return Wirewatch(app, topics, registry, stream_metrics, alert_metrics, pipeline)


def run_worker(settings: Settings, loglevel: str = "info") -> None:
    """Blocks until SIGINT/SIGTERM. Creates missing topics first (Faust only creates its own)."""
    from streams.topics import ensure_topics

    ensure_topics(settings)
    settings.worker.data_dir.mkdir(parents=True, exist_ok=True)
    ww = build_app(settings)
    gc.freeze()  # the gazetteer is long-lived: keep the collector from rescanning it on every cycle
    worker = faust.Worker(ww.app, loglevel=loglevel, quiet=True)
    worker.spinner = None  # the start-up spinner writes cursor escapes into logs and the demo output
    worker.execute_from_commandline()
