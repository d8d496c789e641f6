"""The monitoring path on real processes: worker /metrics → Prometheus (the shipped rules) → Alertmanager
(the shipped routes) → its webhook.

Prometheus and Alertmanager run from the Debian packages (deploy/prometheus/install-tools installs them
when missing) on free loopback ports with temporary storage. Prometheus uses a copy of
deploy/prometheus/prometheus.yml with 1 s scrape/evaluation intervals and static targets for this test's
worker and Alertmanager; Alertmanager uses deploy/alertmanager/alertmanager.yml with its webhook URLs
pointed at a loopback collector.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.integration.conftest import free_port, stop_process

REPO = Path(__file__).resolve().parents[2]
PROMETHEUS_DIR = REPO / "deploy" / "prometheus"
ALERTMANAGER_CONFIG = REPO / "deploy" / "alertmanager" / "alertmanager.yml"
INSTALL_TOOLS = PROMETHEUS_DIR / "install-tools"
BINARIES = ("prometheus", "prometheus-alertmanager")
PLACEHOLDER_WEBHOOK = "http://127.0.0.1:5001"


@pytest.fixture(scope="session")
def monitoring_binaries() -> dict[str, str]:
    """Paths of the prometheus and prometheus-alertmanager binaries, installed if missing and possible."""
    why = "needs root or passwordless sudo, and apt-get"
    if not all(shutil.which(b) for b in BINARIES):
        can_install = os.geteuid() == 0 or (shutil.which("sudo") and subprocess.run(
            ["sudo", "-n", "true"], capture_output=True).returncode == 0)
        if can_install and shutil.which("apt-get"):
            out = subprocess.run([str(INSTALL_TOOLS)], capture_output=True, text=True, timeout=600)
            why = f"{INSTALL_TOOLS.name} exited {out.returncode}: {out.stderr.strip()[-500:]}"
    found = {b: shutil.which(b) for b in BINARIES}
    missing = [b for b, path in found.items() if not path]
    if missing:
        pytest.skip(f"{', '.join(missing)} not on PATH and could not be installed ({why}); "
                    f"run {INSTALL_TOOLS.relative_to(REPO)}")
    return {b: str(p) for b, p in found.items()}


class WebhookCollector:
    """A loopback HTTP server that keeps every JSON body POSTed to it (Alertmanager's webhook payloads)."""

    def __init__(self) -> None:
        bodies: list[tuple[str, dict[str, Any]]] = []
        self.bodies = bodies

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                bodies.append((self.path, json.loads(self.rfile.read(length))))
                self.send_response(200)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(5)


class Service:
    """A server binary as a subprocess on a loopback port, logging to a file, ready when ``/-/ready`` says so."""

    def __init__(self, name: str, argv: list[str], port: int, log: Path) -> None:
        self.name = name
        self.url = f"http://127.0.0.1:{port}"
        self.log = log
        self._fh = log.open("wb")
        self.proc = subprocess.Popen(argv, stdout=self._fh, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"{self.name} exited: {self.log_tail()}"
            try:
                with urllib.request.urlopen(f"{self.url}/-/ready", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"{self.name} not ready: {self.log_tail()}")

    def get(self, path: str, **params: str) -> Any:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        with urllib.request.urlopen(f"{self.url}{path}{query}", timeout=5) as r:
            return json.loads(r.read())

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]

    def stop(self) -> None:
        stop_process(self.proc, 15)
        self._fh.close()


@pytest.fixture
def webhook_collector() -> Iterator[WebhookCollector]:
    c = WebhookCollector()
    yield c
    c.close()


@pytest.fixture
def alertmanager(monitoring_binaries: dict[str, str], webhook_collector: WebhookCollector,
                 tmp_path: Path) -> Iterator[Service]:
    config = tmp_path / "alertmanager.yml"
    text = ALERTMANAGER_CONFIG.read_text()
    assert PLACEHOLDER_WEBHOOK in text
    config.write_text(text.replace(PLACEHOLDER_WEBHOOK, webhook_collector.url))
    port = free_port()
    am = Service("alertmanager", [
        monitoring_binaries["prometheus-alertmanager"], f"--config.file={config}",
        f"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=",
        f"--storage.path={tmp_path / 'alertmanager-data'}", "--log.level=warn",
    ], port, tmp_path / "alertmanager.log")
    try:
        am.wait_ready()
        yield am
    finally:
        am.stop()


def prometheus_test_config(metrics_port: int, alertmanager_port: int) -> dict[str, Any]:
    """The shipped prometheus.yml with 1 s intervals, the rules by absolute path and static targets."""
    config = yaml.safe_load((PROMETHEUS_DIR / "prometheus.yml").read_text())
    config["global"].update(scrape_interval="1s", evaluation_interval="1s", scrape_timeout="1s")
    config["rule_files"] = [str(PROMETHEUS_DIR / f) for f in config["rule_files"]]
    config["alerting"]["alertmanagers"] = [{"static_configs": [{"targets": [f"127.0.0.1:{alertmanager_port}"]}]}]
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    worker_job = jobs["wirewatch"]
    del worker_job["file_sd_configs"]
    worker_job["static_configs"] = [{"targets": [f"127.0.0.1:{metrics_port}"]}]
    config["scrape_configs"] = [worker_job]
    return config


@pytest.fixture
def prometheus(monitoring_binaries: dict[str, str], worker: Any, alertmanager: Service,
               tmp_path: Path) -> Iterator[Service]:
    metrics_port = int(worker.env["WIREWATCH_WORKER__WEB_PORT"])
    config = tmp_path / "prometheus.yml"
    config.write_text(yaml.safe_dump(prometheus_test_config(metrics_port, int(alertmanager.url.rsplit(":", 1)[1]))))
    port = free_port()
    prom = Service("prometheus", [
        monitoring_binaries["prometheus"], f"--config.file={config}",
        f"--web.listen-address=127.0.0.1:{port}", f"--storage.tsdb.path={tmp_path / 'prometheus-data'}",
        "--log.level=warn",
    ], port, tmp_path / "prometheus.log")
    try:
        prom.wait_ready()
        yield prom
    finally:
        prom.stop()


def query(prom: Service, expr: str) -> list[dict[str, Any]]:
    body = prom.get("/api/v1/query", query=expr)
    assert body["status"] == "success", body
    return list(body["data"]["result"])


def wait_until(what: str, probe: Callable[[], Any], timeout: float, service: Service) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = probe()
        if got:
            return got
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}; {service.name} log: {service.log_tail()}")


