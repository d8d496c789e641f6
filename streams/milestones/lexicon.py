"""Phrases as written in rule files → forms to match, and the text normalisation both sides share.

Phrase syntax (triggers, filter lists, objects, gap words):

- ``break into``   in a trigger, inflected: every content word gets its forms (broke into, broken into,
  breaking into…); function words ("into", "of", "the") stay as written;
- ``=stormed``     literal: exactly these words (the default for filter, role and gap phrases);
- ``~deny``        inflected even where phrases are literal by default (filters, roles);
- ``drive * out of``  ``*`` stands for up to four words in between (anchors are matched, the gap is free);
- ``re:since\\s+(19|20)\\d\\d``  a regular expression over the case-folded text (filters only);
- ``@prepositions`` splices the shared list of that name (resolved by ``rules.py``).

Inflection uses ``streams.tagging.keywords.expand_inflections`` when the tagger provides it, so tagger
keywords and milestone triggers agree on forms; lemminflect directly otherwise.
Matching is on ``normalise(text)``: case-folded, curly quotes and whitespace made plain, same length as
the original so offsets carry over unchanged.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

# Words that are never inflected inside a phrase (prepositions, particles, determiners, auxiliaries).
FUNCTION_WORDS = frozenset(
    "a an the of to into in on at by for from with out over under through up down off onto upon "
    "and or as its their his her our your my this that these those it they we he she is are was were "
    "be been being has have had will would could should may might must can not no back own way".split()
)

_REPLACE = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("\n", " "), ("\t", " "), ("\r", " "),
            ("\u00a0", " "), ("–", "-"), ("—", "-"))
# characters ``normalise`` never leaves in its output: a phrase or key containing one never matches
NEVER_NORMALISED = frozenset(old for old, _ in _REPLACE)

# str.lower of each Latin-1 character (each is one Latin-1 character again)
_LATIN1_LOWER = bytes(ord(chr(c).lower()) for c in range(256))


def normalise(text: str) -> str:
    """Case-folded text with the same length as ``text`` (offsets stay valid).

    ``str.replace`` per character present is several times faster than ``str.translate`` here. The
    replacements come first (they are their own lower case, and so are what they become): a text whose
    only non-ASCII characters are curly quotes and dashes is then lower-cased by the ASCII fast path."""
    for old, new in _REPLACE:
        if old in text:
            text = text.replace(old, new)
    if not text.isascii():
        try:  # a Latin-1 text ("é", "£"): by a byte table, ≈15x faster than str.lower on a non-ASCII text
            return text.encode("latin-1").translate(_LATIN1_LOWER).decode("latin-1")
        except UnicodeEncodeError:
            pass
    low = text.lower()
    if len(low) != len(text):  # rare: a character whose lower case is longer (e.g. 'İ')
        # 'İ' is the only character whose lower case is longer ('i̇'); each character's lower case cut to one
        # character is then str.lower with 'İ' → 'i', except for the final-sigma rule of str.lower ('Σ'),
        # which the per-character form does not apply
        if "\u03a3" not in text:
            low = text.replace("\u0130", "i").lower()
            if len(low) == len(text):
                return low
        low = "".join(c.lower()[:1] or c for c in text)
    return low


def _lemminflect_forms(word: str) -> set[str]:
    from lemminflect import getAllInflections, getAllLemmas

    forms = {word}
    lemmas = {word}
    for group in getAllLemmas(word).values():
        lemmas.update(group)
    for lemma in lemmas:
        for group in getAllInflections(lemma).values():
            forms.update(group)
    return {f.lower() for f in forms}


@lru_cache(maxsize=1)
def _tagger_expander() -> Callable[[str], Iterable[str]] | None:
    """The tagger's ``expand_inflections`` (verb-first, noun-last), so keywords and triggers agree."""
    try:
        from streams.tagging.keywords import expand_inflections
    except ImportError:  # the tagger is optional here: fall back to lemminflect
        return None
    return expand_inflections


@lru_cache(maxsize=8192)
def phrase_forms(phrase: str, *, limit: int = 256) -> tuple[str, ...]:
    """Surface forms of one gap-free phrase, e.g. ``take control of`` → took control of, …"""
    literal = phrase.startswith("=")
    text = " ".join(phrase.lstrip("=").lower().split())
    if literal:
        return (text,)
    expander = _tagger_expander()
    if expander is not None:
        return tuple(sorted({f.lower() for f in expander(text)}))
    options = [[w] if w in FUNCTION_WORDS or not w.isalpha() else sorted(_lemminflect_forms(w))
               for w in text.split()]
    return tuple(" ".join(c) for c in itertools.islice(itertools.product(*options), limit))


