"""``wirewatch demo``: the whole flow on this machine, as a user would run it.

1. start the local Kafka broker (``deploy/kafka/local-kafka start``; reused if already running),
2. start a webhook receiver on loopback that prints every alert it gets,
3. start ``wirewatch worker`` as a subprocess, with its own app id and topics for this run,
4. ingest the seed articles, wait for the alerts, print them and where ``/metrics`` is.

The worker and receiver are stopped at the end (or on Ctrl-C with ``--keep-running``); the broker is
left running for the next run (``deploy/kafka/local-kafka stop`` stops it).
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from alerts.receiver import WebhookReceiver, format_alert
from streams.errors import BrokerError, WirewatchError

REPO = Path(__file__).resolve().parents[1]
LOCAL_KAFKA = REPO / "deploy" / "kafka" / "local-kafka"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_broker() -> str:
    if not LOCAL_KAFKA.exists():
        raise WirewatchError(f"{LOCAL_KAFKA} not found: run the demo from a wirewatch checkout")
    proc = subprocess.run(["bash", str(LOCAL_KAFKA), "start"], stdout=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise BrokerError("the local Kafka broker did not start (see the messages above)")
    return proc.stdout.strip().splitlines()[-1]


def wait_http(url: str, timeout: float, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise WirewatchError(f"the worker exited with code {proc.returncode} (log above)")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise WirewatchError(f"the worker did not answer on {url} within {timeout:.0f}s")


def metric_lines(url: str) -> list[str]:
    with urllib.request.urlopen(url, timeout=5) as r:
        text = r.read().decode()
    return [ln for ln in text.splitlines() if ln.startswith("wirewatch_") and "_bucket" not in ln
            and not ln.endswith(" 0.0") and "_created" not in ln]


def run_demo(seeds: Path, *, keep_running: bool = False, timeout: float = 180.0) -> int:
    if not seeds.exists():
        raise WirewatchError(f"{seeds}: no such file or directory")
    bootstrap = start_broker()
    run = time.strftime("%Y%m%d-%H%M%S")
    web_port = free_port()
    return asyncio.run(_demo(seeds, bootstrap, run, web_port, keep_running, timeout))


async def _demo(seeds: Path, bootstrap: str, run: str, web_port: int, keep_running: bool, timeout: float) -> int:
    secret = os.urandom(16).hex()
    receiver = WebhookReceiver(secret=secret.encode(),
                               on_alert=lambda a: print("\n" + format_alert(a) + "\n", flush=True))
    url = await receiver.start("127.0.0.1", 0)
    print(f"demo: webhook receiver on {url}", flush=True)
    env = dict(os.environ)
    env.update({
        "WIREWATCH_KAFKA__BOOTSTRAP_SERVERS": bootstrap,
        "WIREWATCH_WORKER__APP_ID": f"wirewatch-demo-{run}",
        "WIREWATCH_WORKER__WEB_PORT": str(web_port),
        "WIREWATCH_WORKER__DATA_DIR": str(Path(".wirewatch") / f"demo-{run}"),
        "WIREWATCH_TOPICS__ARTICLES": f"demo-{run}.articles",
        "WIREWATCH_TOPICS__MILESTONES": f"demo-{run}.milestones",
        "WIREWATCH_TOPICS__ALERTS": f"demo-{run}.alerts",
        "WIREWATCH_TOPICS__DEADLETTER": f"demo-{run}.deadletter",
        "WIREWATCH_ALERTS__WEBHOOKS": json.dumps([{"name": "demo", "url": url, "secret": secret}]),
    })
    metrics_url = f"http://127.0.0.1:{web_port}/metrics"
    print(f"demo: starting worker (app wirewatch-demo-{run}) on broker {bootstrap}", flush=True)
    worker = subprocess.Popen([sys.executable, "-m", "streams.cli", "worker", "--loglevel", "warning"], env=env)
    try:
        await asyncio.to_thread(wait_http, metrics_url, 120, worker)
        print(f"demo: worker up; Prometheus metrics at {metrics_url}", flush=True)
        print(f"demo: ingesting {seeds}", flush=True)
        ingest = await asyncio.create_subprocess_exec(sys.executable, "-m", "streams.cli", "ingest", "--no-progress",
                                                      str(seeds), env=env)
        if await ingest.wait() != 0:
            raise WirewatchError("ingest failed (see above)")
        t0 = time.monotonic()
        try:
            await asyncio.wait_for(receiver.arrived.wait(), timeout)
        except TimeoutError:
            raise WirewatchError(f"no alert arrived within {timeout:.0f}s") from None
        await asyncio.sleep(3)  # let the other alerts of the same articles arrive too
        print(f"demo: {len(receiver.alerts)} alert(s) delivered; first after {time.monotonic() - t0:.1f}s",
              flush=True)
        print("demo: metrics:\n  " + "\n  ".join(await asyncio.to_thread(metric_lines, metrics_url)), flush=True)
        if keep_running:
            print(f"demo: running; metrics at {metrics_url}; Ctrl-C to stop", flush=True)
            await asyncio.Event().wait()
        return 0
    finally:
        worker.terminate()
        try:
            await asyncio.to_thread(worker.wait, 30)
        except subprocess.TimeoutExpired:
            worker.kill()
        await receiver.stop()