def is_city_breach_sy(labels: dict[str, str]) -> bool:
    return (labels.get("alertname") == "WirewatchMilestoneDetected" and labels.get("milestone") == "city-breach"
            and labels.get("country") == "SY")


def test_city_breach_alert_reaches_prometheus_and_alertmanager(worker, prometheus, alertmanager, webhook_collector,
                                                                 flow_env, seed_path):
    # The worker is scraped before anything happens, so the milestone series is new when it appears.
    up = wait_until("the worker target to be up", lambda: query(prometheus, 'up{job="wirewatch"} == 1'), 60,
                    prometheus)
    assert up[0]["metric"]["instance"] == f"127.0.0.1:{flow_env['WIREWATCH_WORKER__WEB_PORT']}"

    result = subprocess.run([sys.executable, "-m", "streams.cli", "ingest", "--no-progress", str(seed_path)],
                            env=flow_env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr

    consumed = wait_until("wirewatch_articles_consumed_total >= 1 in Prometheus",
                          lambda: query(prometheus, "wirewatch_articles_consumed_total >= 1"), 60, prometheus)
    assert float(consumed[0]["value"][1]) >= 1

    def firing() -> list[dict[str, Any]]:
        alerts = prometheus.get("/api/v1/alerts")["data"]["alerts"]
        return [a for a in alerts if is_city_breach_sy(a["labels"]) and a["state"] == "firing"]

    alert = wait_until("WirewatchMilestoneDetected{milestone=city-breach} firing in Prometheus", firing, 60,
                       prometheus)[0]
    assert alert["labels"]["severity"] == "critical" and alert["labels"]["category"] == "milestone"
    assert alert["annotations"]["summary"] == "city-breach detected in SY"

    def in_alertmanager() -> list[dict[str, Any]]:
        return [a for a in alertmanager.get("/api/v2/alerts", active="true") if is_city_breach_sy(a["labels"])]

    am_alert = wait_until("the alert in Alertmanager /api/v2/alerts", in_alertmanager, 60, alertmanager)[0]
    assert am_alert["status"]["state"] == "active"
    assert [r["name"] for r in am_alert["receivers"]] == ["wirewatch-milestones-critical"]

    # Critical milestones are routed with group_wait 0s, so the webhook gets it right away.
    def delivered() -> list[dict[str, Any]]:
        return [a for path, body in list(webhook_collector.bodies) if path == "/alertmanager/milestones-critical"
                for a in body["alerts"] if is_city_breach_sy(a["labels"])]

    assert wait_until("Alertmanager's webhook delivery", delivered, 60, alertmanager)[0]["status"] == "firing"
    # Nothing operational is wrong meanwhile. Only firing alerts count: WirewatchNoArticles is legitimately
    # *pending* from the first scrapes before the ingest (its rate window has seen no article yet), and it
    # can still be pending for an evaluation or two after the counter moved.
    ops = [a for a in prometheus.get("/api/v1/alerts")["data"]["alerts"]
           if a["labels"].get("category") == "ops" and a["state"] == "firing"]
    assert ops == []
