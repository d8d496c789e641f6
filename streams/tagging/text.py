"""Text normalisation for matching, and sentence splitting.

Called by ``Tagger.tag`` once per article, and by the gazetteer and keyword loaders for every pattern,
so that a pattern and the text it should match are folded the same way.

``fold(text)`` returns a string of *exactly the same length* as ``text``: every character is NFKC-
normalised, case-folded and stripped of diacritics, and every character that is not a letter or digit
becomes a space. Because the mapping is one character to one character, an offset into the folded text
is the same offset into the original — the offset map is the identity, so nothing has to be mapped back.

    >>> fold("Raqqa's Old-City, São Paulo")
    'raqqa s old city  sao paulo'
    >>> [s.text for s in split_sentences("Mr. Smith went to the U.S. on Monday. He left.")]
    ['Mr. Smith went to the U.S. on Monday.', 'He left.']
"""

from __future__ import annotations

import re
import unicodedata

from streams.tagging.model import Sentence, builder

# ASCII fast path: one byte → one byte.
_ASCII_TABLE = bytes(
    (c + 32 if 65 <= c <= 90 else c) if (48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122) else 32
    for c in range(256)
)


def _fold_char(ch: str) -> str:
    """One character → one folded character (a letter/digit, or a space)."""
    norm = unicodedata.normalize("NFKC", ch).casefold()
    base = "".join(c for c in unicodedata.normalize("NFKD", norm) if not unicodedata.combining(c))
    if not base:
        return " "
    c = base[0]
    if not c.isalnum():
        return " "
    # NFKC/casefold can expand (ß → ss, ﬁ → fi); keep the first character so lengths stay equal.
    return c


class _FoldTable(dict[int, str]):
    """``str.translate`` table that computes and remembers the folding of each new code point."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_match(m: re.Match[str]) -> str:
    return _TABLE[ord(m.group())]


def fold(text: str) -> str:
    """Fold ``text`` for matching; ``len(fold(text)) == len(text)`` always."""
    if not text.isascii():
        # Mostly-English text: fold the few non-ASCII characters (quotes, dashes, accents) one by one,
        # then take the byte-level fast path; other scripts go through the per-character table.
        ascii_text = _NON_ASCII.sub(_fold_match, text)
        if not ascii_text.isascii():
            return text.translate(_TABLE)
        text = ascii_text
    return text.encode("ascii").translate(_ASCII_TABLE).decode("ascii")


def fold_pattern(phrase: str) -> str:
    """Fold a gazetteer name or keyword phrase the way ``fold`` folds text, trimmed.

    Punctuation is *not* squeezed, so "St. Louis" → "st  louis" matches the text "St. Louis" exactly;
    loaders add the punctuation-free variant ("St Louis") as a separate pattern.
    """
    return fold(" ".join(phrase.split())).strip()


# --- sentences ---------------------------------------------------------------------------------

# Words after which a period does not end a sentence (titles, initials, US state abbreviations,
# months, corporate suffixes). Lower-cased, without the period.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sr jr gen brig lt lieut col maj capt cpt sgt cpl pvt pte spc adm cmdr cdr gov sen rep
    rev fr hon pres supt insp det atty mt ft no nos vs etc inc co corp ltd llc bros dept est approx univ ave blvd rd
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb
    nev okla ore pa penn tenn tex va vt wash wis wisc wyo op cf""".split()
)

