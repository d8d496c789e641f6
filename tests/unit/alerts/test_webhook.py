"""Webhook delivery against a real loopback HTTP server (alerts.receiver.WebhookReceiver)."""

from __future__ import annotations

import asyncio
import socket

import pytest
from prometheus_client import CollectorRegistry

from alerts.alert import Alert
from alerts.metrics import AlertMetrics
from alerts.pipeline import AlertPipeline
from alerts.receiver import WebhookReceiver
from alerts.retry import NotifyOutcome, NotifyResult, RetryPolicy, deliver_with_retry
from alerts.webhook import WebhookNotifier, sign
from streams.errors import DeliveryError
from streams.settings import WebhookReceiverSettings


def receiver_config(url: str, **kw: object) -> WebhookReceiverSettings:
    return WebhookReceiverSettings(name="ops", url=url, **kw)  # type: ignore[arg-type]


async def no_sleep(_: float) -> None:
    return None


def test_signed_delivery_is_verified_by_the_receiver(clock, make_event):
    async def go() -> list[dict[str, object]]:
        rx = WebhookReceiver(secret=b"k3y")
        url = await rx.start()
        n = WebhookNotifier(receiver_config(url, secret="k3y"))
        try:
            await n.notify(Alert.first(make_event(), clock()))
        finally:
            await n.close()
            await rx.stop()
        return rx.alerts

    alerts = asyncio.run(go())
    assert alerts[0]["milestone"] == "city-breach" and alerts[0]["geonameid"] == 172955
    assert alerts[0]["corroborated"] is False


def test_wrong_secret_is_rejected_permanently(clock, make_event):
    async def go() -> DeliveryError:
        rx = WebhookReceiver(secret=b"right")
        url = await rx.start()
        n = WebhookNotifier(receiver_config(url, secret="wrong"))
        try:
            with pytest.raises(DeliveryError) as err:
                await n.notify(Alert.first(make_event(), clock()))
            return err.value
        finally:
            await n.close()
            await rx.stop()

    err = asyncio.run(go())
    assert not err.retryable and err.reason == "http_4xx" and "401" in str(err)


def test_signature_is_hmac_over_timestamp_and_body():
    assert sign(b"k", "1", b"{}") != sign(b"k", "2", b"{}")
    assert sign(b"k", "1", b"{}").startswith("sha256=") and len(sign(b"k", "1", b"{}")) == 71


def test_503s_are_retried_then_delivered(clock, make_event):
    async def go() -> tuple[NotifyResult, int]:
        rx = WebhookReceiver(fail_first=2)
        url = await rx.start()
        n = WebhookNotifier(receiver_config(url, max_attempts=4))
        try:
            r = await deliver_with_retry(n, Alert.first(make_event(), clock()), RetryPolicy(), sleep=no_sleep)
        finally:
            await n.close()
            await rx.stop()
        return r, rx.requests

    result, requests = asyncio.run(go())
    assert result.outcome is NotifyOutcome.DELIVERED and result.attempts == 3 and requests == 3


def test_connection_refused_gives_up_after_max_attempts_and_dead_letters(clock, make_event):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    dead: list[tuple[Alert, NotifyResult]] = []
    sleeps: list[float] = []

    async def record_sleep(d: float) -> None:
        sleeps.append(d)

    async def to_dlq(alert: Alert, result: NotifyResult) -> None:
        dead.append((alert, result))

    registry = CollectorRegistry()
    pipeline = AlertPipeline(state={}, notifiers=[WebhookNotifier(receiver_config(f"http://127.0.0.1:{port}/x",
                                                                                  max_attempts=3))],
                             metrics=AlertMetrics(registry), now=clock, dead_letter=to_dlq, sleep=record_sleep,
                             policy=RetryPolicy(initial_seconds=1, max_seconds=2))

    async def go() -> None:
        try:
            await pipeline.handle(make_event())
        finally:
            await pipeline.close()

    asyncio.run(go())
    assert len(dead) == 1 and dead[0][1].outcome is NotifyOutcome.GAVE_UP and dead[0][1].attempts == 3
    assert len(sleeps) == 2 and all(0 <= d <= 2 for d in sleeps)
    assert registry.get_sample_value("wirewatch_notifications_total", {"receiver": "ops", "outcome": "gave_up"}) == 1
    assert registry.get_sample_value("wirewatch_notification_attempts_total",
                                     {"receiver": "ops", "reason": "connection"}) == 3


def test_backoff_is_capped_exponential_with_jitter():
    p = RetryPolicy(initial_seconds=0.5, max_seconds=4)
    assert [p.delay(a, lambda: 1.0) for a in range(1, 6)] == [0.5, 1.0, 2.0, 4.0, 4.0]
    assert p.delay(3, lambda: 0.25) == 0.5
