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
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final, Protocol, TypeVar

import ahocorasick_rs

from streams.milestones.lexicon import (
    NEVER_NORMALISED,
    compile_phrases,
    first_characters,
    required_literals,
    split_alternatives,
    word_starts,
)
from streams.milestones.rules import (
    AnyFilter,
    DatedFilter,
    Effect,
    FilterList,
    LexiconFilter,
    RetrospectiveFilter,
    Window,
    expand_refs,
)
from streams.milestones.text import ArticleView, SentenceView, holds_any
from streams.tagging.model import PlaceMention

# A later sentence is about the same claim if it names the same place or refers back to it.
# (the patterns below are (?<![\w-])(?:word|…)(?![\w-]), written to be searched fast: see word_starts)
_REFERS_BACK: Final = re.compile(
    word_starts(r"claims?|reports?|this|that|it|these|those|allegations?|statements?|accounts?|the city|the town|"
                       r"the village".split("|"), before=r"\w") + r"(?!\w)"
)


@dataclass(init=False)
class FilterHit:
    name: str
    effect: Effect
    phrase: str  # the words that matched, as written in the article
    start: int
    end: int

    # (written out: compiled with mypyc, a dataclass's generated __init__ would run as interpreted Python
    # on every filter hit)
    def __init__(self, name: str, effect: Effect, phrase: str, start: int, end: int) -> None:
        self.name = name
        self.effect = effect
        self.phrase = phrase
        self.start = start
        self.end = end


@dataclass(init=False)
class Probe:
    """What a filter sees: the article, the trigger's sentence and span, and the chosen place."""

    article: ArticleView
    sentence: SentenceView
    trigger_start: int
    trigger_end: int
    place: PlaceMention | None = None

    def __init__(self, article: ArticleView, sentence: SentenceView, trigger_start: int, trigger_end: int,
                 place: PlaceMention | None = None) -> None:
        self.article = article
        self.sentence = sentence
        self.trigger_start = trigger_start
        self.trigger_end = trigger_end
        self.place = place

    def spans(self, window: Window) -> list[tuple[int, int]]:
        s = self.sentence
        if window.scope in ("before", "after", "near", "segment", "sentence"):
            return [s.window_span(window, self.trigger_start, self.trigger_end)]
        article = self.article
        if window.scope == "article":
            return [(0, len(article.text))]
        if window.scope == "context":
            lo = max(0, s.index - window.size)
            return [(article.sentence_starts[lo], article.sentence_ends[article.context_last(s.index)])]
        # following: this sentence, plus later ones that name the place or refer back to the claim
        out = [(s.start, s.end)]
        for k in range(s.index + 1, min(len(article.sentences), s.index + 1 + window.size)):
            nxt_start, nxt_end = article.sentence_span(k)
            norm = article.norm[nxt_start:nxt_end]
            same_place = self.place is not None and self.place.name.casefold() in norm
            if same_place or _REFERS_BACK.search(norm):
                out.append((nxt_start, nxt_end))
        return out


class Check(Protocol):
    name: str
    effect: Effect
    window: Window

    def find(self, probe: Probe) -> FilterHit | None: ...

    def absent(self, article: ArticleView, index: int) -> bool:
        """True when the check cannot find anything for a trigger in sentence ``index`` (none of its
        phrases occur where its window can reach): lets the detector drop a candidate whose 'require'
        check must fail before building the sentence's word view. False when unsure."""
        ...


# characters a phrase may follow (with the start of a sentence): a word start
PHRASE_STARTS: Final = (" ", "\"", "(", "'", "[", "/", "\n", "\t", "\u2014", "\u2013", ",", ";", ":", ".", "!", "?",
                         "\u201c", "\u2018")


Scanner = ahocorasick_rs.AhoCorasick | ahocorasick_rs.BytesAhoCorasick
_V = TypeVar("_V")


def scan_keys(keys: dict[str, _V]) -> dict[str, _V]:
    """The keys of an Aho-Corasick scan over ``normalise``d text that can match: without a character that
    ``normalise`` replaces (a curly quote or a dash: "\u2014" among the word starts), in the same order."""
    return {key: value for key, value in keys.items() if NEVER_NORMALISED.isdisjoint(key)}


def scanner(keys: list[str], implementation: ahocorasick_rs.Implementation) -> Scanner:
    """An automaton finding every occurrence of every key (overlapping, in the order of their ends).

    Over bytes when every key is Latin-1 and none holds a NUL: the scan then reads ``ArticleView.latin1`` (one
    byte per character of ``norm``, a NUL for one beyond Latin-1, which no key holds), whose byte offsets are the
    character offsets (the ``str`` automaton maps every byte offset of the text's UTF-8 to a character offset,
    a pass over the text per scan). Same matches, in the same order."""
    try:
        encoded = [key.encode("latin-1") for key in keys]
    except UnicodeEncodeError:
        encoded = None
    if encoded is not None and all(b"\x00" not in key for key in encoded):
        return ahocorasick_rs.BytesAhoCorasick(encoded, matchkind=ahocorasick_rs.MatchKind.Standard,
                                               implementation=implementation)
    return ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.Standard,
                                      implementation=implementation)


_PHRASE_START_SET: Final = frozenset(PHRASE_STARTS)


def phrase_keys(body: str) -> list[str]:
    """The scan keys of a literal phrase: after each word start when it opens with a word character ("to" is not
    looked for inside "history"), else the phrase itself."""
    return [prefix + body for prefix in PHRASE_STARTS] if body[0].isalnum() else [body]
# per Latin-1 byte: 1 for a word start of PHRASE_STARTS (the NUL byte, for a character beyond Latin-1, is 0)
_PHRASE_START_BYTES: Final = bytes(1 if chr(b) in _PHRASE_START_SET and b else 0 for b in range(256))


