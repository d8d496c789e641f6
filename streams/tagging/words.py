"""English word lists used by the place filters: common words, titles, place-type words.

Called by the gazetteer builder (to flag names that are also English words) and by
``streams.tagging.places`` (to reject "Mobile phone", "Mr. Henry", "Department of Justice").
The English lexicon is lemminflect's (nouns, verbs, adjectives, adverbs); function words, months and
weekdays are listed here because lemminflect does not cover them.
"""

from __future__ import annotations

from functools import lru_cache

FUNCTION_WORDS = frozenset(
    """a about above across after against ago all along also although am among an and another any are
    around as at away back be because been before behind being below beneath beside besides between beyond
    both but by can could did do does down during each either else even ever every few for from further
    had has have he her here hers him his how however i if in inside into is it its just least less like
    many may me might more most much must my near neither never next no nor not now of off on once one
    only onto or other our ours out outside over own per please rather same shall she should since so
    some still such than that the their theirs them then there these they this those though through thus
    till to too toward towards under unless until up upon us very via was we well were what when where
    whether which while who whom whose why will with within without would yet you your yours""".split()
)
MONTHS_DAYS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov
    dec christmas easter ramadan""".split()
)
# Never places on their own, whatever the gazetteer says (first names, weekdays, frequent headline words, the
# language of "English-speaking regions").
BLOCKED = MONTHS_DAYS | FUNCTION_WORDS | frozenset(
    """said says god man mary john paul james george david michael mark luke peter jack
    university college school church police county city state district region province street road
    north south east west northern southern eastern western central new old
    arab arabs kurd kurds kurdish jew jews jewish christian christians muslim muslims sunni sunnis shia
    shiite shiites druze alawite alawites yazidi yazidis turkmen bedouin latino hispanic
    jesus christ allah toyota honda olympic olympics xinhua english""".split()
)
# A capitalised word right before a name that makes the name a person ("Mr. Henry", "President Lincoln").
PERSON_TITLES = frozenset(
    """mr mrs ms miss dr prof sir lady lord gen general lt col colonel maj major capt captain sgt sergeant
    cpl pvt adm admiral gov governor sen senator rep representative rev reverend president minister
    secretary chancellor king queen prince princess pope saint officer deputy sheriff judge justice
    coach mayor spokesman spokeswoman chief commander detective trooper attorney director""".split()
)
# Words after a name that make the whole phrase a place of its own or part of an organisation:
# "Raqqa Governorate" (still Raqqa), "Kansas City Chiefs" (not Kansas City).
PLACE_TYPE_WORDS = frozenset(
    """county parish city province governorate state district region township borough village town""".split()
)
# Capitalised words after a place name that make an organisation named *after* the place, in which the
# place still counts as a toponym ("Fargo Mayor", "Alexandria Police", "Cottonport Fire Station").
ORG_WORDS = frozenset(
    """police mayor council county city state school schools high university college fire department
    sheriff sheriff's commonwealth country public community hospital airport chamber board commission
    commissioner office library church club zoo museum symphony orchestra area region regional metro
    municipal district court jail prison police's fire's port harbor harbour bridge station center centre
    convention park parks library's city's county's state's government governor legislature assembly
    senate house army navy times post herald tribune journal gazette news daily press international
    metropolitan national memorial volunteer first market president environmental services policemen
    performing arts development selectman superintendent economic health medical transit water utilities
    housing planning recreation elementary middle junior senior christian baptist methodist catholic
    lutheran presbyterian industrial business downtown marathon festival fair visitors tourism ballet
    opera theatre theater terminal courier observer chronicle perimeter council's manager office's
    officials officers deputies residents schools' public's chamber's association foundation education
    radio television""".split()
)
# AP-style US state abbreviations used in "Mobile, Ala." — context only, never emitted as places.
US_STATE_ABBREVIATIONS = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT", "Del.": "DE",
    "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Kans.": "KS", "Ky.": "KY",
    "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO",
    "Mont.": "MT", "Neb.": "NE", "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY",
    "N.C.": "NC", "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC",
    "S.D.": "SD", "Tenn.": "TN", "Tex.": "TX", "Va.": "VA", "Vt.": "VT", "Wash.": "WA", "Wis.": "WI",
    "W.Va.": "WV", "Wyo.": "WY", "D.C.": "DC",
}


@lru_cache(maxsize=65536)
def is_common_word(folded: str) -> bool:
    """True when a single folded word is an English word ("nice", "reading", "of")."""
    if folded in FUNCTION_WORDS or folded in MONTHS_DAYS:
        return True
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(folded))
