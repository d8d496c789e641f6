"""Webhook receiver: POST the alert as JSON, signed with HMAC-SHA256 when the receiver has a secret.

Signature: header ``X-Wirewatch-Signature: sha256=<hex>`` over ``<timestamp>.<body>`` with header
``X-Wirewatch-Timestamp: <unix seconds>`` — receivers recompute it and reject stale timestamps.
Outcome: 2xx delivered; 408/429/5xx, timeouts and connection errors retryable; other 4xx permanent.

    >>> sign(b"secret", "1500000000", b"{}")
    'sha256=...'  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable

import aiohttp

from alerts.alert import Alert
from streams.errors import DeliveryError
from streams.settings import WebhookReceiverSettings

_RETRYABLE_STATUS = {408, 425, 429, 500, 502, 503, 504}


def sign(secret: bytes, timestamp: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


class WebhookNotifier:
    def __init__(self, config: WebhookReceiverSettings, clock: Callable[[], float] = time.time) -> None:
        self.name = config.name
        self.config = config
        self._clock = clock
        self._session: aiohttp.ClientSession | None = None

    async def notify(self, alert: Alert) -> None:
        body = json.dumps({"version": 1, "alert": alert.payload()}, sort_keys=True).encode()
        ts = str(int(self._clock()))
        headers = {"Content-Type": "application/json", "User-Agent": "wirewatch/0.1",
                   "X-Wirewatch-Timestamp": ts, "X-Wirewatch-Alert": alert.fingerprint}
        if self.config.secret is not None:
            headers["X-Wirewatch-Signature"] = sign(self.config.secret.get_secret_value().encode(), ts, body)
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.config.timeout_seconds))
        try:
            async with self._session.post(self.config.url, data=body, headers=headers) as resp:
                await resp.read()
                if 200 <= resp.status < 300:
                    return
                raise DeliveryError(f"HTTP {resp.status} from {self.config.url}", receiver=self.name,
                                    retryable=resp.status in _RETRYABLE_STATUS, reason=f"http_{resp.status // 100}xx")
        except TimeoutError:
            raise DeliveryError(f"timed out after {self.config.timeout_seconds}s", receiver=self.name,
                                retryable=True, reason="timeout") from None
        except aiohttp.ClientError as e:
            raise DeliveryError(f"{type(e).__name__}: {e}", receiver=self.name, retryable=True,
                                reason="connection") from None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
