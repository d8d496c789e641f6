"""deploy/grafana: the dashboard is well-formed Grafana JSON whose queries only use metrics the workers
expose, and the provisioning files point at it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml


@pytest.fixture(scope="module")
def dashboard(deploy_dir: Path) -> dict[str, Any]:
    return dict(json.loads((deploy_dir / "grafana" / "dashboards" / "wirewatch.json").read_text()))


def all_panels(panels: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for p in panels:
        yield p
        yield from all_panels(p.get("panels", []))


def exprs(dashboard: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for p in all_panels(dashboard["panels"]):
        for t in p.get("targets", []):
            yield p["title"], t["expr"]
    for a in dashboard["annotations"]["list"]:
        if "expr" in a:
            yield a["name"], a["expr"]
    for v in dashboard["templating"]["list"]:
        if v["type"] == "query":
            yield v["name"], v["definition"].removeprefix("label_values(").rsplit(",", 1)[0]


def test_dashboard_shape(dashboard):
    assert dashboard["uid"] == "wirewatch" and dashboard["title"] and isinstance(dashboard["schemaVersion"], int)
    panels = list(all_panels(dashboard["panels"]))
    ids = [p["id"] for p in panels]
    assert all(isinstance(i, int) for i in ids) and len(ids) == len(set(ids)), "panel ids must be unique"
    cells: set[tuple[int, int]] = set()
    for p in panels:
        g = p["gridPos"]
        assert g["w"] >= 1 and g["h"] >= 1 and g["x"] >= 0 and g["x"] + g["w"] <= 24, p["title"]
        mine = {(x, y) for x in range(g["x"], g["x"] + g["w"]) for y in range(g["y"], g["y"] + g["h"])}
        assert not cells & mine, f"panel {p['title']!r} overlaps another"
        cells |= mine
        if p["type"] == "row":
            continue
        assert p["datasource"] == {"type": "prometheus", "uid": "${datasource}"}, p["title"]
        refs = [t["refId"] for t in p["targets"]]
        assert refs and len(refs) == len(set(refs)), p["title"]
        assert all(t["expr"].strip() for t in p["targets"]), p["title"]
    assert {v["name"] for v in dashboard["templating"]["list"]} == {"datasource", "instance"}


def test_dashboard_queries_use_registered_metrics(dashboard, queryable_series, metric_names):
    for where, expr in exprs(dashboard):
        used = metric_names(expr)
        assert used, f"{where}: no metric in {expr!r}"
        assert not used - queryable_series, f"{where}: {sorted(used - queryable_series)} not registered by the code"


def test_dashboard_shows_throughput_latency_milestones_decisions_delivery_and_dead_letters(dashboard, metric_names):
    used = {n for _, e in exprs(dashboard) for n in metric_names(e)}
    assert used >= {"wirewatch_articles_consumed_total", "wirewatch_article_processing_seconds_bucket",
                    "wirewatch_milestones_detected_total", "wirewatch_alert_decisions_total",
                    "wirewatch_notifications_total", "wirewatch_notification_attempts_total",
                    "wirewatch_notification_duration_seconds_bucket", "wirewatch_articles_rejected_total"}
    latency = [e for _, e in exprs(dashboard) if "wirewatch_article_processing_seconds_bucket" in e]
    assert any("histogram_quantile(0.5," in e for e in latency)
    assert any("histogram_quantile(0.95," in e for e in latency)
    assert any("by (milestone, country)" in e for _, e in exprs(dashboard))


def test_provisioning_points_at_the_dashboard_and_prometheus(deploy_dir):
    prov = deploy_dir / "grafana" / "provisioning"
    ds = yaml.safe_load((prov / "datasources" / "wirewatch.yml").read_text())
    assert ds["apiVersion"] == 1
    assert [d for d in ds["datasources"] if d["type"] == "prometheus" and d.get("isDefault")]
    providers = yaml.safe_load((prov / "dashboards" / "wirewatch.yml").read_text())["providers"]
    compose = yaml.safe_load((deploy_dir / "docker-compose.yml").read_text())
    mounts = {m.split(":")[1]: m.split(":")[0] for m in compose["services"]["grafana"]["volumes"]}
    for p in providers:
        # The provider's path is where compose mounts deploy/grafana/dashboards.
        assert (deploy_dir / mounts[p["options"]["path"]] / "wirewatch.json").is_file()
