"""The detector's exact shortcuts: Latin-1 byte scans, native binary searches, required strings of a regex."""

from __future__ import annotations

import json
import random
import re
from bisect import bisect_left, bisect_right
from pathlib import Path

import ahocorasick_rs
import yaml

from streams.milestones.filters import scan_keys, scanner
from streams.milestones.lexicon import literal_starts, normalise, required_literals
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


# the filter regexes of seeds/rules/filters.yaml written to open with a plain character: (opening now, earlier)
_REWRITTEN_OPENINGS = [
    ("for(?:(?<=operation for)|(?<=operations for)|(?<=offensive for)|(?<=campaign for)|(?<=battle for)|"
     "(?<=push for)|(?<=plan for)|(?<=plans for)|(?<=bid for)|(?<=drive for)|(?<=preparations for)|"
     "(?<=forces for)|(?<=troops for))",
     "(?:(?<=operation )|(?<=operations )|(?<=offensive )|(?<=campaign )|(?<=battle )|(?<=push )|(?<=plan )|"
     "(?<=plans )|(?<=bid )|(?<=drive )|(?<=preparations )|(?<=forces )|(?<=troops ))for"),
    ("of(?:(?<=no sign of)|(?<=no signs of)|(?<=no sign yet of)|(?<=no signs yet of)|(?<=no evidence of)|"
     "(?<=no indication of))",
     "(?:(?<=no sign )|(?<=no signs )|(?<=no sign yet )|(?<=no signs yet )|(?<=no evidence )|(?<=no indication ))of"),
    (r"(?<![\w-])since(?<!days since)(?<!hours since)(?<!weeks since)",
     r"(?<!days )(?<!hours )(?<!weeks )(?<![\w-])since"),
    (r'[tih](?:(?<=^.)|(?<=[.!?]\s.)|(?<=[.!?]["”]\s.)|(?<=\n.)|(?<=\s\s.))(?:(?<=t)(?:he|heir|his|hat)|(?<=i)ts|'
     r"(?<=h)(?:is|er))",
     r'(?:^|(?<=[.!?]\s)|(?<=[.!?]["”]\s)|(?<=\n)|(?<=\s\s))(?:the|their|its|his|her|this|that)'),
]


def _rule_regexes(node: object) -> list[str]:
    if isinstance(node, str):
        return [node[3:]] if node.startswith("re:") else []
    if isinstance(node, dict):
        node = list(node.values())
    return [r for item in node for r in _rule_regexes(item)] if isinstance(node, list) else []


def test_literal_starts_match_what_the_regexes_match() -> None:
    """Every ``re:`` phrase of the shipped rule files as ``compile_phrases`` writes it (``literal_starts``), and the
    rewritten filter regexes against their earlier form: the same matches on normalised labelled articles, whole
    and in random windows."""
    root = Path(__file__).resolve().parents[3]
    regexes = sorted({r for path in sorted((root / "seeds" / "rules").glob("*.yaml"))
                      for r in _rule_regexes(yaml.safe_load(path.read_text(encoding="utf-8")))})
    pairs = [(r, "|".join(f"(?:{a})" for a in literal_starts(r))) for r in regexes]
    assert sum(r != new for r, new in pairs) >= 40  # (most open with a word start)
    for now, before in _REWRITTEN_OPENINGS:
        matching = [r for r in regexes if r.startswith(now)]
        assert matching, now
        pairs += [(before + r[len(now):], r) for r in matching]
    assert literal_starts(r"(?<![\w-])(?:war|conflict|wars)\s+(?:a|b)") \
        == [r"w(?<![\w-]w)(?:ar|ars)\s+(?:a|b)", r"c(?<![\w-]c)onflict\s+(?:a|b)"]
    assert literal_starts(r"(?:19|20)\d\d") == [r"19\d\d", r"20\d\d"]
    for kept in [r"(?<![\w-])(?:a|b)?c", r"(?:a|\d+)x", r"(?:ab|[|)]c)x", r"(?<![\w-])(?:a{2}|b)", r"(?P<x>a)|b"]:
        assert literal_starts(kept) == [kept]
    rng = random.Random(11)
    articles = [json.loads(line)["text"] for path in sorted((root / "seeds" / "labelled").glob("*.jsonl"))
                for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [normalise(t) for t in rng.sample(articles, 150)]
    texts += ["the deal comes a week after the army lost laukkai. their advance follows the capture of goma.",
              "its fall came two weeks after. his  siege follows their capture of x", "days since then, since 2014",
              "no signs yet of an exodus", "the operation for retaking mosul", "war, which began, has killed"]
    for old, new in pairs:
        a, b = re.compile(old), re.compile(new)
        for text in texts:
            assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)], (old, text[:80])
            lo = rng.randrange(len(text) + 1)
            hi = rng.randrange(lo, len(text) + 1)
            assert [m.span() for m in a.finditer(text, lo, hi)] == [m.span() for m in b.finditer(text, lo, hi)]
