"""Round 27 of issue 4: what the tuning batches' remaining misses showed, as sentences about other places.
Every sentence here is written for these tests; each case failed before the change it covers."""

from __future__ import annotations

import pytest

from streams.milestones import Detector
from streams.tagging import Tagger

CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
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


@pytest.mark.parametrize(("family", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_event_places(tagger: Tagger, detector: Detector, family: str, text: str,
                      expected: list[tuple[str, str]]) -> None:
    events = detector.detect(tagger.tag(text), article_id="t")
    assert sorted((e.milestone, e.place) for e in events) == sorted(expected)
