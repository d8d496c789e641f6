"""Linking a trigger to the place it is about: positions, gaps, anaphora, and the guards that keep
speakers, venues, reference points, provinces and parts of towns from being taken for event places.

Called by ``Detector`` for every candidate that survived the object role: ``find_places`` returns the
place (and any coordinated ones, "Manbij and Jarablus") as ``PlaceChoice``s, or nothing.

    >>> from streams.milestones import Detector
    >>> from streams.tagging import Tagger
    >>> d = Detector.load()
    >>> sorted({c.places[0].via for c in d.explain(Tagger.load().tag("Mosul was retaken by Iraqi troops."))
    ...         if c.fired})
    ['before']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Literal

from streams.milestones.compile import CompiledGap, CompiledPattern
from streams.milestones.demonyms import party_countries
from streams.milestones.lexicon import literal_start_regex, required_literals
from streams.milestones.named import CAMP_KINDS, COMPASS
from streams.milestones.named import CITY_KINDS as _CITY_KINDS
from streams.milestones.text import (
    ANAPHOR,
    COARSE_KINDS,
    COUNTRY_ADJECTIVE,
    ArticleView,
    SentenceView,
    bisect_left_int,
    holds_any,
    word_end_before,
)
from streams.tagging.features import ROAD
from streams.tagging.model import PlaceMention

Via = Literal["inside", "after", "before", "nearest", "fallback", "carried"]

_ANAPHOR: Final = ANAPHOR
_COORD: Final = re.compile(
    r"^(?:'s)?\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|,?\s+as\s+well\s+as\s+|"
    # "captured Kunduz on Sunday, along with Sar-e-Pul and Taloqan"
    r"(?:\s+[a-z]+){0,3},?\s+along\s+with\s+)(?:the\s+)?"
    r"(?:(?:nearby\s+|(?:north|south|east|west|central)\w*\s+)?(?:towns?|cit(?:y|ies)|villages?|districts?|"
    r"provinces?|regions?)\s+of\s+)?$"
    # "the port city of Hodeidah and the capital Sanaa" (", the capital of X" is an appositive)
    r"|^\s+and\s+the\s+(?:[a-z-]+\s+)?(?:capital|port\s+city|port)\s+$"
    # "Sanaa and the port city of Hodeidah", "and the besieged border town of X" (after a comma alone,
    # "Tikrit, the home city of Saddam Hussein" describes the place before)
    # ("seized Ivory Coast's political capital Yamoussoukro and the cocoa hub of Daloa")
    r"|^,?\s+(?:and|or)\s+(?:the\s+)?(?:[a-z-]+\s+){1,2}(?:towns?|cit(?:y|ies)|villages?|districts?|hub|stronghold|"
    r"bastion|port)\s+of\s+$"
    # "Kandahar, Afghanistan's second-biggest city, and Herat": an appositive in between
    # ("Sar-e Pul, capital of the province of the same name, and Taloqan")
    r"|^,\s+(?:[\w'’.-]+\s+){0,4}(?:city|town|capital|village|stronghold|hub)"
    # ("Saada, the rebels' stronghold near the Saudi border, and the central city of Radaa")
    r"(?:\s+(?:of|in|near|on|outside)(?:\s+[\w'’.-]+){1,6}?)?\s*,\s+(?:and|or)\s+(?:the\s+)?"
    r"(?:(?:[a-z-]+\s+){0,2}(?:city|town|village|port|capital)\s+of\s+)?$"
    # "positions around Sarajevo and near the Serb stronghold of Pale": the same preposition family
    r"|^\s+and\s+(?:near|around|outside|in|on)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:(?:city|town|village|stronghold|capital|port)\s+of\s+)?$")
_LOCATIVE: Final = re.compile(
    r"(?:^|\s)(?:in|across|throughout|for|over|of|on|against|into|to|at|near|around|inside|outside|from)\s+"
    r"(?:the\s+)?" + COMPASS +
    # "in the capital Sanaa", "on the rebel-held town of Daraya"
    # ("on Yemen's capital Sanaa": a possessive among the words)
    r"(?:(?:[a-z'’-]+\s+){0,2}(?:capital|city|town|village|port|enclave|stronghold|district)(?:\s+of)?\s+)?$"
)
# where talks are held is not where the war is: "talks in Minsk", "a summit in Tehran"
_VENUE: Final = re.compile(
    r"(?:talks|summit|meeting|meetings|conference|negotiations|visit|trip|rally|speech|hearing|court|"
    r"tribunal|ceremony|forum|sponsored|hosted|mediated|brokered|signed|sealed|negotiated|met|initialed|initialled)\s+"
    # "talks between military delegations in Geneva", "a rally of tens of thousands in Tbilisi", "met separately with
    # Algerian mediators in Algiers"
    r"(?:(?:separately\s+|privately\s+|secretly\s+)?(?:of|between|among|with)\s+(?:[\w.'-]+\s+){1,4}?)?"
    r"(?:held\s+|hosted\s+)?(?:in|at|by)\s+"
    # "signed at a meeting in the town of Zawiya": the venue, however it is introduced
    r"(?:the\s+)?(?:(?:[\w-]+\s+){0,2}(?:town|city|village|capital)\s+of\s+)?"
    # ("brokered by Washington and Paris": both)
    r"(?:[\w.-]+\s+and\s+)?$"
    # "the presidents … signed peace accords in Washington" (not "a U.S.-brokered cease-fire in Nagorno-Karabakh": the
    # truce's place)
    r"|(?:signed|sealed)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:accords?|deal|agreements?|treaty|pact)\s+(?:in|at)\s+"
    r"(?:the\s+)?$"
)
# what an anaphor ("the Ethiopian capital") right after it names is a venue
_VENUE_OF_ANAPHOR: Final = re.compile(
    r"(?:signed|held|hosted|met|meeting|talks|summit|negotiated|agreed)\s+(?:in|at)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:hotel|palace|building|centre|center|hall|"
    r"resort|venue|compound)\s+in\s+$")
class _Prefiltered:
    """A guard searched in a window before a place, with its substring pre-test: one of ``needles``
    (lexicon.required_literals: "official", "source", "spokes", …) is in every match, and most windows hold none, so
    the regex (which the engine tries at every position of the window) seldom runs."""

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self.needles = required_literals(regex)

    def search(self, text: str, start: int = 0, end: int = -1) -> re.Match[str] | None:
        """``regex.search(text, start, end)`` (``end`` -1: the end of ``text``), None at once without a needle."""
        if end < 0:
            end = len(text)
        return self.regex.search(text, start, end) if holds_any(text, self.needles, start, end) else None


_ENVOYS_OF: Final = _Prefiltered(
    re.compile(r"(?:leaders?|presidents?|heads\s+of\s+state|(?:foreign\s+|prime\s+)?ministers?|"
    r"representatives?|delegations?|delegates|envoys?|governments?|ambassadors?)\s+(?:of|from)\s+$"))
_SOURCE_IN: Final = _Prefiltered(re.compile(
    r"(?:officials?|officers?|diplomats?|sources?|analysts?|authorities|spokes(?:man|woman|person)|commanders?|"
    # ("the Russian military command in Makhachkala said", "the government's press center in Moscow said")
    r"ministry|envoys?|correspondents?|reporters?|journalists|embassy|command|headquarters|press\s+cent(?:er|re))"
    # ("A spokesman for Massoud's Jamiat-i-Islami party in Peshawar said Soviet jets had bombed …")
    r"\s+(?:for\s+(?:[\w'’()-]+\s+){1,6}?)?(?:in|from)\s+$"))
# "In Washington, officials said …": a sentence opened by where the speakers are
_SPEAKERS_SAID_AFTER: Final = re.compile(
    r",\s+(?:[\w.'-]+\s+){0,3}?(?:officials?|diplomats?|sources?|analysts?|"
    r"spokes(?:man|woman|person)|aides?|lawmakers)\s+(?:said|say|says|told)(?![\w-])")
# "…," said David Swanson, an OCHA spokesman in Gaziantep.": the speaker's title, closing the sentence
_SAID_NAME_BEFORE: Final = re.compile(r"(?:said|says|told\s+[\w.]+)\s+(?:[\w.'-]+\s+){0,4}[\w.'-]+,\s+"
                                      r"(?:an?|the)\s+(?:[\w.'-]+\s+){0,5}?$")
_SENTENCE_END: Final = re.compile(r"\s*(?:[.;]|$)")
# "medical officials in Misrata and a Reuters photographer travelling with the forces confirmed the advance"
_AND_SAID_AFTER: Final = re.compile(r"\s+and\s+(?:[\w'.-]+\s+){1,8}?(?:said|say|says|told|reported|confirmed)\b")
_SAID_AFTER: Final = re.compile(r"\s*,?\s+(?:said|say|says|told|reported|reports|announced|added|confirmed)\b")
# (", and Kunduz was captured" opens a new clause: its place is a subject)
_NOT_SUBJECT: Final = re.compile(r"(?:^|\s)(?:in|at|near|from|to|on|for|with|by|across|into|inside|outside|around)\s+"
                                 r"(?:the\s+)?$|(?<!,)\s(?P<conj>and|or)\s+(?:the\s+)?$")
_TIME_BEFORE_AND: Final = literal_start_regex(
    r"(?<![\w-])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|overnight|"
    r"today|yesterday|morning|afternoon|evening|night|weekend)$")
_PROVINCE_AFTER: Final = re.compile(
    r"^(?:'s)?\s+(?:province|governorate|region|state|oblast|county|prefecture|district|island)\b")
_PROVINCE_APPOSED: Final = re.compile(
    r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:province|governorate|region|oblast)(?![\w'’-])")
# "the Rafah crossing", "Mosul airport", "Raqqa dam": the name modifies a facility, not the town itself
# "seized Aleppo's international airport" too
_FACILITY_AFTER: Final = re.compile(
    # ("stormed Gaza's biggest hospital": a superlative or a rank before the facility too)
    r"^(?:['\u2019]s)?\s+(?:(?:border|nuclear|main|international|military|power|oil|gas|thermal|steel|chemical|water|"
    r"biggest|largest|second-largest|key|major|only|last|central|general|notorious|strategic)\s+){0,2}"
    r"(?:crossing|airport|airbase|air\s+base|base|dam|refinery|prison|plant|station|steelworks|works|factory|"
    r"highway|road|bridge|checkpoint|port|harbour|harbor|power\s+plant|oil\s+field|oilfield|camp|university|"
    r"hospital|stadium|mosque|palace|road|junction|roundabout|front|frontline|pocket|countryside|plain|plains|"
    r"valley|river|mountains?|hills?|desert|outskirts|suburbs|suburb|post|conference\s+(?:centre|center|hall|complex)|hotel|compound|"
    r"headquarters|barracks|complex|gate|gates|"
    # "took over the Mekelle mayor's office and the regional broadcaster": an office, not the town
    r"(?:(?:mayor|governor|president|prime\s+minister)['\u2019]s\s+)?(?:office|offices|residence)|city\s+hall|town\s+hall|"
    r"broadcaster)(?![\w-])"
)

# "a clear violation of the Washington accords", "the Minsk agreements", "the Astana talks": an agreement or a
# negotiating round named after where it was made, not a place of the war
_AGREEMENT_AFTER: Final = re.compile(
    r"(?:['\u2019]s)?\s+(?:peace\s+(?:deals?|plan)|(?:peace\s+)?(?:accords|agreements|talks|"
    r"protocols?|format|process|summit|conference|declaration|memorandum|communiqu[eé]))(?![\w-])")
# ... and, after a city, one accord: "The Abidjan accord declares an immediate end to hostilities" (not "the Darfur
# Peace Agreement", named after the region it covers)
_CITY_AGREEMENT_AFTER: Final = re.compile(r"\s+(?:peace\s+)?(?:accord|agreement)(?![\w-])")

# "wading through the Rusizi river": a river named like a town (the tagger keeps it: rivers are toponyms)
_RIVER_AFTER: Final = re.compile(r"\s+rivers?(?![\w-])")
# a weapon's model name that is also a toponym to the tagger: "coalition Apache helicopters", "Tomahawk missiles"
# ("Bradley fighting vehicles", "Abrams tanks")
_WEAPON_AFTER: Final = re.compile(
    r"\s+(?:attack\s+)?(?:helicopters?|gunships?|jets?|warplanes?|aircraft|missiles?|drones?|"
    r"rockets?|tanks|(?:fighting|armou?red|combat|infantry)\s+vehicles?)(?![\w-])")
# a city whose government is meant: "a spokesman for Kiev's \"anti-terrorist operation\"", "Kiev's military spokesman"
# (not "Khartoum's army and the rebels agreed a truce": a party, which places the truce)
_GOVERNMENT_POSSESSIVE_AFTER: Final = re.compile(
    r"['\u2019]s\s+[\"']?(?:(?:anti-terrorist|counter-?terrorism|military)\s+"
    r"operation|government|regime|defen[cs]e\s+ministry|"
    r"military\s+spokes(?:man|woman))(?![\w-])")
# a capital that acts as a government: "since Washington began backing the offensive", "Moscow accused Kyiv"
# ("Moscow had informed the U.S. side", "Moscow denied")
_GOVERNMENT_ACTS_AFTER: Final = re.compile(
    r"\s+(?:(?:had|has|have)\s+)?(?:began\s+backing|backed|imposed|demanded|urged|"
    r"accused|condemned|rejected|recognised|recognized|welcomed|pledged|sanctioned|brokered|"
    r"mediated|informed|notified|denied|warned|"
    # "Yerevan had not been involved in drafting the agreement"
    r"(?:had|has|have|was|were)\s+(?:not\s+|never\s+)?(?:been\s+)?involved)(?![\w-])")
# "the February deal between Washington and the insurgents", "relations between Washington and Kabul": the parties
_PARTIES_BETWEEN_BEFORE: Final = _Prefiltered(literal_start_regex(
    r"(?<![\w-])(?:deal|agreement|accord|relations|ties|talks|negotiations|tensions|"
    r"rift|dispute|pact|treaty)\s+between\s+(?:[\w.-]+\s+and\s+)?$"))  # (needles: "between", "negotiations")

# "the Maghazi refugee camp", "Zamzam displacement camp": a camp of displaced people
_CAMP_AFTER: Final = re.compile(r"(?:['\u2019]s)?\s+(?:" + "|".join(CAMP_KINDS)
                                + r"|displaced(?:\s+persons)?)\s+camps?(?![\w-])")


@dataclass(frozen=True)
class PlaceChoice:
    mention: PlaceMention  # the place the event is about
    start: int  # where the place is referred to (the mention itself, or an anaphor such as "the city")
    end: int
    via: Via
    anaphora: bool = False


_COARSE_KINDS: Final = COARSE_KINDS
_WIDE_KINDS: Final = _COARSE_KINDS | {"region"}  # kinds too wide to be an event place when they only qualify another
_LOCATING_KINDS: Final = _WIDE_KINDS | {"admin1"}  # kinds that may only say where a town lies
# regions too large to be where a milestone happens ("operations across the Middle East")
_MACRO_REGIONS: Final = frozenset(
    "middle east|near east|gulf|persian gulf|arabian peninsula|levant|horn of africa|sahel|maghreb|balkans|"
    "caucasus|central asia|south asia|southeast asia|east asia|north africa|west africa|east africa|"
    "southern africa|central africa|sub-saharan africa|latin america|central america|south america|"
    "north america|caribbean|europe|eastern europe|western europe|scandinavia|asia|africa|oceania|"
    "mediterranean|black sea|red sea|baltic|arctic|pacific|atlantic".split("|")
)



class _Item:
    """A place (or an anaphor standing for one) that place linking weighs. (A plain class: compiled with mypyc,
    a dataclass's generated __init__ would run as interpreted Python for every item.)"""

    def __init__(self, start: int, end: int, mention: PlaceMention, anaphora: bool) -> None:
        self.start = start
        self.end = end
        self.mention = mention
        self.anaphora = anaphora


_SPEAKER_AFTER: Final = re.compile(
    r"^\s+(?:(?:and|,|the|its|his|her|their|[a-z]+'s|[a-z-]+)\s+){0,3}?(?:said|says|say|claimed|claims|"
    r"announced|announces|denied|denies|stated|told|reported|warned|accused|insisted|insists|confirmed|"
    r"confirms|added|urged|urges|called|believes|wants|hopes|fears|condemned|condemns|welcomed|welcomes|"
    r"backed|backs|supports|supported|sent|has said|have said|"
    # "as Moscow stepped up attacks on Ukraine's second-largest city": a capital acting as its state
    r"stepped up|steps up|has stepped up|ordered|vowed|threatened|demanded|dismissed|rejected|retaliated|"
    # "as Paris widened its air campaign deep into rebel-held territory"
    r"widened|widens|has widened|expanded|expands|escalated|escalates|intensified|intensifies|"
    # "as Ankara pressed on with a bombing campaign against Kurdish rebels"
    r"pressed on|presses on|pressing on|pressed ahead|presses ahead|pressing ahead|"
    # 'a "safe zone" Ankara has sought to establish along the border'
    r"sought|seeks|has sought|have sought)(?![\w-])"
)
_NOT_SPEAKER_BEFORE: Final = re.compile(r"(?:^|\s)(?:in|of|from|near|to|into|at|on|around|outside|inside|across|"
                                        r"over|for|toward|towards)\s+(?:the\s+)?$"
                                        # "Residents of Yemen's third city Taiz say": a town introduced as one
                                        r"|(?<![\w-])(?:city|town|village|port)\s+$")


_ATTRIBUTIVE: Final = re.compile(
    r"^(?:-based|-backed|-led)?\s+(?:forces|fighters|troops|militants|rebels|police|militia|militias|army|"
    r"soldiers|tribesmen|tribes|officials|authorities|government|commanders?|units|brigades?|"
    r"jihadists|insurgents|volunteers|allies|planes|jets|warplanes|aircraft|drones|embassy|"
    r"spokesman|spokeswoman|ministry|"
    # "according to German broadcasts and the Moscow communique": whose statement, not where
    r"communiqu[eé]s?|bulletins?|broadcasts?"
    # "Donetsk regional governor Pavlo Kyrylenko said": an official's title
    r"|(?:regional|provincial|oblast|city|district|military)\s+(?:governor|administration|mayor|chief)"
    # "A Sahel security analyst … said at least 200 people had died": what the analyst studies
    r"|(?:(?:security|military|defen[cs]e|conflict|political|terrorism|counterterrorism|regional|rights|"
    r"humanitarian|independent)\s+)?(?:analysts?|experts?|researchers?|specialists?|scholars?))(?![\w-])"
)


# (not "Khartoum's army and the rebels agreed a truce": a truce the capital's war ends)
_STATES_FORCES_AFTER: Final = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:operation|offensive|campaign|incursion)(?![\w-])")


