"""What the tagger returns: sentences, place mentions and keyword mentions over one text.

All offsets are Python ``str`` offsets into the text that was tagged, end exclusive.
Consumed by ``streams.milestones`` (detection) and by ``wirewatch tag`` (JSON output).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

PlaceKind = Literal["city", "district", "admin1", "country", "continent", "region"]
PlaceRole = Literal["dateline", "headline", "body"]


class Sentence(BaseModel):
    model_config = ConfigDict(frozen=True)
    start: int
    end: int
    text: str


class PlaceMention(BaseModel):
    model_config = ConfigDict(frozen=True)
    start: int
    end: int
    text: str
    name: str
    geonameid: int | None
    country: str | None  # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    kind: PlaceKind
    role: PlaceRole
    score: float
    qualifier: str | None = None  # sub-city qualifier attached to a city: "Old City", "eastern"
    metonymy: bool = False  # "Washington said ...": a capital or country standing for its government


class KeywordMention(BaseModel):
    model_config = ConfigDict(frozen=True)
    start: int
    end: int
    text: str
    term: str  # canonical term, e.g. "ISIS" for "Daesh"
    group: str  # actor, action, weapon, humanitarian, diplomacy, ...


class Tagging(BaseModel):
    model_config = ConfigDict(frozen=True)
    text: str
    sentences: list[Sentence]
    places: list[PlaceMention]
    keywords: list[KeywordMention]
    dateline: str | None = None  # dateline place text if the tagger found one
