"""Slack receiver: post the alert to a Slack incoming webhook as a short message.

The text names the milestone, place, country, status and sources, then quotes the evidence sentence.
"""

from __future__ import annotations

import json

from alerts.alert import Alert
from alerts.http import HttpPoster
from streams.settings import SlackReceiverSettings

_EMOJI = {"critical": ":rotating_light:", "warning": ":warning:", "info": ":information_source:"}


def slack_message(alert: Alert) -> dict[str, object]:
    where = f"{alert.place} ({alert.country or '?'})"
    corroborated = f" — corroborated by {len(alert.sources)} sources" if alert.corroborated else ""
    head = (f"{_EMOJI[alert.severity]} *{alert.milestone}* in *{where}* — {alert.status}{corroborated}\n"
            f"sources: {', '.join(alert.sources)}")
    return {"text": f"{alert.milestone} in {where}",
            "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": head}},
                       {"type": "section", "text": {"type": "mrkdwn", "text": f"> {alert.evidence.strip()}"}}]}


class SlackNotifier:
    def __init__(self, config: SlackReceiverSettings) -> None:
        self.name = config.name
        self.config = config
        self._http = HttpPoster(config.name, config.timeout_seconds)

    async def notify(self, alert: Alert) -> None:
        body = json.dumps(slack_message(alert)).encode()
        await self._http.post(self.config.url, body, {"Content-Type": "application/json"})

    async def close(self) -> None:
        await self._http.close()
