"""Views over one tagged article that the detector and the filters share: words, segments, windows.

Built lazily by the detector — only sentences that contain a trigger are ever tokenised — so that the
cost of detection follows the number of trigger hits, not the article length or the rule count.

A *segment* is a clause-like piece of a sentence, cut at commas, semicolons, colons, dashes, quotes and
brackets and before connectives ("as", "while", "after", "since", "which", …). Filters that look
"before:N" or "after:N" words stay inside the trigger's segment, so "they declared in 2014" in one
clause does not date a trigger in the next.
"""

from __future__ import annotations

import calendar
import codecs
import re
from bisect import bisect_left
from collections.abc import Callable
from datetime import datetime
from typing import Final, cast

from streams.milestones.lexicon import normalise, word_starts
from streams.milestones.named import Anchors, superseded, unresolved_places
from streams.milestones.rules import Window
from streams.tagging.model import PlaceMention, Sentence, Tagging

_TOKEN: Final = re.compile(r"\w+(?:[-.]\w+)*|'s\b|[^\w\s]")
_NUMBER_WORDS: Final = (r"(?:a|few|several|many|some|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                        r"twenty|thirty|forty|fifty)")
_CUT_CONNECTIVE: Final = re.compile(  # (?<![\w'-])(?:but|while|…)(?![\w'-]), written to be searched fast: word_starts
    word_starts("but|while|whereas|although|though|as|after|before|since|when|because|which|who|whom|where|"
                "until|unless|if|despite|amid".split("|"), before=r"[\w'-]") + r"(?![\w'-])"
)
# "ten years after IS seized the city": the time phrase goes with the clause it dates
# (not "late last month after …": "last month" dates the clause before it)
_TIME_BEFORE: Final = re.compile(
    r"(?<!last )(?<!this )(?<!next )(?<!that )(?<!same )(?<!previous )(?<!following )"
    r"(?:(?:" + _NUMBER_WORDS + r"\s+){0,2}(?:years?|months?|weeks?|days?|hours?|decades?)|shortly|soon|long|"
    r"just)\s+$"
)
_TIME_BEFORE_LAST_WORDS: Final = ("year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
                                  "decade", "decades", "shortly", "soon", "long", "just")
# [;:()\[\]"]|(?<!\d),|,(?!\d)|(?<=\s)-(?=\s), the look-behinds after the character they precede, and the character
# set as one alternative per character: every alternative then opens with a literal, so the regex engine skips to the
# characters they open with (a set as the first alternative leaves it no such prefix: it tried the whole alternation
# at every character of the sentence). Each match is the one character either way.
_CUT_PUNCT: Final = re.compile(r';|:|\(|\)|\[|\]|"|,(?<!\d,)|,(?!\d)|-(?<=\s-)(?=\s)')
# scare quotes around a few words ('launched what it called "anti-terrorist" operations', 'predicting the battle
# would be over "in a matter of days"') do not cut the clause
_SCARE_QUOTES: Final = re.compile(r'"[\w\'-]+(?:\s[\w\'-]+){0,5}"')
GENERIC_SUBCITY: Final = frozenset({"old city", "city center", "town center", "downtown", "the old city", "medina",
                                    "old town", "city centre", "historic center", "inner city"})
