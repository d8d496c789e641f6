"""Disambiguation: pick one GeoNames sense for every distinct place name in an article.

Called by ``PlaceResolver.find`` after recognition, with the accepted spans. One sense per name per
article ("one sense per discourse"). Each sense is scored as

    prior         log10 population for towns (admin seats of unknown size count as 2,000); fixed for
                  countries 8.5, continents 10, US states 8.5, other first-level areas 5.5, counties 4.5
    - 2           for an alternate rather than the primary name
    + ≤ 2.5       country context: countries named outright, demonyms ("Iraqi"), the dateline,
                  "X, State" commas, and the *support* of the other names — the share of their likely
                  senses that lie in a country (Pineville and Cottonport support the US for Alexandria)
    + ≤ 3         first-level-area context for towns and counties: states named, counties, towns, and
                  coherence (a name possible in few states supports each: "Athens" + "Henderson County")
    + 4 (+4)      "Mobile, Ala."-style comma context naming the country (and the state)
    + 4           in an enumeration ("Alberta, Manitoba, Ontario"), the kind and country of the other members
    + 3           a US town and a county it lies in, both named (ZIP code data: "Huntsville" + "Walker County")
    + 1           near (< 250 km) a place resolved with a clear margin in the first pass
    + 3           the usual news sense of a name the prior gets wrong ("Washington": the capital)

A name's own senses never count as its own context. The margin between the best and second-best sense
becomes the mention's ``score``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

from streams.tagging.gazetteer import PRIMARY, Gazetteer

_PRIOR = {"country": 8.5, "continent": 10.0, "district": 4.5, "region": 8.0}
_US_STATE_PRIOR = 8.5
_ADMIN1_PRIOR = 5.5
_ADMIN1_NAMED_AFTER_CITY = 4.0  # "Idlib" the governorate loses to "Idlib" the city (same point)
# Names whose usual news sense is not the one the population prior picks.
_PREFERRED = {"washington": 4140963}  # the capital (and metonym for the US government), not the state
_COHERENCE = 1.0  # first-level-area evidence a name spreads over the (≤ 12) areas it could be in
_MAX_SENSES = 60  # keep the most likely senses of very common names ("Springfield")
_MISSING = object()
_COUNTY_LINK = 3.0  # a US town and a county it lies in, named in one article
_COUNTY_TAILS = frozenset({" county", " parish"})
_LIST_KIND = 4.0  # a sense of the kind (and country) of the rest of its enumeration
_LIST_KINDS = frozenset({"country", "admin1", "district"})


def _prior(gaz: Gazetteer, i: int, flags: int) -> float:
    kind = gaz.kind[i]
    if kind == "city":
        p = math.log10(gaz.population[i] + 1)
    elif kind == "admin1":
        pop = gaz.population[i]
        if gaz.country[i] == "US":
            p = _US_STATE_PRIOR
        elif pop == 1:
            p = _ADMIN1_NAMED_AFTER_CITY
        else:
            p = max(_ADMIN1_PRIOR, math.log10(pop + 1))
    elif kind == "district" and gaz.population[i] == 1:
        p = _ADMIN1_NAMED_AFTER_CITY
    else:
        p = _PRIOR.get(kind, 5.0)
    return p if flags & PRIMARY else p - 2.0


class Context:
    """Country/state evidence of one article. Each name's own share is subtracted when that name is
    scored (``SenseCache.evidence`` keeps it), so a name's own senses never count as its own context."""

    def __init__(self) -> None:
        self.countries: dict[str, float] = defaultdict(float)
        self.states: dict[tuple[str, str], float] = defaultdict(float)

    def add_country(self, iso: str | None, w: float) -> None:
        if iso:
            self.countries[iso] += w

    def add_state(self, country: str | None, admin1: str | None, w: float) -> None:
        if country and admin1:
            self.states[(country, admin1)] += w


