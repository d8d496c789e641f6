"""deploy/prometheus: the configs load in promtool, the rules pass their promtool unit tests, and every
expression uses metrics the workers really expose."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

SEVERITIES = {"info", "warning", "critical"}
CATEGORIES = {"milestone", "ops"}


def load_rules(deploy_dir: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load((deploy_dir / "prometheus" / "rules" / "wirewatch.rules.yml").read_text())
    return [rule | {"group": g} for g in data["groups"] for rule in g["rules"]]


@pytest.mark.parametrize("config", ["prometheus.yml", "prometheus.compose.yml"])
def test_prometheus_config_is_valid(promtool, deploy_dir, config):
    out = promtool("check", "config", deploy_dir / "prometheus" / config)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "SUCCESS" in out.stdout


def test_rules_pass_promtool_check_and_unit_tests(promtool, deploy_dir):
    rules = deploy_dir / "prometheus" / "rules"
    check = promtool("check", "rules", rules / "wirewatch.rules.yml")
    assert check.returncode == 0, check.stdout + check.stderr
    unit = promtool("test", "rules", "wirewatch.rules.test.yml", cwd=rules)
    assert unit.returncode == 0, unit.stdout + unit.stderr
    assert "SUCCESS" in unit.stdout


def test_rule_expressions_use_registered_metrics(deploy_dir, queryable_series, metric_names):
    rules = load_rules(deploy_dir)
    recorded = {r["record"] for r in rules if "record" in r}
    for rule in rules:
        used = metric_names(rule["expr"])
        assert used, f"no metric found in {rule['expr']!r}"
        unknown = used - queryable_series - recorded
        assert not unknown, f"{rule.get('alert') or rule.get('record')}: {sorted(unknown)} not registered by the code"


def test_rules_watch_throughput_dead_letters_milestones_latency_and_delivery(deploy_dir, metric_names):
    used = {n for r in load_rules(deploy_dir) for n in metric_names(r["expr"])}
    assert used >= {"up", "wirewatch_articles_consumed_total", "wirewatch_articles_rejected_total",
                    "wirewatch_milestones_detected_total", "wirewatch_article_processing_seconds_bucket",
                    "wirewatch_notifications_total"}


def test_alerts_carry_routing_labels_and_a_summary(deploy_dir):
    alerts = [r for r in load_rules(deploy_dir) if "alert" in r]
    assert {a["alert"] for a in alerts} >= {"WirewatchMilestoneDetected", "WirewatchWorkerDown",
                                            "WirewatchDeadLetters", "WirewatchNotificationFailures",
                                            "WirewatchNoArticles"}
    for a in alerts:
        assert a["labels"]["severity"] in SEVERITIES, a["alert"]
        assert a["labels"]["category"] in CATEGORIES, a["alert"]
        assert a["annotations"]["summary"], a["alert"]


def test_milestone_alerts_fire_on_first_evaluation_for_every_severity(deploy_dir):
    milestone = [r for r in load_rules(deploy_dir) if r.get("alert") == "WirewatchMilestoneDetected"]
    assert {r["labels"]["severity"] for r in milestone} == SEVERITIES
    assert all(r.get("for", "0m") in ("0m", "0s") for r in milestone)
    assert all("by (milestone, country)" in r["expr"] for r in milestone)
    # Brand-new label sets are caught through their _created series (see the rules file's header).
    assert all("wirewatch_milestones_detected_created" in r["expr"] for r in milestone)


def test_rule_groups_follow_the_global_evaluation_interval(deploy_dir):
    # The integration test evaluates every second through evaluation_interval; a group interval would win.
    data = yaml.safe_load((deploy_dir / "prometheus" / "rules" / "wirewatch.rules.yml").read_text())
    assert all("interval" not in g for g in data["groups"])


def test_metric_name_lexer(metric_names):
    expr = ('histogram_quantile(0.95, sum by (le) (rate(a_bucket{job="x", q=~"$i"}[$__rate_interval])))'
            ' / on (job) group_left (x) b offset 5m or c:rec unless vector(1) > 1e3 and d')
    assert metric_names(expr) == {"a_bucket", "b", "c:rec", "d"}


def test_milestone_alert_severities_match_the_rule_pack(deploy_dir):
    pack = yaml.safe_load((deploy_dir.parent / "seeds" / "rules" / "conflict.yaml").read_text())
    by_severity: dict[str, set[str]] = {}
    for m in pack["milestones"]:
        by_severity.setdefault(m["severity"], set()).add(m["id"])
    rules = {r["labels"]["severity"]: r["expr"] for r in load_rules(deploy_dir)
             if r.get("alert") == "WirewatchMilestoneDetected"}
    # The critical and warning rules list their milestones; the info rule takes everything else.
    listed: dict[str, set[str]] = {}
    for severity, expr in rules.items():
        lists = set(re.findall(r'milestone(=~|!~)"([^"]+)"', expr))
        assert len(lists) == 1, f"{severity}: one milestone matcher, used consistently"
        op, names = lists.pop()
        listed[severity] = set(names.split("|"))
        assert op == ("!~" if severity == "info" else "=~"), severity
    assert listed["critical"] == by_severity.get("critical", set())
    assert listed["warning"] == by_severity.get("warning", set())
    assert listed["info"] == listed["critical"] | listed["warning"]
