"""Rounds 36-38 of issue 4: what the tuning batches showed, as sentences written for these tests. Round 36: holdout138
(the Vietnam War, 1968-75), 140 (Ethiopia's Tigray war, 2020-22) and 142 (Marawi and the Mindanao insurgencies).
Round 37: holdout144 (the Eritrean-Ethiopian border war), 146 (Cambodia, 1970-75) and 148 (Cameroon). Round 38:
holdout150 (the Allied campaigns in Europe, 1944-45), 154 (Mexico's cartel wars) and, last, 152 (Nepal's Maoist
insurgency). Each case failed
before the change it covers (checked against the rules and code of 7ab51b5), except the ones that guard against
overreach ("stormed-an-airport", "battle-over-in-weeks", "this-town-council", "garrison-refused",
"rebels-surrendered-weapons", "sales-drive", "planes-bombed-positions", "fans-fled-a-stadium",
"party-headquarters")."""

from __future__ import annotations

import pytest

from streams.milestones import Detector
from streams.tagging import Tagger

CASES_R36: list[tuple[str, str, list[tuple[str, str]]]] = [
    # "the <region> regional capital <city>": the city, not the region
    ("regional-capital-then-name", "Ethiopian jets struck the Tigray regional capital Mekelle on Monday, residents "
     "said.", [("airstrike", "Mek'ele")]),
    # storming into a city's quarters is breaking into the city ...
    ("stormed-into-districts", "Hundreds of rebels stormed into the coastal districts of Zamboanga City on Monday.",
     [("city-breach", "Zamboanga")]),
    # ... storming its airport is not
    ("stormed-an-airport", "Rebels stormed the airport of Zamboanga City on Monday.", []),
    # "on <X> island" only says where the town lies
    ("town-on-an-island", "Gunmen seized a hospital in the town of Lamitan on Basilan island on Saturday, where "
     "troops quickly surrounded them.", [("siege", "Lamitan")]),
    # a short quotation inside the clause does not cut the word window
    ("quoted-matter-of-days", "Troops have surrounded the last few dozen fighters in Marawi, the army said, "
     "predicting the battle would be over \"in a matter of days\".",
     [("imminent-fall", "Marawi City"), ("siege", "Marawi City")]),
    ("battle-over-in-weeks", "Troops have surrounded the last fighters in Marawi and said the battle would be over in "
     "weeks.", [("siege", "Marawi City")]),
    # "the X and Y areas" are quarters of the story's city, not a village of the same name
    ("named-areas-of-the-city", "MARAWI, Philippines (AFP) - Philippine jets bombed the city again on Sunday. Bodies "
     "were found in the Marinaut and Basak Malutlut areas, where residents were trapped.",
     [("airstrike", "Marawi City")]),
    # a numbered road is no event place; the town the story is about is
    ("road-is-no-place", "HUE (Reuters) - Hue was all but cut off on Sunday after troops severed Highway 1 south of "
     "the city, and officers said the old imperial capital was expected to fall within days.",
     [("imminent-fall", "Huế"), ("siege", "Huế")]),
    # "<name> city": the town, where the name is a province too
    ("name-city-is-the-town", "Quang Tri city fell to North Vietnamese forces on Monday.",
     [("city-captured", "thị xã Quảng Trị")]),
    # a city's citadel is the city
    ("citadel-is-the-city", "DA NANG - North Vietnamese troops stormed through the gates of Hue's ancient Citadel in a "
     "predawn assault.", [("city-breach", "Huế")]),
    # "the Tigrayan capital Mekelle": the name itself follows the anaphor
    ("capital-then-name", "ADDIS ABABA (Reuters) - Thousands gathered in Addis Ababa's Meskel Square on Sunday. "
     "Federal troops captured the Tigrayan capital Mekelle on Saturday, the army said.",
     [("city-captured", "Mek'ele")]),
    # a push to clear militants from a city is its offensive, not its capture
    ("push-to-clear-from", "MARAWI (Reuters) - Helicopters fired rockets on Saturday as troops began a push to clear "
     "militants from the city.", [("offensive-launched", "Marawi City")]),
    # "at the start of the battle for X" dates something else; "began the battle for X" is the offensive
    ("at-the-start-of", "MANILA (Reuters) - Troops rescued a priest seized at the start of the four-month battle for "
     "Marawi, the military said.", []),
    # "the Moscow communique" is whose statement, not a town "the city" could stand for
    ("communique-is-no-antecedent", "STOCKHOLM (Reuters) - Soviet troops pressed their assault on Breslau, according "
     "to the Moscow communique. Soviet troops had broken into the southern districts of the city on Monday.",
     [("city-breach", "Wrocław")]),
    # a sentence that names no town but a country the planes come from is about the town named before it ...
    ("carried-past-actor-country", "QUANG TRI (Reuters) - South Vietnamese marines recaptured Quang Tri on Saturday. "
     "U.S. fighter-bombers struck positions on the western wall on Friday.",
     [("airstrike", "thị xã Quảng Trị"), ("city-captured", "thị xã Quảng Trị")]),
    # ... and so is one after a sentence naming only such a country
    ("carried-over-actor-country", "QUANG TRI (Reuters) - South Vietnamese marines recaptured Quang Tri on Saturday. "
     "U.S. Marines were mopping up along the eastern wall. Navy jets bombed positions along the southern wall on "
     "Thursday.", [("airstrike", "thị xã Quảng Trị"), ("city-captured", "thị xã Quảng Trị")]),
    # armed groups of older wars are the war's context
    ("fell-to-the-khmer-rouge", "Kampot fell to the Khmer Rouge on Tuesday, refugees said.",
     [("city-captured", "Kampot")]),
]

