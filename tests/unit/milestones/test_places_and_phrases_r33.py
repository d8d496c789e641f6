"""Round 33 of issue 4: what the tuning batches holdout120 (Rwanda 1994 and Burundi), 122 (Darfur and eastern Chad,
2003-08) and 124 (Lebanon's civil war) showed, as sentences written for these tests. Each case failed before the change
it covers, except the ones that guard against overreach ("army-camp-of", "anniversary-of-days-under-siege",
"truce-today-and-earlier-truces")."""

from __future__ import annotations

import pytest

from streams.milestones import Detector
from streams.tagging import Tagger

CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
    # the named camps of refugees are places people live
    ("refugee-camps-of", "Militiamen launched an all-out assault on the refugee camps of Ain Helweh and Mieh Mieh "
     "on Tuesday, witnesses said.", [("offensive-launched", "Ain Helweh"), ("offensive-launched", "Mieh Mieh")]),
    ("refugee-camp-of-shelled", "Shells slammed into the refugee camp of Jisr al-Wadi on Tuesday, killing at least 30 "
     "civilians, witnesses said.", [("civilians-at-risk", "Jisr al-Wadi")]),
    ("army-camp-of", "Rebels attacked the army camp of the town on Monday.", []),
    # where a camp for displaced people is: a place people live
    ("camp-for-at", "Gunmen attacked a camp for displaced families at Ruhororo in northern Burundi on Saturday, "
     "killing more than 40 people, officials said.", [("civilians-at-risk", "Ruhororo")]),
    # a commune of Burundi, Mali or Haiti is named after its seat
    ("commune", "Soldiers killed at least 60 civilians in Mubimbi commune in western Burundi this week, witnesses "
     "said.", [("civilians-at-risk", "Mubimbi")]),
    # breaking through a side's lines into a town is a breach
    ("government-lines", "Rebel fighters broke through government lines on Gitarama's northern outskirts on Tuesday "
     "and pushed into the town.", [("city-breach", "Gitarama")]),
    # a town the gazetteer lacks, taken "from rebels": the rebels are whom it was taken from, not the name's
    ("town-of-x-from-rebels", "Government forces have recaptured the border town of Tandubayo from rebels on Monday.",
     [("city-captured", "Tandubayo")]),
    # earlier truces are history; today's truce is not
    ("earlier-truces", "DAR ES SALAAM (AFP) - The government and the rebels agreed on Tuesday to a ceasefire in "
     "northern Rwanda. The truce takes effect at midnight. Diplomats in Kigali cautioned that earlier truces in the "
     "war, which began in October 1990, had broken down within weeks.", [("ceasefire", "Rwanda")]),
    ("truce-today-and-earlier-truces", "Rebels and the army agreed a truce in Butare on Monday. Diplomats cautioned "
     "that earlier truces in the war had broken down within weeks.", [("ceasefire", "Butare")]),
    # a name listed right before a town the gazetteer knows is a town too
    ("listed-before-a-town", "A ceasefire took effect at 6 a.m. on Monday in Bhamdoun Mahatta, Aley and the rest of "
     "the mountains, halting three weeks of fighting.",
     [("ceasefire", "Aley"), ("ceasefire", "Bhamdoun Mahatta")]),
    ("two-camps-before-the-noun", "Militiamen launched an assault on the Wavel and Dbayeh Palestinian refugee camps "
     "on Sunday.", [("offensive-launched", "Dbayeh"), ("offensive-launched", "Wavel")]),
    # a name "around" which gunships fire, placed against the capital, is the target
    ("around-x-south-of", "BUJUMBURA (Reuters) - Army helicopter gunships fired rockets at rebel positions around "
     "Mutimbuzi, south of the capital, on Monday.", [("airstrike", "Mutimbuzi")]),
    # a people's name after a camp's is no part of it
    ("camp-name-then-demonym", "Militiamen launched an assault on the Ein el-Tineh Palestinian refugee camp on "
     "Sunday.", [("offensive-launched", "Ein el-Tineh")]),
    # a toll counted "since the spring" is a running toll
    ("since-the-spring", "Police estimate that more than 2,000 people have been killed in clashes in Beirut and "
     "Zahle since the spring.", []),
    # the weeks a town has spent under siege name it as besieged
    ("weeks-under-siege", "Deir Qanoun, the district's largest town, entered its third week under army siege on "
     "Monday, with residents short of bread.", [("siege", "Deir Qanoun")]),
    ("anniversary-of-days-under-siege", "Residents of Mostar marked the anniversary of 100 days under siege in "
     "1994.", []),
]


@pytest.mark.parametrize(("family", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_event_places(tagger: Tagger, detector: Detector, family: str, text: str,
                      expected: list[tuple[str, str]]) -> None:
    events = detector.detect(tagger.tag(text), article_id="t")
    assert sorted((e.milestone, e.place) for e in events) == sorted(expected)