def _is_speaker(article: ArticleView, p: PlaceMention) -> bool:
    """A capital that speaks ("Washington and the SDF said", "Moscow denied") or a name used as an
    attribute of an armed group ("Arab fighters", "Kurdish-led forces") is an actor, not a place."""
    norm, end = article.norm, p.end
    # (both regexes below open with a space, _ATTRIBUTIVE also with "-": a place before a comma, a full stop or "'s"
    # is neither, and needs no slice and no match calls)
    if norm.startswith("'s ", end) or norm.startswith("’s ", end):
        # "as Ankara's cross-border operation turned against …": the state that fights
        return _STATES_FORCES_AFTER.match(norm, end) is not None
    if end >= len(norm) or not (norm[end].isspace() or norm[end] == "-"):
        return False
    after = norm[end:end + 60]
    if _ATTRIBUTIVE.match(after):
        return True
    if not _SPEAKER_AFTER.match(after) or after.startswith("'s"):
        return False
    return not _NOT_SPEAKER_BEFORE.search(article.norm[max(0, p.start - 20):p.start])


def _usable(article: ArticleView, p: PlaceMention, provinces: bool) -> bool:
    """Whether a mention can be an event place here (not a speaker, a venue, or a bare country name);
    answered once per mention and article."""
    return _usable_at(article, p, p.start, provinces)


def _usable_at(article: ArticleView, p: PlaceMention, start: int, provinces: bool) -> bool:
    """``_usable`` for a mention whose start (``p.start``) the caller has read."""
    key = ("usable", start, provinces)
    known = article.filter_cache.get(key)
    if known is None:
        known = _usable_uncached(article, p, provinces)
        article.filter_cache[key] = known
    return bool(known)


# ("a village south of the Syrian border town of Jarablus", "Ain el-Delb, east of the southern city of Sidon": a
# settlement placed against a town described before its name; not "troops stormed ashore north of the Somali port of
# Kismayo", the assault's target)
_DESCRIBED_TOWN: Final = (r"|(?:(?<![\w-])(?:villages?|towns?|hamlets?|camps?|settlements?)\s+(?:[\w-]+\s+){0,2}?"
                          # ("the village of Ain el-Delb, east of the southern city of Sidon")
                          r"|,\s+(?:just\s+|about\s+|some\s+)?)"
                          r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+the\s+(?:[\w-]+\s+){0,3}?"
                          r"(?:town|city|village|port)\s+of\s+$")
# "northeast of Mosul", "20 km south of Kirkuk": a reference point ("the east of Aleppo" is a part of it)
_REFERENCE_POINT: Final = re.compile(
    r"(?<![\w-])(?P<dir>(?:north|south|east|west)(?:-?(?:east|west))?)\s+of\s+$"
    r"|(?:\d+|a\s+few|several|some)\s+(?:km|kilometres|kilometers|miles|mi)\s+(?:\([^)]*\)\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+)?(?:of|from)\s+$"
    r"|\b(?P<outside>outside)\s+$|\baway\s+from\s+$"
    + _DESCRIBED_TOWN
)
# What stands right before "<direction> of <place>" when the place is the event's, not a reference point: "the
# (rebel-held) east of Aleppo" is a part of it; "warplanes struck Islamic State positions south of Kobani" are about
# the town (not "positions 20 km northeast of Mosul": with a distance, far from it)
_POSITIONS: Final = r"(?:positions|targets|lines|bases|posts|fortifications)\s+"
_NOT_A_REFERENCE: Final = re.compile(r"(?<![\w-])(?:the\s+(?:[\w-]+\s+){0,2}|" + _POSITIONS + ")$")
# ... and before "outside <place>" ("U.S. warplanes struck Iraqi front-line positions outside Kirkuk")
_POSITIONS_BEFORE: Final = re.compile(r"(?<![\w-])" + _POSITIONS + "$")
_ARTICLE_PREFIX: Final = r"(?:al|el|ad|ar|as|ash|az|ez|es|at|ath|an|ul|un|abu|bin|ibn)"
_CUT_NAME_AFTER: Final = re.compile(
    r"\s+" + _ARTICLE_PREFIX + r"-\w|-[a-z]{1,3}-\w", re.I)  # "Mazar" of "Mazar-i-Sharif"
_CUT_NAME_BEFORE: Final = re.compile(r"(?:^|\s|-)" + _ARTICLE_PREFIX + r"-$", re.I)


# a verb of motion before "from" ("columns moving up from Crimea")
_MOTION_VERBS: Final = "moving|advancing|coming|pushing|driving|rolling"
_MOTION_DIRECTION: Final = r"\s+(?:up\s+|in\s+|north\s+|south\s+|east\s+|west\s+)?"
# "brigades mostly from the western city of Misrata", "fighters from Kidal": where armed men come from
_FORCES_FROM: Final = _Prefiltered(re.compile(
    # (the subject of a clause: "… clear Russian units from Pokrovsk", "withdrew its troops from" are no origin)
    r"(?:^|(?<=\. )|(?<=\s\s)|(?<=, )|(?<=the )|(?<=and ))(?:[\w-]+\s+)?"
    r"(?:brigades?|forces|fighters|militias?|militiamen|troops|units|battalions?|soldiers|rebels|"
    r"gunmen|reinforcements|volunteers|tribesmen|columns|convoys),?\s+(?:mostly\s+|mainly\s+|largely\s+|chiefly\s+)?"
    # ("armoured columns moving up from Crimea")
    rf"(?:(?:{_MOTION_VERBS}|heading){_MOTION_DIRECTION})?from\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:(?:city|town|port)\s+of\s+)?$"))  # (needles: "brigade", "forces", …)
_MOVING_FROM: Final = re.compile(
    rf"(?:columns|convoys|forces|troops|units)\s+(?:{_MOTION_VERBS}){_MOTION_DIRECTION}from\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?$"
    # "Troops from Niger and Chad launched an offensive … in northeast Nigeria": sent from there
    r"|(?:^|[.!?]\s+|\n|\s-\s+)(?:troops|soldiers)\s+from\s+(?:[\w-]+\s+and\s+)?$")
# "stepped off a plane from Riyadh", "a flight from Cairo": where the travellers came from
_TRAVEL_FROM_BEFORE: Final = literal_start_regex(
    r"(?<![\w-])(?:plane|planes|flight|flights|airliner|ferry|"
    r"delegation|envoy|envoys)\s+(?:arriving\s+|that\s+arrived\s+)?"
    r"from\s+(?:the\s+)?$")
# "the provincial capital of North Kivu", "the capital of Tigray": the province only says which town
_WHOSE_CAPITAL_BEFORE: Final = literal_start_regex(r"(?<![\w-])capital\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$")
# ("the Darfur city of Nyala"; plural: "the South Kordofan cities of Kadugli and Dilling")
_NOUN_OF_AFTER: Final = re.compile(r"\s+(?:city|cities|towns?|villages?|capital|ports?|enclave)\s+of\s")


# ", capital of southwest China's " right before a place: an apposition to the place before the comma
_CAPITAL_OF_BEFORE: Final = re.compile(r",\s+(?:the\s+)?(?:[\w-]+\s+)?capital\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
                                       r"(?:[\w-]+['\u2019]s\s+)?(?:[\w-]+\s+)?$")


def _venue_apposition(article: ArticleView, p: PlaceMention) -> bool:
    """"peace talks held in Kunming, capital of southwest China's Yunnan Province": the province only says where
    the venue is."""
    if article.norm.find("capital", max(0, p.start - 60), p.start) < 0:
        return False
    m = _CAPITAL_OF_BEFORE.search(article.norm, max(0, p.start - 60), p.start)
    if m is None:
        return False
    venue = _place_ending_at(article, m.start())
    return venue is not None and _VENUE.search(article.norm, max(0, venue.start - 40), venue.start) is not None


def _place_ending_at(article: ArticleView, pos: int) -> PlaceMention | None:
    """The event-place mention that ends exactly at ``pos`` (the last in text order, if several do), else None."""
    i = bisect_left_int(article.place_ends, pos + 1) - 1
    return article.event_places_by_end[i] if i >= 0 and article.place_ends[i] == pos else None


def _after_of_or_from(norm: str, pos: int) -> bool:
    """Whether "of", "from" or "outside" and at least one space end right before ``pos`` (what ``_REFERENCE_POINT``
    needs)."""
    j = word_end_before(norm, pos)
    return j < pos and (norm.endswith("of", 0, j) or norm.endswith("from", 0, j) or norm.endswith("outside", 0, j))


def _forces_origin(article: ArticleView, p: PlaceMention) -> bool:
    """A town named as where armed men come from ("brigades mostly from the western city of Misrata", "armoured
    columns moving up from Kherson"), or travellers ("stepped off a plane from Riyadh")."""
    norm, lo = article.norm, max(0, p.start - 60)
    if norm.find("from", lo, p.start) < 0:
        return False  # (every origin says "from")
    if _TRAVEL_FROM_BEFORE.search(norm, lo, p.start) is not None:
        return True
    if p.kind not in _CITY_KINDS:
        # (a province or country only with a verb of motion: "columns moving up from Crimea"; "forces from the
        # Tigray region agreed" are a party)
        return _MOVING_FROM.search(norm, lo, p.start) is not None
    # (substring pre-tests: "from", and a word for armed men, which every match holds; the regex tries every
    # position of the window)
    return _FORCES_FROM.search(norm, lo, p.start) is not None


# "the U.N. rights office said in Geneva, citing …", "a spokesman told a briefing in Brussels.": where the words were
# spoken (the name closes the clause; "told reporters in X" is a source's seat, below)
_SAID_IN_BEFORE: Final = _Prefiltered(literal_start_regex(
    r"(?<![\w-])(?:said|says|told\s+(?:a\s+briefing|a\s+news\s+conference)|announced|added|"
    r"stated|warned|confirmed|acknowledged|insisted|conceded)\s+(?:on\s+\w+\s+)?in\s+$"))
_CLAUSE_END_AFTER: Final = re.compile(r"(?:['\u2019]s\s+)?(?:,|\.(?:\s|$)|;|\s+on\s+\w+day\b|\s+that\b|$)")
_TOLD_BEFORE: Final = literal_start_regex(r"(?<![\w-])(?:told|telling|briefed|briefing)\s+$")


