"""Dated background, claims by a party, and other near misses (round 5 of issue 4): each family with
sentences that must fire and sentences that must not. The sentences are written for these tests,
dated by ``published_at`` where the date matters."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Found = list[tuple[str, str, str]]

PUB = "2025-04-10T12:00:00+00:00"

# background dated only to a month or season, before the article's date, is history
DATED: list[tuple[str, str, Found]] = [
    ("month-end-of-clause", "Jihadists seized Kidal, a desert town in northern Mali, in late February.", []),
    ("month-year-participle", "Jihadists seized Kidal in February 2024, forcing tens of thousands to flee.", []),
    ("last-month", "Jihadists seized Kidal last month.", []),
    ("last-season", "Jihadists seized Kidal last summer.", []),
    ("mid-month-year", "Russian forces captured Avdiivka in mid-February 2024.", []),
    ("mid-month", "Jihadists seized Kidal in mid-February, residents said.", []),
    ("early-month", "Jihadists seized Kidal in early March, residents said.", []),
    ("the-month-day", "Officials blame the March 22 attack in Kidal, in which 26 people were killed, on jihadists.",
     []),
    ("the-month-day-recent", "Officials blame the April 8 attack in Kidal, in which 26 people were killed, on "
     "jihadists.", [("civilians-at-risk", "Kidal", "confirmed")]),
    ("mid-this-month", "Jihadists seized Kidal in mid-April, residents said.",
     [("city-captured", "Kidal", "confirmed")]),
    ("weekday", "Jihadists seized Kidal, a desert town in northern Mali, on Tuesday.",
     [("city-captured", "Kidal", "confirmed")]),
    ("overnight", "Jihadists seized Kidal overnight, forcing tens of thousands to flee.",
     [("city-captured", "Kidal", "confirmed"), ("civilians-at-risk", "Kidal", "confirmed")]),
    ("this-week", "Jihadists seized Kidal this week, residents said.", [("city-captured", "Kidal", "confirmed")]),
    ("this-month", "Jihadists seized Kidal in early April, residents said.",
     [("city-captured", "Kidal", "confirmed")]),
    ("recent-day", "Jihadists seized Kidal on April 8, residents said.", [("city-captured", "Kidal", "confirmed")]),
    ("dated-then-current", "The rebels, who seized Goma in January, captured Bukavu on Sunday.",
     [("city-captured", "Bukavu", "confirmed")]),
    ("relative-after", "Drones struck Kidal, which the jihadists had seized in late February.",
     [("airstrike", "Kidal", "confirmed")]),
    ("relative-before", "The jihadists, who seized Kidal in February, launched an offensive on Gao.",
     [("offensive-launched", "Gao", "confirmed")]),
    ("ongoing-since", "The truce in Kidal has largely held since it took effect on March 2, despite sporadic "
     "clashes, monitors said.", [("ceasefire", "Kidal", "confirmed")]),
]


@pytest.mark.parametrize(("name", "text", "expected"), DATED, ids=[f"{c[0]}-{i}" for i, c in enumerate(DATED)])
def test_month_dated_background(detect: Callable[..., Found], name: str, text: str, expected: Found) -> None:
    assert detect(text, published_at=PUB) == expected


# Claims stay claims (issue 4): a capture or siege whose only source is a party to the conflict is
# claimed; an independent source (residents, witnesses, a monitor, reporters who saw it) or neutral
# reporting keeps it confirmed. Airstrikes and other milestones keep their own status rules.
STATUS: list[tuple[str, str, Found]] = [
    ("army-said-it-had", "The army said it had taken control of Kidal after two days of fighting.",
     [("city-captured", "Kidal", "claimed")]),
    ("ministry-said-its-forces", "Russia's defence ministry said its forces had captured the town of Pokrovsk.",
     [("city-captured", "Pokrovsk", "claimed")]),
    ("trailing-ministry", "Russian forces have recaptured Pokrovsk, the defence ministry in Moscow said on Friday.",
     [("city-captured", "Pokrovsk", "claimed")]),
    ("spokesman-told", "Troops have encircled Kidal, an army spokesman told reporters on Monday.",
     [("siege", "Kidal", "claimed")]),
    ("government-said", "Federal forces captured Kidal on Sunday, the government said.",
     [("city-captured", "Kidal", "claimed")]),
    ("residents", "Jihadists seized Kidal on Sunday, residents said.", [("city-captured", "Kidal", "confirmed")]),
    ("residents-and-party", "Jihadists seized Kidal on Sunday, residents and a jihadist spokesman said.",
     [("city-captured", "Kidal", "confirmed")]),
    ("monitor", "Government forces captured Kidal on Sunday, a war monitor said.",
     [("city-captured", "Kidal", "confirmed")]),
    ("reporters-saw", "Rebels captured Kidal on Sunday, the rebels said, and reporters saw their flag over "
     "the governor's office.", [("city-captured", "Kidal", "confirmed")]),
    ("conceded", "Jihadists seized Kidal on Sunday, and the army conceded its troops had withdrawn.",
     [("city-captured", "Kidal", "confirmed")]),
    ("neutral", "Jihadists seized Kidal on Sunday.", [("city-captured", "Kidal", "confirmed")]),
    ("officials", "Jihadists seized Kidal on Sunday, local officials said.", [("city-captured", "Kidal", "confirmed")]),
]


@pytest.mark.parametrize(("name", "text", "expected"), STATUS, ids=[f"{c[0]}-{i}" for i, c in enumerate(STATUS)])
def test_party_source_status(detect: Callable[..., Found], name: str, text: str, expected: Found) -> None:
    assert detect(text, published_at=PUB) == expected


# a suicide bomber on the ground is no air strike; "12-hour" is a duration, not ten or more dead
OTHER: list[tuple[str, str, Found]] = [
    ("suicide-bombers", "Suicide bombers attacked a crowded market in Maiduguri on Saturday, killing at least "
     "18 people, in an attack blamed on Boko Haram jihadists.", [("civilians-at-risk", "Maiduguri", "confirmed")]),
    ("suicide-bomber", "A suicide bomber struck a mosque in Maiduguri on Friday.", []),
    ("bomber-jets", "Air force jets attacked a crowded market in Maiduguri on Saturday, killing at least 18 "
     "people, officials said.",
     [("airstrike", "Maiduguri", "confirmed"), ("civilians-at-risk", "Maiduguri", "confirmed")]),
    ("duration-not-count", "Police said three civilians were killed on Sunday in a 12-hour gun battle between "
     "soldiers and al Shabaab fighters in Kismayo.", []),
    ("count", "Police said 14 civilians were killed on Sunday in a gun battle between soldiers and al Shabaab "
     "fighters in Kismayo.", [("civilians-at-risk", "Kismayo", "confirmed")]),
]


@pytest.mark.parametrize(("name", "text", "expected"), OTHER, ids=[f"{c[0]}-{i}" for i, c in enumerate(OTHER)])
def test_other_near_misses(detect: Callable[..., Found], name: str, text: str, expected: Found) -> None:
    assert detect(text, published_at=PUB) == expected
