"""Routing stage: which receivers get an alert (by milestone and minimum severity).

Called by the pipeline once per alert that dedup decided to notify.
"""

from __future__ import annotations

from alerts.alert import SEVERITY_RANK, Alert
from streams.settings import ReceiverSettings


def wants(receiver: ReceiverSettings, alert: Alert) -> bool:
    if receiver.milestones and alert.milestone not in receiver.milestones:
        return False
    return SEVERITY_RANK[alert.severity] >= SEVERITY_RANK[receiver.min_severity]
