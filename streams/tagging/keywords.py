"""Keyword taxonomy (``seeds/keywords.yaml``) and an inflection-aware phrase matcher.

``Taxonomy.load(path)`` validates the YAML with pydantic and raises ``RuleError`` naming the file, the
line and the field of the first problem. ``KeywordMatcher.from_taxonomy`` expands every alias into its
inflected forms with lemminflect at load time (breach → breaches, breached, breaching; retake → retook,
retaken) and matches them with one Aho-Corasick automaton over the folded text.

The milestone detector reuses the machinery for its trigger phrases:

    >>> expand_inflections("break into", inflect="verb")[:3]
    ['break into', 'breaking into', 'breaks into']
    >>> m = PhraseMatcher([("storm", "T1"), ("air strike", "T2")], inflect="both")
    >>> [(h.text, h.payload) for h in m.find("Troops stormed the town after air strikes.")]
    [('stormed', 'T1'), ('air strikes', 'T2')]
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

import ahocorasick
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from streams.errors import RuleError
from streams.resources import seeds_dir
from streams.tagging.gazetteer import write_pickle_atomic
from streams.tagging.model import KeywordMention, builder
from streams.tagging.text import fold, fold_pattern

DEFAULT_TAXONOMY = seeds_dir() / "keywords.yaml"

Inflect = Literal["none", "verb", "noun", "both"]
CaseRule = Literal["any", "exact", "upper", "capitalized"]
P = TypeVar("P")


# -- taxonomy model -------------------------------------------------------------------------------

class Alias(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    text: str = Field(min_length=1)
    case: CaseRule | None = None  # overrides the term's rule for this alias ("IS" only in capitals)
    inflect: Inflect | None = None


class Term(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    term: str = Field(min_length=1)
    group: str
    aliases: list[str | Alias] = []
    inflect: Inflect = "none"
    case: CaseRule = "any"
    # forms never matched, even when written or generated: the weather's "storm"/"storms" for the verb
    # "storm" ("stormed", "storming" still match)
    exclude: list[str] = []

    @field_validator("aliases")
    @classmethod
    def _no_blank(cls, v: list[str | Alias]) -> list[str | Alias]:
        for a in v:
            if isinstance(a, str) and not a.strip():
                raise ValueError("empty alias")
        return v

    def variants(self) -> list[Alias]:
        """The term itself plus its aliases, each with the effective case and inflection rule."""
        out = [Alias(text=self.term, case=self.case, inflect=self.inflect)]
        for a in self.aliases:
            a = Alias(text=a) if isinstance(a, str) else a
            out.append(Alias(text=a.text, case=a.case or self.case, inflect=a.inflect or self.inflect))
        return out


class Taxonomy(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    version: int = 1
    groups: list[str] = Field(min_length=1)
    terms: list[Term]

    @classmethod
    def load(cls, path: Path | None = None) -> Taxonomy:
        """Read and validate a taxonomy file; ``RuleError`` (file, line, field) on any problem."""
        path = Path(path) if path is not None else DEFAULT_TAXONOMY
        source = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as e:
            raise RuleError(f"cannot read keyword taxonomy: {e.strerror}", source=source) from None
        try:
            node = yaml.compose(text)
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            raise RuleError(f"invalid YAML: {getattr(e, 'problem', e)}", source=source,
                            line=mark.line + 1 if mark else None) from None
        if node is None:
            raise RuleError("empty keyword taxonomy", source=source)
        data, lines = _to_python(node)
        try:
            tax = cls.model_validate(data)
        except ValidationError as e:
            err = e.errors()[0]
            loc = tuple(err["loc"])
            raise RuleError(err["msg"], source=source, line=_line_for(lines, loc),
                            field=".".join(str(x) for x in loc)) from None
        tax._check(source, lines)
        return tax

    def _check(self, source: str, lines: dict[tuple[Any, ...], int]) -> None:
        seen: dict[tuple[str, str], str] = {}
        for n, t in enumerate(self.terms):
            if t.group not in self.groups:
                raise RuleError(f"unknown group '{t.group}' (declared: {', '.join(self.groups)})",
                                source=source, line=_line_for(lines, ("terms", n, "group")),
                                field=f"terms.{n}.group")
            for v in t.variants():
                key = (fold_pattern(v.text), v.case or "any")
                if key in seen and seen[key] != t.term:
                    raise RuleError(f"alias '{v.text}' of '{t.term}' is already an alias of '{seen[key]}'",
                                    source=source, line=_line_for(lines, ("terms", n)), field=f"terms.{n}")
                seen[key] = t.term


def _to_python(node: yaml.Node, path: tuple[Any, ...] = ()) -> tuple[Any, dict[tuple[Any, ...], int]]:
    """Convert a composed YAML node to Python, remembering the 1-based line of every path."""
    lines = {path: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for k, v in node.value:
            key = yaml.safe_load(yaml.serialize(k)) if not isinstance(k, yaml.ScalarNode) else k.value
            val, sub = _to_python(v, (*path, key))
            out[key] = val
            lines.update(sub)
            lines[(*path, key)] = k.start_mark.line + 1
        return out, lines
    if isinstance(node, yaml.SequenceNode):
        items = []
        for i, v in enumerate(node.value):
            val, sub = _to_python(v, (*path, i))
            items.append(val)
            lines.update(sub)
        return items, lines
    return yaml.safe_load(yaml.serialize(node)), lines


def _line_for(lines: dict[tuple[Any, ...], int], loc: tuple[Any, ...]) -> int | None:
    while loc:
        if loc in lines:
            return lines[loc]
        loc = loc[:-1]
    return lines.get(())


# -- inflections and matching ---------------------------------------------------------------------

# (phrase, inflect) -> its forms: filled on first use in a process, and from the on-disk cache
# (``load_inflection_cache``), so that a worker whose cache is warm never imports lemminflect (a second of start)
_INFLECTIONS: dict[tuple[str, str], tuple[str, ...]] = {}
_inflections_added = False  # whether forms were computed since the cache was read


def expand_inflections(phrase: str, inflect: Inflect = "both") -> list[str]:
    """All inflected forms of a phrase, generated with lemminflect.

    ``verb`` inflects the first word ("break into" → "broke into", "breaking into"), ``noun`` the last
    ("air strike" → "air strikes"), ``both`` does both; the phrase itself is always included.
    """
    words = phrase.split()
    if not words or inflect == "none":
        return [phrase]
    global _inflections_added
    known = _INFLECTIONS.get((phrase, inflect))
    if known is None:
        known = _INFLECTIONS[(phrase, inflect)] = tuple(_expand(phrase, words, inflect))
        _inflections_added = True
    return list(known)


def _inflection_cache_path(directory: Path) -> Path:
    h = hashlib.sha256()
    h.update(version("lemminflect").encode() + b"\0")
    h.update(Path(__file__).read_bytes())  # (this code is part of the key: an edited expansion never reads old forms)
    return directory / f"inflections-{h.hexdigest()[:16]}.pkl"


def load_inflection_cache(directory: Path) -> None:
    """Seed the forms from ``directory`` (the gazetteer's cache directory), if a cache for this code and
    lemminflect version is there; an unreadable one is ignored."""
    path = _inflection_cache_path(directory)
    try:
        with path.open("rb") as fh:
            cached = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return
    if isinstance(cached, dict):
        for key, forms in cached.items():
            _INFLECTIONS.setdefault(key, forms)


def save_inflection_cache(directory: Path) -> None:
    """Write the forms computed since the cache was read (atomically; a read-only directory only costs the next
    worker the lemminflect import again)."""
    global _inflections_added
    if not _inflections_added:
        return
    try:
        write_pickle_atomic(_inflection_cache_path(directory), dict(_INFLECTIONS))
    except OSError:
        return
    _inflections_added = False


def _expand(phrase: str, words: list[str], inflect: str) -> list[str]:
    from lemminflect import getAllInflections

    forms = {phrase}
    if inflect in ("verb", "both"):
        for infl in getAllInflections(words[0].lower(), upos="VERB").values():
            for f in infl:
                forms.add(" ".join([_same_case(words[0], f), *words[1:]]))
    if inflect in ("noun", "both"):
        for infl in getAllInflections(words[-1].lower(), upos="NOUN").values():
            for f in infl:
                forms.add(" ".join([*words[:-1], _same_case(words[-1], f)]))
    return sorted(forms, key=lambda f: (f != phrase, f))


def _same_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


@dataclass(frozen=True, slots=True)
class PhraseHit(Generic[P]):
    start: int
    end: int
    text: str
    payload: P


def _case_ok(rule: str, written: str, surface: str) -> bool:
    if rule == "any":
        return True
    if rule == "exact":
        return surface.replace("’", "'") == written
    if rule == "upper":
        return surface.isupper()
    return surface[:1].isupper()


class PhraseMatcher(Generic[P]):
    """Whole-word, case-folded, longest-match phrase matching over ``(phrase, payload)`` pairs.

    Each pair may carry its own case rule: ``(phrase, payload)`` or ``(phrase, payload, case)``.
    Overlapping hits are resolved longest-first ("car bomb" over "bomb").
    """

    def __init__(self, pairs: Iterable[tuple[str, P] | tuple[str, P, str]], inflect: Inflect = "none") -> None:
        self._auto = ahocorasick.Automaton()
        table: dict[str, list[tuple[str, str, P]]] = {}
        for pair in pairs:
            phrase, payload = pair[0], pair[1]
            case = pair[2] if len(pair) > 2 else "any"
            for form in expand_inflections(phrase, inflect):
                key = fold_pattern(form)
                if key:
                    entries = table.setdefault(key, [])
                    if (form, case, payload) not in entries:
                        entries.append((form, case, payload))
        # folded phrase -> its (written form, case rule, payload) entries, first match wins
        self.table: dict[str, tuple[tuple[str, str, P], ...]] = {k: tuple(v) for k, v in table.items()}
        for key, found in self.table.items():
            self._auto.add_word(f" {key} ", (key, found))
        if table:
            self._auto.make_automaton()
        self._empty = not table

    def __len__(self) -> int:
        return len(self._auto)

    def find(self, text: str, folded: str | None = None) -> list[PhraseHit[P]]:
        if self._empty:
            return []
        padded = f" {folded if folded is not None else fold(text)} "
        hits: list[PhraseHit[P]] = []
        for end, (key, entries) in self._auto.iter(padded):
            start = end - len(key) - 1
            _hit(text, start, end - 1, entries, hits)
        return _longest(hits)


def _hit(text: str, start: int, stop: int, entries: Sequence[tuple[str, str, P]], hits: list[PhraseHit[P]]) -> None:
    """Append the hit of the first entry whose case rule the surface text satisfies, if any."""
    surface = text[start:stop]
    for form, case, payload in entries:
        if _case_ok(case, form, surface):
            hits.append(PhraseHit(start, stop, surface, payload))
            return


def _longest(hits: Sequence[PhraseHit[P]]) -> list[PhraseHit[P]]:
    out: list[PhraseHit[P]] = []
    for h in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if all(h.end <= o.start or h.start >= o.end for o in out):
            out.append(h)
    out.sort(key=lambda h: h.start)
    return out


class KeywordMatcher:
    """Keyword recognition for ``Tagger.tag``: canonical term and group for every alias hit."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        pairs: list[tuple[str, tuple[str, str], str]] = []
        self._by_inflect: dict[str, list[tuple[str, tuple[str, str], str]]] = {}
        excluded: dict[tuple[str, str], set[str]] = {}  # (term, group) -> folded forms never matched
        for t in taxonomy.terms:
            if t.exclude:
                excluded[(t.term, t.group)] = {fold_pattern(x) for x in t.exclude}
            for v in t.variants():
                self._by_inflect.setdefault(v.inflect or "none", []).append(
                    (v.text, (t.term, t.group), v.case or "any"))
        for group in self._by_inflect.values():  # written forms first: they win over inflections
            pairs.extend(group)
        for infl, group in self._by_inflect.items():
            for phrase, payload, case in group:
                for form in expand_inflections(phrase, infl)[1:]:  # type: ignore[arg-type]
                    pairs.append((form, payload, case))
        if excluded:
            pairs = [p for p in pairs if fold_pattern(p[0]) not in excluded.get(p[1], ())]
        self.taxonomy = taxonomy
        self._matcher: PhraseMatcher[tuple[str, str]] = PhraseMatcher(pairs)

    @classmethod
    def load(cls, path: Path | None = None, *, cache_dir: Path | None = None) -> KeywordMatcher:
        """The taxonomy at ``path`` (default ``seeds/keywords.yaml``); with ``cache_dir``, inflected forms are read
        from and written to a cache there (see ``load_inflection_cache``)."""
        if cache_dir is not None:
            load_inflection_cache(cache_dir)
        matcher = cls(Taxonomy.load(path))
        if cache_dir is not None:
            save_inflection_cache(cache_dir)
        return matcher

    @property
    def pattern_count(self) -> int:
        return len(self._matcher)

    @property
    def patterns(self) -> dict[str, tuple[tuple[str, str, tuple[str, str]], ...]]:
        """Folded phrase -> (written form, case rule, (term, group)) entries. ``PlaceResolver`` adds these to
        its own automaton, so that ``Tagger.tag`` finds places and keywords in one scan of the text."""
        return self._matcher.table

    def find(self, text: str, folded: str | None = None) -> list[KeywordMention]:
        return _mentions(self._matcher.find(text, folded))

    def mentions(self, text: str,
                 raw: Iterable[tuple[int, int, Sequence[tuple[str, str, tuple[str, str]]]]]) -> list[KeywordMention]:
        """Keyword mentions from raw whole-word hits ``(start, end, entries of patterns[key])`` found by
        another scan (the place resolver's): case rules, then longest-first, as ``find`` does."""
        hits: list[PhraseHit[tuple[str, str]]] = []
        for start, end, entries in raw:
            _hit(text, start, end, entries, hits)
        return _mentions(_longest(hits))


_keyword = builder(KeywordMention)


def _mentions(hits: Iterable[PhraseHit[tuple[str, str]]]) -> list[KeywordMention]:
    return [_keyword({"start": h.start, "end": h.end, "text": h.text, "term": h.payload[0],
                                     "group": h.payload[1]})
            for h in hits]
