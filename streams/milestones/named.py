"""Populated places the tagger did not resolve, but the wire copy names as such.

Wire stories introduce small places the way a reader needs them: "the coastal town of Harardhere",
"the village of Togoga in Tigray", "Sake, a town 25 km west of Goma", "Russia's Saratov region". The
gazetteer misses many of them (villages, new spellings), and a milestone in such a place is still a
milestone. ``unresolved_places`` finds these introductions, then every later mention of the same name
in the article, and returns them as ``PlaceMention``s without a GeoNames id (``geonameid=None``,
no coordinates): the event's dedup key then falls back to the case-folded name
(``MilestoneEvent.dedup_key``), and the country is taken from the resolved places of the same sentence
when they agree on one.

Called once per article by ``ArticleView.places`` (only for articles with a trigger hit).

    >>> from streams.tagging import Tagger
    >>> t = Tagger.load().tag("Troops recaptured the coastal town of Harardhere on Monday.")
    >>> [(p.name, p.kind, p.geonameid) for p in unresolved_places(t)]
    [('Harardhere', 'city', None)]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from typing import Final, Literal

from streams.milestones.lexicon import word_starts
from streams.tagging.model import PlaceKind, PlaceMention, PlaceRole, Tagging, trusted
from streams.tagging.text import find_dateline

# A proper name: one to four capitalised words, with Arabic-style particles ("Daraa al-Balad",
# "Ras al-Ain") and hyphenated parts ("Novo-Aidar").
# (letters with diacritics too: "Bojayá", "Güiria", "Nyaungshwe"; Latin Extended-A mixes cases, which is harmless here)
_UP: Final = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LOW: Final = "a-zß-öø-ÿā-ž"
# (a compound adjective is no part of a name: "Cameroon's English-speaking South-West region", "Russian-held")
_ADJECTIVE_SUFFIX: Final = (r"(?:speaking|majority|dominated|held|controlled|backed|led|based|born|run|occupied)"
                             r"(?![\w-])")
_WORD: Final = rf"[{_UP}][{_LOW}'’]*[{_LOW}](?:-(?!{_ADJECTIVE_SUFFIX})[A-Za-z{_UP}{_LOW}][{_LOW}'’]*)*"
_PARTICLE: Final = r"(?:al|el|ad|ar|as|ash|az|ez|es|at|an|ul|un|de|du|la|le|des|bin|ibn|abu|bou|ben)"
_NAME: Final = (
    rf"(?P<name>{_WORD}(?:\s+(?:{_PARTICLE}-{_WORD}|{_PARTICLE}\s+{_WORD}|{_WORD})){{0,3}}|{_PARTICLE}-{_WORD})")
# the noun that says what the name is
# (not "district": "the district of X" is as often a part of a city, and a district's capture is no
# town's capture)
_SETTLEMENT_WORDS: Final = (
    "town", "towns", "township", "village", "villages", "city", "cities", "hamlet", "settlement",
    "port", "oasis", "locality", "commune", "municipality", "community", "stronghold")
_SETTLEMENT: Final = "(?:" + "|".join(sorted(_SETTLEMENT_WORDS, key=len, reverse=True)) + ")"

# Each introduction is found from a cheap literal anchor (the regex engine skips to it by memchr),
# then checked around it: a scan of every capitalised word would cost more than detection itself.
# "the (coastal | rebel-held | central Somali) town of X": anchor " of " before a capital
_OF: Final = re.compile(rf" of (?=[{_UP}])")
# (possessive word runs here and below: a word is only followed by spaces when taken whole, so the engine need
# not backtrack into it — same matches)
# "reached the outskirts of Abu Grein", "fought their way into the centre of Marjah": a part of a town names the town
_TOWN_PART_WORDS: Final = ("outskirts", "centre", "center", "heart")
# "the Palestinian refugee camps of Tal al-Zaatar and Jisr al-Basha": a named camp of refugees is a place people live
_CAMP_WORDS: Final = ("camp", "camps")
# the words before the " of " that introduces a name
_OF_NOUNS: Final = (*_SETTLEMENT_WORDS, *_TOWN_PART_WORDS, *_CAMP_WORDS)
_NOUN_BEFORE_OF: Final = re.compile(rf"(?i:(?<![\w-])the\s+(?:[\w'-]++\s++){{0,3}}?"
                                    rf"(?P<noun>{_SETTLEMENT}|{'|'.join(_TOWN_PART_WORDS)}|"
                                    rf"(?:refugee|displacement|displaced\s+persons)\s+camps?))$")
_NAME_AT: Final = re.compile(_NAME)
_LIST_SEP: Final = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
# "X, a town 25 km west of Goma", "X, the last junta-held town on the border": anchor ", a ", ", the "
# ("El Dher, another key town in Galmudug state", "al-Qaim, one of the last towns held by …")
# ("al-Houta, capital of Lahij province": a capital with no article, which _CAPITAL_AFTER_A reads right after ", ")
_COMMA_A: Final = re.compile(r",\s+(?:an?|the|another|one\s+of\s+the)\s|, (?=capital of )")
_NOUN_AFTER_A: Final = re.compile(
    rf"(?i:(?:[\w'-]++\s++){{0,3}}?(?P<noun>{_SETTLEMENT})\b)(?!['’]s)"
    # "X, a town of Y" names a part; "X, a town of about 60,000 people" is X; "X, another stronghold of the
    # Mehsud tribe" is X whoever holds it
    r"(?:(?<=stronghold)|(?!\s+of\s+(?!(?:about|around|some|nearly|roughly|almost|more\s+than|over|fewer\s+than|less\s+than|"
    r"under|\d|the\s+(?:enclave|region|province|country|state|territory|island|governorate|north|south|east|west)\b))))"
    # "Michael Racey, a city spokesman": the noun qualifies a person
    r"(?!\s+(?:spokes\w*|council\w*|officials?|hall|manager|police|residents?|natives?|employees?|workers?|"
    r"planner|engineer|attorney|administrator|clerk|mayor|board|commission\w*|department|schools?|leaders?|"
    r"elders?|chief|man|woman|boy|girl|doctor|teacher|farmer|trader|businessman|councillor)\b)")
_NAME_BEFORE: Final = re.compile(rf"(?<![\w'’-]){_NAME}$")
# "Zamzam, the largest camp for displaced people in Darfur", "Kakuma, a sprawling refugee camp": a camp of
# displaced people (not "an army camp", "a training camp")
_CAMP_AFTER_A: Final = re.compile(
    r"(?i:(?:[\w'-]++\s++){0,3}?(?:(?:refugees?|displacement|idp)\s+camp|"
    r"camps?\s+(?:for|of)\s+(?:the\s+)?(?:internally\s+)?(?:displaced|refugees|idps))(?![\w-]))")
# "Kotkai, the home village of the Taliban leader": a home town is a town, whoever's it is
_HOME_AFTER_A: Final = re.compile(r"(?i:(?:[\w'-]+\s+)??home\s*(?:town|village))(?![\w'’-])")
# "al-Houta, the capital of Lahj province", "Bama, a district capital", "Masisi, the administrative centre of the
# territory of the same name": a capital is a town, of whatever it heads
# ("Mangalsen, the headquarters of Nepal's far-western Achham district": a district's seat)
_CAPITAL_AFTER_A: Final = re.compile(r"(?i:(?:[\w'-]+\s+){0,2}?(?:capital|administrative\s+cent(?:re|er)|"
                                     r"headquarters\s+of\s+(?:[\w'’-]+\s+){0,4}?(?:district|province|region|county|"
                                     r"state|zone)))(?![\w'’-])")
# "Zehri town in …", "Koutruk village near …", "Byaing Phyu village on the outskirts of …" (not "the Old
# Town in …": no article before the name)
_NOUN_ANCHORS: Final = (
    tuple(f" {noun} {prep} " for noun in ("town", "village") for prep in ("in", "near", "on", "outside")) \
    + (" village, ",  # ("in Pazigyi village, Kanbalu township")
    " town and its ", " village and its "))  # ("liberated Gashena town and its surroundings")
_NAME_BEFORE_NOUN: Final = re.compile(rf"(?<![\w'’-])(?<!the )(?<!The ){_NAME}$")
_NAME_AFTER_VERB: Final = re.compile(
    rf"(?<![\w-])(?:fled|left|attacked|raided|struck|bombed|shelled|entered|seized|captured|"
    rf"overran|stormed|besieged|surrounded|encircled|evacuated|outskirts\s+of|edge\s+of|"
    rf"centre\s+of|center\s+of)\s+{_NAME}$")
# a capitalised preposition that opens a sentence is no part of the name after it
_LEADING_WORD: Final = re.compile(r"(?:In|At|From|Near|Inside|Outside|Across|Around|Throughout|For|To|The)\s+(?=[A-Z])")
# "Russia's Saratov region", "the Zaporizhzhia oblast", "Colombia's northeastern Catatumbo region": a
# province-level name; "the Barmal district of Afghanistan's Paktika province", "Pakistan's Kurram
# district": a district of a province or country (a region, which no capture of a town is about) — but
# not "the Karrada district of Baghdad", a part of a city
_REGION_NOUNS: Final = ("region", "province", "oblast", "governorate", "district", "township", "commune")
_REGION_AT: Final = {w: re.compile(rf" {w}\b") for w in _REGION_NOUNS}
# a province's name: a name with one of these after it ("in Dahyan, in Saada province")
_PROVINCE_WORDS_AFTER: Final = (
    *(f" {w}" for w in _REGION_NOUNS if w not in ("district", "township", "commune")), " state ", " state,",
    " state.")
_NAME_BEFORE_REGION: Final = re.compile(rf"(?:[a-z]['’]s|(?<![\w-])[Tt]he)\s+"
                                        rf"(?:(?:north|south)?(?:east|west)?(?:ern)?\s+|central\s+)?{_NAME}$")
# "drive Taliban fighters out of Arghandab district", "pushed into neighbouring Nad-e Ali district": a district named
# right after a preposition (not "in northwest Pakistan's Kurram district": an owner comes first)
_NAME_AFTER_PREP_REGION: Final = re.compile(rf"(?<![\w-])(?:in|into|of|neighbouring|neighboring)\s+{_NAME}$")
# the words that make a camp one of displaced people ("the Maghazi refugee camp"; places.py reads them too)
CAMP_KINDS: Final = ("refugee", "refugees", "displacement", "idp")
CITY_KINDS: Final = frozenset({"city", "district"})  # (kinds of a populated place: places.py reads it too)
# "killed 100 people in Barsalogho in central Burkina Faso", "stormed into Palma in northern
# Mozambique": a name after "in"/"into", located by a country or province right after it, is a town in it
_COARSE_PLACE_KINDS: Final = frozenset({"country", "admin1", "region"})
# a compass word before a place name, optional ("northern ", "south-eastern ", "central "; places.py reads it too)
COMPASS: Final = r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?"
_GAP_TO_COARSE: Final = re.compile(r"(?:the\s+)?" + COMPASS)

AnchorKind = Literal["of", "comma", "region", "noun", "near", "camp", "in-noun", "list"]

# capitalised words that are never a place name on their own
_NOT_NAMES: Final = frozenset(
    "the a an this that these those it its his her their our my your one some many several another each "
    "every no all both meanwhile however but and or on in at of for from to by with after before since "
    "during while when where as if though although monday tuesday wednesday thursday friday saturday "
    "sunday january february march april may june july august september october november december "
    "north south east west northern southern eastern western central upper lower new old greater "
    "government army military state islamic national federal president minister mr mrs ms dr general "
    "colonel reuters ap afp un u.n officials residents witnesses police troops forces rebels".split())

# words in _NOT_NAMES that begin many a two-word town name ("Old Fangak", "New Halfa")
_NAME_PREFIXES: Final = frozenset({"Old", "New"})

_DIRECTIONS: Final = re.compile(r"^(?:north|south|east|west|central)", re.I)


# "the northern stronghold of Tuareg separatist rebels": a people's name before the group's noun
_WATER_OR_HEIGHT: Final = ("Lake ", "River ", "Gulf ", "Sea ", "Bay ", "Mount ", "Mountains ")
_GROUP_AFTER: Final = re.compile(
    # (not a preposition before the group: "recaptured the border town of Tine from rebels")
    r"\s+(?:(?!(?:from|by|to|with|against|for|and|or|as|after|before|than)\s)[a-z-]+\s+)?"
    r"(?:rebels|militants|fighters|separatists|forces|insurgents|jihadists|"
    r"militias?|groups?|tribesmen|guerrillas|"
    # ("the stronghold of Swat Taliban chief Maulana Fazlullah": a group's leader, so the name is the group's)
    r"chief|leader|commander|spokesman)\b")
_GROUP_ADJECTIVE: Final = re.compile(
    r"-(?:led|backed|based|held|aligned|linked|allied|affiliated|dominated|run)$", re.I)
# what every settlement noun contains, lower-cased ("cit" for city and cities)
# (and "capital", "administrative" and "headquarters", which ``_CAPITAL_AFTER_A`` looks for in the same place)
_SETTLEMENT_STEMS: Final = ("town", "village", "cit", "hamlet", "settlement", "port", "oasis", "locality", "commune",
                            "municipality", "community", "stronghold", "capital", "administrative", "camp",
                            "headquarters")
_NOUN_REACH: Final = 120


def _no_noun_after(norm: str, end: int) -> bool:
    """True when ``_NOUN_AFTER_A`` cannot match at ``end``: none of the settlement nouns is in the next four
    words of ``norm`` (the case-folded text, same offsets). An ASCII window only: there, a letter the
    case-insensitive regex would take for one of the nouns' letters is that letter in ``norm``."""
    window = norm[end:end + _NOUN_REACH]
    if not window.isascii():
        return False
    for stem in _SETTLEMENT_STEMS:
        if stem in window:
            return False
    # the noun starts within the first four words: they must all lie inside the window
    return end + _NOUN_REACH >= len(norm) or len(window.split(None, 4)) == 5


