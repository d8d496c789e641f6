"""What the CLI prints for milestones: event JSON, rule-pack summaries and explanations.

The CLI stays thin: ``wirewatch detect`` calls ``events_to_json``, ``wirewatch rules check`` prints
``check_rules(path).format()``, ``wirewatch rules explain`` prints ``format_explanation(...)``.

    >>> summary = check_rules(None)
    >>> summary.milestones[0].id
    'city-breach'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from streams.milestones.compile import compile_pack
from streams.milestones.detector import Candidate
from streams.milestones.model import MilestoneEvent
from streams.milestones.rules import load_pack


def events_to_json(article_id: str, events: Sequence[MilestoneEvent]) -> dict[str, Any]:
    """One output line of ``wirewatch detect``: ``{"id", "milestones": [...]}``; evidence is the
    sentence that fired and its character offsets in the article text."""
    return {
        "id": article_id,
        "milestones": [
            {
                "milestone": e.milestone,
                "place": e.place,
                "geonameid": e.geonameid,
                "country": e.country,
                "status": e.status,
                "confidence": e.confidence,
                "evidence": {"text": e.evidence.text, "start": e.evidence.start, "end": e.evidence.end},
            }
            for e in events
        ],
    }


@dataclass(frozen=True)
class MilestoneSummary:
    id: str
    severity: str
    patterns: int
    triggers: int  # trigger phrases as written
    forms: int  # indexed surface forms (after inflection)
    filters: list[str]


@dataclass(frozen=True)
class RulePackSummary:
    path: str
    filter_lists: list[str]
    default_filters: list[str]
    milestones: list[MilestoneSummary]
    indexed_forms: int

    def format(self) -> str:
        lines = [f"{self.path}: OK — {len(self.milestones)} milestones, {self.indexed_forms} indexed trigger forms",
                 f"filter lists: {', '.join(self.filter_lists)}",
                 f"default filters: {', '.join(self.default_filters)}",
                 f"{'milestone':<20} {'severity':<9} {'patterns':>8} {'triggers':>8} {'forms':>6}  filters"]
        for m in self.milestones:
            lines.append(f"{m.id:<20} {m.severity:<9} {m.patterns:>8} {m.triggers:>8} {m.forms:>6}  "
                         f"{', '.join(m.filters)}")
        return "\n".join(lines)


def check_rules(path: Path | None) -> RulePackSummary:
    """Validate and compile a rule pack; raises ``RuleError`` (file, line, field) when it is invalid."""
    loaded = load_pack(path)
    compiled = compile_pack(loaded)
    defaults = [f.label for f in loaded.pack.default_filters]
    out = []
    for rule in loaded.milestones:
        pats = [p for p in compiled.patterns if p.rule is rule]
        forms = sum(1 for entries in compiled.entries.values() for e in entries if e.pattern.rule is rule)
        out.append(MilestoneSummary(
            id=rule.id, severity=rule.severity, patterns=len(pats),
            triggers=sum(len(p.triggers) for p in rule.match), forms=forms,
            filters=[d for d in defaults if d not in rule.disable_filters] + [f.label for f in rule.filters]))
    return RulePackSummary(loaded.path, sorted(loaded.lists), defaults, out, compiled.form_count)


def format_explanation(candidates: Sequence[Candidate], *, verbose: bool = False) -> str:
    """Human-readable ``wirewatch rules explain`` output: one block per candidate, in text order."""
    if not candidates:
        return "no trigger of any rule occurs in this text"
    lines = []
    for c in candidates:
        place = ", ".join(f"{p.mention.name} ({p.via}{', anaphora' if p.anaphora else ''})" for p in c.places) or "-"
        if c.fired:
            head = f"FIRED    {c.milestone:<18} place={place} status={c.status} confidence={c.confidence}"
        else:
            head = f"{c.verdict.upper():<8} {c.milestone:<18} place={place} reason={c.reason}"
        lines.append(head)
        lines.append(f"         pattern={c.pattern} trigger='{c.trigger}' matched '{c.trigger_text}' "
                     f"at {c.trigger_start}-{c.trigger_end}")
        if verbose or not c.fired:
            lines.append(f"         sentence: {c.sentence.strip()}")
        for h in c.hits:
            lines.append(f"         {h.effect:<8} {h.name}: '{h.phrase}' at {h.start}-{h.end}")
    fired = sum(c.fired for c in candidates)
    lines.append(f"{len(candidates)} candidates, {fired} fired")
    return "\n".join(lines)
