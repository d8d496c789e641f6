"""Compile a validated rule pack into what the detector runs: patterns with their checks, and one
trigger index (an Aho-Corasick automaton over every inflected trigger form of every rule).

The index is why detection cost does not grow with the number of rules: the text is scanned once,
whatever the pack size, and only rules whose trigger actually occurs are evaluated.
Called once by ``Detector.load``; the result is read-only and shared by every ``detect`` call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

import ahocorasick_rs

from streams.milestones.filters import (
    Check,
    LexiconCheck,
    PhraseIndex,
    Scanner,
    build_check,
    phrase_keys,
    scan_keys,
    scanner,
)
from streams.milestones.lexicon import (
    FUNCTION_WORDS,
    anchor_forms,
    compile_phrases,
    phrase_forms,
    phrase_regex,
    split_gaps,
)
from streams.milestones.named import ANCHOR_KEYS, AnchorKind
from streams.milestones.rules import (
    AnyFilter,
    FilterList,
    Gap,
    LexiconFilter,
    LoadedPack,
    MatchPattern,
    MilestoneRule,
    Role,
    expand_refs,
)

ANCHOR_MARK = "\x00"  # automaton values that are unresolved-place anchors, not trigger forms
PHRASE_MARK = "\x01"  # automaton values that are literal phrases of the early checks (see compile_pack)
# what an automaton key is (CompiledPack.index_roles; Final: compiled, the scan loop compares native ints)
KEY_FORM: Final = 0
KEY_ANCHOR: Final = 1
KEY_PHRASE: Final = 2

# what may stand right before a trigger word (the text is normalised and scanned with a leading space)
WORD_STARTS = (" ", '"', "(", "'", "[", "/")


@dataclass(frozen=True)
class CompiledGap:
    max_gap: int
    stop: re.Pattern[str] | None
    only: frozenset[str] | None
    require: re.Pattern[str] | None


@dataclass
class CompiledPattern:
    rule: MilestoneRule
    spec: MatchPattern
    label: str  # "city-captured/active" for explain
    kinds: frozenset[str]
    fallback_kinds: frozenset[str]
    after: CompiledGap | None
    before: CompiledGap | None
    checks: list[Check] = field(default_factory=list)

    all_kinds: frozenset[str] = frozenset()
    anaphoric: bool = False  # 'the city' may stand for a place of these kinds
    carries: bool = False  # the place may be carried over from the sentence before
    early_checks: list[Check] = field(default_factory=list)  # 'require' checks run before place linking
    # the early checks split by what telling their absence costs (set by compile_pack, once it knows which checks
    # are spotted): spotted literal phrase lists (no sentence scan, no regex) and the other lexicon checks, in the same
    # order, then the early checks of other kinds. (Typed by class: compiled, the detector's hit loop calls a lexicon
    # check's ``absent`` directly, not through a Python method call: ≈500 instructions per call.)
    cheap_early_checks: list[LexiconCheck] = field(default_factory=list)
    other_early_checks: list[LexiconCheck] = field(default_factory=list)
    other_early_checks_any: list[Check] = field(default_factory=list)
    place_exclude_before: re.Pattern[str] | None = None  # words right before a mention that disqualify it
    # the sentence must name a place of all_kinds, or carry one (the detector's pre-test); not for a 'parties' role,
    # whose place may be a nationality ("Libyan factions agreed a ceasefire")
    sentence_place_needed: bool = True

    def __post_init__(self) -> None:
        self.all_kinds = self.kinds | self.fallback_kinds
        self.anaphoric = self.spec.place.anaphora and not self.all_kinds.isdisjoint({"city", "district"})
        self.carries = self.spec.place.carry
        self.early_checks = [c for c in self.checks if c.effect == "require" and c.window.scope != "following"]
        self.other_early_checks = [c for c in self.early_checks if isinstance(c, LexiconCheck)]
        self.other_early_checks_any = [c for c in self.early_checks if not isinstance(c, LexiconCheck)]
        self.sentence_place_needed = not self.spec.place.parties


@dataclass(frozen=True, eq=False)
class TriggerEntry:
    pattern: CompiledPattern
    trigger: str  # as written in the rule
    verify: re.Pattern[str] | None  # for triggers with '*' gaps: the full phrase, matched at the hit
    # indexed by its last anchor ("with * air support" by "air support": "with" is in every article);
    # ``verify`` then ends at the hit and is searched for backwards
    back: bool = False
    # With ``verify``: words of which one occurs in every match of it (the first words of the forms of its
    # other end anchor), so that the detector tests them before the regex (most hits have none).
    needles: tuple[str, ...] = ()


def _index_last(anchors: list[str]) -> bool:
    """Whether a gapped trigger is better indexed by its last anchor: when the first is only function
    words (a hit on every 'with' would cost a sentence lookup and a regex each) and the last is longer
    (longer phrases are rarer: "air support", not "control")."""
    return len(anchors) > 1 and all(w in FUNCTION_WORDS for w in anchors[0].split()) \
        and not all(w in FUNCTION_WORDS for w in anchors[-1].split()) and len(anchors[-1]) > len(anchors[0])


@dataclass
class CompiledPack:
    path: str
    rules: list[MilestoneRule]
    patterns: list[CompiledPattern]
    # the trigger index: keys (a word-start character + a form, and the anchors) → ``index_values[i]`` (the
    # form, or ANCHOR_MARK + the anchor); None without triggers
    index: Scanner | None
    entries: dict[str, list[TriggerEntry]]  # first-anchor form → patterns it triggers
    lists: dict[str, FilterList]
    index_values: list[str] = field(default_factory=list)
    # per key of ``index``: the spot bits (``LexiconCheck.spot_bit``) of the early checks whose phrase it is, or 0; the
    # occurrences of a key with bits go to ``ArticleView.phrase_spots``
    index_spot_bits: list[int] = field(default_factory=list)
    # per key of ``index``, read by the detector's scan loop instead of the value's mark: what the key is
    # (KEY_FORM, KEY_ANCHOR or KEY_PHRASE), and an anchor's kind and length ("of" and 0 for other keys)
    index_roles: list[int] = field(default_factory=list)
    index_anchor_kinds: list[AnchorKind] = field(default_factory=list)
    index_anchor_lengths: list[int] = field(default_factory=list)

    @property
    def form_count(self) -> int:
        return len(self.entries)


def _gap(gap: Gap | None, lists: dict[str, FilterList]) -> CompiledGap | None:
    if gap is None:
        return None
    only = None
    if gap.only is not None:
        words: set[str] = set()
        for phrase in expand_refs(gap.only, lists):
            words.update(phrase.lstrip("=~").lower().split())
        only = frozenset(words)
    return CompiledGap(gap.max_gap, compile_phrases(expand_refs(gap.stop, lists)), only,
                       compile_phrases(expand_refs(gap.require, lists)))


def _ending(phrases: list[str], lists: dict[str, FilterList]) -> re.Pattern[str] | None:
    """Phrases that must end right before a place mention ("fled towards | Tawila"), or before a description
    of it ("fled towards the coastal cities of | Latakia and Tartus")."""
    pattern = compile_phrases(expand_refs(phrases, lists))
    if pattern is None:
        return None
    # ("toward neighbouring Takhar province", "to the nearby town of Sake", "towards the Rwandan border at Gisenyi",
    # "towards the Rwandan border and the town of Sake", "to the provincial capital Pemba")
    return re.compile(f"(?:{pattern.pattern})\\s+(?:the\\s+)?(?:(?:neighbouring|neighboring|nearby|adjacent)\\s+)?"
                      f"(?:(?:[\\w-]+\\s+){{0,3}}?(?:town|city|village|towns|cities|villages|capital|port)\\s+of\\s+"
                      f"|(?:[\\w-]+\\s+){{0,2}}?(?:border|frontier)\\s+(?:at|near|and)\\s+(?:the\\s+)?"
                      f"(?:(?:[\\w-]+\\s+){{0,2}}?(?:town|city|village)\\s+of\\s+)?"
                      f"|(?:[\\w-]+\\s+){{0,2}}?capital\\s+"
                      # ("fled towards Hsipaw and Mandalay", with a first name the gazetteer lacks)
                      f"|[\\w-]+\\s+(?:and|or)\\s+)?$")


def _role_spec(role: Role, name: str, effect: str) -> LexiconFilter:
    """An object or exclude role is a lexicon filter ('require' or 'block') over its window."""
    return LexiconFilter(name=name, phrases=role.phrases, window=role.window, effect=effect)  # type: ignore[arg-type]


def compile_pack(loaded: LoadedPack) -> CompiledPack:
    lists = loaded.lists
    defaults = loaded.pack.default_filters
    keys: dict[str, str] = {}  # automaton key → value (a later key's value replaces an earlier one's)
    entries: dict[str, list[TriggerEntry]] = {}
    patterns: list[CompiledPattern] = []
    seen: set[tuple[int, str, str]] = set()
    index = PhraseIndex()  # every literal filter phrase of the pack, scanned once per candidate sentence
    built: dict[str, Check] = {}

    def check(spec: AnyFilter) -> Check:
        # identical filter configs share one check, so per-sentence results are shared across rules
        key = spec.model_dump_json(by_alias=True)
        if key not in built:
            built[key] = build_check(spec, lists, index)
        return built[key]

    for rule in loaded.milestones:
        shared = [check(f) for f in defaults if f.label not in rule.disable_filters]
        rule_checks = [check(f) for f in rule.filters]
        for pi, spec in enumerate(rule.match):
            checks: list[Check] = []
            if spec.object is not None:
                checks.append(check(_role_spec(spec.object, "object", "require")))
            if spec.exclude is not None:
                checks.append(check(_role_spec(spec.exclude, "exclude", "block")))
            for c in [check(f) for f in spec.filters] + rule_checks + shared:
                if all(c is not other for other in checks):
                    checks.append(c)
            pat = CompiledPattern(
                rule=rule, spec=spec, label=f"{rule.id}/{spec.name or pi}",
                kinds=frozenset(spec.place.kinds), fallback_kinds=frozenset(spec.place.fallback_kinds),
                after=_gap(spec.place.after, lists), before=_gap(spec.place.before, lists), checks=checks,
                place_exclude_before=_ending(spec.place.exclude_before, lists))
            patterns.append(pat)
            for trigger in spec.triggers:
                anchors = split_gaps(trigger.lstrip("="))
                literal = "=" if trigger.startswith("=") else ""
                back = _index_last(anchors)
                verify = None
                needles: tuple[str, ...] = ()
                if len(anchors) > 1:
                    verify = re.compile(f"(?:{phrase_regex(trigger)})$" if back else phrase_regex(trigger))
                    if not trigger.startswith("re:"):
                        other_end = anchor_forms(trigger)[0 if back else -1]
                        needles = tuple(sorted({form.split()[0] for form in other_end}))
                for form in phrase_forms(literal + anchors[-1 if back else 0]):
                    if (id(pat), trigger, form) in seen:
                        continue
                    seen.add((id(pat), trigger, form))
                    if form not in entries:
                        entries[form] = []
                        # keys start at a word boundary, so the scan never reports "and" in "command"
                        for prefix in WORD_STARTS:
                            keys[prefix + form] = form
                    entries[form].append(TriggerEntry(pat, trigger, verify, back, needles))
    trigger_index = None
    if entries:
        # the anchors of unresolved-place introductions ride on the same scan ("\x00" marks them)
        for key in ANCHOR_KEYS:
            keys[key] = ANCHOR_MARK + key
        # And the literal phrases of the lexicon checks that run before place linking (the patterns' 'require'
        # roles and contexts, asked for most trigger hits), with the word starts the phrase index uses: every
        # occurrence is listed (``ArticleView.phrase_spots``), so that a sentence in which none of a check's phrases
        # occurs is known to have none of its whole-word matches without scanning it (``LexiconCheck.spotted``).
        # A key that is already a trigger or anchor key keeps its value and is listed too.
        bodies = {pid: body for body, pid in index.ids.items()}
        spotted: list[tuple[LexiconCheck, list[str]]] = []
        for pat in patterns:
            for c in pat.early_checks:
                if not isinstance(c, LexiconCheck) or c.index is not index or c.spotted:
                    continue
                check_keys = []
                for pid in c.ids:
                    body = bodies[pid]
                    check_keys += phrase_keys(body)
                c.spotted = True
                spotted.append((c, check_keys))
        # the phrases of every key of the phrase index (a key two phrases share, "(x" for "x" and "(x", is reported
        # for one of them only, so its spot does not tell which matched)
        key_bodies: dict[str, set[str]] = {}
        for body in index.ids:
            for key in phrase_keys(body):
                key_bodies.setdefault(key, set()).add(body)
        for c, check_keys in spotted:
            c.spot_sure = not c.unless_ids and c.unless is None and c.pattern is None \
                and all(len(key_bodies[key]) == 1 for key in check_keys)
        spotted_keys = {key for _, check_keys in spotted for key in check_keys}
        for key in spotted_keys:
            if key not in keys:
                keys[key] = PHRASE_MARK + key
        keys = scan_keys(keys)  # (a key that can never match is left out)
        position = {key: i for i, key in enumerate(keys)}
        spot_bits = [0] * len(keys)
        for n, (c, check_keys) in enumerate(spotted):
            c.spot_keys = frozenset(position[key] for key in check_keys if key in position)
            c.spot_bit = 1 << n
            for key_index in c.spot_keys:
                spot_bits[key_index] |= c.spot_bit
        for pat in patterns:
            cheap = [c for c in pat.early_checks if isinstance(c, LexiconCheck) and c.spotted
                     and c.pattern is None and not c.unless_ids]
            pat.cheap_early_checks = cheap
            pat.other_early_checks = [c for c in pat.early_checks
                                      if isinstance(c, LexiconCheck) and all(c is not k for k in cheap)]
        # every occurrence of every key (overlapping, as the detector needs them), by a DFA: several
        # times faster per character than pyahocorasick's trie (the scan runs over every article)
        trigger_index = scanner(list(keys), ahocorasick_rs.Implementation.DFA)
    else:
        spot_bits = [0] * len(keys)
    values = list(keys.values())
    roles = [KEY_PHRASE if v[0] == PHRASE_MARK else KEY_ANCHOR if v[0] == ANCHOR_MARK else KEY_FORM for v in values]
    anchors = [v[1:] if v[0] == ANCHOR_MARK else "" for v in values]
    return CompiledPack(loaded.path, list(loaded.milestones), patterns, trigger_index, entries, lists,
                        values, spot_bits, roles,
                        [ANCHOR_KEYS[a] if a else "of" for a in anchors], [len(a) for a in anchors])
