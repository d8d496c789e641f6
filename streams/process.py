"""One article through the pure steps: bytes → ``Article`` → ``Tagging`` → ``MilestoneEvent``s.

Called by the worker's articles agent for every message, and by ``wirewatch detect`` for every input
line. No Kafka here, so the whole step is tested directly.

    >>> p = ArticleProcessor.load()
    >>> events = p.process(Article(id="a1", body="Rebels breached the walls of Aleppo's Old City."))
"""

from __future__ import annotations

from pathlib import Path

from streams.article import Article
from streams.milestones import Detector
from streams.milestones.model import MilestoneEvent
from streams.parsing import DEFAULT_MAX_BYTES, parse_json_bytes
from streams.tagging import Tagger
from streams.tagging.model import Tagging


class ArticleProcessor:
    def __init__(self, tagger: Tagger, detector: Detector, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.tagger = tagger
        self.detector = detector
        self.max_bytes = max_bytes

    @classmethod
    def load(cls, rules: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> ArticleProcessor:
        return cls(Tagger.load(), Detector.load(rules), max_bytes)

    def parse(self, value: bytes, source: str) -> Article:
        """Raises ``InputError`` for a malformed message (the caller dead-letters it)."""
        return parse_json_bytes(value, source=source, max_bytes=self.max_bytes)

    def tag(self, article: Article) -> Tagging:
        return self.tagger.tag(article.text)

    def process(self, article: Article) -> list[MilestoneEvent]:
        return self.detector.detect(self.tag(article), article_id=article.id, source=article.source,
                                    published_at=article.published_at)