# where those who tell of what happened elsewhere have arrived ("Refugees interviewed at the Chaman crossing said")
_ARRIVED_AT_BEFORE: Final = _Prefiltered(re.compile(
    r"(?:travell?ers|refugees|witnesses|survivors|villagers|people|families)\s+(?:who\s+(?:have\s+|had\s+)?)?"
    r"(?:arriving|arrived|reaching|reached|interviewed)\s+(?:in|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:(?:town|city|village|camp|port)\s+of\s+)?$"))
_ARRIVED_SAID_AFTER: Final = re.compile(
    r"(?:\s+(?:crossing|border\s+post|camp|refugee\s+camp))?,?\s+(?:have\s+|had\s+)?(?:said|say|says|told|described|"
    r"reported|recounted)(?![\w-])")


def _speakers_seat(article: ArticleView, p: PlaceMention) -> bool:
    """A place named as where speakers sit ("officials in Moscow said", "a U.N. official in Zagreb said",
    "said David Swanson, an OCHA spokesman in Gaziantep.")."""
    norm = article.norm
    lo = max(0, p.start - 40)
    if norm.endswith("in ", lo, p.start) and article.sentence_starts[article.sentence_index(p.start)] == p.start - 3 \
            and _SPEAKERS_SAID_AFTER.match(norm, p.end) is not None:
        return True  # "In Washington, officials said President Clinton was weighing air strikes"
    if _ARRIVED_AT_BEFORE.search(norm, max(0, p.start - 80), p.start) is not None \
            and _ARRIVED_SAID_AFTER.match(norm, p.end) is not None:
        return True  # "Travellers arriving in the Iranian border town of Taybad said bombers had attacked the city"
    # (both guards below end with "in" or "from" and spaces right before the place; most places have neither, and
    # then no needle finds or regex searches)
    j = word_end_before(norm, p.start)
    if j == p.start or not norm.endswith(("in", "from"), 0, j):
        return False
    if _SAID_IN_BEFORE.search(norm, lo, p.start) is not None and _CLAUSE_END_AFTER.match(norm, p.end) is not None:
        return True  # "the UN human rights office said in Geneva, citing credible reports": where it was said
    m = _SOURCE_IN.search(norm, max(0, p.start - 80), p.start)
    if m is None:
        return False
    if m.group().startswith("commander") and not any(
            q.start > p.end for q in article.sentence_places(article.sentence_index(p.start))):
        # commanders speak from where they fight ("The rebel commander in Sloviansk said his fighters could be
        # overwhelmed"), unless the sentence names where else it happens ("Allied commanders in Riyadh say their
        # aircraft are hitting … around Basra")
        return False
    if _SAID_AFTER.match(norm, p.end) is not None or _AND_SAID_AFTER.match(norm, p.end) is not None:
        return True
    if _TOLD_BEFORE.search(norm, max(0, m.start() - 12), m.start()) is not None:
        return True  # "told reporters in Maiduguri the jet had been sent": where the briefing was
    return _SENTENCE_END.match(norm, p.end) is not None \
        and _SAID_NAME_BEFORE.search(norm, max(0, m.start() - 80), m.start()) is not None


def _place_follows(article: ArticleView, pos: int, within: int) -> bool:
    """Whether another place mention starts within ``within`` characters after ``pos``
    ("Ukraine's energy grid" qualifies nothing; "Ukraine's Kharkiv region" does)."""
    i = bisect_left_int(article.place_starts, pos)
    return i < len(article.event_places) and article.event_places[i].start - pos <= within


_NOT_DESCRIPTIVE: Final = frozenset(
    {"and", "or", "to", "from", "in", "at", "on", "with", "of", "for", "by", "as", "than",
     "fall", "capture", "loss", "seizure", "forces", "army", "troops", "government"})


_CITY_PART_AFTER: Final = re.compile(r"\s+(?:(?:and|or)\s+(?:[A-Z][\w'’-]*\s+){1,3})?"
                                     r"(?:districts?|neighbou?rhoods?|quarters?|suburbs?|areas?)(?![\w-])", re.I)


def _owns_a_named_place(article: ArticleView, pos: int) -> bool:
    """Whether "'s " at ``pos`` is followed, over at most three descriptive words, by another place's name."""
    norm = article.norm
    here = pos + 3
    for _ in range(4):
        owned = _place_starting_at(article, here)
        if owned is not None:
            # ("Gaza City's Shejaiya district", "Sirte's Ghiza Bahriya district": a part of the city, which wire
            # writers label as the city)
            return _CITY_PART_AFTER.match(norm, owned.end) is None
        space = norm.find(" ", here, here + 25)
        if space < 0:
            return False
        word = norm[here:space]
        if not word.replace("-", "").isalpha() or word in _NOT_DESCRIPTIVE:
            return False
        here = space + 1
    return False


# "rebels had entered the Hamdaniya and New Aleppo neighbourhoods": quarters of a city, not towns
# ("the Marinaut and Basak Malutlut areas": named areas, plural, of the city; not "the Afrin area")
_AND_NAME: Final = r"(?:,|\s+and)\s+(?:[A-Z][\w'\u2019-]*\s+){0,2}[A-Z][\w'\u2019-]*"
_CITY_QUARTER_AFTER: Final = re.compile(r"(?:" + _AND_NAME + r")?\s+(?:neighbou?rhoods?|quarters?)(?![\w-])"
                                        r"|" + _AND_NAME + r"\s+areas(?![\w-])")


# "killed hundreds of people in the Ardamata district of El Geneina": a quarter of the city named after it, which
# writers file under the city
_DISTRICT_OF_AFTER: Final = re.compile(
    r"\s+(?:district|suburb|neighbou?rhood|quarter|area)\s+of\s+(?:the\s+city\s+of\s+)?")


def _district_of_city(article: ArticleView, p: PlaceMention) -> bool:
    """Whether the mention is followed by "district|suburb|… of" and a city named right there."""
    m = _DISTRICT_OF_AFTER.match(article.norm, p.end)
    if m is None:
        return False
    city = _place_starting_at(article, m.end())
    return city is not None and city.kind == "city"


_AGREED_IN: Final = _Prefiltered(
    literal_start_regex(r"(?<![\w-])(?:agreed|reached|signed|struck|concluded|sealed)\s+in\s+$"))
_BY_LEADERS_AFTER: Final = re.compile(
    r"(?:\s+(?:on|late|early)\s+[\w-]+(?:\s+night)?)?\s+(?:by|between)\s+(?:the\s+)?"
    r"(?:leaders|presidents|heads\s+of\s+state|delegations|representatives|negotiators|"
    r"envoys|foreign\s+ministers|mediators)(?![\w-])")
# ("the city's Khor Maksar and Crater districts": both)
_OWNED_BY_ANAPHOR: Final = literal_start_regex(
    r"(?<![\w-])the\s+(?:city|town|capital)['\u2019]s\s+"
    r"(?:(?:[\w'’-]+\s+){1,3}?(?:and|or)\s+)?$")


# a numbered road, which the tagger places at the story's town (as the geoparsing corpora do)
_ROAD_NAME: Final = re.compile(ROAD)


def _usable_uncached(article: ArticleView, p: PlaceMention, provinces: bool) -> bool:
    # (the mention's offsets and kind read once: each pydantic field read goes through an attribute hook)
    fields = p.__dict__
    p_start: int = fields["start"]
    p_end: int = fields["end"]
    p_kind: str = fields["kind"]
    if _is_speaker(article, p):
        return False
    if p_kind == "district" and fields["geonameid"] is None and _ROAD_NAME.match(p.text) is not None:
        return False  # "severed Highway 1 south of the city", "fled along Route 1": a road runs between places
    # (the guards on the words right after the place that rule it out whatever else holds, for its kind, as one
    # regex: one match call instead of five to eight; see _NOT_A_PLACE_AFTER)
    if _NOT_A_PLACE_AFTER.get(p_kind, _NOT_A_PLACE_AFTER_ANY).match(article.norm, p_end) is not None:
        return False
    if _PARTIES_BETWEEN_BEFORE.search(article.norm, max(0, p_start - 50), p_start) is not None:
        return False  # "the deal between Washington and the insurgents": a capital standing for its government
    if p_kind == "city" and _district_of_city(article, p):
        return False  # "the Ardamata district of El Geneina": a quarter of El Geneina
    if _CITY_QUARTER_AFTER.match(article.text, p_end):
        return False  # "the Hamdaniya and New Aleppo neighbourhoods": quarters, which writers file under the city
    if _OWNED_BY_ANAPHOR.search(article.norm, max(0, p_start - 45), p_start) is not None \
            and _CITY_PART_AFTER.match(article.norm, p_end) is not None:
        return False  # "struck positions in the city's Khor Maksar district": a quarter of the city "the city" names
    text = article.text
    # (_CUT_NAME_BEFORE ends with "-$": a hyphen right before the place, or before a newline there)
    if _CUT_NAME_AFTER.match(text, p_end) or "-" in text[max(0, p_start - 2):p_start] \
            and _CUT_NAME_BEFORE.search(text[max(0, p_start - 6):p_start]):
        return False  # "Ras" of "Ras al-Ain", "Numan" of "Maarat al-Numan": a longer name the tagger cut
    ref = _REFERENCE_POINT.search(article.norm, max(0, p_start - 80), p_start) \
        if _after_of_or_from(article.norm, p_start) else None
    if ref is not None and not (ref.group("dir") and _NOT_A_REFERENCE.search(article.norm, max(0, ref.start() - 30),
                                                                            ref.start())
                                or ref.group("outside") and _POSITIONS_BEFORE.search(article.norm,
                                                                                      max(0, ref.start() - 20),
                                                                                      ref.start())):
        return False  # "the town of Bashiqa, northeast of Mosul": Mosul only locates the event
    norm, lo = article.norm, max(0, p_start - 40)
    before = norm[lo:p_start]
    # (the word before the spaces before the place, as its end: _AGREED_IN needs "in" there, _WATER_OF_BEFORE "of";
    # a place after neither is spared their needle finds)
    last = word_end_before(norm, p_start, lo)
    spaced = last < p_start
    if _VENUE.search(norm, max(0, p_start - 70), p_start) or _venue_apposition(article, p):
        return False
    if spaced and norm.endswith("in", lo, last) and _AGREED_IN.search(before) is not None \
            and _BY_LEADERS_AFTER.match(article.norm, p_end) is not None:
        return False  # "The truce was agreed in Minsk on Thursday by the leaders of Ukraine, …": a summit's venue
    if _forces_origin(article, p):
        return False  # "brigades mostly from the western city of Misrata penetrated …": where the forces come from
    if (m := _APPOSED_NEAR.search(norm, max(0, p_start - 80), p_start)) is not None \
            and _place_ending_at(article, m.start()) is not None:
        return False  # "Eastern Ghouta, the last major rebel bastion near Damascus": Damascus only locates it
    if (m := _APPOSED_PART_OF.search(norm, max(0, p_start - 80), p_start)) is not None \
            and _place_ending_at(article, m.start()) is not None:
        return False  # "Tajoura, a suburb of the Libyan capital Tripoli": Tripoli only locates it
    if _LOCATED_BEFORE.search(before):
        # "the Maghazi refugee camp in central Gaza", "the besieged rebel enclave on the edge of Damascus": Gaza and
        # Damascus only say where the camp and the enclave are
        return False
    if spaced and norm.endswith("of", lo, last) and _WATER_OF_BEFORE.search(before):
        return False  # "the city of 430,000 on the Sea of Azov": a sea, not the town of Azov
    if _speakers_seat(article, p):
        return False  # "officials in Moscow said": where the speakers sit
    if _ROUTE_BEFORE.search(before):
        return False  # "the town, on the highway linking Damascus and Aleppo, had fallen": a route's ends
    if _time_zone(article.norm, p):
        return False  # "at 5 a.m. Moscow time": a time zone
    if p.geonameid is not None and p_kind == "city" and article.norm[p_start:p_end] in _GROUPS_NAMED_LIKE_TOWNS:
        return False  # "the government has been battling the Fano, a regional militia": not the Italian town
    if p_kind == "country" and (not _LOCATIVE.search(before)
                                or _ENVOYS_OF.search(before)) \
            and not _coordinated_locative(article, p, provinces):
        # "Russia and Turkey agreed", "talks between the leaders of Russia, Ukraine, Germany and France" are actors;
        # "in Syria" is a place
        return False
    if p_kind in ("region", "continent") and p.name.casefold() in _MACRO_REGIONS | {p.text.casefold()} & _MACRO_REGIONS:
        return False
    # (an area, or a name with "province" after it; _PROVINCE_AFTER is anchored by "^", so it is matched on a slice)
    locating = p_kind in _LOCATING_KINDS or _PROVINCE_AFTER.match(article.norm[p_end:p_end + 30]) is not None
    if (locating or article.norm.startswith(" township", p_end)) and _locates_a_town(article, p):
        # "the village of Togoga in Tigray", "the village of Pazigyi in Kanbalu township": Tigray and Kanbalu only
        # say where the event place lies
        return False
    if locating and _WHOSE_CAPITAL_BEFORE.search(before):
        # "leaving the provincial capital of North Kivu encircled", "the capital of Farah province": the capital,
        # not the province
        return False
    if p_kind in _WIDE_KINDS:
        if article.norm.startswith("'s", p_end) and _place_follows(article, p_end, 45):
            return False  # "Yemen's main port of Hodeidah": the country only qualifies another place
        if _NOUN_OF_AFTER.match(article.norm, p_end):
            return False  # "the Darfur city of Nyala"
    elif _NOUN_OF_AFTER.match(article.norm, p_end) and _place_follows(article, p_end, 25):
        return False  # "the southern Gaza city of Khan Younis": Gaza only qualifies the city
    elif article.norm.startswith("'s ", p_end) and _owns_a_named_place(article, p_end):
        return False  # "Gaza's densely populated Jabalia refugee camp": Gaza only says where Jabalia is
    if article.norm.startswith("'s ", p_end) and article.norm.startswith(", ", p_start - 2) \
            and _SETTLEMENT_NOUN_AFTER.match(article.norm, p_end + 3) \
            and _place_ending_at(article, p_start - 2) is not None:
        return False  # "Jabalia, Gaza's largest refugee camp": an apposition, Gaza only says where Jabalia is
    if article.text.startswith(" ", p_end) and _ORG_NAME_AFTER.match(article.text, p_end):
        return False  # "The Kachin Independence Army launched an offensive": a group named after a place
    if _UNNAMED_CITY_AFTER.match(article.text, p_end) and _THE_BEFORE.search(before):
        # "into the heart of the southern Gaza city", "Maiduguri, the Borno state capital", "the Tigray regional
        # capital Mekelle": a city in Gaza, Borno or Tigray, named before or after, not Gaza, Borno or Tigray
        return False
    if not provinces:
        if p_kind in _LOCATING_KINDS and _SETTLEMENT_AFTER.match(article.norm, p_end):
            return False  # "Russia Says It Took Donetsk Village": the province only says where the village is
        after = article.norm[p_end:p_end + 30]
        m = _PROVINCE_AFTER.match(after)
        if m is not None and not (after.startswith(" of ", m.end()) and after[m.end() - 8:m.end()] == "district"
                                  and p_kind == "city"):
            # ("the besieged Homs district of Baba Amr" is a quarter of the city)
            return False  # "Idlib province", "the Kyiv region" are not the city
        if _FACILITY_AFTER.match(after):
            return False
        if p_kind not in _CITY_KINDS and _PROVINCE_APPOSED.match(article.norm, p_end):
            return False  # "taken control of Panjshir, the last province holding out against them"
    return True


