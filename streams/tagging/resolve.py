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
    + 1           near (< 250 km) a place resolved with a clear margin in the first pass
    + 3           the usual news sense of a name the prior gets wrong ("Washington": the capital)

A name's own senses never count as its own context. The margin between the best and second-best sense
becomes the mention's ``score``.
"""

from __future__ import annotations

import math
from collections import defaultdict

from streams.tagging.gazetteer import PRIMARY, Gazetteer

_PRIOR = {"country": 8.5, "continent": 10.0, "district": 4.5, "region": 8.0}
_US_STATE_PRIOR = 8.5
_ADMIN1_PRIOR = 5.5
_ADMIN1_NAMED_AFTER_CITY = 4.0  # "Idlib" the governorate loses to "Idlib" the city (same point)
# Names whose usual news sense is not the one the population prior picks.
_PREFERRED = {"washington": 4140963}  # the capital (and metonym for the US government), not the state
_COHERENCE = 1.0  # first-level-area evidence a name spreads over the (≤ 12) areas it could be in
_MAX_SENSES = 60  # keep the most likely senses of very common names ("Springfield")


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
    """Country/state evidence of one article, with each name's own contribution kept apart."""

    def __init__(self) -> None:
        self.countries: dict[str, float] = defaultdict(float)
        self.states: dict[tuple[str, str], float] = defaultdict(float)
        self.own_countries: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.own_states: dict[str, dict[tuple[str, str], float]] = defaultdict(lambda: defaultdict(float))

    def add_country(self, iso: str | None, w: float, key: str | None = None) -> None:
        if iso:
            self.countries[iso] += w
            if key is not None:
                self.own_countries[key][iso] += w

    def add_state(self, country: str | None, admin1: str | None, w: float, key: str | None = None) -> None:
        if country and admin1:
            self.states[(country, admin1)] += w
            if key is not None:
                self.own_states[key][(country, admin1)] += w

    def country(self, key: str, iso: str) -> float:
        return self.countries.get(iso, 0.0) - self.own_countries.get(key, {}).get(iso, 0.0)

    def state(self, key: str, country: str, admin1: str) -> float:
        return self.states.get((country, admin1), 0.0) - self.own_states.get(key, {}).get((country, admin1), 0.0)


class SenseCache:
    """Per-name senses sorted by prior, with their shares, computed once per worker."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self._cache: dict[str, list[tuple[float, int, float]]] = {}
        self._evidence: dict[str, tuple[list[tuple[str, float]], list[tuple[tuple[str, str], float]]]] = {}

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

    def evidence(self, key: str) -> tuple[list[tuple[str, float]], list[tuple[tuple[str, str], float]]]:
        """What one name says about the article's countries and first-level areas (cached)."""
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
        got = (list(countries.items()), list(states.items()))
        self._evidence[key] = got
        return got


def resolve(gaz: Gazetteer, keys: set[str], ctx: Context, comma: dict[str, tuple[str, str | None]],
            cache: SenseCache | None = None) -> dict[str, tuple[int, float]]:
    """``{folded name: (place index, margin)}``; names without any sense are simply absent."""
    cache = cache or SenseCache(gaz)
    senses: dict[str, list[tuple[float, int, float]]] = {}
    for key in keys:
        cands = cache.get(key)
        if not cands:
            continue
        senses[key] = cands
        countries, states = cache.evidence(key)
        for iso, w in countries:
            ctx.add_country(iso, w, key)
        for (c, a), w in states:
            ctx.add_state(c, a, w, key)
    first = {key: _pick(gaz, key, cands, ctx, comma.get(key), None) for key, cands in senses.items()}
    anchors = [(gaz.lat[i] or 0.0, gaz.lon[i] or 0.0) for i, m in first.values()
               if m >= 2.0 and gaz.lat[i] is not None and gaz.kind[i] in ("city", "district")]
    if not anchors:
        return first
    # Proximity adds at most 1.0, so only names decided by less than that can change.
    return {key: _pick(gaz, key, cands, ctx, comma.get(key), anchors) if first[key][1] < 1.0 else first[key]
            for key, cands in senses.items()}


def _pick(gaz: Gazetteer, key: str, cands: list[tuple[float, int, float]], ctx: Context,
          comma: tuple[str, str | None] | None, anchors: list[tuple[float, float]] | None) -> tuple[int, float]:
    if len(cands) == 1:
        return cands[0][1], 5.0
    preferred = _PREFERRED.get(key)
    ceiling = 2.5 + 3.0 + (1.0 if anchors else 0.0) + (3.0 if preferred else 0.0) + (8.0 if comma else 0.0)
    first, second, winner = -1e9, -1e9, cands[0][1]
    countries, states = ctx.countries, ctx.states
    own_countries: dict[str, float] = ctx.own_countries.get(key) or {}
    own_states: dict[tuple[str, str], float] = ctx.own_states.get(key) or {}
    kinds, country_of, admin1_of = gaz.kind, gaz.country, gaz.admin1
    for prior, i, _ in cands:
        if prior + ceiling < second:
            break  # sorted by prior: no later sense can reach the top two, whatever the context
        kind = kinds[i]
        c = country_of[i] or ""
        s = prior
        cc = countries.get(c, 0.0) - own_countries.get(c, 0.0) if c else 0.0
        if kind == "country":
            s += 0.5 * min(cc, 4.0)
        elif cc > 0.0:
            s += 2.5 * min(cc, 1.0)
        a1 = admin1_of[i]
        if a1 and kind in ("city", "district"):
            st = states.get((c, a1), 0.0) - own_states.get((c, a1), 0.0)
            if st > 0.0:
                s += 1.5 * min(st, 2.0)
        if comma is not None and c == comma[0] and kind != "country":
            s += 4.0 + (4.0 if comma[1] and gaz.admin1[i] == comma[1] else 0.0)
        if preferred is not None and preferred == gaz.geonameid[i]:
            s += 3.0
        if anchors and kind == "city" and gaz.lat[i] is not None:
            lat, lon = gaz.lat[i] or 0.0, gaz.lon[i] or 0.0
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
