"""Scaling and crash recovery on the real broker: workers share one consumer group; a killed worker
loses nothing (offsets are committed after processing, dedup state comes back from the changelog)."""

from __future__ import annotations

import json
import time
from pathlib import Path

from kafka import KafkaConsumer, TopicPartition

from streams.parsing import parse_file_bytes
from streams.process import ArticleProcessor
from tests.factories import generated_articles, write_jsonl
from tests.integration.conftest import WorkerProcess, free_port
from tests.integration.test_flow import ingest, read_topic, wait_metric


def expected_keys(path: Path) -> set[tuple[str, str]]:
    processor = ArticleProcessor.load()
    return {(a.id, e.dedup_key) for a in parse_file_bytes(path.read_bytes(), source=str(path))
            for e in processor.process(a)}


def uncommitted(bootstrap: str, group: str, topic: str) -> int:
    """Messages of ``topic`` past the consumer group's committed offsets (all of them if none).
    The consumer never subscribes, so it reads the group's offsets without joining the group."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    try:
        parts = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        ends = consumer.end_offsets(parts)
        return sum(ends[tp] - (consumer.committed(tp) or 0) for tp in parts)
    finally:
        consumer.close()


def second_worker(flow_env: dict[str, str], tmp_path: Path, name: str) -> WorkerProcess:
    env = dict(flow_env, WIREWATCH_WORKER__WEB_PORT=str(free_port()),
               WIREWATCH_WORKER__DATA_DIR=str(tmp_path / name))
    w = WorkerProcess(env, tmp_path / f"{name}.log")
    w.wait_ready()
    return w


def test_two_workers_split_the_partitions(kafka, worker, receiver, flow_env, tmp_path):
    other = second_worker(flow_env, tmp_path, "w2")
    try:
        articles = {"topic": flow_env["WIREWATCH_TOPICS__ARTICLES"]}
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not (
                worker.metric("wirewatch_assigned_partitions", articles) == 2
                and other.metric("wirewatch_assigned_partitions", articles) == 2):
            time.sleep(0.5)
        assert worker.metric("wirewatch_assigned_partitions", articles) == 2  # 4 partitions, 2 workers
        assert other.metric("wirewatch_assigned_partitions", articles) == 2
        src = tmp_path / "a.jsonl"
        n = write_jsonl(str(src), generated_articles(600, seed=21, breach_every=40))
        assert ingest(flow_env, src).returncode == 0
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and worker.metric("wirewatch_articles_consumed_total") + \
                other.metric("wirewatch_articles_consumed_total") < n:
            time.sleep(0.5)
        a, b = worker.metric("wirewatch_articles_consumed_total"), other.metric("wirewatch_articles_consumed_total")
        assert a + b == n and a > 0 and b > 0  # one consumer group: each article once, both workers busy
        keys = expected_keys(src)
        events = read_topic(kafka, flow_env["WIREWATCH_TOPICS__MILESTONES"], len(keys), 60)
        assert len(events) == len(keys)
        # alerts: one per dedup key, whichever worker owns its partition
        want = {k for _, k in keys}
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and {al["fingerprint"] for al in receiver.alerts} != want:
            time.sleep(0.3)
        assert {al["fingerprint"] for al in receiver.alerts} == want
        # each fingerprint is delivered once as new, and at most once more when a second source corroborates
        firsts = [al for al in receiver.alerts if not al["corroborated"]]
        assert sorted(al["fingerprint"] for al in firsts) == sorted(want)
    finally:
        other.stop()


def test_killed_worker_loses_nothing_and_dedup_survives(kafka, receiver, flow_env, tmp_path, seed_path):
    flow_env = dict(flow_env, WIREWATCH_WORKER__COMMIT_INTERVAL_SECONDS="0.5")
    worker = second_worker(flow_env, tmp_path, "w1")
    assert ingest(flow_env, seed_path).returncode == 0
    assert receiver.wait_for(lambda al: al["milestone"] == "city-breach", 120)
    seed_alerts = {al["fingerprint"] for al in receiver.alerts}
    src = tmp_path / "b.jsonl"
    n = write_jsonl(str(src), generated_articles(4000, seed=33, breach_every=50))
    assert ingest(flow_env, src).returncode == 0
    group, topic = flow_env["WIREWATCH_WORKER__APP_ID"], flow_env["WIREWATCH_TOPICS__ARTICLES"]
    wait_metric(worker, "wirewatch_articles_consumed_total", 200, timeout=60)
    deadline = time.monotonic() + 30
    while uncommitted(kafka, group, topic) > n - 100 and time.monotonic() < deadline:
        time.sleep(0.1)  # wait for a commit that covers part of the backlog
    worker.proc.kill()  # SIGKILL mid-stream: no clean shutdown, no final commit
    worker.proc.wait(10)
    left = uncommitted(kafka, group, topic)
    assert 0 < left <= n - 100  # killed mid-backlog, after committing some of it

    replacement = second_worker(flow_env, tmp_path, "w3")
    try:
        # the replacement resumes from the last committed offsets and finishes the backlog,
        # then gets the seed once more, after the crash
        assert ingest(flow_env, seed_path).returncode == 0
        seed_keys = expected_keys(seed_path)
        want = expected_keys(src) | seed_keys
        deadline = time.monotonic() + 180
        seed_copies = 0
        while time.monotonic() < deadline:
            events = read_topic(kafka, flow_env["WIREWATCH_TOPICS__MILESTONES"], 10**6, 2)
            got = [(json.loads(v)["article_id"], k.decode()) for k, v in events]
            seed_copies = min(got.count(key) for key in seed_keys)
            if want <= set(got) and seed_copies >= 2:
                break
        # nothing lost: every milestone of the backlog is on the milestones topic (at least once)
        assert want <= set(got) and len(want) > 50
        assert seed_copies >= 2  # the post-crash copy of the seed went through the replacement
        # it resumed from the committed offsets: the uncommitted backlog plus the new seed copy, and
        # at most one more per partition (Faust may hand over the last committed message again)
        seed_n = sum(1 for _ in parse_file_bytes(seed_path.read_bytes(), source=str(seed_path)))
        consumed = wait_metric(replacement, "wirewatch_articles_consumed_total", left + seed_n)
        assert left + seed_n <= consumed <= left + seed_n + int(flow_env["WIREWATCH_TOPICS__PARTITIONS"])
        # dedup state came back from the changelog: the seed's alerts are not delivered again
        assert wait_metric(replacement, "wirewatch_alert_decisions_total", len(seed_keys),
                           labels={"decision": "duplicate"}) >= len(seed_keys)
        time.sleep(1)
        for fingerprint in seed_alerts:
            assert sum(al["fingerprint"] == fingerprint for al in receiver.alerts) == 1
    finally:
        replacement.stop()


def test_rocksdb_table_store_keeps_dedup_state_across_restart(kafka, receiver, flow_env, tmp_path, seed_path):
    env = dict(flow_env, WIREWATCH_WORKER__STORE="rocksdb://")
    first = second_worker(env, tmp_path, "rocks")
    try:
        assert ingest(env, seed_path).returncode == 0
        keys = len(expected_keys(seed_path))
        assert wait_metric(first, "wirewatch_notifications_total", keys, labels={"outcome": "delivered"}) == keys
    finally:
        first.stop()  # clean shutdown: RocksDB files and offsets on disk
    assert any((tmp_path / "rocks").rglob("*.sst")) or any((tmp_path / "rocks").rglob("CURRENT"))
    delivered = len(receiver.alerts)
    again = second_worker(env, tmp_path, "rocks")
    try:
        assert ingest(env, seed_path).returncode == 0
        assert wait_metric(again, "wirewatch_alert_decisions_total", keys, labels={"decision": "duplicate"}) == keys
        assert len(receiver.alerts) == delivered
    finally:
        again.stop()
