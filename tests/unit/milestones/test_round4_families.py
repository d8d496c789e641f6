"""Phrasing families fixed in round 4 (issue 4), each with sentences that must fire and sentences that
must not. The sentences are written for these tests; invented names ("Dabrokoro", "Kyauk Ta Lu") keep
them independent of the gazetteer's coverage."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Found = list[tuple[str, str, str]]

CASES: list[tuple[str, str, Found]] = [
    # a town located by the country or province right after it: "in X in central Y"
    ("town-in-country", "Gunmen killed at least 45 villagers in Dabrokoro in northern Mali on Sunday, "
     "local officials said.", [("civilians-at-risk", "Dabrokoro", "confirmed")]),
    ("town-in-country", "Jihadists stormed into Kelmoura in northern Niger on Tuesday, witnesses said.",
     [("city-breach", "Kelmoura", "confirmed")]),
    ("town-in-country", "Gunmen killed at least 45 villagers in northern Mali on Sunday, officials said.",
     [("civilians-at-risk", "Mali", "confirmed")]),
    ("town-in-country", "Gunmen killed at least 45 villagers on Monday in Mali, officials said.",
     [("civilians-at-risk", "Mali", "confirmed")]),
    # a village name the gazetteer knows only the tail of ("Ta Lu") is the whole name
    ("whole-name", "Junta jets bombed a school in the village of Kyauk Ta Lu in Sagaing region, killing at "
     "least 30 people, residents said.",
     [("airstrike", "Kyauk Ta Lu", "confirmed"), ("civilians-at-risk", "Kyauk Ta Lu", "confirmed")]),
    # a shared dateline names where the story was filed, not where the event is
    ("shared-dateline", "RIYADH/SANAA (Reuters) - Saudi-led jets struck Houthi positions on Monday.", []),
    ("shared-dateline", "KABUL/DOHA (Reuters) - Afghan factions agreed a truce on Monday, negotiators said.",
     [("ceasefire", "Afghan", "confirmed")]),
    # a truce between two states has no one place; one state's warring parties do
    ("interstate-truce", "Ethiopia and Eritrea agreed to a ceasefire on Monday, officials said.", []),
    ("interstate-truce", "Sudan's warring parties agreed to a ceasefire on Monday, mediators said.",
     [("ceasefire", "Sudan", "confirmed")]),
    # coordination across an appositive
    ("appositive-coordination", "The rebels seized Gondar, the region's largest city, and Bahir Dar on "
     "Sunday, officials said.",
     [("city-captured", "Bahir Dar", "confirmed"), ("city-captured", "Gondar", "confirmed")]),
    ("appositive-coordination", "The rebels seized Gondar, a senior commander said, and then moved on.",
     [("city-captured", "Gondar", "claimed")]),
    # missiles fired at sites narrowed down by "including (targets in) X and Y"
    ("including", "Russia fired missiles at energy sites across Ukraine overnight, including targets in "
     "Lviv and Dnipro, officials said.",
     [("airstrike", "Dnipro", "confirmed"), ("airstrike", "Lviv", "confirmed")]),
    ("including", "Russia fired missiles at energy sites across Ukraine overnight, officials said.",
     [("airstrike", "Ukraine", "confirmed")]),
    # gangs that overrun a town are armed conflict; gangs in a trade are not a capture
    ("gangs", "Armed gangs overran the town of Kenscoff on Saturday, police said.",
     [("city-captured", "Kenscoff", "confirmed")]),
    ("gangs", "A gang took over the local drug trade in Kenscoff, police said.", []),
    # a fall that depends on "unless" is a forecast, not imminent
    ("unless", "Analysts said Kharkiv could fall within weeks unless reinforcements arrive.", []),
    ("unless", "Officers said Kharkiv could fall within days.", [("imminent-fall", "Kharkiv", "confirmed")]),
    # taking shelter, taking refuge, pushing out of a city are no captures
    ("shelter", "Dozens of civilians took refuge in the town of Seredka as troops approached.", []),
    ("shelter", "Troops took the town of Seredka on Monday after heavy fighting.",
     [("city-captured", "Seredka", "confirmed")]),
    # a rejected claim is contested; troops that "still held" the town dispute it
    ("rejected-claim", "Kyiv rejected a claim by the Russian army that its troops had captured Kupiansk.",
     [("city-captured", "Kupiansk", "contested")]),
    ("rejected-claim", "The Russian army said its troops had captured Kupiansk. Ukrainian units still held "
     "the city centre, a Ukrainian commander said.", [("city-captured", "Kupiansk", "contested")]),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_round4_family(detect: Callable[..., Found], name: str, text: str, expected: Found) -> None:
    assert detect(text) == expected
