"""``MilestoneEvent``: one milestone (e.g. city-breach) at one place, found in one article.

Produced by the detector, published on the milestones topic, and turned into an ``alerts.Alert``.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

Severity = Literal["info", "warning", "critical"]
Status = Literal["confirmed", "claimed", "contested"]


class Evidence(BaseModel):
    model_config = ConfigDict(frozen=True)
    text: str  # the sentence (or clause) that fired
    start: int  # sentence offsets in the tagged text
    end: int
    trigger_start: int
    trigger_end: int
    place_start: int
    place_end: int


class MilestoneEvent(BaseModel):
    model_config = ConfigDict(frozen=True)
    milestone: str
    title: str
    severity: Severity
    place: str
    geonameid: int | None
    country: str | None
    lat: float | None
    lon: float | None
    actors: list[str] = []
    status: Status = "confirmed"
    confidence: float
    evidence: Evidence
    article_id: str
    source: str | None = None
    published_at: datetime | None = None
    # optional mappings of the milestone's rule to the CAMEO and ACLED vocabularies (added by issue 4)
    cameo: str | None = None
    acled: str | None = None

    @property
    def dedup_key(self) -> str:
        """Same milestone at the same place is one story, whichever outlet reports it. A place without a
        GeoNames id (a village the gazetteer lacks, "the village of Togoga") is keyed by its name, folded
        so that spellings differing only in case, accents, spaces or hyphens meet: ``airstrike:togoga``."""
        where = str(self.geonameid) if self.geonameid is not None else fold_name(self.place)
        return f"{self.milestone}:{where}"


def fold_name(name: str) -> str:
    """"Daraa al-Balad", "Daraa Al Balad" and "Daraa al‑Balad" → ``daraa-al-balad``."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return "-".join(re.findall(r"\w+", plain.casefold().replace("'", "").replace("’", "")))
