"""Local features that no gazetteer lists: streets, roads, rivers, lakes ("Memphis St.", "County Road 43",
"Red River", "Lake Vermont"), and the span extensions around gazetteer names ("South Los Angeles",
"Kanawha City", "Wichita Street").

Called by ``PlaceResolver.find`` after resolution. A feature has no GeoNames id; it is placed at the
article's *focus* (its most-mentioned resolved town, else its dateline), which is where local news
streets and rivers are; without a focus it is not reported.
"""

from __future__ import annotations

import re

_CAP = r"(?:[A-Z][a-z]+(?:['’][a-z]+)?|[A-Z]{2,}|Mc[A-Z][a-z]+|\d{1,4}(?:st|nd|rd|th))"
_STREET_SUFFIX = (r"(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Lane|Ln\.|Parkway|Pkwy\.|"
                  r"Pike|Terrace|Trail)")
_NATURAL_SUFFIX = r"(?:River|Creek|Lake|Valley|Bay|Island|Mountains?|Canyon|Harbor|Harbour)"
_DIRECTION = r"(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest)"
# a numbered road ("County Road 43", "Highway 1"; the milestone detector reads it too: a road is no event place)
ROAD = r"(?:County Road|Highway|Interstate|Route|State Road|U\.S\. Highway|State Route) \d{1,4}\b"
FEATURE = re.compile(
    rf"\b(?=[A-Z\d])(?:(?:{_DIRECTION} )?{_CAP}(?: {_CAP}){{0,2}} {_STREET_SUFFIX}(?: {_DIRECTION}\b)?"
    rf"|{ROAD}"
    rf"|(?:{_CAP} ){{0,2}}{_CAP} {_NATURAL_SUFFIX}\b"
    rf"|Lake {_CAP}(?: {_CAP})?\b|Mount {_CAP}\b)"
)
# After a gazetteer name, these words belong to the same toponym ("Kanawha City", "Orange County").
TRAILING = re.compile(rf" (?:County|Parish|Township|Valley|River|Lake|Bay|Island|{_STREET_SUFFIX})(?![\w-])")
LEADING_DIRECTION = re.compile(
    r"(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Northeast|Northwest|Southeast|"
    r"Southwest|Downtown|Greater|Upstate|Metro) $"
)
_LEADING_WORDS = frozenset(LEADING_DIRECTION.pattern[3:-3].split("|"))
_NOT_FEATURE_START = frozenset(
    """The A An In On At Of For And But If When While After Before During From To By With Our This That
    These Those Its His Her Their County City State""".split()
)


# Folded words that can end or start a feature name; the place automaton reports where they occur, so
# the (costly) feature pattern only runs around them.
TRIGGERS = frozenset(
    """street st avenue ave road rd boulevard blvd drive lane ln parkway pkwy pike terrace trail river creek
    lake valley bay island mountain mountains canyon harbor harbour highway interstate route mount""".split()
)


def features(text: str, taken: list[tuple[int, int]], triggers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of street/road/river/lake names around ``triggers`` that do not overlap ``taken`` spans."""
    out: list[tuple[int, int]] = []
    last = -1
    for t0, t1 in triggers:
        if t0 < last:
            continue
        lo = max(last, t0 - 60)
        m = FEATURE.search(text, lo, t1 + 40)
        while m is not None and m.end() <= t0:
            m = FEATURE.search(text, m.end(), t1 + 40)
        if m is None or m.start() > t0:
            continue
        last = m.end()
        out.extend(_accept(text, m, taken))
    return out


def _accept(text: str, m: re.Match[str], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    s, e = m.span()
    first = m.group().split(" ", 1)[0]
    if first in _NOT_FEATURE_START:
        s = s + len(first) + 1
        if " " not in text[s:e] or not text[s].isupper():
            return []  # "The Street" is not a street name
    if any(s < b and a < e for a, b in taken):
        return []
    return [(s, e)]


def extend(text: str, start: int, end: int, town: bool = True) -> tuple[int, int]:
    """Grow a gazetteer span over a feature word after it and, for a town, a capitalised direction before
    it ("South Los Angeles"; but "East Texas" stays "Texas")."""
    nxt = text[end:end + 2]
    m = TRAILING.match(text, end) if nxt[:1] == " " and nxt[1:].isupper() else None
    if m:
        end = m.end()
    elif nxt[:1] == "." and "." in text[start:end]:
        end += 1  # "U.S." and "D.C." keep their final period
    if town and start >= 2 and text[start - 1] == " " and text[start - 2].isalpha():
        # the word before (a letter run of at most 11 characters), as LEADING_DIRECTION would find it
        lo = max(0, start - 12)
        j = text.rfind(" ", lo, start - 1)
        word = text[j + 1:start - 1]
        if j >= lo and word.isalpha():  # fast path: a plain word after a space
            if word in _LEADING_WORDS:
                start = j + 1
            return start, end
        k = start - 2
        while k >= lo and text[k].isalpha():
            k -= 1
        if text[k + 1:start - 1] in _LEADING_WORDS and (k < 0 or not text[k].isalnum()):
            start = k + 1
    return start, end