# "the city", "the besieged town", "its old city": a reference back to a city named before
_ANAPHOR_NOUNS: Final = ("city", "town", "village", "capital", "there", "junction", "hub")
ANAPHOR: Final = re.compile(  # (the look-behinds after the first character: see lexicon.word_starts)
    # ("Residents of Sittwe say their city has been hemmed in")
    word_starts(["the", "its", "their"])
    # ("wresting control of the country's second city")
    + r"\s+(?:(?:country|nation|region|province|state|kingdom)'s\s+)?"
    + r"(?:(?:[\w]+-(?:held|controlled|out|hit|torn|ravaged|scarred|battered|stricken)|main|biggest|"
    r"second-(?:largest|biggest)|third-largest|"
    r"besieged|encircled|surrounded|blockaded|beleaguered|embattled|strategic|northern|southern|"
    r"eastern|western|central|key|ancient|historic|old|entire|whole|same|militant|rebel|jihadist|border|"
    # the adjectives of states named with a compass word ("the North Korean capital fell"; not "the South Ossetian
    # capital", a region's)
    r"(?:north|south)\s+(?:korean|vietnamese|sudanese)|"
    r"frontline|port|coastal|desert|largest|second|devastated|ruined|lakeside|riverside|seaside|hilltop|provincial|"
    r"regional|industrial|garrison|northeastern|northwestern|southeastern|southwestern|mining|oil|"
    # what the place is known for: "the Shi'ite holy city", "the shrine city", "the market town"
    r"holy|shrine|shi'?ite|sunni|fortress|walled|frontier|market|cathedral|railway|river|"
    # a sea or river the place lies on: "captured the Black Sea city", "the Euphrates town"
    r"black\s+sea|red\s+sea|baltic|adriatic|aegean|gulf|nile|euphrates|tigris|danube|dnipro|dnieper|volga"
    # the province it lies in: "the northern Shan State town", "the Donetsk region town"
    r"|[a-z]{3,}\s+(?:state|region|province|oblast|governorate)"
    # a nationality: "the Afghan capital", "the Syrian town", "the Tigrayan capital"
    r"|[a-z]{3,}(?:an|ian|i|ese|ish))\s+){0,2}"
    r"(?:old city|city centre|city center|city|town|village|capital|"
    # ("captured the Manchurian rail junction by nightfall")
    r"rail(?:way)?\s+(?:junction|hub)|transport\s+hub)(?![\w-])"
    # (not "the city of Mosul", "city council"; but "the city of some 500,000 people" is the city named before)
    r"(?!\s+(?:of(?!\s+(?:some\s+|about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|roughly\s+)?"
    r"(?:\d|half\s+a\s+million|a\s+million|[a-z]+\s+(?:million|hundred\s+thousand)))|council|hall|square|"
    r"limits|'s\s+\w+\s+of)\b)"
    # "a maternity hospital there": 'there' after a noun or verb, not the existential "there were"
    r"|t(?<=[a-z] t)here(?![\w-])(?!\s+(?:is|are|was|were|has|have|had|will|would|could|may|might|seems|seemed|"
    r"appears|appeared|remains|remained|be|been)\b)"
    # "fighting in Yemen's capital": a country's capital, the capital the story names
    r"|c(?<=[a-z]'s c)apital(?![\w-])(?!\s+(?:of|city|cities|punishment|markets?|flight|gains?|spending|investment)\b)"
    # the wires' "this town" for the dateline's: "troops seized this rubber plantation town", "bombs on this
    # government-held Mekong town"
    r"|t(?<![\w-]t)his\s+(?:[\w'-]+\s+){0,3}?(?:city|town|village|capital)(?![\w-])"
    r"(?!\s+(?:council|hall|square|of)\b)"
)


COARSE_KINDS: Final = frozenset({"country", "continent"})  # (places.py reads it too)


def bisect_left_int(a: list[int], x: int, lo: int = 0) -> int:
    """``bisect.bisect_left`` for a list of ints, as native code when compiled (a call of the C function from
    compiled code costs more than the search itself: the arguments are boxed for a generic call)."""
    hi = len(a)
    while lo < hi:
        mid = (lo + hi) >> 1
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def bisect_right_int(a: list[int], x: int, lo: int = 0) -> int:
    """``bisect.bisect_right`` for a list of ints (see ``bisect_left_int``)."""
    hi = len(a)
    while lo < hi:
        mid = (lo + hi) >> 1
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def holds_any(text: str, needles: tuple[str, ...] | None, start: int, end: int) -> bool:
    """Whether one of ``needles`` occurs in ``text[start:end]`` (True for None: nothing to test; see
    ``lexicon.required_literals``)."""
    if needles is None:
        return True
    for needle in needles:
        if text.find(needle, start, end) >= 0:
            return True
    return False


def latest_year(text: str) -> int:
    """The latest year ``text`` names (0 when none): the largest match of ``(?<!\\d)(?:19|20)\\d\\d(?!\\d)``, four
    digits not inside a longer number. Found by ``str.find`` of "19" and "20" (a fast search) and tests of the
    characters around each; a regex scan tried every "1" and "2" of the text (``str.isdecimal`` is ``\\d``: Unicode's
    decimal digits, which ``int`` reads)."""
    best = 0
    n = len(text)
    for lead in ("19", "20"):
        i = text.find(lead)
        while i >= 0:
            if i + 4 <= n and text[i + 2].isdecimal() and text[i + 3].isdecimal() \
                    and (i == 0 or not text[i - 1].isdecimal()) and (i + 4 == n or not text[i + 4].isdecimal()):
                year = int(text[i:i + 4])
                if year > best:
                    best = year
            i = text.find(lead, i + 1)
    return best


def word_end_before(norm: str, pos: int, floor: int = 0) -> int:
    """Where the whitespace that ends at ``pos`` begins, not before ``floor`` (``pos`` when none ends there): the end
    of the word before it."""
    j = pos
    while j > floor and norm[j - 1].isspace():
        j -= 1
    return j


def _start(p: PlaceMention) -> int:
    return p.start


