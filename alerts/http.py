"""Posting JSON over HTTP for the HTTP receivers, with one rule for what is retryable.

2xx delivered; 408/425/429/5xx, timeouts and connection errors retryable; any other status permanent.
Called by each HTTP notifier's ``notify``; raises ``DeliveryError`` with a bounded ``reason``.
"""

from __future__ import annotations

import aiohttp

from streams.errors import DeliveryError

RETRYABLE_STATUS = {408, 425, 429, 500, 502, 503, 504}


class HttpPoster:
    """One aiohttp session per receiver, opened on first use and closed by ``close()``."""

    def __init__(self, receiver: str, timeout_seconds: float) -> None:
        self.receiver = receiver
        self.timeout_seconds = timeout_seconds
        self._session: aiohttp.ClientSession | None = None

    async def post(self, url: str, body: bytes, headers: dict[str, str]) -> None:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout_seconds))
        try:
            async with self._session.post(url, data=body, headers={"User-Agent": "wirewatch/0.1", **headers}) as r:
                await r.read()
                if 200 <= r.status < 300:
                    return
                raise DeliveryError(f"HTTP {r.status} from {url}", receiver=self.receiver,
                                    retryable=r.status in RETRYABLE_STATUS, reason=f"http_{r.status // 100}xx")
        except TimeoutError:
            raise DeliveryError(f"timed out after {self.timeout_seconds}s", receiver=self.receiver,
                                retryable=True, reason="timeout") from None
        except aiohttp.ClientError as e:
            raise DeliveryError(f"{type(e).__name__}: {e}", receiver=self.receiver, retryable=True,
                                reason="connection") from None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
