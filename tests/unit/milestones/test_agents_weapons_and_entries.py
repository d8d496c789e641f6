"""Round 6 of issue 4: who kills whom, weapons fire versus a blaze, and forces that push into one side
of a town. Each family has sentences that must fire and sentences that must not; all are written for
these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from streams.milestones import Detector
from streams.tagging import Tagger

Found = list[tuple[str, str, str]]

CASES: list[tuple[str, str, Found]] = [
    # the killers named before the verb, with a phrase between them, are not the victims
    ("killers-with-phrase", "Gunmen on motorcycles killed 23 villagers in Kidal on Thursday, officials said.",
     [("civilians-at-risk", "Kidal", "confirmed")]),
    ("killers-adjacent", "Militants killed 30 farmers near Kidal on Thursday, officials said.",
     [("civilians-at-risk", "Kidal", "confirmed")]),
    ("victims-passive", "Thirty soldiers and gunmen were killed in Kidal on Thursday, officials said.", []),
    ("victims-counted", "Clashes in Kidal killed 25 fighters on Thursday, officials said.", []),
    # weapons fire kills civilians; a blaze does not make a war
    ("artillery-fire", "Artillery fire killed 14 civilians in Kharkiv overnight, officials said.",
     [("civilians-at-risk", "Kharkiv", "confirmed")]),
    ("mortar-fire", "Mortar fire killed 11 civilians in Kharkiv on Sunday, officials said.",
     [("civilians-at-risk", "Kharkiv", "confirmed")]),
    ("house-fire", "A fire killed 14 people in a market in Kano on Sunday after fighting nearby, "
     "officials said.", []),
    # pushing into one side of a town is entering the town; "parts of the city" alone stays unclear
    ("northern-part", "Russian assault groups have pushed into the northern part of Vovchansk, "
     "Ukraine's military said.", [("city-breach", "Vovchansk", "confirmed")]),
    ("eastern-districts", "Government troops have entered the eastern districts of Wad Madani, "
     "residents said.", [("city-breach", "Wad Madani", "confirmed")]),
    ("bare-parts", "Fighters have entered parts of Wad Madani, residents said.", []),
    ("outskirts", "Government troops have pushed into the northern outskirts of Wad Madani, residents said.",
     []),
    # sentences in a row that name no place (up to three: a quote of two sentences and an attribution) are about
    # the place named before them
    ("placeless-run", "Islamic State fighters are making a last stand in Mosul. Fewer than 300 are left. "
     "Many wear suicide vests. Food is scarce. Thousands of civilians are trapped in the area by the militants, "
     "aid agencies said.",
     [("civilians-at-risk", "Mosul", "confirmed"), ("imminent-fall", "Mosul", "confirmed")]),
    ("placeless-run-too-long", "Islamic State fighters are making a last stand in Mosul. Fewer than 300 are "
     "left. Many wear suicide vests. Food is scarce. Water is running out. Thousands of civilians are trapped in "
     "the area by the militants, aid agencies said.",
     [("imminent-fall", "Mosul", "confirmed")]),
    # a described town is as near as "the town of X"
    ("described-town", "Gang members stormed into the central Haitian town of Mirebalais after hours of "
     "clashes with police, officials said.", [("city-breach", "Mirebalais", "confirmed")]),
    ("described-too-far", "Gang members stormed into a hall on the road to the central Haitian town of "
     "Mirebalais after hours of clashes with police, officials said.", []),
    # a region of a country that only locates the struck plant adds no country-level event
    ("country-locating", "Drones struck an oil refinery in Ryazan on Saturday, officials said; the plant is "
     "one of the biggest refineries in central Russia.", [("airstrike", "Ryazan", "confirmed")]),
    # "the city" in the first sentence, with no city named before it, is the dateline's city
    ("dateline-antecedent", "EL FASHER, Sudan (AP) - Rapid Support Forces fighters broke into the besieged "
     "city on Sunday, residents said.",
     [("city-breach", "the besieged city", "confirmed"), ("siege", "the besieged city", "confirmed")]),
    ("dateline-apposition", "NAIROBI (Reuters) - Federal troops have surrounded the Tigrayan capital Mekelle "
     "with tanks, a spokesman said.", [("siege", "Mekelle", "claimed")]),
    # people displaced long ago whom a town hosts are no exodus now
    ("hosts-displaced", "Monguno, which hosts tens of thousands of people displaced by the insurgency, was "
     "attacked by jihadists on Monday, residents said.", []),
    ("fled-now", "Tens of thousands of people fled Monguno on Monday after jihadists attacked, residents said.",
     [("civilians-at-risk", "Monguno", "confirmed")]),
    # a truce between two states is placed only where the text puts the truce
    ("interstate-subject", "Armenia and Azerbaijan agreed to a ceasefire starting at noon in their conflict over "
     "Nagorno-Karabakh, Russia said. Within minutes of the truce taking effect, Azerbaijan accused Armenian "
     "forces of shelling the district of Terter.", []),
    ("interstate-placed", "Russia and Ukraine agreed a ceasefire for eastern Ukraine after all-night talks, "
     "officials said.", [("ceasefire", "Ukraine", "confirmed")]),
    ("not-interstate", "Rival gangs in Kidal agreed to a truce on Friday after ten days of fighting, community "
     "leaders said.", [("ceasefire", "Kidal", "confirmed")]),
    # missiles are air strikes; the wounded are no count of the dead
    ("missiles-hit", "Missiles hit six locations in Bahawalpur overnight, Pakistan's military said.",
     [("airstrike", "Bahawalpur", "confirmed")]),
    ("wounded-not-killed", "A Russian missile slammed into Dnipro overnight, killing three people and wounding "
     "14, the governor said.", [("airstrike", "Dnipro", "confirmed")]),
    ("killed-and-wounded", "A Russian missile slammed into Dnipro overnight, killing 14 people and wounding "
     "three, the governor said.", [("airstrike", "Dnipro", "confirmed"), ("civilians-at-risk", "Dnipro", "confirmed")]),
    ("soldiers-and-civilians", "Jihadists attacked Djibo on Sunday, killing dozens of soldiers and at least 30 "
     "civilians, residents said.", [("civilians-at-risk", "Djibo", "confirmed")]),
    # a list the nearest place ends: the places before it count too; an apposed name is no anaphor
    ("list-before-nearest", "SANAA, Yemen (AP) - U.S. airstrikes hit the Yemeni capital, Sanaa, and the northern "
     "province of Saada late Saturday, the health ministry said.",
     [("airstrike", "Saada", "confirmed"), ("airstrike", "Sanaa", "confirmed")]),
    # places coordinated before the verb are all its subjects
    ("coordinated-subjects", "By nightfall the provincial capitals of Sar-e-Pul and Taloqan had also fallen "
     "to the Taliban, officials said.", [("city-captured", "Sar-e-Pul", "confirmed"),
                                         ("city-captured", "Taloqan", "confirmed")]),
    ("gang-members", "Gang members seized control of the town of Mirebalais on Monday, freeing 500 inmates, "
     "officials said.", [("city-captured", "Mirebalais", "confirmed")]),
    # a quoted trigger still links its place; "X, a town of about 60,000 people" introduces X
    ("quoted-trigger", 'The army said it had "liberated" the town of Kidal on Sunday after heavy fighting.',
     [("city-captured", "Kidal", "claimed")]),
    ("town-of-about", "M23 rebels pushed into the centre of Walikale on Wednesday, residents said. Walikale, a "
     "town of about 60,000 people, lies near a tin mine.", [("city-breach", "Walikale", "confirmed")]),
    # where the aircraft come from is no target; the river people cross is no place at risk
    ("aircraft-origin", "Warplanes from the Misrata air base struck Islamic State positions in Sirte on Friday.",
     [("airstrike", "Sirte", "confirmed")]),
    ("fled-across", "Hundreds of residents fled Myawaddy across the Moei River into Mae Sot after fighting, "
     "Thai officials said.", [("civilians-at-risk", "Myawaddy", "confirmed")]),
    # a blockade is a siege, also one kept by a group named only by its allegiance
    ("under-blockade", "Jihadists have kept the town of Djibo under blockade for more than a year, aid groups "
     "said.", [("siege", "Djibo", "confirmed")]),
    ("blockade-prices", "An al Qaeda-linked group has imposed a blockade on Timbuktu, sending prices soaring, "
     "residents said.", [("siege", "Timbuktu", "confirmed")]),
    # "the towns of A and B" introduces both; "N villages, including A" names the villages taken
    ("towns-of-list", "Government warplanes struck the villages of Yabaal and Ulang on Sunday, local officials "
     "said.", [("airstrike", "Ulang", "confirmed"), ("airstrike", "Yabaal", "confirmed")]),
    ("villages-including", "Russian troops captured five border villages, including Strilecha, on Saturday, "
     "residents said.", [("city-captured", "Strilecha", "confirmed")]),
    ("towns-around-including", "Russian troops withdrew from towns around the capital, including Bucha, on "
     "Saturday, residents said.", []),
    # where people flee to, and what is listed with it, is no place at risk
    ("fled-toward-list", "Jihadists overran the town of Marte on Monday, sending thousands of residents fleeing "
     "toward Dikwa and Maiduguri, residents said.", [("city-captured", "Marte", "confirmed"),
                                                    ("civilians-at-risk", "Marte", "confirmed")]),
    ("along-with", "Taliban fighters captured the northern city of Kunduz on Sunday, along with Sar-e-Pul and "
     "Taloqan, officials said.", [("city-captured", "Kunduz", "confirmed"), ("city-captured", "Sar-e-Pul", "confirmed"),
                                  ("city-captured", "Taloqan", "confirmed")]),
    ("truce-between-states", "BEIRUT, Nov 27 (Reuters) - A U.S.-brokered truce between Israel and Lebanon took "
     "effect on Wednesday, officials said.", []),
    ("river-is-no-place", "NEAR BAGHOUZ, Syria (AP) - The militants were surrounded in a patch of tents along the "
     "Euphrates River, a spokesman said.", []),
    ("one-jet", "Residents said a military jet bombed the main market in the town of Kyauktaw on Sunday.",
     [("airstrike", "Kyauktaw", "confirmed")]),
    # a region that only locates the town, after a possessive country or as the town's capital
    ("capital-of-state", "EL OBEID - A drone strike on a funeral gathering in El Obeid, the capital of North "
     "Kordofan state, killed at least 40 civilians on Tuesday, medics said.",
     [("airstrike", "El Obeid", "confirmed"), ("civilians-at-risk", "El Obeid", "confirmed")]),
    # "In X, the main city of the enclave," introduces X
    ("in-x-the-main-city", "In Stepanakert, the main city of the enclave, thousands of residents were trapped in "
     "basements by the shelling, residents said.", [("civilians-at-risk", "Stepanakert", "confirmed")]),
    ("sport-siege", "Barcelona laid siege to the Real Madrid goal for most of the second half and all but captured "
     "the league title.", []),
    # "X town in …", "X village near …", "X, a community in …" introduce X
    ("name-then-town", "KHUZDAR: Militants took control of Zehri town in Khuzdar district on Thursday, officials "
     "said.", [("city-captured", "Zehri", "confirmed")]),
    ("old-town-is-no-name", "Militants attacked a hotel in the Old Town in Kabul on Thursday, officials said.",
     []),
    ("a-community-in", "At least 100 people were killed when gunmen attacked Yelwata, a community in Benue "
     "State, late on Friday, officials said.", [("civilians-at-risk", "Yelwata", "confirmed")]),
    # the weapon named before the participle that hits
    ("weapon-then-hit", "India fired missiles overnight, striking a mosque complex in Bahawalpur, the military "
     "said.", [("airstrike", "Bahawalpur", "confirmed")]),
    ("fled-to-safer-places", "Hundreds of villagers fled Kidal to safer places in Gao after jihadists attacked, "
     "officials said.", [("civilians-at-risk", "Kidal", "confirmed")]),
    ("verb-name-in-region", "Hundreds of villagers have fled Kiwirok in Indonesia's Papua region after "
     "military helicopters dropped bombs on the village, church officials said.",
     [("airstrike", "the village", "confirmed"), ("civilians-at-risk", "Kiwirok", "confirmed")]),
    ("lake-is-no-place", "Fewer than 40 gunmen were holding out near Lake Lanao with 20 hostages used as human "
     "shields, the army said.", []),
    ("used-drones-to-drop", "Suspected militants used drones to drop explosives on Koutruk village in Manipur on "
     "Sunday, police said.", [("airstrike", "Koutruk", "confirmed")]),
    # where a truce is signed is no place of the truce, nor what "the city" points back to
    ("truce-venue", "Rival militias in Tripoli agreed to a ceasefire on Tuesday. The U.N. said the truce, signed at "
     "a meeting in the town of Zawiya, took effect immediately, and the city's airport would reopen.",
     [("ceasefire", "Tripoli", "confirmed")]),
    # one official in a province who speaks is no event place either
    ("official-in-said", "Taliban fighters have surrounded Lashkar Gah. A senior official in Helmand said the "
     "city was on the verge of falling.", [("imminent-fall", "the city", "confirmed"),
                                           ("siege", "Lashkar Gah", "confirmed")]),
    ("capitals-including", "Taliban fighters captured three provincial capitals in northern Afghanistan on "
     "Sunday, including the strategic city of Kunduz, officials said.", [("city-captured", "Kunduz", "confirmed")]),
    ("outskirts-of-name-in", "OUAGADOUGOU (AFP) - Jihadists killed at least 100 civilians on Saturday on the "
     "outskirts of Barsalogho in central Burkina Faso, gunning down villagers digging trenches around the town.",
     [("civilians-at-risk", "Barsalogho", "confirmed")]),
    ("pounding-with-bombs", "Russian troops shelled Vovchansk on Friday, pounding it with guided aerial bombs, "
     "officials said.", [("airstrike", "Vovchansk", "confirmed")]),
    ("car-bombs-no-air", "Islamic State fighters hit back with suicide car bombs in the northern city of Kirkuk, "
     "officials said.", []),
    # round 12: a description's adjectives are no stop words ("border", "desert"), but "entered the city of"
    # still is no breach
    ("desert-city", "Jihadists have imposed a blockade on the desert city of Gao, residents said.",
     [("siege", "Gao", "confirmed")]),
    ("border-town", "Rebels captured the northern border town of Tessalit on Sunday, residents said.",
     [("city-captured", "Tessalit", "confirmed")]),
    # a participle set off by a comma is about the name before it, not a region named later
    ("apposed-participle", "Kidal, encircled by the rebels for months, is the army's last stronghold in "
     "northern Mali.", [("siege", "Kidal", "confirmed")]),
    ("apposed-noun", "Rebels attack Gao, jets strike Kidal", [("airstrike", "Kidal", "confirmed")]),
    # acronyms of armed groups are forces
    ("acronym-forces", "Gao, surrounded by JNIM for weeks, has run out of fuel, residents said.",
     [("siege", "Gao", "confirmed")]),
    # killed workers are civilians
    ("workers-killed", "Gunmen killed at least 30 farm workers near Maiduguri on Saturday, residents said.",
     [("civilians-at-risk", "Maiduguri", "confirmed")]),
    # one side of a border is no city that changes hands, nor one the next "the city" refers back to
    ("side-of-border", "Troops pushed into Khan Younis on Tuesday, seizing the Rafah side of the crossing, and "
     "thousands of residents fled the southern city.",
     [("city-breach", "Khan Younis", "confirmed"), ("civilians-at-risk", "the southern city", "confirmed")]),
    # a truce between two states is placed where the fighting it ends was, or where it takes effect
    ("truce-ends-fighting", "Thailand and Cambodia signed an agreement to end the fighting over Preah Vihear, and "
     "a ceasefire took effect at midnight.", [("ceasefire", "Preah Vihear", "confirmed")]),
    ("truce-conflict-over", "Thailand and Cambodia agreed to a ceasefire in their conflict over Preah Vihear.",
     []),
    ("backed-group", "A truce between Israel and Iran-backed Hezbollah came into effect in Lebanon on Wednesday.",
     [("ceasefire", "Lebanon", "confirmed")]),
    # a district of a province or country is a place of its own (a region: no town is captured); a district
    # of a city is a part of it
    ("named-district", "Jets bombed the Shinkay district of Afghanistan's southern Zabul province overnight, "
     "killing 25 civilians, officials said.",
     [("airstrike", "Shinkay", "confirmed"), ("civilians-at-risk", "Shinkay", "confirmed")]),
    ("city-district", "A car bomb killed 30 people in the Mansour district of Baghdad on Sunday, police said.",
     [("civilians-at-risk", "Baghdad", "confirmed")]),
    ("region-with-direction", "More than 15,000 people have fled fighting in Peru's southern Vraem region, "
     "officials said.", [("civilians-at-risk", "Vraem", "confirmed")]),
    # "Took Donetsk Village": the province only says where the village is
    ("province-village", "Russia Says It Took Kharkiv Village\n\nRussian forces have taken control of the "
     "village of Lypsi in Ukraine's Kharkiv region, the defence ministry said.",
     [("city-captured", "Lypsi", "claimed")]),
    # a fall within hours is a fall; one within range is not
    ("fell-within-hours", "Bamako, Kati and Segou all fell within hours of each other as rebels advanced, residents "
     "said.",
     [("city-captured", "Bamako", "confirmed"), ("city-captured", "Kati", "confirmed"),
      ("city-captured", "Segou", "confirmed")]),
    # the launch of a renewed offensive is a launch; an offensive resumed is not
    ("renewed-offensive", "Rebels have launched a renewed offensive on Kidal, residents said.",
     [("offensive-launched", "Kidal", "confirmed")]),
    ("resumed-offensive", "Rebels resumed their offensive on Kidal on Monday, residents said.", []),
    # an order of an offensive or a siege is its start
    ("ordered-siege", "The defence minister said he had ordered a complete siege of Kidal.",
     [("siege", "Kidal", "confirmed")]),
    # defenders about to be overrun
    ("verge-overrun", "The defenders of Kidal were on the verge of being overrun, officers said.",
     [("imminent-fall", "Kidal", "confirmed")]),
    # round 14: a relative clause dates only itself
    ("relative-clause-ago", "The army said its troops had retaken the town of Hsipaw, a trading hub that rebels "
     "seized more than a year ago.", [("city-captured", "Hsipaw", "claimed")]),
    ("sentence-ago", "Two years ago, rebels seized the town of Hsipaw.", []),
    # a description that opens with the trigger's own adjective ("the besieged Syrian border town of")
    ("adjective-description", "Food ran out in the besieged northern border town of Tessalit, residents said.",
     [("siege", "Tessalit", "confirmed")]),
    # "X, the besieged capital of Sudan's South Kordofan state": the state only locates the town
    ("capital-of-owner", "A drone strike on a market in Kadugli, the capital of Sudan's South Kordofan state, "
     "killed at least 17 civilians, medics said.",
     [("airstrike", "Kadugli", "confirmed"), ("civilians-at-risk", "Kadugli", "confirmed")]),
    # breaking into a besieged town does not end its siege
    ("broke-into-besieged", "Jihadist fighters broke into the eastern districts of the besieged town of Tessalit "
     "on Monday, residents said.", [("siege", "Tessalit", "confirmed")]),
    # streaming across a border is an exodus
    ("streamed-across", "Thousands of residents of Bunia streamed across the border into Uganda as rebels "
     "advanced, officials said.", [("civilians-at-risk", "Bunia", "confirmed")]),
    # a welcomed entry into a city centre is no breach
    ("welcomed-entry", "Government troops rolled into the centre of Bunia on Friday to cheers from residents "
     "after the rebels pulled out.", [("city-captured", "Bunia", "confirmed")]),
    # displaced people going home
    ("going-home", "Tens of thousands of displaced people began walking north along the coast road on Sunday, "
     "heading home to Beit Lahia as the fighting stopped.", []),
    # a fall predicted for a year is no fall
    ("predicted-fall", "Officials note that Moscow has been predicting the fall of Kupiansk for more than a year.",
     []),
    # a truce dated before now, and one "to end six weeks of fighting"
    ("truce-before", "The raid came two days after the ceasefire in Lebanon began, officials said.", []),
    ("truce-to-end", "A ceasefire to end six weeks of fighting over Preah Vihear took effect on Tuesday after "
     "Thailand and Cambodia signed a deal.", [("ceasefire", "Preah Vihear", "confirmed")]),
    # round 15: the agency in a dateline's credit is no place ("(Sudan Tribune)"), nor an antecedent
    ("credit-in-dateline", "OMDURMAN, Sudan (Sudan Tribune) - Army troops broke through the lines and pushed "
     "into the old city on Friday, residents said.", [("city-breach", "the old city", "confirmed")]),
    # "in Kosti, White Nile state": the state says where the town is
    ("town-comma-state", "Drones struck fuel depots in Kosti, White Nile state, early on Monday, residents said.",
     [("airstrike", "Kosti", "confirmed")]),
    # a sea, not the town named after it
    ("sea-of", "Russian forces have surrounded the port city of Berdiansk on the Sea of Azov, officials said.",
     [("siege", "Berdiansk", "confirmed")]),
    # "X village on the outskirts of Y": the village is the place
    ("village-on", "A junta air strike on Thit Kyi village on the outskirts of Sittwe destroyed a school, "
     "residents said.", [("airstrike", "Thit Kyi", "confirmed")]),
    # a dozen dead is a mass casualty
    ("a-dozen", "Insurgents attacked the town of Palma on Wednesday, killing at least a dozen civilians, "
     "officials said.", [("civilians-at-risk", "Palma", "confirmed")]),
    # relief efforts are no talks; "has come into effect"; party contenders' truce
    ("relief-efforts", "The junta declared a temporary ceasefire in Myanmar on Wednesday to aid relief efforts "
     "after the earthquake.", [("ceasefire", "Myanmar", "confirmed")]),
    ("come-into-effect", "A U.N.-brokered ceasefire has come into effect in Hodeidah, residents said.",
     [("ceasefire", "Hodeidah", "confirmed")]),
    ("party-truce", "The two contenders for the ruling party's presidential ticket in Nigeria agreed to a "
     "ceasefire on Tuesday.", []),
    # the last road cut, control taken back
    ("last-road", "Houthi fighters cut the last road into the southwestern Yemeni city of Taiz on Monday, "
     "residents said.", [("siege", "Taiz", "confirmed")]),
    ("took-back-control", "Ukrainian forces took back control of Irpin on Saturday after the Russians withdrew, "
     "officials said.", [("city-captured", "Irpin", "confirmed")]),
    # a toll over a decade is a running toll
    ("toll-over-decade", "Clashes over land have killed thousands of people in Benue over the past decade.", []),
    ("toll-this-week", "Clashes over land killed 40 people in Benue on Monday, officials said.",
     [("civilians-at-risk", "Benue", "confirmed")]),
    # round 16: "the historic Old City wall of Raqqa" names its city, whatever the dateline
    ("old-city-wall-of", "BEIRUT, July 4 (Reuters) - U.S.-backed forces breached the historic Old City wall of "
     "Tabqa on Tuesday, the coalition said.", [("city-breach", "Tabqa", "confirmed")]),
    # a facility named after a city, or a city's airport, is no city
    ("conference-centre", "Government forces pushed into Sirte, seizing the Ouagadougou conference centre on "
     "Wednesday, officials said.", [("city-breach", "Sirte", "confirmed")]),
    ("possessive-airport", "The rebels said they had seized Aleppo's international airport.", []),
    # "streaming back toward the south" is going home
    ("streaming-back", "A truce took hold in Lebanon, and thousands of displaced families began streaming back "
     "toward the south.", [("ceasefire", "Lebanon", "confirmed")]),
    # a town that hosts people who fled before
    ("hosts-displaced", "Marib hosts around one million people who have fled fighting elsewhere in Yemen.", []),
    # abducted people are no count of the dead
    ("abducted-count", "Gunmen killed five people and abducted 18 others in a raid on Tsafe, residents said.", []),
    # "the besieged Ukrainian port of Mariupol"
    ("besieged-port", "Rescuers searched the rubble of a theatre in the besieged Ukrainian port of Berdiansk.",
     [("siege", "Berdiansk", "confirmed")]),
    # a participle clause after a comma is about the clause before it, not a region named later
    ("participle-clause", "Israeli airstrikes pounded Khan Younis overnight, killing at least 31 people, as "
     "Israel pushed its war deeper into the south of the Gaza Strip.",
     [("airstrike", "Khan Younis", "confirmed"), ("civilians-at-risk", "Khan Younis", "confirmed")]),
    # the count before a parenthetical
    ("parenthetical-count", "At least 22 civilians, including 14 children, were killed in an attack on the "
     "village of Ngarbuh on Friday, the U.N. said.", [("civilians-at-risk", "Ngarbuh", "confirmed")]),
    # where people flee to, described ("towards the coastal cities of"), is not where they are at risk; a
    # siege laid "to" a town does not make it a destination
    ("flee-towards-described", "Rebels advanced on Friday. Thousands of people fled Homs overnight towards the "
     "coastal cities of Latakia and Tartus, residents said.", [("civilians-at-risk", "Homs", "confirmed")]),
    # a place that only says where the town before it lies ("X in northern Y") is not the event's place
    ("town-then-locator", "Israeli troops have encircled Beit Hanoun in northern Gaza, with families trapped "
     "in their homes as food ran short, residents said.",
     [("civilians-at-risk", "Beit Hanoun", "confirmed"), ("siege", "Beit Hanoun", "confirmed")]),
    # the people who flee or are trapped may stand far before the verb: a long subject, an apposition
    ("long-subject-exodus", "Shelling hit Bukavu again. Tens of thousands of civilians sheltering in camps on the "
     "northern edge of the city were fleeing again, aid agencies said.",
     [("civilians-at-risk", "the city", "confirmed")]),
    ("apposition-then-remain", "Fighting raged in Sievierodonetsk. Hundreds of civilians, many of them elderly, "
     "remain trapped in basements, officials said.", [("civilians-at-risk", "Sievierodonetsk", "confirmed")]),
    # a described town declared liberated, the verdict in quotes
    ("declared-described-quoted", "The president declared the northern city of Kidal \"liberated\" from rebels "
     "on Tuesday.", [("city-captured", "Kidal", "confirmed")]),
    ("declared-described", "The president declared the northern city of Kidal liberated from rebels on Tuesday.",
     [("city-captured", "Kidal", "confirmed")]),
    # "much of X's population" fleeing is an exodus
    ("population-fled", "Russian jets bombed Zugdidi on Tuesday. By afternoon much of Zugdidi's population had "
     "fled in cars and on foot.",
     [("airstrike", "Zugdidi", "confirmed"), ("civilians-at-risk", "Zugdidi", "confirmed")]),
    ("apposition-not-trapped", "Fighting raged in Sievierodonetsk. Hundreds of civilians, many of them elderly, "
     "said they were safe, officials said.", []),
]


@pytest.mark.parametrize(("family", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_agents_weapons_and_entries(detect: Callable[..., Found], family: str, text: str,
                                    expected: Found) -> None:
    assert detect(text) == expected


def test_the_town_points_back_to_the_apposed_town_not_the_region(tagger: Tagger, detector: Detector) -> None:
    text = ("Russian troops advanced near Vovchansk, a border town in Kharkiv region, on Monday. "
            "\"The enemy has broken into the town from the north,\" a Ukrainian commander said.")
    events = detector.detect(tagger.tag(text), article_id="t")
    assert [(e.milestone, e.place, text[e.evidence.place_start:e.evidence.place_end]) for e in events] == [
        ("city-breach", "Vovchansk", "the town")]
