"""Slack and Alertmanager notifiers against a real loopback HTTP server; the notifier registry."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from aiohttp import web

from alerts.alert import Alert
from alerts.alertmanager import AlertmanagerNotifier, alertmanager_alerts
from alerts.registry import build_notifiers
from alerts.slack import SlackNotifier
from alerts.webhook import WebhookNotifier
from streams.errors import ConfigError, DeliveryError
from streams.settings import AlertmanagerReceiverSettings, AlertSettings, SlackReceiverSettings, load_settings


async def capture(make: Callable[[str], Any], alert: Alert, status: int = 200,
                  errors: list[DeliveryError] | None = None) -> list[tuple[str, Any]]:
    """Build a notifier for a loopback server's base URL, notify it once, close it; return what the
    server recorded as (path, JSON body). With ``errors``, a DeliveryError is kept there, not raised."""
    got: list[tuple[str, Any]] = []

    async def handle(request: web.Request) -> web.Response:
        got.append((request.path, json.loads(await request.read())))
        return web.Response(status=status)

    app = web.Application()
    app.router.add_post("/{tail:.*}", handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    notifier = make(f"http://127.0.0.1:{port}")
    try:
        await notifier.notify(alert)
    except DeliveryError as e:
        if errors is None:
            raise
        errors.append(e)
    finally:
        await notifier.close()
        await runner.cleanup()
    return got


def test_slack_message(clock, make_event):
    alert = Alert.first(make_event(), clock())
    [(path, body)] = asyncio.run(capture(
        lambda base: SlackNotifier(SlackReceiverSettings(name="slack", url=f"{base}/services/T0/B0/x")), alert))
    assert path == "/services/T0/B0/x"
    assert body["text"] == "city-breach in Raqqa (SY)"
    assert "*city-breach* in *Raqqa (SY)* — confirmed" in body["blocks"][0]["text"]["text"]
    assert body["blocks"][1]["text"]["text"] == "> SDF breached the wall of Raqqa."


def test_alertmanager_payload_has_bounded_labels(clock, make_event):
    alert = Alert.first(make_event(), clock())
    [(path, body)] = asyncio.run(capture(
        lambda base: AlertmanagerNotifier(AlertmanagerReceiverSettings(name="am", url=base + "/"), now=clock), alert))
    assert path == "/api/v2/alerts"
    assert body[0]["labels"] == {"alertname": "WirewatchMilestone", "milestone": "city-breach",
                                 "severity": "critical", "country": "SY", "geonameid": "172955",
                                 "status": "confirmed", "source": "wirewatch"}
    assert body[0]["annotations"]["place"] == "Raqqa"
    assert body[0]["endsAt"] == (clock() + timedelta(minutes=60)).isoformat()


def test_alertmanager_4xx_is_permanent(clock, make_event):
    alert = Alert.first(make_event(), clock())
    errors: list[DeliveryError] = []
    got = asyncio.run(capture(lambda base: AlertmanagerNotifier(AlertmanagerReceiverSettings(name="am", url=base)),
                              alert, status=400, errors=errors))
    assert len(got) == 1  # one request, not retried by the notifier itself
    [err] = errors
    assert not err.retryable and err.reason == "http_4xx"


def test_registry_builds_one_notifier_per_receiver_of_each_kind():
    settings = AlertSettings(webhooks=[{"name": "w", "url": "http://127.0.0.1:1/"}],
                             slack=[{"name": "s", "url": "https://hooks.slack.invalid/x"}],
                             alertmanager=[{"name": "a", "url": "http://127.0.0.1:9093"}])
    kinds = [type(n) for n in build_notifiers(settings)]
    assert kinds == [WebhookNotifier, SlackNotifier, AlertmanagerNotifier]


def test_receiver_names_must_be_unique(tmp_path):
    cfg = tmp_path / "c.yaml"
    cfg.write_text("alerts:\n  webhooks: [{name: ops, url: 'http://a/'}]\n  slack: [{name: ops, url: 'http://b/'}]\n")
    with pytest.raises(ConfigError, match="repeated: ops"):
        load_settings(cfg)


def test_alertmanager_alerts_resolve_time_is_configurable(clock, make_event):
    [am] = alertmanager_alerts(Alert.first(make_event(), clock()), clock(), timedelta(minutes=5))
    assert am["endsAt"] == (clock() + timedelta(minutes=5)).isoformat()
