"""deploy/alertmanager: amtool accepts the config and routes each kind of wirewatch alert where intended."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import yaml


def test_alertmanager_config_is_valid(amtool, deploy_dir):
    out = amtool("check-config", deploy_dir / "alertmanager" / "alertmanager.yml")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "SUCCESS" in out.stdout


@pytest.mark.parametrize(("labels", "receiver"), [
    ({"alertname": "WirewatchMilestoneDetected", "category": "milestone", "severity": "critical",
      "milestone": "city-breach", "country": "SY"}, "wirewatch-milestones-critical"),
    ({"alertname": "WirewatchMilestoneDetected", "category": "milestone", "severity": "warning",
      "milestone": "siege", "country": "UA"}, "wirewatch-milestones"),
    ({"alertname": "WirewatchMilestoneDetected", "category": "milestone", "severity": "info",
      "milestone": "ceasefire", "country": "LB"}, "wirewatch-milestones"),
    ({"alertname": "WirewatchWorkerDown", "category": "ops", "severity": "critical"}, "wirewatch-oncall"),
    ({"alertname": "WirewatchNotificationFailures", "category": "ops", "severity": "critical"}, "wirewatch-oncall"),
    ({"alertname": "WirewatchNoArticles", "category": "ops", "severity": "warning"}, "wirewatch-ops"),
    ({"alertname": "SomethingElse"}, "wirewatch-ops"),
])
def test_routes(amtool, deploy_dir, labels, receiver):
    out = amtool("config", "routes", "test", f"--config.file={deploy_dir / 'alertmanager' / 'alertmanager.yml'}",
                 f"--verify.receivers={receiver}", *(f"{k}={v}" for k, v in labels.items()))
    assert out.returncode == 0, out.stdout + out.stderr


def test_receivers_are_loopback_placeholders(deploy_dir):
    # tests/integration/test_prometheus.py swaps http://127.0.0.1:5001 for its own collector.
    config = yaml.safe_load((deploy_dir / "alertmanager" / "alertmanager.yml").read_text())
    urls = [w["url"] for r in config["receivers"] for w in r.get("webhook_configs", [])]
    assert urls and all(urlsplit(u).netloc == "127.0.0.1:5001" for u in urls)
