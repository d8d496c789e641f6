"""Settings: one pydantic-settings object, from ``WIREWATCH_*`` env vars and an optional YAML file.

Nested sections use ``__`` in env names: ``WIREWATCH_KAFKA__BOOTSTRAP_SERVERS=host:9092``,
``WIREWATCH_TOPICS__PARTITIONS=8``. A YAML file is read from ``WIREWATCH_CONFIG`` (or the CLI's
``--config``); env vars win over the file. Build once at start-up and pass down explicitly;
tests construct ``Settings(...)`` directly.

    >>> s = Settings(kafka={"bootstrap_servers": "127.0.0.1:19092"})
    >>> s.kafka.bootstrap_servers
    '127.0.0.1:19092'
"""

from __future__ import annotations

import contextvars
import os
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from streams.errors import ConfigError

# The YAML file named by --config for the Settings() call in progress (else WIREWATCH_CONFIG).
_config_path: contextvars.ContextVar[str | None] = contextvars.ContextVar("wirewatch_config", default=None)
_Frozen = ConfigDict(frozen=True, extra="forbid")


class KafkaSettings(BaseModel):
    model_config = _Frozen
    bootstrap_servers: str = Field(
        default_factory=lambda: f"127.0.0.1:{os.environ.get('WIREWATCH_KAFKA_PORT', '9092')}"
    )
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = None
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    ssl_cafile: Path | None = None
    ssl_certfile: Path | None = None
    ssl_keyfile: Path | None = None

    def kafka_python_options(self) -> dict[str, Any]:
        """Options for kafka-python clients (producer, consumer, admin)."""
        opts: dict[str, Any] = {"bootstrap_servers": self.bootstrap_servers.split(","),
                                "security_protocol": self.security_protocol}
        if self.sasl_mechanism:
            opts.update(sasl_mechanism=self.sasl_mechanism, sasl_plain_username=self.sasl_username,
                        sasl_plain_password=self.sasl_password.get_secret_value() if self.sasl_password else None)
        for key in ("ssl_cafile", "ssl_certfile", "ssl_keyfile"):
            if getattr(self, key):
                opts[key] = str(getattr(self, key))
        return opts


class TopicSettings(BaseModel):
    model_config = _Frozen
    articles: str = "wirewatch.articles"
    milestones: str = "wirewatch.milestones"
    alerts: str = "wirewatch.alerts"
    deadletter: str = "wirewatch.deadletter"
    partitions: int = Field(default=4, ge=1, le=1000)
    replication_factor: int = Field(default=1, ge=1, le=10)


class LimitSettings(BaseModel):
    model_config = _Frozen
    max_article_bytes: int = Field(default=1024 * 1024, ge=256)


class WorkerSettings(BaseModel):
    model_config = _Frozen
    app_id: str = "wirewatch"
    web_host: str = "127.0.0.1"
    web_port: int = Field(default=6066, ge=1, le=65535)
    data_dir: Path = Path(".wirewatch/worker")
    store: str = "memory://"  # "rocksdb://" for RocksDB tables (needs faust-streaming[rocksdict])
    processing_guarantee: Literal["at_least_once", "exactly_once"] = "at_least_once"
    # How long the group waits for a silent (crashed) worker before moving its partitions elsewhere.
    session_timeout_seconds: float = Field(default=30.0, ge=6, le=300)
    # How often processed offsets are committed: after a crash, at most this much work is done again.
    commit_interval_seconds: float = Field(default=2.8, gt=0, le=60)


class ReceiverSettings(BaseModel):
    """What every receiver has: a name (a metric label), filters, and delivery limits."""

    model_config = _Frozen
    name: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_.-]+$")
    url: str
    timeout_seconds: float = Field(default=5.0, gt=0, le=120)
    max_attempts: int = Field(default=5, ge=1, le=50)
    milestones: list[str] = Field(default_factory=list, description="only these milestones; empty = all")
    min_severity: Literal["info", "warning", "critical"] = "info"

    @field_validator("url")
    @classmethod
    def _http_url(cls, v: str) -> str:
        if not v.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return v


class WebhookReceiverSettings(ReceiverSettings):
    """A webhook: alerts POSTed as JSON, signed with HMAC-SHA256 when a secret is set."""

    secret: SecretStr | None = None


class SlackReceiverSettings(ReceiverSettings):
    """A Slack incoming-webhook URL: alerts posted as a message with the evidence sentence."""


class AlertmanagerReceiverSettings(ReceiverSettings):
    """A Prometheus Alertmanager (base URL): alerts POSTed to /api/v2/alerts with milestone labels."""

    resolve_after_minutes: float = Field(default=60.0, gt=0, le=10080)


class AlertSettings(BaseModel):
    model_config = _Frozen
    webhooks: list[WebhookReceiverSettings] = Field(default_factory=list)
    slack: list[SlackReceiverSettings] = Field(default_factory=list)
    alertmanager: list[AlertmanagerReceiverSettings] = Field(default_factory=list)
    retry_initial_seconds: float = Field(default=0.5, ge=0)
    retry_max_seconds: float = Field(default=30.0, ge=0)

    @model_validator(mode="after")
    def _unique_names(self) -> AlertSettings:
        names = [r.name for r in self.receivers()]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"receiver names must be unique, repeated: {', '.join(dupes)}")
        return self

    def receivers(self) -> list[ReceiverSettings]:
        return [*self.webhooks, *self.slack, *self.alertmanager]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WIREWATCH_", env_nested_delimiter="__", frozen=True,
                                      extra="forbid")

    kafka: KafkaSettings = Field(default_factory=KafkaSettings)
    topics: TopicSettings = Field(default_factory=TopicSettings)
    limits: LimitSettings = Field(default_factory=LimitSettings)
    worker: WorkerSettings = Field(default_factory=WorkerSettings)
    alerts: AlertSettings = Field(default_factory=AlertSettings)
    rules: Path | None = None  # milestone rule pack; None = the default pack in seeds/rules/

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, _YamlSource(settings_cls)

    def masked(self) -> dict[str, Any]:
        """Effective settings as plain data, secrets shown as '***'."""
        masked: dict[str, Any] = _mask(self.model_dump(mode="python"))
        return masked


class _YamlSource(PydanticBaseSettingsSource):
    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        path = _config_path.get() or os.environ.get("WIREWATCH_CONFIG")
        return read_yaml_config(Path(path)) if path else {}


def read_yaml_config(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("config file not found", source=str(path)) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ConfigError(f"invalid YAML: {getattr(e, 'problem', e)}", source=where) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("top level must be a mapping", source=str(path))
    return data


def load_settings(config: Path | None = None, **overrides: Any) -> Settings:
    """Build the settings, turning validation errors into a one-line ``ConfigError``."""
    token = _config_path.set(str(config) if config is not None else None)
    try:
        return Settings(**overrides)
    except ValidationError as e:
        err = e.errors()[0]
        field = ".".join(str(p) for p in err["loc"])
        source = _config_path.get() or os.environ.get("WIREWATCH_CONFIG") or "settings"
        raise ConfigError(err["msg"], source=source, field=field) from None
    finally:
        _config_path.reset(token)


def _mask(value: Any) -> Any:
    if isinstance(value, SecretStr):
        return "***"
    if isinstance(value, dict):
        return {k: _mask(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_mask(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value
