"""What the tagger returns: sentences, place mentions and keyword mentions over one text.

All offsets are Python ``str`` offsets into the text that was tagged, end exclusive.
Consumed by ``streams.milestones`` (detection) and by ``wirewatch tag`` (JSON output).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict

M = TypeVar("M", bound=BaseModel)
_set = object.__setattr__
_BUILDERS: dict[type[BaseModel], Callable[[dict[str, Any]], Any]] = {}


def builder(cls: type[M]) -> Callable[[dict[str, Any]], M]:
    """``trusted`` for one class, as a function (the hot loops of the tagger keep one per class)."""
    got = _BUILDERS.get(cls)
    if got is None:
        # One set per class, shared: these models are frozen, and pydantic copies the set before changing
        # it (``model_copy(update=...)``), so no instance ever changes another's.
        fields = set(cls.model_fields)
        new = cls.__new__
        slots = BaseModel.__dict__
        set_fields = slots["__pydantic_fields_set__"].__set__
        set_extra = slots["__pydantic_extra__"].__set__
        set_private = slots["__pydantic_private__"].__set__

        def got(values: dict[str, Any]) -> Any:
            m = new(cls)
            _set(m, "__dict__", values)
            set_fields(m, fields)
            set_extra(m, None)
            set_private(m, None)
            return m

        _BUILDERS[cls] = got
    return got


def trusted(cls: type[M], values: dict[str, Any]) -> M:
    """Build a model from values the tagger computed itself, skipping validation.

    Called by the tagger for every sentence and mention it emits (tens per article): validation costs
    more than the rest of building a mention, and these values are typed by construction (ints, floats,
    the literal kinds and roles). Same result as ``cls.model_construct(**values)`` at a quarter of its
    cost (and cheaper than validating); ``values`` must name every field, in field order. Input from
    outside the tagger is validated as usual.
    """
    return (_BUILDERS.get(cls) or builder(cls))(values)  # type: ignore[no-any-return]


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
