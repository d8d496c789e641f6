"""The whole flow on the real broker: ingest → worker (Faust) → milestones topic → webhook → /metrics."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from streams.parsing import parse_file_bytes
from streams.process import ArticleProcessor
from tests.factories import generated_articles, write_jsonl

RAQQA = 172955


def ingest(env: dict[str, str], *paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "streams.cli", "ingest", "--no-progress", *map(str, paths)],
                          env=env, capture_output=True, text=True, timeout=120)


def read_topic(bootstrap: str, topic: str, want: int, timeout: float) -> list[tuple[bytes, bytes]]:
    """Every message of ``topic`` from the beginning, until ``want`` are read or ``timeout`` passes."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, consumer_timeout_ms=1000)
    try:
        parts = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or [])]
        consumer.assign(parts)
        consumer.seek_to_beginning(*parts)
        out: list[tuple[bytes, bytes]] = []
        deadline = time.monotonic() + timeout
        while len(out) < want and time.monotonic() < deadline:
            for msg in consumer:
                out.append((msg.key, msg.value))
        return out
    finally:
        consumer.close()


def wait_metric(worker, name: str, value: float, timeout: float = 120, labels: dict[str, str] | None = None) -> float:
    deadline = time.monotonic() + timeout
    got = worker.metric(name, labels)
    while got < value and time.monotonic() < deadline:
        time.sleep(0.5)
        got = worker.metric(name, labels)
    return got


def test_seed_and_generated_articles_flow_end_to_end(kafka, worker, receiver, flow_env, seed_path, tmp_path):
    gen = tmp_path / "generated.jsonl"
    n = write_jsonl(str(gen), generated_articles(1000))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "empty", "body": "  "}\nnot json at all\n')

    result = ingest(flow_env, seed_path, gen, bad)
    assert result.returncode == 0, result.stderr
    assert f"published {n + 1}, rejected 2" in result.stderr
    assert result.stderr.count("rejected: ") == 2 and "bad.jsonl:2: invalid JSON" in result.stderr

    # What the pure steps say these articles contain; the streaming path must publish exactly that.
    processor = ArticleProcessor.load()
    articles = [a for p in (seed_path, gen) for a in parse_file_bytes(p.read_bytes(), source=str(p))]
    expected = {(a.id, e.milestone, e.dedup_key) for a in articles for e in processor.process(a)}
    assert any(key == f"city-breach:{RAQQA}" for _, _, key in expected)

    # The Raqqa city-breach alert arrives at the webhook, signed (the receiver checks the signature).
    raqqa = receiver.wait_for(lambda a: a["milestone"] == "city-breach" and a["geonameid"] == RAQQA, 120)
    assert raqqa and raqqa[0]["country"] == "SY" and raqqa[0]["sources"] == ["Khaleejtimes"]

    events = read_topic(kafka, flow_env["WIREWATCH_TOPICS__MILESTONES"], len(expected), 120)
    got = {(json.loads(v)["article_id"], json.loads(v)["milestone"], k.decode()) for k, v in events}
    assert got == expected and len(events) == len(expected)

    assert wait_metric(worker, "wirewatch_articles_consumed_total", n + 1) == n + 1
    assert worker.metric("wirewatch_milestones_detected_total") == len(expected)
    assert worker.metric("wirewatch_article_lag_seconds_count") == n + 1
    new_alerts = len({key for _, _, key in expected})
    assert wait_metric(worker, "wirewatch_alert_decisions_total", len(expected)) == len(expected)
    assert worker.metric("wirewatch_alert_decisions_total", {"decision": "new"}) == new_alerts
    delivered = wait_metric(worker, "wirewatch_notifications_total", new_alerts, labels={"outcome": "delivered"})
    time.sleep(0.5)  # a corroborated alert may still be on its way
    delivered = worker.metric("wirewatch_notifications_total", {"outcome": "delivered"})
    assert delivered == len(receiver.alerts) >= new_alerts

    # Ingest-time rejects are kept on the dead-letter topic with their reasons.
    dead = [json.loads(v) for _, v in read_topic(kafka, flow_env["WIREWATCH_TOPICS__DEADLETTER"], 2, 30)]
    assert sorted(d["reason"] for d in dead) == ["invalid", "invalid"] and {d["stage"] for d in dead} == {"ingest"}

    # Re-running ingest is safe: the same story is consumed again but raises no new alert.
    before = len(receiver.alerts)
    assert ingest(flow_env, seed_path).returncode == 0
    assert wait_metric(worker, "wirewatch_articles_consumed_total", n + 2) == n + 2
    assert wait_metric(worker, "wirewatch_alert_decisions_total", 1, labels={"decision": "duplicate"}) >= 1
    time.sleep(1)
    assert len(receiver.alerts) == before


def test_malformed_message_goes_to_dead_letter_and_worker_keeps_going(kafka, worker, flow_env):
    topic = flow_env["WIREWATCH_TOPICS__ARTICLES"]
    producer = KafkaProducer(bootstrap_servers=kafka)
    producer.send(topic, key=b"junk", value=b"\xff\xfe not utf-8")
    producer.send(topic, key=b"junk2", value=b'{"id": "x"}')
    producer.send(topic, key=b"ok", value=json.dumps({"id": "ok-1", "body": "Calm day in the capital."}).encode())
    producer.flush()
    producer.close()
    assert wait_metric(worker, "wirewatch_articles_consumed_total", 3) == 3
    assert wait_metric(worker, "wirewatch_articles_rejected_total", 2) == 2
    assert worker.metric("wirewatch_articles_rejected_total", {"reason": "encoding"}) == 1
    dead = [json.loads(v) for _, v in read_topic(kafka, flow_env["WIREWATCH_TOPICS__DEADLETTER"], 2, 30)]
    assert {d["reason"] for d in dead} == {"encoding", "invalid"}
    assert all(d["stage"] == "parse" and d["topic"] == topic and d["offset"] >= 0 for d in dead)
    assert any("body" in d["error"] for d in dead)


def test_ingest_from_stdin(kafka, worker, flow_env):
    jsonl = '{"id": "s1", "body": "Calm day in the port."}\n{"id": "s2", "body": "Markets reopened."}\n'
    result = subprocess.run([sys.executable, "-m", "streams.cli", "ingest", "--no-progress", "-"], env=flow_env,
                            input=jsonl, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "published 2, rejected 0" in result.stderr
    assert wait_metric(worker, "wirewatch_articles_consumed_total", 2) == 2