# One sense as ``_pick`` reads it, precomputed once per name so that scoring does no column look-ups:
# (prior, place index, kind, country or "", (country, admin1) for towns/districts else None, admin1,
#  lat and lon of a town with a point (else None), geonameid)
Sense = tuple[float, int, str, str, tuple[str, str] | None, str | None, float | None, float | None, int | None]
Evidence = tuple[dict[str, float], dict[tuple[str, str], float]]


class SenseCache:
    """Per-name senses sorted by prior, with their shares, computed once per worker."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self._cache: dict[str, list[tuple[float, int, float]]] = {}
        self._senses: dict[str, list[Sense]] = {}
        self._evidence: dict[str, Evidence] = {}
        self._names: dict[str, tuple[list[Sense], Evidence] | None] = {}
        self._towns: dict[str, list[tuple[int, str | None, str]]] = {}

    def get(self, key: str) -> list[tuple[float, int, float]]:
        """``[(prior, place index, share of the name's likelihood)]``, most likely first."""
        got = self._cache.get(key)
        if got is None:
            gaz = self.gaz
            cands = sorted(((_prior(gaz, v >> 3, v & 7), v >> 3) for v in gaz.names.get(key, ())), reverse=True)
            cands = cands[:_MAX_SENSES]
            if cands:
                top = cands[0][0]
                weights = [10 ** max(-6.0, p - top) for p, _ in cands]
                total = sum(weights)
                got = [(p, i, w / total) for (p, i), w in zip(cands, weights, strict=True)]
            else:
                got = []
            self._cache[key] = got
        return got

    def senses(self, key: str) -> list[Sense]:
        """``get(key)`` with each sense's facts alongside, as ``_pick`` reads them (cached)."""
        got = self._senses.get(key)
        if got is None:
            gaz = self.gaz
            got = []
            for prior, i, _ in self.get(key):
                kind, c, a1 = gaz.kind[i], gaz.country[i] or "", gaz.admin1[i]
                town = kind in ("city", "district")
                lat, lon = ((gaz.lat[i], gaz.lon[i] or 0.0) if kind == "city" and gaz.lat[i] is not None
                            else (None, None))
                got.append((prior, i, kind, c, (c, a1) if town and a1 else None, a1, lat, lon, gaz.geonameid[i]))
            self._senses[key] = got
        return got

    def name(self, key: str) -> tuple[list[Sense], Evidence] | None:
        """``(senses(key), evidence(key))``, or None for a name without senses (one look-up per name)."""
        got = self._names.get(key, _MISSING)
        if got is _MISSING:
            cands = self.senses(key)
            got = (cands, self.evidence(key)) if cands else None
            self._names[key] = got
        return got  # type: ignore[return-value]

    def towns(self, key: str) -> list[tuple[int, str | None, str]]:
        """``[(place index, state, folded county)]`` for the US-town senses of a name (cached)."""
        got = self._towns.get(key)
        if got is None:
            counties = self.gaz.town_counties
            got = self._towns[key] = [(s[1], s[5], county) for s in self.senses(key) if s[1] in counties
                                      for county in counties[s[1]]]
        return got

    def evidence(self, key: str) -> Evidence:
        """What one name says about the article's countries and first-level areas (cached; read-only)."""
        got = self._evidence.get(key)
        if got is not None:
            return got
        gaz = self.gaz
        cands = self.get(key)
        countries: dict[str, float] = defaultdict(float)
        states: dict[tuple[str, str], float] = defaultdict(float)
        # Coherence: a name that could be in only a few first-level areas supports each of them
        # ("Athens" and "Henderson County" together point at Texas or Tennessee, not Georgia).
        areas = {(gaz.country[i], gaz.admin1[i]) for _, i, _ in cands if gaz.kind[i] in ("city", "district")}
        if 1 < len(areas) <= 12:
            for c, a in areas:
                if c and a:
                    states[(c, a)] += _COHERENCE / len(areas)
        for _, i, share in cands:
            kind, c, a = gaz.kind[i], gaz.country[i], gaz.admin1[i]
            if not c:
                continue
            if kind == "country":
                countries[c] += 2.0 * share
            elif kind == "admin1":
                countries[c] += 1.5 * share
                if a:
                    states[(c, a)] += 2.0 * share
            elif kind == "district":
                countries[c] += 1.0 * share
                if a:
                    states[(c, a)] += 2.5 * share
            elif share > 0.01:
                countries[c] += share
                if share > 0.3 and a:
                    states[(c, a)] += 0.5 * share
        got = (dict(countries), dict(states))
        self._evidence[key] = got
        return got


def resolve(gaz: Gazetteer, keys: Iterable[str], ctx: Context, comma: dict[str, tuple[str, str | None]],
            cache: SenseCache | None = None, lists: Sequence[Sequence[str]] = ()) -> dict[str, tuple[int, float]]:
    """``{folded name: (place index, margin)}``; names without any sense are simply absent. Iterating
    ``keys`` in a fixed order (the text's) makes the evidence sums, and so the output, reproducible.
    ``lists`` are the names of each enumeration in the text ("Alberta, Manitoba, Ontario and Quebec")."""
    cache = cache or SenseCache(gaz)
    senses: dict[str, tuple[list[Sense], Evidence]] = {}
    countries, states = ctx.countries, ctx.states
    first: dict[str, tuple[int, float]] = {}
    for key in keys:
        got = cache.name(key)
        if got is None:
            continue
        senses[key] = got
        if len(got[0]) == 1:
            first[key] = got[0][0][1], 5.0  # a single sense: nothing to decide (as ``_pick`` would say)
        for iso, w in got[1][0].items():
            countries[iso] += w
        for area, w in got[1][1].items():
            states[area] += w
    links = _county_links(gaz, senses, cache)
    # The most context can add to any sense in this article (own evidence only lowers it): senses whose
    # prior is further than that below the runner-up are not scored at all.
    top_c = max(countries.values(), default=0.0)
    top_s = max(states.values(), default=0.0)
    reach = 2.5 * min(top_c, 1.0) + max(0.5 * min(max(top_c - 1.0, 0.0), 3.0), 1.5 * min(top_s, 2.0))
    for key, (cands, own) in senses.items():
        if key not in first:
            first[key] = _pick(key, cands, own, ctx, comma.get(key), None, reach, links)
    if lists:
        same = _list_kinds(gaz, lists, senses, first)
        if same:
            links = {**links, **same} if links else same
            for key in dict.fromkeys(k for members in lists for k in members):
                if key in senses and len(senses[key][0]) > 1:
                    cands, own = senses[key]
                    first[key] = _pick(key, cands, own, ctx, comma.get(key), None, reach, links)
    anchors = [(gaz.lat[i] or 0.0, gaz.lon[i] or 0.0) for i, m in first.values()
               if m >= 2.0 and gaz.lat[i] is not None and gaz.kind[i] in ("city", "district")]
    if not anchors:
        return first
    # Proximity adds at most 1.0, so only names decided by less than that can change.
    for key, (cands, own) in senses.items():
        if first[key][1] < 1.0:
            first[key] = _pick(key, cands, own, ctx, comma.get(key), anchors, reach, links)
    return first


def _list_kinds(gaz: Gazetteer, lists: Sequence[Sequence[str]], senses: dict[str, tuple[list[Sense], Evidence]],
                first: dict[str, tuple[int, float]]) -> dict[int, float]:
    """``{place index: bonus}`` for the senses of an enumerated name that are of the kind (and country) the
    rest of its enumeration clearly is: "Ontario" among Canadian provinces is the province, "Washington"
    among US states the state."""
    out: dict[int, float] = {}
    for members in lists:
        for key in members:
            got = senses.get(key)
            if got is None or len(got[0]) == 1:
                continue
            votes: dict[tuple[str, str | None], int] = {}
            n = 0
            for other in members:
                if other == key or other not in first:
                    continue
                n += 1
                i, margin = first[other]
                other_kind = gaz.kind[i]
                if margin >= 1.0 and other_kind in _LIST_KINDS:
                    vote = (other_kind, None if other_kind == "country" else gaz.country[i])
                    votes[vote] = votes.get(vote, 0) + 1
            if not votes:
                continue
            (kind, country), count = max(votes.items(), key=lambda kv: kv[1])
            if count * 2 <= n:
                continue
            for sense in got[0]:
                if sense[2] == kind and (country is None or sense[3] == country):
                    out[sense[1]] = _LIST_KIND
    return out


def _county_links(gaz: Gazetteer, senses: dict[str, tuple[list[Sense], Evidence]],
                  cache: SenseCache) -> dict[int, float]:
    """``{place index: bonus}`` for a US town and a county it lies in, both named in the article: each
    supports the other ("Huntsville" and "Walker County" are the Texas pair, not Alabama's Huntsville)."""
    keys = [k for k in senses if k[-7:] in _COUNTY_TAILS] if gaz.town_counties else None
    if not keys:
        return {}
    counties: dict[tuple[str | None, str], int] = {}
    for key in keys:
        for sense in senses[key][0]:
            if sense[2] == "district" and sense[3] == "US":
                counties[(sense[5], key)] = sense[1]
    out: dict[int, float] = {}
    for key in senses:
        for i, state, county in cache.towns(key):
            j = counties.get((state, county))
            if j is not None:
                out[i] = out[j] = _COUNTY_LINK
    return out


def _pick(key: str, cands: list[Sense], own: Evidence, ctx: Context, comma: tuple[str, str | None] | None,
          anchors: list[tuple[float, float]] | None, reach: float = 5.5,
          links: dict[int, float] | None = None) -> tuple[int, float]:
    """Best sense and its margin over the runner-up. ``reach`` bounds the country and state bonuses in this
    article (at most 2.5 + 3.0); ``links`` are bonuses of single senses (``_county_links``)."""
    if len(cands) == 1:
        return cands[0][1], 5.0
    preferred = _PREFERRED.get(key)
    ceiling = (reach + (1.0 if anchors else 0.0) + (3.0 if preferred else 0.0) + (8.0 if comma else 0.0)
               + (max(links.values(), default=0.0) if links else 0.0))
    first, second, winner = -1e9, -1e9, cands[0][1]
    # (dict methods bound once and ``min`` spelled out: this loop runs for every sense that can still win)
    country_ev, state_ev = ctx.countries.get, ctx.states.get
    own_country, own_state = own[0].get, own[1].get
    link = links.get if links else None
    comma_c, comma_a1 = comma if comma is not None else (None, None)
    for prior, i, kind, c, area, a1, lat, lon, gid in cands:
        if prior + ceiling < second:
            break  # sorted by prior: no later sense can reach the top two, whatever the context
        s = prior
        cc = country_ev(c, 0.0) - own_country(c, 0.0) if c else 0.0
        if kind == "country":
            # as much as a town of that country gets, and more with more evidence ("Georgia" beside
            # Tbilisi, Gori and "Georgian" is the country, even in an article that also names the US)
            s += 2.5 * min(cc, 1.0) + 0.5 * min(max(cc - 1.0, 0.0), 3.0)
        elif cc > 0.0:
            s += 2.5 * (cc if cc < 1.0 else 1.0)
        if area is not None:
            st = state_ev(area, 0.0) - own_state(area, 0.0)
            if st > 0.0:
                s += 1.5 * (st if st < 2.0 else 2.0)
        if comma_c is not None and c == comma_c and kind != "country":
            s += 4.0 + (4.0 if comma_a1 and a1 == comma_a1 else 0.0)
        if preferred is not None and preferred == gid:
            s += 3.0
        if link is not None:
            s += link(i, 0.0)
        if anchors and lat is not None and lon is not None:
            if any(abs(lat - a) < 2.3 and km(lat, lon, a, b) < 250 for a, b in anchors):
                s += 1.0
        if s > first:
            first, second, winner = s, first, i
        elif s > second:
            second = s
    return winner, first - second


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
