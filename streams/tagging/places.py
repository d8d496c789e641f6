"""Place recognition and resolution: Aho-Corasick over folded text, filters, then disambiguation.

Called by ``Tagger.tag`` for every article:

1. **scan** — one pass of a pyahocorasick automaton whose patterns are the gazetteer names padded with a
   space on each side, over ``" " + fold(text) + " "``; padding makes every hit a whole-word hit, and
   because ``fold`` maps punctuation to spaces, "Raqqa's" hits "raqqa" (the possessive falls away).
2. **filter** — capitalisation (except in a lower-case dateline), exact-case aliases ("US" but not
   "us"), common-word guards ("Mobile phone", "Nice work", "in March"), person names ("Mr. Henry",
   "Raquel Henry"), hyphenated compounds; then the longest non-overlapping spans win ("New York City"
   over "York").
3. **resolve** — for each distinct name, score every GeoNames sense: population prior, kind, primary vs
   alternate name, countries/US states named in the same article (also through demonyms: "Iraqi"),
   "Mobile, Ala."-style comma context, the dateline, and proximity to the other places. A name that
   cannot be resolved is dropped on its own; it never removes other mentions.

    >>> from streams.tagging.gazetteer import Gazetteer
    >>> r = PlaceResolver(Gazetteer.load())
    >>> [(p.name, p.qualifier) for p in r.find("Fighters entered eastern Mosul.", [])]
    [('Mosul', 'eastern')]
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import ahocorasick

from streams.tagging.gazetteer import COMMON, EXACT_CASE, PRIMARY, Gazetteer
from streams.tagging.model import PlaceMention, PlaceRole, Sentence
from streams.tagging.text import find_dateline, fold, headline_end
from streams.tagging.words import BLOCKED, FUNCTION_WORDS, PERSON_TITLES, PLACE_TYPE_WORDS

_KIND_PRIOR = {"country": 9.0, "continent": 9.0, "admin1": 5.0, "district": 4.5, "city": 0.0, "region": 5.0}
_US_STATE_PRIOR = 6.5
# Names whose usual news sense is not the one the population prior picks.
_PREFERRED = {"washington": 4140963}  # the capital (and US government), not the state
_QUALIFIER_BEFORE = frozenset(
    """northern southern eastern western central north south east west northeastern northwestern
    southeastern southwestern northeast northwest southeast southwest downtown greater upstate rural
    outer inner suburban old""".split()
)
_QUALIFIER_AFTER = re.compile(
    r"['’]s\s+(Old City|old city|city cent(?:re|er)|outskirts|downtown|"
    r"(?:north|south|east|west)(?:ern)?\s+(?:districts?|suburbs?|neighbou?rhoods?|outskirts|side|parts?|"
    r"quarters?|bank))\b"
)
_CONNECTORS = frozenset("of de del la le les du des al el upon on the and y da do das dos di am an der".split())
_ARABIC_ARTICLES = frozenset("al el ad ar as ash at az an ad-".split())
_TOKEN = re.compile(r"[\w.'’]+")
_NOT_PLACE_PHRASES = frozenset({"old city", "new city", "central command"})
_MAX_KM = 20039.0


class PlaceResolver:
    """Finds and resolves the places in one text. Built once per worker from a ``Gazetteer``."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.automaton = ahocorasick.Automaton()
        for key in gazetteer.names:
            if key not in _NOT_PLACE_PHRASES:
                self.automaton.add_word(f" {key} ", key)
        for key in gazetteer.demonyms:
            if key not in gazetteer.names:
                self.automaton.add_word(f" {key} ", key)
        self.automaton.make_automaton()

    @property
    def pattern_count(self) -> int:
        return len(self.automaton)

    def scan(self, padded: str) -> list[tuple[int, int, str]]:
        """All whole-word hits ``(start, end, folded name)`` in original offsets; ``padded`` is
        ``" " + fold(text) + " "``."""
        out = []
        for end, key in self.automaton.iter(padded):
            n = len(key)
            out.append((end - n - 1, end - 1, key))
        return out

    def find(self, text: str, sentences: Sequence[Sentence], folded: str | None = None) -> list[PlaceMention]:
        if folded is None:
            folded = fold(text)
        hits = self.scan(f" {folded} ")
        if not hits:
            return []
        dateline = find_dateline(text)
        starts = _sentence_starts(text, sentences)
        countries: dict[str, float] = {}
        accepted: list[tuple[int, int, str]] = []
        rejected_surfaces: set[str] = set()
        for start, end, key in hits:
            if key in self.gaz.demonyms and text[start].isupper():
                iso = self.gaz.demonyms[key]
                countries[iso] = countries.get(iso, 0.0) + 0.5
            if key not in self.gaz.names:
                continue
            in_dateline = dateline is not None and dateline[0] <= start and end <= dateline[1]
            verdict = in_dateline or self._keep(text, start, end, key, starts)
            if verdict:
                accepted.append((start, end, key))
            elif verdict is None:
                rejected_surfaces.add(key)  # a person's name: drop the name everywhere in this text
        spans = _longest_non_overlapping([a for a in accepted if a[2] not in rejected_surfaces])
        if not spans:
            return []
        senses = self._resolve(text, spans, countries, dateline)
        return self._mentions(text, spans, senses, dateline)

    # -- filters ----------------------------------------------------------------------------------

    def _keep(self, text: str, start: int, end: int, key: str, starts: set[int]) -> bool | None:
        """True to keep the hit, False to drop it, None to drop every hit of this name (a person)."""
        surface = text[start:end]
        cands = self.gaz.names[key]
        flags_all = [v & 7 for v in cands]
        if all(f & EXACT_CASE for f in flags_all):
            return surface.replace(".", "").replace(" ", "").isupper()
        words = surface.split()
        if not words[0][0].isupper():
            return False
        if any(not (w[0].isupper() or w[0].isdigit() or w.lower() in _CONNECTORS) for w in words[1:]):
            return False
        if key in BLOCKED:
            return False
        if len(surface) <= 4 and surface.isupper() and not _upper_line(text, start):
            return False  # an acronym ("NICE", "MOB"), not a place
        if start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum():
            prev = _prev_token(text, start - 1)
            if prev.lower() not in _ARABIC_ARTICLES:
                return False
        prev = _prev_token(text, start)
        nxt = _next_token(text, end)
        big = self._best_population(cands) >= 100_000 or self._has_admin_sense(cands)
        if prev.rstrip(".").lower() in PERSON_TITLES and not big:
            return None
        if nxt in ("said", "says", "told") and not big:
            return None
        if " " not in key and prev and prev[0].isupper() and start not in starts and text[start - 1] == " ":
            low = prev.rstrip(".").lower()
            if (low not in FUNCTION_WORDS and low not in _QUALIFIER_BEFORE and low not in self.gaz.demonyms
                    and fold(prev).strip() not in self.gaz.names and not big):
                return None  # "Raquel Henry": a surname
        if all(f & COMMON for f in flags_all):
            if self._comma_context(text, end) is not None:
                return True
            if start in starts or (prev[:1].isupper() and prev.lower() not in FUNCTION_WORDS):
                return False
            if nxt[:1].isupper() and nxt.lower() not in PLACE_TYPE_WORDS:
                return False  # "Reading Room", "Mobile Command"
            return self._best_population(cands) >= 50_000 or self._has_admin_sense(cands)
        return True

    def _best_population(self, cands: tuple[int, ...]) -> int:
        gaz = self.gaz
        best = 0
        for v in cands:
            i = v >> 3
            if gaz.kind[i] in ("country", "continent"):
                return 10**9
            best = max(best, gaz.population[i])
        return best

    def _has_admin_sense(self, cands: tuple[int, ...]) -> bool:
        return any(self.gaz.kind[v >> 3] in ("country", "continent", "admin1") for v in cands)

    def _comma_context(self, text: str, end: int) -> tuple[str, str | None] | None:
        """``("US", "AL")`` for "Mobile, Ala." / "Mobile, Alabama"; ``("FR", None)`` for "Nice, France"."""
        if end + 2 > len(text) or text[end] != ",":
            return None
        m = _TOKEN.match(text, end + 2) if text[end + 1] == " " else None
        if not m:
            return None
        word = m.group()
        gaz = self.gaz
        folded = fold(word).strip()
        if folded in gaz.us_state_abbrev and word.endswith("."):
            return "US", gaz.us_state_abbrev[folded]
        two = _TOKEN.match(text, m.end() + 1)
        for key in ([fold(f"{word} {two.group()}").strip()] if two else []) + [fold(word.rstrip(".")).strip()]:
            for v in gaz.names.get(key, ()):
                i = v >> 3
                if gaz.kind[i] == "country":
                    return gaz.country[i] or "", None
                if gaz.kind[i] == "admin1" and gaz.country[i]:
                    return gaz.country[i] or "", gaz.admin1[i]
        return None

    # -- resolution -------------------------------------------------------------------------------

    def _resolve(self, text: str, spans: list[tuple[int, int, str]], countries: dict[str, float],
                 dateline: tuple[int, int] | None) -> dict[str, tuple[int, float]]:
        gaz = self.gaz
        states: dict[tuple[str, str], float] = {}
        comma: dict[str, tuple[str, str | None]] = {}
        keys = {key for _, _, key in spans}
        for start, end, key in spans:
            ctx = self._comma_context(text, end)
            if ctx:
                comma[key] = ctx
                countries[ctx[0]] = countries.get(ctx[0], 0.0) + 1.0
                if ctx[1]:
                    states[(ctx[0], ctx[1])] = states.get((ctx[0], ctx[1]), 0.0) + 1.0
        # Pass 1: countries and first-level areas named outright are context for everything else.
        for key in keys:
            kinds = [(gaz.kind[v >> 3], v >> 3) for v in gaz.names[key]]
            for kind, i in kinds:
                if kind == "country" and gaz.country[i]:
                    countries[gaz.country[i] or ""] = countries.get(gaz.country[i] or "", 0.0) + 1.0
                elif kind == "admin1" and gaz.country[i] and gaz.admin1[i] and len(kinds) <= 3:
                    states[(gaz.country[i] or "", gaz.admin1[i] or "")] = 1.0
                    countries[gaz.country[i] or ""] = countries.get(gaz.country[i] or "", 0.0) + 0.5
        senses = {key: self._best(key, countries, states, comma.get(key), None) for key in keys}
        # Pass 2: the countries of the confidently resolved places, and proximity to them.
        anchors: list[tuple[float, float]] = []
        for key, (i, margin) in senses.items():
            if i >= 0 and margin >= 2.0 and gaz.lat[i] is not None and gaz.kind[i] != "country":
                anchors.append((gaz.lat[i] or 0.0, gaz.lon[i] or 0.0))
                c = gaz.country[i]
                if c:
                    countries[c] = countries.get(c, 0.0) + 0.5
                if gaz.kind[i] == "city" and c and gaz.admin1[i]:
                    states[(c, gaz.admin1[i] or "")] = states.get((c, gaz.admin1[i] or ""), 0.0) + 0.5
        final = {}
        for key in keys:
            i, margin = self._best(key, countries, states, comma.get(key), anchors)
            if i >= 0:
                final[key] = (i, margin)
        return final

    def _best(self, key: str, countries: dict[str, float], states: dict[tuple[str, str], float],
              comma: tuple[str, str | None] | None,
              anchors: list[tuple[float, float]] | None) -> tuple[int, float]:
        gaz = self.gaz
        scored: list[tuple[float, int]] = []
        preferred = _PREFERRED.get(key)
        for v in gaz.names[key]:
            i, flags = v >> 3, v & 7
            kind = gaz.kind[i]
            c = gaz.country[i] or ""
            if kind == "city":
                s = math.log10(gaz.population[i] + 1)
            elif kind == "admin1" and c == "US":
                s = _US_STATE_PRIOR
            else:
                s = _KIND_PRIOR[kind]
            if not flags & PRIMARY:
                s -= 2.0
            if c in countries and kind != "country":
                s += 2.0 + min(countries[c], 3.0) * 0.5
            if (c, gaz.admin1[i] or "") in states and kind in ("city", "district"):
                s += 2.5
            if comma is not None and c == comma[0] and kind != "country":
                s += 4.0 + (4.0 if comma[1] and gaz.admin1[i] == comma[1] else 0.0)
            if preferred == gaz.geonameid[i]:
                s += 3.0
            if anchors and kind == "city" and gaz.lat[i] is not None:
                near = min(_km(gaz.lat[i] or 0.0, gaz.lon[i] or 0.0, a, b) for a, b in anchors)
                if near < 250:
                    s += 1.0
            scored.append((s, i))
        if not scored:
            return -1, 0.0
        scored.sort(reverse=True)
        margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 5.0
        return scored[0][1], margin

    # -- output -----------------------------------------------------------------------------------

    def _mentions(self, text: str, spans: list[tuple[int, int, str]], senses: dict[str, tuple[int, float]],
                  dateline: tuple[int, int] | None) -> list[PlaceMention]:
        gaz = self.gaz
        head_end = headline_end(text)
        out: list[PlaceMention] = []
        for start, end, key in spans:
            i, margin = senses.get(key, (-1, 0.0))
            if i < 0:
                continue
            role: PlaceRole = "body"
            if dateline is not None and dateline[0] <= start and end <= dateline[1]:
                role = "dateline"
            elif start < head_end:
                role = "headline"
            out.append(PlaceMention(
                start=start, end=end, text=text[start:end], name=gaz.name[i], geonameid=gaz.geonameid[i],
                country=gaz.country[i], lat=gaz.lat[i], lon=gaz.lon[i], kind=gaz.kind[i], role=role,
                score=round(1.0 / (1.0 + math.exp(-margin)), 3), qualifier=_qualifier(text, start, end) if gaz.kind[i] == "city" else None,
            ))
        return out


