"""A small webhook receiver: accepts wirewatch alerts over HTTP, checks signatures, keeps and prints them.

Used by ``wirewatch receiver`` (to try webhooks locally), by the demo, and by the integration tests as
the real loopback HTTP server on the other end of ``alerts.webhook``.

    >>> r = WebhookReceiver(secret=b"s3cret")  # then: await r.start("127.0.0.1", 0); r.url
"""

from __future__ import annotations

import asyncio
import hmac
import json
import time
from collections.abc import Callable
from typing import Any

from aiohttp import web

from alerts.webhook import sign

MAX_SKEW_SECONDS = 300


class WebhookReceiver:
    def __init__(self, secret: bytes | None = None, on_alert: Callable[[dict[str, Any]], None] | None = None,
                 fail_first: int = 0) -> None:
        self.secret = secret
        self.on_alert = on_alert
        self.fail_first = fail_first  # answer 503 to the first N requests (to exercise retries)
        self.alerts: list[dict[str, Any]] = []
        self.requests = 0
        self._runner: web.AppRunner | None = None
        self.url = ""
        self.arrived = asyncio.Event()

    def _verify(self, request: web.Request, body: bytes) -> str | None:
        if self.secret is None:
            return None
        ts = request.headers.get("X-Wirewatch-Timestamp", "")
        given = request.headers.get("X-Wirewatch-Signature", "")
        if not ts.isdigit() or abs(time.time() - int(ts)) > MAX_SKEW_SECONDS:
            return "missing or stale timestamp"
        if not hmac.compare_digest(given, sign(self.secret, ts, body)):
            return "bad signature"
        return None

    async def _handle(self, request: web.Request) -> web.Response:
        self.requests += 1
        body = await request.read()
        if self.requests <= self.fail_first:
            return web.json_response({"error": "try again"}, status=503)
        problem = self._verify(request, body)
        if problem:
            return web.json_response({"error": problem}, status=401)
        try:
            alert = json.loads(body)["alert"]
        except (ValueError, KeyError, TypeError):
            return web.json_response({"error": "expected {\"alert\": {...}}"}, status=400)
        self.alerts.append(alert)
        self.arrived.set()
        if self.on_alert:
            self.on_alert(alert)
        return web.json_response({"ok": True})

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        app = web.Application()
        app.router.add_post("/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        sockets = site._server.sockets if site._server else []  # type: ignore[attr-defined]
        bound = sockets[0].getsockname()[1] if sockets else port
        self.url = f"http://{host}:{bound}/alerts"
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


def format_alert(alert: dict[str, Any]) -> str:
    where = f"{alert.get('place')} ({alert.get('country') or '?'}, GeoNames {alert.get('geonameid')})"
    sources = ", ".join(alert.get("sources", []))
    status = f"{alert.get('status')}{', CORROBORATED' if alert.get('corroborated') else ''}"
    return (f"ALERT [{alert.get('severity')}] {alert.get('milestone')} — {where} — {status}, "
            f"sources: {sources}\n    \"{alert.get('evidence', '').strip()}\"")
