"""The detector's exact shortcuts: Latin-1 byte scans, native binary searches, required strings of a regex."""

from __future__ import annotations

import random
import re
from bisect import bisect_left, bisect_right

import ahocorasick_rs

from streams.milestones.filters import scan_keys, scanner
from streams.milestones.lexicon import normalise, required_literals
from streams.milestones.text import ArticleView, bisect_left_int, bisect_right_int, holds_any
from streams.tagging.model import Tagging


def test_latin1_scan_finds_what_the_text_scan_finds() -> None:
    # keys with word starts (some beyond Latin-1: never in a normalised text), a Latin-1 key and a '?' one
    keys = scan_keys({k: i for i, k in enumerate([" fall", "(fall", "\u2014fall", " café", "?to", " to", "é to",
                                                  " falls", "to"])})
    assert "\u2014fall" not in keys
    by_bytes = scanner(list(keys), ahocorasick_rs.Implementation.DFA)
    assert isinstance(by_bytes, ahocorasick_rs.BytesAhoCorasick)
    by_text = ahocorasick_rs.AhoCorasick(list(keys), matchkind=ahocorasick_rs.MatchKind.Standard,
                                         implementation=ahocorasick_rs.Implementation.DFA)
    for raw in ["Rebels fall; (Falls) to the café — “fall” ?To", "Łódź fell to é to Kraków’s ?to 😀 fall", "",
                "ﬁ to İstanbul falls Σ to"]:
        view = ArticleView(Tagging(text=raw, sentences=[], places=[], keywords=[]))
        norm = view.norm
        assert norm == normalise(raw) and len(view.latin1) == len(norm)
        assert by_bytes.find_matches_as_indexes(b" " + view.latin1, overlapping=True) \
            == by_text.find_matches_as_indexes(" " + norm, overlapping=True)


def test_native_binary_searches_are_bisect() -> None:
    rng = random.Random(3)
    for _ in range(300):
        a = sorted(rng.randrange(40) for _ in range(rng.randrange(12)))
        for x in range(-2, 43):
            assert bisect_left_int(a, x) == bisect_left(a, x)
            assert bisect_right_int(a, x) == bisect_right(a, x)


def test_every_match_holds_a_required_literal() -> None:
    patterns = [r"(?:ten|\d+) years (?:after|since|on)", r"(?<![\w-])since(?!\s+(?:dawn|then))|during the war",
                r"(?:dismiss|den(?:y|ie))\w*\s+(?:[\w'-]+\s+){0,8}?(?:social\s+media|rumou?rs?)(?![\w-])",
                r"(?:x)?yz|q+r|a(?=b)c", r"\d+ (?:km|miles)|(?:north|south)(?:east)? of"]
    rng = random.Random(5)
    alphabet = "tenyarsfcoid 0123456789wxqzbmlkmuh-'"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(60))) for _ in range(4000)]
    texts += ["ten years after", "12 years since", "since then", "denied the rumours", "yz", "qqr", "ac",
              "5 km", "northeast of"]
    for source in patterns:
        pattern = re.compile(source)
        needles = required_literals(pattern)
        assert needles
        for text in texts:
            for m in pattern.finditer(text):
                assert any(n in m.group() for n in needles), (source, m.group(), needles)
            if pattern.search(text):
                assert holds_any(text, needles, 0, len(text))
    assert required_literals(re.compile(r"\d+")) is None
    assert required_literals(re.compile("abc", re.IGNORECASE)) is None
    assert holds_any("abc", None, 0, 3)


def test_look_behind_text_counts_within_its_reach() -> None:
    # ("no sign of an exodus": the match is the "of"; the look-behind's text lies just before it)
    pattern = re.compile(r"(?:(?<=no sign )|(?<=no evidence ))of(?=\s+(?:an\s+)?exodus)|(?<=by )ab")
    assert required_literals(pattern) == ("ab", "of")
    assert required_literals(pattern, behind=7) == ("by ", "of")  # ("no evidence " is longer)
    needles = required_literals(pattern, behind=12)
    assert needles == ("by ", "no evidence ", "no sign ")
    rng = random.Random(7)
    alphabet = "nosigevdcxubya "
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(50))) for _ in range(4000)]
    texts += ["no sign of an exodus", "there was no evidence of exodus", "made by ab"]
    for text in texts:
        for lo in range(0, len(text), 5):
            if pattern.search(text, lo):
                assert holds_any(text, needles, max(0, lo - 12), len(text)), (text, lo)
