"""What the tagger returns: sentences, place mentions and keyword mentions over one text.

All offsets are Python ``str`` offsets into the text that was tagged, end exclusive.
Consumed by ``streams.milestones`` (detection) and by ``wirewatch tag`` (JSON output).
"""

from __future__ import annotations

from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict

M = TypeVar("M", bound=BaseModel)
_set = object.__setattr__
_ALL_FIELDS: dict[type[BaseModel], set[str]] = {}


def trusted(cls: type[M], values: dict[str, Any]) -> M:
    """Build a model from values the tagger computed itself, skipping validation.

    Called by the tagger for every sentence and mention it emits (tens per article): validation costs
    more than the rest of building a mention, and these values are typed by construction (ints, floats,
    the literal kinds and roles). Same result as ``cls.model_construct(**values)`` at less than half its
    cost (and cheaper than validating); ``values`` must name every field, in field order. Input from
    outside the tagger is validated as usual.
    """
    fields = _ALL_FIELDS.get(cls)
    if fields is None:
        fields = _ALL_FIELDS[cls] = set(cls.model_fields)
    m = cls.__new__(cls)
    _set(m, "__dict__", values)
    # One set per class, shared: these models are frozen, and pydantic copies the set before changing it
    # (``model_copy(update=...)``), so no instance ever changes another's.
    _set(m, "__pydantic_fields_set__", fields)
    _set(m, "__pydantic_extra__", None)
    _set(m, "__pydantic_private__", None)
    return m

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