@cache
def _demonyms() -> frozenset[str]:
    """The folded demonyms of the tagger's country data ("pakistani", "afghan")."""
    from streams.tagging.gazetteer import country_demonyms

    return frozenset(country_demonyms())


_NAME_AND_BEFORE: Final = re.compile(rf"(?<![\w'’-]){_NAME}\s+and\s+$")
_LISTED_BEFORE_TOWN: Final = re.compile(
    rf"(?<![\w-])(?:in|at|on|near|into|around|between|from|of|hit|shelled|bombed|captured|seized)\s+{_NAME}"
    r"(?:,\s+|\s+and\s+)$")
_CAMP_FOR_AT: Final = re.compile(rf"(?<![\w-])camps?\s+for\s+(?:[\w'-]+\s+){{1,4}}?(?:at|in|near)\s+{_NAME}")
# a word's letters, which a dateline's capitals are written back as ("N'DJAMENA" → "N'Djamena")
_CAPITALS: Final = re.compile(r"[^\W\d_]+")
# dateline words that are no town: "UNITED NATIONS (Reuters) -", "ABOARD USS …"
_NOT_DATELINE_TOWNS: Final = frozenset({"united nations", "aboard", "near", "outside", "off", "at sea"})


def _unknown_dateline_town(tagging: Tagging, text: str) -> tuple[str, int, PlaceKind] | None:
    """The town of a dateline written in capitals that the gazetteer does not know ("KIWANJA, Congo (AP) -"), as
    the body writes it ("Kiwanja"): a dateline names a town, and its later mentions are that town."""
    span = find_dateline(text)
    if span is None:
        return None
    start, end = span
    head = text[start:end]
    cut = min((i for i in (head.find(","), head.find("/")) if i >= 0), default=len(head))
    written = head[:cut].strip()
    if len(written) < 3 or not written.isupper() or written.casefold() in _NOT_DATELINE_TOWNS \
            or (tagging.dateline is not None and tagging.dateline.casefold() == written.casefold()):
        return None  # (the tagger's dateline: a gazetteer name, even when it dropped it as a team's or a person's)
    for p in tagging.places:
        if p.start < start + cut and p.end > start:
            return None  # the gazetteer knows it
    name = _CAPITALS.sub(lambda m: m.group().capitalize(), written)  # "N'DJAMENA" → "N'Djamena", "MIR ALI" → "Mir Ali"
    return (name, start, "city") if _plausible(name) else None


