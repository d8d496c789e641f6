"""Integration fixtures: a real Kafka broker (deploy/kafka/local-kafka), real worker processes and a
real loopback webhook receiver. Everything is started here and stopped at the end of the session.

The broker runs on its own port (``WIREWATCH_TEST_KAFKA_PORT``, default 19092) with a fresh data
directory, so it never touches a developer's broker on 9092. The jar cache is shared.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from alerts.receiver import WebhookReceiver
from streams.demo import free_port

REPO = Path(__file__).resolve().parents[2]
LOCAL_KAFKA = REPO / "deploy" / "kafka" / "local-kafka"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/integration" in str(item.fspath):
            item.add_marker(pytest.mark.integration)


def stop_process(proc: subprocess.Popen[bytes], grace: float) -> None:
    """SIGTERM, then SIGKILL if it has not exited within ``grace`` seconds."""
    proc.terminate()
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


@pytest.fixture(scope="session")
def kafka(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = os.environ.get("WIREWATCH_TEST_KAFKA_PORT", "19092")
    env = dict(os.environ, WIREWATCH_KAFKA_PORT=port,
               WIREWATCH_KAFKA_HOME=str(tmp_path_factory.mktemp("kafka-home")))
    t0 = time.monotonic()
    out = subprocess.run(["bash", str(LOCAL_KAFKA), "start"], env=env, stdout=subprocess.PIPE, text=True)
    assert out.returncode == 0, "local Kafka broker did not start"
    print(f"\nKafka broker up in {time.monotonic() - t0:.1f}s at {out.stdout.strip()}", file=sys.stderr)
    yield out.stdout.strip().splitlines()[-1]
    subprocess.run(["bash", str(LOCAL_KAFKA), "stop"], env=env, check=False)


class ThreadedReceiver:
    """A WebhookReceiver on its own event loop in a thread, so tests can block while it serves."""

    def __init__(self, secret: bytes | None = None) -> None:
        self.loop = asyncio.new_event_loop()
        self.receiver = WebhookReceiver(secret=secret)
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()
        self.url = asyncio.run_coroutine_threadsafe(self.receiver.start(), self.loop).result(10)

    @property
    def alerts(self) -> list[dict[str, Any]]:
        return list(self.receiver.alerts)

    def wait_for(self, predicate: Any, timeout: float) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [a for a in self.alerts if predicate(a)]
            if found:
                return found
            time.sleep(0.2)
        return []

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self.receiver.stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)
        self.loop.close()


@pytest.fixture
def receiver() -> Iterator[ThreadedReceiver]:
    r = ThreadedReceiver(secret=b"integration-secret")
    yield r
    r.close()


class WorkerProcess:
    """``wirewatch worker`` as a real subprocess with its own app id, topics and web port."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env = env
        self.log = log
        self.metrics_url = f"http://127.0.0.1:{env['WIREWATCH_WORKER__WEB_PORT']}/metrics"
        self._fh = log.open("wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "streams.cli", "worker", "--loglevel", "warning"],
                                     env=env, stdout=self._fh, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"worker exited: {self.log.read_text()[-3000:]}"
            try:
                with urllib.request.urlopen(self.metrics_url, timeout=2):
                    return
            except OSError:
                time.sleep(0.5)
        raise AssertionError(f"worker not ready: {self.log.read_text()[-3000:]}")

    def metric(self, name: str, labels: dict[str, str] | None = None) -> float:
        from prometheus_client.parser import text_string_to_metric_families

        with urllib.request.urlopen(self.metrics_url, timeout=5) as r:
            text = r.read().decode()
        total = 0.0
        for fam in text_string_to_metric_families(text):
            for s in fam.samples:
                if s.name == name and all(s.labels.get(k) == v for k, v in (labels or {}).items()):
                    total += s.value
        return total

    def stop(self) -> None:
        stop_process(self.proc, 30)
        self._fh.close()


@pytest.fixture
def flow_env(kafka: str, receiver: ThreadedReceiver, tmp_path: Path, request: pytest.FixtureRequest) -> dict[str, str]:
    """Env for ingest and worker processes: topics and app id unique to this test."""
    run = f"t{abs(hash(request.node.nodeid)) % 10**8}-{int(time.time())}"
    return dict(
        os.environ,
        WIREWATCH_KAFKA__BOOTSTRAP_SERVERS=kafka,
        WIREWATCH_WORKER__APP_ID=f"wirewatch-{run}",
        WIREWATCH_WORKER__WEB_PORT=str(free_port()),
        WIREWATCH_WORKER__DATA_DIR=str(tmp_path / "worker"),
        WIREWATCH_WORKER__SESSION_TIMEOUT_SECONDS="8",
        WIREWATCH_TOPICS__ARTICLES=f"{run}.articles",
        WIREWATCH_TOPICS__MILESTONES=f"{run}.milestones",
        WIREWATCH_TOPICS__ALERTS=f"{run}.alerts",
        WIREWATCH_TOPICS__DEADLETTER=f"{run}.deadletter",
        WIREWATCH_TOPICS__PARTITIONS="4",
        WIREWATCH_ALERTS__WEBHOOKS=json.dumps([{"name": "it", "url": receiver.url, "secret": "integration-secret"}]),
    )


@pytest.fixture
def worker(flow_env: dict[str, str], tmp_path: Path) -> Iterator[WorkerProcess]:
    w = WorkerProcess(flow_env, tmp_path / "worker.log")
    w.wait_ready()
    yield w
    w.stop()
