"""Places the gazetteer lacks but the copy names as places ("the village of Qarzabad"): found by the
milestones side, emitted without a GeoNames id, and keyed by the folded name. The invented names below
are in no gazetteer, so these tests do not depend on the tagger's coverage."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from alerts.alert import Alert
from streams.milestones import Detector
from streams.milestones.model import fold_name
from streams.milestones.named import unresolved_places
from streams.tagging import Tagger

Found = list[tuple[str, str, str]]

POSITIVE: list[tuple[str, Found]] = [
    ("Government forces recaptured the coastal town of Qarzabad from the militants on Monday.",
     [("city-captured", "Qarzabad", "confirmed")]),
    ("An air strike on the village of Mbelokoro killed at least 40 people, witnesses said.",
     [("airstrike", "Mbelokoro", "confirmed"), ("civilians-at-risk", "Mbelokoro", "confirmed")]),
    ("A jet dropped bombs on a crowd gathered in Tharyarwaddy village, Pale township, on Tuesday, killing 40 "
     "civilians.", [("airstrike", "Tharyarwaddy", "confirmed"), ("civilians-at-risk", "Tharyarwaddy", "confirmed")]),
    # (a name with diacritics)
    ("At least 40 civilians were killed when a bomb hit a church in the remote northwestern town of Güepsa, "
     "officials said.", [("civilians-at-risk", "Güepsa", "confirmed")]),
    # (a Myanmar township is a town: "captured Maungdaw, a township on the border")
    ("The rebel army said on Monday it had captured Pyinzalo, a township on the western border.",
     [("city-captured", "Pyinzalo", "claimed")]),
    ("Rebels have surrounded Tashvilo, a town 30 km north of the border, local officials said.",
     [("siege", "Tashvilo", "confirmed")]),
    ("Troops besieged the rebel-held town of Wadi al-Qorfa, where 20,000 people are trapped.",
     [("civilians-at-risk", "Wadi al-Qorfa", "confirmed"), ("siege", "Wadi al-Qorfa", "confirmed")]),
    ("Militants seized the central Somali town of Galmarer on Sunday after the army withdrew.",
     [("city-captured", "Galmarer", "confirmed")]),
    # introduced once, then named bare
    ("Fighting reached the village of Orelivka last week. On Sunday, Orelivka fell to Russian troops.",
     [("city-captured", "Orelivka", "confirmed")]),
    # "X, the capital of Y province": a capital is a town
    ("The group's fighters seized Qarzabad, the capital of Lahj province, on Monday, residents said.",
     [("city-captured", "Qarzabad", "confirmed")]),
    # "the Serb stronghold of X" introduces a town, coordinated with the place before it by "and near"
    ("NATO warplanes pounded Serb positions around Sarajevo and near the Serb stronghold of Qarzabad before dawn.",
     [("airstrike", "Qarzabad", "confirmed"), ("airstrike", "Sarajevo", "confirmed")]),
    # a camp of displaced people is a populated place for strikes and casualties ...
    ("An airstrike on the Maghazi refugee camp late on Saturday killed at least 47 people, medics in Deir al-Balah "
     "said.", [("airstrike", "Maghazi", "confirmed"), ("civilians-at-risk", "Maghazi", "confirmed")]),
    # a name after a locative preposition, located by ", near …"
    ("Army drone strikes on Sunday on Tinzaouaten, near the Algerian border, killed 21 civilians, the rebels said.",
     [("airstrike", "Tinzaouaten", "confirmed"), ("civilians-at-risk", "Tinzaouaten", "confirmed")]),
]

NEGATIVE: list[str] = [
    # a name that is not introduced as a place stays unknown
    "Qarzabad was captured on Monday, the army said.",
    # forecasts, vows and denials still apply to unresolved places
    "The army vowed to recapture the town of Qarzabad within weeks.",
    # a district is not a town
    "Taliban fighters captured the district of Qarzabad on Monday.",
    # capitalised words after "the town of" that are not a name
    "Troops captured the town of The on Monday.",
    # ... but a camp overrun is no town captured
    "RSF fighters overran the Zamzam displacement camp near El Fasher on Friday.",
    # a person described by the capital's office is no capital
    "Rebels seized the airport. Ahmed Qarzabi, the capital's mayor, said Qarzabi had fled.",
    # the stronghold of a group is no place
    "Troops took control of the stronghold of Tuareg-led separatist rebels on Tuesday.",
    # ", near" after a person's name is no introduction
    "Drone strikes killed 21 civilians, said Ahmed Tinzaou, near tears.",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE, ids=[t[:40] for t, _ in POSITIVE])
def test_unresolved_named_place_is_an_event_place(detect: Callable[..., Found], text: str,
                                                  expected: Found) -> None:
    assert detect(text) == expected


@pytest.mark.parametrize("text", NEGATIVE, ids=lambda t: t[:40])
def test_no_event_without_an_introduced_name_or_with_a_filter(detect: Callable[..., Found], text: str) -> None:
    assert detect(text) == []


def test_a_denied_claim_on_an_unresolved_place_is_contested(detect: Callable[..., Found]) -> None:
    assert detect("The militants denied they had seized the town of Galmarer on Sunday.") == [
        ("city-captured", "Galmarer", "contested")]


def test_unresolved_mentions_carry_no_id_and_the_sentence_country(tagger: Tagger) -> None:
    t = tagger.tag("An air strike hit the village of Mbelokoro in Tigray. Mbelokoro was empty.")
    found = unresolved_places(t)
    assert [(p.text, p.kind, p.geonameid, p.lat) for p in found] == [
        ("Mbelokoro", "city", None, None), ("Mbelokoro", "city", None, None)]
    assert found[0].country == "ET"  # Tigray is in Ethiopia
    assert found[1].country is None  # nothing in that sentence says where it is


def test_region_names_and_their_guards(tagger: Tagger) -> None:
    found = unresolved_places(tagger.tag("Drones struck a depot in Russia's Borovsky region. "
                                         "The Kurdish region and the Northern province were calm."))
    assert [(p.name, p.kind) for p in found] == [("Borovsky", "admin1")]


def test_resolved_places_are_left_to_the_tagger(tagger: Tagger) -> None:
    assert unresolved_places(tagger.tag("Rebels seized the city of Aleppo, a city in the north.")) == []


def test_event_without_id_is_keyed_by_the_folded_name(tagger: Tagger, detector: Detector) -> None:
    one = detector.detect(tagger.tag("Rebels seized the town of Daraa al-Qorfa on Monday."), article_id="a")
    two = detector.detect(tagger.tag("Rebels seized the town of Daraa Al-Qorfa on Monday."), article_id="b")
    assert [e.geonameid for e in one] == [None]
    assert one[0].dedup_key == two[0].dedup_key == "city-captured:daraa-al-qorfa"
    alert = Alert.first(one[0], datetime(2024, 1, 1, tzinfo=UTC))
    assert alert.fingerprint == "city-captured:daraa-al-qorfa" and alert.geonameid is None
    assert alert.payload()["place"] == "Daraa al-Qorfa" and alert.payload()["geonameid"] is None


def test_fold_name() -> None:
    assert fold_name("Ḩarīb") == "harib"
    assert fold_name("Mek'ele") == fold_name("Mekele") == "mekele"


def test_the_detector_scan_finds_the_same_anchors_as_the_regexes(tagger: Tagger, detector: Detector) -> None:
    """The detector finds introduction anchors in its trigger scan (no second pass over the text); the
    places they give are those of the stand-alone regular expressions."""
    from streams.milestones.text import ArticleView

    text = ("Rebels seized the coastal town of Qarzabad. Tashvilo, a village near the border, fell too. "
            "Drones hit Russia's Borovsky region and the regional capital. The town of Qarzabad was calm. "
            "Shells fell on Kerbouta, near the river.")
    article = ArticleView(tagger.tag(text))
    detector._hits(article)
    assert article.anchors is not None
    via_scan = [(p.start, p.name, p.kind) for p in unresolved_places(article.tagging, article.norm, article.anchors)]
    alone = [(p.start, p.name, p.kind) for p in unresolved_places(article.tagging)]
    assert via_scan == alone and {n for _, n, _ in alone} == {"Qarzabad", "Tashvilo", "Borovsky", "Kerbouta"}
