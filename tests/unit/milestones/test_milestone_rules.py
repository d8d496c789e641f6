"""Rule-pack validation: every error names file, line and field; valid packs load and summarise."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from streams.errors import RuleError
from streams.milestones import Detector, check_rules
from streams.milestones.lexicon import normalise
from streams.milestones.rules import DEFAULT_RULES, load_pack

MINIMAL = """\
version: 1
filter_lists: [filters.yaml]
default_filters:
  - {kind: lexicon, list: negation}
milestones:
  - id: city-breach
    title: "City breached: {place}"
    severity: critical
    match:
      triggers: [breach]
      place: {kinds: [city], nearest: true}
"""


def _error(pack_file: Callable[[str], Path], text: str) -> RuleError:
    with pytest.raises(RuleError) as info:
        Detector.load(pack_file(text))
    return info.value


def test_minimal_pack_loads(pack_file: Callable[[str], Path]) -> None:
    d = Detector.load(pack_file(MINIMAL))
    assert [r.id for r in d.pack.rules] == ["city-breach"]
    assert "breached" in d.pack.entries  # inflected at load time


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "message"),
    [
        # pydantic errors: the line of the offending value, the dotted path of the field
        ("triggers: [breach]", "triggers: []", 10, "milestones[0].match.triggers", "at least 1 item"),
        ("severity: critical", "severity: apocalyptic", 8, "milestones[0].severity", "'info', 'warning'"),
        ("    severity: critical\n", "    severity: critical\n    colour: red\n", 9, "milestones[0].colour",
         "unknown field"),
        ("place: {kinds: [city], nearest: true}", "place: {kinds: [town], nearest: true}", 11,
         "milestones[0].match.place.kinds[0]", "Input should be"),
        ("place: {kinds: [city], nearest: true}", "place: {kinds: [city]}", 11, "milestones[0].match.place",
         "at least one of after, before, inside, nearest"),
        ("  - {kind: lexicon, list: negation}", "  - {kind: lexicon, list: negation, window: soon}", 4,
         "default_filters[0].window", "before:N"),
        ("  - {kind: lexicon, list: negation}", "  - {kind: telepathy}", 4, "default_filters[0]",
         "does not match any of the expected tags"),
        ('title: "City breached: {place}"', 'title: "City breached: {town}"', 7, "milestones[0].title",
         "placeholder"),
    ],
)
def test_schema_errors_name_file_line_and_field(pack_file: Callable[[str], Path], old: str, new: str, line: int,
                                                field: str, message: str) -> None:
    assert old in MINIMAL
    err = _error(pack_file, MINIMAL.replace(old, new))
    assert err.source is not None and err.source.endswith("pack.yaml")
    assert err.line == line
    assert err.field == field
    assert message in str(err)


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "message"),
    [
        ("list: negation}", "list: modality}", 4, "default_filters[0].list", "unknown filter list 'modality'"),
        ("{kind: lexicon, list: negation}", "{kind: retrospective, list: look-backs}", 4, "default_filters[0].list",
         "unknown filter list 'look-backs'"),
        ("triggers: [breach]", "triggers: [breach, '@nothing']", 10, "milestones[0].match.triggers[1]",
         "unknown list reference"),
        ("triggers: [breach]", "triggers: ['re:bre+ch']", 10, "milestones[0].match.triggers",
         "regular expressions"),
        ("    match:\n", "    disable_filters: [history]\n    match:\n", 9, "milestones[0].disable_filters[0]",
         "no default filter named 'history'"),
        ("    match:\n", "    filters: [{kind: lexicon, phrases: ['re:(unclosed']}]\n    match:\n", 9,
         "milestones[0].filters[0].phrases[0]", "invalid regular expression"),
        ("    match:\n", "    superseded_by: [city-captured]\n    match:\n", 9, "milestones[0].superseded_by[0]",
         "'city-captured' is not another milestone"),
        ("    match:\n", "    superseded_by: [city-breach]\n    match:\n", 9, "milestones[0].superseded_by[0]",
         "'city-breach' is not another milestone"),
    ],
)
def test_semantic_errors_name_file_line_and_field(pack_file: Callable[[str], Path], old: str, new: str, line: int,
                                                  field: str, message: str) -> None:
    err = _error(pack_file, MINIMAL.replace(old, new))
    assert (err.line, err.field) == (line, field)
    assert message in str(err)


def test_duplicate_milestone_id(pack_file: Callable[[str], Path]) -> None:
    second = MINIMAL.split("milestones:\n")[1]
    err = _error(pack_file, MINIMAL + second)
    assert err.line == 12 and err.field == "milestones[1].id"
    assert "duplicate milestone id 'city-breach'" in str(err)


def test_yaml_syntax_error_has_a_line(pack_file: Callable[[str], Path]) -> None:
    err = _error(pack_file, MINIMAL.replace("triggers: [breach]", "triggers: [breach"))
    assert err.line is not None and err.line >= 10
    assert "invalid YAML" in str(err)


def test_yaml_boolean_trap_is_caught(pack_file: Callable[[str], Path]) -> None:
    """Unquoted ``no`` is a boolean in YAML 1.1: the error points at it instead of silently matching 'False'."""
    err = _error(pack_file, MINIMAL.replace("triggers: [breach]", "triggers: [breach, no]"))
    assert (err.line, err.field) == (10, "milestones[0].match.triggers[1]")


def test_missing_filter_list_file(pack_file: Callable[[str], Path]) -> None:
    err = _error(pack_file, MINIMAL.replace("[filters.yaml]", "[nowhere.yaml]"))
    assert err.field == "filter_lists[0]" and "not found" in str(err)


def test_str_of_error_is_one_line(pack_file: Callable[[str], Path]) -> None:
    err = _error(pack_file, MINIMAL.replace("triggers: [breach]", "triggers: []"))
    assert str(err).startswith(f"{err.source}:10 (milestones[0].match.triggers): ")
    assert "\n" not in str(err)


def test_default_pack_resolves_from_the_package_and_env(monkeypatch: pytest.MonkeyPatch,
                                                        pack_file: Callable[[str], Path]) -> None:
    assert load_pack().path == str(DEFAULT_RULES)
    custom = pack_file(MINIMAL)
    monkeypatch.setenv("WIREWATCH_RULES", str(custom))
    assert [r.id for r in Detector.load().pack.rules] == ["city-breach"]


def test_check_rules_summary() -> None:
    summary = check_rules(None)
    ids = [m.id for m in summary.milestones]
    assert ids == ["city-breach", "city-captured", "offensive-launched", "siege", "airstrike",
                   "civilians-at-risk", "ceasefire", "imminent-fall"]
    text = summary.format()
    assert text.splitlines()[0].endswith(f"OK — 8 milestones, {summary.indexed_forms} indexed trigger forms")
    assert "imminent-fall" in text and "forecast" in summary.default_filters
    imminent = next(m for m in summary.milestones if m.id == "imminent-fall")
    assert "forecast" not in imminent.filters  # imminent-fall switches the forecast filter off


def test_every_milestone_has_cameo_or_acled_mapping_fields() -> None:
    pack = load_pack()
    assert all(hasattr(m, "cameo") and hasattr(m, "acled") for m in pack.milestones)
    assert next(m for m in pack.milestones if m.id == "airstrike").cameo == "195"


def test_errors_in_a_filter_list_file_name_that_file(pack_file: Callable[[str], Path]) -> None:
    path = pack_file(MINIMAL)
    lists = path.parent / "filters.yaml"
    text = lists.read_text(encoding="utf-8")
    lists.write_text(text.replace("    window: before:4\n", "    window: behind:4\n", 1), encoding="utf-8")
    with pytest.raises(RuleError) as info:
        Detector.load(path)
    err = info.value
    assert err.source is not None and err.source.endswith("filters.yaml")
    assert err.field == "lists.negation.window" and err.line is not None
    assert text.splitlines()[err.line - 1].strip() == "window: before:4"


def test_normalise_keeps_length_and_matches_lower_then_replace() -> None:
    # normalise replaces before lower-casing and lower-cases Latin-1 texts by a byte table: same result as
    # str.lower followed by the replacements, whatever the script
    def reference(text: str) -> str:
        low = text.lower()
        if len(low) != len(text):
            low = "".join(c.lower()[:1] or c for c in text)
        for old, new in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("\n", " "), ("\t", " "), ("\r", " "),
                         ("\u00a0", " "), ("–", "-"), ("—", "-")):
            low = low.replace(old, new)
        return low

    for text in ["Rebels’ “CAPTURE” of ÉL FASHER — £5", "ÀÞ×ß ÿ µ\u00a0Ω\tΣΑΣ", "İstanbul’s MAYOR", "plain ASCII\n",
                 "Kraków – Łódź", ""]:
        assert normalise(text) == reference(text)
        assert len(normalise(text)) == len(text)
