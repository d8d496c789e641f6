"""Place recognition and resolution: Aho-Corasick over folded text, filters, then disambiguation.

Called by ``Tagger.tag`` for every article:

1. **scan** — one pass of an Aho-Corasick automaton (ahocorasick_rs) whose patterns are the
   gazetteer names padded with a space on each side, over ``" " + fold(text) + " "``; padding makes every hit a
   whole-word hit, and because ``fold`` maps punctuation to spaces, "Raqqa's" hits "raqqa" (the possessive
   falls away).
   Built with the keyword matcher (as ``Tagger.load`` does), the same automaton also holds the keyword
   phrases, and ``find_with_keywords`` returns places and keywords from that one pass.
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
from collections.abc import Set as AbstractSet
from functools import lru_cache

import ahocorasick_rs

from streams.tagging.features import TRIGGERS, extend, features
from streams.tagging.gazetteer import COMMON, EXACT_CASE, Gazetteer
from streams.tagging.keywords import KeywordMatcher
from streams.tagging.model import KeywordMention, PlaceKind, PlaceMention, PlaceRole, Sentence, builder
from streams.tagging.resolve import Context, SenseCache, resolve
from streams.tagging.text import find_dateline, fold, headline_end
from streams.tagging.words import (
    BLOCKED,
    FUNCTION_WORDS,
    MONTHS_DAYS,
    ORG_WORDS,
    PERSON_TITLES,
    PLACE_TYPE_WORDS,
    is_common_word,
)

_QUALIFIER_BEFORE = frozenset(
    """northern southern eastern western central north south east west northeastern northwestern
    southeastern southwestern northeast northwest southeast southwest downtown greater upstate rural
    outer inner suburban old""".split()
)
# "the New Aleppo district", "Upper Nile": a part or namesake of the place, never a first name
_NAME_PREFIXES = frozenset({"new", "upper", "lower"})
_QUALIFIER_AFTER = re.compile(
    r"['’]s\s+(Old City|old city|city cent(?:re|er)|outskirts|downtown|"
    r"(?:north|south|east|west)(?:ern)?\s+(?:districts?|suburbs?|neighbou?rhoods?|outskirts|side|parts?|"
    r"quarters?|bank))\b"
)
_ARABIC_ARTICLES = frozenset("al el ad ar as ash at az an ad-".split())
# lower-case words inside a multi-word name: "Rio de Janeiro", "Deir ez-Zor", "Ras al-Ain"
_CONNECTORS = frozenset("of de del la le les du des upon on the and y da do das dos di am der i e ez es ed er ul ud"
                        .split()) | _ARABIC_ARTICLES
# A lower-case article or ezafe glued to capitalised words ("Maarat al-Numan", "Mazar-i-Sharif",
# "Daraa al-Balad"): a gazetteer hit on one side of it is a fragment of a longer name.
_GLUE = _ARABIC_ARTICLES | {"i", "e", "ul", "ud"}
_GLUED_AFTER = re.compile(r"(?: |-)([a-z]{1,3})-[A-Z]")
# "son of" between capitalised names ("Qasr bin Ghashir", "Mohammed bin Salman"): the hit is one part of a longer
# name, a place's or a person's.
_SON_OF = re.compile(r" (?:bin|ibn|bint) [A-Z]")
_SON_OF_BEFORE = re.compile(r"[A-Z][\w'’-]* (?:bin|ibn|bint) $")
# "Committee of the", "Federation of the": the name after it is part of an organisation's name.
_ORG_OF = re.compile(r"\b(?:Committee|Federation|Society|Societies|Order|Sisters|Brothers|Friends|Knights|"
                     r"Daughters|Sons|Church|Army|Association|League|Union|Council)$")
# The word after a name that makes it the first-level area rather than its same-name town.
# "X state" before a noun it qualifies ("the Sennar state government", "the Kassala state capital") makes that
# mention the area (its key then gets _AREA_KEY), whatever the name's other mentions are
_AREA_MODIFIES = re.compile(r"(?:['’]s)? (?:government|governor|authorities|capital|police|officials?|council|"
                            r"assembly|parliament|administration|ministry|health|security|legislature|"
                            r"elections?|television|radio|media)\b")
_AREA_KEY = "\x00area"
_CITY_KEY = "\x00city"
_AREA_AFTER = re.compile(r" (?:region|Region|province|Province|governorate|Governorate|state)\b")
# "a building in the Mansour district": a quarter of the story's city, named like a town abroad
_QUARTER_AFTER = re.compile(r" (?:district|neighbou?rhood|quarter)\b")
# 'the operation, dubbed "Olive Branch"': a name given to something, in quotes
_NAMED_BEFORE = re.compile(r"(?:dubbed|code-?named|named|called)\s*$")
_TRAILING_OK = re.compile(r"(?:City|County|Parish|Township|Valley|River|Lake|Bay|Island|Street|St\.|Avenue|Ave\.|"
                          r"Road|Rd\.|Boulevard|Blvd\.|Drive|Highway)$")
# "Washington said", "Washington and the SDF said", "Moscow has warned": the government, not the place.
_SPEAKS = re.compile(
    r"(?:['’]s\s+government)?(?:\s*(?:,|and)\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})?"
    r"\s+(?:has\s+|have\s+|had\s+|also\s+)?(?:said|says|announced|warned|urged|denied|accused|claimed|"
    r"confirmed|insisted|demanded|condemned|rejected|welcomed|threatened|vowed|told)\b"
)
# "as Ankara's cross-border operation turned against …", "Moscow's troops": a capital or country as the state that
# fights
_STATES_FORCES = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:operation|offensive|campaign|incursion|forces|troops|army|"
                            r"military|air\s+force|warplanes|jets|drones)\b")
# (a verb's object before "said" is no surname: "Rebels defending Yabroud said"; but "quoted Jones said")
_SAID_VERBS = frozenset({"quoted", "named", "called", "nicknamed", "identified", "reported", "added", "stated"})
# "a resident of Kadugli told", "officials in Goma said": a speaker's place, not a surname
_SPEAKER_PLACE_BEFORE = frozenset({"of", "in", "from", "at"})
_PARTY_STATE = re.compile(r"(?:R|D|I|DFL)-([A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.)")
_PARTIES = frozenset({"R", "D", "I", "DFL", "GOP"})  # "Rep. Torrey Westrom, R-Elbow Lake"
_TOKEN = re.compile(r"[\w.'’]+")
_WORDS = re.compile(r"[\s\-]+")
# (Red Cross, N.C.: the aid agency in the news; "Hue's ancient Citadel" is the city's fortress, not Citadel in
# Canada; "the Tet offensive", "the Tet truce": the lunar new year, not Tét in Hungary)
_NOT_PLACE_PHRASES = frozenset({"old city", "new city", "central command", "white house",
                                "red cross", "red crescent", "citadel", "tet"})
# What an automaton pattern is: a gazetteer name, a demonym, a feature word, an actor keyword (any mix).
_NAME, _DEMONYM, _TRIGGER, _ACTOR = 1, 2, 4, 8
_mention = builder(PlaceMention)
_Payload = tuple[str, int, int, tuple[tuple[str, str, tuple[str, str]], ...] | None]


def _end_then_longest(hit: list[int] | tuple[int, int, int]) -> tuple[int, int]:
    return hit[2], hit[1]  # (end, start): on the same end, the earlier start (the longer pattern) first


# "the Sea of Azov", "the Gulf of Aden", "the Bay of Bengal": what comes after is a water body's name
_WATER_BODIES = frozenset({"Sea", "Gulf", "Bay", "Strait", "Straits", "Bight", "Sound"})
# abbreviated ranks and titles that are also place names ("Brig." for brigadier; Brig, Switzerland)
_RANK_ABBREVIATIONS = frozenset({"brig", "gen", "col", "capt", "maj", "lt", "sgt", "adm", "gov", "sen", "rep", "cmdr"})


class PlaceResolver:
    """Finds and resolves the places in one text. Built once per worker from a ``Gazetteer``."""

    def __init__(self, gazetteer: Gazetteer, keywords: KeywordMatcher | None = None) -> None:
        """``keywords``: also scan for that taxonomy's phrases (``find_with_keywords``: one pass for both)."""
        self.gaz = gazetteer
        self.keywords = keywords
        # Each pattern carries what the hit loop needs about it, so that a hit costs no dictionary look-ups:
        # (folded name, its length + 1, _NAME | _DEMONYM | _TRIGGER | _ACTOR bits, keyword entries or None).
        patterns: dict[str, _Payload] = {}  # padded key -> payload, in insertion order (a scanner pattern's index)
        names, demonyms = gazetteer.names, gazetteer.demonyms
        phrases = keywords.patterns if keywords is not None else {}

        def payload(key: str, place: bool) -> _Payload:
            entries = phrases.get(key)
            bits = ((_NAME if place and key in names else 0) | (_DEMONYM if place and key in demonyms else 0)
                    | (_TRIGGER if place and key in TRIGGERS else 0)
                    | (_ACTOR if entries and any(e[2][1] == "actor" for e in entries) else 0))
            return key, len(key) + 1, bits, entries

        special = demonyms.keys() | TRIGGERS | phrases.keys()  # a few hundred: the rest are plain names
        for key, senses in names.items():
            # blocked words never become places, except as exact-case aliases ("US" but not "us")
            if key in BLOCKED and not any(v & EXACT_CASE for v in senses) or key in _NOT_PLACE_PHRASES:
                continue
            patterns[f" {key} "] = payload(key, True) if key in special else (key, len(key) + 1, _NAME, None)
        for key in demonyms.keys() | TRIGGERS:
            if f" {key} " not in patterns:
                patterns[f" {key} "] = payload(key, True)
        for key in phrases:
            if f" {key} " not in patterns:
                patterns[f" {key} "] = payload(key, False)
        # One scan finds every occurrence of every padded key (overlapping): a Rust Aho-Corasick NFA, about
        # twice as fast per article as pyahocorasick's iterator, and a hit is a pattern index into ``payloads``
        # (no Python tuple built per trie output).
        self.patterns = patterns
        self.payloads: list[_Payload] = list(patterns.values())
        self.scanner = ahocorasick_rs.AhoCorasick(list(patterns),
                                                  implementation=ahocorasick_rs.Implementation.ContiguousNFA)
        self._infos: dict[str, tuple[bool, bool, bool, int, bool, bool]] = {}
        self._admin_words: dict[str, bool] = {}  # word -> names a country or first-level area (cached)
        # words after a comma -> comma context (``_comma_context``)
        self._commas: dict[tuple[str, str | None], tuple[str, str | None] | None] = {}
        self._senses = SenseCache(gazetteer)
        # town names that open with a title ("General MacArthur", "President Roxas"), and with the compass-named areas
        # the names that need their country in the story: see ``_drop_unsupported``
        self._titled = frozenset(k for k in names if " " in k and k.split(" ", 1)[0] in PERSON_TITLES)
        self._compass = frozenset(k for k in names if _COMPASS_WORDS.issuperset(k.split()))
        self._unsupported = self._compass | self._titled

    @property
    def pattern_count(self) -> int:
        return len(self.payloads)

    def scan(self, padded: str) -> list[tuple[int, int, int]]:
        """Every occurrence of every pattern in ``padded`` (the folded text with a space on each side), as
        (pattern index, start, end) character offsets, ordered by end, the longer pattern first on the same end
        (the order pyahocorasick's iterator reported them in, which the hit loop was written for)."""
        found: list[tuple[int, int, int]] = self.scanner.find_matches_as_indexes(padded, overlapping=True)
        found.sort(key=_end_then_longest)
        return found

    def find(self, text: str, sentences: Sequence[Sentence], folded: str | None = None,
             not_places: Sequence[tuple[int, int]] = ()) -> list[PlaceMention]:
        """Places in ``text``. ``not_places`` are spans known to name something else (an actor keyword
        such as "Hamas"): a place hit covering exactly such a span is dropped."""
        return self._find(text, sentences, fold(text) if folded is None else folded, not_places, False,
                          find_dateline(text))[0]

    def find_with_keywords(self, text: str, sentences: Sequence[Sentence], folded: str,
                           dateline: tuple[int, int] | None) -> tuple[list[PlaceMention], list[KeywordMention]]:
        """Places and keywords in one scan (called by ``Tagger.tag``; needs ``keywords`` at construction).
        The same as ``keywords.find`` followed by ``find`` with the actor keywords as ``not_places``;
        ``dateline`` is ``find_dateline(text)``, which the caller needs too."""
        return self._find(text, sentences, folded, (), self.keywords is not None, dateline)

    def _find(self, text: str, sentences: Sequence[Sentence], folded: str, not_places: Sequence[tuple[int, int]],
              with_keywords: bool, dateline: tuple[int, int] | None) -> tuple[list[PlaceMention], list[KeywordMention]]:
        gaz = self.gaz
        d0, d1 = dateline if dateline is not None else (-1, -1)
        starts: set[int] | None = None
        ctx = Context()
        accepted: list[tuple[int, int, str]] = []
        persons: set[str] = set()
        blocked = set(not_places)
        triggers: list[tuple[int, int]] = []
        demonyms = gaz.demonyms
        phrases: list[tuple[int, int, Sequence[tuple[str, str, tuple[str, str]]]]] = []
        judge: list[tuple[int, int, str, bool]] = []  # hits that are also an actor keyword ("Hamas")
        openers: list[tuple[int, int, str]] = []  # hits dropped where they open a sentence
        payloads = self.payloads
        for index, _, after in self.scan(f" {folded} "):
            key, klen, bits, entries = payloads[index]
            stop = after - 1
            start = stop - klen
            end = stop - 1
            if entries is not None:
                phrases.append((start, end, entries))  # (read only when keywords are asked for)
            in_dateline = d0 <= start and end <= d1
            if not in_dateline and not text[start].isupper() and not (
                    # (a lower-case Arabic article and its hyphen: "al-Bab", "ash-Shaddadi")
                    (text[start + 2:start + 3] == "-" or text[start + 3:start + 4] == "-")
                    and _article_name(text, start, end)):
                continue  # many hits: lower-case words ("nice", "reading", "of")
            if bits != _NAME:
                if bits & _DEMONYM:
                    ctx.add_country(demonyms[key], 1.0)
                if bits & _TRIGGER:
                    triggers.append((start, end))
                if not bits & _NAME:
                    continue
                if bits & _ACTOR and with_keywords:
                    judge.append((start, end, key, in_dateline))
                    continue  # judged once the keywords are known: an actor keyword is not a place
            if key in persons or (blocked and (start, end) in blocked):
                continue  # a person's name is dropped everywhere anyway: no need to judge this hit
            if starts is None:
                starts = _sentence_starts(text, sentences)
            verdict = True if in_dateline else self._keep(text, start, end, key, starts)
            if verdict:
                accepted.append((start, end, key))
            elif verdict is None:
                persons.add(key)  # a person's name: drop the name everywhere in this text
            elif start in starts and text[end:end + 1] == " " and text[end + 1:end + 2].islower():
                openers.append((start, end, key))  # "Hue fell to …": a word that opens a sentence (see below)
        keywords = self.keywords.mentions(text, phrases) if with_keywords and self.keywords is not None else []
        if judge:
            actors = {(k.start, k.end) for k in keywords if k.group == "actor"}
            starts = starts if starts is not None else _sentence_starts(text, sentences)
            for start, end, key, in_dateline in judge:
                if (start, end) in actors or (start, end) in blocked:
                    continue
                verdict = True if in_dateline else self._keep(text, start, end, key, starts)
                if verdict:
                    accepted.append((start, end, key))
                elif verdict is None:
                    persons.add(key)
        if openers:
            # a name that is also a word, dropped where it opens a sentence, is the place the story names elsewhere
            # ("HUE (Reuters) - … Hue fell to the North Vietnamese on Tuesday")
            named = {k for _, _, k in accepted}
            accepted.extend(o for o in openers if o[2] in named)
        spans = _longest_non_overlapping([a for a in accepted if a[2] not in persons])
        if not spans:
            return [], keywords
        comma: dict[str, tuple[str, str | None]] = {}
        extra: list[PlaceMention] = []
        for start, end, key in spans:
            found = self._comma_context(text, end) if text[end:end + 1] == "," else None
            if found:
                comma[key] = found
                ctx.add_country(found[0], 1.0)
                ctx.add_state(found[0], found[1], 1.0)
                abbrev = self._state_abbreviation(text, end)
                if abbrev is not None:
                    extra.append(abbrev)
            if dateline is not None and dateline[0] <= start and end <= dateline[1]:
                best = max(gaz.names[key], key=lambda v: gaz.population[v >> 3])
                ctx.add_country(gaz.country[best >> 3], 1.0)
        for pos in _party_states(text):  # "Rep. James Clyburn, D-S.C."
            abbrev = self._state_abbreviation(text, pos - 2)
            if abbrev is not None:
                extra.append(abbrev)
        # (the countries the story states, read before resolve adds the names' own shares; only for a story with a name
        # that needs its country)
        doubtful = not self._unsupported.isdisjoint([k for _, _, k in spans])
        stated = {iso for iso, w in ctx.countries.items() if w > 0} if doubtful else _NO_COUNTRIES
        senses = resolve(gaz, dict.fromkeys(k for _, _, k in spans), ctx, comma, self._senses,  # in text order
                         _enumerations(text, spans))
        for n, (start, end, key) in enumerate(spans):
            if end > d1:
                break  # (spans in text order: none left in the dateline, or no dateline at all)
            if d0 <= start and key in senses:
                town = self._city_sense(key, senses[key])
                if gaz.kind[town[0]] == "city":
                    # "QUANG TRI, Sept. 16 (Reuters) -": a dateline names a town, and so does the story's same name
                    # unless "province" follows it ("IDLIB, Syria - Rebels in Idlib province": the dateline's own key)
                    senses[key] = senses[key + _CITY_KEY] = town
                    spans[n] = (start, end, key + _CITY_KEY)
                break
        for n, (start, end, key) in enumerate(spans):
            if key not in senses:
                continue
            if text.startswith((" city", " City"), end) and not text[end + 5:end + 6].isalpha():
                # "Quang Tri city fell": this mention is the town, not the province, whatever the name's other mentions
                # are ("Idlib city and Idlib province"; its key gets _CITY_KEY)
                senses[key + _CITY_KEY] = self._city_sense(key, senses[key])
                spans[n] = (start, end, key + _CITY_KEY)
            elif text[end:end + 1] == " " and (area_word := _AREA_AFTER.match(text, end)):
                region = text.startswith((" region", " Region"), end)
                area = self._area_sense(key, senses[key], abroad=not region)
                if not _AREA_MODIFIES.match(text, area_word.end()):
                    senses[key] = area  # "in Idlib province": the story's Idlib is the province
                elif area != senses[key]:
                    # "the Sennar state government" is the area's; "a market in Sennar" keeps the town
                    senses[key + _AREA_KEY] = area
                    spans[n] = (start, end, key + _AREA_KEY)
        if doubtful:
            self._drop_unsupported(text, spans, senses, stated)
        if len(senses) > 1:
            spans = self._foreign_quarters(text, spans, senses)
        mentions = self._mentions(text, spans, senses, dateline) + extra
        mentions.extend(self._features(text, mentions, triggers))
        mentions.sort(key=lambda p: p.start)
        return mentions, keywords

    # -- filters ----------------------------------------------------------------------------------

    def _info(self, key: str) -> tuple[bool, bool, bool, int, bool, bool]:
        """Per-name facts, computed once per worker: (all exact-case, all common words, has an
        admin/country sense, best population, never a place on its own (blocked word or demonym), one word)."""
        info = self._infos.get(key)
        if info is None:
            cands = self.gaz.names[key]
            if not cands:  # a name without any sense cannot be resolved: never a place ("never")
                info = self._infos[key] = (False, False, False, 0, True, " " not in key)
                return info
            flags = [v & 7 for v in cands]
            info = (all(f & EXACT_CASE for f in flags), all(f & COMMON for f in flags),
                    self._has_admin_sense(cands), self._best_population(cands),
                    key in BLOCKED or key in self.gaz.demonyms, " " not in key)
            self._infos[key] = info
        return info

    def _keep(self, text: str, start: int, end: int, key: str, starts: set[int]) -> bool | None:
        """True to keep the hit, False to drop it, None to drop every hit of this name (a person).

        Called by ``find`` for every hit outside the dateline that starts with a capital letter or is a name with a
        lower-case Arabic article (``_article_name``): the lower-case words are gone before."""
        info = self._infos.get(key) or self._info(key)
        exact, common, admin, best_pop, never, single = info  # (a name without senses is "never")
        surface = text[start:end]
        if exact:
            if admin and text[end:end + 1] == "." and text[start - 2:start] == ", " and key in self.gaz.us_state_abbrev:
                return False  # the "S.C." of "Columbia, S.C." is reported as a state abbreviation
            return surface.replace(".", "").replace(" ", "").isupper()
        if never:
            return False
        if not single and any(not (w[0].isupper() or w[0].isdigit() or w.lower() in _CONNECTORS)
                              for w in _WORDS.split(surface)[1:] if w):
            return False  # "New York", "Deir al-Zor", "Rio de Janeiro"; not "York"-style lower-case runs
        if surface.isupper():
            if _upper_line(text, start):
                # a shouted headline ("ISLAMIC STATE STORMS RAMADI GOVERNMENT COMPOUND"): its capitals say nothing
                # of names, so no hit of the name is dropped for what stands around this one (a surname, a person);
                # a big place that is not also a word is kept
                return not common and (admin or best_pop >= 50_000)
            if end - start <= 4 and not _section_head(text, start, end):
                return False  # an acronym ("NICE", "MOB"), not a place
        names = self.gaz.names
        if (best_pop < 10**9 and (text[start - 1:start] == "-" or text.find("-", end + 2, end + 5) >= 0)
                and _glued(text, start, end)):
            return False  # "Numan" of "Maarat al-Numan": better no place than the wrong one
        if best_pop < 10**9 and _son_of(text, start, end):
            return False  # "Qasr" of "Qasr bin Ghashir", "Salman" of "Mohammed bin Salman"
        if _reduplicated(text, start, end):
            return False  # "Mai-Mai militiamen": a doubled name (a militia's), not the town twice
        if text.startswith(" Catholic", end):
            return False  # "the Roman Catholic mission": a church, not Roman in Romania
        if start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum():
            before = _prev_token(text, start - 1)
            if (before.lower() not in _ARABIC_ARTICLES and before not in _PARTIES
                    and _fold_word(before) not in names):
                return False  # "T-Mobile"; but "Fargo-Moorhead", "Al-Raqqa" and "R-Marshall" are fine
        if end + 1 < len(text) and text[end] == "-" and text[end + 1].isupper():
            after = _TOKEN.match(text, end + 1)
            if after and _fold_word(after.group()) not in names:
                return False  # "Wal-Mart"; but "US-led" and "Fargo-Moorhead" are fine
        if end + 1 < len(text) and text[end] in "'’" and text[end + 1].isalpha() and text[end + 1] not in "sS" \
                and (end + 2 >= len(text) or text[end + 2].isalpha()):
            return False  # "Jama" of "Jama'at Nusrat al-Islam": the name goes on after the apostrophe
        if start >= 2 and text[start - 1] == " " and text[start - 2] not in " \t":
            prev = text[text.rfind(" ", 0, start - 1) + 1:start - 1]  # (``_prev_token``'s fast path, inlined)
            if not prev.isalnum():
                prev = _prev_token(text, start)
        else:
            prev = _prev_token(text, start)
        m = _TOKEN.match(text, end + 1) if text[end:end + 1] == " " else None
        nxt = m.group() if m else ""  # (``_next_token``, inlined: every judged hit needs it)
        big = admin or best_pop >= 100_000
        if prev == "Operation" and not big:
            return False  # "the first hours of Operation Olive Branch": a military operation's name
        if not big and text[start - 1:start] in _QUOTE_OPENERS and _NAMED_BEFORE.search(text, max(0, start - 14),
                                                                                      start - 1):
            return False  # 'the operation, dubbed "Olive Branch"': the operation's name, not the town
        if prev == "of" and start >= 3 and _prev_token(text, start - 3) in _WATER_BODIES:
            return False  # "the Sea of Azov", "the Gulf of Aden": a sea's name, not the town
        if text.startswith(" of ", end) and text[start:end] in _WATER_BODIES:
            return False  # "the Bay of Bengal": not Somalia's Bay region
        if text[end:end + 2] == ". " and text[start:end].lower() in _RANK_ABBREVIATIONS \
                and text[end + 2:end + 3].isupper() \
                and (dot := text.find(".", end + 2, end + 10)) > 0 and text[end + 2:dot].lower() in _RANK_ABBREVIATIONS:
            return False  # "Brig. Gen. Abdu Majali": an abbreviated rank, not Brig in Switzerland
        low_prev = prev.rstrip(".").lower()
        if low_prev in PERSON_TITLES and not admin:
            return None
        said_after = low_prev in ("said", "says") and text[end:end + 1] in ",."
        if not big and (nxt in ("said", "says", "told") or said_after) and low_prev not in _SPEAKER_PLACE_BEFORE \
                and not (nxt and prev.islower() and prev.endswith(("ing", "ed")) and prev not in _SAID_VERBS):
            # "Jones said", "said Jones." (but "a resident of Kadugli told AFP", "rebels defending Yabroud said")
            return None
        country_like = best_pop >= 10**9  # countries and continents are never a surname here
        if not country_like and prev[:1].isupper() and text[start - 1] == " " and not low_prev.endswith(("'s", "’s")):
            before = _prev_token(text, start - len(prev) - 1)
            if before.rstrip(".").lower() in PERSON_TITLES or (
                    before[:1].isupper() and text[start - len(prev) - 2:start - len(prev) - 1] == " "
                    and _prev_token(text, start - len(prev) - len(before) - 2).rstrip(".").lower() in PERSON_TITLES):
                # "Colonel Martin O'Donnell", "President Nguyen Van Thieu": one or two first names after a title,
                # whatever else the last name names
                return None
        if (single and not country_like and prev[:1].isupper() and start not in starts and text[start - 1] == " "
                and not low_prev.endswith(("'s", "’s"))  # "Syria's Aleppo": an owner, not a first name
                # ('"Liberating Hodeidah port will …"': the word a quotation opens with is capitalised anyway)
                and text[start - len(prev) - 2:start - len(prev) - 1] not in _QUOTE_OPENERS):
            if (low_prev not in FUNCTION_WORDS and low_prev not in _QUALIFIER_BEFORE and low_prev not in _NAME_PREFIXES
                    and low_prev not in MONTHS_DAYS
                    and low_prev not in PLACE_TYPE_WORDS and low_prev not in ORG_WORDS
                    and low_prev not in self.gaz.demonyms and not self._is_admin_name(prev)):
                return None  # "Raquel Henry", "Elizabeth Fairfield": a surname
        if single and not admin and nxt[:1].isupper() and end < len(text) and text[end] == " ":
            low_next = nxt.rstrip(".").lower()
            if (low_next not in PLACE_TYPE_WORDS and low_next not in FUNCTION_WORDS and low_next not in ORG_WORDS
                    and not _TRAILING_OK.match(nxt)):
                return False if big else None  # "Scott Walker"; but "Fargo Mayor", "Alexandria Police"
        if (not admin and best_pop < 50_000 and start >= 8 and text[start - 8:start] == " of the "
                and _ORG_OF.search(text, max(0, start - 40), start - 8)):
            return False  # "International Committee of the Red Cross": an organisation, not the small town
        if (single and admin and not country_like and nxt[:1].isupper() and text[end:end + 1] == " "
                and _unknown_name_word(nxt, names)):
            return False  # "Adan" of "Adan Yabaal": a longer name the gazetteer does not know
        if text[end:end + 1] == "." and text[start - 2:start] == ", " and key in self.gaz.us_state_abbrev:
            return False  # the "Kan." of "Kansas City, Kan." is reported as a state abbreviation
        if common:
            if self._comma_context(text, end) is not None:
                return True
            if best_pop >= 10**9 and not nxt[:1].isupper():
                return True  # a country or continent that is also a word: "China has", "Turkey's"
            if start in starts or (prev[:1].isupper() and prev.lower() not in FUNCTION_WORDS):
                return False
            if nxt[:1].isupper() and nxt.lower() not in PLACE_TYPE_WORDS:
                return False  # "Reading Room", "Mobile Command"
            return best_pop >= 50_000 or admin or any(self.gaz.kind[v >> 3] in ("district", "region")
                                                       for v in self.gaz.names[key])
        return True

    def _drop_unsupported(self, text: str, spans: list[tuple[int, int, str]],
                          senses: dict[str, tuple[int, float]], stated: AbstractSet[str]) -> None:
        """Names that are those places only where the story names their country: a first-level area named by
        compass words alone ("the loss of the North-East" in a story on China is no district of Singapore, but
        "Cameroon's North-West" is Cameroon's, and so is "the North-West region"), and a town named like a title
        and a surname ("General MacArthur said" is no town of the Philippines)."""
        gaz = self.gaz
        unsupported = self._unsupported
        named_area = {key for _, end, key in spans if text[end:end + 1] == " " and _AREA_AFTER.match(text, end)}
        countries = stated | {gaz.country[s[0]] for k, s in senses.items() if k not in unsupported}
        for key in [k for k in senses if k in unsupported]:
            place = senses[key][0]
            if key in self._compass:
                if gaz.kind[place] not in ("admin1", "district") or key in named_area:
                    continue
            elif gaz.kind[place] != "city" or gaz.population[place] >= 100_000:
                continue  # (General Santos, a city of half a million, is known without its country)
            if gaz.country[place] not in countries:
                del senses[key]

    def _foreign_quarters(self, text: str, spans: list[tuple[int, int, str]],
                          senses: dict[str, tuple[int, float]]) -> list[tuple[int, int, str]]:
        """Spans without "the <name> district" (neighbourhood, quarter) when the name resolved to a small town of a
        country no other place of the story lies in: "a building in the Mansour district" of a Baghdad story is a
        quarter the gazetteer does not know, not Mansourah in Algeria."""
        gaz = self.gaz
        keep = spans
        for n, (start, end, key) in enumerate(spans):
            if text[max(0, start - 4):start] not in ("the ", "The ") or not text.startswith((" d", " n", " q"), end) \
                    or _QUARTER_AFTER.match(text, end) is None:
                continue
            sense = senses.get(key)
            if sense is None or gaz.kind[sense[0]] != "city" or gaz.population[sense[0]] >= 100_000:
                continue
            country = gaz.country[sense[0]]
            if any(gaz.country[i] == country for k, (i, _) in senses.items() if k != key):
                continue
            if keep is spans:
                keep = list(spans)
            keep[n] = (start, end, "")
        return keep if keep is spans else [s for s in keep if s[2]]

    def _city_sense(self, key: str, sense: tuple[int, float]) -> tuple[int, float]:
        """The town of that name in the resolved first-level area's country, if the sense is the area and one
        exists; else ``sense`` unchanged."""
        gaz = self.gaz
        i, margin = sense
        if gaz.kind[i] != "admin1":
            return sense
        towns = [v >> 3 for v in gaz.names.get(key, ())
                 if gaz.kind[v >> 3] == "city" and gaz.country[v >> 3] == gaz.country[i]]
        return (max(towns, key=lambda t: gaz.population[t]), margin) if towns else sense

    def _area_sense(self, key: str, sense: tuple[int, float], *, abroad: bool) -> tuple[int, float]:
        """The first-level area of that name ("Sagaing region"), in the resolved sense's country if it has one
        there, else (``abroad``: "Sonora state", not "the Charlotte region") the only one of that name anywhere;
        else ``sense`` unchanged."""
        gaz = self.gaz
        i, margin = sense
        if gaz.kind[i] == "admin1":
            return sense
        areas = [v >> 3 for v in gaz.names.get(key, ()) if gaz.kind[v >> 3] == "admin1"]
        same = [a for a in areas if gaz.country[a] == gaz.country[i]]
        if same:
            return same[0], margin
        # "the capital of Sonora state": the one first-level area of the name, though a town abroad shares it
        return (areas[0], margin) if abroad and len(areas) == 1 and gaz.kind[i] == "city" else sense

    def _best_population(self, cands: tuple[int, ...]) -> int:
        gaz = self.gaz
        best = 0
        for v in cands:
            i = v >> 3
            if gaz.kind[i] in ("country", "continent"):
                return 10**9
            best = max(best, gaz.population[i])
        return best

    def _is_admin_name(self, word: str) -> bool:
        got = self._admin_words.get(word)
        if got is None:
            if len(self._admin_words) > 50_000:
                self._admin_words.clear()  # (any capitalised word lands here: keep the cache bounded)
            got = self._admin_words[word] = self._has_admin_sense(self.gaz.names.get(_fold_word(word), ()))
        return got

    def _has_admin_sense(self, cands: tuple[int, ...]) -> bool:
        return any(self.gaz.kind[v >> 3] in ("country", "continent", "admin1", "region") for v in cands)

    def _comma_context(self, text: str, end: int) -> tuple[str, str | None] | None:
        """``("US", "AL")`` for "Mobile, Ala." / "Mobile, Alabama"; ``("FR", None)`` for "Nice, France"."""
        if end + 2 > len(text) or text[end] != ",":
            return None
        m = _TOKEN.match(text, end + 2) if text[end + 1] == " " else None
        if not m:
            return None
        word = m.group()
        two = _TOKEN.match(text, m.end() + 1)
        pair = (word, two.group() if two else None)
        if pair in self._commas:
            return self._commas[pair]
        if len(self._commas) > 50_000:
            self._commas.clear()  # (keyed by the words after the comma: keep it bounded)
        got = self._commas[pair] = self._comma_words(word, pair[1])
        return got

    def _comma_words(self, word: str, two: str | None) -> tuple[str, str | None] | None:
        """``_comma_context`` for the word after the comma and the token after it (cached there)."""
        gaz = self.gaz
        folded = _fold_word(word)
        if folded in gaz.us_state_abbrev and word.endswith("."):
            return "US", gaz.us_state_abbrev[folded]
        for key in ([_fold_word(f"{word} {two}")] if two is not None else []) + [_fold_word(word.rstrip("."))]:
            for v in gaz.names.get(key, ()):
                i = v >> 3
                if gaz.kind[i] == "country":
                    return gaz.country[i] or "", None
                if gaz.kind[i] == "admin1" and gaz.country[i]:
                    return gaz.country[i] or "", gaz.admin1[i]
        return None

    # -- output -----------------------------------------------------------------------------------

    def _mentions(self, text: str, spans: list[tuple[int, int, str]], senses: dict[str, tuple[int, float]],
                  dateline: tuple[int, int] | None) -> list[PlaceMention]:
        gaz = self.gaz
        head_end = headline_end(text)
        out: list[PlaceMention] = []
        # What a name's mentions share, computed once per name rather than once per mention.
        facts: dict[str, tuple[str, int | None, str | None, float | None, float | None, PlaceKind, float, bool,
                               bool]] = {}
        for key, (i, margin) in senses.items():
            kind = gaz.kind[i]
            facts[key] = (gaz.name[i], gaz.geonameid[i], gaz.country[i], gaz.lat[i], gaz.lon[i], kind,
                          round(1.0 / (1.0 + math.exp(-margin)), 3), kind == "city",
                          kind == "country" or i in gaz.capitals)
        d0, d1 = dateline if dateline is not None else (-1, -1)
        for start, end, key in spans:
            got = facts.get(key)
            if got is None:
                continue  # unresolvable: this name alone is dropped
            name, geonameid, country, lat, lon, kind, score, city, speaker = got
            role: PlaceRole = "body"
            if d0 <= start and end <= d1:
                role = "dateline"
            elif start < head_end:
                role = "headline"
            qualifier = None
            if city:  # (``_qualifier``; its common case, a plain word before the name, inlined)
                after = text[end:end + 1]
                if after == "'" or after == "’" or start < 2 or text[start - 2] in " \t":
                    qualifier = _qualifier(text, start, end)
                elif text[start - 1] == " ":
                    prev = text[text.rfind(" ", 0, start - 1) + 1:start - 1]
                    prev = prev.lower() if prev.isalnum() else _prev_token(text, start).lower()
                    qualifier = prev if prev in _QUALIFIER_BEFORE else None
            if role != "dateline":
                start, end = extend(text, start, end, town=city)
            metonymy = speaker and (_SPEAKS.match(text, end) is not None or _STATES_FORCES.match(text, end) is not None)
            out.append(_mention({
                "start": start, "end": end, "text": text[start:end], "name": name, "geonameid": geonameid,
                "country": country, "lat": lat, "lon": lon, "kind": kind, "role": role, "score": score,
                "qualifier": qualifier, "metonymy": metonymy,
            }))
        return out

    def _state_abbreviation(self, text: str, end: int) -> PlaceMention | None:
        """The "Ala." of "Mobile, Ala." as a state mention (AP abbreviations only follow a town)."""
        m = _TOKEN.match(text, end + 2)
        if not m or not m.group().endswith("."):
            return None
        word = m.group()
        code = self.gaz.us_state_abbrev.get(_fold_word(word))
        i = self.gaz.admin1_index.get(("US", code)) if code else None
        if i is None:
            return None
        gaz = self.gaz
        return PlaceMention(start=m.start(), end=m.end(), text=word, name=gaz.name[i], geonameid=gaz.geonameid[i],
                            country="US", lat=gaz.lat[i], lon=gaz.lon[i], kind="admin1", role="body", score=0.9)

    def _features(self, text: str, mentions: list[PlaceMention],
                  triggers: list[tuple[int, int]]) -> list[PlaceMention]:
        """Streets/rivers/lakes (placed at the article's focus town) and bare "Old City" references."""
        out: list[PlaceMention] = []
        taken: list[tuple[int, int]] = []
        # (most articles name no street or river: then there is no focus town to look for)
        towns = [p for p in mentions if p.kind in ("city", "district") and p.lat is not None] if triggers else []
        if towns:
            taken = [(p.start, p.end) for p in mentions]
        found = features(text, taken, triggers) if towns else []
        if found:
            counts: dict[str, int] = {}
            for p in towns:
                counts[p.name] = counts.get(p.name, 0) + 1
            focus = max(towns, key=lambda p: (counts[p.name], -p.start))
            for s, e in found:
                out.append(_mention({"start": s, "end": e, "text": text[s:e], "name": text[s:e], "geonameid": None,
                                     "country": focus.country, "lat": focus.lat, "lon": focus.lon, "kind": "district",
                                     "role": "body", "score": 0.3, "qualifier": focus.name, "metonymy": False}))
        # ("Old City" as a qualifier implies the words in the text: most articles skip the rest)
        anchors = [p for p in mentions if p.qualifier == "Old City"] if "Old City" in text else []
        if anchors:
            taken = taken or [(p.start, p.end) for p in mentions]
            at = text.find("Old City")
            while at >= 0:
                stop = at + len("Old City")
                bare = not text[:at].endswith(("'s ", "’s ")) and not (stop < len(text) and text[stop].isalnum())
                if bare and not any(at < b and a < stop for a, b in taken):
                    # the Old City of the city named with it most recently ("Raqqa's Old City ... the Old City")
                    anchor = next((p for p in reversed(anchors) if p.start < at), anchors[0])
                    out.append(anchor.model_copy(update={"start": at, "end": stop, "text": "Old City",
                                                         "kind": "district", "role": "body", "score": 0.6}))
                at = text.find("Old City", stop)
        return out


