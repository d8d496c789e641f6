"""The parser: wire text and JSON → Article, or a typed InputError naming the field and reason."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from streams.errors import EncodingError, InputError, InvalidArticleError, TooLargeError
from streams.parsing import article_id_for, decode, parse_file_bytes, parse_json_bytes, parse_record, parse_text


def test_seed_article_layout(seed_path):
    raw = seed_path.read_text(encoding="utf-8")
    a = parse_text(raw)
    assert a.headline.startswith("An Iraqi family flees their home in Mosul's Old City")
    assert a.dateline == "beirut"
    assert a.body.startswith("US-backed forces have penetrated the heavily fortified heart")
    assert a.body.rstrip().endswith('"most important progress" yet for the SDF')
    assert a.source == "Khaleejtimes"
    # the analysed text is the wire text without the trailing source line, so offsets line up
    assert a.text == raw[: raw.rindex("\n\nsource:")]


def test_agency_dateline_and_headline(fixtures_dir):
    a = parse_text((fixtures_dir / "reuters_style.txt").read_text())
    assert a.headline == "Rebels seize checkpoint outside Kidal"
    assert a.dateline == "KIDAL, Mali" or a.dateline == "KIDAL"
    assert a.body.startswith("Tuareg rebels took control")
    assert a.source is None


def test_no_dateline_takes_first_short_paragraph_as_headline(fixtures_dir):
    a = parse_text((fixtures_dir / "no_dateline.txt").read_text())
    assert a.headline == "Aid convoy reaches besieged town"
    assert a.dateline is None
    assert a.body.startswith("A United Nations convoy")
    assert a.source == "Example Wire"


def test_single_paragraph_is_all_body():
    a = parse_text("Troops entered the town at dawn.")
    assert a.headline == "" and a.body == "Troops entered the town at dawn." and a.dateline is None


def test_id_is_stable_content_hash_ignoring_whitespace():
    a = parse_text("Headline\n\nbeirut - Body text here.")
    b = parse_text("Headline\r\n\r\nbeirut -   Body text here.\n")
    assert a.id == b.id == article_id_for("Headline\n\nbeirut - Body text here.")
    assert parse_text("Headline\n\nbeirut - Other body.").id != a.id


def test_json_record_with_model_fields():
    a = parse_record({"id": "x1", "headline": "H", "body": "Forces advanced.", "source": "AFP",
                      "published_at": "2017-07-04T10:00:00Z"})
    assert a.id == "x1" and a.source == "AFP" and a.published_at is not None


def test_json_record_with_text_is_parsed_as_wire_text(seed_path):
    a = parse_record({"id": "seed", "text": seed_path.read_text()})
    assert a.id == "seed" and a.dateline == "beirut" and a.source == "Khaleejtimes"


def test_json_record_metadata_overrides_parsed_fields():
    a = parse_record({"id": 7, "text": "H\n\nbeirut - B.\n\nsource: X", "source": "Y"})
    assert a.id == "7" and a.source == "Y"


@pytest.mark.parametrize(
    ("record", "field", "needle"),
    [
        ({"id": "a", "headline": "h", "body": "   "}, "body", "empty"),
        ({"id": "a", "headline": "h"}, "body", "required"),
        ({"id": "", "body": "b"}, "id", "at least 1"),
        ({"id": "a", "text": 5}, "text", "string"),
        ({"id": "a", "body": "b", "colour": "red"}, "colour", "xtra"),
        ({"id": "a", "body": "b", "published_at": "yesterday"}, "published_at", "datetime"),
    ],
)
def test_bad_records_name_the_field(record, field, needle):
    with pytest.raises(InvalidArticleError) as err:
        parse_record(record, source="in.jsonl:3")
    assert err.value.field == field or field in str(err.value)
    assert needle.lower() in str(err.value).lower()
    assert str(err.value).startswith("in.jsonl:3")


def test_not_a_json_object():
    with pytest.raises(InvalidArticleError, match="expected a JSON object, got list"):
        parse_record([1, 2])


def test_empty_text_is_rejected():
    with pytest.raises(InvalidArticleError, match="body is empty"):
        parse_text("  \n\n source: X")


def test_not_utf8_is_an_encoding_error():
    with pytest.raises(EncodingError, match="not UTF-8") as err:
        decode(b"caf\xe9 au lait", source="f.txt")
    assert err.value.reason == "encoding"


def test_size_limit():
    with pytest.raises(TooLargeError) as err:
        decode(b"x" * 2000, source="big.txt", max_bytes=1000)
    assert err.value.reason == "too_large" and "2000 bytes" in str(err.value)
    with pytest.raises(TooLargeError):
        parse_json_bytes(json.dumps({"id": "a", "body": "x" * 5000}).encode(), max_bytes=1000)


def test_invalid_json_message():
    with pytest.raises(InvalidArticleError, match=r"invalid JSON .*line 1"):
        parse_json_bytes(b'{"id": "a", ')


def test_jsonl_file_yields_articles_and_errors_per_line():
    data = b'{"id": "a", "body": "ok"}\n\nnot json\n{"id": "b", "text": "H\\n\\nbeirut - B."}\n'
    items = list(parse_file_bytes(data, source="x.jsonl"))
    assert [type(i).__name__ for i in items] == ["Article", "InvalidArticleError", "Article"]
    assert items[1].source == "x.jsonl:3"


def test_json_list_file():
    data = json.dumps([{"id": "a", "body": "ok"}, {"id": "b"}]).encode()
    items = list(parse_file_bytes(data, source="x.json"))
    assert isinstance(items[1], InputError) and items[1].source == "x.json[1]"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_parse_or_raise_typed_error(data):
    for item in parse_file_bytes(data, source="fuzz.txt", max_bytes=1500):
        assert not isinstance(item, Exception) or isinstance(item, InputError)
    for item in parse_file_bytes(data, source="fuzz.jsonl", max_bytes=1500):
        assert not isinstance(item, Exception) or isinstance(item, InputError)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000))
def test_arbitrary_text_parses_to_nonempty_body_or_raises_input_error(text):
    try:
        a = parse_text(text)
    except InputError:
        return
    assert a.body.strip()
    assert a.id


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
                    max_leaves=10))
def test_arbitrary_json_values_parse_or_raise_input_error(value):
    try:
        parse_json_bytes(json.dumps(value).encode())
    except InputError:
        pass


def test_naive_times_are_utc():
    a = parse_record({"id": "t", "body": "b", "published_at": "2017-07-04T10:00:00",
                      "received_at": "2017-07-04T10:00:05"})
    assert a.published_at is not None and a.published_at.utcoffset().total_seconds() == 0
    assert (a.received_at - a.published_at).total_seconds() == 5


@pytest.mark.parametrize(
    ("data", "kind"),
    [(b'{"id": "a", "body": "x"}\n{"id": "b", "body": "y"}\n', "jsonl"), (b'  {"id": "a", "body": "x"}', "json"),
     (b'[{"id": "a", "body": "x"}]', "json"), (b"Headline\n\nbeirut - Body.", "text")],
)
def test_stdin_kind_is_told_from_content(data, kind):
    from streams.parsing import kind_of

    assert kind_of(data, "<stdin>") == kind
    assert kind_of(data, "notes.txt") == "text"  # a named file goes by its suffix
    assert all(not isinstance(i, InputError) for i in parse_file_bytes(data, source="<stdin>"))
