"""Settings: env vars with nesting, YAML file, validation errors as one-line ConfigErrors, masking."""

from __future__ import annotations

import pytest

from streams.cli import main
from streams.errors import ConfigError
from streams.settings import Settings, load_settings


def test_defaults_are_loopback_and_single_node(monkeypatch):
    monkeypatch.delenv("WIREWATCH_KAFKA_PORT", raising=False)
    s = Settings()
    assert s.kafka.bootstrap_servers == "127.0.0.1:9092"
    assert s.worker.web_host == "127.0.0.1"
    assert s.topics.replication_factor == 1
    assert s.limits.max_article_bytes == 1024 * 1024


def test_env_nested_and_yaml_file(tmp_path, monkeypatch):
    cfg = tmp_path / "ww.yaml"
    cfg.write_text("topics:\n  partitions: 6\n  articles: wires\nalerts:\n  webhooks:\n"
                   "    - {name: ops, url: 'http://127.0.0.1:9/x', secret: hunter2}\n")
    monkeypatch.setenv("WIREWATCH_TOPICS__PARTITIONS", "12")
    s = load_settings(cfg)
    assert s.topics.partitions == 12  # env wins over the file
    assert s.topics.articles == "wires"
    assert s.alerts.webhooks[0].secret is not None
    assert s.masked()["alerts"]["webhooks"][0]["secret"] == "***"


@pytest.mark.parametrize(
    ("yaml_text", "needle"),
    [
        ("topics: {partitions: 0}", "topics.partitions"),
        ("alerts: {webhooks: [{name: a, url: 'ftp://x'}]}", "alerts.webhooks.0.url"),
        ("kafka: {bootstrap: x}", "kafka.bootstrap"),
        ("topics: [1, 2", "invalid YAML"),
        ("- a\n- b", "top level must be a mapping"),
    ],
)
def test_bad_config_is_one_line_error(tmp_path, monkeypatch, yaml_text, needle):
    monkeypatch.delenv("WIREWATCH_CONFIG", raising=False)
    cfg = tmp_path / "bad.yaml"
    cfg.write_text(yaml_text)
    with pytest.raises(ConfigError) as err:
        load_settings(cfg)
    assert needle in str(err.value) and str(cfg) in str(err.value)
    assert "\n" not in str(err.value)


def test_config_show_masks_secrets(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("WIREWATCH_ALERTS__WEBHOOKS", '[{"name": "a", "url": "http://h/x", "secret": "s3cr3t"}]')
    assert main(["config", "show"]) == 0
    out = capsys.readouterr().out
    assert "s3cr3t" not in out and "***" in out and "wirewatch.articles" in out


def test_cli_config_error_exits_2_without_traceback(tmp_path, capsys):
    assert main(["--config", str(tmp_path / "missing.yaml"), "config", "show"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("wirewatch: error:") and "config file not found" in err and "Traceback" not in err