def split_gaps(phrase: str) -> list[str]:
    """``drive * out of`` → ``["drive", "out of"]`` (anchors around ``*`` gaps)."""
    parts = [p.strip() for p in phrase.split("*")]
    return [p for p in parts if p]


def word_starts(bodies: Iterable[str], before: str = r"[\w-]") -> str:
    """``(?<!before)(?:body|body|…)``: regex bodies, each opening with a plain letter or digit, at a word start
    (not right after a ``before`` character), tried in the order given.

    Written as the equivalent ``(?:a(?<!before a)(?:body-rest|…)|b(?<!before b)(?:…)|…)``: bodies grouped by
    their first character (their order kept within a group: only one group can match at a position), the
    look-behind after that character. Python's regex engine then skips to positions holding one of those
    characters instead of trying the look-behind and every alternative at each position of the text
    (several times faster on a sentence: lexicon checks and date filters are the detector's hottest regexes).
    """
    groups: dict[str, list[str]] = {}
    for body in bodies:
        if not body[:1].isalnum():  # (a plain character: escaped or special ones would not group)
            raise ValueError(f"not a word start: {body!r}")
        groups.setdefault(body[0], []).append(body[1:])
    return "(?:" + "|".join(f"{c}(?<!{before}{c})(?:{'|'.join(rests)})" for c, rests in groups.items()) + ")"


def _alt(form: str) -> str:
    body = r"\s+".join(re.escape(w) for w in form.split())
    right = r"(?![\w])" if form[-1:].isalnum() else ""
    return (word_starts([body]) if form[:1].isalnum() else body) + right


# (the word after a gap may open a quotation: 'declared the city of Marawi "liberated"')
GAP = r"(?:\s+\S+){0,4}?\s+[\"'\u201c\u2018]?"


def phrase_regex(phrase: str, *, inflect: bool = True) -> str:
    """One regular expression (over ``normalise``d text) for a phrase in the syntax above.

    Triggers inflect unless written ``=x``; filter and role phrases (``inflect=False``) are literal
    unless written ``~x``."""
    if phrase.startswith("re:"):
        return f"(?:{phrase[3:]})"
    return GAP.join("(?:" + "|".join(_alt(f) for f in sorted(forms, key=len, reverse=True)) + ")"
                    for forms in anchor_forms(phrase, inflect=inflect))


def anchor_forms(phrase: str, *, inflect: bool = True) -> list[tuple[str, ...]]:
    """The forms of each anchor of a phrase (not a ``re:`` one) that ``phrase_regex`` matches, in order:
    ``drive * out of`` → [(drive, drives, drove, …), (out of,)]."""
    if phrase.startswith("~"):
        phrase, inflect = phrase[1:], True
    literal = phrase.startswith("=") or not inflect
    return [phrase_forms(("=" if literal else "") + anchor) for anchor in split_gaps(phrase.lstrip("="))]


