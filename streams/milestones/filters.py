"""Runtime filter checks, built from the filter configs in ``rules.py`` through one registry.

The detector calls ``check.find(probe)`` for every candidate (a trigger with a place); a hit returns a
``FilterHit`` naming the filter, its effect and the words that matched, which ``explain`` prints.
Effects: ``block`` drops the candidate, ``require`` drops it when the filter does *not* hit,
``contest`` marks the event contested, ``claim`` marks it claimed.

    >>> from streams.milestones.rules import LexiconFilter
    >>> check = build_check(LexiconFilter(phrases=["failed to"]), lists={})
    >>> check.name, check.effect
    ('lexicon', 'block')
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from streams.milestones.lexicon import compile_phrases
from streams.milestones.rules import DatedFilter, Effect, FilterList, LexiconFilter, Window, expand_refs
from streams.milestones.text import ArticleView, SentenceView
from streams.tagging.model import PlaceMention

# A later sentence is about the same claim if it names the same place or refers back to it.
_REFERS_BACK = re.compile(
    r"(?<!\w)(?:claims?|reports?|this|that|it|these|those|allegations?|statements?|accounts?)(?!\w)"
)


@dataclass(frozen=True)
class FilterHit:
    name: str
    effect: Effect
    phrase: str  # the words that matched, as written in the article
    start: int
    end: int


@dataclass
class Probe:
    """What a filter sees: the article, the trigger's sentence and span, and the chosen place."""

    article: ArticleView
    sentence: SentenceView
    trigger_start: int
    trigger_end: int
    place: PlaceMention | None = None

    def spans(self, window: Window) -> list[tuple[int, int]]:
        s = self.sentence
        if window.scope in ("before", "after", "near", "segment", "sentence"):
            return [s.window_span(window, self.trigger_start, self.trigger_end)]
        sentences = self.article.tagging.sentences
        if window.scope == "article":
            return [(0, len(self.article.tagging.text))]
        if window.scope == "context":
            lo = max(0, s.index - window.size)
            return [(sentences[lo].start, s.end)]
        # following: this sentence, plus later ones that name the place or refer back to the claim
        out = [(s.start, s.end)]
        for k in range(s.index + 1, min(len(sentences), s.index + 1 + window.size)):
            nxt = sentences[k]
            norm = self.article.norm[nxt.start:nxt.start + len(nxt.text)]
            same_place = self.place is not None and self.place.name.casefold() in norm
            if same_place or _REFERS_BACK.search(norm):
                out.append((nxt.start, nxt.start + len(nxt.text)))
        return out


class Check(Protocol):
    name: str
    effect: Effect

    def find(self, probe: Probe) -> FilterHit | None: ...


@dataclass
class LexiconCheck:
    name: str
    effect: Effect
    window: Window
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None

    @classmethod
    def build(cls, spec: LexiconFilter, lists: dict[str, FilterList]) -> LexiconCheck:
        phrases = list(spec.phrases)
        unless = list(spec.unless)
        window = spec.window
        if spec.list_name is not None:
            flist = lists[spec.list_name]
            phrases = [*flist.phrases, *phrases]
            unless = [*flist.unless, *unless]
            window = window or flist.window
        pattern = compile_phrases(expand_refs(phrases, lists))
        assert pattern is not None  # the config requires phrases or a list with min_length=1
        return cls(spec.label, spec.effect, window or Window(scope="segment"), pattern,
                   compile_phrases(expand_refs(unless, lists)))

    def find(self, probe: Probe) -> FilterHit | None:
        article = probe.article
        text = article.tagging.text
        if self.window.scope in ("before", "after", "near"):
            return self._find_in_window(probe)
        for lo, hi in probe.spans(self.window):
            first = article.sentence_index(lo)
            last = article.sentence_index(max(lo, hi - 1))
            for index in range(first, last + 1):
                for a, b in self._sentence_hits(article, index):
                    if lo <= a and b <= hi:
                        return FilterHit(self.name, self.effect, text[a:b], a, b)
        return None

    def _find_in_window(self, probe: Probe) -> FilterHit | None:
        """A few words around the trigger: one bounded search beats matching the whole sentence."""
        norm = probe.article.norm
        lo, hi = probe.spans(self.window)[0]
        pos = lo
        while pos < hi:
            m = self.pattern.search(norm, pos, hi)
            if m is None:
                return None
            a, b = m.span()
            if b > a and not self._cancelled(probe, a, b):
                return FilterHit(self.name, self.effect, probe.article.tagging.text[a:b], a, b)
            pos = max(b, pos + 1)
        return None

    def _cancelled(self, probe: Probe, a: int, b: int) -> bool:
        if self.unless is None:
            return False
        s = probe.sentence
        return any(u.start() <= a and b <= u.end() for u in self.unless.finditer(probe.article.norm, s.start, s.end))

    def _sentence_hits(self, article: ArticleView, index: int) -> list[tuple[int, int]]:
        """All matches of this check in one sentence, computed once per article: candidates in the same
        sentence then only compare offsets with their windows."""
        key = (id(self), index)
        hits = article.filter_cache.get(key)
        if hits is None:
            s = article.tagging.sentences[index]
            lo, hi = s.start, s.start + len(s.text)
            unless = [(u.start(), u.end()) for u in self.unless.finditer(article.norm, lo, hi)] if self.unless else []
            hits = [(m.start(), m.end()) for m in self.pattern.finditer(article.norm, lo, hi)
                    if m.end() > m.start() and not any(a <= m.start() and m.end() <= b for a, b in unless)]
            article.filter_cache[key] = hits
        return hits  # type: ignore[return-value]


_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_DATE = re.compile(
    r"(?<!\w)(?:(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?\s+(?:\d{1,2},?\s+)?)?"
    r"((?:19|20)\d\d)(?!\d)(?!\s*(?:km|people|fighters|civilians|troops|soldiers|m\b))"
)


@dataclass
class DatedCheck:
    name: str
    effect: Effect
    window: Window
    max_age_days: int

    @classmethod
    def build(cls, spec: DatedFilter, lists: dict[str, FilterList]) -> DatedCheck:
        return cls(spec.label, spec.effect, spec.window, spec.max_age_days)

    def find(self, probe: Probe) -> FilterHit | None:
        ref = probe.article.published_at
        ref_date = ref.date() if ref is not None else None
        if ref_date is None:
            year = probe.article.reference_year
            if year is None:
                return None
            ref_date = date(year, 12, 31)
        norm = probe.article.norm
        for lo, hi in probe.spans(self.window):
            for m in _DATE.finditer(norm, lo, hi):
                year = int(m.group(2))
                month = _MONTHS[m.group(1)] if m.group(1) else 12
                when = date(year, month, calendar.monthrange(year, month)[1])
                if (ref_date - when).days > self.max_age_days:
                    return FilterHit(self.name, self.effect, probe.article.tagging.text[m.start():m.end()],
                                     m.start(), m.end())
        return None


# The registry: filter kind → builder of its runtime check (same names as rules.FILTER_KINDS).
CHECK_BUILDERS: dict[str, Callable[[Any, dict[str, FilterList]], Check]] = {
    "lexicon": LexiconCheck.build,
    "dated": DatedCheck.build,
}


def build_check(spec: LexiconFilter | DatedFilter, lists: dict[str, FilterList]) -> Check:
    return CHECK_BUILDERS[spec.kind](spec, lists)
