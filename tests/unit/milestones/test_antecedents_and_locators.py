"""Which town "the town" stands for, and which of two places a trigger is about (rounds 17-18 of issue 4).
Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from streams.milestones import Detector
from streams.tagging import Tagger

CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
    # a truce signed abroad covers the country whose warring parties signed it, not the dateline's city
    ("parties-over-dateline",
     "ADDIS ABABA (Reuters) - South Sudan's two warring factions signed a ceasefire on Tuesday, mediators said.",
     [("ceasefire", "South Sudan")]),
    ("parties-over-dateline",
     "NAIROBI (AFP) - A week-long truce between Somalia's rival clans took effect on Monday.",
     [("ceasefire", "Somalia")]),
    # ... also under a headline line (where the tagger reads the dateline as body text), and for "a truce
    # between X's warring generals" when the sentence names a town of it too
    ("parties-over-dateline",
     "Yemen's warring sides sign truce in Stockholm\n\nSTOCKHOLM, Dec 13 (Reuters) - Yemen's two warring sides "
     "signed a ceasefire on Thursday, mediators said.", [("ceasefire", "Yemen")]),
    ("parties-over-dateline",
     "ADEN (AFP) - A week-long truce between Yemen's warring parties took effect on Monday, after shells hit Aden.",
     [("ceasefire", "Yemen")]),
    ("truce-place-over-parties",
     "KUNMING (Reuters) - A truce between Myanmar's military and an ethnic army took effect on Friday in Lashio, "
     "state media said.", [("ceasefire", "Lashio")]),
    # a deal to end the fighting over a region, between two states, covers the region
    ("deal-to-end-fighting", "MOSCOW (AP) - Armenia and Azerbaijan signed a deal to end six weeks of fighting over "
     "the breakaway region of Nagorno-Karabakh, officials said.", [("ceasefire", "Nagorno-Karabakh")]),
    ("deal-to-end-fighting", "Union leaders signed a deal to end the strike at the port of Durban.", []),
    ("dateline-truce-place-kept",
     "NAIROBI (AFP) - A week-long truce took effect in Nairobi's Kibera district on Monday.",
     [("ceasefire", "Nairobi")]),  # (a district of the city is labelled as the city)
    # "the southern Gaza city" is the city named before it, not Gaza
    ("unnamed-city-of-a-region",
     "Troops surrounded Rafah and pushed through the defences into the heart of the southern Gaza city on "
     "Tuesday, the army said.", [("city-breach", "Rafaḩ"), ("siege", "Rafaḩ")]),
    # a city's airport, taken, is not the city taken
    ("facility-of-a-city", "Government forces recaptured Benghazi's international airport on Wednesday.", []),
    ("facility-of-a-city", "Rebels seized Aleppo's main bridge on Friday and captured Aleppo a day later.",
     [("city-captured", "Aleppo")]),
    # where stranded workers come from is not where they are trapped
    ("origin-of-people", "Shelling hit Misrata overnight. Thousands of stranded migrant workers from Chad, Mali "
     "and Sudan remained trapped at the port.", [("civilians-at-risk", "Misratah")]),
    # strikes as the subject of a verb of bombing, in a story of air strikes
    ("strikes-subject", "Israeli air strikes killed 40 people in Lebanon. Strikes hammered villages around Tyre "
     "in the south, the army said.", [("airstrike", "Tyre"), ("civilians-at-risk", "Lebanon")]),
    ("strikes-subject", "Strikes hit rail services in Lyon on Monday as unions protested.", []),
    # a place in an armed group's name is not where its offensive is
    ("group-named-after-a-place", "MYITKYINA, Myanmar (Reuters) - The Kachin Independence Army launched an offensive "
     "on Friday to seize Lashio, a trading town in northern Shan state, residents said.",
     [("offensive-launched", "Lashio")]),
    # where fighters stormed into is where people then flee from, sentences later
    ("carried-past-forces-into", "Insurgents stormed into the town of Mocimboa da Praia on Friday, residents said. "
     "\"They went straight to the market,\" one said. Thousands of residents fled into the bush.",
     [("city-breach", "Mocímboa da Praia"), ("civilians-at-risk", "Mocímboa da Praia")]),
    # a country reached only as a fallback adds nothing when the story names a town of it
    ("country-subsumed", "Russian missiles hit cities across Ukraine on Monday, killing 20 people. Strikes hit "
     "Dnipro and Lviv, officials said.", [("airstrike", "Dnipro"), ("airstrike", "Lviv"),
                                          ("civilians-at-risk", "Ukraine")]),
    # a country's forces are not where they act
    ("country-forces", "Thousands of U.S. Marines and Iraqi troops launched an offensive against Ramadi on Monday.",
     [("offensive-launched", "Ramadi")]),
    # the ends of a road, and a time zone, are not event places
    ("route-ends", "Rebels captured Saraqeb on Monday. The town, which lies on the highway linking Damascus and "
     "Aleppo, fell after days of fighting.", [("city-captured", "Saraqib")]),
    ("time-zone", "Russia said its troops had crossed the river at 5 a.m. Moscow time. The city was retaken "
     "without a battle, officials said.", []),
    # "the lakeside city" stands for the city named before it
    ("lakeside-city", "Rebels said they had taken control of Bukavu after fighters pushed into the lakeside city "
     "overnight.", [("city-breach", "Bukavu"), ("city-captured", "Bukavu")]),
    # "Fano fighters", "Misrata militias": armed men named after a place are not an event place
    ("armed-men-named-after-a-place", "Drones struck Lalibela, which Fano fighters had taken earlier this month. "
     "The strike hit the main square.", [("airstrike", "Lalibela")]),
    # where people flee to, past a border or a capital's title, is not where they are at risk
    ("destination-past-a-border", "M23 rebels seized Bukavu on Sunday. Thousands of people fled towards the "
     "Burundian border at Uvira, aid groups said.", [("city-captured", "Bukavu"), ("civilians-at-risk", "Bukavu")]),
    # "the bombed-out town" refers back; the side whose gain it was is no place
    ("gain-of-a-capital", "Russian forces pushed into Avdiivka in February. Russia said its forces had taken full "
     "control of the bombed-out town, Moscow's biggest gain in months.",
     [("city-breach", "Avdiyivka"), ("city-captured", "Avdiyivka")]),
    # "Gaza's densely populated Jabalia refugee camp": the owner only says where the named place is
    ("owner-of-a-named-place", "An Israeli air strike hit Gaza's crowded Nuseirat refugee camp on Tuesday, killing "
     "dozens of civilians.", [("airstrike", "An Nuşayrāt"), ("civilians-at-risk", "An Nuşayrāt")]),
    ("owner-of-a-named-place", "Rebels captured Aleppo on Friday, Syria's second city.", [("city-captured", "Aleppo")]),
    ("owner-of-a-named-place", "Troops began a ground operation in Gaza City's Shejaiya district on Friday.",
     [("offensive-launched", "Gaza")]),  # (GeoNames names Gaza City "Gaza")
    # ... and a place coordinated with a destination the gazetteer does not know
    ("destination-after-an-unknown-name", "Rebels seized Lashio on Saturday. Thousands of residents have fled towards "
     "Namtu and Mandalay.", [("city-captured", "Lashio"), ("civilians-at-risk", "Lashio")]),
    # where the forces come from, set off by a comma, is not the city they storm
    ("forces-origin-after-a-comma", "Government forces penetrated the defences of Sirte on Thursday. The forces, "
     "mostly from the western city of Misrata, stormed into the city from the west.", [("city-breach", "Sirte")]),
    # the number in a rebel group's name is no count of trapped people
    ("number-in-a-name",
     "M23 rebels hemmed in Rutshuru on two sides on Thursday, residents said.", [("siege", "Rutshuru")]),
    # "the town itself" sets the town against its surroundings: a reference point may be what it stands for
    ("itself-after-reference-point",
     "Rebels broke through the army's defences west of Dilling on Friday and pushed into the town itself, "
     "residents said.",
     [("city-breach", "Dilling")]),
    # where a speaker sits ("an aid official in Khartoum said") is not "the town"
    ("speaker-city-skipped",
     "Fighting raged near Dilling. \"It is a matter of hours,\" an aid official in Khartoum said. About "
     "40,000 civilians are trapped in the town, which has been surrounded by rebel forces for weeks.",
     [("civilians-at-risk", "Dilling"), ("siege", "Dilling")]),
    # with no other town named lately, the town a distance was given from is the one meant
    ("only-a-reference-point",
     "Clashes erupted 20 km north of Kidal on Friday. Residents said the town was on the verge of falling.",
     [("imminent-fall", "Kidal")]),
    # ... but a town introduced by name still wins over the reference point
    ("introduced-beats-reference-point",
     "Rebels reached Gharyan, about 80 km south of Tripoli, on Friday and took control of the town after a "
     "day of fighting, residents said.",
     [("city-captured", "Gharyan")]),
    # a ring of roadblocks is a siege
    ("hemmed-in-city", "Gang members hemmed in the city of Cap-Haitien on Monday, torching cars to block the "
     "main roads, police said.", [("siege", "Cap-Haïtien")]),
    ("every-road-blocked", "Militants have blocked every road into Arbinda since January, leaving residents "
     "dependent on airlifted food, aid workers said.", [("siege", "Aribinda")]),
    ("grip-around", "Islamic State fighters tightened their grip around the Syrian border town of Tal Abyad on "
     "Tuesday, residents said.", [("siege", "Tall Abyaḑ")]),
    ("grip-metaphor", "The central bank tightened its grip around the currency market in Damascus on Tuesday.", []),
    ("hemmed-in-by-floods", "Hundreds of residents hemmed in by floods waited for rescue in the town of "
     "Beledweyne.", []),
    # crossing a border "to escape the fighting" is an exodus from the town named before (not into the country)
    ("escape-the-fighting", "Rebels seized Kurmuk on Monday. Thousands of residents crossed the border into "
     "Ethiopia to escape the fighting, officials said.",
     [("city-captured", "Kurmuk"), ("civilians-at-risk", "Kurmuk")]),
    ("escape-the-fighting-few", "Rebels seized Kurmuk on Monday. A few residents left to escape the fighting, "
     "officials said.", [("city-captured", "Kurmuk")]),
    # where others fled to is not where civilians are trapped; with only such places named, the sentence is
    # about the town named before it
    ("trapped-not-at-destination",
     "Fighters seized parts of Kidal on Monday. Officials said about 3,000 civilians were trapped in areas held "
     "by the militants, while thousands of residents have fled to the nearby towns of Gao and Bourem.",
     [("civilians-at-risk", "Kidal")]),
    # a town whose capture is reported as fact is no longer under siege; "besieged for 14 months" counts no
    # trapped people
    ("siege-ended-by-capture", "Rebels seized Kadugli on Monday after the army withdrew, residents said. The "
     "rebels had besieged Kadugli for 14 months.", [("city-captured", "Kadugli")]),
    ("siege-and-trapped", "About 20,000 are trapped in besieged Kadugli, aid groups said.",
     [("civilians-at-risk", "Kadugli"), ("siege", "Kadugli")]),
    # a capture weighed ("their capture of X would give them …") is none made
    ("capture-weighed", "Rebels pressed on towards Kadugli. Their capture of Kadugli would give them control of "
     "the state, analysts said.", []),
    # forces that "entered the town", in the story of its capture, made the capture, not a breach; "broke
    # into" is one either way
    ("entry-in-capture-story", "Troops recaptured the town of Kadugli on Monday, residents said. Soldiers had "
     "entered the town at dawn, residents said.", [("city-captured", "Kadugli")]),
    ("breach-in-capture-story", "Troops recaptured the town of Kadugli on Monday, residents said. Soldiers broke "
     "into the town's fortified centre at dawn, residents said.",
     [("city-breach", "Kadugli"), ("city-captured", "Kadugli")]),
    ("entry-without-capture", "Soldiers entered the town of Kadugli at dawn after heavy fighting, residents "
     "said.", [("city-breach", "Kadugli")]),
    # where the forces come from ("brigades from the city of Zliten") is neither the event place nor what "the
    # city" stands for; troops withdrawn from a town are still about that town (whose loss that withdrawal is: the
    # town changes hands, round 28)
    ("forces-origin", "Government forces broke into the centre of Sirte on Thursday. Brigades mostly from the "
     "western city of Zliten penetrated the militants' defences on the western side of the city, officials said.",
     [("city-breach", "Sirte")]),
    ("troops-withdrawn-from", "Ukraine said it had withdrawn its troops from the eastern town of Avdiivka after "
     "Russian forces broke through its defences.", [("city-breach", "Avdiyivka"), ("city-captured", "Avdiyivka")]),
    # a description set off by a comma is as near as "the city of"
    ("comma-description", "Russian troops broke into Ukraine's second-largest city, Kharkiv, on Sunday, officials "
     "said.", [("city-breach", "Kharkiv")]),
    ("comma-description-capital", "Taliban fighters seized the provincial capital, Kunduz, on Sunday.",
     [("city-captured", "Kunduz")]),
    # a town whose fall is reported as fact is no longer about to fall
    ("fall-reported", "Rebels seized Kadugli on Monday after the garrison collapsed, residents said. Days earlier, "
     "officials had said the town was on the verge of falling.", [("city-captured", "Kadugli")]),
    ("fall-not-yet", "Officials said on Monday that Kadugli was on the verge of falling to the rebels.",
     [("imminent-fall", "Kadugli")]),
    # round 18: a relative clause's subject, a long description of the place before its verb (with a number in it)
    ("which-was-seized", "Troops launched a counter-offensive on Friday to retake the central town of Kanibanga, "
     "which was seized by Islamist fighters on Thursday.",
     [("offensive-launched", "Kanibanga"), ("city-captured", "Kanibanga")]),
    ("long-description-before-verb", "Dabanga, a town of some 20,000 people on the road to Kousseri and the strategic "
     "airport at Maroua, fell on Thursday after fierce fighting.", [("city-captured", "Dabanga")]),
    ("short-parenthetical-only", "Maroua, where Dabanga's traders sell cattle to merchants who come down from the "
     "north and the east every week in the dry season, fell on Thursday.", []),
    # "the Ukrainian port of X" is the city; "the port of X" may be its docks
    ("described-port", "Russian forces said they had liberated the Black Sea port of Berdyansk on Monday.",
     [("city-captured", "Berdyansk")]),
    ("bare-port", "Rebels seized the port of Berdyansk on Monday.", []),
    ("restored-control", "The army on Sunday restored full control over the historic city of Palmyra after driving "
     "out the militants.", [("city-captured", "Palmyra")]),
    # countries whose leaders meet are parties, not where the truce holds
    ("leaders-of-countries", "The ceasefire was agreed on Thursday at talks in Minsk between the leaders of Russia, "
     "Ukraine, Germany and France.", []),
    ("ceasefire-in-country", "The ceasefire was agreed on Thursday at talks in Minsk and took effect in Ukraine at "
     "midnight.", [("ceasefire", "Ukraine")]),
    # a town named before "in <province> province" (the tagger knows only the province's city)
    ("name-in-province", "A coalition air strike hit a bus in the market in Dahyan, in Saada province, killing 40 "
     "children.",
     [("airstrike", "Dahyan"), ("civilians-at-risk", "Dahyan")]),
    # the only city of the story, named twice, is "the Old City" four sentences on
    ("only-city-far-back", "MOSUL, Iraq - Iraqi forces stormed into Mosul's Old City on Sunday. Troops advanced "
     "from the west. \"They are finished,\" a commander said. \"It is a matter of days.\" Up to 100,000 civilians "
     "remain trapped in the Old City, the U.N. said.", [("city-breach", "Mosul"), ("civilians-at-risk", "Mosul")]),
    # where people flee to, past an adjective; a camp's locator; a coordinated town after a long appositive
    ("flee-to-neighbouring", "Taliban insurgents seized Kunduz on Monday. Thousands of residents were fleeing toward "
     "the road to neighbouring Takhar province, witnesses said.",
     [("city-captured", "Kunduz"), ("civilians-at-risk", "Kunduz")]),
    ("camp-locator", "Overnight, an air strike on the crowded Bureij refugee camp in central Gaza killed at least "
     "30 people, many of them women and children.", [("airstrike", "Al Burayj"), ("civilians-at-risk", "Al Burayj")]),
    ("coordinated-after-appositive", "Hours later the insurgents seized Sar-e Pul, capital of the province of the "
     "same name, and Taloqan, the capital of Takhar province.",
     [("city-captured", "Sar-e Pul"), ("city-captured", "Taloqan")]),
    # a place the pattern rules out where it stands is not carried into the next sentence
    ("destination-not-carried", "M23 rebels seized Bunia on Tuesday. \"We will now go to Kisangani,\" a rebel "
     "said. Thousands of residents were fleeing westwards toward the town of Komanda on Tuesday.",
     [("city-captured", "Bunia")]),
    # the province that locates a venue is no place of the truce it hosted
    ("venue-apposition", "The army and three armed groups agreed to an immediate ceasefire after peace talks held in "
     "Nanning, capital of southern China's Guangxi region, a spokesperson said.", []),
    ("truce-region", "The army and three armed groups agreed to an immediate ceasefire covering northern Shan State, "
     "a spokesperson said.", [("ceasefire", "Shan")]),
    # "from the air" is war; "in two or three days" is soon
    ("from-the-air", "Planes pounded the village of Pazigyi from the air on Tuesday as hundreds of people gathered, "
     "killing as many as 100 people, witnesses said.", [("airstrike", "Pazigyi"), ("civilians-at-risk", "Pazigyi")]),
    ("in-two-or-three-days", "Fighting raged. \"They are finished. Kunduz will fall in two or three days,\" the "
     "commander said.", [("imminent-fall", "Kunduz")]),
    # sieges as states: after a long "home to" description, and a participle set off by commas with its start date
    ("home-to-description", "Jihadists attacked Dori on Sunday. Dori, home to some 200,000 people including tens of "
     "thousands who fled violence in outlying villages, has been under blockade by the group since early 2022.",
     [("siege", "Dori")]),
    # round 18 (holdout25): where families head after a truce; an "ethnic" people is no state at war
    ("truce-destination", "Displaced families began heading south towards Sidon and Jezzine shortly after the truce "
     "began, witnesses said.", []),
    ("ethnic-people-no-party", "The truce took effect at noon, the region's ethnic Armenian authorities said.", []),
    ("national-party", "The truce took effect at noon, the Armenian government said.", [("ceasefire", "Armenia")]),
    # a new clause's subject after a time; "another" introduces a town; handed over; a people before a group noun
    ("subject-after-time", "Rebels seized government buildings across the capital on Sunday and Aden effectively "
     "fell to the insurgents after a week of fighting.", [("city-captured", "Aden")]),
    ("another-town", "He said troops had also taken control of Galinsoor, another key town in Galmudug state, on "
     "Sunday.", [("city-captured", "Galinsoor")]),
    ("handed-over", "The Taliban advanced. On Thursday, Gardez, 100 km south of Kabul, was handed over to the "
     "militants after the governor negotiated his exit.", [("city-captured", "Gardez")]),
    ("people-before-group", "The army on Tuesday took control of Tessalit, the northern stronghold of Tuareg "
     "separatist rebels, which had made retaking the town a priority.", [("city-captured", "Tessalit")]),
    # a clause opened by "where" is about the town right before it (not a province that locates another)
    ("where-clause", "Troops flushed out rebels from the coastal village of Talon-Talon on Friday, and helicopters "
     "fired rockets at rebel positions in neighbouring Rio Hondo, where gunmen were holding 180 hostages as human "
     "shields.", [("city-captured", "Talon-Talon"), ("airstrike", "Río Hondo"), ("civilians-at-risk", "Río Hondo")]),
    # where people flee along and where convoys come from is not where others are trapped
    ("trapped-not-on-the-road", "Rebels broke into Argun. Civilians were fleeing Argun en masse along the road to "
     "Gudermes, and thousands of residents remained trapped in basements without water.",
     [("city-breach", "Argun"), ("civilians-at-risk", "Argun")]),
    ("siege-total-blockade", "Jihadists attacked Djibo. The town of Djibo, chef-lieu of Soum province, is living "
     "under a total blockade.", [("siege", "Djibo")]),
    ("parenthetical-many-from", "Rebels advanced. Thousands of residents, many from the Alawite minority, were "
     "fleeing Hama in cars and on foot.", [("civilians-at-risk", "Ḩamāh")]),
    ("unopposed-entry-long-subject", "Ukrainian troops recaptured the railway hub of Kupiansk on Saturday and moved "
     "into the nearby city of Balakliia, which Russian forces abandoned.",
     [("city-captured", "Kupyansk"), ("city-captured", "Balakliya")]),
    # where the speakers sit ("officials in X and a photographer … confirmed") and a building named after a city
    # are not what "the city" stands for
    ("speakers-and-building-skipped", "Forces broke into the centre of Sirte on Thursday. Brigades mostly from "
     "Zliten reached the Ouagadougou conference centre. Medical officials in Misrata and a photographer travelling "
     "with the forces confirmed the advance. The city is now hemmed in from the west, south and east.",
     [("city-breach", "Sirte"), ("siege", "Sirte")]),
    # round 20: a place in an apposition ("X, Gaza's largest refugee camp") only locates X; a building of a
    # city stormed is no breach; quarters of a city are filed under it; "the town" is the one introduced as a
    # town, not a later city; "their city"; a count of townships seized is no capture
    ("apposition-locator", "Israeli air strikes hit Nuseirat, Gaza's second-largest refugee camp, on Sunday, "
     "killing at least 30 civilians.", [("airstrike", "An Nuşayrāt"), ("civilians-at-risk", "An Nuşayrāt")]),
    ("building-stormed", "Troops stormed Khartoum's main hospital on Monday, witnesses said.", []),
    ("building-stormed", "Soldiers stormed Mogadishu's biggest prison on Tuesday.", []),
    ("city-quarters", "Insurgents stormed into western Homs on Friday. They entered the Khalidiya and Bab Amr "
     "neighbourhoods after suicide bombs hit army posts.", [("city-breach", "Homs")]),
    ("town-not-the-capital", "Gunmen seized Mueda, a town in northern Cabo Delgado, on Monday. Officials said the "
     "attack went on for hours. Evacuees reached the provincial capital Pemba by boat on Wednesday. Thousands of "
     "civilians were still trapped in the town, aid workers said.",
     [("city-captured", "Mueda"), ("civilians-at-risk", "Mueda")]),
    ("their-city", "Residents of Kharkiv say their city has been hemmed in by Russian troops.",
     [("siege", "Kharkiv")]),
    ("count-of-townships", "The rebels, who have seized 9 of Shan's 55 townships, said they would keep fighting.", []),
    # a country in the trigger's sentence gives way to the town the next sentence puts the same event in
    ("narrowed-next-sentence", "Gunmen killed 30 civilians in northern Burkina Faso on Saturday, the government "
     "said. The attack took place in the town of Barsalogho, near the border with Niger.",
     [("civilians-at-risk", "Barsalogho")]),
    ("narrowed-next-sentence", "Gunmen killed 30 civilians in northern Burkina Faso on Saturday, the government "
     "said. Traders in Kaya closed their shops.", [("civilians-at-risk", "Burkina Faso")]),
    # a place paired with a country across a border is a territory, never what "the city" stands for
    ("border-pair", "RAFAH, Gaza Strip (AP) - Egyptian officials closed the Rafah crossing between Gaza and Egypt on "
     "Sunday after a night of air strikes on the city, as Israeli troops pushed on with an operation in Rafah.",
     [("airstrike", "Rafaḩ")]),
    # a country in a relative clause about a person after the trigger is no fallback place
    ("who-clause", "The army said the strike killed Abu Khaled, who it said had planned the 2015 attack on western "
     "Turkey, and six fighters.", []),
    # a named camp "on the edge of" a city: the city only locates the camp
    ("camp-on-the-edge", "Shelling of Kalma displacement camp on the edge of Nyala killed 14 civilians on Monday, "
     "volunteers said.", [("civilians-at-risk", "Kalma")]),
    # mediators are no place of the truce; nor is the capital a truce was signed in
    ("venue", "Hezbollah and Israel agreed a truce on Tuesday. The president said the deal, brokered by Washington "
     "and Paris, was designed to be a permanent cessation of hostilities.", [("ceasefire", "Israel")]),
    ("venue", "Khartoum's army and the rebels agreed a truce on Monday. The truce, signed in a hotel in the Kenyan "
     "capital, takes effect on Tuesday.", [("ceasefire", "Khartoum")]),
    # "entered" a town in the story of its claimed capture is that claim; forcing a way in stays a breach
    ("entered-in-a-claimed-capture", "\"Our fighters entered Beledweyne this morning,\" the group's spokesman said, "
     "adding that the militants had captured Beledweyne.", [("city-captured", "Beledweyne")]),
    ("entered-in-a-claimed-capture", "Rebel fighters pushed into Bukavu overnight, the rebels said, claiming they "
     "had captured the city.", [("city-breach", "Bukavu"), ("city-captured", "Bukavu")]),
    # an offensive in a province gives way to the town named as its target; what strikes hit is no target
    ("target-town", "Russian forces launched a ground offensive in the Sumy region early on Friday, pushing across "
     "the border towards the town of Yunakivka, officials said.", [("offensive-launched", "Yunakivka")]),
    ("target-town", "Russia launched a full-scale offensive in the Sumy region on Thursday, with missile strikes on "
     "Konotop and other towns.", [("offensive-launched", "Sumy"), ("airstrike", "Konotop")]),
    # where survivors fled to is not where the villagers were used as shields
    ("shields-not-at-destination", "Survivors fled by boat to the town of Turbo. The rebels blamed the militia for "
     "using the villagers as shields.", []),
    # an apposition that puts a place near another: the other only locates it
    ("apposed-near", "Some 300,000 people are trapped in Douma, the last major rebel stronghold near Damascus, which "
     "government forces have kept encircled since 2013.", [("civilians-at-risk", "Dūmā"), ("siege", "Dūmā")]),
    # "the city of some 300,000 people" refers back (a name after "the city of" does not)
    ("city-of-a-population", "Troops launched an offensive on Kunduz on Monday. By Friday they had encircled the "
     "city of some 300,000 people, officials said.", [("offensive-launched", "Kunduz"), ("siege", "Kunduz")]),
    # where road links lead is no event place
    ("road-links-to", "Taliban fighters have surrounded Qala-i-Naw, officials said. The city of 60,000 is hemmed in "
     "on all sides, with road links to Herat cut.", [("siege", "Qala i Naw"), ("civilians-at-risk", "Qala i Naw")]),
    # armoured columns "moving up from" a town come from it
    ("forces-origin", "Armoured columns moving up from Kherson began an assault on the outskirts of Mykolaiv on "
     "Sunday.", [("offensive-launched", "Mykolayiv")]),
    ("forces-origin", "Armoured columns moving up from Crimea began an assault on the outskirts of the port city of "
     "Kherson on Sunday.", [("offensive-launched", "Kherson")]),
    ("forces-origin", "Troops from Niger and Chad launched a ground and air offensive against Boko Haram in "
     "northeast Nigeria on Sunday.", [("offensive-launched", "Nigeria")]),
    ("road-links-to", "Taliban fighters have surrounded Qala-i-Naw, officials said. The city is cut off, with road "
     "links to Herat severed. Jets carried out strikes on Taliban positions in the city overnight.",
     [("siege", "Qala i Naw"), ("airstrike", "Qala i Naw")]),
    # a venue, however it is introduced: "a rally of thousands in Kyiv", "talks between delegations in Geneva"
    ("venue", "The defence minister told a rally of thousands in Kyiv that the army had accepted the truce.", []),
    ("venue", "A truce took effect in Libya on Friday, the envoy said after talks between military delegations "
     "in Geneva.", [("ceasefire", "Libya")]),
    ("venue", "The ministers of Armenia and Azerbaijan met in Moscow. A ceasefire took effect in Stepanakert on "
     "Saturday.", [("ceasefire", "Khankendi")]),
    # "the country's third-largest city" refers back; "the main city square" is no city
    ("possessive-anaphor", "Insurgents swept through most of Homs on Saturday, residents said, wresting control of "
     "the country's third-largest city from government forces.", [("city-captured", "Homs")]),
    ("possessive-anaphor", "Protesters gathered in Homs on Friday. Police seized the main city square on Saturday.",
     []),
    # "the Black Sea city", "the Euphrates town": the sea or river named in the anaphor is not the town
    ("sea-or-river-anaphor", "Separatist fighters stormed into Poti on Monday. They captured the Black Sea city "
     "after 12 days of fighting.", [("city-breach", "Poti"), ("city-captured", "Poti")]),
    ("sea-or-river-anaphor", "Kurdish-led forces entered Tabqa on Sunday. They captured the Euphrates town on "
     "Monday.", [("city-captured", "Al-Tabqa")]),
    # an enclave "on the edge of" a city: the city only locates it
    ("area-near", "Government air strikes killed at least 40 civilians in Douma on Tuesday, a monitor said, the "
     "deadliest day in the besieged rebel enclave on the edge of Damascus in a year.",
     [("airstrike", "Dūmā"), ("civilians-at-risk", "Dūmā"), ("siege", "Dūmā")]),
    ("area-near", "Government forces besieged the rebel enclave near Homs on Tuesday.", []),
    # the speaker's seat, named in the title after "said Name,"
    ("speakers-seat", '"Civilians are fleeing in their thousands under the shelling," said Ali Hassan, a U.N. '
     "spokesman in Erbil.", []),
    ("speakers-seat", '"Civilians are fleeing in their thousands under the shelling," said Ali Hassan, who lives '
     "in Erbil.", [("civilians-at-risk", "Erbil")]),
    # a place introduced as a settlement earlier in the same sentence outweighs the story's main city, when the
    # nouns agree
    ("same-sentence-settlement", "Rebels stormed into the city of Aleppo on Friday. The fighting in Aleppo went on "
     "for days. In the east, the governor of the Euphrates port of Deir ez-Zor said rebels had seized the city.",
     [("city-breach", "Aleppo"), ("city-captured", "Deir ez-Zor")]),
    ("same-sentence-settlement", "Rebels stormed into the city of Aleppo on Friday. The fighting in Aleppo went on "
     "for days. Troops took the town of Kafr Hamra north of Aleppo, completing the encirclement of the city.",
     [("city-breach", "Aleppo"), ("city-captured", "Kafr Hamra"), ("siege", "Aleppo")]),
    ("speakers-seat", "Rebels shelled the army camp near Tessalit. \"The camp will fall within days,\" a senior "
     "officer in Bamako said.", []),
    ("one-mention-not-far-back", "Ethnic Armenian forces pulled back a day after Baku launched an operation in the "
     "region. Officials met. Talks went on. Nobody spoke. Thousands of civilians were trapped in the city.", []),
]


@pytest.mark.parametrize(("family", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_event_places(tagger: Tagger, detector: Detector, family: str, text: str,
                      expected: list[tuple[str, str]]) -> None:
    events = detector.detect(tagger.tag(text), article_id="t")
    assert sorted((e.milestone, e.place) for e in events) == sorted(expected)