def _qualifier(text: str, start: int, end: int) -> str | None:
    m = _QUALIFIER_AFTER.match(text, end)
    if m:
        return " ".join(m.group(1).split())
    prev = _prev_token(text, start)
    if prev.lower() in _QUALIFIER_BEFORE and text[start - 1] == " ":
        return prev.lower()
    return None


def _longest_non_overlapping(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    taken: list[tuple[int, int, str]] = []
    used: set[int] = set()
    for s in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        if not any(p in used for p in range(s[0], s[1])):
            taken.append(s)
            used.update(range(s[0], s[1]))
    taken.sort()
    return taken


def _sentence_starts(text: str, sentences: Sequence[Sentence]) -> set[int]:
    starts = {0}
    for s in sentences:
        k = s.start
        while k < s.end and not text[k].isalnum():
            k += 1
        starts.add(k)
    return starts


def _prev_token(text: str, start: int) -> str:
    k = start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    j = k
    while j >= 0 and (text[j].isalnum() or text[j] in ".'’"):
        j -= 1
    return text[j + 1:k + 1]


def _next_token(text: str, end: int) -> str:
    m = _TOKEN.match(text, end + 1) if end < len(text) and text[end] == " " else None
    return m.group() if m else ""


def _upper_line(text: str, pos: int) -> bool:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    line = text[a:b if b >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
