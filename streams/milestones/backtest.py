"""Backtest a rule pack on a labelled corpus: precision/recall per milestone and every disagreement.

``wirewatch rules backtest --rules FILE --corpus LABELLED.jsonl`` prints ``backtest(...).format()``;
the unit tests assert thresholds on ``seeds/labelled/dev.jsonl``.

Corpus format, one JSON object per line::

    {"id": "dev-001", "text": "...", "published_at": "2017-07-04T00:00:00Z",
     "milestones": [{"milestone": "city-breach", "place": "Raqqa", "geonameid": 172955}]}

A predicted event matches a label when the milestone is the same and the place is the same: by GeoNames
id when both have one, else by case-folded name (the label's name may be the gazetteer name or the
name as written in the text).

    >>> report = backtest(None, DEV_SET)           # doctest: +SKIP
    >>> print(report.format())                     # doctest: +SKIP
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, ValidationError

from streams.errors import InvalidArticleError
from streams.milestones.detector import Detector
from streams.milestones.model import MilestoneEvent, Status, fold_name
from streams.resources import seeds_dir

if TYPE_CHECKING:
    from streams.tagging import Tagger

DEV_SET = seeds_dir() / "labelled" / "dev.jsonl"


class Label(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    milestone: str
    place: str
    geonameid: int | None = None
    status: Status | None = None


class LabelledArticle(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")
    id: str
    text: str
    published_at: datetime | None = None
    milestones: list[Label] = []


def load_corpus(path: Path) -> list[LabelledArticle]:
    out = []
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                out.append(LabelledArticle.model_validate(json.loads(line)))
            except (json.JSONDecodeError, ValidationError) as exc:
                msg = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc.errors()[0]["msg"])
                raise InvalidArticleError(msg, source=f"{path}:{n}") from None
    return out


@dataclass
class Score:
    milestone: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Disagreement:
    article_id: str
    kind: str  # "false-positive" (would have fired, not labelled) or "missed" (labelled, did not fire)
    milestone: str
    place: str
    geonameid: int | None
    evidence: str  # the sentence that fired, or the article's start for a miss


@dataclass
class BacktestReport:
    rules_path: str
    corpus_path: str
    articles: int
    scores: dict[str, Score]
    disagreements: list[Disagreement] = field(default_factory=list)
    status_mismatches: list[tuple[str, str, str, str]] = field(default_factory=list)  # id, milestone, want, got

    @property
    def total(self) -> Score:
        t = Score("all")
        for s in self.scores.values():
            t.tp, t.fp, t.fn = t.tp + s.tp, t.fp + s.fp, t.fn + s.fn
        return t

    def format(self, *, max_disagreements: int = 200) -> str:
        lines = [f"backtest of {self.rules_path} on {self.corpus_path} ({self.articles} articles)",
                 f"{'milestone':<20} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7} {'f1':>6}"]
        for s in [*sorted(self.scores.values(), key=lambda s: s.milestone), self.total]:
            lines.append(f"{s.milestone:<20} {s.tp:>4} {s.fp:>4} {s.fn:>4} {s.precision:>9.3f} "
                         f"{s.recall:>7.3f} {s.f1:>6.3f}")
        if self.disagreements:
            lines.append("")
            lines.append(f"disagreements ({len(self.disagreements)}):")
            for d in self.disagreements[:max_disagreements]:
                what = "would have fired" if d.kind == "false-positive" else "missed"
                ev = " ".join(d.evidence.split())
                lines.append(f"  {d.article_id}: {what} {d.milestone}/{d.place} — {ev[:140]}")
        if self.status_mismatches:
            lines.append("")
            lines.append(f"status differences ({len(self.status_mismatches)}):")
            for aid, ms, want, got in self.status_mismatches:
                lines.append(f"  {aid}: {ms} labelled {want}, detected {got}")
        return "\n".join(lines)


def _same_place(label: Label, event: MilestoneEvent, text: str, written_as: dict[int | str, set[str]]) -> bool:
    if label.geonameid is not None and event.geonameid is not None:
        return label.geonameid == event.geonameid
    written = text[event.evidence.place_start:event.evidence.place_end]
    # "Rafah" names the same place as the gazetteer's "Rafaḩ"; an event found through "there" or "the town"
    # is the place the article spells "Jabalia" elsewhere (the gazetteer's "Jabālyā")
    names = {fold_name(event.place), fold_name(written)}
    # (a place without a GeoNames id by its name: the tagger's "Baghouz", which the article spells "Baghuz")
    names |= written_as.get(event.geonameid if event.geonameid is not None else event.place, set())
    label_name = fold_name(label.place)
    # "Shan state" labels the province the tagger calls "Shan" (and "Panjshir valley" the province Panjshir);
    # "eastern Ukraine" is Ukraine, which the detector reports with the qualifier "eastern"
    bare = _DIRECTION_PREFIX.sub("", label_name)
    return any(n in names for n in (label_name, _ADMIN_SUFFIX.sub("", label_name), bare, _ADMIN_SUFFIX.sub("", bare)))


_ADMIN_SUFFIX = re.compile(r"-(?:state|province|region|oblast|governorate|valley)$")
_DIRECTION_PREFIX = re.compile(r"^(?:(?:north|south)-?(?:east|west)?(?:ern)?|(?:east|west)(?:ern)?|central)-(?=\w)")


def combine(reports: list[BacktestReport]) -> BacktestReport:
    """Several corpora's reports as one: counts summed per milestone, disagreements and status differences in
    corpus order (``wirewatch rules backtest --corpus A --corpus B``)."""
    out = BacktestReport(reports[0].rules_path, f"{len(reports)} corpora", sum(r.articles for r in reports), {})
    for r in reports:
        for name, sc in r.scores.items():
            t = out.scores.setdefault(name, Score(name))
            t.tp, t.fp, t.fn = t.tp + sc.tp, t.fp + sc.fp, t.fn + sc.fn
        out.disagreements += r.disagreements
        out.status_mismatches += r.status_mismatches
    return out


def backtest(rules_path: Path | None, corpus_path: Path, *, tagger: Tagger | None = None,
             detector: Detector | None = None) -> BacktestReport:
    """Run tag + detect over every labelled article and compare (milestone, place) pairs."""
    from streams.tagging import Tagger

    tagger = tagger or Tagger.load()
    detector = detector or Detector.load(rules_path)
    corpus = load_corpus(corpus_path)
    report = BacktestReport(detector.rules_path, str(corpus_path), len(corpus), {})
    for rule in detector.pack.rules:
        report.scores[rule.id] = Score(rule.id)
    for art in corpus:
        tagging = tagger.tag(art.text)
        events = detector.detect(tagging, article_id=art.id, published_at=art.published_at)
        written_as: dict[int | str, set[str]] = {}
        for p in tagging.places:
            written_as.setdefault(p.geonameid if p.geonameid is not None else p.name, set()).add(fold_name(p.text))
        unmatched = list(art.milestones)
        for ev in events:
            score = report.scores.setdefault(ev.milestone, Score(ev.milestone))
            hit = next((lb for lb in unmatched if lb.milestone == ev.milestone
                        and _same_place(lb, ev, art.text, written_as)),
                       None)
            if hit is None:
                score.fp += 1
                report.disagreements.append(Disagreement(art.id, "false-positive", ev.milestone, ev.place,
                                                         ev.geonameid, ev.evidence.text))
                continue
            unmatched.remove(hit)
            score.tp += 1
            if hit.status is not None and hit.status != ev.status:
                report.status_mismatches.append((art.id, ev.milestone, hit.status, ev.status))
        for lb in unmatched:
            report.scores.setdefault(lb.milestone, Score(lb.milestone)).fn += 1
            report.disagreements.append(Disagreement(art.id, "missed", lb.milestone, lb.place, lb.geonameid,
                                                     art.text[:160]))
    return report
