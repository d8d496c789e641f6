"""The detector: one scan for triggers, then per trigger hit — find the place, run the filters, emit.

Called by the Faust worker (and ``wirewatch detect``) once per tagged article:

    >>> from streams.milestones import Detector
    >>> from streams.tagging import Tagger
    >>> d = Detector.load()
    >>> t = Tagger.load().tag("Syrian rebels breached the walls of Aleppo on Tuesday.")
    >>> [(e.milestone, e.place) for e in d.detect(t, article_id="a1")]
    [('city-breach', 'Aleppo')]

``explain`` runs the same steps and returns every candidate with its verdict (fired, or which role or
filter stopped it) — the basis of ``wirewatch rules explain``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Final, Literal, cast

import ahocorasick_rs

from streams.milestones.compile import (
    KEY_ANCHOR,
    KEY_PHRASE,
    CompiledPack,
    CompiledPattern,
    TriggerEntry,
    compile_pack,
)
from streams.milestones.filters import FilterHit, Probe
from streams.milestones.model import Evidence, MilestoneEvent, Status
from streams.milestones.named import Anchors
from streams.milestones.places import PlaceChoice, find_places
from streams.milestones.rules import load_pack
from streams.milestones.text import ArticleView, SentenceView, bisect_right_int
from streams.tagging.model import Tagging
from streams.tagging.resolve import km

Verdict = Literal["fired", "blocked", "no-place", "no-actor"]

log = logging.getLogger(__name__)


@dataclass(init=False)
class Candidate:
    """One trigger hit for one pattern, and what became of it (returned by ``Detector.explain``)."""

    milestone: str
    pattern: str
    trigger: str  # the rule's trigger phrase
    trigger_text: str  # as written in the article
    trigger_start: int
    trigger_end: int
    sentence: str
    sentence_start: int
    sentence_end: int
    verdict: Verdict = "fired"
    reason: str = ""
    places: list[PlaceChoice] = field(default_factory=list)
    hits: list[FilterHit] = field(default_factory=list)
    status: Status = "confirmed"
    confidence: float = 0.0
    actors: list[str] = field(default_factory=list)

    # (written out: compiled with mypyc, a dataclass's generated __init__ would run as interpreted Python for
    # every candidate)
    def __init__(self, milestone: str, pattern: str, trigger: str, trigger_text: str, trigger_start: int,
                 trigger_end: int, sentence: str, sentence_start: int, sentence_end: int, verdict: Verdict = "fired",
                 reason: str = "", places: list[PlaceChoice] | None = None, hits: list[FilterHit] | None = None,
                 status: Status = "confirmed", confidence: float = 0.0, actors: list[str] | None = None) -> None:
        self.milestone = milestone
        self.pattern = pattern
        self.trigger = trigger
        self.trigger_text = trigger_text
        self.trigger_start = trigger_start
        self.trigger_end = trigger_end
        self.sentence = sentence
        self.sentence_start = sentence_start
        self.sentence_end = sentence_end
        self.verdict = verdict
        self.reason = reason
        self.places = [] if places is None else places
        self.hits = [] if hits is None else hits
        self.status = status
        self.confidence = confidence
        self.actors = [] if actors is None else actors

    @property
    def fired(self) -> bool:
        return self.verdict == "fired"


class Detector:
    """Runs a compiled rule pack over ``Tagging``s. Build with ``Detector.load``; safe to share."""

    def __init__(self, pack: CompiledPack) -> None:
        self.pack = pack
        self._rules = {r.id: r for r in pack.rules}
        # pattern label -> the milestones whose confirmed report at the same place drops what it finds, and those
        # whose report of any status does (a pattern's superseded_by_any: "entered the town", in the story of its
        # capture, claimed or not)
        self._superseded_by = {p.label: frozenset([*p.rule.superseded_by, *p.spec.superseded_by])
                               for p in pack.patterns}
        self._superseded_by_any = {p.label: frozenset(p.spec.superseded_by_any) for p in pack.patterns}

    @classmethod
    def load(cls, path: Path | None = None) -> Detector:
        """Load a rule pack (default: ``$WIREWATCH_RULES`` or ``seeds/rules/conflict.yaml``).
        Raises ``RuleError`` naming file, line and field."""
        # (imported here: this module is imported while _compiled decides, before IMPLEMENTATION exists)
        from streams.milestones._compiled import IMPLEMENTATION

        log.info("detector: %s", IMPLEMENTATION)
        return cls(compile_pack(load_pack(path)))

    @property
    def rules_path(self) -> str:
        return self.pack.path

    def detect(self, tagging: Tagging, *, article_id: str, source: str | None = None,
               published_at: datetime | None = None) -> list[MilestoneEvent]:
        """Milestone events of one article, one per (milestone, place), strongest evidence kept."""
        # keep the strongest evidence per (milestone, place) before building any event model
        best: dict[tuple[str, int | str], tuple[float, Candidate, PlaceChoice]] = {}
        status: dict[tuple[str, int | str], Status] = {}
        # per (milestone, place): the milestones that supersede every pattern that found it (empty: kept)
        supersede: dict[tuple[str, int | str], frozenset[str]] = {}
        supersede_any: dict[tuple[str, int | str], frozenset[str]] = {}  # (by a report of any status)
        for cand in self._candidates(tagging, published_at, explain=False):
            if not cand.fired:
                continue
            by = self._superseded_by[cand.pattern]
            by_any = self._superseded_by_any[cand.pattern]
            for i, choice in enumerate(cand.places):
                p = choice.mention
                key = (cand.milestone, p.geonameid if p.geonameid is not None else p.name.casefold())
                supersede[key] = supersede[key] & by if key in supersede else by
                supersede_any[key] = supersede_any[key] & by_any if key in supersede_any else by_any
                conf = cand.confidence if i == 0 else round(cand.confidence * 0.95, 2)
                if key not in best or conf > best[key][0]:
                    best[key] = (conf, cand, choice)
                status[key] = _merge_status(status.get(key), cand.status)
        return [self._event(cand, choice, conf, status[key], article_id, source, published_at)
                for key, (conf, cand, choice) in best.items()
                if not _subsumed(key[0], choice, best)
                and not any(status.get((m, key[1])) == "confirmed" for m in supersede[key])
                and not any((m, key[1]) in status for m in supersede_any[key])]

    def explain(self, tagging: Tagging, *, published_at: datetime | None = None) -> list[Candidate]:
        """Every candidate (trigger × pattern), fired or not, in text order."""
        return list(self._candidates(tagging, published_at, explain=True))

    # -- the steps ---------------------------------------------------------------------------------

    def _hits(self, article: ArticleView) -> list[tuple[int, int, str]]:
        """Whole-word trigger forms in the article, in text order: one Aho-Corasick scan for all rules."""
        norm = article.norm
        n = len(norm)
        raw: list[tuple[int, int, str]] = []
        anchors = article.anchors = Anchors()
        index = self.pack.index
        if index is None:
            return raw
        values = self.pack.index_values
        spot_bits = self.pack.index_spot_bits
        roles = self.pack.index_roles
        anchor_kinds = self.pack.index_anchor_kinds
        anchor_lengths = self.pack.index_anchor_lengths
        # the early checks' phrase keys found: the scan's own (key, start, end) tuples (a native loop would box a new
        # tuple of three ints for each), their checks' bits in ``spot_bits[key]``
        spots: list[object] = []
        article.phrase_spots = cast(list[tuple[int, int, int]], spots)
        article.phrase_spot_bits = spot_bits
        # keys are prefixed by a word-start character; the padding space makes offsets shift by one.
        # Matches come in the order of their ends (the anchors' lists stay in text order).
        found: list[tuple[int, int, int]]
        if isinstance(index, ahocorasick_rs.BytesAhoCorasick):
            found = index.find_matches_as_indexes(b" " + article.latin1, overlapping=True)
        else:
            found = index.find_matches_as_indexes(" " + norm, overlapping=True)
        found_objects = cast(list[object], found)
        i = -1
        match: tuple[int, int, int]  # (key, start, end) (typed: compiled, the loop is native code)
        for match in found:
            i += 1
            key = match[0]
            end = match[2] - 1  # (padding)
            if spot_bits[key]:
                spots.append(found_objects[i])
            role = roles[key]
            if role == KEY_PHRASE:
                continue
            if role == KEY_ANCHOR:  # where a name may be introduced ("the town of ", ", a ", " region")
                kind = anchor_kinds[key]
                if kind != "region" or end >= n or not norm[end].isalnum():
                    anchors.add(kind, end - anchor_lengths[key], end)
                continue
            if end < n and norm[end].isalnum():
                continue  # "fall" in "fallout"
            form = values[key]
            raw.append((end - len(form), end, form))
        raw.sort()
        return raw

    def _candidates(self, tagging: Tagging, published_at: datetime | None, *, explain: bool) -> list[Candidate]:
        article = ArticleView(tagging, published_at)
        if not article.sentences or not self.pack.entries:
            return []
        hits = self._hits(article)
        if not hits:
            return []  # (most articles on a wire: no sentence bounds to build)
        out = []
        starts = article.sentence_starts
        ends = article.sentence_ends
        entries = self.pack.entries
        norm = article.norm
        index, sentence_start, sentence_end = -1, -1, -1
        kinds: set[str] | None = None  # the sentence's place kinds, once a hit needs them
        for start, form_end, form in hits:
            if start >= sentence_end or start < sentence_start:
                index = max(0, bisect_right_int(starts, start) - 1)
                sentence_start, sentence_end = starts[index], ends[index]
                kinds = None
            for entry in entries[form]:
                pat = entry.pattern
                begin, end = start, form_end
                verify = entry.verify
                if verify is not None and entry.back:
                    # indexed by its last anchor: the phrase must end here and start in this sentence
                    lo = max(sentence_start, start - 120)
                    if not _any_in(norm, entry.needles, lo, form_end):
                        continue  # (no first anchor before the hit: the regex cannot match)
                    m = verify.search(norm, lo, form_end)
                    if m is None:
                        continue
                    begin = m.start()
                elif verify is not None:
                    if not _any_in(norm, entry.needles, start, sentence_end):
                        continue  # no last anchor in the rest of the sentence: no match, or one that ends beyond it
                    m = verify.match(norm, start)
                    if m is None:
                        continue
                    end = m.end()
                if end > sentence_end:
                    continue  # a '*' gap that ran into the next sentence
                if not explain and pat.cheap_early_checks \
                        and any(check.absent(article, index) for check in pat.cheap_early_checks):
                    # a required phrase list none of whose phrases occurs in reach (told from the trigger scan's
                    # phrase spots, no sentence scan): dropped before the place kinds, which then often need not
                    # be built for the article at all. (The same candidates are dropped as by the place pre-test
                    # and the early checks in their order below: both only drop, and neither has side effects
                    # on the output.)
                    continue
                if not explain and (any(check.absent(article, index) for check in pat.other_early_checks)
                                    or any(other.absent(article, index) for other in pat.other_early_checks_any)):
                    # a required role or context is nowhere in reach: no word view needed. (Asked before the place
                    # pre-test, which drops the same candidates in either order: the sentences' place kinds, with
                    # the unresolved places, cost more than these checks and are then built for fewer articles.)
                    continue
                if pat.sentence_place_needed:
                    if kinds is None:
                        kinds = article.event_kinds(index)
                    # (whether a place is carried over from the sentence before is only asked for patterns
                    # that may carry one: it is the costly part of the test)
                    if pat.all_kinds.isdisjoint(kinds) \
                            and not (pat.carries and article.carries(index)) \
                            and not (pat.anaphoric and article.has_anaphor(index)):
                        # most trigger hits end here, before any tokenising: no place of the kinds in the sentence
                        if explain:
                            out.append(self._no_place(article, index, entry, begin, end))
                        continue
                cand = self._evaluate(article, article.view(index), entry, begin, end, explain)
                if cand is not None:
                    out.append(cand)
        return out

    @staticmethod
    def _candidate(article: ArticleView, view: SentenceView, entry: TriggerEntry, start: int, end: int) -> Candidate:
        pat = entry.pattern
        return Candidate(
            milestone=pat.rule.id, pattern=pat.label, trigger=entry.trigger,
            trigger_text=article.text[start:end], trigger_start=start, trigger_end=end,
            sentence=view.sentence.text, sentence_start=view.start, sentence_end=view.end)

    def _no_place(self, article: ArticleView, index: int, entry: TriggerEntry, start: int, end: int) -> Candidate:
        s = article.sentences[index]
        pat = entry.pattern
        return Candidate(
            milestone=pat.rule.id, pattern=pat.label, trigger=entry.trigger,
            trigger_text=article.text[start:end], trigger_start=start, trigger_end=end,
            sentence=s.text, sentence_start=s.start, sentence_end=s.start + len(s.text), verdict="no-place",
            reason=f"no place of kind {'/'.join(sorted(pat.kinds))} in the sentence")

    def _evaluate(self, article: ArticleView, view: SentenceView, entry: TriggerEntry, start: int, end: int,
                  explain: bool) -> Candidate | None:
        pat = entry.pattern
        probe = Probe(article, view, start, end, None)
        # Roles and filters that do not depend on the place run first: most candidates stop at the object
        # role ("launched" without "offensive"), before any place linking (and, when not explaining,
        # before any Candidate is built).
        for check in pat.early_checks:
            if check.find(probe) is None:
                if not explain:
                    return None
                cand = self._candidate(article, view, entry, start, end)
                cand.verdict, cand.reason = "blocked", f"{check.name}: required words not found"
                return cand
        cand = self._candidate(article, view, entry, start, end)
        places = find_places(article, view, pat, start, end)
        if not places:
            cand.verdict, cand.reason = "no-place", f"no place of kind {'/'.join(sorted(pat.kinds))} linked"
            return cand if explain else None
        cand.places = places
        probe.place = places[0].mention
        status: Status = "confirmed"
        for check in pat.checks:
            hit = check.find(probe)
            if hit is not None:
                cand.hits.append(hit)
            if check.effect == "block" and hit is not None:
                cand.verdict, cand.reason = "blocked", f"{check.name}: '{hit.phrase}'"
                return cand
            if check.effect == "require" and hit is None:
                cand.verdict, cand.reason = "blocked", f"{check.name}: required words not found"
                return cand
            if check.effect == "contest" and hit is not None:
                status = "contested"
            if check.effect == "claim" and hit is not None and status == "confirmed":
                status = "claimed"
        cand.actors = _actors(article, view, pat.spec.actor.groups)
        if pat.spec.actor.required and not cand.actors:
            cand.verdict, cand.reason = "no-actor", f"no actor of group {'/'.join(pat.spec.actor.groups)}"
            return cand
        cand.status = status
        cand.confidence = _confidence(pat, places[0], status)
        return cand

    def _event(self, cand: Candidate, choice: PlaceChoice, confidence: float, status: Status, article_id: str,
               source: str | None, published_at: datetime | None) -> MilestoneEvent:
        rule = self._rules[cand.milestone]
        p = choice.mention
        return MilestoneEvent(
            milestone=rule.id, title=rule.title.format(place=p.name, country=p.country or "", milestone=rule.id),
            severity=rule.severity, place=p.name, geonameid=p.geonameid, country=p.country, lat=p.lat,
            lon=p.lon, actors=cand.actors, status=status, confidence=confidence,
            evidence=Evidence(text=cand.sentence, start=cand.sentence_start, end=cand.sentence_end,
                              trigger_start=cand.trigger_start, trigger_end=cand.trigger_end,
                              place_start=choice.start, place_end=choice.end),
            article_id=article_id, source=source, published_at=published_at, cameo=rule.cameo, acled=rule.acled)


def _subsumed(milestone: str, choice: PlaceChoice,
              best: dict[tuple[str, int | str], tuple[float, Candidate, PlaceChoice]]) -> bool:
    """A country reached only as a fallback ("drones hit a refinery in Ryazan … one of the biggest in central
    Russia", "Israeli air strikes killed 492 people in Lebanon" in a story that names the towns hit) adds
    nothing when the same milestone has a place in it: wire writers label the towns. (Round 19; before it,
    only a country after a compass word counted, and "air strikes on Houthi forces in Yemen, targeting the
    airport in Sanaa" kept Yemen.) So does a region, a province or a district when the same milestone names a town
    of the same country within ``_AREA_KM`` of it (or anywhere in that country, for a named region without a
    point; anywhere at all, for a named district with neither point nor country): "more than 32,000 people have
    fled Colombia's Catatumbo region … families left Tibu on foot" is labelled at Tibu (round 24)."""
    p = choice.mention
    if p.kind in _AREA_KINDS and (p.country is not None or p.lat is None):
        return any(m == milestone and c.mention.kind == "city"
                   and (c.mention.country == p.country or p.country is None)
                   and (p.lat is None or p.lon is None or c.mention.lat is None or c.mention.lon is None
                        or km(p.lat, p.lon, c.mention.lat, c.mention.lon) <= _AREA_KM)
                   for (m, _), (_, _, c) in best.items())
    if choice.via != "fallback" or p.kind != "country":
        return False
    return any(m == milestone and c.via != "fallback" and c.mention.country == p.country
               for (m, _), (_, _, c) in best.items())


# An area whose event a town in it takes over (see ``_subsumed``), and how far from the area's point the town may lie
# (GeoNames has no first-level code for ISO's subdivisions: "in it" is told by distance)
_AREA_KINDS: Final = frozenset({"admin1", "region", "district"})
_AREA_KM: Final = 250.0


def _any_in(text: str, needles: tuple[str, ...], start: int, end: int) -> bool:
    """Whether one of ``needles`` occurs in ``text[start:end]`` (True without needles)."""
    if not needles:
        return True
    for needle in needles:
        if text.find(needle, start, end) >= 0:
            return True
    return False


def _merge_status(old: Status | None, new: Status) -> Status:
    """One place, several mentions: a denial anywhere makes it contested; otherwise one mention reported
    as fact outweighs mentions reported as claims."""
    if old is None:
        return new
    if "contested" in (old, new):
        return "contested"
    return "confirmed" if "confirmed" in (old, new) else "claimed"


def _actors(article: ArticleView, view: SentenceView, groups: list[str]) -> list[str]:
    out: list[str] = []
    for k in article.tagging.keywords:
        if view.start <= k.start < view.end and k.group in groups and k.term not in out:
            out.append(k.term)
    return out


def _confidence(pat: CompiledPattern, choice: PlaceChoice, status: Status) -> float:
    conf = pat.spec.confidence
    conf *= {"inside": 1.0, "after": 1.0, "before": 1.0, "nearest": 0.9, "fallback": 0.8, "carried": 0.8}[choice.via]
    if choice.anaphora:
        conf *= 0.8
    conf *= 0.75 + 0.25 * min(1.0, max(0.0, choice.mention.score))
    conf *= {"confirmed": 1.0, "claimed": 0.85, "contested": 0.5}[status]
    return round(min(0.99, max(0.01, conf)), 2)


