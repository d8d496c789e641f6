"""Which notifier class serves which receiver config: the one place new receiver kinds are added.

Called by ``AlertPipeline.from_settings`` and the worker to turn ``settings.alerts`` into notifiers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from alerts.alertmanager import AlertmanagerNotifier
from alerts.notifier import Notifier
from alerts.slack import SlackNotifier
from alerts.webhook import WebhookNotifier
from streams.settings import (
    AlertmanagerReceiverSettings,
    AlertSettings,
    ReceiverSettings,
    SlackReceiverSettings,
    WebhookReceiverSettings,
)

NOTIFIERS: dict[type[ReceiverSettings], Callable[[Any], Notifier]] = {
    WebhookReceiverSettings: WebhookNotifier,
    SlackReceiverSettings: SlackNotifier,
    AlertmanagerReceiverSettings: AlertmanagerNotifier,
}


def build_notifiers(settings: AlertSettings) -> list[Notifier]:
    return [NOTIFIERS[type(r)](r) for r in settings.receivers()]
