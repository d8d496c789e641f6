"""Rounds 28-29 of issue 4: what the blind tuning batches holdout90, 92, 94 and 96 (round 28), then 97, 99 and 101
(round 29) showed, as sentences about other places. Every sentence here is written for these tests; each case failed
before the change it covers, but for the ones that guard against overreach ("appositive-city-of", "novel-book",
"flag-ceremony", "flag-over-building", "missile-smashed-into")."""

from __future__ import annotations

import pytest

from streams.milestones import Detector
from streams.tagging import Tagger

CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
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


@pytest.mark.parametrize(("family", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_event_places(tagger: Tagger, detector: Detector, family: str, text: str,
                      expected: list[tuple[str, str]]) -> None:
    events = detector.detect(tagger.tag(text), article_id="t")
    assert sorted((e.milestone, e.place) for e in events) == sorted(expected)