def _time_zone(norm: str, p: PlaceMention) -> bool:
    """"at 5 a.m. Moscow time": the name of a time zone, not a place."""
    return norm.startswith(" time", p.end) and not norm[p.end + 5:p.end + 6].isalpha()


_IN_EFFECT_IN: Final = re.compile(r"(?:took|takes|taking|came|comes|went|goes)\s+(?:into\s+)?(?:effect|force|hold)\s+"
                                  r"(?:[\w,.]+\s+){0,4}?in\s+(?:the\s+)?$")


# "signed a seven-day ceasefire agreement on Saturday in the Saudi city of Jeddah": where the parties signed
_SIGNED_IN_BEFORE: Final = re.compile(
    r"(?:signed|agreed|reached|sealed|negotiated|brokered|mediated)\s+(?:[\w'.-]+\s+){0,8}?"
    r"in\s+(?:the\s+)?(?:(?:[\w-]+\s+){1,2}?(?:city|capital)(?:\s+of|,)\s+)?$")


def _foreign_venue(article: ArticleView, p: PlaceMention, parties: list[_Item]) -> bool:
    """A town of another country than the parties', where they signed: "Sudan's warring army and the RSF signed a
    ceasefire … in the Saudi city of Jeddah" (the truce is Sudan's)."""
    return p.country is not None and all(it.mention.country != p.country for it in parties) \
        and _SIGNED_IN_BEFORE.search(article.norm, max(0, p.start - 120), p.start) is not None


def _dateline_like(article: ArticleView, p: PlaceMention) -> bool:
    """The dateline, or a name written like one ("GENEVA, Oct 23 (Reuters) -" after a headline line, which the
    tagger reads as body text)."""
    return p.role == "dateline" or (len(p.text) > 3 and p.text.isupper() and article.text.startswith(",", p.end))


# "the main highway linking Damascus and Aleppo", "the road between Kidal and Gao"
_ROUTE_BEFORE: Final = _Prefiltered(re.compile(
    r"(?:highway|road|route|railway|rail\s+line|motorway|corridor|artery|supply\s+line)\s+"
    r"(?:(?:that\s+)?(?:linking|links|linked|connecting|connects|between)\s+"
    r"(?:(?:the\s+)?(?:[\w'-]+\s+){1,3}?(?:and|with|to)\s+)?(?:the\s+)?"
    # ("with road links to Kandahar cut": where the roads lead)
    r"|links?\s+(?:to|with)\s+)$"))  # (needles: "between", "linking", "links", …)
# the towns a route leads to, in turn, are no antecedent ("cut the railway both to Mukden and to Changchun … trapped
# inside the city"), though one town may be the place of what is done on its route ("the supply route to Phnom Penh
# was closed")
_ROUTE_TO_BEFORE: Final = _Prefiltered(re.compile(
    r"(?:highway|road|route|railway|rail\s+line|motorway|supply\s+line)\s+both\s+to\s+"
    r"(?:(?:[\w'-]+\s+){1,2}?and\s+to\s+)?$"))
# a country's forces ("U.S. Marines", "Russian troops" is a demonym), not a place they act in
_COUNTRY_FORCES_AFTER: Final = re.compile(r"\s+(?:marines|troops|forces|soldiers|jets|warplanes|warships|aircraft|army|"
                                          r"military|navy|commandos|special\s+forces|paratroopers|drones)(?![\w-])")
# "Yemen's government", "Libya's internationally recognised government", "Sudan's army": a country as a party
_COUNTRY_OWNS_ACTOR: Final = re.compile(
    r"['\u2019]s\s+(?:[\w-]+\s+){0,2}?(?:government|army|military|armed\s+forces|forces|"
    r"troops|president|prime\s+minister|defen[cs]e\s+ministry|authorities|leaders?|"
    r"navy|air\s+force|junta|regime|rebels|opposition)(?![\w-])")
_GAIN_OF_AFTER: Final = re.compile(
    r"'s\s+(?:[\w-]+\s+){0,3}?(?:gain|gains|victory|success|prize|setback|loss|win|defeat|"
    r"advance|triumph|blow)(?![\w-])")
# armed groups whose names are also towns' in the gazetteer (Fano, Italy; Wagner, South Dakota)
_GROUPS_NAMED_LIKE_TOWNS: Final = frozenset({"fano", "wagner"})
_ARMED_MEN_AFTER: Final = re.compile(r"\s+(?:militias?|militiamen|fighters|brigades?|gunmen)(?![\w-])")
# "the New York-based group said", "a London-registered ship": where someone is based, not where anything happened
_BASED_AFTER: Final = re.compile(r"-(?:based|headquartered|registered|born)(?![\w-])")


def _any_after(*guards: re.Pattern[str]) -> re.Pattern[str]:
    """One regex that matches where one of ``guards`` does (none has groups, anchors or flags of its own)."""
    return re.compile("|".join(f"(?:{g.pattern})" for g in guards))


# What right after a place rules it out, by the place's kind (_usable_uncached), each guard as it was written:
# "the Washington accords", "the Minsk agreements" (named after a venue); "wading through the Rusizi river" (a river,
# a toponym to the tagger); "since Washington began backing the offensive" (a capital standing for its government);
# "… the bombed-out town, Moscow's biggest battlefield gain" (the side that gained); "which Fano fighters had taken",
# "Misrata militias" (a group named after a place); "barrages of Grad rockets", "coalition Apache helicopters struck"
# (a weapon's model); for a city, "a spokesman for Kiev's \"anti-terrorist operation\"" (the government: after "'s"
# only); for a country, "Thousands of U.S. Marines and Iraqi troops launched an offensive" (whose forces) and "forces
# loyal to Yemen's government" (whose government)
_NOT_A_PLACE_AFTER_ANY: Final = _any_after(_AGREEMENT_AFTER, _RIVER_AFTER, _WEAPON_AFTER, _GOVERNMENT_ACTS_AFTER,
                                    _GAIN_OF_AFTER, _ARMED_MEN_AFTER, _BASED_AFTER)
_NOT_A_PLACE_AFTER: Final = {
    "city": _any_after(_AGREEMENT_AFTER, _CITY_AGREEMENT_AFTER, _RIVER_AFTER, _WEAPON_AFTER,
                              re.compile("(?='s)" + _GOVERNMENT_POSSESSIVE_AFTER.pattern), _GOVERNMENT_ACTS_AFTER,
                              _GAIN_OF_AFTER, _ARMED_MEN_AFTER, _BASED_AFTER),
    "country": _any_after(_AGREEMENT_AFTER, _RIVER_AFTER, _GOVERNMENT_ACTS_AFTER, _COUNTRY_FORCES_AFTER,
                                 _COUNTRY_OWNS_ACTOR, _GAIN_OF_AFTER, _ARMED_MEN_AFTER, _BASED_AFTER),
}
# the rest of an armed group's or party's name ("Kachin Independence Army", "Tigray People's Liberation Front",
# "Arakan Army", "Karen National Union")
# ("blamed the Azov regiment": a unit named after a place, in either case)
_ORG_NAME_AFTER: Final = re.compile(
    r" (?:[A-Z][\w'’-]*\s+){0,3}(?:Army|Front|Movement|Forces|Alliance|Brigades?|Militia|"
    # ("members of the Jalisco New Generation Cartel", "rival factions of the Sinaloa cartel")
    r"Party|Union|Corps|Guards?|Organi[sz]ation|[Rr]egiments?|[Bb]attalions?|[Cc]artels?)(?![\w-])")
# "the southern Gaza city" (lower-case noun, no "of" after: "the Gaza city of Khan Younis" names the city; "Gaza City"
# is the name)
_UNNAMED_CITY_AFTER: Final = re.compile(
    r"(?: (?:state|region|regional|province|provincial|oblast|governorate))? (?:city|town|capital)(?![\w-])"
    r"(?! of\b)(?!\s+(?:council|hall|cent(?:re|er)|limits)\b)")
_THE_BEFORE: Final = literal_start_regex(r"(?<![\w-])the\s+" + COMPASS + "$")


# "… in (the) (northern) X" right after a town, or after a settlement noun ("the last major city in Darfur",
# "a market in the village of Togoga in Tigray", "the town of Lamitan on Basilan island")
_IN_BEFORE: Final = re.compile(r"(?:(?<![\w-])(?:in|on)\s+(?:the\s+)?(?:[a-z-]+['\u2019]s\s+)?"
                               r"|,\s+(?:the\s+)?(?:[\w-]+\s+)?capital\s+of\s+(?:the\s+)?(?:[a-z-]+['\u2019]s\s+)?)"
                               # ("Lashkar Gah, capital of the southern province of Helmand")
                               + COMPASS + r"(?:(?:province|region|state|governorate)\s+of\s+)?$")
# ("Kiwirok in Indonesia's Papua region"; "El Obeid, the capital of North Kordofan state")
_AREA_OF_BEFORE: Final = literal_start_regex(
    r"(?<![\w-])(?:area|district|county|division|department|municipality)\s+of\s+(?:the\s+)?"
    # "the Barmal district of Afghanistan's eastern Paktika province"
    r"(?:[\w-]+['\u2019]s\s+)?" + COMPASS + "$")
_UNNAMED_BEFORE: Final = literal_start_regex(
    r"(?<![\w-])an?\s+(?:[\w-]+\s+){0,2}(?:city|town|village|capital|port|hub|stronghold|"
    r"outpost|hamlet|community)\s*$")
_SETTLEMENT_BEFORE: Final = literal_start_regex(
    r"(?<![\w-])(?:city|town|village|capital|port|hub|stronghold|outpost|hamlet|"
    r"community)\s*$")


# an apposition to a place that locates it near another: ", the last major rebel bastion near "
# (both searched over the 80 characters before the place, only where one of their needles is: see _Prefiltered)
_APPOSED_NEAR: Final = _Prefiltered(
    re.compile(r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,5}?(?:near|outside|close\s+to)\s+(?:the\s+)?$"))
# ... or in another: "Tajoura, a suburb of the Libyan capital Tripoli", "Khiam, a town in the south of Lebanon"
# (not ", a district of": a city's quarters are filed under the city)
_APPOSED_PART_OF: Final = _Prefiltered(re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:suburbs?|township|village|town)\s+(?:of|in)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}?$"))
# what a place right after it only locates: a named camp ("Abu Shouk displacement camp on the edge of El Fasher",
# "the camp just outside Goma", "in central Gaza") or an area ("the besieged rebel enclave on the edge of Damascus")
_EDGE_OF: Final = r"on\s+the\s+(?:edge|edges|outskirts|fringes)\s+of"
_LOCATED_BEFORE: Final = _Prefiltered(re.compile(
    r"(?<![\w-])(?:(?:" + "|".join(CAMP_KINDS) + r")\s+camp\s+(?:in|near|(?:just\s+)?outside|" + _EDGE_OF
    + r")\s+(?:the\s+)?" + COMPASS
    + r"|(?:enclave|pocket|suburbs?|countryside)\s+(?:(?:just\s+)?outside|near|close\s+to|" + _EDGE_OF
    + r")\s+(?:the\s+)?)$"))  # (needles: "camp", "enclave", …)
# "largest refugee camp", "second city", "main port": after "<place>'s" in an apposition to another place
_SETTLEMENT_NOUN_AFTER: Final = re.compile(
    r"(?:[\w-]+\s+){0,3}?(?:(?:refugee|displacement|idp)\s+camp|city|town|village|"
    r"port|settlement|suburb|district|neighbou?rhood|stronghold)(?![\w-])")
_SETTLEMENT_AFTER: Final = re.compile(r"\s+(?:village|villages|town|towns|hamlet|settlement)(?![\w-])")
_AND_BEFORE: Final = re.compile(r"(?:\s+and|\s+or|,)\s+$")


def _coordinated_locative(article: ArticleView, p: PlaceMention, provinces: bool) -> bool:
    """"in northern Iraq and Syria": a country coordinated with a country that is a place."""
    m = _AND_BEFORE.search(article.norm, max(0, p.start - 8), p.start)
    if m is None:
        return False
    prev = _place_ending_at(article, m.start())
    return prev is not None and prev.kind == "country" and _usable(article, prev, provinces)


def _locates_a_town(article: ArticleView, p: PlaceMention) -> bool:
    """Whether a province, region or country only locates a town named (or described) just before it."""
    if _AREA_OF_BEFORE.search(article.norm, max(0, p.start - 40), p.start):
        return True  # "a community in Guma Local Government Area of Benue State": Benue locates the area
    m = _IN_BEFORE.search(article.norm, max(0, p.start - 40), p.start)
    if m is None:
        return False
    end = m.start()
    while end > 0 and article.norm[end - 1] == " ":
        end -= 1
    if _SETTLEMENT_BEFORE.search(article.norm, max(0, end - 12), end):
        # "the last major city in Darfur" locates a named town; "a village in central Mali" is unnamed,
        # and the country is the best place there is — unless the village is named just before it
        # ("Yelwata, a community in Benue State")
        unnamed = _UNNAMED_BEFORE.search(article.norm, max(0, end - 40), end)
        if unnamed is None:
            return True
        comma = unnamed.start()
        while comma > 0 and article.norm[comma - 1] == " ":
            comma -= 1
        if comma > 0 and article.norm[comma - 1] == ",":
            return _place_ending_at(article, comma - 1) is not None
        return False
    if end > 0 and article.norm[end - 1] == ",":
        end -= 1  # "in Dahyan, in Saada province"
    town = _place_ending_at(article, end)
    return town is not None and town.kind in _CITY_KINDS


