"""Ingest: files, directories or stdin → validated ``Article``s → the articles topic (kafka-python).

Called by ``wirewatch ingest``. Every article is keyed by its stable id, so re-ingesting a story
produces the same key and downstream dedup drops it. Rejected inputs are never dropped silently:
each one is published to the dead-letter topic with its reason and reported in the summary.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from kafka import KafkaProducer
from kafka.errors import KafkaError
from tqdm import tqdm

from streams.article import Article
from streams.errors import BrokerError, InputError, InvalidArticleError
from streams.parsing import parse_file_bytes
from streams.settings import Settings
from streams.topics import ensure_topics, unreachable

INPUT_SUFFIXES = (".txt", ".json", ".jsonl", ".ndjson")


@dataclass
class IngestSummary:
    published: int = 0
    rejected: list[InputError] = field(default_factory=list)

    def reasons(self) -> dict[str, int]:
        return dict(Counter(e.reason for e in self.rejected))

    def line(self) -> str:
        reasons = ", ".join(f"{k}: {v}" for k, v in sorted(self.reasons().items()))
        return f"published {self.published}, rejected {len(self.rejected)}" + (f" ({reasons})" if reasons else "")


def iter_input_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named on the command line, and wire files found recursively in named directories."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
        elif path.is_file():
            yield path
        else:
            raise InvalidArticleError("no such file or directory", source=str(path))


def read_inputs(paths: Iterable[Path], stdin: IO[bytes] | None, max_bytes: int) -> Iterator[Article | InputError]:
    if stdin is not None:
        yield from parse_file_bytes(stdin.read(), source="<stdin>", max_bytes=max_bytes)
    for path in iter_input_files(paths):
        try:
            data = path.read_bytes()
        except OSError as e:
            yield InvalidArticleError(f"cannot read: {e.strerror}", source=str(path))
            continue
        yield from parse_file_bytes(data, source=str(path), max_bytes=max_bytes)


def deadletter_record(error: InputError, stage: str) -> bytes:
    return json.dumps({"stage": stage, "reason": error.reason, "error": str(error), "source": error.source}).encode()


class ArticlePublisher:
    """kafka-python producer for articles (and rejects). Batches; ``close()`` flushes everything."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        try:
            self._producer = KafkaProducer(
                client_id="wirewatch-ingest", acks="all", linger_ms=10, batch_size=512 * 1024,
                max_request_size=settings.limits.max_article_bytes * 2 + 4096, retries=5,
                **settings.kafka.kafka_python_options(),
            )
        except KafkaError as e:
            raise BrokerError(f"{unreachable(settings)}: {e}") from None

    def publish(self, article: Article) -> None:
        self._producer.send(self.settings.topics.articles, key=article.id.encode(),
                            value=article.model_dump_json().encode())

    def reject(self, error: InputError) -> None:
        self._producer.send(self.settings.topics.deadletter, key=(error.source or "").encode(),
                            value=deadletter_record(error, "ingest"))

    def close(self) -> None:
        try:
            self._producer.flush(timeout=60)
        except KafkaError as e:
            raise BrokerError(f"Kafka did not acknowledge all messages: {e}") from None
        finally:
            self._producer.close(timeout=10)


def ingest(
    settings: Settings,
    paths: list[Path],
    *,
    stdin: IO[bytes] | None = None,
    progress: bool | None = None,
    on_reject: IO[str] | None = sys.stderr,
) -> IngestSummary:
    """Publish every article in ``paths`` (and ``stdin``). Returns what was published and rejected."""
    ensure_topics(settings)
    publisher = ArticlePublisher(settings)
    summary = IngestSummary()
    show = sys.stderr.isatty() if progress is None else progress
    try:
        for item in tqdm(read_inputs(paths, stdin, settings.limits.max_article_bytes), disable=not show,
                         unit=" articles", desc="ingest", file=sys.stderr):
            if isinstance(item, InputError):
                summary.rejected.append(item)
                publisher.reject(item)
                if on_reject is not None:
                    print(f"rejected: {item}", file=on_reject)
            else:
                publisher.publish(item)
                summary.published += 1
    finally:
        publisher.close()
    return summary