def _end(p: PlaceMention) -> int:
    return p.end


def _nul_beyond_latin1(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: a NUL per character that Latin-1 cannot encode (see ``ArticleView.latin1``)."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "\x00" * (error.end - error.start), error.end


# (called once per run of such characters: a text beyond Latin-1 has a few, a name's "ł", a "€")
codecs.register_error("wirewatch.nul", _nul_beyond_latin1)

_DATELINE_REACH: Final = 400
# the news agency credited in a dateline: "OMDURMAN, Sudan (Sudan Tribune) —", "Bucha (Ukraine) (AFP) -"
_CREDIT: Final = re.compile(r"\(([A-Z][\w .'’-]{1,40})\)\s*[-–—]")


_LIST_JOIN: Final = re.compile(r",\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")


def _list_commas(norm: str, base: int, places: list[PlaceMention]) -> set[int]:
    """Offsets (relative to the sentence) of the commas inside a list of three or more places that ends with
    "and"/"or" ("captured the towns of Shire, Axum and Adwa last month"): one clause, not three. ``places`` are
    the sentence's, in text order (``ArticleView.sentence_places``)."""
    out: set[int] = set()
    run: list[tuple[int, int]] = []  # (comma offset or -1, join end) of the current run's joins
    closed = False
    prev_end = -1
    for p in places:
        m = _LIST_JOIN.fullmatch(norm, prev_end - base, p.start - base) if prev_end >= 0 else None
        if m is None:
            if len(run) >= 2 and closed:
                out.update(c for c, _ in run if c >= 0)
            run, closed = [], False
        else:
            comma = m.start() if norm[m.start()] == "," else -1
            run.append((comma, m.end()))
            closed = "and" in m.group() or "or" in m.group()
        prev_end = p.end
    if len(run) >= 2 and closed:
        out.update(c for c, _ in run if c >= 0)
    return out


# "piled into cars, buses and trucks and fled": a list of lower-case words, one word each, is one clause
_WORD_LIST: Final = re.compile(r"(?<![\w'’-])[a-z]+(?:, [a-z]+)+,? (?:and|or) [a-z]+(?![\w'’-])")
_WORD_LIST_TAIL: Final = re.compile(r", [a-z]+,? (?:and|or) [a-z]")
_NOT_LISTED: Final = frozenset({"the", "a", "an", "and", "or", "but", "said", "says", "who", "which", "that", "when",
                                "where", "as", "after", "before", "while", "it", "he", "she", "they", "we", "i"})


def _word_list_commas(text: str) -> set[int]:
    """Offsets of the commas inside a list of three or more lower-case single words ending with "and"/"or"
    ("cars, buses and trucks"), in the sentence's own text (capitals tell names and sentence openings apart)."""
    out: set[int] = set()
    if _WORD_LIST_TAIL.search(text) is None:
        return out  # (the usual case, found from its literal ", ": no list's last comma)
    for m in _WORD_LIST.finditer(text):
        words = m.group().replace(",", " ").split()
        if any(w in _NOT_LISTED for w in words[:-2]) or words[-1] in _NOT_LISTED:
            continue
        out.update(m.start() + i for i, c in enumerate(m.group()) if c == ",")
    return out


# "the seizure of Goma, the region's largest city, late last month": a time phrase right after an apposition to a
# place dates the clause the place is in (the apposition's commas do not cut it)
_MONTH_NAMES: Final = "|".join(name.lower() for name in calendar.month_name if name)
_APPOSED_TIME: Final = re.compile(
    r",\s+(?:the|a|an)\s+[^,;:()\"]{1,60}?,\s+(?=(?:(?:late|early|mid|in\s+late|in\s+early)\s+)?"
    r"(?:last\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year)|"
    r"in\s+(?:" + _MONTH_NAMES + r"|(?:19|20)\d\d)|(?:" + _MONTH_NAMES + r")\s+\d))"
)


def _apposition_commas(norm: str, base: int, places: list[PlaceMention]) -> set[int]:
    """Offsets (relative to the sentence) of the two commas around an apposition to a place that a time phrase
    follows ("the seizure of Goma, the region's largest city, late last month")."""
    out: set[int] = set()
    for p in places:
        m = _APPOSED_TIME.match(norm, p.end - base)
        if m is not None:
            out.add(m.start())
            out.add(norm.rindex(",", m.start() + 1, m.end()))
    return out


class SentenceView:
    """One sentence of an article, as the detector's place linking and the filters' windows see it."""

    def __init__(self, index: int, sentence: Sentence, norm: str, places: list[PlaceMention],
                 clauses: list[tuple[int, int]] | None = None) -> None:
        self.index = index
        self.sentence = sentence
        # plain copies of the sentence's offsets (a pydantic field read costs an attribute hook each time)
        self.start: int = sentence.start
        self.end: int = self.start + len(sentence.text)
        self.norm = norm  # normalise(sentence.text); offsets relative to sentence.start
        self.places = places  # event-place candidates in this sentence (datelines removed)
        self.clauses = clauses if clauses is not None else []  # cut at punctuation only
        # built on first use (not functools.cached_property: compiled with mypyc, there is no instance
        # __dict__ to cache in)
        self._segments: list[tuple[int, int]] | None = None
        self._token_spans: list[tuple[int, int]] | None = None
        self._anaphors: list[tuple[int, int, str]] | None = None

    @classmethod
    def build(cls, index: int, sentence: Sentence, places: list[PlaceMention],
              norm: str | None = None) -> SentenceView:
        norm = normalise(sentence.text) if norm is None else norm
        base = sentence.start
        quoted = {i for m in _SCARE_QUOTES.finditer(norm) for i in (m.start(), m.end() - 1)} if '"' in norm else ()
        listed = _list_commas(norm, base, places) if len(places) > 2 else set()
        if ", " in norm and " and " in norm:
            listed |= _word_list_commas(sentence.text)
        if places and ", " in norm:
            listed |= _apposition_commas(norm, base, places)
        cuts = [base, *(base + m.end() for m in _CUT_PUNCT.finditer(norm)
                        if m.start() not in quoted and m.start() not in listed),
                base + len(sentence.text)]
        clauses = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
        return cls(index, sentence, norm, places, clauses)

    @property
    def segments(self) -> list[tuple[int, int]]:
        """Clauses further cut before connectives ("as", "after", "which"…); built on first use, since
        most candidates stop at a word-window check that needs only the punctuation clauses."""
        if self._segments is None:
            self._segments = self._build_segments()
        return self._segments

    def _build_segments(self) -> list[tuple[int, int]]:
        norm, base = self.norm, self.start
        lead = len(norm) - len(norm.lstrip())
        soft = []
        for m in _CUT_CONNECTIVE.finditer(norm):
            cut = m.start()
            if cut <= lead:
                continue
            # (every match of _TIME_BEFORE ends with one of its last words and the spaces before the cut: without
            # one, as at most cuts, no regex search, which tries every position of the window)
            j = word_end_before(norm, cut)
            t = _TIME_BEFORE.search(norm, max(0, cut - 40), cut) \
                if j < cut and norm.endswith(_TIME_BEFORE_LAST_WORDS, 0, j) else None
            soft.append(base + (t.start() if t else cut))
        cuts = sorted({c for piece in self.clauses for c in piece} | set(soft))
        return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]

    @property
    def token_spans(self) -> list[tuple[int, int]]:
        """Word and punctuation tokens (absolute offsets); only built when a place gap is checked."""
        if self._token_spans is None:
            base = self.start
            self._token_spans = [(base + m.start(), base + m.end()) for m in _TOKEN.finditer(self.norm)]
        return self._token_spans

    @property
    def anaphors(self) -> list[tuple[int, int, str]]:
        """(start, end, text) of the ANAPHOR matches in ``norm`` ("the city", "there"), offsets relative to
        the sentence; found on first use (place linking asks once per candidate pattern)."""
        if self._anaphors is None:
            norm = self.norm
            # (every match holds one of the nouns: most sentences have none, and no regex scan)
            self._anaphors = [(m.start(), m.end(), m.group()) for m in ANAPHOR.finditer(norm)] \
                if any(w in norm for w in _ANAPHOR_NOUNS) else []
        return self._anaphors

    def segment_of(self, pos: int, *, hard: bool = False) -> tuple[int, int]:
        """The segment (or, with ``hard``, the punctuation-delimited clause) containing ``pos``."""
        pieces = self.clauses if hard else self.segments
        for a, b in pieces:
            if a <= pos < b:
                return a, b
        return pieces[-1] if pieces else (self.start, self.end)

    def words_between(self, a: int, b: int) -> list[str]:
        """Normalised tokens fully inside [a, b)."""
        spans = self.token_spans
        i = bisect_left(spans, (a, -1))
        out = []
        base = self.start
        while i < len(spans) and spans[i][1] <= b:
            s, e = spans[i]
            out.append(self.norm[s - base:e - base])
            i += 1
        return out

    def window_span(self, window: Window, t_start: int, t_end: int) -> tuple[int, int]:
        """Character span of a word-counted window (before/after/near/segment/sentence) around a trigger.

        Words are counted by whitespace (``str.rsplit``/``split`` in C, no tokenising)."""
        if window.scope == "sentence":
            return self.start, self.end
        if window.scope == "segment":
            seg_s, seg_e = self.segment_of(t_start)
            if seg_s > self.start and self.norm.endswith("ing", 0, t_end - self.start) \
                    and not self.norm[seg_s - self.start:t_start - self.start].strip(" ,") \
                    and self.norm[:seg_s - self.start].rstrip().endswith(","):
                # a participle clause after a comma ("has carried out two operations since 2016, capturing the
                # towns of …") is dated by the clause it hangs on
                seg_s = self.segment_of(seg_s - 1)[0]
            if t_end > seg_e:
                # a trigger with a gap that spans a parenthetical ("The offensive on Sirte, Gaddafi's birthplace,
                # began last month"): the segment its end lies in is its segment too
                seg_e = max(t_end, self.segment_of(t_end - 1)[1])
            return seg_s, seg_e
        # word-counted windows may cross a connective ("only a matter of time before X is encircled")
        # but not punctuation — except a parenthetical right before the trigger: "At least 22 civilians,
        # including 14 children, were killed" counts back into "At least 22 civilians"
        seg_s, seg_e = self.segment_of(t_start, hard=True)
        base = self.start
        counted_end = t_start  # words are counted back from here (the parenthetical counts for none)
        if window.scope in ("before", "near") and seg_s > base \
                and _AUX_ONLY.fullmatch(self.norm, seg_s - base, t_start - base) is not None:
            par_s, _ = self.segment_of(seg_s - 2, hard=True)  # the clause before, cut at its comma
            if base < par_s < seg_s and _PARENTHETICAL.match(self.norm, par_s - base):
                head_s, _ = self.segment_of(par_s - 2, hard=True)
                if head_s < par_s:
                    seg_s, counted_end = head_s, par_s
        lo, hi = t_start, t_end
        if window.scope == "before":
            hi = t_start
        elif window.scope == "after":
            lo = t_end
        n = window.size
        if window.scope in ("before", "near") and n and t_start > seg_s:
            left = self.norm[seg_s - base:counted_end - base]
            parts = left.rsplit(None, n)
            lo = seg_s if len(parts) <= n else seg_s + len(parts[0])
        if window.scope in ("after", "near") and n and seg_e > t_end:
            right = self.norm[t_end - base:seg_e - base]
            parts = right.split(None, n)
            hi = seg_e if len(parts) <= n else seg_e - len(parts[-1])
        return lo, hi