_NO_COUNTRIES: frozenset[str] = frozenset()
_LIST_GAPS = frozenset({", ", " and ", ", and ", " or ", ", or ", " & ", "; "})


# the words that name a first-level area by themselves ("North East", "Upper West", Ghana's "Western North"): see
# ``PlaceResolver._drop_unsupported``
_COMPASS_WORDS: frozenset[str] = frozenset(
    {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "upper", "lower"})


def _enumerations(text: str, spans: list[tuple[int, int, str]]) -> list[list[str]]:
    """The names of each run of place spans joined only by commas, "and" or "or" ("Alberta, Manitoba and
    Ontario"), for the enumeration rule of ``resolve``."""
    out: list[list[str]] = []
    run: list[str] = []
    prev_end = -10
    for start, end, key in spans:
        if 2 <= start - prev_end <= 6 and text[prev_end:start] in _LIST_GAPS:
            run.append(key)
        else:
            if len(run) > 1:
                out.append(run)
            run = [key]
        prev_end = end
    if len(run) > 1:
        out.append(run)
    return out


def _party_states(text: str) -> list[int]:
    """Offsets of the state in "D-S.C.", "R-Ala." (a hyphen scan: cheaper than a regex over the text)."""
    out = []
    at = text.find("-")
    while at >= 0:
        k = at - 1
        while k >= 0 and text[k].isupper():
            k -= 1
        if at - k - 1 in (1, 3) and (k < 0 or not text[k].isalnum()):
            m = _PARTY_STATE.match(text, k + 1)
            if m:
                out.append(m.start(1))
        at = text.find("-", at + 1)
    return out