# Memo keys per article and sentence: an int (a serial number per index or check, shifted, plus the sentence
# index) hashes and compares faster than an (id, sentence) tuple, which had to be built for every question.
_SERIALS: Final = itertools.count(1)
_SENTENCE_BITS: Final = 24  # (an article of more sentences than 2 ** 24 is far beyond any wire story)
_PATTERN_SERIALS: Final[dict[tuple[str, int], int]] = {}  # a regular expression's serial, shared by the checks using it


class PhraseIndex:
    """One Aho-Corasick automaton over the literal phrases of every lexicon check in a pack.

    A sentence with a candidate is scanned once (in native code) for all of them; each check then only
    compares the offsets of its own phrases with its window. Phrases that are regular expressions, inflected
    (``~x``) or have gaps (``a * b``) stay regular expressions on the check."""

    def __init__(self) -> None:
        self.serial = next(_SERIALS) << _SENTENCE_BITS  # its per-sentence memo keys: serial + sentence index
        self.ids: dict[str, int] = {}
        self._automaton: Scanner | None = None
        self._values: list[tuple[int, int, bool, bool]] = []  # per automaton key: (id, length, left, right)
        self._stale = True

    def add(self, phrase: str) -> int | None:
        """The id of a literal phrase, or None when it must stay a regular expression."""
        if phrase.startswith(("re:", "~")) or "*" in phrase:
            return None
        body = " ".join(phrase.lstrip("=").lower().split())
        if not body:
            return None
        if body not in self.ids:
            self.ids[body] = len(self.ids)
            self._stale = True
        return self.ids[body]

    def _built(self) -> Scanner | None:
        if self._stale:
            # key → value; a later key's value replaces an earlier one's (as pyahocorasick's add_word did)
            keys: dict[str, tuple[int, int, bool, bool]] = {}
            for body, pid in self.ids.items():
                value = (pid, len(body), body[0].isalnum(), body[-1].isalnum())
                for key in phrase_keys(body):
                    keys[key] = value
            keys = scan_keys(keys)
            # every occurrence of every key (overlapping), as pyahocorasick's iter reported them. A contiguous
            # NFA: per sentence as fast as a DFA here (the call's overhead dominates) at a seventh of its memory
            self._automaton = scanner(list(keys), ahocorasick_rs.Implementation.ContiguousNFA) if keys else None
            self._values = list(keys.values())
            self._stale = False
        return self._automaton

    def sentence_hits(self, article: ArticleView, index: int) -> dict[int, list[tuple[int, int]]]:
        """Phrase id → [(start, end)] of whole-word matches in sentence ``index``, once per article."""
        key = self.serial + index
        hits = article.sentence_memo.get(key)
        if hits is None:
            out: dict[int, list[tuple[int, int]]] = {}
            automaton = self._built()
            if automaton is not None:
                values = self._values
                norm = article.norm
                n = len(norm)
                lo, hi = article.sentence_span(index)
                # scan a slice; the padding space lets a phrase at the sentence start match with its prefix
                # (so offsets in the scanned text are one more than from ``lo``)
                found: list[tuple[int, int, int]]
                if isinstance(automaton, ahocorasick_rs.BytesAhoCorasick):
                    found = automaton.find_matches_as_indexes(b" " + article.latin1[lo:hi], overlapping=True)
                else:
                    found = automaton.find_matches_as_indexes(" " + norm[lo:hi], overlapping=True)
                match: tuple[int, int, int]  # (key, start, end) (typed: compiled, the loop is native code)
                for match in found:
                    pid, length, left, right = values[match[0]]
                    b = lo + match[2] - 1
                    a = b - length
                    if left and a > 0:
                        c = norm[a - 1]
                        if c.isalnum() or c == "-" or c == "_":
                            continue
                    if right and b < n:
                        c = norm[b]
                        if c.isalnum() or c == "_":
                            continue
                    spans = out.get(pid)
                    if spans is None:
                        out[pid] = [(a, b)]
                    else:
                        spans.append((a, b))
            article.sentence_memo[key] = hits = out
        return hits  # type: ignore[return-value]


