from __future__ import annotations

from pathlib import Path

import pytest

from streams.errors import RuleError
from streams.tagging import Tagger
from streams.tagging.keywords import KeywordMatcher, PhraseMatcher, Taxonomy, expand_inflections


@pytest.fixture(scope="module")
def keywords() -> KeywordMatcher:
    return KeywordMatcher.load()


def terms(matcher: KeywordMatcher, text: str) -> list[tuple[str, str, str]]:
    return [(k.text, k.term, k.group) for k in matcher.find(text)]


def test_seed_article_keywords(tagger: Tagger, seed_path: Path) -> None:
    found = {(k.term, k.group) for k in tagger.tag(seed_path.read_text(encoding="utf-8")).keywords}
    for expected in [("ISIS", "actor"), ("SDF", "actor"), ("US-led coalition", "actor"),
                     ("Syrian Elite Forces", "actor"), ("breach", "action"), ("air strike", "weapon"),
                     ("offensive", "action"), ("human shields", "humanitarian")]:
        assert expected in found


def test_aliases_map_to_the_canonical_term(keywords: KeywordMatcher) -> None:
    text = "Daesh, ISIL, the Islamic State and ISIS are one group; IS fighters attacked."
    assert [t for _, t, _ in terms(keywords, text)] == ["ISIS"] * 5


def test_is_only_in_capitals(keywords: KeywordMatcher) -> None:
    assert terms(keywords, "It is what it is. Is it over?") == []
    assert terms(keywords, "IS claimed the attack.") == [("IS", "ISIS", "actor")]


def test_inflections_generated_at_load(keywords: KeywordMatcher) -> None:
    text = "They breached, were breaching, retook and had retaken the town; rebels seized it and captured more."
    got = [(t, term) for t, term, _ in terms(keywords, text)]
    assert got == [("breached", "breach"), ("breaching", "breach"), ("retook", "retake"),
                   ("retaken", "retake"), ("rebels", "militants"), ("seized", "capture"), ("captured", "capture")]


def test_multi_word_phrases_and_spellings(keywords: KeywordMatcher) -> None:
    text = "Air strikes and an airstrike, a car bomb, human shields, a cease-fire, a ceasefire and a truce."
    got = [(t, term) for t, term, _ in terms(keywords, text)]
    assert got == [("Air strikes", "air strike"), ("airstrike", "air strike"), ("car bomb", "car bomb"),
                   ("human shields", "human shields"), ("cease-fire", "ceasefire"), ("ceasefire", "ceasefire"),
                   ("truce", "ceasefire")]


def test_longest_match_wins(keywords: KeywordMatcher) -> None:
    assert terms(keywords, "a suicide car bomb exploded") == [("suicide car bomb", "car bomb", "weapon")]


def test_expand_inflections() -> None:
    assert set(expand_inflections("break into", "verb")) >= {"break into", "broke into", "broken into",
                                                              "breaking into", "breaks into"}
    assert set(expand_inflections("air strike", "noun")) == {"air strike", "air strikes"}
    assert expand_inflections("Old City", "none") == ["Old City"]


def test_phrase_matcher_with_payloads_and_case_rules() -> None:
    m = PhraseMatcher([("storm", 1), ("lay siege to", 2), ("IS", 3, "exact")], inflect="verb")
    hits = m.find("Troops stormed the town; they laid siege to it. It is IS.")
    assert [(h.text, h.payload) for h in hits] == [("stormed", 1), ("laid siege to", 2), ("IS", 3)]
    assert PhraseMatcher([]).find("anything") == []


def write(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "kw.yaml"
    p.write_text(body, encoding="utf-8")
    return p


def test_unknown_group_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "groups: [actor]\nterms:\n  - term: ISIS\n    group: actor\n"
                           "  - term: breach\n    group: actions\n")
    with pytest.raises(RuleError) as e:
        Taxonomy.load(path)
    assert e.value.source == str(path) and e.value.line == 6 and e.value.field == "terms.1.group"
    assert f"{path}:6" in str(e.value) and "unknown group 'actions'" in str(e.value)


def test_schema_error_names_line_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, "groups: [actor]\nterms:\n  - term: ISIS\n    group: actor\n    case: upper\n"
                           "  - term: SDF\n    group: actor\n    inflect: sometimes\n")
    with pytest.raises(RuleError) as e:
        Taxonomy.load(path)
    assert e.value.line == 8 and e.value.field == "terms.1.inflect"


def test_missing_field_and_bad_yaml(tmp_path: Path) -> None:
    with pytest.raises(RuleError) as e:
        Taxonomy.load(write(tmp_path, "groups: [actor]\nterms:\n  - term: ISIS\n"))
    assert e.value.line == 3 and e.value.field == "terms.0.group"
    with pytest.raises(RuleError) as e:
        Taxonomy.load(write(tmp_path, "groups: [actor]\nterms: [\n  - term: x\n"))
    assert e.value.line is not None and "invalid YAML" in str(e.value)


def test_duplicate_alias_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, "groups: [actor]\nterms:\n  - term: ISIS\n    group: actor\n    aliases: [Daesh]\n"
                           "  - term: Other\n    group: actor\n    aliases: [daesh]\n")
    with pytest.raises(RuleError, match="already an alias of 'ISIS'") as e:
        Taxonomy.load(path)
    assert e.value.line == 6


def test_shipped_taxonomy_is_valid() -> None:
    tax = Taxonomy.load()
    assert {"actor", "action", "weapon", "humanitarian", "diplomacy"} <= set(tax.groups)


def test_excluded_forms_are_never_matched(keywords: KeywordMatcher) -> None:
    # the weather is not an assault: "storm"/"storms" are excluded, the verb's other forms still match
    assert terms(keywords, "A storm hit the coast and more storms are coming.") == []
    assert [t[0] for t in terms(keywords, "Troops stormed the town, storming the citadel.")] == ["stormed", "storming"]


def test_single_scan_finds_the_same_keywords_as_the_matcher(tagger: Tagger, seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    assert tagger.tag(text).keywords == tagger.keywords.find(text)


def test_inflections_are_cached_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker whose cache is warm reads the inflected forms from it and computes none (no lemminflect)."""
    from streams.tagging import keywords as kw

    monkeypatch.setattr(kw, "_INFLECTIONS", {})
    first = KeywordMatcher.load(cache_dir=tmp_path)
    assert len(list(tmp_path.glob("inflections-*.pkl"))) == 1
    monkeypatch.setattr(kw, "_INFLECTIONS", {})

    def no_lemminflect(*args: object) -> list[str]:
        raise AssertionError("computed a form the cache holds")

    monkeypatch.setattr(kw, "_expand", no_lemminflect)
    second = KeywordMatcher.load(cache_dir=tmp_path)
    assert second.patterns == first.patterns
    assert "breached" in second.patterns and "breaching" in second.patterns


def test_a_stale_or_broken_inflection_cache_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from streams.tagging import keywords as kw

    monkeypatch.setattr(kw, "_INFLECTIONS", {})
    reference = KeywordMatcher.load().patterns
    kw._inflection_cache_path(tmp_path).write_bytes(b"not a pickle")
    monkeypatch.setattr(kw, "_INFLECTIONS", {})
    assert KeywordMatcher.load(cache_dir=tmp_path).patterns == reference