def _article_name(text: str, start: int, end: int) -> bool:
    """A name that opens with a lower-case Arabic article and a hyphen, the rest capitalised ("the Observatory said
    al-Bab was encircled"): a whole name the gazetteer knows ("Al Bāb"), which the hit covers."""
    dash = start + 2 if text[start + 2:start + 3] == "-" else start + 3 if text[start + 3:start + 4] == "-" else -1
    if dash < 0 or dash >= end or text[start:dash] not in _ARABIC_ARTICLES or not text[dash + 1:dash + 2].isupper():
        return False
    # (not after a capitalised word: "Tell al-Bab" is a longer name than the gazetteer's "Al Bāb")
    return not _prev_token(text, start)[:1].isupper() if start >= 2 and text[start - 1] == " " else True


def _reduplicated(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start``-``end`` is doubled with a hyphen ("Mai-Mai"), on either side; a doubled name
    the gazetteer knows whole ("Baden-Baden") is one hit and never gets here."""
    n = end - start
    if text[end:end + 1] == "-" and text[end + 1:end + 1 + n] == text[start:end] \
            and not text[end + 1 + n:end + 2 + n].isalpha():
        return True
    return start > n and text[start - 1] == "-" and text[start - 1 - n:start - 1] == text[start:end] \
        and not text[start - 2 - n:start - 1 - n].isalpha()


def _glued(text: str, start: int, end: int) -> bool:
    """True when the hit ``text[start:end]`` is one side of a capitalised name joined by a lower-case
    article or ezafe: "Maarat al-Numan", "Mazar-i-Sharif", "Daraa al-Balad" (but not "in al-Raqqa",
    "Syria's al-Hol")."""
    if start >= 2 and text[start - 1] == "-":
        k = start - 2
        j = k
        while j >= 0 and text[j].isalpha():
            j -= 1
        if text[j + 1:k + 1] in _GLUE and j >= 1 and text[j] in " -":
            before = _prev_token(text, j + 1 if text[j] == " " else j)
            if before[:1].isupper() and not before.endswith(("'s", "’s")):
                return True
    if text.find("-", end + 2, end + 5) < 0:
        return False  # (the common case, without the regex)
    m = _GLUED_AFTER.match(text, end) if text[end:end + 1] in (" ", "-") else None
    return m is not None and m.group(1) in _GLUE


def _son_of(text: str, start: int, end: int) -> bool:
    """True when the hit ``text[start:end]`` is one side of capitalised names joined by "bin", "ibn" or "bint"
    ("Qasr bin Ghashir", "Mohammed bin Salman")."""
    if text.startswith((" bin ", " ibn ", " bint "), end) and _SON_OF.match(text, end) is not None:
        return True
    return (text.endswith((" bin ", " ibn ", " bint "), 0, start)
            and _SON_OF_BEFORE.search(text, max(0, start - 40), start) is not None)


def _unknown_name_word(word: str, names: dict[str, tuple[int, ...]]) -> bool:
    """True for a capitalised word that is neither English, a place word nor a gazetteer name ("Yabaal")."""
    low = word.rstrip(".,").lower()
    if (not low.isalpha() or low in PLACE_TYPE_WORDS or low in FUNCTION_WORDS or low in ORG_WORDS
            or low in MONTHS_DAYS or _TRAILING_OK.match(word)):
        return False
    folded = _fold_word(word)
    return folded not in names and not is_common_word(folded)


def _qualifier(text: str, start: int, end: int) -> str | None:
    m = _QUALIFIER_AFTER.match(text, end) if text[end:end + 1] in ("'", "’") else None
    if m:
        return " ".join(m.group(1).split())
    if text[start - 1] != " ":
        return None
    prev = _prev_token(text, start).lower()
    return prev if prev in _QUALIFIER_BEFORE else None


def _longest_non_overlapping(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """One left-to-right sweep: of two overlapping spans the longer stays ("New York City" over "York")."""
    taken: list[tuple[int, int, str]] = []
    for s in sorted(spans):
        if taken and s[0] < taken[-1][1]:
            if s[1] - s[0] > taken[-1][1] - taken[-1][0]:
                taken[-1] = s
        else:
            taken.append(s)
    return taken


def _sentence_starts(text: str, sentences: Sequence[Sentence]) -> set[int]:
    starts = {0}
    for s in sentences:
        k = s.start
        if not text[k].isalnum():  # a quote or a bracket: the first word starts after it
            while k < s.end and not text[k].isalnum():
                k += 1
        starts.add(k)
    return starts


@lru_cache(maxsize=16384)
def _fold_word(word: str) -> str:
    """``fold(word).strip()``, remembered: the filters fold the same few neighbouring words again and again."""
    return fold(word).strip()


def _prev_token(text: str, start: int) -> str:
    """The run of letters, digits and ``.'’`` before ``start`` (over spaces and tabs)."""
    k = start - 1
    if k >= 0 and text[k] == " ":
        k -= 1
    if k >= 0 and text[k] not in " \t":
        # fast path: a plain word after a space (or at the start of the text)
        j = text.rfind(" ", 0, k + 1)
        tok = text[j + 1:k + 1]
        if tok.isalnum():
            return tok
    while k >= 0 and text[k] in " \t":
        k -= 1
    j = k
    while j >= 0 and (text[j].isalnum() or text[j] in ".'’"):
        j -= 1
    return text[j + 1:k + 1]


def _next_token(text: str, end: int) -> str:
    m = _TOKEN.match(text, end + 1) if end < len(text) and text[end] == " " else None
    return m.group() if m else ""


_HEAD_AFTER = re.compile(r"\s*(?:-|\u2013|\u2014|:)\s")


def _section_head(text: str, start: int, end: int) -> bool:
    """Whether the name heads a paragraph of a roundup ("MALI - The rebel alliance said …", "* GAO: …")."""
    line = text.rfind("\n", 0, start) + 1
    return not text[line:start].strip(" \t*\u2022-") and _HEAD_AFTER.match(text, end) is not None


_QUOTE_OPENERS = frozenset('"\u201c\u2018(')


def _upper_line(text: str, pos: int) -> bool:
    """True inside an all-capitals stretch (a shouted headline or dateline), judged on ±40 characters."""
    a = max(text.rfind("\n", 0, pos) + 1, pos - 40)
    b = text.find("\n", pos)
    seg = text[a:min(b if b >= 0 else len(text), pos + 40)]
    return seg.upper() == seg and seg.lower() != seg


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