@dataclass
class LexiconCheck:
    name: str
    effect: Effect
    window: Window
    index: PhraseIndex
    ids: frozenset[int]  # literal phrases, found through the shared index
    pattern: re.Pattern[str] | None  # the rest: regular expressions, inflected or gapped phrases
    unless_ids: frozenset[int]
    unless: re.Pattern[str] | None
    veto: re.Pattern[str] | None = None  # any match in the window stops the check
    pattern_start: re.Pattern[str] | None = None  # what a match of ``pattern`` starts with (first_characters)
    # strings of which every match of ``pattern`` contains one, or the text of a look-behind before it, within
    # _LOOKBEHIND_REACH characters (lexicon.required_literals; None: unknown)
    pattern_needles: tuple[str, ...] | None = None
    # every phrase of ``ids`` (with the word starts it may follow) is also a key of the detector's trigger scan
    # (compile_pack), which lists each occurrence in ``ArticleView.phrase_spots``: a sentence with none of them
    # has no literal match to scan for. ``spot_keys``: the indexes of those keys; ``spot_bit``: the check's bit
    # in the spots' bits (one bit per spotted check of the pack)
    spotted: bool = False
    spot_keys: frozenset[int] = frozenset()
    spot_bit: int = 0
    # a spot of the check's phrases followed by no word character is one of its matches (``_spot_matched``): no key
    # of its phrases is also another phrase's key (the phrase index reports one phrase per key), and the check has
    # no regex and nothing that cancels a match
    spot_sure: bool = False
    # the window's scope and size, read once (a pydantic field read costs an attribute hook; the window is frozen)
    scope: str = ""
    reach: int = 0

    serial: int = 0  # its per-sentence memo keys: serial + sentence index (ArticleView.sentence_memo)
    # the same for the matches of ``pattern``, which checks with the same regular expression share (the 'exclude'
    # roles' "fell to <number>", the 'mass' numbers)
    pattern_serial: int = 0
    # ``pattern``'s top-level alternatives (empty: not split, see ``_alternatives``), the required strings of each
    # as (string, bits of the alternatives that hold it), the bits of those that require none, and the alternation
    # of each subset met so far (by its bits) with its first characters: a sentence is scanned only for the
    # alternatives one of whose strings it holds (see ``_pattern_spans``)
    part_sources: tuple[str, ...] = ()
    part_needles: tuple[tuple[str, int], ...] = ()
    part_always: int = 0
    part_patterns: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None, bool]] = field(default_factory=dict)
    # whether ``pattern`` is tried only where ``pattern_start`` matches (``_walks``)
    pattern_walks: bool = False

    def __post_init__(self) -> None:
        self.scope = self.window.scope
        self.reach = self.window.size
        self.serial = next(_SERIALS) << _SENTENCE_BITS
        if self.pattern is not None:
            self.part_sources, self.part_needles, self.part_always = _pattern_parts(self.pattern)
            self.pattern_walks = _walks(self.pattern, self.pattern_start)
            known = _PATTERN_SERIALS.get((self.pattern.pattern, self.pattern.flags))
            if known is None:
                known = _PATTERN_SERIALS[self.pattern.pattern, self.pattern.flags] = next(_SERIALS) << _SENTENCE_BITS
            self.pattern_serial = known

    @classmethod
    def build(cls, spec: LexiconFilter, lists: dict[str, FilterList], index: PhraseIndex | None = None) -> LexiconCheck:
        index = index or PhraseIndex()
        phrases = list(spec.phrases)
        unless = list(spec.unless)
        window = spec.window
        if spec.list_name is not None:
            flist = lists[spec.list_name]
            phrases = [*flist.phrases, *phrases]
            unless = [*flist.unless, *unless]
            window = window or flist.window

        def split(items: list[str]) -> tuple[frozenset[int], re.Pattern[str] | None]:
            ids, rest = set(), []
            for p in expand_refs(items, lists):
                pid = index.add(p)
                if pid is None:
                    rest.append(p)
                else:
                    ids.add(pid)
            return frozenset(ids), compile_phrases(rest)

        ids, pattern = split(phrases)
        unless_ids, unless_pattern = split(unless)
        veto = compile_phrases(expand_refs(spec.unless_window, lists)) if spec.unless_window else None
        return cls(spec.label, spec.effect, window or Window(scope="segment"), index, ids, pattern, unless_ids,
                   unless_pattern, veto, first_characters(pattern) if pattern is not None else None,
                   required_literals(pattern, behind=_LOOKBEHIND_REACH) if pattern is not None else None)

    def find(self, probe: Probe) -> FilterHit | None:
        article = probe.article
        local = self.scope in _LOCAL_SCOPES
        if local and not self._own_hits(article, probe.sentence.index):
            return None  # none of the phrases in the sentence (the usual case): no window to compute
        spans = probe.spans(self.window)
        if self.veto is not None and any(self.veto.search(article.norm, lo, hi) for lo, hi in spans):
            return None
        for lo, hi in spans:
            if local:
                sentences: range = range(probe.sentence.index, probe.sentence.index + 1)
            else:
                sentences = range(article.sentence_index(lo), article.sentence_index(max(lo, hi - 1)) + 1)
            for sentence in sentences:
                for a, b in self._own_hits(article, sentence):
                    if a >= hi:
                        break
                    if lo <= a and b <= hi and not (self.effect == "block"
                                                    and _in_subject_relative(article.norm, a, b, probe.trigger_start)):
                        return FilterHit(self.name, self.effect, article.text[a:b], a, b)
        return None

    def absent(self, article: ArticleView, index: int) -> bool:
        scope = self.scope
        if scope in _LOCAL_SCOPES:
            if self.spot_sure and self._spot_matched(article, index, index):
                return False  # (no sentence scan, which a candidate dropped later on would not use)
            return not self._own_hits(article, index)
        if scope == "context":
            lo = max(0, index - self.reach)
            hi = article.context_last(index)
            # ("conflict-context": a war word in this sentence or the three before, asked for every trigger hit)
            if self.spotted and not self.unless_ids and self.pattern is None:
                masks = sentence_spot_masks(article)
                if masks is not None and not _any_bit(masks, self.spot_bit, lo, hi + 1):
                    return True  # none of the sentences in reach has a spot of the check's phrases: no scan at all
                if self.spot_sure and self._spot_matched(article, lo, hi):
                    return False
            # the trigger's own sentence first: its hits are often needed anyway (same answer, fewer scans)
            return not any(self._own_hits(article, k) for k in range(hi, lo - 1, -1))
        return False

    def _own_hits(self, article: ArticleView, sentence: int) -> list[tuple[int, int]]:
        """This check's matches in one sentence, sorted, 'unless' phrases removed; once per article."""
        key = self.serial + sentence
        own = article.sentence_memo.get(key)
        if own is None:
            ids = self.ids  # a phrase list may be long; a sentence has few hits: walk the hits
            if self.spotted and not self.unless_ids and not self._spotted_in(article, sentence):
                # none of the phrases occurs in the sentence at all (the usual case): no whole-word match either
                hits: dict[int, list[tuple[int, int]]] = {}
                found: list[tuple[int, int]] = []
            else:
                hits = self.index.sentence_hits(article, sentence)
                found = [span for pid, spans in hits.items() if pid in ids for span in spans]
            if self.pattern is not None:
                found += self._pattern_spans(article, sentence)
            if found and (self.unless_ids or self.unless is not None):
                found = self._uncancelled(article, sentence, hits, found)
            own = sorted(found) if len(found) > 1 else found
            article.sentence_memo[key] = own
        return own  # type: ignore[return-value]

    def _spot_matched(self, article: ArticleView, first: int, last: int) -> bool:
        """Whether the trigger scan spotted a whole-word match of one of the check's phrases inside one of the
        sentences ``first``..``last`` (for a ``spot_sure`` check: then the sentence scan finds it too; False: not
        known). A spot's key opens with a word start, or is the phrase; it must lie inside the sentence, prefix
        included, and be followed by no word character (the phrase index's test on the right)."""
        spots = article.phrase_spots
        if not spots:
            return False
        sentence_spot_masks(article)
        sure = article.sure_masks
        if sure is not None:  # (sentences in order: told per sentence when the masks were built)
            return _any_bit(sure, self.spot_bit, first, last + 1)
        starts, ends = article.sentence_starts, article.sentence_ends
        lo, hi = starts[first], ends[last]
        bit = self.spot_bit
        spot_bits = article.phrase_spot_bits
        norm = article.norm
        n = len(norm)
        spot: tuple[int, int, int]
        for spot in spots:
            if not spot_bits[spot[0]] & bit:
                continue
            a, b = spot[1] - 1, spot[2] - 1  # the key's start and end in norm
            if a < lo or b > hi:
                continue
            inside = False
            for k in range(first, last + 1):
                if starts[k] <= a and b <= ends[k]:
                    inside = True
                    break
            if not inside:
                continue
            if b < n:
                c = norm[b]
                if c.isalnum() or c == "_":
                    continue
            return True
        return False

    def _spotted_in(self, article: ArticleView, sentence: int) -> bool:
        """Whether one of the check's phrases may occur in sentence ``sentence`` (False: it has no match of them)."""
        masks = sentence_spot_masks(article)
        return masks is None or masks[sentence] & self.spot_bit != 0

    def _pattern_spans(self, article: ArticleView, sentence: int) -> list[tuple[int, int]]:
        """The non-empty matches of the check's ``pattern`` in one sentence; once per article and pattern text
        (checks of different rules often share one: the 'exclude' roles' "fell to <number>", the 'mass' numbers)."""
        pattern = self.pattern
        if pattern is None:
            return []
        key = self.pattern_serial + sentence
        spans = article.sentence_memo.get(key)
        if spans is None:
            lo, hi = article.sentence_span(sentence)
            needles = self.pattern_needles
            found: list[tuple[int, int]] = []
            norm = article.norm
            reach = max(0, lo - _LOOKBEHIND_REACH)
            # (none of the strings every match contains in the sentence, the usual case: no match, no regex scan)
            if holds_any(norm, needles, reach, hi):
                start, walks = self.pattern_start, self.pattern_walks
                if self.part_sources:
                    # only the alternatives one of whose required strings occurs can match in the sentence: the
                    # others fail at every position, so the alternation of the rest (in their order) finds the
                    # same sequence of matches
                    bits = self.part_always
                    for needle, holders in self.part_needles:
                        if bits & holders != holders and norm.find(needle, reach, hi) >= 0:
                            bits |= holders
                    if bits != (1 << len(self.part_sources)) - 1:
                        if bits == 0:
                            article.sentence_memo[key] = found
                            return found
                        pattern, start, walks = self._part_pattern(bits)
                if walks and start is not None:
                    # the leftmost match from ``at`` on starts at a character ``start`` matches: where the pattern
                    # matches first, then on after that match (non-empty: a pattern with ``start`` has no empty
                    # match), as finditer would go
                    at = lo
                    while True:
                        first = start.search(norm, at, hi)
                        if first is None:
                            break
                        at = first.start()
                        m = pattern.match(norm, at, hi)
                        if m is None:
                            at += 1
                        else:
                            found.append(m.span())
                            at = m.end()
                    article.sentence_memo[key] = found
                    return found
                if start is not None:  # no match starts before the first character it can start with
                    first = start.search(norm, lo, hi)
                    lo = hi if first is None else first.start()
                found = [m.span() for m in pattern.finditer(norm, lo, hi) if m.end() > m.start()]
            article.sentence_memo[key] = spans = found
        return spans  # type: ignore[return-value]

    def _part_pattern(self, bits: int) -> tuple[re.Pattern[str], re.Pattern[str] | None, bool]:
        """The alternation of ``pattern``'s alternatives in ``bits`` (in their order), its first characters and
        whether it is tried only where they occur (``_walks``)."""
        got = self.part_patterns.get(bits)
        if got is None:
            assert self.pattern is not None
            sub = re.compile("|".join(source for i, source in enumerate(self.part_sources) if bits >> i & 1),
                             self.pattern.flags)
            start = first_characters(sub)
            got = self.part_patterns[bits] = (sub, start, _walks(sub, start))
        return got

    def _uncancelled(self, article: ArticleView, sentence: int, hits: dict[int, list[tuple[int, int]]],
                     found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The hits that are not part of a longer 'unless' phrase ("managed to" for "to"). The 'unless'
        regex runs once per sentence (not once per hit), and only when a hit is not cancelled by an
        'unless' literal."""
        unless_spans: list[tuple[int, int]] | None = None
        kept: list[tuple[int, int]] = []
        for a, b in found:
            cancelled = False
            for pid in self.unless_ids:
                for ua, ub in hits.get(pid, ()):
                    if ua <= a and b <= ub:
                        cancelled = True
                        break
                if cancelled:
                    break
            if not cancelled and self.unless is not None:
                if unless_spans is None:
                    lo, hi = article.sentence_span(sentence)
                    unless_spans = [u.span() for u in self.unless.finditer(article.norm, lo, hi)]
                for ua, ub in unless_spans:
                    if ua <= a and b <= ub:
                        cancelled = True
                        break
            if not cancelled:
                kept.append((a, b))
        return kept


_LOCAL_SCOPES: Final = frozenset({"before", "after", "near", "segment", "sentence"})
# how far before a sentence the text of a check's look-behind ("(?<=no sign )of") is looked for (pattern_needles)
_LOOKBEHIND_REACH: Final = 32


def _pattern_parts(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], tuple[tuple[str, int], ...], int]:
    """A lexicon check's ``pattern`` split for ``_pattern_spans``: its top-level alternatives (``_standalone``), the
    strings their matches require (``lexicon.required_literals``, look-behinds within _LOOKBEHIND_REACH included),
    each with the bits of the alternatives that list it, and the bits of the alternatives that require nothing. Not
    split (empty) when the alternatives cannot stand alone or none requires a string."""
    parts = _standalone(pattern)
    holders: dict[str, int] = {}
    always = 0
    for i, part in enumerate(parts):
        needles = required_literals(part, behind=_LOOKBEHIND_REACH)
        if needles is None:
            always |= 1 << i
        else:
            for needle in needles:
                holders[needle] = holders.get(needle, 0) | 1 << i
    if not holders:
        return (), (), 0
    return tuple(part.pattern for part in parts), tuple(holders.items()), always


_LETTERS: Final = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ "


def _walks(pattern: re.Pattern[str], start: re.Pattern[str] | None) -> bool:
    """Whether ``pattern``'s matches are found faster by trying it (``match``) only at the characters that ``start``
    (its first characters) finds: when no match starts with a letter or a space (the numbers of the 'mass' and
    'exclude' checks) and the regex engine itself would try the pattern at every position (it has no literal or
    character-set prefix to skip to: it opens with a look-behind or a repeat)."""
    if start is None or start.search(_LETTERS) is not None:
        return False
    try:
        import re._compiler as compiler
        import re._parser as parser

        parsed = parser.parse(pattern.pattern, pattern.flags)
        return not compiler._get_literal_prefix(parsed, pattern.flags)[0] \
            and not compiler._get_charset_prefix(parsed, pattern.flags)
    except Exception:  # (re's internals: should they change, lose only the speed-up)
        return False


def sentence_spot_masks(article: ArticleView) -> list[int] | None:
    """Per sentence of the article: the bits (``LexiconCheck.spot_bit``) of the checks one of whose phrases the
    trigger scan spotted in it (``ArticleView.phrase_spots``): a check whose bit is not set has no match in the
    sentence. Every bit (-1) for a sentence the spots cannot tell about (one that a phrase may open whatever comes
    before it); None without spots. Built once per article, on the first question (the checks of every candidate
    ask, of several sentences)."""
    masks = article.spot_masks
    if masks is None:
        spots = article.phrase_spots
        if spots is None:
            return None
        masks = article.spot_masks = _spot_masks_by_sentence(article, spots)
    return masks


def _any_bit(masks: list[int], bit: int, lo: int, hi: int) -> bool:
    """Whether ``bit`` is set in one of ``masks[lo:hi]``."""
    for k in range(lo, hi):
        if masks[k] & bit:
            return True
    return False


def _spot_masks_by_sentence(article: ArticleView, spots: list[tuple[int, int, int]]) -> list[int]:
    """``sentence_spot_masks``: the spots' bits put into the sentences they lie in."""
    starts, ends = article.sentence_starts, article.sentence_ends
    spot_bits = article.phrase_spot_bits
    n = len(starts)
    out = [0] * n
    # (key, start, end) in " " + norm, the key's bits spot_bits[key]: the key (a word start and the phrase, or the
    # phrase) spans [start - 1, end - 1) of norm; the phrase lies in sentence k if starts[k] <= start and end - 1 <=
    # ends[k]
    spot: tuple[int, int, int]
    in_order = True
    for k in range(n - 1):
        if ends[k] > starts[k + 1]:
            in_order = False
            break
    if in_order:
        # sentences in order, none overlapping (as the tagger makes them), so their ends do not decrease either: the
        # sentences a spot lies in are those from the first one ending at or after its end to the last one starting
        # at or before its start (two only for a spot of one character). The spots come in the order of their ends
        # (the scan's), so that first sentence is found by walking on from the last spot's (one out of that order
        # walks from the first sentence again).
        # And the bits of the spots that are matches of their phrases (``LexiconCheck._spot_matched``): inside the
        # sentence with their word start (starts[k] <= start - 1) and followed by no word character, per sentence.
        sure = [0] * n
        norm = article.norm
        size = len(norm)
        first, last_end = 0, -1
        for spot in spots:
            end = spot[2] - 1
            if end < last_end:
                first = 0
            last_end = end
            while first < n and ends[first] < end:
                first += 1
            bits = spot_bits[spot[0]]
            whole = True
            if end < size:
                c = norm[end]
                whole = not (c.isalnum() or c == "_")
            k = first
            while k < n and starts[k] <= spot[1]:
                out[k] |= bits
                if whole and starts[k] < spot[1]:
                    sure[k] |= bits
                k += 1
        article.sure_masks = sure
    else:
        for k in range(n):
            lo, hi = starts[k], ends[k]
            for spot in spots:
                if lo <= spot[1] and spot[2] - 1 <= hi:
                    out[k] |= spot_bits[spot[0]]
    # a sentence the spots cannot tell about: the sentence scan lets a phrase open a sentence whatever comes before
    # it, the trigger scan only after a word start. (Read from the Latin-1 bytes when the scan made them, through a
    # table: a byte and a table read instead of a one-character string and a set look-up; a NUL stands for a
    # character beyond Latin-1, looked up in the set.)
    latin1 = article.scanned_latin1
    if latin1 is not None:
        for k in range(n):
            lo = starts[k]
            if lo > 0:
                byte = latin1[lo - 1]
                if byte == 0:
                    if article.norm[lo - 1] not in _PHRASE_START_SET:
                        out[k] = -1
                elif not _PHRASE_START_BYTES[byte]:
                    out[k] = -1
    else:
        norm = article.norm
        for k in range(n):
            lo = starts[k]
            if lo > 0 and norm[lo - 1] not in _PHRASE_START_SET:
                out[k] = -1
    return out


_MONTHS: Final = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_DATE: Final = re.compile(
    r"(?<!\w)(?:(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?\s+(?:\d{1,2},?\s+)?)?"
    r"((?:19|20)\d\d)(?!\d)(?!\s*(?:km|people|fighters|civilians|troops|soldiers|m\b))"
)

_MONTHS["sept"] = 9
# "in early 2021", "mid-2019", "the first half of 2020": the last month such a part of the year can mean
_YEAR_PART_BEFORE: Final = re.compile(
    r"(?:(?<![\w-])(?P<part>early|mid|spring|summer|first\s+half\s+of|first\s+quarter\s+of)"
    r"(?:-|\s+)(?:of\s+)?)$")
_YEAR_PART_MONTH: Final = {"early": 4, "mid": 8, "spring": 6, "summer": 9, "first half of": 6, "first quarter of": 3}


def _part_of_year(norm: str, year_at: int) -> int:
    """The last month a year at ``year_at`` can mean: December, unless a part of the year stands before it."""
    m = _YEAR_PART_BEFORE.search(norm, max(0, year_at - 20), year_at)
    return 12 if m is None else _YEAR_PART_MONTH[" ".join(m.group("part").split())]


_MONTH_NAMES: Final = "|".join(sorted((m for m in _MONTHS if len(m) > 3 or m == "may"), key=len, reverse=True)) \
    + r"|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?=\.\s+\d)"  # "Oct. 7", "Sept. 27"
# "in January", "since March 3", "last June", "in mid-February", "the April 22 attack", "Hamas' Oct. 7 attack":
# a month without a year (when the article has a date); a month with a day needs no preposition
_MONTH_ONLY: Final = re.compile(
    r"(?<![\w-])(?:(?:in|since|on|last|by|until|from|of)\s+(?:(?:early|late|mid)(?:-|\s+))?|(?:early|late|mid)(?:-|\s+)"
    rf"|(?=(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?!\d)))({_MONTH_NAMES})"
    r"(?:\.?\s+(\d{1,2}))?(?![\w-])(?!\.?,?\s*(?:\d{1,2},?\s+)?(?:19|20)\d\d)"
)
# What a match of _DATE (its year) and of _MONTH_ONLY (its month) must contain: searched first, these cheap
# patterns rule out most windows before the costly ones, which try their look-behind at every position.
_HAS_YEAR: Final = re.compile(r"(?:19|20)\d\d")
_HAS_MONTH: Final = re.compile(_MONTH_NAMES)


# A month and day this close after the publication date are ahead of it ("to take effect from Feb. 15"), not last year's
_SOON_DAYS: Final = 45


@dataclass
class DatedCheck:
    name: str
    effect: Effect
    window: Window
    max_age_days: int
    subordinate: bool = False
    month_max_age_days: int | None = None
    months_only: bool = False
    sentence_wide: bool = False

    @classmethod
    def build(cls, spec: DatedFilter, lists: dict[str, FilterList]) -> DatedCheck:
        return cls(spec.label, spec.effect, spec.window, spec.max_age_days, spec.subordinate,
                   spec.month_max_age_days, spec.months_only, spec.sentence_wide)

    def absent(self, article: ArticleView, index: int) -> bool:
        return False

    @staticmethod
    def _elsewhere(probe: Probe, lo: int, start: int, end: int) -> bool:
        return _dates_other_clause(probe, lo, start, end)

    def find(self, probe: Probe) -> FilterHit | None:
        ref = probe.article.published_at
        ref_date = ref.date() if ref is not None else None
        if ref_date is None:
            year = probe.article.reference_year
            if year is None:
                return None
            ref_date = date(year, 12, 31)
        norm = probe.article.norm
        spans = probe.spans(self.window)
        month_age = self.max_age_days if self.month_max_age_days is None else \
            min(self.max_age_days, self.month_max_age_days)
        if self.subordinate:
            lead = norm[max(spans[0][0], probe.trigger_start - 60):probe.trigger_start]
            if not _SUBORDINATE.search(lead):
                return None
            spans = [(lo, min(hi, probe.trigger_start)) for lo, hi in spans]
        wide = self.months_only or self.sentence_wide
        if wide and any(_CURRENT.search(norm, lo, hi) for lo, hi in spans):
            return None
        for lo, hi in spans:
            dated = _HAS_YEAR.search(norm, lo, hi) is not None  # (a match lies inside [lo, hi))
            for m in _DATE.finditer(norm, lo, hi) if dated else ():
                if self.months_only and not m.group(1) or wide and self._elsewhere(probe, lo, m.start(), m.end()):
                    continue
                if _in_relative_after(norm, probe.trigger_end, m.start()):
                    continue
                year = int(m.group(2))
                month = _MONTHS[m.group(1)] if m.group(1) else _part_of_year(norm, m.start())
                when = date(year, month, calendar.monthrange(year, month)[1])
                if (ref_date - when).days > (month_age if m.group(1) else self.max_age_days):
                    return FilterHit(self.name, self.effect, probe.article.text[m.start():m.end()],
                                     m.start(), m.end())
            if ref is None or _HAS_MONTH.search(norm, lo, hi) is None:
                continue
            for m in _MONTH_ONLY.finditer(norm, lo, hi):
                if wide and self._elsewhere(probe, lo, m.start(), m.end()) \
                        or _in_relative_after(norm, probe.trigger_end, m.start()):
                    continue
                if m.start() >= probe.trigger_end \
                        and _OTHER_EVENT_BEFORE.search(norm, max(lo, m.start() - 24), m.start()) is not None:
                    continue  # "promised to release schoolgirls kidnapped in April": the kidnapping's date
                if norm.startswith("of ", m.start()) and norm.endswith("ahead ", max(0, m.start() - 6), m.start()):
                    continue  # "to retake the city ahead of January elections": a month to come
                if norm.startswith("since", m.start()) and _STATE.match(norm, probe.trigger_start) is not None \
                        and _PERFECT_BEFORE.search(norm, max(0, probe.trigger_start - 30), probe.trigger_start):
                    continue  # "has been encircled by federal forces since late August": a state that goes on
                month = _MONTHS[m.group(1)]
                if m.group(2):
                    day = int(m.group(2))
                elif norm.startswith("in ", m.start()) and "late" not in m.group():
                    day = 15  # "launched its assault in June": some day in it, counted from its middle
                else:  # "late June", "since June" (a state that goes on): from its last day
                    day = calendar.monthrange(ref_date.year, month)[1]
                if m.group(2) is not None and (month, day) > (ref_date.month, ref_date.day) \
                        and day <= calendar.monthrange(ref_date.year, month)[1] \
                        and (date(ref_date.year, month, day) - ref_date).days <= _SOON_DAYS:
                    continue  # "to take effect from Feb. 15" (published Feb. 12): days ahead, not last year
                year = ref_date.year if (month, day) <= (ref_date.month, ref_date.day) or m.group(2) is None \
                    and month <= ref_date.month else ref_date.year - 1
                day = min(day, calendar.monthrange(year, month)[1])
                if (ref_date - date(year, month, day)).days > month_age:
                    return FilterHit(self.name, self.effect, probe.article.text[m.start():m.end()],
                                     m.start(), m.end())
        return None


# the end of a relative clause on the subject, right before the trigger's auxiliary: "Rebels who crossed into
# Sierra Leone from Liberia last month have captured …" (the phrase belongs to the clause: "last month" dates the
# crossing)
_RELATIVE_OPENS: Final = re.compile(r"(?<![\w-])(?:who|which)\s+[^,;:]*$")
_AUXILIARY_ONLY: Final = re.compile(r"\s+(?:have|has|had)\s+(?:now\s+|also\s+|since\s+)?$")


def _in_subject_relative(norm: str, start: int, end: int, trigger_start: int) -> bool:
    """Whether the phrase at ``start``-``end`` closes a relative clause ("who …", "which …") that only the
    main clause's auxiliary separates from the trigger (asked of blocking phrases only: "which jihadists have
    encircled" still names the forces a siege needs)."""
    return end < trigger_start and _AUXILIARY_ONLY.fullmatch(norm, end, trigger_start) is not None \
        and _RELATIVE_OPENS.search(norm, max(0, start - 80), start) is not None


# "remained cut off on Friday by a blockade that JNIM imposed in August": a relative clause after the trigger
# (not the event's own noun: "recaptured Bor in a raid that began in 2015")
_RELATIVE_THAT: Final = re.compile(
    r"(?<![\w-])(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?!(?:raid|offensive|operation|assault|attack|campaign|battle|push|advance|fighting|"
    r"counteroffensive|counter-offensive)\s)[\w-]+\s+that\s+(?!(?:is|was|were|are)\b)")


def _in_relative_after(norm: str, trigger_end: int, start: int) -> bool:
    """Whether a date at ``start`` lies in a relative clause ("… a blockade that the group imposed in August")
    opened after the trigger: it dates that clause."""
    return start > trigger_end and norm.find(" that ", trigger_end, start) >= 0 \
        and _RELATIVE_THAT.search(norm, trigger_end, start) is not None


def _dates_other_clause(probe: Probe, lo: int, start: int, end: int) -> bool:
    """For a sentence-wide month date: true when it dates another clause than the trigger's: an ongoing
    state ("has held since it took effect on March 6"), a relative or temporal clause after the trigger
    ("hit Kobani, which the militants had taken in January") or one before it, closed by a comma ("the
    rebels, who seized Goma in January, captured Bukavu")."""
    norm = probe.article.norm
    if _SINCE.search(norm, lo, start):
        return True
    if end <= probe.trigger_start:
        # "the city, encircled since early March, was on the verge of falling": the date belongs to a
        # participle phrase set off by commas before the trigger
        open_at = norm.rfind(",", lo, start)
        close_at = norm.find(",", end, probe.trigger_start)
        if open_at >= 0 and close_at >= 0 and _PARTICIPLE_PHRASE.match(norm, open_at + 1) is not None:
            return True
    if start >= probe.trigger_end:
        opener = _OPENER.search(norm, probe.trigger_end, start)
        if opener is None:
            # "had taken control of Daraa, the cradle of the 2011 uprising": a date inside an apposition (no comma
            # closes it before the date) describes the place
            comma = norm.rfind(",", probe.trigger_end, start)
            return comma >= 0 and _APPOSITION.match(norm, comma) is not None
        # ("The truce, which first took effect in April, …": a clause right after a noun trigger dates the event)
        return not norm[probe.trigger_end:opener.start()].strip(" ,") == ""
    comma = norm.rfind(",", lo, start)
    own = max(lo, comma + 1)
    return _OPENER.search(norm, own, start) is not None and "," in norm[end:probe.trigger_start]


# a participle of something that is no milestone, right before a date after the trigger: it dates that
_OTHER_EVENT_BEFORE: Final = re.compile(r"(?<![\w-])(?:kidnapped|abducted|elected|arrested|detained|jailed|born|built|"
                                        r"founded|established|appointed|sworn\s+in)\s+$")
# the participles of a siege: a state that goes on (_STATE) and a phrase set off by commas (_PARTICIPLE_PHRASE)
_SIEGE_PARTICIPLES: Final = r"encircled|besieged|surrounded|blockaded|cut\s+off"
_PARTICIPLE_PHRASE: Final = re.compile(
    r"\s+(?:(?:already|largely|mostly|fully|partly)\s+)?(?:" + _SIEGE_PARTICIPLES
    + r"|held|occupied|controlled|captured|seized|taken|retaken|recaptured|liberated|"
    r"shelled|bombed|destroyed|devastated|founded|built)(?![\w-])")
# ("had captured Daraa, cradle of the 2011 uprising": a role noun without an article too)
_APPOSITION: Final = re.compile(
    r",\s+(?:(?:the|a|an)\s+(?!(?:same|next|following|previous|day|week|month|year)\b)|"
    r"(?:cradle|birthplace|hometown|home|heartland|seat|capital|bastion|stronghold)\s+of\s)")
_OPENER: Final = re.compile(word_starts("which|who|whom|whose|that|when|where|after|before|while|until".split("|"))
                            + r"(?![\w-])")


# the event dated to now: a weekday, "overnight", "today", "this week"
_CURRENT: Final = re.compile(
    word_starts([*"monday tuesday wednesday thursday friday saturday sunday overnight today tonight yesterday".split(),
                        "this (?:week|weekend|morning|afternoon|evening|month)", "last night", "hours? ago",
                        "earlier in the day"]) + r"(?![\w-])"
)


_SINCE: Final = re.compile(word_starts(["since"]) + r"(?![\w-])")
# a state that goes on ("encircled … since late August") and a present perfect right before the trigger: "has
# been encircled", "have besieged", "has been under"
_STATE: Final = re.compile(r"(?:" + _SIEGE_PARTICIPLES + r"|sealed\s+off|under\s+siege|trapped)(?![\w-])")
# ("has been encircled since", and the participle set off by a comma: "the city, encircled since early March, was")
_PERFECT_BEFORE: Final = re.compile(r"(?:(?<![\w-])(?:has|have)\s+(?:been\s+)?|,\s+)(?:[a-z]+ly\s+)?$")


# a relative or temporal clause between a dated main clause and the trigger: "… in January after a
# siege that drew air strikes", "… in 2014, when warplanes bombed"
_SUBORDINATE: Final = re.compile(r"(?<![\w-])(?:that|which|when|after|following|during|amid)\s+(?:[\w.,'-]+\s+){0,6}$")


@dataclass
class RetrospectiveCheck:
    """See ``rules.RetrospectiveFilter``: blocks (by default) a trigger not dated to now in a look-back story."""

    name: str
    effect: Effect
    window: Window
    lede: re.Pattern[str] | None
    lede_sentences: int
    # ``lede``'s top-level alternatives, each with the strings one of which its every match holds (None: unknown):
    # searched one by one, only where one of those strings occurs (the alternative that opens with "^|\n|…" is
    # otherwise tried at every position of the lede). Empty: search ``lede`` itself.
    lede_parts: tuple[tuple[re.Pattern[str], tuple[str, ...] | None], ...] = ()

    def __post_init__(self) -> None:
        if self.lede is not None:
            self.lede_parts = _alternatives(self.lede)

    @classmethod
    def build(cls, spec: RetrospectiveFilter, lists: dict[str, FilterList]) -> RetrospectiveCheck:
        return cls(spec.label, spec.effect, Window(scope="sentence"),
                   compile_phrases(expand_refs(lists[spec.list_name].phrases, lists)), spec.lede_sentences)

    def absent(self, article: ArticleView, index: int) -> bool:
        return False

    def find(self, probe: Probe) -> FilterHit | None:
        article = probe.article
        if self.lede is None:
            return None
        key = ("retrospective", id(self))
        found = article.filter_cache.get(key, False)
        if found is False:
            end = article.sentence_ends[min(len(article.sentences), self.lede_sentences) - 1]
            found = _search_alternatives(self.lede, self.lede_parts, article.norm, end)
            article.filter_cache[key] = found
        if found is None:
            return None
        lo, hi = probe.sentence.start, probe.sentence.end
        if _CURRENT.search(article.norm, lo, hi):
            return None  # "On Monday, rebels seized …": news inside the look-back
        assert isinstance(found, re.Match)
        return FilterHit(self.name, self.effect, article.text[found.start():found.end()], found.start(),
                         found.end())


# what keeps a regex's alternatives from being compiled alone: a back-reference, a named group, inline flags
_NOT_ALONE: Final = re.compile(r"\\[1-9]|\\g<|\(\?P|\(\?[aiLmsux(]")


def _standalone(pattern: re.Pattern[str]) -> list[re.Pattern[str]]:
    """``pattern``'s top-level alternatives compiled alone; empty when they cannot stand alone (a back-reference, a
    group name, inline flags) or there is only one."""
    source = pattern.pattern
    if _NOT_ALONE.search(source) is not None:
        return []
    try:
        parts = [re.compile(alternative, pattern.flags) for alternative in split_alternatives(source)]
    except re.error:
        return []
    return parts if len(parts) >= 2 else []


def _alternatives(pattern: re.Pattern[str]) -> tuple[tuple[re.Pattern[str], tuple[str, ...] | None], ...]:
    """``pattern``'s top-level alternatives (``_standalone``), each with its required strings
    (``lexicon.required_literals``); empty when they cannot stand alone."""
    return tuple((part, required_literals(part)) for part in _standalone(pattern))


def _search_alternatives(pattern: re.Pattern[str], parts: tuple[tuple[re.Pattern[str], tuple[str, ...] | None], ...],
                         text: str, end: int) -> re.Match[str] | None:
    """``pattern.search(text, 0, end)`` from its alternatives (``_alternatives``): the match that starts first,
    the earlier alternative at the same start (as the regex engine tries them at each position)."""
    if not parts:
        return pattern.search(text, 0, end)
    best: re.Match[str] | None = None
    for part, needles in parts:
        if not holds_any(text, needles, 0, end):
            continue  # (no match holds none of them)
        m = part.search(text, 0, end)
        if m is not None and (best is None or m.start() < best.start()):
            best = m
    return best


# The registry: filter kind → builder of its runtime check (same names as rules.FILTER_KINDS).
CHECK_BUILDERS: Final[dict[str, Callable[[Any, dict[str, FilterList]], Check]]] = {
    "lexicon": LexiconCheck.build,
    "dated": DatedCheck.build,
    "retrospective": RetrospectiveCheck.build,
}


def build_check(spec: AnyFilter, lists: dict[str, FilterList],
                index: PhraseIndex | None = None) -> Check:
    if isinstance(spec, LexiconFilter):
        return LexiconCheck.build(spec, lists, index)
    return CHECK_BUILDERS[spec.kind](spec, lists)
