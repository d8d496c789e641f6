from __future__ import annotations

import pytest

from streams.tagging.text import find_dateline, fold, headline_end, split_sentences


@pytest.mark.parametrize("text", ["Raqqa's Old-City", "São Paulo — Ḩalab", "Straße ﬁx İstanbul", "a\u0301b", "日本"])
def test_fold_keeps_length_so_offsets_map_one_to_one(text: str) -> None:
    assert len(fold(text)) == len(text)


def test_fold_lowercases_strips_accents_and_punctuation() -> None:
    assert fold("Raqqa's São-Paulo, U.S.") == "raqqa s sao paulo  u s "


def test_sentences_do_not_split_on_abbreviations_initials_or_decimals() -> None:
    text = ("Mr. Smith flew to the U.S. on Monday. Gen. Jones said the 2.5km wall fell. "
            "John F. Kennedy Airport stayed open. Mobile, Ala. was quiet. Military spokesman Brig. Udaya Silva and "
            "Lieut. Cdr. Ray Fernando spoke.")
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "Mr. Smith flew to the U.S. on Monday.",
        "Gen. Jones said the 2.5km wall fell.",
        "John F. Kennedy Airport stayed open.",
        "Mobile, Ala. was quiet.",
        "Military spokesman Brig. Udaya Silva and Lieut. Cdr. Ray Fernando spoke.",
    ]


def test_sentence_offsets_are_exact_and_paragraphs_split() -> None:
    text = "Headline here\n\nbeirut - Forces advanced. \"They won!\" he said.\nNext para"
    sents = split_sentences(text)
    assert [text[s.start:s.end] for s in sents] == [s.text for s in sents]
    assert [s.text for s in sents] == ["Headline here", "beirut - Forces advanced.", "\"They won!\" he said.",
                                       "Next para"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("beirut - US-backed forces advanced.", "beirut"),
        ("BEIRUT (Reuters) - Forces advanced.", "BEIRUT"),
        ("Headline\n\nMOSUL, Iraq (AFP) -- Forces advanced.", "MOSUL, Iraq"),
        ("WASHINGTON — The Pentagon said.", "WASHINGTON"),
    ],
)
def test_dateline_found_at_paragraph_start(text: str, place: str) -> None:
    span = find_dateline(text)
    assert span is not None and text[span[0]:span[1]] == place


def test_no_dateline_in_ordinary_sentence() -> None:
    assert find_dateline("Forces in the city said the wall - built in 772 - was breached.") is None


def test_headline_is_a_short_first_paragraph() -> None:
    assert headline_end("Raqqa wall breached\n\nbeirut - Forces entered.") == len("Raqqa wall breached")
    assert headline_end("One paragraph only, no headline.") == 0
