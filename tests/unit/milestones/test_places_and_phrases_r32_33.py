"""Rounds 32-33 of issue 4: what the tuning batches showed, as sentences written for these tests. Round 32: holdout114
(Liberia and Sierra Leone), 116 (Pakistan's north-west) and 118 (Ituri, North Kivu and the LRA); round 33: holdout120
(Rwanda 1994 and Burundi), 122 (Darfur and eastern Chad, 2003-08) and 124 (Lebanon's civil war). Each case failed
before the change it covers, except the ones that guard against overreach ("toll-in-another-clause",
"dated-subject-still-blocked", "relative-clause-names-the-forces", "fighters-poured-in", "lake-is-no-town",
"fighters-cut-off", "united-nations-dateline", "fans-packed-into"; "army-camp-of", "anniversary-of-days-under-siege",
"truce-today-and-earlier-truces").
The flood filter first used the shared disaster list; over all labelled batches it then blocked a siege label whose
sentence names a chemical plant, so it keeps to weather and water."""

from __future__ import annotations

import pytest

from streams.milestones import Detector
from streams.tagging import Tagger

CASES_R32: list[tuple[str, str, list[tuple[str, str]]]] = [
    # a date inside a relative clause on the subject dates that clause, not the capture
    ("dated-subject-relative", "BO (Reuters) - Fighters who slipped across the border from Guinea last month have "
     "captured the town of Pendembu, the army said on Friday.", [("city-captured", "Pendembu")]),
    ("dated-subject-still-blocked", "BO (Reuters) - Fighters last month captured the town of Pendembu, the army said "
     "on Friday.", []),
    # (a relative clause of the same shape still names the forces a siege needs)
    ("relative-clause-names-the-forces", "Thousands are trapped in the northern town of Djibo, which jihadists have "
     "encircled, residents said on Monday.", [("civilians-at-risk", "Djibo"), ("siege", "Djibo")]),
    # a whole war's dead are no new mass-casualty event ...
    ("war-dead", "GBARNGA (Reuters) - Rebels shelled Gbarnga on Monday. Some 200,000 people are thought to have died "
     "in the civil war.", []),
    ("war-killed-past-tense", "KENEMA (Reuters) - Rebels attacked Kenema on Monday. The war, which began when rebels "
     "crossed the border in 1991, killed an estimated 50,000 people.", []),
    # ... but a toll today in the same sentence as the war's stays one
    ("toll-in-another-clause", "KENEMA (Reuters) - At least 40 civilians were killed in Kenema on Monday, and "
     "thousands have died in the war, the official said.", [("civilians-at-risk", "Kenema")]),
    # a drone that fires missiles strikes
    ("drone-fired-missiles", "A drone fired three missiles at a compound on the outskirts of Wana on Monday, killing "
     "five militants, officials said.", [("airstrike", "Wana")]),
    # people fleeing into a town do not break into it; fighters pouring in still do
    ("fleeing-poured-into", "Thousands of people fleeing rebel attacks have poured into the town of Aru, aid workers "
     "said on Tuesday.", []),
    ("fighters-poured-in", "Rebel fighters poured into the town of Aru on Tuesday, witnesses said.",
     [("city-breach", "Aru")]),
    # where a group is based is not where anything happened
    ("based-group", "BUNIA, Congo (Reuters) - Militiamen killed at least 30 civilians in Ituri on Sunday. The "
     "New York-based group said the massacre was one of the worst this year.", [("civilians-at-risk", "Ituri")]),
    ("based-group-alone", "BUNIA, Congo (Reuters) - Militiamen killed at least 30 civilians on Sunday, the New "
     "York-based group said.", []),
    # a town set in apposition as a group's stronghold, which "the town" then names
    ("stronghold-of-a-tribe", "In Ladha, another stronghold of the Mehsud tribe, troops had broken through militant "
     "positions and entered the town on Sunday, the army said.", [("city-breach", "Ladha")]),
    ("lake-is-no-town", "Jets bombed a market on the islands of Lake Edward, a stronghold of the rebels, on Friday, "
     "the army said.", []),
    # a town cut off by a flood is not besieged; one cut off by fighters is, whatever burns there
    ("flood-cut-off", "PESHAWAR (Reuters) - Troops and Taliban militants fought for the valley for months. The "
     "river burst its banks after days of monsoon rain on Monday, cutting off Chitral from the rest of the valley.",
     []),
    ("fighters-cut-off", "Rebel fighters cut off Kalemie on Monday as a blaze swept through its chemical plant, "
     "residents said.", [("siege", "Kalemie")]),
    # "the surrounding X" is an adjective, not forces surrounding a town
    ("the-surrounding-fields", "Mongbwalu lies on a gold belt, and militias have long fought for control of the "
     "surrounding diggings.", []),
    # a dateline town the gazetteer lacks is a town, and so are its later mentions
    ("dateline-town", "NYANZALE, Congo (Reuters) - Fighting raged through the night in this eastern Congolese town. "
     "Rebels retook Nyanzale on Wednesday after a day of fighting, residents said.", [("city-captured", "Nyanzale")]),
    ("united-nations-dateline", "UNITED NATIONS (Reuters) - Rebels fired on United Nations peacekeepers near Bunia "
     "on Monday, the United Nations said. The United Nations was captured by rebels in a stunning move, one diplomat "
     "joked.", []),
    # civilians caught where they are: pinned down, crammed into a compound ...
    ("crammed-into", "BUNIA, Congo (Reuters) - Militiamen seized the town on Monday. Thousands of terrified civilians "
     "were crammed into the U.N. compound in Bunia, aid workers said.",
     [("city-captured", "Bunia"), ("civilians-at-risk", "Bunia")]),
    ("pinned-down", "Residents of Kenema said they were pinned down in their homes by heavy machine-gun fire on "
     "Friday as rebels attacked.", [("civilians-at-risk", "Kenema")]),
    # ... but not a stadium's crowd
    ("fans-packed-into", "Militia clashes had forced the match out of Bunia, and 18,000 fans packed into the stadium "
     "in Kisangani on Sunday.", []),
    # a name a group's leader is called by is the group's
    ("group-chief", "Jets struck a training camp in Kabal, the stronghold of Swat Taliban chief Maulana Fazlullah, on "
     "Friday, the army said.", [("airstrike", "Kabal")]),]

CASES_R33: list[tuple[str, str, list[tuple[str, str]]]] = [
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
     "1994.", []),]

ALL_CASES = CASES_R32 + CASES_R33


@pytest.mark.parametrize(("family", "text", "expected"), ALL_CASES, ids=[c[0] for c in ALL_CASES])
def test_event_places(tagger: Tagger, detector: Detector, family: str, text: str,
                      expected: list[tuple[str, str]]) -> None:
    events = detector.detect(tagger.tag(text), article_id="t")
    assert sorted((e.milestone, e.place) for e in events) == sorted(expected)