CASES_R37: list[tuple[str, str, list[tuple[str, str]]]] = [
    # the wires' "this town" is the dateline's
    ("this-rubber-town", "SNUOL, Cambodia (Reuters) - American troops seized this rubber plantation town on Tuesday.",
     [("city-captured", "Snuol")]),
    ("this-highland-town", "KEREN, Eritrea (AFP) - Ethiopian jets bombed this highland town on Friday.",
     [("airstrike", "Keren")]),
    # ... also when the gazetteer does not know the dateline's town
    ("this-unknown-town", "NEAK LUONG, Cambodia (Reuters) - A B-52 bomber dropped its bombs on this Mekong town by "
     "mistake on Monday, killing at least 137 civilians.",
     [("airstrike", "Neak Luong"), ("civilians-at-risk", "Neak Luong")]),
    ("this-town-council", "KEREN, Eritrea (AFP) - The council of this town said on Friday that jets had been heard.",
     []),
    # a story's first sentence reaches the next for the war that makes a flight an exodus ...
    ("lede-then-war", "NHA TRANG (UPI) - Tens of thousands of civilians fled Pleiku this week in a vast exodus. "
     "Refugees said their column had been shelled by North Vietnamese troops.", [("civilians-at-risk", "Pleiku")]),
    # ... and a stadium's crowd is no war's
    # where the talks sit is no truce's place, however the meeting is told
    ("met-with-mediators-in", "Negotiators met separately with Algerian mediators in Algiers, where diplomats say a "
     "truce agreement took effect on Sunday.", []),
    ("initialed-in", "An agreement to end the war had been initialed in Paris, with a ceasefire taking effect in "
     "Vietnam on Saturday.", [("ceasefire", "Vietnam")]),
    # a town whose garrison gave up changed hands (across a description of it set off by commas) ...
    ("garrison-surrendered", "BANGKOK (AFP) - The government garrison of Battambang, Cambodia's second largest city, "
     "has surrendered to the Khmer Rouge, refugees said.", [("city-captured", "Battambang")]),
    # ... as did a town that surrendered, across a description of it
    ("town-surrendered", "AACHEN (Reuters) - Aachen, the first major German city to fall to the Allies, surrendered on "
     "Saturday after a week of street fighting.", [("city-captured", "Aachen")]),
    # ... not one whose garrison would not, nor one where fighters handed in their weapons
    ("garrison-refused", "The garrison of Battambang refused to surrender.", []),
    ("rebels-surrendered-weapons", "Rebels in Kampot surrendered their weapons on Tuesday.", []),
    ("drive-against", "TAKHMAU, Cambodia (UPI) - Khmer Rouge insurgents opened a new drive against Phnom Penh "
     "overnight, attacking government positions.", [("offensive-launched", "Phnom Penh")]),
    ("sales-drive", "The company launched a sales drive on Monday in Phnom Penh.", []),
    # an airdrop is no air strike
    ("planes-dropped-supplies", "TAKEO (AFP) - Khmer Rouge forces shelled the town, and air force planes dropped "
     "supplies to the garrison this morning.", []),
    ("planes-bombed-positions", "TAKEO (AFP) - Khmer Rouge forces shelled the town, and air force planes bombed their "
     "positions this morning.", [("airstrike", "Takeo")]),
    # a town the gazetteer lacks, named "at <X> in <a province>"
    ("at-a-town-in-a-region", "NAIROBI (Reuters) - State media said the air force had struck a TPLF training centre "
     "at Agbe in central Tigray on Monday.", [("airstrike", "Agbe")]),
    ("fans-fled-a-stadium", "PLEIKU - Thousands of fans fled the stadium in Pleiku on Sunday. The match was abandoned "
     "after a brawl.", []),
]

CASES_R38: list[tuple[str, str, list[tuple[str, str]]]] = [
    # armed civilians storming a town break into it, and a cartel's gunbattle is a war's context
    ("vigilantes-stormed-into", "NUEVA ITALIA, Mexico (Reuters) - Hundreds of vigilantes stormed into Nueva Italia on "
     "Sunday after a two-hour gunbattle with the Knights Templar cartel.", [("city-breach", "Nueva Italia de Ruiz")]),
    ("cartel-gunbattles", "CULIACAN (AP) - Gunbattles between rival factions of the Sinaloa cartel shook Culiacan for "
     "a second day, leaving residents trapped in their homes.", [("civilians-at-risk", "Culiacán")]),
    # a district's headquarters is a town, whatever the gazetteer knows of it (holdout152, Nepal)
    ("district-headquarters", "KATHMANDU (Reuters) - Maoist rebels overran Mangalsen, the headquarters of Nepal's "
     "far-western Achham district, in a night-long battle.", [("city-captured", "Mangalsen")]),
    ("party-headquarters", "KATHMANDU (Reuters) - Police raided the headquarters of the Maoist party in Kathmandu.",
     []),
]

ALL_CASES = CASES_R36 + CASES_R37 + CASES_R38


@pytest.mark.parametrize(("family", "text", "expected"), ALL_CASES, ids=[c[0] for c in ALL_CASES])
def test_event_places(tagger: Tagger, detector: Detector, family: str, text: str,
                      expected: list[tuple[str, str]]) -> None:
    events = detector.detect(tagger.tag(text), article_id="t")
    assert sorted((e.milestone, e.place) for e in events) == sorted(expected)
