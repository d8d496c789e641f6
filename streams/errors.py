"""One exception hierarchy for wirewatch; every error carries the context a user needs to fix it.

    WirewatchError
    ├── ConfigError            settings or a config file are invalid (file, field)
    ├── InputError             one input record cannot become an Article (source, field, reason)
    │   ├── EncodingError      not UTF-8
    │   ├── TooLargeError      over the configured size limit
    │   └── InvalidArticleError  missing/empty/invalid field, unparseable JSON
    ├── RuleError              a rule pack or keyword taxonomy is invalid (file, line, field)
    ├── BrokerError            Kafka cannot be reached or refused a request (bootstrap, topic)
    └── DeliveryError          an alert could not be delivered (receiver, retryable)

The CLI catches ``WirewatchError`` and prints ``str(error)`` as one line; anything else is a bug.
"""

from __future__ import annotations


class WirewatchError(Exception):
    """Base class: ``str(err)`` is a complete one-line message for the user."""


class ConfigError(WirewatchError):
    def __init__(self, message: str, *, source: str | None = None, field: str | None = None) -> None:
        self.source = source
        self.field = field
        where = ":".join(x for x in (source, field) if x)
        super().__init__(f"{where}: {message}" if where else message)


class InputError(WirewatchError):
    """An input record was rejected. ``reason`` is a bounded label (used in metrics and summaries)."""

    reason = "invalid"

    def __init__(self, message: str, *, source: str | None = None, field: str | None = None) -> None:
        self.source = source
        self.field = field
        self.detail = message
        parts = [p for p in (source, f"field '{field}'" if field else None) if p]
        super().__init__(f"{': '.join(parts)}: {message}" if parts else message)


class EncodingError(InputError):
    reason = "encoding"


class TooLargeError(InputError):
    reason = "too_large"


class InvalidArticleError(InputError):
    reason = "invalid"


class RuleError(WirewatchError):
    def __init__(
        self, message: str, *, source: str | None = None, line: int | None = None, field: str | None = None
    ) -> None:
        self.source = source
        self.line = line
        self.field = field
        where = source or ""
        if line is not None:
            where += f":{line}"
        if field:
            where += f" ({field})" if where else field
        super().__init__(f"{where}: {message}" if where else message)


class BrokerError(WirewatchError):
    pass


class DeliveryError(WirewatchError):
    def __init__(self, message: str, *, receiver: str, retryable: bool, reason: str = "error") -> None:
        self.receiver = receiver
        self.retryable = retryable
        self.reason = reason
        super().__init__(f"receiver '{receiver}': {message}")