# a parenthetical that ends right before a trigger ("…, including 14 children, were killed")
_AUX_ONLY: Final = re.compile(r"[\s,]*(?:(?:were|was|are|is|have|has|had|been|reportedly|also|still|now|remain|remains|"
                              r"remained)\s+)*")
_PARENTHETICAL: Final = re.compile(r"[\s,]*(?:including|among\s+them|mostly|most\s+of\s+them|many\s+of\s+them|"
                                   r"all\s+of\s+them|some\s+of\s+them|half\s+of\s+them|among\s+whom|"
                                   # "Thousands of residents, many from the Alawite minority, were fleeing Homs"
                                   r"(?:many|most|some)\s+from|"
                                   # "The garrison of Battambang, Cambodia's second largest city, has surrendered":
                                   # a short description of the place named before it, and nothing more
                                   r"(?:an?\s+|the\s+|[a-z-]+['\u2019]s\s+)(?:[\w-]+\s+){0,3}?"
                                   r"(?:city|town|capital|port|village|stronghold)(?=\s*,))\b")


def _spaced(norm: str, s: int, e: int) -> bool:
    """A dash between spaces ("bastion - the") cuts; one inside a word ("US-led") does not."""
    return (s == 0 or norm[s - 1] == " ") and (e >= len(norm) or norm[e] == " ")