_PART_BEFORE: Final = re.compile(r"(?:^|\s)(?:east|west|north|south|central|eastern|western|northern|southern|"
                                 r"north-?eastern|north-?western|south-?eastern|south-?western|rebel-held|is-held|"
                                 r"government-held)\s+$")
_PART_QUALIFIER: Final = re.compile(r"^(?:east|west|north|south|central|eastern|western|northern|southern|old city|"
                                    r"city cent(?:er|re)|outskirts|suburbs?|district|quarter|neighbou?rhood)", re.I)


def _owns_a_facility(norm: str, end: int) -> bool:
    """Whether the place (or anaphor) ending at ``end`` owns a facility named after it ("Tripoli's disused
    international airport", "the city's commercial port")."""
    return norm.startswith("'s ", end) and _FACILITY_OWNED_AFTER.match(norm, end + 3) is not None


def _partial(article: ArticleView, p: PlaceMention) -> bool:
    """'eastern Mosul', 'Mosul's Old City', 'the Rafah side': a part of the city, which is not the city changing
    hands."""
    if p.qualifier and _PART_QUALIFIER.match(p.qualifier.strip()):
        return True
    if _SIDE_AFTER.match(article.norm, p.end):
        return True  # "seized the Rafah side of the crossing"
    if _owns_a_facility(article.norm, p.end):
        return True  # "recaptured Tripoli's disused international airport": the city's airport, not the city
    return bool(_PART_BEFORE.search(article.norm[max(0, p.start - 25):p.start]))


def _items(article: ArticleView, view: SentenceView, pat: CompiledPattern, kinds: frozenset[str]) -> list[_Item]:
    provinces = pat.spec.place.provinces
    whole = pat.spec.place.whole
    camps = pat.spec.place.camps
    items: list[_Item] = []
    for p in view.places:
        # (the fields from the model's __dict__: one attribute hook per mention instead of one per field)
        fields = p.__dict__
        if fields["kind"] not in kinds:
            continue
        p_start: int = fields["start"]
        p_end: int = fields["end"]
        if _usable_at(article, p, p_start, provinces) and not (whole and _partial(article, p)) \
                and (camps or _CAMP_AFTER.match(article.norm, p_end) is None):
            items.append(_Item(p_start, p_end, p, False))
    if pat.spec.place.anaphora and kinds & {"city", "district"}:
        city_kinds = kinds & frozenset({"city", "district"})
        for m_start, m_end, m_text in view.anaphors:
            a, b = view.start + m_start, view.start + m_end
            if any(p.start < b and a < p.end and p.kind in _CITY_KINDS
                   or b <= p.start <= b + 2 and view.norm[b - view.start:p.start - view.start]
                   in (", ", ",", " ") and _usable(article, p, provinces) for p in view.places):
                # "the city of Mosul", "the Yemeni capital, Sanaa,", "the Tigrayan capital Mekelle": the name itself is
                # there (not "the bombed-out town, Moscow's biggest gain"; not the sea of "the Black Sea city")
                continue
            of = _PART_OF_AFTER.match(view.norm, b - view.start)
            if of is not None and any(p.start == view.start + of.end() for p in view.places):
                continue  # "the historic Old City wall of Raqqa": the name follows
            if article.text.startswith(" ", b) and _COORDINATED_OF_NAME.match(article.text, b) is not None:
                continue  # "the town and oil field of Heglig": another name follows
            if _VENUE_OF_ANAPHOR.search(article.norm, max(0, a - 60), a):
                continue  # "The truce, signed in a hotel in the Ethiopian capital": where it was signed
            if whole and _owns_a_facility(article.norm, b):
                continue  # "had taken the city's commercial port": the city's port, not the city (as _partial)
            target = _antecedent(article, m_text, a, city_kinds)
            if target is not None:
                items.append(_Item(a, b, target, True))
        items.sort(key=lambda it: it.start)
    if role_excludes := pat.place_exclude_before:
        kept: list[_Item] = []
        excluded_end = -1
        for it in items:
            if _excluded_before(article.norm, role_excludes, it.start, excluded_end):
                excluded_end = it.end  # "fleeing toward Dikwa and Maiduguri": both are where they flee to
            else:
                kept.append(it)
        items = kept
    if items and pat.spec.place.parties:
        # "GENEVA (Reuters) - Libya's two main warring sides signed a permanent ceasefire": the dateline is
        # where it was signed or reported; the country whose parties made the truce is what it covers — and so
        # is the country of "a ceasefire between Sudan's warring generals", unless the text puts it somewhere
        parties = [_Item(p.start, p.end, p, False) for p in view.places
                   if p.kind == "country" and _PARTY_AFTER.match(article.norm, p.end)]
        if parties and (all(_dateline_like(article, it.mention) or _foreign_venue(article, it.mention, parties)
                            for it in items)
                        or (any(article.norm.endswith("between ", 0, it.start) for it in parties)
                            # (not over a place the text puts the truce in: "took effect on Friday in Laukkai")
                            and not any(_TRUCE_PLACE.search(article.norm, max(0, it.start - 90), it.start)
                                        or _IN_EFFECT_IN.search(article.norm, max(0, it.start - 60), it.start)
                                        for it in items))):
            items = parties
    if pat.spec.place.parties and _interstate(article, view.index):
        # A truce between two states is placed only where the text puts it ("agreed a ceasefire for eastern
        # Ukraine", "in Gaza"), in this sentence or later ones: not at the subject of the conflict ("in their
        # conflict over Nagorno-Karabakh") nor at a place shelled since ("shelling the district of Terter")
        items = [it for it in items if _TRUCE_PLACE.search(article.norm, max(0, it.start - 90), it.start)]
        if not items:
            return []
    if not items and pat.spec.place.parties:
        countries = [p for p in view.places if p.kind == "country"]
        # the countries that agreed ("Thailand and Cambodia agreed") before any that only speak
        agreed = [p for p in countries if _AGREED_AFTER.match(article.norm, p.end)]
        items = [_Item(p.start, p.end, p, False) for p in agreed] \
            or [_Item(p.start, p.end, p, False) for p in countries if _PARTY_AFTER.match(article.norm, p.end)] \
            or [_Item(p.start, p.end, p, False) for p in party_countries(view.sentence.text, view.norm, view.start)]
    return items


_BETWEEN_STATES: Final = re.compile(r"(?:ceasefire|cease-fire|truce|armistice|deal|agreement)\s+(?:[\w.-]+\s+){0,2}?"
                                    r"between\s+$")
_TRUCE_PLACE: Final = re.compile(
    r"(?:(?:ceasefire|cease-fire|truce|armistice)\s+(?:in|for|across|along|throughout)"
    # "a humanitarian ceasefire between Armenia and Azerbaijan in Nagorno-Karabakh"
    r"|(?:ceasefire|cease-fire|truce|armistice)\s+between\s+(?:[\w.-]+\s+){1,3}?and\s+[\w.-]+\s+in"
    # "an agreement to end the fighting over Nagorno-Karabakh", "a halt to military operations in
    # Georgia"
    r"|(?:end|halt|stop)\s+(?:to\s+)?(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:fighting|war|hostilities|military\s+operations)\s+(?:in|over)"
    # "a ceasefire between Israel and Hezbollah came into effect in Lebanon"
    r"|(?:took|takes?|taking|came|comes?|went|goes)\s+(?:into\s+)?effect\s+in)"
    r"\s+(?:the\s+)?(?:(?:north|south)?(?:east|west)?(?:ern)?\s+|central\s+)?"
    # ("to end weeks of fighting over the separatist region of Nagorno-Karabakh")
    r"(?:(?:[\w-]+\s+){0,2}?(?:region|enclave|territory|province)\s+of\s+)?$")


def _interstate(article: ArticleView, index: int) -> bool:
    """Whether two states agreed something ("India and Pakistan agreed") in sentence ``index`` or before it."""
    cached = article.filter_cache.get(("interstate",))
    first = cached if isinstance(cached, int) else None
    if first is None:
        first = -1
        for p in article.event_places:
            if p.kind != "country":
                continue
            # "a truce between Israel and Lebanon took effect"
            b = _BETWEEN_STATES.search(article.norm, max(0, p.start - 40), p.start)
            if b is not None:
                j = bisect_left_int(article.place_starts, p.end)
                nxt = article.event_places[j] if j < len(article.event_places) else None
                if nxt is not None and nxt.kind == "country" and nxt.name != p.name \
                        and article.norm[p.end:nxt.start].strip() == "and" \
                        and not article.norm.startswith("-", nxt.end):  # "Israel and Iran-backed Hezbollah"
                    first = article.sentence_index(p.start)
                    break
            if _AGREED_AFTER.match(article.norm, p.end):
                i = article.sentence_index(p.start)
                agreed = {q.geonameid or q.name for q in article.sentence_places(i)
                          if q.kind == "country" and _AGREED_AFTER.match(article.norm, q.end)}
                if len(agreed) > 1:
                    first = i
                    break
        article.filter_cache[("interstate",)] = first
    return 0 <= first <= index


_AGREED_AFTER: Final = re.compile(r"(?:\s+and\s+[a-z][\w' -]{1,40}?)?\s+(?:have\s+|had\s+|both\s+|on\s+\w+\s+)?"
                                  r"(?:agreed|signed|declared|announced|reached|accepted|sealed)\b")


# "Ethiopia's government", "Yemen's warring parties", "Sudan's army and the RSF": the country at war
_PARTY_AFTER: Final = re.compile(
    r"'s\s+(?:(?:federal|military|interim|transitional|internationally\s+recogni[sz]ed|two|three|"
    r"main|rival|feuding)\s+){0,3}"
    r"(?:government|warring|army|armed\s+forces|military|rebels|junta|president|"
    r"prime\s+minister|rival|parties|factions)\b")


_NOUN: Final = re.compile(r"(city|town|village|capital)(?:\W*$|'s)")
# per noun of _NOUN: how a place is introduced with it before ("the eastern town of Avdiivka") or by an
# apposition after ("Vovchansk, a border town in Kharkiv region")
_SETTLEMENT_OF_BEFORE: Final = re.compile(
    r"\b(city|town|village|capital|port|hub|stronghold|bastion)\s+of\s+(?:the\s+)?$")
# "Stepanakert, the region's main city,"
_APPOSED_AS: Final = re.compile(r",\s+(?:a|an|the)\s+(?:[\w'-]+\s+){0,4}?(city|town|village|capital)\b")
_INTRODUCED: Final = {noun: (re.compile(rf"(?:\b{noun}\s+of\s+(?:the\s+)?$)"),
                             re.compile(rf",\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,4}}?{noun}\b"))
                      for noun in ("city", "town", "village", "capital")}


def _antecedent(article: ArticleView, anaphor: str, pos: int, kinds: frozenset[str]) -> PlaceMention | None:
    """What 'the town' stands for: the latest place introduced with the same noun ("the eastern town of
    Avdiivka") in the last three sentences, else the latest city named; never a speaker ("Kyiv said")."""
    # "broke through the defences south of Bihac and pushed into the town itself": "itself" sets the town
    # against what lies around it, so a reference point may be what it stands for
    reference_ok = article.norm.startswith(" itself", pos + len(anaphor))

    def skip(p: PlaceMention) -> bool:
        return _no_antecedent(article, p, reference_ok=reference_ok)

    latest = article.places_before(pos, sentences_back=3, kinds=kinds, skip=skip)
    if latest is None and not reference_ok:
        # the only town named lately is a reference point ("defences south of Bihac … 70,000 civilians are
        # trapped in the town"): the town is that one
        reference_ok = True
        latest = article.places_before(pos, sentences_back=3, kinds=kinds, skip=skip)
    if latest is None and anaphor != "there" and "capital" not in anaphor:
        # "up to 100,000 civilians remain trapped in the Old City", four sentences after "stormed into Mosul's
        # Old City": when the story has named one city only, and more than in passing (twice, or as where it
        # was filed), the city is that one however far back ("a day after Baku launched an operation … the
        # city" is not Baku)
        earlier = [p for p in article.event_places if p.end <= pos and p.kind in kinds and not skip(p)]
        names = {p.geonameid or p.name for p in earlier}
        # (or where the lede names it: "civilians have fled Jalalabad …", five sentences before "surrounded the city")
        if len(names) == 1 and (len(earlier) > 1 or article.sentence_index(earlier[0].start) == 0 or any(
                p.role == "dateline" and (p.geonameid or p.name) in names for p in article.places)):
            latest = earlier[-1]
    noun = _NOUN.search(anaphor)
    if latest is not None and noun is not None \
            and article.sentence_index(latest.start) == article.sentence_index(pos) \
            and (introduced_as := _SETTLEMENT_OF_BEFORE.search(article.norm, max(0, latest.start - 30), latest.start)) \
            and introduced_as.group(1) in (noun.group(1), "port", "hub", "stronghold", "bastion"):
        # "the mayor of the Azov Sea port of Berdyansk said Russian forces had seized the city", in a story about
        # Kharkiv: a place introduced as such a settlement earlier in the same sentence is the one meant ("the
        # town of al-Alam just north of Tikrit, completing the encirclement of the city" is not)
        return latest
    if latest is not None and noun is not None \
            and article.sentence_index(latest.start) == article.sentence_index(pos) \
            and (as_noun := _APPOSED_AS.match(article.norm, latest.end)) is not None \
            and as_noun.group(1) == noun.group(1):
        # "the forces defending Stepanakert, the region's main city, were exhausted … and the city was on the verge of
        # falling" (in a story naming Shushi more often): set in apposition as that noun in the same sentence
        return latest
    if latest is not None and not (noun is not None and _sets_the_scene(article, latest, pos)):
        latest = _salient(article, latest, pos, kinds, skip)
    elif not any(p.end <= pos and p.kind in kinds for p in article.event_places) \
            and not _NAMED_AFTER.match(article.text, pos + len(anaphor)):
        # "EL FASHER, Sudan (AP) — fighters broke into the besieged city": with no city named before it,
        # the city is the one the story was filed from
        latest = next((p for p in article.places if p.role == "dateline" and p.kind in kinds and p.end <= pos),
                      None)
    if latest is None or noun is None:
        return latest
    introduced, apposed = _INTRODUCED[noun.group(1)]
    first = article.sentence_starts[max(0, article.sentence_index(pos) - 3)]
    for p in reversed(article.event_places):
        if p.end > pos:
            continue
        if p.start < first:
            break
        if p.kind in kinds and not skip(p) and (
                introduced.search(article.norm, max(0, p.start - 30), p.start)
                or apposed.match(article.norm, p.end, min(pos, p.end + 60))):
            return p
    if noun.group(1) in ("town", "village") and _CITY_NOUN_BEFORE.search(article.norm, max(0, latest.start - 30),
                                                                         latest.start):
        # "Palma, a town in northern Mozambique … arrived in the provincial capital Pemba … civilians were still
        # trapped in and around the town": the latest place is called a city, so the town is the one
        # introduced as a town, however far back
        for p in reversed(article.event_places):
            if p.end <= first and p.kind in kinds and not skip(p) and (
                    introduced.search(article.norm, max(0, p.start - 30), p.start)
                    or apposed.match(article.norm, p.end, min(pos, p.end + 60))):
                return p
    if _REGION_AFTER.match(article.norm, latest.end):
        return None  # "in Kharkiv region": a region's name, not a town 'the town' could point back to
    return latest


