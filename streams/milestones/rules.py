"""The rule format: pydantic models for a rule pack, its shared filter lists and its milestones.

A pack (``seeds/rules/conflict.yaml``) names the filter-list files it uses, the filters every milestone
gets by default, and the milestones. Each milestone has one or more match patterns: trigger phrases,
the place role (kinds, where it sits relative to the trigger), optional object and actor roles, and
extra filters. Filters are typed by ``kind`` through ``FILTER_KINDS`` (a registry feeding a pydantic
discriminated union), so a new filter kind is one class here and one in ``filters.py``.

Called by ``Detector.load`` and ``check_rules`` through ``load_pack``; every error is a ``RuleError``
that names file, line and field, e.g.
``seeds/rules/conflict.yaml:41 (milestones[2].match[0].triggers): list should have at least 1 item``.

    >>> pack = load_pack(DEFAULT_RULES)
    >>> [m.id for m in pack.milestones][:2]
    ['city-breach', 'city-captured']
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from streams.errors import RuleError
from streams.milestones.lexicon import compile_phrases
from streams.milestones.model import Severity
from streams.milestones.source import YamlDocument, load_yaml
from streams.resources import seeds_dir

DEFAULT_RULES = seeds_dir() / "rules" / "conflict.yaml"
PlaceKind = Literal["city", "district", "admin1", "country", "continent", "region"]
Effect = Literal["block", "require", "contest", "claim"]

_WINDOW = re.compile(r"^(before|after|near|segment|sentence|context|following|article)(?::(\d+))?$")


class Window(BaseModel):
    """Where a filter looks, relative to the trigger.

    ``before:N`` / ``after:N`` / ``near:N``: N words before/after/around the trigger, within its segment
    (a clause-like piece of the sentence cut at commas, dashes and connectives such as "as", "while");
    ``segment``; ``sentence``; ``context:N``: the sentence and the N before it (the first sentence, a story's
    lede, reaches the second too); ``following:N``: the
    sentence and the N after it (a later sentence counts only if it names the same place or refers
    back: "the claim", "this"); ``article``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    scope: Literal["before", "after", "near", "segment", "sentence", "context", "following", "article"]
    size: int = 0

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        if isinstance(value, str):
            m = _WINDOW.match(value.strip())
            if not m:
                raise ValueError(f"window '{value}' is not one of before:N, after:N, near:N, segment, "
                                 "sentence, context:N, following:N, article")
            return {"scope": m.group(1), "size": int(m.group(2) or 0)}
        return value

    def __str__(self) -> str:
        return f"{self.scope}:{self.size}" if self.size else self.scope


class FilterList(BaseModel):
    """A shared list of phrases (modality, negation, denial, history, …) kept in data."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    description: str = ""
    window: Window = Window(scope="segment")
    phrases: list[str] = Field(min_length=1)
    unless: list[str] = []  # longer phrases that cancel a hit they contain ("managed to" vs "to")


class _FilterBase(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    name: str | None = None  # how explain() and disable_filters refer to it; defaults to the list name
    effect: Effect = "block"


class LexiconFilter(_FilterBase):
    """Fires when a phrase from a shared list (``list``) and/or inline ``phrases`` is in the window."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)
    kind: Literal["lexicon"] = "lexicon"
    list_name: str | None = Field(default=None, alias="list")
    phrases: list[str] = []
    unless: list[str] = []
    # phrases (or ``@list`` references) that, anywhere in the window, stop the filter hitting at all:
    # a claim by a party to the conflict stops being only a claim when a witness also reports it
    unless_window: list[str] = []
    window: Window | None = None  # default: the list's window, else the segment

    @model_validator(mode="after")
    def _has_phrases(self) -> LexiconFilter:
        if self.list_name is None and not self.phrases:
            raise ValueError("a lexicon filter needs 'list' or 'phrases'")
        return self

    @property
    def label(self) -> str:
        return self.name or self.list_name or "lexicon"