def _plausible(name: str) -> bool:
    words = name.split()
    if (words[0].casefold() in _NOT_NAMES and not (len(words) > 1 and words[0] in _NAME_PREFIXES)) \
            or name.casefold() in _NOT_NAMES:
        return False  # (but "the town of Old Fangak", "New Halfa": a name that begins with "Old" or "New")
    if _GROUP_ADJECTIVE.search(words[-1]):
        return False  # "the stronghold of Tuareg-led separatist rebels": a group, not a place
    if len(words) > 1 and words[0].casefold() in _demonyms():
        return False  # "the home village of Pakistani Taliban leader Hakimullah Mehsud": a group, not a place
    # a nationality or a direction is not a place name ("the Kurdish region", "the Northern province")
    return not (len(words) == 1 and (_DIRECTIONS.match(name) or name.casefold().endswith(("ish", "ese", "ian"))))


# The anchors as literal keys, for callers that find them in a scan they make anyway (the detector adds
# them to its trigger automaton): "<noun> of " (the " of " ends the key), ", a ", " region".
ANCHOR_KEYS: Final[dict[str, AnchorKind]] = {
    **{f" {noun} of ": "of" for noun in _OF_NOUNS},
    ", a ": "comma", ", an ": "comma", ", the ": "comma", ", another ": "comma", ", one of the ": "comma",
    ", capital of ": "comma",
    **{f" {noun}": "region" for noun in _REGION_NOUNS},
    **{key: "noun" for key in _NOUN_ANCHORS},
    ", near ": "near",
    # "a school sheltering displaced people in Adi Daero, north of Shire": a name placed against a known town
    **{f", {d} of ": "near" for d in ("north", "south", "east", "west", "northeast", "northwest", "southeast",
                                              "southwest", "north-east", "north-west", "south-east", "south-west")},
    # "dropped a bomb on the monastery in Lintalu village at around 1 a.m.": "in <Name> village" (" village, " is
    # a "noun" anchor already)
    " village ": "in-noun", " village.": "in-noun", " hamlet ": "in-noun",
    # "an airstrike on the Maghazi refugee camp": a camp of displaced people is a populated place
    **{f" {kind} camp": "camp" for kind in CAMP_KINDS},
    # "opened fire at Kalma camp for displaced people"
    **{f" camp for {whom}": "camp" for whom in ("displaced", "the displaced", "internally", "refugees")},
    # "captured five villages along the border - Borysivka, Ohirtseve and Krasne", "had taken two villages nearby,
    # Yablukove and Zatyshshia", "seized several villages …, including Machkalashen": a list of names after the noun
    **{f" {noun}{sep}": "list" for noun in ("villages", "towns", "settlements", "hamlets")
       for sep in (", including ", " including ", " - ", ": ", " nearby, ")},
}
# "drone strikes on Tinzaouaten, near the Algerian border": a name after a locative preposition, located
_NAME_AFTER_PREP: Final = re.compile(rf"(?<![\w-])(?:in|on|at|into|around|hit|struck|bombed|shelled|attacked|raided|"
                                     rf"seized|captured|entered)\s+{_NAME}$")