# "the provincial capital Pemba", "the city of Goma": a place called a city just before its name
_CITY_NOUN_BEFORE: Final = literal_start_regex(r"(?<![\w-])(?:capital|city)\s+(?:of\s+)?(?:the\s+)?$")


_PART_OF_AFTER: Final = re.compile(r"(?:\s+(?:wall|walls|gates?|centre|center|defences|defenses|heart|edge))?\s+of\s+")
# "taken over the town and oil field of Heglig": the noun is coordinated with another and a name follows (one the
# gazetteer may lack), so "the town" is that name's, not an earlier town's (matched on the original text: a capital)
# (not "pounded the city and the southern town of Urus-Martan": two places)
_COORDINATED_OF_NAME: Final = re.compile(r"\s+(?:and|or)\s+(?!(?:the|a|an|its|their)\s)(?:[a-z-]+\s+){1,3}?of\s+"
                                         r"(?:(?:al|el|ad|as|ar|an|at)-)?[A-Z]")
_WATER_OF_BEFORE: Final = _Prefiltered(
    literal_start_regex(r"(?<![\w-])(?:sea|gulf|bay|strait|straits|lake|river)\s+of\s+$"))
_SIDE_AFTER: Final = re.compile(r"\s+side\b")
_FACILITY_OWNED_AFTER: Final = re.compile(
    r"(?:[\w-]+\s+){0,3}?(?:airport|air\s*base|airbase|military\s+base|army\s+base|"
    r"port|seaport|harbou?r|bridge|border\s+crossing|crossing|refinery|dam|power\s+"
    r"(?:plant|station)|prison|stadium|university|palace|barracks|garrison)(?![\w-])")


def _border_pair(article: ArticleView, p: PlaceMention) -> bool:
    """"the crossing between Gaza and Egypt", "between Egypt and Gaza": a place paired with a country across a
    border is a territory, not a town "the city" could stand for."""
    norm = article.norm
    if norm.startswith("between ", p.start - 8):
        q = _place_starting_at(article, p.end + 5) if norm.startswith(" and ", p.end) else None
        return q is not None and q.kind == "country"
    if norm.endswith(" and ", 0, p.start):
        q = _place_ending_at(article, p.start - 5)
        return q is not None and q.kind == "country" and norm.startswith("between ", q.start - 8)
    return False


def _place_starting_at(article: ArticleView, pos: int) -> PlaceMention | None:
    """The event-place mention that starts exactly at ``pos``, else None."""
    i = bisect_left_int(article.place_starts, pos)
    return article.event_places[i] if i < len(article.event_places) and article.event_places[i].start == pos else None


_THE_AND_WORDS_BEFORE: Final = re.compile(r"(?<![\w-])the\s+(?:[a-z-]+\s+){1,2}$")


def _names_a_facility(norm: str, p: PlaceMention) -> bool:
    """Whether the mention is a city's name in a building's or a bridge's ("the Ouagadougou conference centre",
    "near the Bangolo bridge"): no antecedent, nor a place a sentence naming none is about."""
    return _FACILITY_AFTER.match(norm[p.end:p.end + 40]) is not None and (
        norm.startswith("the ", p.start - 4)
        # ("seized the disused Dabaa military airport")
        or _THE_AND_WORDS_BEFORE.search(norm, max(0, p.start - 30), p.start) is not None)


# (what a place followed by a river or a weapon's model is not: one regex, as in _NOT_A_PLACE_AFTER)
_RIVER_OR_WEAPON_AFTER: Final = _any_after(_RIVER_AFTER, _WEAPON_AFTER)


def _no_antecedent(article: ArticleView, p: PlaceMention, reference_ok: bool = False) -> bool:
    """Whether a mention cannot be what "the town" stands for: a speaker ("Kyiv said", "an official in Zagreb
    said"), a venue ("signed at a meeting in the town of Zawiya"), one side of a border ("seize the Gaza side
    of the border crossing") or, unless ``reference_ok``, a reference point ("Gharyan, about 80 km south of
    Tripoli, … took control of the town"). Answered once per mention and article (the antecedent search asks
    it of the same mentions again and again)."""
    key = ("no-antecedent", p.start, reference_ok)
    known = article.filter_cache.get(key)
    if known is None:
        norm = article.norm
        known = article.filter_cache[key] = (
            _is_speaker(article, p) or _VENUE.search(norm, max(0, p.start - 60), p.start) is not None
            or _names_a_facility(norm, p)  # "reached the Ouagadougou conference centre"
            or _SIDE_AFTER.match(norm, p.end) is not None
            or _time_zone(norm, p)  # "at 5 a.m. Moscow time"
            # "the Litani river", "Bradley fighting vehicles"
            or _RIVER_OR_WEAPON_AFTER.match(norm, p.end) is not None
            # "blamed the Azov regiment": a unit named after a place
            or (article.text.startswith(" ", p.end) and _ORG_NAME_AFTER.match(article.text, p.end) is not None)
            or _forces_origin(article, p) or _speakers_seat(article, p) or _border_pair(article, p)
            or _ROUTE_BEFORE.search(norm, max(0, p.start - 60), p.start) is not None  # "road links to Kandahar"
            or _ROUTE_TO_BEFORE.search(norm, max(0, p.start - 60), p.start) is not None
            # "the neighbouring Karama quarter", "Kiev's military spokesman"
            or _CITY_QUARTER_AFTER.match(article.text, p.end) is not None
            or (norm.startswith("'s", p.end) and _GOVERNMENT_POSSESSIVE_AFTER.match(norm, p.end) is not None)
            or (not reference_ok and _after_of_or_from(norm, p.start)
                and _REFERENCE_POINT.search(norm, max(0, p.start - 80), p.start) is not None))
    return bool(known)
_NAMED_AFTER: Final = re.compile(r"\s+[A-Z]")  # "the Tigrayan capital Mekelle": a name follows, no anaphor

_REGION_AFTER: Final = re.compile(r"\s+(?:region|province|oblast|governorate|state|district|county)\b")


def _sets_the_scene(article: ArticleView, latest: PlaceMention, pos: int) -> bool:
    """Whether the sentence of ``pos`` opens with "In <latest>," ("In Stepanakert, a few kilometres to the north,
    drones struck the city twice", in a story naming Shushi more often): the city it then names is that one."""
    index = article.sentence_index(pos)
    start = article.sentence_starts[index]
    return article.sentence_index(latest.start) == index and latest.start == start + 3 \
        and article.norm.startswith("in ", start) and article.norm.startswith(",", latest.end)


def _salient(article: ArticleView, latest: PlaceMention, pos: int, kinds: frozenset[str],
             skip: Callable[[PlaceMention], bool]) -> PlaceMention:
    """Of the cities named in the last three sentences, the one the story is about: named most often
    so far (headline included), the latest on a tie. "Russian forces surround Lysychansk … a week after
    Ukraine left Sievierodonetsk … jets bombed a school there": there is Lysychansk."""
    first = article.sentence_starts[max(0, article.sentence_index(pos) - 3)]
    recent = [p for p in article.event_places
              if first <= p.start and p.end <= pos and p.kind in kinds and not skip(p)]
    if len({p.geonameid or p.name for p in recent}) < 2:
        return latest
    counts: dict[object, int] = {}  # (two per mention: the dateline's half a mention breaks a tie)
    for p in article.event_places:
        if p.end <= pos and p.kind in kinds:
            key = p.geonameid or p.name
            counts[key] = counts.get(key, 0) + 2
    for p in article.tagging.places:
        if p.role == "dateline" and (p.geonameid or p.name) in counts:
            # "MAIDUGURI (Reuters) - … closed in on Maiduguri …, cutting the roads to Baga, Monguno, Dikwa … and Kano.
            # The city of around 2 million people … is now effectively besieged": the story's town
            counts[p.geonameid or p.name] += 1
            break
    best = latest
    for p in reversed(recent):
        if counts[p.geonameid or p.name] > counts[best.geonameid or best.name]:
            best = p
    return best


def _gap_ok(view: SentenceView, gap: CompiledGap, a: int, b: int, mention: PlaceMention, *,
            appositive: bool = False) -> int | None:
    """Word count of the gap [a, b) if the place may be linked across it, else None. With ``appositive``
    (place before the trigger), one parenthetical right after the place is skipped:
    "Kandahar, Afghanistan's second-largest city, is expected to fall". A description of the place that
    ends the gap counts as three words and holds no stop word ("stormed into the central Haitian town of
    Mirebalais" is as near as "stormed into the town of Diapaga"; "the desert city of Timbuktu")."""
    words = view.words_between(a, b)
    if appositive and words[:1] == [","]:
        # "Konna, a town of some 36,000 people on the road to Mopti and the strategic airport at Sevare, fell":
        # a description of the place may run longer than another parenthetical ("Djibo, home to some 300,000
        # people including tens of thousands who fled …, has been under blockade")
        if words[1:2] != ["which"] and (close := _closing_comma(
                words, 26 if words[1:2] in (["a"], ["an"], ["the"]) and not _SETTLEMENT_WORDS.isdisjoint(words[2:7])
                or words[1:3] == ["home", "to"] else 15)) is not None:
            words = words[close:]  # (from the comma that closes it)
        # "the central town of Konna, which was seized by Islamist fighters", "Miranshah and Mir Ali, the two main
        # towns of the Agency, which have been surrounded": the relative clause's subject
        words = words[2:] if words[1:2] == ["which"] else words[1:]
    k = len(words) - 1 - words[::-1].index("including") if "including" in words else -1
    if 3 <= k <= 12 and words[k - 1] == "," and any(w in _SETTLEMENT_PLURALS for w in words[:k - 1]) \
            and not any(w in _AROUND for w in words[:k]) \
            and (k == len(words) - 1 or _description_start(words[k + 1:]) == 0):
        # "liberated five border villages, including Pylna and Borysivka", "captured three provincial
        # capitals, including the strategic city of Kunduz": the listed ones are the places
        return 3 if gap.max_gap >= 3 and gap.only is None and gap.require is None else None
    if 3 <= len(words) <= 8 and words[-1] == "," and words[-2] in _SETTLEMENT_WORDS and "," not in words[:-1]:
        # "broke into Ukraine's second-largest city, Kharkiv", "stormed into the capital, Kabul", "captured
        # Afghanistan's second- and third-largest cities, Kandahar and Herat": a description set off by a comma is
        # read as "the second-largest city of"
        head = words[:-2]
        if "'s" in head:
            head = ["the", *head[head.index("'s") + 1:]]
        head = [w for w in head if w != "-"]  # ("second- and third-largest")
        if head[:1] in (["the"], ["a"], ["an"]):
            words = [*head, _SINGULAR.get(words[-2], words[-2]), "of"]
    qualifier = set((mention.qualifier or "").casefold().split())
    kept: list[str] = []
    for w in words:
        if w in ("'s", "'") or w in qualifier or w in _QUOTES:
            continue  # (a quoted trigger: 'had "liberated" the town of X')
        if w == "." and kept and "." in kept[-1]:
            continue  # the last dot of an abbreviation: "the U.N. safe area of Gorazde"
        if not (w[0].isalnum()) and w != "-":
            return None  # punctuation: the place belongs to another phrase
        kept.append(w)
    if kept[-3:] == ["safe", "area", "of"]:
        kept[-3:] = ["town", "of"]  # "overran the U.N.-declared \"safe area\" of Srebrenica": the enclave is the town
    elif kept[-2:] == ["enclave", "of"] and any("protected" in w or w.startswith("u.n") for w in kept):
        kept[-2:] = ["town", "of"]  # ("the U.N.-protected enclave of Srebrenica")
    # the adjectives of a description are neither stop words nor outside an 'only' list: "a blockade on the
    # desert city of Timbuktu" is checked as "the city of", "the besieged Syrian border town of Kobani" as
    # "town of"
    described = _description_start(kept)
    if described is not None:
        # "the Ukrainian port of Mariupol", "the Red Sea port of Hodeidah": a port described so is the city ("the
        # port of X" may be its docks)
        # ("the villages of A and B" is read as "the village of")
        noun = "city" if kept[-2] == "port" and described < len(kept) - 3 else _SINGULAR.get(kept[-2], kept[-2])
        core, size = [*kept[:described + 1], noun, "of"], described + 3
    elif 2 <= len(kept) <= 5 and kept[-1] == "of" and (kept[-2] in _SETTLEMENT_WORDS or kept[-2] in _QUARTER_WORDS):
        core, size = [_SINGULAR.get(kept[-2], kept[-2]), "of"], 2
    else:
        core, size = kept, len(kept)
    if size > gap.max_gap:
        return None
    joined = " ".join(kept)
    if gap.stop is not None and gap.stop.search(" ".join(core)):
        return None
    if gap.only is not None and any(w not in gap.only for w in core):
        return None
    if gap.require is not None and not gap.require.search(joined):
        return None
    return size


_QUOTES: Final = frozenset({'"', "\u201c", "\u201d", "\u2018", "\u2019", "''", "``"})
_SETTLEMENT_PLURALS: Final = frozenset(
    {"towns", "cities", "villages", "settlements", "hamlets", "localities", "capitals"})
