"""Kafka topic administration with kafka-python: create wirewatch's topics if they are missing.

Called by ``wirewatch ingest`` and ``wirewatch worker`` before they produce or subscribe, so a fresh
broker needs no manual set-up (Faust creates only its own internal changelog topics).
"""

from __future__ import annotations

import socket

from kafka.admin import KafkaAdminClient, NewTopic
from kafka.errors import KafkaError, TopicAlreadyExistsError

from streams.errors import BrokerError
from streams.settings import Settings


def check_reachable(settings: Settings, timeout: float = 3.0) -> None:
    """Fail fast with a one-line error when no bootstrap server accepts a TCP connection
    (kafka-python itself would retry for 30 s and then raise a timeout)."""
    for server in settings.kafka.bootstrap_servers.split(","):
        host, _, port = server.strip().rpartition(":")
        try:
            with socket.create_connection((host or "127.0.0.1", int(port or 9092)), timeout=timeout):
                return
        except (OSError, ValueError):
            continue
    raise BrokerError(unreachable(settings))


def connect_admin(settings: Settings) -> KafkaAdminClient:
    check_reachable(settings)
    try:
        return KafkaAdminClient(client_id="wirewatch-admin", request_timeout_ms=15000,
                                **settings.kafka.kafka_python_options())
    except KafkaError as e:
        raise BrokerError(f"{unreachable(settings)}: {e}") from None


def unreachable(settings: Settings) -> str:
    return (f"cannot reach Kafka at {settings.kafka.bootstrap_servers} "
            "(start the local broker with: deploy/kafka/local-kafka start)")


def ensure_topics(settings: Settings) -> list[str]:
    """Create the articles, milestones, alerts and dead-letter topics if missing; return those created."""
    t = settings.topics
    wanted = [t.articles, t.milestones, t.alerts, t.deadletter]
    admin = connect_admin(settings)
    try:
        existing = set(admin.list_topics())
        missing = [name for name in wanted if name not in existing]
        created: list[str] = []
        for name in missing:
            try:
                admin.create_topics([NewTopic(name, t.partitions, t.replication_factor)], timeout_ms=15000)
                created.append(name)
            except TopicAlreadyExistsError:
                pass  # another ingest/worker created it concurrently
        return created
    except KafkaError as e:
        raise BrokerError(f"Kafka at {settings.kafka.bootstrap_servers} refused topic creation: {e}") from None
    finally:
        admin.close()
