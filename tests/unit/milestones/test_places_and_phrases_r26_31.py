"""Rounds 26-31 of issue 4: what the blind batches showed, as sentences about other places written for these tests.
Rounds 26-29: holdout80-83, then the tuning batches' remaining misses; holdout90, 92, 94 and 96 in round 28; 97, 99
and 101 in round 29. Rounds 30-31: holdout102 (Libya), 104 (Sudan), 106 (Syria and Lebanon 2024); 108 (Iraq 2003-08),
110 (Myanmar), 112 (eastern Congo). Each case failed before the change it covers, but for the ones that guard against
overreach (among rounds 28-31's: "appositive-city-of", "novel-book", "flag-ceremony", "flag-over-building",
"missile-smashed-into", "whole-toll-still-blocked", "labour-strikes", "vow-to-stop-fighting" and
"month-of-the-event")."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.milestones import Detector
from streams.tagging import Tagger

CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
    # heard or seen is perception, not a possibility ("could" is no hypothetical here) ...
    ("could-be-heard", "Troops closed in on Fallujah overnight, and residents said air strikes could be heard across "
     "the city.", [("airstrike", "Al Fallūjah")]),
    # ... but "could be seen as" still is one
    ("could-be-seen-as", "Any air strike on Fallujah could be seen as an escalation, the envoy said.", []),
    # a bombardment by jets, rockets fired by helicopters: air strikes
    ("jets-bombardment", "Coalition jets and artillery kept up their bombardment of rebel positions in Ramadi on "
     "Monday.", [("airstrike", "Ramadi")]),
    ("helicopters-rockets", "Army helicopters fired rockets at militant positions in the village of Kot Kai on "
     "Sunday, officials said.", [("airstrike", "Kot Kai")]),
    # where the warship that fires is, is not what is struck
    ("launcher-at-sea", "Russian aircraft flew dozens of sorties in support of the advance, and a frigate in the "
     "Mediterranean fired cruise missiles at rebel positions near Palmyra.", [("airstrike", "Palmyra")]),
    # hostages held where they are shields, though the sentence says they were taken there
    ("held-as-shields", "Gunmen seized 40 families from a camp and took them into Sirte, where they were being held "
     "as human shields, the monitor said.", [("civilians-at-risk", "Sirte")]),
    # a city standing for its government
    ("capital-informed", "Rebels accused government warplanes of bombing their fighters near Idlib. \"Russian "
     "aircraft strike only at confirmed targets,\" the general said, adding that Moscow had informed the other side "
     "of its operations.", [("airstrike", "Idlib")]),
    ("capital-not-involved", "A ceasefire took effect in Ganja on Tuesday after weeks of fighting. The president said "
     "Yerevan had not been involved in the talks but that it was important the ceasefire held.",
     [("ceasefire", "Ganja")]),
    ("capital-operation", "Iraqi troops have encircled Tal Afar. A spokesman for Baghdad's \"anti-terrorist "
     "operation\" said the militant garrison was demoralised and close to collapse.", [("siege", "Tall ‘Afar")]),
    ("peace-deal-venue", "The garrison in Avdiivka appeared on the verge of collapse, in breach of the Minsk peace "
     "deal.", [("imminent-fall", "Avdiyivka")]),
    # what a besieged town is cut off from is not besieged
    ("cut-off-from", "Rebels said their fighters had surrounded Dilling and cut it off from Kadugli.",
     [("siege", "Dilling")]),
    # ordered to cease fire: a truce declared
    ("ordered-cease-fire", "The president ordered troops in eastern Ukraine to cease fire for a week starting on "
     "Friday.", [("ceasefire", "Ukraine")]),
    # a shell is war: the toll it takes is one of civilians at risk
    ("shell-struck", "A shell struck a market in central Horlivka on Monday, killing at least 12 civilians, "
     "officials said.", [("civilians-at-risk", "Horlivka")]),
    # the perfect of the launch is the launch
    ("has-been-launched", "Coalition troops massed south of Hodeidah. \"An offensive has been launched on Hodeidah,\" "
     "the coalition spokesman told reporters.", [("offensive-launched", "Al Ḩudaydah")]),
    # a town coordinated with another noun before its name is that name's ("the town and airfield of X"), not the
    # dateline's
    ("coordinated-of-name", "KANO (Reuters) - Militants have taken over the town and airfield of Baga, officials "
     "said.", [("city-captured", "Bagà")]),
    ("two-places-not-coordinated", "Troops encircled Grozny on Monday. Warplanes pounded the city and the town of "
     "Urus-Martan overnight.", [("airstrike", "Grozny"), ("airstrike", "Urus-Martan"), ("siege", "Grozny")]),
    # a truce signed abroad by a country's warring parties is that country's
    ("signed-abroad", "Libya's warring sides signed a ceasefire agreement on Friday in the Swiss city of Geneva.",
     [("ceasefire", "Libya")]),
    # a district named "of" its city is filed under the city
    ("district-of-city", "Militias killed dozens of civilians in the Sadr City district of Baghdad on Monday.",
     [("civilians-at-risk", "Baghdad")]),
    ("suburb-of-city", "Militias killed dozens of civilians in the Jaramana suburb of Damascus on Monday.",
     [("civilians-at-risk", "Damascus")]),
    # Sudan's Gezira as written from Arabic
    ("gezira-from-arabic", "Paramilitary fighters killed at least 50 civilians across Al-Jazira state on Friday.",
     [("civilians-at-risk", "Gezira")]),
    # those displaced by earlier fighting are background
    ("earlier-fighting", "Kadugli, home to some 300,000 people including tens of thousands displaced by earlier "
     "fighting, is the only South Kordofan town the army still holds.", []),
    # "the city" said two sentences back carries the place on, through sentences naming none
    ("carried-through-run", "Rebels broke into Mosul on Friday. An army source denied that the city had fallen. "
     "Residents said fighters broke through the defences of the city. Others made a last stand there. \"It is a "
     "matter of hours,\" one said. Tens of thousands of civilians were trapped as fighting raged.",
     [("city-breach", "Mosul"), ("city-captured", "Mosul"), ("imminent-fall", "Mosul"),
      ("civilians-at-risk", "Mosul")]),
    # a truce between two states placed where the text puts it, and a halt to operations in a country
    ("between-states-in", "A ceasefire between Armenia and Azerbaijan in Nagorno-Karabakh took effect on Saturday.",
     [("ceasefire", "Nagorno-Karabakh")]),
    # "In X, … the city": the city the sentence opens with, though the story names another more often
    ("in-x-the-city", "Troops attacked Shusha. Shusha's defenders held. Officials in Shusha spoke. In Stepanakert, a "
     "few kilometres to the north, drones struck the city twice on Thursday.",
     [("airstrike", "Khankendi")]),
    # a town set in apposition as "the region's main city" is what "the city" means in the same sentence
    ("apposed-city", "Attacks on Shusha went on. Shusha's garrison held. The forces defending Stepanakert, the "
     "region's main city, were exhausted and officials said the city was on the verge of falling.",
     [("imminent-fall", "Khankendi")]),
    # a quarter is no antecedent of "the city"
    ("quarter-no-antecedent", "Troops broke into Mosul on Tuesday. They pushed into the Gogjali district as gunfire "
     "rang out from the neighbouring Karama quarter. \"We are inside the city. Our forces will keep advancing,\" a "
     "general said. Hundreds of families streamed out of the area on foot.",
     [("city-breach", "Mosul"), ("civilians-at-risk", "Mosul")]),
    # broke through lines into the city
    ("lines-into", "Government forces broke through rebel lines into Sirte on Sunday.", [("city-breach", "Sirte")]),
    # guns falling silent are no fall
    ("fell-silent", "The guns around the embattled railway town of Vuhledar fell largely silent on Friday under a "
     "local truce agreed by both sides to let civilians leave.", [("ceasefire", "Vuhledar")]),
    # "the US-led coalition confirmed" names no place: the sentences before it still carry the city on
    ("country-adjective", "A truce took effect in Tal Afar on Saturday. The US-led coalition confirmed the deal. The "
     "army said the battle would be over within days.",
     [("ceasefire", "Tall ‘Afar"), ("imminent-fall", "Tall ‘Afar")]),
    # where people left for is not where they fled from
    ("left-for", "Hundreds of families have fled Kunduz in recent days for Taloqan and Baghlan as fighting raged, "
     "residents said.", [("civilians-at-risk", "Kunduz")]),
    # a desperate bid to flee is flight
    ("desperate-bid", "Insurgents took the palace in Jalalabad on Sunday. Thousands of Jalalabad residents thronged "
     "the airport in a desperate bid to flee.", [("civilians-at-risk", "Jalālābād")]),
    # a strike on where people shelter puts them at risk; people sheltering while a city is bombed, or a remembrance
    # of such a strike, do not
    ("struck-shelter", "Russian missiles struck a school in Kharkiv where hundreds of civilians were sheltering, "
     "officials said.", [("airstrike", "Kharkiv"), ("civilians-at-risk", "Kharkiv")]),
    ("sheltering-elsewhere", "Two residents said jets bombed Kharkiv on Saturday and that many families were "
     "sheltering in churches.", [("airstrike", "Kharkiv")]),
    ("shelter-remembered", "Dozens gathered in Odesa to mark two years since a Russian strike on a school in Kharkiv "
     "where hundreds of civilians were sheltering.", []),
    # the names a capture lists after "villages"
    ("villages-including", "The ministry said its forces had taken five villages, including Pylna and Ohirtseve, "
     "which Kyiv did not confirm.", [("city-captured", "Pylna"), ("city-captured", "Ohirtseve")]),
    ("villages-dash", "Rebels said they had seized two villages - Kalinove and Druzhba.",
     [("city-captured", "Kalinove"), ("city-captured", "Druzhba")]),
    # imminence: wiped out, overwhelmed within days, final hours
    ("close-to-wiped-out", "Soldiers were encircled in Ilovaisk, and their commanders said the units were close to "
     "being wiped out.", [("siege", "Ilovays’k"), ("imminent-fall", "Ilovays’k")]),
    ("overwhelmed-within-days", "The rebel commander in Sloviansk said his fighters could be overwhelmed within days.",
     [("imminent-fall", "Slovyansk")]),
    # round 27
    # aircraft that "had destroyed" tanks struck them (not "aircraft were destroyed")
    ("aircraft-destroyed", "NATO said its aircraft had destroyed several tanks on the outskirts of Brega over the "
     "weekend as fighting raged.", [("airstrike", "Al Burayqah")]),
    ("aircraft-were-destroyed", "Two aircraft were destroyed on the ground at Brega when rebels shelled the airfield.",
     []),
    # an offensive's target towns, named after the verb that pounds or attacks them
    ("pounding-towns", "Turkey launched a long-threatened offensive against Kurdish forces in northeast Syria on "
     "Wednesday, pounding the border towns of Qamishli and Amuda with air strikes.",
     [("offensive-launched", "Al Qāmishlī"), ("offensive-launched", "‘Āmūdā"), ("airstrike", "Al Qāmishlī"),
      ("airstrike", "‘Āmūdā")]),
    ("in-and-around-towns", "An alliance of three armies launched a coordinated offensive on Friday against the "
     "military in northern Shan state, attacking army positions in and around the towns of Muse, Namhkam and "
     "Kutkai.", [("offensive-launched", "Muse"), ("offensive-launched", "Namhkam"),
                 ("offensive-launched", "Kutkai")]),
    ("pounding-capital", "Georgia launched a major military offensive overnight to retake its breakaway region of "
     "Abkhazia, pounding the regional capital Sukhumi with rockets.", [("offensive-launched", "Sokhumi")]),
    # a siege in quotes, a city "fully blocked"
    ("quoted-siege", "The defence minister ordered a \"complete siege\" of Khan Younis on Monday, saying no "
     "electricity, food or fuel would be allowed in.", [("siege", "Khān Yūnis")]),
    ("fully-blocked", "Russia's Defense Ministry said its forces had fully blocked the southern cities of Mariupol and "
     "Melitopol.", [("siege", "Mariupol"), ("siege", "Melitopol")]),
]

# rounds 28-29
CASES_R28_29: list[tuple[str, str, list[tuple[str, str]]]] = [
    # "the villages of A and B" describes A and B as "the village of" does one
    ("villages-of-list", "Government troops said on Friday they had retaken the villages of Kamianka and Novoselivka "
     "in the south.", [("city-captured", "Kamianka"), ("city-captured", "Novoselivka")]),
    # a possessive among the words of a locative description; "and the port city of" coordinates ...
    ("possessive-capital", "Warplanes carried out air strikes on Libya's capital Tripoli and the coastal city of Sirte "
     "overnight.", [("airstrike", "Sirte"), ("airstrike", "Tripoli")]),
    ("and-the-port-city-of", "Jets carried out air strikes on Tripoli and the port city of Misrata overnight.",
     [("airstrike", "Misratah"), ("airstrike", "Tripoli")]),
    # ... but after a comma alone, "the home city of" describes the place before it
    ("appositive-city-of", "Troops launched an offensive on Monday to retake Sirte, the home city of Muammar Gaddafi.",
     [("offensive-launched", "Sirte")]),
    # the forces that withdrew named inside the phrase
    ("withdrew-troops", "Ukraine's military command said late on Tuesday that it had withdrawn its remaining troops "
     "from the town of Severodonetsk after weeks of street fighting.", [("city-captured", "Siverskodonetsk")]),
    # "novel" is a book, not the coronavirus a truce is declared against
    ("novel-coronavirus", "A ceasefire declared by the government took effect in Idlib on Friday, to help contain the "
     "novel coronavirus.", [("ceasefire", "Idlib")]),
    ("novel-book", "Her novel tells of a ceasefire that took effect in Idlib one spring.", []),
    # the fall of a town as the subject of a conditional, past a description set off by commas
    ("nominal-conditional", "The fall of Raqqa, the group's de facto capital in Syria, would deal a heavy blow to the "
     "militants.", []),
    # residents running into the hills; where those who fled arrive is not where they were at risk
    ("ran-into-hills", "Thousands of residents of Bunia ran into the hills as the militia attacked on Sunday.",
     [("civilians-at-risk", "Bunia")]),
    ("arriving-at", "Fighting raged in Shusha on Monday. Thousands of civilians had fled across the border, many of "
     "them arriving at the Goris reception centre.", [("civilians-at-risk", "Shusha")]),
    # a helicopter's model name is no place
    ("weapon-model", "Residents reported heavy fighting on the southern approaches to Zinjibar, while coalition Apache "
     "helicopters and warplanes struck rebel positions.", [("airstrike", "Zinjibār")]),
    # missiles counted between "fired" and "at"; bombs dropped from the air, whatever the verb
    ("missiles-count", "Russia fired more than 70 missiles at Odesa and Lviv overnight, officials said.",
     [("airstrike", "Lviv"), ("airstrike", "Odesa")]),
    ("guided-bombs", "Residents said guided bombs crashed into the centre of Chasiv Yar throughout the night.",
     [("airstrike", "Chasiv Yar")]),
    # a flag raised by troops over a town they entered (not at a ceremony)
    ("flag-raised", "Government troops raised the national flag in the eastern town of Kreminna on Friday, officials "
     "said.", [("city-captured", "Kreminna")]),
    ("flag-ceremony", "Soldiers raised the national flag in Lviv on Sunday to mark Independence Day.", []),
    # (a flag over a building in a quarter of "the city" is not the town taken)
    ("flag-over-building", "Government forces fought their way into Donetsk and raised the national flag over a police "
     "station in one of the city's districts.", [("city-breach", "Donetsk")]),
    # an unopposed entry told in one phrase
    ("walked-unopposed", "Rebel fighters walked unopposed into the centre of Bunia on Sunday after the army withdrew.",
     [("city-captured", "Bunia")]),
    # killings told without "killed"; "to death in the village of" is no destination
    ("hacked-to-death", "Militiamen hacked at least 30 villagers to death in the village of Eringeti overnight, local "
     "officials said.", [("civilians-at-risk", "Eringeti")]),
    # helicopters firing on positions near a town strike it from the air
    ("helicopters-fired-on", "Army attack helicopters fired on rebel trenches near Rutshuru on Friday, the mission "
     "said.", [("airstrike", "Rutshuru")]),
    # defenders preparing for their "last battle"
    ("their-last-battle", "Troops defending the encircled city of Severodonetsk said they were preparing for their "
     "\"last battle\" as supplies ran out.", [("imminent-fall", "Siverskodonetsk"), ("siege", "Siverskodonetsk")]),
    # round 29: where speakers sit ("the army command in X said", "In X, officials said") is not where the aircraft
    # struck
    ("command-in-city-said", "The army command in Kandahar said its aircraft had bombed militant positions near the "
     "town of Maywand overnight.", [("airstrike", "Maywand")]),
    ("press-center-in-said", "The government's press center in Kabul said aircraft had hit militant targets in Sangin.",
     [("airstrike", "Sangīn")]),
    ("in-city-officials-said", "Fighting went on around Bihac. In London, officials said ministers were weighing air "
     "strikes against Serb artillery.", []),
    # armoured columns that smash into a city centre breach it; a missile that does is an air strike only
    ("smashed-into-centre", "Government armoured columns smashed into the centre of Gudermes on Sunday, residents "
     "said.", [("city-breach", "Gudermes")]),
    ("missile-smashed-into", "A missile smashed into the centre of Odesa on Tuesday, damaging a hotel.",
     [("airstrike", "Odesa")]),
    # defenders who expect to be overrun
    ("expect-to-be-overrun", "Soldiers inside the besieged town of Damboa say they are running out of ammunition and "
     "expect to be overrun.", [("imminent-fall", "Damboa"), ("siege", "Damboa")]),
    # "the city" after a list of towns its roads lead to: the dateline's town, named in the story, wins the tie
    ("dateline-story-town", "GAO, Mali (Reuters) - Rebels have closed in on Gao, cutting the roads that link it to "
     "Timbuktu and Menaka. Thousands of residents have fled the city in the past two days, aid workers said.",
     [("civilians-at-risk", "Gao")]),
]


CASES_R30: list[tuple[str, str, list[tuple[str, str]]]] = [
    # a weapon's model is no place, whatever its kind to the tagger ("Grad" is a first-level area somewhere)
    ("rocket-model", "Rebel forces fired barrages of Grad rockets into residential districts of besieged Homs on "
     "Friday, killing at least 19 civilians, doctors said.", [("civilians-at-risk", "Homs"), ("siege", "Homs")]),
    # this attack measured against the whole war is no running toll
    ("deadliest-since-far", "A drone strike on a wedding party in Kosti killed at least 31 civilians on Sunday, the "
     "deadliest attack on the White Nile state capital since the war began.",
     [("airstrike", "Kosti"), ("civilians-at-risk", "Kosti")]),
    ("deadliest-in-months-of-war", "An air strike on a crowded market in Nyala killed at least 26 people on Friday, "
     "in one of the deadliest single attacks in nearly two years of war.",
     [("airstrike", "Nyala"), ("civilians-at-risk", "Nyala")]),
    # ... but the war's own toll still is one
    ("whole-toll-still-blocked", "More than 300 people have been killed in Nyala since the war began, the deadliest "
     "toll in the region.", []),
    # a town set in apposition as a suburb of another: the other only locates it
    ("suburb-of-capital", "A missile hit a shopping centre in Irpin, a suburb of the Ukrainian capital Kyiv, late on "
     "Tuesday, killing at least 21 people, officials said.", [("airstrike", "Irpin"), ("civilians-at-risk", "Irpin")]),
    # an area before the towns it holds only qualifies them, for several towns as for one
    ("area-cities-of", "Tens of thousands of people are trapped in the North Darfur cities of Kutum and Kabkabiya, "
     "which the RSF has cut off, aid groups said.",
     [("civilians-at-risk", "Kabkābīyah"), ("civilians-at-risk", "Kutum"), ("siege", "Kutum")]),
    # flight en masse told by what it looks like, not by a count
    ("columns-of-cars", "Long columns of cars carrying families streamed out of Shusha on Wednesday as the shelling "
     "went on, officials said.", [("civilians-at-risk", "Shusha")]),
    ("road-jammed", "By evening the coastal road was jammed as families fled Sidon after the air strikes, witnesses "
     "said.", [("airstrike", "Sidon"), ("civilians-at-risk", "Sidon")]),
    ("residents-on-foot", "Residents were fleeing Kherson on foot as the shelling intensified, officials said.",
     [("civilians-at-risk", "Kherson")]),
    ("population-with-adjective", "Most of the Armenian population of Shusha fled on Thursday as Azerbaijani troops "
     "advanced.", [("civilians-at-risk", "Shusha")]),
    # an operation whose target comes a few words on, or whose name is quoted
    ("operation-day-against", "The army launched an operation on Monday against militants holding the town of "
     "Marawi.", [("offensive-launched", "Marawi City")]),
    ("operation-quoted", "Israeli forces launched what they called a \"limited operation\" in the West Bank city of "
     "Jenin on Monday.", [("offensive-launched", "Jenin")]),
    # a military's strikes told without "air"
    ("struck-targets-near", "The Israeli military said it had struck Hezbollah targets near Nabatieh overnight.",
     [("airstrike", "Nabatîyé et Tahta")]),
    ("carried-out-strikes", "U.S. forces carried out three strikes in Jilib on Tuesday, killing militants, the "
     "command said.", [("airstrike", "Jilib")]),
    # ... a labour strike is none
    ("labour-strikes", "Workers carried out strikes in Lagos on Monday over fuel prices.", []),
]


CASES_R31: list[tuple[str, str, list[tuple[str, str]]]] = [
    # an order to stop fighting is the truce declared ...
    ("ordered-to-stop-fighting", "The cleric ordered his militiamen on Saturday to stop fighting in Kut, and the "
     "government welcomed the move.", [("ceasefire", "Al-Kut")]),
    # ... a vow to is not
    ("vow-to-stop-fighting", "The cleric vowed to stop fighting in Kut if the troops withdrew.", []),
    # armoured vehicles named by their model are no place
    # (nor what "the city" stands for)
    ("vehicle-model", "U.S. troops stormed into Ramadi on Friday. Tanks and Bradley fighting vehicles punched "
     "through insurgent positions on the city's edges while helicopter gunships fired on snipers.",
     [("airstrike", "Ramadi"), ("city-breach", "Ramadi")]),
    # where accords were signed is no town "the town" may stand for
    ("venue-of-accords", "BUKAVU (Reuters) - Rebels launched an offensive toward Uvira on Saturday, days after the "
     "presidents of Congo and Rwanda signed peace accords in Washington. Residents said drones had struck rebel "
     "positions on the hills above the town overnight.", [("airstrike", "Uvira"), ("offensive-launched", "Uvira")]),
    # a town the gazetteer lacks, set in apposition as an administrative centre
    ("administrative-centre", "Rebels said on Saturday they had captured Mweso, the administrative centre of the "
     "chiefdom, but the army said its troops were still fighting in the town.", [("city-captured", "Mweso")]),
    ("administrative-centre-alone", "Rebels said on Saturday they had captured Mweso, the administrative centre of "
     "the chiefdom.", [("city-captured", "Mweso")]),
]


ALL_CASES = CASES + CASES_R28_29 + CASES_R30 + CASES_R31


@pytest.mark.parametrize(("family", "text", "expected"), ALL_CASES, ids=[c[0] for c in ALL_CASES])
def test_event_places(tagger: Tagger, detector: Detector, family: str, text: str,
                      expected: list[tuple[str, str]]) -> None:
    events = detector.detect(tagger.tag(text), article_id="t")
    assert sorted((e.milestone, e.place) for e in events) == sorted(expected)


def test_a_date_days_ahead_is_not_last_year(tagger: Tagger, detector: Detector) -> None:
    text = ("The leaders agreed on Thursday a ceasefire in eastern Ukraine to take effect from Feb. 15, after talks "
            "through the night.")
    tagging = tagger.tag(text)
    events = detector.detect(tagging, article_id="t", published_at=datetime(2015, 2, 12, tzinfo=UTC))
    assert [(e.milestone, e.place) for e in events] == [("ceasefire", "Ukraine")]
    # the same date in an article of December is February's: background
    later = detector.detect(tagging, article_id="t", published_at=datetime(2015, 12, 1, tzinfo=UTC))
    assert later == []


def test_a_month_ahead_of_an_election_is_not_the_events_date(tagger: Tagger, detector: Detector) -> None:
    published = datetime(2004, 10, 1, tzinfo=UTC)
    text = ("KIRKUK, Iraq (Reuters) - About 2,000 Iraqi troops stormed into the city of Hawija before dawn on Friday, "
            "launching a major offensive to retake the town ahead of January elections.")
    events = detector.detect(tagger.tag(text), article_id="t", published_at=published)
    assert ("offensive-launched", "Al Ḩawījah") in {(e.milestone, e.place) for e in events}
    # "month-of-the-event": an offensive launched in January, told in October, is background
    text = "KIRKUK, Iraq (Reuters) - Iraqi troops launched an offensive on Hawija in January, officials said."
    assert detector.detect(tagger.tag(text), article_id="t", published_at=published) == []
