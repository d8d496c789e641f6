"""End-to-end throughput on the real local broker: ingest rate, then worker rate with 1 and 2 workers.

    .venv/bin/python bench/pipeline.py [--articles 5000] [--partitions 4] [--workers 1 2]

Starts the local broker (deploy/kafka/local-kafka, port WIREWATCH_KAFKA_PORT or 9092) if needed,
generates articles with tests/factories.py, publishes them with the kafka-python producer (as
``wirewatch ingest`` does), then starts N ``wirewatch worker`` processes in one consumer group and
times how long they take to consume everything (read from their /metrics). Prints one table.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from streams.ingest import ingest  # noqa: E402
from streams.settings import Settings  # noqa: E402
from tests.factories import generated_articles, write_jsonl  # noqa: E402
from tests.integration.conftest import free_port  # noqa: E402


def consumed(ports: list[int]) -> float:
    total = 0.0
    for port in ports:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=2) as r:
                for line in r.read().decode().splitlines():
                    if line.startswith("wirewatch_articles_consumed_total "):
                        total += float(line.split()[1])
        except OSError:
            pass
    return total


def run(n_articles: int, partitions: int, n_workers: int, bootstrap: str, tmp: Path) -> dict[str, float]:
    run_id = f"bench-{int(time.time() * 1000)}"
    env = dict(os.environ, WIREWATCH_KAFKA__BOOTSTRAP_SERVERS=bootstrap, WIREWATCH_WORKER__APP_ID=run_id,
               WIREWATCH_TOPICS__ARTICLES=f"{run_id}.articles", WIREWATCH_TOPICS__MILESTONES=f"{run_id}.milestones",
               WIREWATCH_TOPICS__ALERTS=f"{run_id}.alerts", WIREWATCH_TOPICS__DEADLETTER=f"{run_id}.deadletter",
               WIREWATCH_TOPICS__PARTITIONS=str(partitions))
    settings = Settings(kafka={"bootstrap_servers": bootstrap}, topics={
        "articles": f"{run_id}.articles", "milestones": f"{run_id}.milestones", "alerts": f"{run_id}.alerts",
        "deadletter": f"{run_id}.deadletter", "partitions": partitions})
    src = tmp / f"{run_id}.jsonl"
    write_jsonl(str(src), generated_articles(n_articles, seed=11))
    size = src.stat().st_size
    t0 = time.perf_counter()
    summary = ingest(settings, [src], progress=False, on_reject=None)
    t_ingest = time.perf_counter() - t0
    assert summary.published == n_articles, summary.line()

    ports = [free_port() for _ in range(n_workers)]
    procs = []
    for i, port in enumerate(ports):
        wenv = dict(env, WIREWATCH_WORKER__WEB_PORT=str(port), WIREWATCH_WORKER__DATA_DIR=str(tmp / f"{run_id}-{i}"))
        procs.append(subprocess.Popen([sys.executable, "-m", "streams.cli", "worker", "--loglevel", "error"],
                                      env=wenv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    try:
        t_first = None
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            c = consumed(ports)
            if c > 0 and t_first is None:
                t_first, c_first = time.perf_counter(), c
            if c >= n_articles:
                break
            time.sleep(0.2)
        t_done = time.perf_counter()
        rate = (n_articles - c_first) / (t_done - t_first) if t_first and t_done > t_first else float("nan")
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(30)
    return {"ingest_msgs_s": n_articles / t_ingest, "ingest_mb_s": size / t_ingest / 1e6,
            "worker_articles_s": rate, "avg_kb": size / n_articles / 1e3}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    out = subprocess.run(["bash", str(REPO / "deploy/kafka/local-kafka"), "start"], stdout=subprocess.PIPE,
                         text=True, check=True)
    bootstrap = out.stdout.strip().splitlines()[-1]
    print(f"broker {bootstrap}; {args.articles} generated articles; {args.partitions} partitions; "
          f"{os.cpu_count()} cores", flush=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.workers:
            r = run(args.articles, args.partitions, n, bootstrap, Path(tmp))
            rows.append((n, r))
            print(json.dumps({"workers": n, **{k: round(v, 1) for k, v in r.items()}}), flush=True)
    print("\nworkers | ingest msgs/s | ingest MB/s | worker articles/s | avg article KB | vs 1 worker")
    base = rows[0][1]["worker_articles_s"]
    for n, r in rows:
        print(f"{n:7d} | {r['ingest_msgs_s']:13.0f} | {r['ingest_mb_s']:11.2f} | {r['worker_articles_s']:17.0f} | "
              f"{r['avg_kb']:14.2f} | {r['worker_articles_s'] / base:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