# "in Lintalu village", "on Koutruk village" (not "the Olympic village")
_NAME_IN_BEFORE_NOUN: Final = re.compile(rf"(?<![\w-])(?:in|on|at|near|into|from|of)\s+{_NAME}$")
# The anchors right after a name (their start is where the name ends): how the name before one is found, and
# how far back it may start
_NAME_ENDS_AT: Final[dict[str, tuple[re.Pattern[str], int]]] = {
    "noun": (_NAME_BEFORE_NOUN, 40),  # "Zehri town in …"
    "camp": (_NAME_BEFORE, 40),  # "the Maghazi refugee camp"
    "near": (_NAME_AFTER_PREP, 60),  # "strikes on Tinzaouaten, near the Algerian border"
    "in-noun": (_NAME_IN_BEFORE_NOUN, 50),  # "the monastery in Lintalu village"
}


class Anchors:
    """Where introductions may start: ends of " of " after a settlement noun, starts of ", a|an|the ",
    starts of " region|province|…", and starts of the anchors a name ends at (" town in ", ", near ",
    " refugee camp"; with their kind) — offsets into the text. (A plain class: compiled with mypyc, a
    dataclass's generated __init__ would run as interpreted Python, once per article.)"""

    def __init__(self) -> None:
        self.of_ends: list[int] = []
        self.commas: list[tuple[int, int]] = []
        self.regions: list[int] = []
        self.name_ends: list[tuple[str, int]] = []
        self.list_ends: list[int] = []

    def add(self, kind: AnchorKind, start: int, end: int) -> None:
        if kind == "of":
            self.of_ends.append(end)
        elif kind == "list":
            self.list_ends.append(end)
        elif kind == "comma":
            self.commas.append((start, end))
        elif kind == "region":
            self.regions.append(start)
        else:
            self.name_ends.append((kind, start))