def first_characters(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A one-character pattern matching the first character of every match of ``pattern`` (``[\\d]`` for
    ``(?<![\\d.])\\d{3,}|\\d+ million``), or None when that cannot be told (a match may be empty, a case
    or a construct this does not follow).

    Called once per pack for the regular expressions of lexicon checks (``re:`` phrases, inflected ones): a
    sentence without such a character cannot match, and a search can start at the first one — the regex
    engine itself tries a pattern that opens with a look-behind or a repeat at every position."""
    if pattern.flags & (re.IGNORECASE | re.LOCALE):
        return None
    try:
        import re._constants as c
        import re._parser as parser

        categories = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_WORD: r"\w", c.CATEGORY_SPACE: r"\s"}
        repeats = (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT)

        def char(code: int) -> str:
            return re.escape(chr(code))

        def first(items: Iterable[tuple[Any, Any]]) -> list[str] | None:
            for op, av in items:
                if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                    continue  # zero-width: the first character comes after
                if op is c.LITERAL:
                    return [char(av)]
                if op is c.IN:
                    out = []
                    for item, value in av:
                        if item is c.LITERAL:
                            out.append(char(value))
                        elif item is c.RANGE:
                            out.append(f"{char(value[0])}-{char(value[1])}")
                        elif item is c.CATEGORY and value in categories:
                            out.append(categories[value])
                        else:
                            return None  # a negated set or category
                    return out
                if op is c.BRANCH:
                    out = []
                    for alternative in av[1]:
                        found = first(alternative)
                        if found is None:
                            return None
                        out += found
                    return out
                if op is c.SUBPATTERN:
                    return None if av[1] or av[2] else first(av[3])  # (no local flags)
                if op in repeats and av[0] >= 1:
                    return first(av[2])
                return None  # optional parts, any character, back-references, …
            return None  # nothing consumed: a match may be empty

        chars = first(parser.parse(pattern.pattern, pattern.flags))
        return None if not chars else re.compile("[" + "".join(chars) + "]", pattern.flags & re.ASCII)
    except Exception:  # (re's parser is internal: should it change, lose only the speed-up)
        return None


def required_literals(pattern: re.Pattern[str], *, behind: int = 0) -> tuple[str, ...] | None:
    """Strings of which every match of ``pattern`` contains one (("years",) for ``(?:ten|\\d+) years (?:after|
    since)``; ("rumour", "rumor", "social") for ``(?:social\\s+media|rumou?rs?)``), or None when that cannot be
    told (a match may consist of character classes only, a case or construct this does not follow).

    With ``behind``, what a positive look-behind of at most that many characters holds counts too ("no sign " for
    ``(?<=no sign )of``): such a string may start up to ``behind`` characters before the match, where the caller
    must look for it as well.

    Called once per pack for the regular expressions of lexicon checks: a sentence in which none of them occurs
    (a substring test, in C) has no match, and needs no regex scan — the regex engine tries a pattern that opens
    with a look-behind or an alternation at every position of the sentence."""
    if pattern.flags & (re.IGNORECASE | re.LOCALE):
        return None
    try:
        import re._constants as c
        import re._parser as parser

        repeats = (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT)

        def better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
            # the set whose shortest string is longest (rarer), then the smaller one
            if a is None or not a:
                return b if b else None
            if b is None or not b:
                return a
            return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b

        def required(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
            """What every match of a sequence contains one of: the best of what its parts require."""
            best: frozenset[str] | None = None
            run: list[str] = []  # consecutive literal characters: a string every match contains
            for op, av in items:
                if op is c.LITERAL:
                    run.append(chr(av))
                    continue
                if op in (c.ASSERT, c.ASSERT_NOT, c.AT):  # zero-width: the characters around it are adjacent
                    if op is c.ASSERT and av[0] < 0 and av[1].getwidth()[1] <= behind:
                        best = better(best, required(av[1]))  # a look-behind's text: just before the match
                    continue
                if run:
                    best = better(best, frozenset(["".join(run)]))
                    run = []
                if op is c.SUBPATTERN:
                    if not av[1] and not av[2]:  # (no local flags)
                        best = better(best, required(av[3]))
                elif op is c.ATOMIC_GROUP:
                    best = better(best, required(av))
                elif op is c.BRANCH:
                    alternatives = [required(alternative) for alternative in av[1]]
                    if all(a is not None for a in alternatives):
                        best = better(best, frozenset().union(*[a for a in alternatives if a is not None]))
                elif op in repeats and av[0] >= 1:
                    best = better(best, required(av[2]))
                # anything else (a class, an optional part) requires nothing and ends a run of literal characters
            if run:
                best = better(best, frozenset(["".join(run)]))
            return best

        found = required(parser.parse(pattern.pattern, pattern.flags))
        return tuple(sorted(found)) if found else None
    except Exception:  # (re's parser is internal: should it change, lose only the speed-up)
        return None


_WORD_START = r"(?<![\w-])"
_QUANTIFIERS = ("*", "+", "?", "{")


def literal_starts(body: str) -> list[str]:
    """A ``re:`` phrase's regular expression as alternatives (to be tried in the order given) that open with a
    plain character where ``body`` opens with a word-start test or a group of words:
    ``(?<![\\w-])(?:war|conflict|wars)\\s+X`` → ``w(?<![\\w-]w)(?:ar|ars)\\s+X``, ``c(?<![\\w-]c)onflict\\s+X``
    (``word_starts``'s form, the rest repeated); ``(?:over|in)\\s+X`` → ``over\\s+X``, ``in\\s+X``; else ``[body]``.

    They match what ``body`` matches (ordered alternation distributes over what follows it; alternatives with
    different first characters cannot match at the same position). The regex engine rejects an alternative that
    opens with a character on that character; one that opens with a look-behind or a group is tried in full at
    every position of the text (the filter lists' regexes, 'running-toll' and 'history-sentence', were the
    detector's costliest)."""
    if "(?P" in body or re.search(r"\\[1-9]", body):
        return [body]  # (named groups or back-references would be repeated)
    word_start = body.startswith(_WORD_START)
    rest = body[len(_WORD_START):] if word_start else body
    if rest.startswith("(?:"):
        end = _group_end(rest)
        if end < 0:
            return [body]
        alternatives, tail = split_alternatives(rest[3:end - 1]), rest[end:]
    elif word_start and rest[:1].isascii() and rest[:1].isalnum() and not rest[1:].startswith(_QUANTIFIERS):
        return [f"{rest[0]}(?<![\\w-]{rest[0]}){rest[1:]}"]  # (what follows the first character is left as it is)
    else:
        return [body]
    plain = all(a[:1].isascii() and a[:1].isalnum() and not a[1:].startswith(_QUANTIFIERS) for a in alternatives)
    if not plain or tail.startswith(_QUANTIFIERS) or len(split_alternatives(tail)) > 1:
        return [body]  # (a repeated group, a tail with alternatives of its own, an alternative opening otherwise)
    if not word_start:
        return [alternative + tail for alternative in alternatives]
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return [f"{c}(?<![\\w-]{c})" + (rests[0] if len(rests) == 1 else f"(?:{'|'.join(rests)})") + tail
            for c, rests in groups.items()]


def literal_start_regex(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, written as ``literal_starts`` writes it when ``source`` opens with a word-start
    test (the place guards' "(?<![\\w-])(?:said|says|…)\\s+in\\s+$", searched over a window before a place)."""
    alternatives = literal_starts(source) if source.startswith(_WORD_START) else [source]
    return re.compile("|".join(alternatives), flags)


def _scan_groups(regex: str) -> list[tuple[int, str, int]]:
    """``regex``'s parentheses and bars (escapes and character classes skipped) as (index, char, depth): the nesting
    depth outside a parenthesis, or at a bar."""
    out: list[tuple[int, str, int]] = []
    depth = 0
    i = 0
    while i < len(regex):
        ch = regex[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a class: "]" right after "[" or "[^" is a member
            i += 2 if regex.startswith("[^", i) else 1
            i += 1 if regex.startswith("]", i) else 0
            while i < len(regex) and regex[i] != "]":
                i += 2 if regex[i] == "\\" else 1
        elif ch == "(":
            out.append((i, ch, depth))
            depth += 1
        elif ch == ")":
            depth -= 1
            out.append((i, ch, depth))
        elif ch == "|":
            out.append((i, ch, depth))
        i += 1
    return out


def _group_end(regex: str) -> int:
    """The index after the ")" closing the group that opens ``regex``, or -1."""
    return next((i + 1 for i, ch, depth in _scan_groups(regex) if ch == ")" and depth == 0), -1)


def split_alternatives(regex: str) -> list[str]:
    """``regex``'s top-level alternatives."""
    bars = [i for i, ch, depth in _scan_groups(regex) if ch == "|" and depth == 0]
    return [regex[a + 1:b] for a, b in zip([-1, *bars], [*bars, len(regex)], strict=True)]


def compile_phrases(phrases: Iterable[str], *, inflect: bool = False) -> re.Pattern[str] | None:
    """Union of phrases as one pattern; ``None`` for an empty list. Raises ``re.error`` on a bad ``re:``.

    Plain word phrases share one boundary check around a single alternation (sorted longest first; see
    ``word_starts``), which lets the regex engine reject most positions on the first character instead of
    trying every alternative's look-behind: lexicon checks are the detector's hottest path."""
    words: list[str] = []
    other: list[str] = []
    for p in phrases:
        gap_free = "*" not in p and not p.startswith("re:")
        literal = p.startswith("=") or (not inflect and not p.startswith("~"))
        if gap_free and literal:
            body = " ".join(p.lstrip("=").lower().split())
            if body[:1].isalnum() and body[-1:].isalnum():
                words.append(body)
                continue
        if p.startswith("re:"):
            other += (f"(?:{alternative})" for alternative in literal_starts(p[3:]))
        else:
            other.append(phrase_regex(p, inflect=inflect))
    alts = []
    if words:
        uniq = sorted(set(words), key=lambda w: (-len(w), w))
        alts.append(word_starts(r"\s+".join(re.escape(x) for x in w.split()) for w in uniq) + r"(?!\w)")
    alts += other
    if not alts:
        return None
    return re.compile("|".join(alts))
