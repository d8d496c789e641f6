"""Tagging: sentences, places (GeoNames) and keywords in one text. Pure code, no Kafka.

    >>> from streams.tagging import Tagger
    >>> t = Tagger.load()
    >>> tagging = t.tag("beirut - Fighters broke into Raqqa's Old City, the SDF said.")
    >>> [(p.name, p.role, p.qualifier) for p in tagging.places]
    [('Beirut', 'dateline', None), ('Ar Raqqah', 'body', 'Old City')]
    >>> sorted({k.term for k in tagging.keywords})
    ['Old City', 'SDF', 'breach']

``Tagger.load()`` is called once per worker (the gazetteer comes from an on-disk cache, see
``streams.tagging.gazetteer``); ``Tagger.tag(text)`` is called by the worker agent and by
``wirewatch tag`` for every article, and its ``Tagging`` is what ``streams.milestones`` reads.

Steps, one module each: ``text`` (folding, sentences, dateline) → ``places`` (gazetteer scan, filters,
disambiguation) and ``keywords`` (taxonomy, inflections, phrase matcher). The keyword phrases ride in the
place automaton, so one scan of the folded text finds both.

The hot modules (``words``, ``text``, ``features``, ``resolve``, ``places``) run compiled with mypyc when
``make compile`` (run by the venv setup) built them, and as plain Python otherwise: same results, the
compiled ones ≈35 % faster. ``IMPLEMENTATION`` (logged by ``Tagger.load``; ``python -m streams.tagging``)
says which is in use; see ``streams.tagging._compiled``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from streams.tagging._compiled import COMPILED, IMPLEMENTATION
from streams.tagging.gazetteer import DEFAULT_MIN_POPULATION, Gazetteer, resolve_cache_dir
from streams.tagging.keywords import KeywordMatcher, PhraseMatcher, expand_inflections
from streams.tagging.model import KeywordMention, PlaceMention, Sentence, Tagging, trusted
from streams.tagging.places import PlaceResolver
from streams.tagging.text import find_dateline, fold, split_sentences

__all__ = ["Tagger", "Tagging", "PlaceMention", "KeywordMention", "Sentence", "PhraseMatcher",
           "expand_inflections", "tagging_to_json", "COMPILED", "IMPLEMENTATION"]

log = logging.getLogger(__name__)


class Tagger:
    """Tags one text at a time; immutable after ``load`` and safe to share between agents."""

    def __init__(self, places: PlaceResolver, keywords: KeywordMatcher) -> None:
        self.places = places
        self.keywords = keywords

    @classmethod
    def load(cls, *, cache_dir: Path | None = None, keywords_path: Path | None = None,
             min_population: int = DEFAULT_MIN_POPULATION) -> Tagger:
        """Load the gazetteer (from cache, building it on first use) and the keyword taxonomy.

        ``cache_dir`` defaults to ``$WIREWATCH_CACHE_DIR`` or ``~/.cache/wirewatch/gazetteer``;
        ``keywords_path`` to ``seeds/keywords.yaml``. Raises ``RuleError`` for an invalid taxonomy.
        """
        gaz = Gazetteer.load(cache_dir, min_population=min_population)
        keywords = KeywordMatcher.load(keywords_path, cache_dir=resolve_cache_dir(cache_dir))
        log.info("tagger: %s", IMPLEMENTATION)
        return cls(PlaceResolver(gaz, keywords), keywords)

    def tag(self, text: str) -> Tagging:
        folded = fold(text)
        sentences = split_sentences(text)
        span = find_dateline(text)
        if self.places.keywords is self.keywords:  # one automaton holds both pattern sets: one scan
            places, keywords = self.places.find_with_keywords(text, sentences, folded, span)
        else:
            keywords = self.keywords.find(text, folded)
            actors = [(k.start, k.end) for k in keywords if k.group == "actor"]
            places = self.places.find(text, sentences, folded, not_places=actors)
        dateline = next((p.text for p in places if p.role == "dateline"), None)
        if dateline is None and span is not None:
            dateline = text[span[0]:span[1]]
        return trusted(Tagging, {"text": text, "sentences": sentences, "places": places, "keywords": keywords,
                                 "dateline": dateline})


def tagging_to_json(tagging: Tagging, id: str) -> dict[str, Any]:
    """The ``wirewatch tag`` output line for one article (offsets into ``tagging.text``)."""
    return {
        "id": id,
        "places": [
            {"start": p.start, "end": p.end, "text": p.text, "name": p.name, "geonameid": p.geonameid,
             "country": p.country, "lat": p.lat, "lon": p.lon, "kind": p.kind, "role": p.role,
             "score": p.score}
            for p in tagging.places
        ],
        "keywords": [
            {"start": k.start, "end": k.end, "text": k.text, "term": k.term, "group": k.group}
            for k in tagging.keywords
        ],
    }
