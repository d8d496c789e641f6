"""Webhook receiver: POST the alert as JSON, signed with HMAC-SHA256 when the receiver has a secret.

Signature: header ``X-Wirewatch-Signature: sha256=<hex>`` over ``<timestamp>.<body>`` with header
``X-Wirewatch-Timestamp: <unix seconds>`` — receivers recompute it and reject stale timestamps
(``alerts.receiver.WebhookReceiver`` does). Body: ``{"version": 1, "alert": {...}}``.

    >>> sign(b"secret", "1500000000", b"{}")[:7]
    'sha256='
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable

from alerts.alert import Alert
from alerts.http import HttpPoster
from streams.settings import WebhookReceiverSettings


def sign(secret: bytes, timestamp: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


class WebhookNotifier:
    def __init__(self, config: WebhookReceiverSettings, clock: Callable[[], float] = time.time) -> None:
        self.name = config.name
        self.config = config
        self._clock = clock
        self._http = HttpPoster(config.name, config.timeout_seconds)

    async def notify(self, alert: Alert) -> None:
        body = json.dumps({"version": 1, "alert": alert.payload()}, sort_keys=True).encode()
        ts = str(int(self._clock()))
        headers = {"Content-Type": "application/json", "X-Wirewatch-Timestamp": ts,
                   "X-Wirewatch-Alert": alert.fingerprint}
        if self.config.secret is not None:
            headers["X-Wirewatch-Signature"] = sign(self.config.secret.get_secret_value().encode(), ts, body)
        await self._http.post(self.config.url, body, headers)

    async def close(self) -> None:
        await self._http.close()
