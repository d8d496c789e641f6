"""The ``Article``: what every later step (tagging, milestones, alerts) reads.

Built by ``streams.parsing`` from wire text or JSON; serialised as JSON on the articles topic.

    >>> a = Article(id="a1", headline="Raqqa wall breached", body="Forces broke into the Old City.")
    >>> a.text.startswith("Raqqa wall breached")
    True
"""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator


def utcnow() -> datetime:
    return datetime.now(UTC)


class Article(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, max_length=200)
    headline: str = ""
    dateline: str | None = Field(default=None, description="place text of the dateline, e.g. 'beirut'")
    body: str
    source: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    language: str = "en"
    received_at: datetime = Field(default_factory=utcnow)

    @field_validator("body")
    @classmethod
    def _body_not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("body is empty")
        return v

    @field_validator("published_at", "received_at")
    @classmethod
    def _aware(cls, v: datetime | None) -> datetime | None:
        """Times without a zone are taken as UTC, so every later comparison is well defined."""
        return v.replace(tzinfo=UTC) if v is not None and v.tzinfo is None else v

    @property
    def text(self) -> str:
        """The analysed text: headline, blank line, then the dateline lede and body as on the wire.

        Offsets reported by the tagger and the detector refer to this string.
        """
        lede = f"{self.dateline} - {self.body}" if self.dateline else self.body
        return f"{self.headline}\n\n{lede}" if self.headline else lede
