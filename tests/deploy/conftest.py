"""Fixtures for the deploy/ checks: paths, the promtool/amtool binaries, and the metric names the
workers really expose (built from the code's metric containers, so a renamed metric breaks these tests
rather than a dashboard in production).

These are unit-level: nothing is started. promtool and amtool come from deploy/prometheus/install-tools.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from prometheus_client import CollectorRegistry

from alerts.metrics import AlertMetrics
from streams.metrics import StreamMetrics

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"

# Series Prometheus itself makes (not exposed by the workers) that dashboards and rules may use.
PROMETHEUS_SERIES = {"up", "ALERTS", "ALERTS_FOR_STATE"}
# Sample suffixes prometheus_client exposes per metric type (text format, created series enabled).
_SUFFIXES = {"counter": ("_total", "_created"), "histogram": ("_bucket", "_count", "_sum", "_created"),
             "gauge": ("",), "summary": ("", "_count", "_sum", "_created"), "info": ("_info",)}


@pytest.fixture(scope="session")
def deploy_dir() -> Path:
    return DEPLOY


@pytest.fixture(scope="session")
def registered_families() -> dict[str, str]:
    """Metric family name → type, for every metric the stream and alert metric containers register."""
    registry = CollectorRegistry()
    StreamMetrics(registry)
    AlertMetrics(registry)
    return {family.name: family.type for family in registry.collect()}


@pytest.fixture(scope="session")
def exposed_series(registered_families: dict[str, str]) -> set[str]:
    """Every series name a worker's /metrics can contain (``_total``, ``_bucket``, ``_created``, ...)."""
    return {name + suffix for name, kind in registered_families.items() for suffix in _SUFFIXES[kind]}


@pytest.fixture(scope="session")
def queryable_series(exposed_series: set[str]) -> set[str]:
    """What a dashboard or rule may query: the workers' series and the ones Prometheus makes itself."""
    return exposed_series | PROMETHEUS_SERIES


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|`[^`]*`')
_MATCHERS = re.compile(r"\{[^}]*\}")
_RANGE = re.compile(r"\[[^\]]*\]")
_GROUPING = re.compile(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")
_TOKEN = re.compile(r"\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[a-zA-Z]*|([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?")
_KEYWORDS = {"and", "or", "unless", "offset", "bool", "by", "without", "on", "ignoring", "group_left",
             "group_right", "inf", "nan", "Inf", "NaN"}


def _metric_names(expr: str) -> set[str]:
    """Metric names in a PromQL expression (rough lexer: enough for the expressions in deploy/)."""
    text = _STRING.sub('""', expr)
    text = _MATCHERS.sub("", text)
    text = _RANGE.sub("", text)
    text = _GROUPING.sub("", text)
    names = set()
    for m in _TOKEN.finditer(text):
        ident, call = m.group(1), m.group(2)
        if ident and not call and ident not in _KEYWORDS:
            names.add(ident)
    return names


@pytest.fixture(scope="session")
def metric_names() -> Callable[[str], set[str]]:
    """``metric_names('sum(rate(x_total{a="b"}[5m])) / y')`` → ``{'x_total', 'y'}``."""
    return _metric_names


def _tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        pytest.skip(f"{name} not on PATH: run deploy/prometheus/install-tools (Debian prometheus / "
                    f"prometheus-alertmanager packages)")
    return path


@pytest.fixture(scope="session")
def promtool() -> Callable[..., subprocess.CompletedProcess[str]]:
    path = _tool("promtool")

    def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([path, *map(str, args)], capture_output=True, text=True, timeout=60, cwd=cwd)

    return run


@pytest.fixture(scope="session")
def amtool() -> Callable[..., subprocess.CompletedProcess[str]]:
    path = _tool("amtool")

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([path, *map(str, args)], capture_output=True, text=True, timeout=60)

    return run