_AROUND: Final = frozenset({"around", "near", "outside", "surrounding", "beyond", "close", "from"})  # towns *around* X
_SETTLEMENT_NOUNS: Final = frozenset({"town", "city", "village", "hamlet", "capital", "settlement", "port"})
_SETTLEMENT_WORDS: Final = _SETTLEMENT_NOUNS | _SETTLEMENT_PLURALS
_SINGULAR: Final = {"towns": "town", "cities": "city", "villages": "village", "settlements": "settlement",
                    "hamlets": "hamlet", "localities": "town", "capitals": "capital", "districts": "district",
                    "neighbourhoods": "neighbourhood", "neighborhoods": "neighborhood", "quarters": "quarter"}
# a city's quarters, which a description may name before the city ("the coastal districts of Zamboanga City"): read
# like "the town of" for the gap's length, and kept as the noun for the pattern's stop words
_QUARTER_WORDS: Final = frozenset({"district", "districts", "neighbourhood", "neighbourhoods", "neighborhood",
                                   "neighborhoods", "quarter", "quarters"})


def _closing_comma(words: list[str], limit: int) -> int | None:
    """Index of the comma that closes a parenthetical opened by ``words[0]``, within ``limit`` words; the comma
    of a number ("some 36,000 people": the words are '36', ',', '000') is none."""
    for i in range(1, min(limit, len(words))):
        if words[i] == "," and not (words[i - 1].isdigit() and i + 1 < len(words) and words[i + 1].isdigit()):
            return i
    return None


def _description_start(words: list[str]) -> int | None:
    """Where a description of the place that ends ``words`` opens ("the central Haitian town of", "the coastal
    districts of"), else None."""
    n = len(words)
    if n >= 3 and words[-1] == "of" and (words[-2] in _SETTLEMENT_WORDS or words[-2] in _QUARTER_WORDS):
        for i in range(n - 3, max(-1, n - 7), -1):
            if words[i] in ("the", "a", "an"):
                return i
    return None


def find_places(article: ArticleView, view: SentenceView, pat: CompiledPattern, t_start: int,
                t_end: int) -> list[PlaceChoice]:
    """The place(s) a trigger is about, by the pattern's place role; coordinated places follow."""
    role = pat.spec.place
    items = _items(article, view, pat, pat.kinds)
    choice = _positional(view, pat, items, t_start, t_end)
    if choice is None and role.nearest:
        choice = _nearest(view, role.scope, items, t_start, t_end, "nearest")
    if choice is None and pat.fallback_kinds:
        # (not a country in a relative clause about someone after the trigger: "the strike killed Ibrahim Biari, who
        # it said was one of the leaders of the Oct. 7 attack on southern Israel")
        fb = [it for it in _items(article, view, pat, pat.fallback_kinds)
              if not it.anaphora and _LOCATIVE.search(article.norm[max(view.start, it.start - 20):it.start])
              and not (it.start > t_end and _WHO_CLAUSE.search(article.norm, t_end, it.start))
              # "after a week of U.S. air strikes", "U.K.-led strikes": the country that strikes, as an adjective
              and not (it.end <= t_start and article.norm[it.end:t_start].strip() in ("", "-led")
                       and article.text[it.start:it.end].replace(".", "") in ("US", "UK"))
              # "as Ankara's operation turned against US-backed Kurdish forces": who backs, not where
              and COUNTRY_ADJECTIVE.match(article.norm, it.end) is None]
        choice = _nearest(view, role.scope, fb, t_start, t_end, "fallback")
        if choice is not None:
            # "in northern Iraq and Syria": the coordinated country counts too
            items = [it for it in _items(article, view, pat, pat.fallback_kinds) if not it.anaphora]
    if choice is None and role.carry and (not view.places or _destinations_only(article, view, pat)
                                          or _only_actor_countries(article, view, role.provinces)):
        choice = _carried(article, view, pat)
    if choice is None:
        return []
    if (owner := _owning_city(article, choice)) is not None:
        # "encircled the northern Abidjan district of Abobo", "took control of Khalidiya, a rebel stronghold in the
        # central city of Homs": the city, as writers label its parts
        choice = owner
    if choice.mention.kind not in _CITY_KINDS and not choice.anaphora:
        choice = _included(article, view, items, choice)
    if role.target_town and not choice.anaphora and (
            choice.mention.kind not in _CITY_KINDS or _PROVINCE_AFTER.match(article.norm[choice.end:choice.end + 30])):
        choice = _target_town(article, items, choice, t_end)  # ("in the Kharkiv region": the province)
    if not choice.anaphora and (choice.mention.kind not in _CITY_KINDS
                                or _VILLAGES_IN_BEFORE.search(article.norm, max(0, choice.start - 60), choice.start)):
        narrowed = _narrowed_next(article, view, pat, choice)
        if narrowed:
            return narrowed
    chosen = [choice]
    if role.coordination and not choice.anaphora:
        chosen += _coordinated(article, items, choice, forward=choice.start >= t_start)
        if choice.via == "nearest" and choice.start >= t_end:
            # "strikes hit the Yemeni capital, Sanaa, and the northern province of Saada": the nearest place
            # by preposition is the last of the list; the ones before it, between it and the trigger, count too
            chosen += [c for c in _coordinated(article, items, choice, forward=False) if c.start >= t_end]
    return chosen


# "pushing towards the town of Vovchansk", "an assault on Bakhmut": a town named as the target
_TARGET_BEFORE: Final = re.compile(
    r"(?<![\w-])(?:(?:towards?|on|against|at|into)\s+(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:(?:town|city|village|port|settlement)\s+of\s+)?"
    # "launched an offensive … in northern Shan state, attacking army positions in the towns
    # of Lashio, Hsenwi and Chinshwehaw"
    # "launched an offensive Saturday to seize Loikaw, the capital of Kayah state"
    r"|to\s+(?:seize|capture|take|retake|recapture|liberate|storm|attack)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+)?(?:towns?|cit(?:y|ies)|villages?|port|capital)\s+of\s+)?"
    # ("pounding the border towns of Ras al-Ain and Tel Abyad", "pounding the regional
    # capital Tskhinvali", "attacking army positions in and around the towns of Lashio")
    r"|(?:attacking|targeting|assaulting|storming|pounding|shelling|bombarding)\s+"
    r"(?:(?:[\w-]+\s+){0,2}?(?:positions|posts|bases|outposts|targets)\s+"
    r"(?:in\s+and\s+around|in|around|near)\s+)?(?:the\s+)?"
    # ("attacking the government-held border town of Kessab")
    r"(?:(?:[\w-]+\s+){0,2}(?:towns?|cit(?:y|ies)|villages?)\s+of\s+|(?:[\w-]+\s+)?capital\s+)?)$")


# ("launched a full-scale invasion of Ukraine, with missile strikes on Kyiv": what the strikes hit is no target of the
# offensive)
_STRIKES_BEFORE: Final = literal_start_regex(
    r"(?<![\w-])(?:strikes?|airstrikes?|raids?|shelling|bombing|bombardment|missiles?|"
    r"rockets?|drones?|attacks?)\s+$")


def _target_town(article: ArticleView, items: list[_Item], choice: PlaceChoice, t_end: int) -> PlaceChoice:
    """A country or province gives way to the first town after the trigger that the sentence names as the
    target (the place role's ``target_town``): "launched a ground offensive in the Kharkiv region, pushing
    across the border towards the town of Vovchansk"."""
    for it in items:
        if it.start >= t_end and it.mention.kind in _CITY_KINDS and not it.anaphora \
                and (m := _TARGET_BEFORE.search(article.norm, max(0, it.start - 60), it.start)) is not None \
                and not _STRIKES_BEFORE.search(article.norm, max(0, m.start() - 20), m.start()):
            return PlaceChoice(it.mention, it.start, it.end, choice.via)
    return choice


# the next sentence goes on about the same event: "Gunmen killed 44 civilians at a mosque in southwest Niger. The
# attack took place in the village of Fambita …"
_SAME_EVENT: Final = re.compile(
    r"(?<![\w-])(?:(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:attacks?|strikes?|raids?|massacre|"
    r"killings|shelling|bombing|assault|ambush)\s+(?:took\s+place|happened|occurred|was\s+carried"
    r"\s+out|were\s+carried\s+out|hit|struck|targeted)"
    # "The assailants attacked the villages of …", "The attacker struck … in Nguetechewe"
    r"|(?:the|these)\s+(?:gunmen|assailants|attackers?|bombers?|militants|raiders)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:attacked|raided|stormed|struck|targeted|hit)"
    # "A fighter jet dropped a bomb on the monastery in Lintalu village"
    r"|(?:a|the)\s+(?:[\w-]+\s+)?(?:jet|warplane|plane|drone|helicopter|aircraft|bomber)\s+"
    r"(?:dropped|fired|struck|hit|bombed))(?![\w-])")
# "killed 100 civilians in attacks on two villages in the Tillaberi region": the villages, which the next sentence
# names, are where it happened; the area only locates them
_VILLAGES_IN_BEFORE: Final = literal_start_regex(
    r"(?<![\w-])(?:villages|hamlets|settlements|communities)\s+(?:in|of|around|near)\s+"
    r"(?:the\s+)?(?:[\w'-]+\s+){0,3}?$")


# "an attack on a village in the central Sagaing region … The village of Pazigyi in Kanbalu township was pounded":
# the next sentence opens on the village the lede left unnamed
_A_SETTLEMENT_IN_BEFORE: Final = literal_start_regex(
    r"(?<![\w-])an?\s+(?:[\w-]+\s+)?(?:village|hamlet|town|settlement)\s+in\s+"
    r"(?:the\s+)?(?:[\w'-]+\s+){0,3}?$")
_THE_SETTLEMENT_OF: Final = re.compile(r"the\s+(?:village|hamlet|town|settlement)\s+of\s")


def _narrowed_next(article: ArticleView, view: SentenceView, pat: CompiledPattern,
                   choice: PlaceChoice) -> list[PlaceChoice]:
    """A country or province the trigger's sentence names gives way to the town the next sentence puts the same
    event in ("… killed 44 civilians in southwest Niger. The attack took place in the village of Fambita") or
    names the village the lede left unnamed ("on a village in the Sagaing region … The village of Pazigyi"), and so
    does any place that only locates villages ("in attacks on two villages in the Tillaberi region. The attacks
    targeted the villages of Tchoma Bangou and Zaroumdareye"): wire writers label the towns, each of a list
    (empty: ``choice`` stands)."""
    kinds = pat.kinds & _CITY_KINDS
    nxt = view.index + 1
    if not kinds or nxt >= len(article.sentence_starts):
        return []
    lo, hi = article.sentence_span(nxt)
    if _SAME_EVENT.search(article.norm, lo, min(hi, lo + 60)) is None \
            and not (_THE_SETTLEMENT_OF.match(article.norm, lo)
                     and _A_SETTLEMENT_IN_BEFORE.search(article.norm, max(0, choice.start - 60), choice.start)):
        return []
    country = choice.mention.country
    items: list[_Item] = []
    places = article.event_places
    for i in range(bisect_left_int(article.place_starts, lo), len(places)):
        p = places[i]
        if p.start >= hi:
            break
        if p.kind in kinds and p.role != "dateline" and (p.country == country or p.geonameid is None) \
                and _usable(article, p, pat.spec.place.provinces):
            items.append(_Item(p.start, p.end, p, False))
    if not items:
        return []
    first = PlaceChoice(items[0].mention, items[0].start, items[0].end, "carried", True)
    return [first, *_coordinated(article, items, first, forward=True)]


_WHO_CLAUSE: Final = re.compile(r",\s+(?:who|whom|whose)\s")


def _only_actor_countries(article: ArticleView, view: SentenceView, provinces: bool) -> bool:
    """Whether the sentence names only countries, none of them as a place ("U.S. fighter-bombers struck positions on
    the western wall": whose planes, not where they struck)."""
    return all(p.kind in _COARSE_KINDS and not _usable(article, p, provinces) for p in view.places)


def _destinations_only(article: ArticleView, view: SentenceView, pat: CompiledPattern) -> bool:
    """Whether every place the sentence names is one the pattern's ``exclude_before`` rules out ("… while
    thousands have fled to the neighbouring towns of Iligan and Balo-i"): the sentence is then as placeless
    as one that names none."""
    excludes = pat.place_exclude_before
    if excludes is None:
        return False
    last_end = -1
    for p in view.places:
        if not _excluded_before(article.norm, excludes, p.start, last_end):
            return False
        last_end = p.end
    return True


def _excluded_before(norm: str, excludes: re.Pattern[str], start: int, excluded_end: int) -> bool:
    """Whether the words right before ``start`` rule the place out (a pattern's ``exclude_before``: "fled
    towards Tawila"), or it is coordinated with the place ruled out before it, which ends at ``excluded_end``
    (-1: none): "fleeing toward Dikwa and Maiduguri"."""
    if excludes.search(norm, max(0, start - 60), start) is not None \
            or (excluded_end >= 0 and _COORD.match(norm[excluded_end:start]) is not None):
        return True
    # "fled the city toward the coastal provinces of Tartus and Latakia": the words before the area's noun
    m = _AREA_NOUN_OF_BEFORE.search(norm, max(0, start - 50), start)
    return m is not None and excludes.search(norm, max(0, m.start() - 60), m.start()) is not None


# ("the coastal provinces of ": an area's noun between where people head and the place; unlike _AREA_OF_BEFORE,
# which says a province locates a named area)
_AREA_NOUN_OF_BEFORE: Final = literal_start_regex(
    r"(?<![\w-])the\s+(?:[a-z-]+\s+){0,2}?(?:provinces?|regions?|cities|towns|villages|"
    # ("fled Homs toward the coastal strongholds of Latakia and Tartus")
    r"areas?|districts?|states?|governorates?|strongholds|ports)\s+of\s+$")


# "missiles at nine sites in Pakistan and Kashmir, including targets in Muzaffarabad and Bahawalpur"
_INCLUDING: Final = re.compile(r",\s+including\s+(?:(?:[a-z-]+\s+){0,3}?(?:in|at|on|near)\s+)?(?:the\s+)?"
                               r"(?:(?:[a-z-]+\s+)?(?:cit(?:y|ies)|towns?|villages?)\s+of\s+)?")


def _included(article: ArticleView, view: SentenceView, items: list[_Item], choice: PlaceChoice) -> PlaceChoice:
    """A country or region that the sentence narrows down with "including (targets in) X" gives way to
    the towns it lists."""
    m = _INCLUDING.search(article.norm, choice.end, view.end)
    if m is None:
        return choice
    for it in items:
        if it.start == m.end() and it.mention.kind in _CITY_KINDS and not it.anaphora:
            return PlaceChoice(it.mention, it.start, it.end, choice.via)
    return choice