class DatedFilter(_FilterBase):
    """Fires when the window names a date (``June 2014``, ``2014``) older than ``max_age_days`` before
    the article's publication (or, without one, before the latest year the article mentions)."""

    kind: Literal["dated"] = "dated"
    max_age_days: int = Field(default=180, ge=0)
    # a date given to the month ("in late January", "December 2023", "on March 3"): old once it lies this
    # many days before publication; a month without a day counts from its last day. None: max_age_days
    month_max_age_days: int | None = Field(default=None, ge=0)
    window: Window = Window(scope="segment")
    # true: only a date *before* the trigger counts, and only when the trigger stands in a relative or
    # temporal clause hanging off it ("driven out in January after a siege that drew air strikes")
    subordinate: bool = False
    # true: only dates given to the month count ("in late January", "in December 2023"), and none when
    # the window also dates the event to now ("on Monday", "overnight", "this week"): a sentence-wide
    # check for background dated at the end of a clause ("captured Goma, the largest city, in January")
    months_only: bool = False
    # true: the same sentence-wide check for any date, bare years too ("In 2014, IS fighters captured Mosul",
    # "For 1,425 days between 1992 and 1996, Bosnian Serb forces encircled Sarajevo")
    sentence_wide: bool = False

    @property
    def label(self) -> str:
        return self.name or "dated"


class RetrospectiveFilter(_FilterBase):
    """Fires in a look-back story — its headline or lede holds a phrase of ``list`` ("A year after rebels
    seized Goma", "A Decade On", "marked the anniversary") — for a trigger whose sentence does not date the
    event to now ("on Monday", "overnight", "this week"): "3,000 people were killed during the battle for
    Goma" in such a story is background."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)
    kind: Literal["retrospective"] = "retrospective"
    list_name: str = Field(alias="list")
    lede_sentences: int = Field(default=2, ge=1, le=5)  # the headline (if any) and the first sentences

    @property
    def label(self) -> str:
        return self.name or "retrospective"


# The registry: filter kind → config class. filters.py maps the same names to runtime checks.
FILTER_KINDS: dict[str, type[_FilterBase]] = {
    "lexicon": LexiconFilter, "dated": DatedFilter, "retrospective": RetrospectiveFilter}
FilterSpec = Annotated[LexiconFilter | DatedFilter | RetrospectiveFilter, Field(discriminator="kind")]
AnyFilter = LexiconFilter | DatedFilter | RetrospectiveFilter


class Gap(BaseModel):
    """How a place may sit on one side of the trigger: at most ``max_gap`` words between them, none of
    them in ``stop``; if ``only`` is given every gap word must be in it; if ``require`` is given one must
    be (e.g. a passive auxiliary for "Mosul was retaken")."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    max_gap: int = Field(default=6, ge=0, le=40)
    stop: list[str] = []
    only: list[str] | None = None
    require: list[str] = []


