"""Milestone detection: declarative, validated rules over a ``Tagging`` → ``MilestoneEvent``s.

    >>> from streams.milestones import Detector
    >>> from streams.tagging import Tagger
    >>> d = Detector.load()
    >>> t = Tagger.load().tag("Syrian rebels breached the walls of Aleppo on Tuesday.")
    >>> [e.milestone for e in d.detect(t, article_id="a1")]
    ['city-breach']

Modules, in the order data flows:

- ``source``   YAML with line numbers; pydantic errors → ``RuleError(file, line, field)``
- ``rules``    the rule format (pydantic): pack, filter lists, milestones, match patterns, filter registry
- ``lexicon``  phrase syntax → forms/regexes (inflection via the tagger's ``expand_inflections``)
- ``compile``  pack → patterns + one Aho-Corasick trigger index (cost independent of the rule count)
- ``text``     sentence/segment/window views over a tagged article
- ``filters``  runtime filter checks (lexicon, dated), one registry
- ``named``    populated places the tagger left unresolved but the copy names as such ("the village of
               Togoga"): event places without a GeoNames id
- ``demonyms`` truce parties named by nationality ("Libyan factions") → their country
- ``places``   linking a trigger to its place (positions, gaps, anaphora) and the guards against
               speakers, venues, reference points, provinces, parts of towns, locating regions
- ``detector`` ``Detector.load/detect/explain``: trigger hits → place → filters → events
- ``report``   ``events_to_json``, ``check_rules``, ``format_explanation`` (what the CLI prints)
- ``backtest`` precision/recall per milestone on a labelled corpus, with the disagreements

Public API (used by the worker and ``wirewatch detect|rules``): ``Detector``, ``events_to_json``,
``check_rules``, ``format_explanation``, ``backtest``.

The hot modules (``text``, ``named``, ``filters``, ``compile``, ``places``, ``detector``) run compiled with
mypyc when ``make compile`` (run by the venv setup) built them, and as plain Python otherwise: same
results, the compiled ones faster. ``IMPLEMENTATION`` (logged by ``Detector.load``; ``python -m
streams.milestones``) says which is in use; see ``streams.milestones._compiled``.
"""

from __future__ import annotations

# first (sorted first, too): decides whether the hot modules are imported compiled or from their .py files
from streams.milestones._compiled import COMPILED, IMPLEMENTATION
from streams.milestones.backtest import BacktestReport, backtest, combine, load_corpus
from streams.milestones.detector import Candidate, Detector
from streams.milestones.report import RulePackSummary, check_rules, events_to_json, format_explanation

__all__ = [
    "COMPILED",
    "IMPLEMENTATION",
    "BacktestReport",
    "Candidate",
    "Detector",
    "RulePackSummary",
    "backtest",
    "check_rules",
    "combine",
    "events_to_json",
    "format_explanation",
    "load_corpus",
]