# A boundary: terminal punctuation (and closing quotes/brackets) before whitespace and a character that
# is not a lower-case letter ("e.g. this", "he said. and" do not split); or a line break.
# (One character class first, the line break told apart by a look-behind: twice as fast as an alternation.)
_BOUNDARY = re.compile(r"""[.!?\n](?:(?<=\n)|["'”’)\]]*(?=[ \t]+[^\sa-z]))""")  # "?!", "..." end on the last mark


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation or an initial rather than a sentence."""
    if text[dot - 7:dot].isalpha() and dot >= 7:
        return False  # a word of 7+ letters: longer than any abbreviation (most sentence ends)
    lo = max(0, dot - 24)
    word = text[text.rfind(" ", lo, dot) + 1:dot]
    if word.isalpha() and (dot - len(word) > lo or lo == 0):
        # fast path: a plain word after a space (most periods): no line break or tab inside it
        return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper())
    k = max(text.rfind(" ", lo, dot), text.rfind("\n", lo, dot), text.rfind("\t", lo, dot), lo - 1)
    word = text[k + 1:dot].lstrip("(\"“'‘").rstrip(".")
    if not word:
        return False
    if word.lower() in ABBREVIATIONS:
        return True
    if "." in word:  # U.S, D.C, a.m, p.m
        return len(word.replace(".", "")) <= 4
    return len(word) == 1 and word.isupper()  # an initial: "John F. Kennedy"


_sentence = builder(Sentence)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with exact offsets (leading/trailing whitespace trimmed).

    Splits at ``.!?`` followed by whitespace and a character that is not a lower-case letter (unless the
    period closes an abbreviation such as "Mr.", "U.S." or "Calif."), and at every line break, so a
    dateline paragraph or headline is its own sentence. Decimal points ("2.5km") never split.
    """
    out: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        b, end = m.span()
        if end - b == 1 and text[b] == "." and not text[end - 8:b].isalpha():
            # (a period after 7+ letters ends a sentence: no abbreviation is that long; below, the plain-word
            # case of ``_is_abbreviation`` inlined, as most periods end such a word)
            lo = b - 24 if b > 24 else 0
            sp = text.rfind(" ", lo, b)
            word = text[sp + 1:b]
            if word.isalpha() and (sp >= lo or lo == 0):
                if word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                    continue
            elif _is_abbreviation(text, b):
                continue
        seg = text[start:end]
        body = seg.strip()  # (inlined ``_append``: this loop runs for every sentence of every article)
        if body:
            s = start + len(seg) - len(seg.lstrip()) if seg[0].isspace() else start
            out.append(_sentence({"start": s, "end": s + len(body), "text": body}))
        start = end
    _append(text, start, len(text), out)
    return out


def _append(text: str, start: int, end: int, out: list[Sentence]) -> None:
    seg = text[start:end]
    body = seg.strip()
    if body:
        s = start + len(seg) - len(seg.lstrip()) if seg[0].isspace() else start
        out.append(_sentence({"start": s, "end": s + len(body), "text": body}))


# --- article layout: dateline and headline -------------------------------------------------------

# "beirut - ", "BEIRUT (Reuters) - ", "WASHINGTON, D.C. — ", "LONDON, June 5 (AFP) -", "NEW DELHI/ISLAMABAD -"
# at a paragraph start.
_L = r"[^\W\d_]"  # any letter
_DATELINE = re.compile(
    rf"[ \t]*(?P<place>{_L}[\w.'\-]*(?:[ \t]{_L}[\w.'\-]*){{0,3}}"
    rf"(?:/{_L}[\w.'\-]*(?:[ \t]{_L}[\w.'\-]*){{0,2}}){{0,2}})"
    # (a region of up to four words: "GOMA, Democratic Republic of Congo, Jan 27 (Reuters) -")
    # (and hyphenated: "SARAJEVO, Bosnia-Herzegovina (AP) —")
    rf"(?:,[ \t]*(?P<region>{_L}[\w.'\-]*(?:[ \t](?:(?:of|the|and)[ \t])?{_L}[\w.'\-]*){{0,3}}))?"
    r"(?:,?[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?"
    r"(?:[ \t]*\([^)\n]{1,40}\))?[ \t]*(?:--?|–|—|:)[ \t]"
)
_HEADLINE_MAX = 200


def find_dateline(text: str, max_paragraphs: int = 3) -> tuple[int, int] | None:
    """Span of the dateline place ("beirut", "BEIRUT", "WASHINGTON, D.C.") at the start of one of the first
    paragraphs, or None. Called by the place resolver, which gives the place there ``role="dateline"``."""
    pos = 0
    for _ in range(max_paragraphs):
        m = _DATELINE.match(text, pos)
        if m:
            place = m.group("place")
            if place.islower() or place.isupper() or " " not in place.strip():
                end = m.end("region") if m.group("region") else m.end("place")
                return m.start("place"), end
        nl = text.find("\n", pos)
        if nl < 0:
            return None
        pos = nl + 1
        while pos < len(text) and text[pos] == "\n":
            pos += 1
    return None


def headline_end(text: str) -> int:
    """End offset of the headline (the first paragraph, if it is short and more text follows), else 0."""
    nl = text.find("\n")
    if 0 < nl <= _HEADLINE_MAX and text[nl:].strip():
        return nl
    return 0