class PlaceRole(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    kinds: list[PlaceKind] = Field(default=["city", "district"], min_length=1)
    # used only when no place of ``kinds`` qualifies, and only after a locative preposition ("in Syria")
    fallback_kinds: list[PlaceKind] = []
    after: Gap | None = None  # place follows the trigger ("captured Mosul")
    before: Gap | None = None  # place precedes it ("Mosul fell to")
    inside: bool = False  # place sits in the trigger's gap ("declared Mosul liberated")
    nearest: bool = False  # any place in scope, nearest first (object-anchored patterns)
    scope: Literal["segment", "sentence"] = "sentence"
    provinces: bool = True  # false: "Idlib province" does not count, only the city "Idlib"
    whole: bool = False  # true: "eastern Mosul", "Mosul's Old City" (a part) does not count as Mosul
    camps: bool = True  # false: "the Kalma displacement camp" is no town (a camp stormed is no town captured)
    exclude_before: list[str] = []  # a mention right after these is not the place: "fled towards Tawila"
    carry: bool = False  # a sentence naming no place is about the previous sentence's (or headline's) city
    anaphora: bool = True  # "the city", "the town" → the latest city named before it
    coordination: bool = True  # "captured Manbij and Jarablus" → both
    # when no other place qualifies, a country named as a party ("Ethiopia's government and Tigrayan
    # forces agreed", "Yemen's warring parties") is the place: a ceasefire is the country's
    parties: bool = False
    # a country or province found for the trigger gives way to a town the sentence names after it as the target
    # ("launched a ground offensive in the Kharkiv region, pushing towards the town of Vovchansk")
    target_town: bool = False

    @model_validator(mode="after")
    def _some_position(self) -> PlaceRole:
        if not (self.after or self.before or self.inside or self.nearest):
            raise ValueError("place needs at least one of after, before, inside, nearest")
        return self


class Role(BaseModel):
    """An object ("wall", "defences") or actor role: phrases that must appear in ``window``."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    phrases: list[str] = Field(min_length=1)
    window: Window = Window(scope="sentence")


class ActorRole(BaseModel):
    """Actors come from the tagger's keyword mentions of these groups; ``required`` makes one mandatory."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    groups: list[str] = ["actor"]
    required: bool = False


class MatchPattern(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    name: str | None = None
    triggers: list[str] = Field(min_length=1)
    place: PlaceRole
    object: Role | None = None
    actor: ActorRole = ActorRole()
    exclude: Role | None = None  # phrases that, in ``window``, mean this is not the event ("breach of contract")
    filters: list[FilterSpec] = []
    confidence: float = Field(default=0.75, gt=0, le=1)
    # milestone ids: a place found only by this pattern is dropped when the same article reports one of these
    # milestones at the same place as fact ("entered the town" in the story of its capture is the capture)
    superseded_by: list[str] = []
    # the same, when the report is of any status, claimed or contested too ("our mujahideen entered El Bur this
    # morning", in the story of a claimed capture, is that claim)
    superseded_by_any: list[str] = []

    @field_validator("triggers")
    @classmethod
    def _non_empty(cls, v: list[str]) -> list[str]:
        for t in v:
            if not t.strip("=* ").strip():
                raise ValueError("empty trigger phrase")
            if t.startswith("re:"):
                raise ValueError("triggers cannot be regular expressions (they are indexed); use phrases")
        return v


class MilestoneRule(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: str  # template: {place}, {country}, {milestone}
    severity: Severity
    description: str = ""
    forward_looking: bool = False  # true for milestones about what is expected (imminent-fall)
    cameo: str | None = None  # CAMEO event code this maps to, where one exists
    acled: str | None = None  # ACLED event type / sub-event type
    filters: list[FilterSpec] = []  # added to the pack's default filters
    disable_filters: list[str] = []  # names of default filters this milestone switches off
    superseded_by: list[str] = []  # as MatchPattern.superseded_by, for every pattern of the milestone
    match: list[MatchPattern] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _single_match(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("match"), dict):
            return {**data, "match": [data["match"]]}
        return data

    @field_validator("title")
    @classmethod
    def _template(cls, v: str) -> str:
        try:
            v.format(place="p", country="c", milestone="m")
        except (KeyError, IndexError, ValueError) as exc:
            raise ValueError(f"title template: unknown or malformed placeholder {exc}") from None
        return v


class RulePack(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    version: int = 1
    filter_lists: list[str] = []  # YAML files (relative to the pack) with a top-level 'lists' mapping
    lists: dict[str, FilterList] = {}  # inline lists; override file lists of the same name
    default_filters: list[FilterSpec] = []
    milestones: list[MilestoneRule] = Field(min_length=1)


class FilterListFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    lists: dict[str, FilterList]


class LoadedPack(BaseModel):
    """A validated pack with its filter lists merged in; ``documents`` keeps lines for later errors."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)
    path: str
    pack: RulePack
    lists: dict[str, FilterList]
    documents: dict[str, YamlDocument]

    @property
    def milestones(self) -> list[MilestoneRule]:
        return self.pack.milestones

    def error(self, message: str, path: tuple[str | int, ...]) -> RuleError:
        return self.documents[self.path].error(message, path)


def resolve_rules_path(path: Path | None) -> Path:
    if path is not None:
        return Path(path)
    env = os.environ.get("WIREWATCH_RULES")
    return Path(env) if env else DEFAULT_RULES


def load_pack(path: Path | None = None) -> LoadedPack:
    """Load and validate a pack and its filter-list files; semantic checks (list names, phrase syntax,
    duplicate ids) run here too so that a pack that loads is a pack that compiles."""
    path = resolve_rules_path(path)
    doc = load_yaml(path)
    if not isinstance(doc.data, dict):
        raise RuleError("a rule pack is a mapping with 'milestones'", source=doc.source, line=1)
    pack = doc.validate(RulePack)
    documents = {doc.source: doc}
    lists: dict[str, FilterList] = {}
    for i, rel in enumerate(pack.filter_lists):
        list_path = (path.parent / rel).resolve()
        if not list_path.exists():
            raise doc.error(f"filter-list file not found: {list_path}", ("filter_lists", i))
        ldoc = load_yaml(list_path)
        documents[ldoc.source] = ldoc
        lists.update(ldoc.validate(FilterListFile).lists)
        for name, flist in ldoc.validate(FilterListFile).lists.items():
            _check_phrases(ldoc, [*flist.phrases, *flist.unless], ("lists", name, "phrases"), lists)
    lists.update(pack.lists)
    loaded = LoadedPack(path=doc.source, pack=pack, lists=lists, documents=documents)
    _check_pack(loaded, doc)
    return loaded


def _check_pack(loaded: LoadedPack, doc: YamlDocument) -> None:
    pack, lists = loaded.pack, loaded.lists
    for name, flist in pack.lists.items():
        _check_phrases(doc, [*flist.phrases, *flist.unless], ("lists", name, "phrases"), lists)
    default_names = set()
    for i, f in enumerate(pack.default_filters):
        _check_filter(doc, f, ("default_filters", i), lists)
        default_names.add(f.label)
    seen: dict[str, int] = {}
    ids = {rule.id for rule in pack.milestones}
    for mi, rule in enumerate(pack.milestones):
        base: tuple[str | int, ...] = ("milestones", mi)
        if rule.id in seen:
            raise doc.error(f"duplicate milestone id '{rule.id}' (first at milestones[{seen[rule.id]}])",
                            (*base, "id"))
        seen[rule.id] = mi
        for j, name in enumerate(rule.disable_filters):
            if name not in default_names:
                raise doc.error(f"no default filter named '{name}' (have: {', '.join(sorted(default_names))})",
                                (*base, "disable_filters", j))
        for fi, f in enumerate(rule.filters):
            _check_filter(doc, f, (*base, "filters", fi), lists)
        _check_ids(doc, rule.superseded_by, rule.id, ids, (*base, "superseded_by"))
        single = isinstance(doc.data["milestones"][mi].get("match"), dict)  # `match:` written as one mapping
        for pi, pat in enumerate(rule.match):
            pbase = (*base, "match") if single else (*base, "match", pi)
            _check_phrases(doc, pat.triggers, (*pbase, "triggers"), lists, allow_regex=False)
            for role in ("object", "exclude"):
                r = getattr(pat, role)
                if r is not None:
                    _check_phrases(doc, r.phrases, (*pbase, role, "phrases"), lists)
            _check_phrases(doc, pat.place.exclude_before, (*pbase, "place", "exclude_before"), lists)
            for side in ("after", "before"):
                gap = getattr(pat.place, side)
                if gap is not None:
                    for attr in ("stop", "only", "require"):
                        _check_phrases(doc, getattr(gap, attr) or [], (*pbase, "place", side, attr), lists)
            for fi, f in enumerate(pat.filters):
                _check_filter(doc, f, (*pbase, "filters", fi), lists)
            _check_ids(doc, pat.superseded_by, rule.id, ids, (*pbase, "superseded_by"))
            _check_ids(doc, pat.superseded_by_any, rule.id, ids, (*pbase, "superseded_by_any"))


def _check_ids(doc: YamlDocument, named: list[str], own: str, ids: set[str], path: tuple[str | int, ...]) -> None:
    for j, name in enumerate(named):
        if name not in ids or name == own:
            raise doc.error(f"superseded_by: '{name}' is not another milestone of this pack "
                            f"(have: {', '.join(sorted(ids - {own}))})", (*path, j))


def _check_filter(doc: YamlDocument, f: Any, path: tuple[str | int, ...], lists: dict[str, FilterList]) -> None:
    list_name = f.list_name if isinstance(f, LexiconFilter | RetrospectiveFilter) else None
    if list_name is not None and list_name not in lists:
        raise doc.error(f"unknown filter list '{list_name}' (have: {', '.join(sorted(lists))})", (*path, "list"))
    if isinstance(f, LexiconFilter):
        _check_phrases(doc, [*f.phrases, *f.unless], (*path, "phrases"), lists)
        _check_phrases(doc, f.unless_window, (*path, "unless_window"), lists)


def expand_refs(phrases: list[str], lists: dict[str, FilterList]) -> list[str]:
    """Splice ``@name`` references to shared lists."""
    out: list[str] = []
    for p in phrases:
        if p.startswith("@"):
            out.extend(expand_refs(lists[p[1:]].phrases, lists) if p[1:] in lists else [p])
        else:
            out.append(p)
    return out


def _check_phrases(doc: YamlDocument, phrases: list[str], path: tuple[str | int, ...],
                   lists: dict[str, FilterList], *, allow_regex: bool = True) -> None:
    for i, p in enumerate(phrases):
        if p.startswith("@") and p[1:] not in lists:
            raise doc.error(f"unknown list reference '{p}'", (*path, i))
        if p.startswith("re:") and not allow_regex:
            raise doc.error("regular expressions are not allowed here", (*path, i))
    try:
        compile_phrases(expand_refs(phrases, lists))
    except re.error as exc:
        bad = next((i for i, p in enumerate(phrases) if p.startswith("re:") and _bad_regex(p[3:])), None)
        raise doc.error(f"invalid regular expression: {exc}", path if bad is None else (*path, bad)) from None


def _bad_regex(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return True
    return False