_NO_KINDS: Final[set[str]] = set()  # the place kinds of a sentence that names none (shared: never changed)

# A country as the first half of a compound adjective ("US-led coalition", "Iranian-backed"): it names who leads or
# backs, not where anything happens, so a sentence that names no other place still "names no place" (carry-over)
COUNTRY_ADJECTIVE: Final = re.compile(r"-(?:led|backed|brokered|based|made|supplied|trained|funded|allied|sponsored|"
                                       r"supported|aligned|armed|owned|born)(?![\w-])")

_RIVER_WORDS: Final = (" River", " river", " Creek", " Canal")
_NATURAL_FEATURE: Final = re.compile(r"(?:River|Creek|Lake|Sea|Gulf|Bay|Mountains?|Hills|Valley|Desert|Canal|Strait)$"
                                     r"|^(?:Lake|Mount|Gulf|Bay|Sea|River)\s")


class ArticleView:
    """One tagged article as the detector sees it. ``norm`` is the whole text, case-folded.

    Built by ``Detector`` once per article: ``ArticleView(tagging, published_at)``."""

    def __init__(self, tagging: Tagging, published_at: datetime | None = None) -> None:
        self.tagging = tagging
        self.published_at = published_at
        # the tagger's fields read once: every read of a pydantic model's field goes through its slow
        # attribute hook (BaseModel.__getattr__), and the hit loop and the filters ask for these per hit
        self.text = tagging.text
        self.sentences = tagging.sentences
        self._views: dict[int, SentenceView] = {}
        self.filter_cache: dict[tuple[object, ...], object] = {}  # per-article memo
        self.sentence_memo: dict[int, object] = {}  # per check (or phrase index) and sentence: filters._SERIALS
        self.anchors: Anchors | None = None  # unresolved-place anchors, when the detector's scan found them
        # (key, start, end) of every occurrence of the early checks' phrase keys in " " + norm, as the detector's
        # trigger scan reports them (None: not scanned for), and per key the spot bits of the checks whose phrase the
        # key is; see LexiconCheck.spotted
        self.phrase_spots: list[tuple[int, int, int]] | None = None
        self.phrase_spot_bits: list[int] = []
        self.spot_masks: list[int] | None = None  # per sentence: filters.sentence_spot_masks
        # per sentence: the bits of the checks with a spot that is a whole match inside it
        # (filters._spot_masks_by_sentence; None: not built, or the sentences are not in order)
        self.sure_masks: list[int] | None = None
        # Built on first use (the properties below): plain attributes, not functools.cached_property, which
        # needs an instance __dict__ (the class is compiled with mypyc: see streams.milestones._compiled).
        self._norm: str | None = None
        self._latin1: bytes | None = None  # norm as Latin-1 bytes (see latin1)
        self._sentence_starts: list[int] | None = None
        self._sentence_ends: list[int] | None = None  # start + len(text) of each sentence
        self._places: list[PlaceMention] | None = None
        self._event_places: list[PlaceMention] | None = None
        self._place_starts: list[int] | None = None
        self._event_places_by_end: list[PlaceMention] | None = None
        self._place_ends: list[int] | None = None
        self._text_year: int | None = None  # 0 when the text names no year
        self._sentence_kinds: list[set[str]] | None = None
        self._carried: dict[int, bool] = {}  # sentence index → carries()
        self._has_headline_city: bool | None = None

    @property
    def norm(self) -> str:
        if self._norm is None:
            self._norm = normalise(self.text)
        return self._norm

    @property
    def latin1(self) -> bytes:
        """``norm`` as bytes, one per character (Latin-1; a character beyond it, rare, is a NUL byte), which the
        Aho-Corasick scans read: offsets in them are offsets in ``norm``, with no conversion from UTF-8 byte
        offsets (see ``filters.scanner``)."""
        latin1 = self._latin1
        if latin1 is None:
            norm = self.norm
            # (a copy when the text is one byte per character already, as nearly every one is)
            latin1 = self._latin1 = norm.encode("latin-1", "wirewatch.nul")
        return latin1

    @property
    def scanned_latin1(self) -> bytes | None:
        """``latin1`` if it has been made (by a scan over bytes), else None."""
        return self._latin1

    @property
    def sentence_starts(self) -> list[int]:
        starts = self._sentence_starts
        if starts is None:
            starts = self._build_bounds()[0]
        return starts

    @property
    def sentence_ends(self) -> list[int]:
        """Where each sentence ends (its start plus the length of its text)."""
        ends = self._sentence_ends
        if ends is None:
            ends = self._build_bounds()[1]
        return ends

    def _build_bounds(self) -> tuple[list[int], list[int]]:
        starts: list[object] = []  # (the model's own int objects: compiled, a native int is boxed anew to be listed)
        ends: list[int] = []
        for s in self.sentences:
            # (the fields from the model's __dict__: one attribute hook per sentence instead of two)
            fields = s.__dict__
            start = fields["start"]
            starts.append(start)
            ends.append(cast(int, start) + len(fields["text"]))
        self._sentence_starts, self._sentence_ends = cast(list[int], starts), ends
        return cast(list[int], starts), ends

    def sentence_span(self, index: int) -> tuple[int, int]:
        """(start, end) of sentence ``index``."""
        return self.sentence_starts[index], self.sentence_ends[index]

    @property
    def places(self) -> list[PlaceMention]:
        """The tagger's place mentions plus the named places it left unresolved ("the village of
        Togoga"; see ``streams.milestones.named``), in text order."""
        if self._places is None:
            self._places = self._build_places()
        return self._places

    def _build_places(self) -> list[PlaceMention]:
        extra = unresolved_places(self.tagging, self.norm, self.anchors)
        places = superseded(self.tagging.places, extra)
        credit = _CREDIT.search(self.text, 0, _DATELINE_REACH)
        if credit is not None:  # "OMDURMAN, Sudan (Sudan Tribune) —": the agency's name is no place
            a, b = credit.span(1)
            places = [p for p in places if not a <= p.start < b]
            extra = [p for p in extra if not a <= p.start < b]
        return sorted([*places, *extra], key=_start)

    @property
    def event_places(self) -> list[PlaceMention]:
        """Place mentions that can be event places, in text order: never the dateline.

        A bare sub-city name ("the Old City", "the city centre") is re-attached to the latest city named
        before it in the last few sentences — the tagger may resolve it by article-wide context, but a
        story about two old cities (Raqqa's and Mosul's) needs the nearest one."""
        if self._event_places is None:
            self._event_places = self._build_event_places()
        return self._event_places

    def _build_event_places(self) -> list[PlaceMention]:
        out: list[PlaceMention] = []
        starts: list[int] = []  # (place_starts, read here from the same __dict__)
        last_city: PlaceMention | None = None
        last_city_sentence = -99
        for p in self.places:
            # (the fields from the model's __dict__: one attribute hook per mention instead of one per field)
            fields = p.__dict__
            if fields["role"] == "dateline":
                continue
            kind: str = fields["kind"]
            text: str = fields["text"]
            if kind == "district" and fields["geonameid"] is None and _NATURAL_FEATURE.search(text) \
                    or text.endswith(_RIVER_WORDS):
                # "along the Euphrates River": a river or a lake is where, never what, is struck ("the Han River
                # bridges" is no town of Han either)
                continue
            if text.casefold().replace("centre", "center") in GENERIC_SUBCITY:
                here = self.sentence_index(fields["start"])
                if last_city is None or here - last_city_sentence > 3:
                    continue
                p = p.model_copy(update={
                    "name": last_city.name, "geonameid": last_city.geonameid, "country": last_city.country,
                    "lat": last_city.lat, "lon": last_city.lon, "kind": "city", "qualifier": p.text})
            elif kind == "city":
                last_city, last_city_sentence = p, self.sentence_index(fields["start"])
            out.append(p)
            starts.append(fields["start"])  # (a copy made above keeps the mention's start)
        self._place_starts = starts
        return out

    @property
    def place_starts(self) -> list[int]:
        starts = self._place_starts
        if starts is None:  # (then event_places are not built either: their build lists the starts too)
            self._event_places = self._build_event_places()
            starts = self._place_starts
            assert starts is not None
        return starts

    @property
    def event_places_by_end(self) -> list[PlaceMention]:
        if self._event_places_by_end is None:
            self._event_places_by_end = sorted(self.event_places, key=_end)
        return self._event_places_by_end

    @property
    def place_ends(self) -> list[int]:
        if self._place_ends is None:
            self._place_ends = [p.end for p in self.event_places_by_end]
        return self._place_ends

    @property
    def reference_year(self) -> int | None:
        """Year 'now' for the history filter: publication year, else the latest year the text names."""
        if self.published_at is not None:
            return self.published_at.year
        if self._text_year is None:
            self._text_year = latest_year(self.text)
        return self._text_year or None

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect_right_int(self.sentence_starts, pos) - 1)

    def sentence_places(self, index: int) -> list[PlaceMention]:
        """Event-place candidates inside sentence ``index`` (no tokenising: a bisect on offsets)."""
        start, end = self.sentence_span(index)
        lo = bisect_left_int(self.place_starts, start)
        hi = bisect_left_int(self.place_starts, end)
        return self.event_places[lo:hi]

    @property
    def _kinds_by_sentence(self) -> list[set[str]]:
        if self._sentence_kinds is None:
            self._sentence_kinds = self._build_kinds_by_sentence()
        return self._sentence_kinds

    def _build_kinds_by_sentence(self) -> list[set[str]]:
        # from the raw mentions, not event_places (built only when a candidate gets that far): a bare
        # "Old City" counts as a city here — a superset is safe for a pre-test
        # (the sentences that name no place share one empty set, which nothing changes)
        out: list[set[str]] = [_NO_KINDS] * len(self.sentences)
        starts = self.sentence_starts
        for p in self.places:  # a bisect per mention: fewer steps than walking every sentence
            # (the fields from the model's __dict__: one attribute hook per mention instead of one per field)
            fields = p.__dict__
            if fields["role"] == "dateline":
                continue
            i = bisect_right_int(starts, fields["start"]) - 1
            if i < 0:
                i = 0
            kind: str = fields["kind"]
            if kind == "country" and self.text.startswith("-", fields["end"]) \
                    and COUNTRY_ADJECTIVE.match(self.norm, fields["end"]) is not None:
                continue  # "The US-led coalition confirmed …": no place named
            if kind != "city" and kind != "country":
                text: str = fields["text"]
                if len(text) <= 16 and text.casefold().replace("centre", "center") in GENERIC_SUBCITY:
                    kind = "city"
            kinds = out[i]
            if kinds is _NO_KINDS:
                out[i] = {kind}
            else:
                kinds.add(kind)
        return out

    def _carry_source(self, index: int) -> bool:
        # the sentences right before that name no place at all are about the place named before them
        k = index - self.placeless_run(index) - 1
        named = self._kinds_by_sentence[k] if k >= 0 else _NO_KINDS
        if "city" in named or "district" in named:
            return True
        if any(self._noun_anaphor(j) for j in range(max(k, 0), index)):
            return True  # "… to retake the city." then sentences naming no place: carried via the anaphor
        return self._headline_city

    def context_last(self, index: int) -> int:
        """The last sentence a ``context`` window around sentence ``index`` reaches: that sentence, or the second for
        a story's first ("Tens of thousands of civilians fled Pleiku and Kontum this week …" names the war only
        after it)."""
        return 1 if index == 0 and len(self.sentences) > 1 else index

    def placeless_run(self, index: int, limit: int = 3) -> int:
        """How many sentences right before sentence ``index`` (at most ``limit``) name no place below a country ("U.S.
        Marines were mopping up" names where the forces come from, not where the story is)."""
        n = 0
        kinds = self._kinds_by_sentence
        while n < limit and index - n - 1 >= 0 and kinds[index - n - 1] <= COARSE_KINDS:
            n += 1
        return n

    @property
    def _headline_city(self) -> bool:
        if self._has_headline_city is None:
            self._has_headline_city = any(p.role == "headline" and p.kind in ("city", "district")
                                          for p in self.tagging.places)
        return self._has_headline_city

    def event_kinds(self, index: int) -> set[str]:
        """Kinds of the places in sentence ``index`` (from the raw mentions: a superset of its event places'
        kinds). The detector's pre-test; do not change the set."""
        return self._kinds_by_sentence[index]

    def carries(self, index: int) -> bool:
        """Whether sentence ``index`` names no place (below a country) but is about the city named before it (in the
        sentences right before, through their "the city", or in the headline). Asked only for patterns that may
        carry a place."""
        carried = self._carried.get(index)
        if carried is None:
            carried = self._carried[index] = self._kinds_by_sentence[index] <= COARSE_KINDS \
                and self._carry_source(index)
        return carried

    def _noun_anaphor(self, index: int) -> bool:
        """Whether sentence ``index`` says "the city", "the town" ('there' does not carry a place on)."""
        if not self.has_anaphor(index):
            return False
        lo, hi = self.sentence_span(index)
        return any(m.group().startswith(("the", "its")) for m in ANAPHOR.finditer(self.norm, lo, hi))

    def has_anaphor(self, index: int) -> bool:
        """Whether sentence ``index`` says "the city", "the town", "there"… (regex run once, on demand)."""
        key = ("anaphor", index)
        found = self.filter_cache.get(key)
        if found is None:
            lo, hi = self.sentence_span(index)
            norm = self.norm
            # substring tests first: the regex is costly and most sentences have none of its nouns
            found = any(norm.find(w, lo, hi) >= 0 for w in _ANAPHOR_NOUNS) and ANAPHOR.search(norm, lo, hi) is not None
            self.filter_cache[key] = found
        return bool(found)

    def view(self, index: int) -> SentenceView:
        v = self._views.get(index)
        if v is None:
            start, end = self.sentence_span(index)
            v = SentenceView.build(index, self.sentences[index], self.sentence_places(index), self.norm[start:end])
            self._views[index] = v
        return v

    def places_before(self, pos: int, *, sentences_back: int, kinds: frozenset[str],
                      skip: Callable[[PlaceMention], bool] | None = None) -> PlaceMention | None:
        """The latest place of ``kinds`` that ends before ``pos``, at most ``sentences_back`` sentences back
        (mentions for which ``skip`` is true — e.g. a capital used as a speaker — do not count)."""
        first = self.sentence_starts[max(0, self.sentence_index(pos) - sentences_back)]
        i = bisect_left_int(self.place_starts, pos) - 1
        while i >= 0:
            p = self.event_places[i]
            if p.start < first:
                return None
            if p.end <= pos and p.kind in kinds and not (skip and skip(p)):
                return p
            i -= 1
        return None
