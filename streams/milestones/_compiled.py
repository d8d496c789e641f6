"""Which implementation of the detector's hot modules is in use: mypyc-compiled or pure Python.

Imported first by ``streams.milestones``; the mechanism (shared with the tagger) is ``streams.compiled``:
the compiled modules are used only when all of them are built by ``streams/build_compiled.py``
(``make compile``), the stamp matches the current sources, and they import. ``WIREWATCH_MILESTONES_PURE=1``
forces pure Python. ``IMPLEMENTATION`` says which one is in use and why (``python -m streams.milestones``
prints it; ``Detector.load`` logs it).

The hot modules are the per-article path: the article and sentence views, unresolved-place names, the
filters, place linking and the detector's hit loop, plus ``compile`` for the native classes that loop
reads (patterns, trigger entries). The pydantic rule and event models stay pure Python.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from streams.compiled import CompiledModules

HOT = ("text", "named", "filters", "compile", "places", "detector")
MODULES = CompiledModules(
    package=__name__.rpartition(".")[0], directory=Path(__file__).resolve().parent, hot=HOT,
    # the hot modules, the milestone modules they import, and the tagger's output models they read
    sources=tuple(f"{m}.py" for m in (*HOT, "lexicon", "rules", "model", "demonyms", "source"))
    + ("../tagging/model.py",),
    pure_env="WIREWATCH_MILESTONES_PURE")

COMPILED, IMPLEMENTATION = MODULES.select()


def sample_output(corpora: Sequence[Path] = ()) -> str:
    """Every candidate (``Detector.explain``: verdict, reason, places, filter hits) and every event of the
    default pack on the labelled sets (``seeds/labelled/*.jsonl`` unless ``corpora`` are given), as JSON.

    What the build and the unit tests compare between the compiled modules and pure Python, each in its
    own process."""
    from streams.milestones.backtest import load_corpus
    from streams.milestones.detector import Detector
    from streams.milestones.report import events_to_json
    from streams.resources import seeds_dir
    from streams.tagging import Tagger

    tagger, detector = Tagger.load(), Detector.load()
    out = []
    for path in corpora or sorted((seeds_dir() / "labelled").glob("*.jsonl")):
        for article in load_corpus(path):
            tagging = tagger.tag(article.text)
            when = article.published_at
            candidates = [
                [c.milestone, c.pattern, c.trigger, c.trigger_start, c.trigger_end, c.sentence_start, c.verdict,
                 c.reason, c.status, c.confidence, c.actors,
                 [[p.mention.name, p.mention.geonameid, p.start, p.end, p.via, p.anaphora] for p in c.places],
                 [[h.name, h.effect, h.phrase, h.start, h.end] for h in c.hits]]
                for c in detector.explain(tagging, published_at=when)]
            events = events_to_json(article.id, detector.detect(tagging, article_id=article.id, published_at=when))
            out.append([article.id, candidates, events])
    return json.dumps(out, ensure_ascii=False, default=str)