# "insurgents stormed into the town of Macomia": where fighters went is where people then flee from (a place the
# pattern excludes as a destination — "into" — is still carried to a later sentence)
_FORCES_INTO_BEFORE: Final = re.compile(
    r"(?:stormed|pushed|broke|swept|rolled|advanced|moved|poured|burst|"
    r"fought\s+their\s+way)\s+(?:deep\s+)?into\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?$")


def _carried(article: ArticleView, view: SentenceView, pat: CompiledPattern) -> PlaceChoice | None:
    """A sentence that names no place at all ("Russian air strikes supported the final assault") is
    about the place the previous sentence named, else the one the headline names."""
    kinds = pat.kinds & _CITY_KINDS
    if not kinds:
        return None
    excludes = pat.place_exclude_before
    # (nor a place this sentence names where the pattern rules it out: "Tens of thousands fled on foot towards El
    # Fasher" is no exodus from El Fasher, named a sentence before)
    here_excluded = {q.geonameid or q.name for q in view.places
                     if _excluded_before(article.norm, excludes, q.start, -1)} if excludes is not None else set()

    def skip(m: PlaceMention) -> bool:
        # (nor a place the pattern rules out where it stands: "We will now go to Kinshasa." is no place people
        # flee from in the next sentence)
        return not _usable(article, m, pat.spec.place.provinces) or (m.geonameid or m.name) in here_excluded \
            or (excludes is not None and _excluded_before(article.norm, excludes, m.start, -1)
                and _FORCES_INTO_BEFORE.search(article.norm, max(0, m.start - 60), m.start) is None) \
            or _names_a_facility(article.norm, m)  # "near the Bangolo bridge"

    # sentences in a row that name no place are all about the one named before them
    run = article.placeless_run(view.index)
    p = article.places_before(view.start, sentences_back=run + 1, kinds=kinds, skip=skip)
    j = view.index - 1
    while p is None and j >= 0 and j >= view.index - run - 1:
        # a sentence before said "the city" (the latest that did): it stands for the city named before it
        prev = article.tagging.sentences[j]
        m = _ANAPHOR.search(article.norm, prev.start, prev.start + len(prev.text))
        if m is not None and m.group().startswith(("the", "its")):
            p = _antecedent(article, m.group(), m.start(), kinds & frozenset({"city", "district"}))
            break
        j -= 1
    if p is None:
        heads = {(m.geonameid, m.name) for m in article.event_places if m.role == "headline" and m.kind in kinds}
        if len(heads) != 1:
            return None
        p = next(m for m in article.event_places if m.role == "headline" and m.kind in kinds)
    return PlaceChoice(p, p.start, p.end, "carried", True)


def _after_place(items: list[_Item], pos: int) -> bool:
    """Whether a place mention ends right at ``pos`` (the space before "and")."""
    return any(it.end == pos and not it.anaphora for it in items)


def _positional(view: SentenceView, pat: CompiledPattern, items: list[_Item], t_start: int,
                t_end: int) -> PlaceChoice | None:
    role = pat.spec.place
    if role.inside:
        for it in items:
            if t_start <= it.start and it.end <= t_end:
                return PlaceChoice(it.mention, it.start, it.end, "inside", it.anaphora)
    best: tuple[int, int, PlaceChoice] | None = None
    if pat.after is not None:
        for it in items:
            if it.start < t_end:
                continue
            n = _gap_ok(view, pat.after, t_end, it.start, it.mention)
            if n is not None:
                best = (n, 0, PlaceChoice(it.mention, it.start, it.end, "after", it.anaphora))
                break
            if len(view.words_between(t_end, it.start)) > pat.after.max_gap + 4:
                break
    if pat.before is not None:
        for it in reversed(items):
            if it.end > t_start:
                continue
            rel = it.start - view.start
            m = _NOT_SUBJECT.search(view.norm[max(0, rel - 30):rel])
            if m is not None and view.norm.startswith(", which ", it.end - view.start):
                m = None  # "trapped inside the city, which has been besieged since May": the clause's subject
            if m is not None and not (m.group("conj") and (
                    _after_place(items, it.start - len(m.group()))
                    or _TIME_BEFORE_AND.search(view.norm, max(0, rel - len(m.group()) - 12), rel - len(m.group())))):
                # "samples from ducks in Pennsylvania were taken": the place is not the subject; but in
                # "the capitals of Sar-e-Pul and Taloqan had fallen" both places are, and so is the subject of a
                # new clause after a time ("seized buildings across the capital on Sunday and Sanaa effectively fell")
                continue
            n = _gap_ok(view, pat.before, it.end, t_start, it.mention, appositive=True)
            if n is not None:
                if best is None or n < best[0]:
                    best = (n, 1, PlaceChoice(it.mention, it.start, it.end, "before", it.anaphora))
                break
            if len(view.words_between(it.end, t_start)) > pat.before.max_gap + 16:
                break
    return best[2] if best else None


_ING: Final = re.compile(r"[a-z]+ing\b")
_PARTICIPLE: Final = re.compile(r"[a-z]+(?:ed|en)\b|(?:cut|hit|struck|overrun|shut)\b")


# the words between a town and the place that locates it: " in northern ", ", near the town of ",
# ", 30 km (19 miles) south of "
_SETTLEMENT_OF: Final = r"(?:(?:[\w-]+\s+){0,2}?(?:town|city|village|capital|port)\s+(?:of\s+)?)?"
_LOCATES: Final = re.compile(
    # ("the village of Sidi Hosni in the western province of Tiaret")
    r",?\s+in\s+(?:the\s+)?" + COMPASS + r"(?:(?:province|region|district|state|governorate)\s+of\s+)?"
    + r"|,?\s+(?:just\s+)?(?:near|outside|close\s+to)\s+(?:the\s+)?" + _SETTLEMENT_OF
    + r"|,\s+(?:about\s+|some\s+|just\s+)?(?:[\d.]+\s*(?:km|kilometres|kilometers|miles)\s+(?:\([^)]*\)\s+)?)?"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of\s+(?:the\s+)?"
    + _SETTLEMENT_OF)


def _nearest(view: SentenceView, scope: str, items: list[_Item], t_start: int, t_end: int,
             via: Via) -> PlaceChoice | None:
    if not items:
        return None  # (nothing to weigh: no pool, no coarse place; and no segments to build for it)
    seg = view.segment_of(t_start)
    lo, hi = seg if scope == "segment" else (view.start, view.end)

    norm = view.norm
    # "Israeli airstrikes pounded Khan Younis overnight, killing at least 31 people": a participle clause
    # after a comma is about the clause before it
    head = (0, 0)
    if not norm[seg[0] - view.start:t_start - view.start].strip():
        before = norm[:seg[0] - view.start].rstrip()
        if before.endswith(",") and _ING.match(norm, t_start - view.start) is not None:
            head = view.segment_of(view.start + len(before) - 1, hard=True)

    # "encircled Jabalia in northern Gaza": a place that only says where the town before it lies is not
    # the one the trigger is about
    located = {b.start: a.start for a, b in zip(items, items[1:], strict=False)
               if a.mention.kind in _CITY_KINDS and not a.anaphora and a.end <= b.start
               and _LOCATES.fullmatch(norm, a.end - view.start, b.start - view.start) is not None}
    locators = located.keys()
    # ("a village, near the town of Mocha, killing 131 people": the head clause is the village's)
    for b_start, a_start in located.items():
        if head[0] <= b_start < head[1] and a_start < head[0]:
            head = (view.segment_of(a_start, hard=True)[0], head[1])

    # (the start of "where" when the trigger's clause is one it opens)
    where_at = -1
    if "where " in norm:
        clause_at = view.segment_of(t_start, hard=True)[0] - view.start
        while clause_at < len(norm) and norm[clause_at] == " ":
            clause_at += 1
        if norm.startswith("where ", clause_at):
            where_at = clause_at

    def distance(it: _Item) -> tuple[int, int, int, int, int]:
        same_seg = seg[0] <= it.start < seg[1]
        in_head = head[0] <= it.start < head[1]
        inside = t_start <= it.start < t_end
        d = 0 if inside else (it.start - t_end if it.start >= t_end else t_start - it.end)
        rel = it.start - view.start
        # "El Fasher, encircled by the RSF": a participle set off by a comma is about the name before it
        apposed = it.end <= t_start and norm[it.end - view.start:t_start - view.start].strip() == "," \
            and _PARTICIPLE.match(norm, t_start - view.start) is not None
        # "rockets at rebel positions in neighbouring Santa Barbara, where gunmen were holding about 180 hostages as
        # human shields": a clause opened by "where" is about the place right before it
        # (a town: "Muzaffarabad, the main city in Pakistan-administered Kashmir, where …" is about Muzaffarabad)
        same_seg = same_seg or apposed or (where_at >= 0 and it.mention.kind in _CITY_KINDS
                                           and norm[it.end - view.start:where_at].strip() == ",")
        # (the trigger's object is as good as a place after "in", and an anaphor there as good as a name:
        # "surrounded the city and cut the highway to Kabul")
        direct = 0 <= it.start - t_end <= 1
        locative = inside or apposed or direct or bool(_LOCATIVE.search(norm[max(0, rel - 40):rel]))
        # (an anaphor in the head clause is no better than the name it stands for: "besieged Kadugli, the
        # largest city in South Kordofan, trapping thousands")
        weak = it.anaphora and not direct
        return (0 if same_seg or inside else 1 if in_head and not it.anaphora else 2, int(weak),
                int(it.start in locators), 0 if locative else 1, d)

    # a country or region is coarse: only when it stands in the trigger's own segment ("a ceasefire in
    # Syria"), not in some other clause ("operations across the Middle East, said the air strike...")
    pool = [it for it in items if lo <= it.start < hi
            and (it.mention.kind not in _COARSE_KINDS or seg[0] <= it.start < seg[1])]
    if not pool:
        # ... unless it is the only place the sentence is about: "jets struck targets across southern
        # Lebanon, the ministry said, adding that 12 civilians had been killed"
        coarse = [it for it in items if lo <= it.start < hi and not it.anaphora]
        if len({(it.mention.geonameid, it.mention.name) for it in coarse}) != 1:
            return None
        pool = coarse[:1]
    it = min(pool, key=distance)
    return PlaceChoice(it.mention, it.start, it.end, via, it.anaphora)


# "the northern Abidjan district of Abobo": a quarter named after the city it belongs to
# (not "the Damascus suburb of Darayya": a suburb is a town of its own)
_QUARTER_OF_BEFORE: Final = re.compile(r"\s+(?:district|neighbou?rhood|quarter)\s+of\s+$")


# "Khalidiya, a rebel stronghold in the central city of Homs", "Tawahi, a port district of Aden": a quarter set in
# apposition as part of the city named after it
_QUARTER_IN_AFTER: Final = re.compile(
    # ("Yopougon, the last stronghold of pro-Gbagbo militiamen in Abidjan")
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:district|neighbou?rhood|quarter|stronghold)\s+"
    r"(?:of\s+(?:[\w-]+\s+){1,3}?in\s+|in\s+|of\s+)"
    r"(?:the\s+(?:[\w-]+\s+){0,2}?(?:city|capital)\s+(?:of\s+)?)?")


_QUARTER_NEEDLES: Final = ("district", "neighbo", "quarter", "stronghold")


def _quarter_owner(article: ArticleView, p: PlaceMention) -> PlaceMention | None:
    """The city a mention is named part of, right there: "the Abidjan district of Abobo", "Khalidiya, a rebel
    stronghold in the central city of Homs"."""
    m = _QUARTER_OF_BEFORE.search(article.norm, max(0, p.start - 30), p.start)
    if m is not None:
        owner = _place_ending_at(article, m.start())
        # (the city the story is filed from: "the Sadr City district of Baghdad" names the city last, and Sadr City
        # is no dateline)
        key = (owner.geonameid or owner.name) if owner is not None else None
        if key is not None and not any(q.role == "dateline" and (q.geonameid or q.name) == key for q in article.places):
            return None
    elif (m := _QUARTER_IN_AFTER.match(article.norm, p.end)) is not None:
        owner = _place_starting_at(article, m.end())
        if owner is not None and _PROVINCE_AFTER.match(article.norm[owner.end:owner.end + 30]) is not None:
            return None  # "Lysychansk, the last Ukrainian stronghold in Luhansk province": a province's town
    else:
        return None
    return owner if owner is not None and owner.kind == "city" and owner.name != p.name else None


def _owning_city(article: ArticleView, choice: PlaceChoice) -> PlaceChoice | None:
    """The city the chosen place is named part of anywhere in the story (then "Yopougon is liberated" is about
    Abidjan too), else None; found once per article."""
    owners = article.filter_cache.get(("quarter-owners",))
    if owners is None:
        found: dict[object, PlaceMention] = {}
        if any(w in article.norm for w in _QUARTER_NEEDLES):
            for p in article.event_places:
                if (owner := _quarter_owner(article, p)) is not None:
                    found.setdefault(p.geonameid or p.name, owner)
        owners = article.filter_cache[("quarter-owners",)] = found
    assert isinstance(owners, dict)
    owner = owners.get(choice.mention.geonameid or choice.mention.name) if owners else None
    # (the city stands where the quarter, or the anaphor carried for it, does)
    return PlaceChoice(owner, choice.start, choice.end, choice.via, choice.anaphora) if owner is not None else None


def _coordinated(article: ArticleView, items: list[_Item], choice: PlaceChoice, *, forward: bool) -> list[PlaceChoice]:
    out: list[PlaceChoice] = []
    real = [it for it in items if not it.anaphora]
    idx = next((i for i, it in enumerate(real) if it.start == choice.start), None)
    if idx is None:
        return out
    step = 1 if forward else -1
    cur = real[idx]
    j = idx + step
    while 0 <= j < len(real):
        nxt = real[j]
        between = article.norm[cur.end:nxt.start] if forward else article.norm[nxt.end:cur.start]
        if not _COORD.match(between):
            break
        first, second = (cur, nxt) if forward else (nxt, cur)
        if between.strip() == "," and first.mention.kind in _CITY_KINDS and second.mention.kind in _LOCATING_KINDS:
            break  # "in Kosti, White Nile state": the state says where the town is
        if nxt.mention.geonameid != choice.mention.geonameid or nxt.mention.name != choice.mention.name:
            out.append(PlaceChoice(nxt.mention, nxt.start, nxt.end, choice.via))
        cur = nxt
        j += step
    return out