def find_anchors(text: str, norm: str | None = None) -> Anchors:
    """The anchors by regular expressions (when no scan of the caller's found them)."""
    low = text.lower() if norm is None else norm
    out = Anchors()
    for m in _OF.finditer(text):
        if low.endswith(_OF_NOUNS, 0, m.start()):  # the usual " of " stops here
            out.of_ends.append(m.end())
    out.commas = [m.span() for m in _COMMA_A.finditer(text)]
    for word in _REGION_NOUNS:
        if word in text:
            out.regions += [m.start() for m in _REGION_AT[word].finditer(text)]
    for key, kind in ANCHOR_KEYS.items():
        if kind in _NAME_ENDS_AT or kind == "list":
            at = low.find(key)
            while at >= 0:
                out.add(kind, at, at + len(key))
                at = low.find(key, at + 1)
    return out


def unresolved_places(tagging: Tagging, norm: str | None = None,
                      anchors: Anchors | None = None) -> list[PlaceMention]:
    """Named populated places (and province-level regions) the tagger left unresolved, in text order.
    ``norm`` is the case-folded text and ``anchors`` the anchors when the caller has them."""
    text = tagging.text
    if anchors is None:
        anchors = find_anchors(text, norm)
    found: list[tuple[str, int, PlaceKind]] = []  # (name, where, kind) before the overlap test
    for end in anchors.of_ends:
        start = end - 4  # " of "
        noun = _NOUN_BEFORE_OF.search(text, max(0, start - 60), start)
        if noun is not None and (n := _NAME_AT.match(text, end)) is not None \
                and _GROUP_AFTER.match(text, n.end()) is None:
            if noun.group("noun").endswith("s") and noun.group("noun") != "outskirts":
                found += _listed(text, n)  # "the towns of Nasir and Ulang", "the villages of A, B and C"
            else:
                found.append((n.group("name"), n.start(), "city"))
    for end in anchors.list_ends:
        # "five villages along the border - Borysivka, Ohirtseve, Pylna and Krasne": every name of the list
        if (n := _NAME_AT.match(text, end)) is not None:
            found += _listed(text, n)
    for start, end in anchors.commas:
        if text.startswith(", capital of ", start):
            end = start + 2  # (the anchor key ends after "of"; the noun is "capital")
        if norm is not None and _no_noun_after(norm, end):  # (", the" is common; the regex is costly)
            continue
        noun = _NOUN_AFTER_A.match(text, end) or _CAPITAL_AFTER_A.match(text, end) or _CAMP_AFTER_A.match(text, end) \
            or _HOME_AFTER_A.match(text, end)
        if noun is not None and (n := _NAME_BEFORE.search(text, max(0, start - 60), start)) is not None:
            name, at = n.group("name"), n.start()
            if (lead := _LEADING_WORD.match(name)) is not None:  # "In Stepanakert, the main city of …"
                name, at = name[lead.end():], at + lead.end()
            if name.startswith(_WATER_OR_HEIGHT):
                continue  # "the islands of Lake Chad, a stronghold of ISWAP": a lake, not a town
            found.append((name, at, "city"))
    for kind, start in anchors.name_ends:
        if text[text.rfind(" ", max(0, start - 40), start) + 1:start].islower():
            continue  # (cheap: the word before the anchor has no capital, so no name ends there: "the village ")
        before, reach = _NAME_ENDS_AT[kind]
        n = before.search(text, max(0, start - reach), start)
        if n is not None:
            found.append((n.group("name"), n.start("name"), "city"))
            if kind == "camp" and (m := _NAME_AND_BEFORE.search(text, max(0, n.start("name") - 45),
                                                                n.start("name"))) is not None:
                found.append((m.group("name"), m.start("name"), "city"))  # "the Sabra and Shatila refugee camps"
    for start in sorted(anchors.regions):
        n = _NAME_BEFORE_REGION.search(text, max(0, start - 60), start)
        if n is None and text.startswith((" district", " township", " commune"), start):
            n = _NAME_AFTER_PREP_REGION.search(text, max(0, start - 60), start)
            if n is not None and ("'" in n.group("name") or "’" in n.group("name")):
                n = None
        if n is None:
            continue
        if text.startswith((" township", " commune"), start):
            # "a military aircraft struck a village in Wetlet township": a Myanmar township is named after its town
            # (and a commune of Burundi, Mali or Haiti after its seat: "killed 173 civilians in Itaba commune")
            found.append((n.group("name"), n.start("name"), "city"))
            continue
        if text.startswith(" district", start):
            if _in_a_city(tagging, text, start + 9):
                continue
            found.append((n.group("name"), n.start("name"), "region"))
        else:
            found.append((n.group("name"), n.start("name"), "admin1"))
    coarse = _COARSE_PLACE_KINDS
    for p in tagging.places:
        fields = p.__dict__  # (one attribute hook per mention, not one per field read)
        at = fields["start"]
        if fields["kind"] == "city" and fields["role"] != "dateline" and at >= 8 \
                and (text[at - 2:at] == ", " or text.endswith(" and ", 0, at)) \
                and (n := _LISTED_BEFORE_TOWN.search(text, max(0, at - 60), at)) is not None:
            # "took effect in Souk el-Gharb, Aley and the rest of the Chouf": a name listed right before a town the
            # gazetteer knows is a town too
            found.append((n.group("name"), n.start("name"), "city"))
        # ("in Dahyan, in Saada province": a town's name with " province" after it is the province)
        if fields["kind"] not in coarse and not text.startswith(_PROVINCE_WORDS_AFTER, fields["end"]):
            continue
        # cheap tests first (most "in <country>" follow a lower-case word): " in (the) (northern) "
        # right before the place, and a capitalised word right before that
        k = text.rfind(" in ", at - 24 if at > 24 else 0, at)
        if k < 1 or not text[text.rfind(" ", 0, k) + 1].isupper() or fields["role"] == "dateline" \
                or (k + 4 != at and _GAP_TO_COARSE.fullmatch(text, k + 4, at) is None):
            continue
        # the name runs from the last " in " / " into " before it (a fullmatch, no backward search)
        # ("struck a training centre at Agbe in central Tigray")
        j = max(text.rfind(" in ", max(0, k - 50), k), text.rfind(" into ", max(0, k - 50), k),
                text.rfind(" at ", max(0, k - 50), k))
        if j >= 0:
            j = text.index(" ", j + 1) + 1
            e = k - 1 if text[k - 1] == "," else k  # ("in Dahyan, in Saada province")
            if _NAME_AT.fullmatch(text, j, e) is not None:
                found.append((text[j:e], j, "city"))
        elif (n := _NAME_AFTER_VERB.search(text, max(0, k - 60), k)) is not None:
            # "villagers have fled Kiwirok in Indonesia's Papua region": the name right after a verb
            found.append((n.group("name"), n.start("name"), "city"))
    if (dateline := _unknown_dateline_town(tagging, text)) is not None:
        found.append(dateline)
    if " camp for " in text or " camps for " in text:
        # "attacked a camp for displaced Tutsis at Bugendana": where the camp is, a place people live
        found += [(m.group("name"), m.start("name"), "city") for m in _CAMP_FOR_AT.finditer(text)]
    if not found:
        return []
    taken = sorted((p.start, p.end) for p in tagging.places)
    starts = [s for s, _ in taken]

    def overlaps(a: int, b: int) -> bool:
        """Whether [a, b) overlaps a resolved mention other than a tail of the name itself: the
        tagger's "Ta Lu" inside "the village of Lin Ta Lu" gives way (see ``superseded``)."""
        i = bisect_right(starts, b - 1) - 1
        while i >= 0 and taken[i][1] > a:
            if not (a < taken[i][0] and taken[i][1] <= b):
                return True
            i -= 1
        return False

    names: dict[str, PlaceKind] = {}
    for name, a, kind in found:
        if " " in name and name.rsplit(None, 1)[1].casefold() in _demonyms():
            # "the Burj al-Barajneh Palestinian refugee camp": the camp is Burj al-Barajneh
            name = name.rsplit(None, 1)[0]
        if not overlaps(a, a + len(name)) and _plausible(name):
            first = name.split(None, 1)[0]
            if first in _NAME_PREFIXES and (a + len(first) + 1, a + len(name)) in taken:
                continue  # "the heart of Old Omdurman": the old town of a city the tagger knows is that city
            names.setdefault(name, kind)
    if not names:
        return []
    def mention(a: int, name: str, role: PlaceRole) -> PlaceMention:
        return trusted(PlaceMention, {
            "start": a, "end": a + len(name), "text": text[a:a + len(name)], "name": name, "geonameid": None,
            "country": _country(tagging, a), "lat": None, "lon": None, "kind": names[name],
            "role": role, "score": 0.6, "qualifier": None, "metonymy": False})

    out: list[PlaceMention] = []
    # (?<![\w-])(?:name|…)(?![\w-]), the look-behind after each name's first letter (see lexicon.word_starts)
    alternatives = word_starts([re.escape(n) for n in sorted(names, key=len, reverse=True)])
    for m in re.finditer(alternatives + r"(?![\w-])", text):
        if not overlaps(m.start(), m.end()):
            out.append(mention(m.start(), m.group(), "body"))
    if dateline is not None and dateline[0] in names:
        # the dateline itself, as the tagger gives a known one: what "this town" and "the city" of a story filed
        # from there stand for ("NEAK LUONG, Cambodia (Reuters) - A B-52 dropped its bombs on this town")
        out.append(mention(dateline[1], dateline[0], "dateline"))
        out.sort(key=lambda p: p.start)
    return out


