"""Views over one tagged article that the detector and the filters share: words, segments, windows.

Built lazily by the detector — only sentences that contain a trigger are ever tokenised — so that the
cost of detection follows the number of trigger hits, not the article length or the rule count.

A *segment* is a clause-like piece of a sentence, cut at commas, semicolons, colons, dashes, quotes and
brackets and before connectives ("as", "while", "after", "since", "which", …). Filters that look
"before:N" or "after:N" words stay inside the trigger's segment, so "they declared in 2014" in one
clause does not date a trigger in the next.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from streams.milestones.lexicon import normalise
from streams.milestones.rules import Window
from streams.tagging.model import PlaceMention, Sentence, Tagging

_TOKEN = re.compile(r"\w+(?:[-.]\w+)*|'s\b|[^\w\s]")
_CONNECTIVES = frozenset(
    "but while whereas although though as after before since when because which who whom where until "
    "unless if despite amid".split()
)
_TIME_UNITS = frozenset("years year months month weeks week days day hours hour decades decade shortly soon "
                        "long just".split())
_TIME_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty a few several "
    "many some".split()
)
_SEG_PUNCT = frozenset(',;:()[]"') | {"-"}
GENERIC_SUBCITY = frozenset({"old city", "city center", "town center", "downtown", "the old city", "medina",
                             "old town", "city centre", "historic center", "inner city"})
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@dataclass
class SentenceView:
    index: int
    sentence: Sentence
    norm: str  # normalise(sentence.text); offsets relative to sentence.start
    places: list[PlaceMention]  # event-place candidates in this sentence (datelines removed)
    token_spans: list[tuple[int, int]] = field(default_factory=list)  # absolute offsets
    segments: list[tuple[int, int]] = field(default_factory=list)  # cut at punctuation and connectives
    clauses: list[tuple[int, int]] = field(default_factory=list)  # cut at punctuation only

    @classmethod
    def build(cls, index: int, sentence: Sentence, places: list[PlaceMention], norm: str | None = None) -> SentenceView:
        norm = normalise(sentence.text) if norm is None else norm
        base = sentence.start
        spans = [(base + m.start(), base + m.end()) for m in _TOKEN.finditer(norm)]
        toks = [norm[s - base:e - base] for s, e in spans]
        hard = [base]
        soft = [base]
        for i, tok in enumerate(toks):
            if tok in _SEG_PUNCT and (tok != "-" or _spaced(norm, spans[i][0] - base, spans[i][1] - base)):
                hard.append(spans[i][1])
                soft.append(spans[i][1])
            elif tok in _CONNECTIVES and i > 0:
                # "ten years after IS seized the city": the time phrase belongs to the clause it dates
                j = i
                if j > 1 and toks[j - 1] in _TIME_UNITS:
                    j -= 1
                    while j > 0 and i - j < 3 and (toks[j - 1] in _TIME_WORDS or toks[j - 1].isdigit()):
                        j -= 1
                soft.append(spans[j][0])
        end = base + len(sentence.text)
        hard.append(end)
        soft.append(end)
        soft = sorted(set(soft))
        segments = [(a, b) for a, b in zip(soft, soft[1:], strict=False) if b > a]
        clauses = [(a, b) for a, b in zip(hard, hard[1:], strict=False) if b > a]
        return cls(index, sentence, norm, places, spans, segments, clauses)

    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.start + len(self.sentence.text)

    def token_index(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect_left(self.token_spans, (pos, -1))

    def segment_of(self, pos: int, *, hard: bool = False) -> tuple[int, int]:
        """The segment (or, with ``hard``, the punctuation-delimited clause) containing ``pos``."""
        pieces = self.clauses if hard else self.segments
        starts = [s for s, _ in pieces]
        i = max(0, bisect_right(starts, pos) - 1)
        return pieces[i] if pieces else (self.start, self.end)

    def words_between(self, a: int, b: int) -> list[str]:
        """Normalised tokens fully inside [a, b)."""
        i = self.token_index(a)
        out = []
        while i < len(self.token_spans) and self.token_spans[i][1] <= b:
            s, e = self.token_spans[i]
            out.append(self.norm[s - self.start:e - self.start])
            i += 1
        return out

    def window_span(self, window: Window, t_start: int, t_end: int) -> tuple[int, int]:
        """Character span of a word-counted window (before/after/near/segment/sentence) around a trigger."""
        if window.scope == "sentence":
            return self.start, self.end
        if window.scope == "segment":
            seg_s, seg_e = self.segment_of(t_start)
            return seg_s, max(seg_e, t_end)
        # word-counted windows may cross a connective ("only a matter of time before X is encircled")
        # but not punctuation
        seg_s, seg_e = self.segment_of(t_start, hard=True)
        i = self.token_index(t_start)
        j = self.token_index(t_end)  # first token after the trigger
        lo, hi = t_start, t_end
        if window.scope == "before":
            hi = t_start
        elif window.scope == "after":
            lo = t_end
        if window.scope in ("before", "near"):
            k = max(0, i - window.size)
            lo = max(seg_s, self.token_spans[k][0]) if i > 0 and window.size else t_start
        if window.scope in ("after", "near"):
            k = min(len(self.token_spans), j + window.size) - 1
            hi = min(max(seg_e, t_end), self.token_spans[k][1]) if k >= j else t_end
        return lo, hi


def _spaced(norm: str, s: int, e: int) -> bool:
    """A dash between spaces ("bastion - the") cuts; one inside a word ("US-led") does not."""
    return (s == 0 or norm[s - 1] == " ") and (e >= len(norm) or norm[e] == " ")


@dataclass
class ArticleView:
    """One tagged article as the detector sees it. ``norm`` is the whole text, case-folded."""

    tagging: Tagging
    published_at: datetime | None = None
    _views: dict[int, SentenceView] = field(default_factory=dict)
    filter_cache: dict[tuple[int, ...], object] = field(default_factory=dict)  # see LexiconCheck.find

    @cached_property
    def norm(self) -> str:
        return normalise(self.tagging.text)

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s.start for s in self.tagging.sentences]

    @cached_property
    def event_places(self) -> list[PlaceMention]:
        """Place mentions that can be event places, in text order: never the dateline.

        A bare sub-city name ("the Old City", "the city centre") is re-attached to the latest city named
        before it in the last few sentences — the tagger may resolve it by article-wide context, but a
        story about two old cities (Raqqa's and Mosul's) needs the nearest one."""
        out: list[PlaceMention] = []
        last_city: PlaceMention | None = None
        last_city_sentence = -99
        for p in sorted(self.tagging.places, key=lambda p: p.start):
            if p.role == "dateline":
                continue
            if p.text.casefold().replace("centre", "center") in GENERIC_SUBCITY:
                here = self.sentence_index(p.start)
                if last_city is None or here - last_city_sentence > 3:
                    continue
                p = p.model_copy(update={
                    "name": last_city.name, "geonameid": last_city.geonameid, "country": last_city.country,
                    "lat": last_city.lat, "lon": last_city.lon, "kind": "city", "qualifier": p.text})
            elif p.kind == "city":
                last_city, last_city_sentence = p, self.sentence_index(p.start)
            out.append(p)
        return out

    @cached_property
    def place_starts(self) -> list[int]:
        return [p.start for p in self.event_places]

    @cached_property
    def reference_year(self) -> int | None:
        """Year 'now' for the history filter: publication year, else the latest year the text names."""
        if self.published_at is not None:
            return self.published_at.year
        years = [int(m.group()) for m in _YEAR.finditer(self.tagging.text)]
        return max(years) if years else None

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect_right(self.sentence_starts, pos) - 1)

    def sentence_places(self, index: int) -> list[PlaceMention]:
        """Event-place candidates inside sentence ``index`` (no tokenising: a bisect on offsets)."""
        s = self.tagging.sentences[index]
        lo = bisect_left(self.place_starts, s.start)
        hi = bisect_left(self.place_starts, s.start + len(s.text))
        return self.event_places[lo:hi]

    def view(self, index: int) -> SentenceView:
        v = self._views.get(index)
        if v is None:
            s = self.tagging.sentences[index]
            v = SentenceView.build(index, s, self.sentence_places(index),
                                   self.norm[s.start:s.start + len(s.text)])
            self._views[index] = v
        return v

    def places_before(self, pos: int, *, sentences_back: int, kinds: frozenset[str]) -> PlaceMention | None:
        """The latest place of ``kinds`` that ends before ``pos``, at most ``sentences_back`` sentences back."""
        first = self.tagging.sentences[max(0, self.sentence_index(pos) - sentences_back)].start
        i = bisect_left(self.place_starts, pos) - 1
        while i >= 0:
            p = self.event_places[i]
            if p.start < first:
                return None
            if p.end <= pos and p.kind in kinds:
                return p
            i -= 1
        return None