def _listed(text: str, first: re.Match[str]) -> list[tuple[str, int, PlaceKind]]:
    """The names of a list that opens with the name ``first`` ("Nasir and Ulang", "A, B and C"), as towns."""
    out: list[tuple[str, int, PlaceKind]] = []
    n: re.Match[str] | None = first
    while n is not None:
        out.append((n.group("name"), n.start(), "city"))
        sep = _LIST_SEP.match(text, n.end())
        n = _NAME_AT.match(text, sep.end()) if sep is not None else None
    return out


_OF_OR_IN: Final = re.compile(r"\s+(?:of|in)\s+")


def _in_a_city(tagging: Tagging, text: str, pos: int) -> bool:
    """Whether "… district" at ``pos`` goes on "of <a city>" or "in <a city>"."""
    m = _OF_OR_IN.match(text, pos)
    if m is None:
        return False
    return any(p.start == m.end() and p.kind in CITY_KINDS for p in tagging.places)


def superseded(places: list[PlaceMention], extra: list[PlaceMention]) -> list[PlaceMention]:
    """The tagger's mentions without those that are only the tail of a longer introduced name
    ("Ta Lu" of "the village of Lin Ta Lu"): the whole name is the place."""
    if not extra:
        return places
    spans = [(e.start, e.end) for e in extra]
    return [p for p in places if not any(a < p.start and p.end <= b for a, b in spans)]


def _country(tagging: Tagging, pos: int) -> str | None:
    """The one country the resolved places of the same sentence lie in ("the village of Togoga in
    Tigray" → ET), else None."""
    for s in tagging.sentences:
        if s.start <= pos < s.end:
            found = {p.country for p in tagging.places
                     if s.start <= p.start < s.end and p.role != "dateline" and p.country}
            return found.pop() if len(found) == 1 else None
    return None
