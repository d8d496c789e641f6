"""Which implementation of the tagger's hot modules is in use: mypyc-compiled or pure Python.

Imported first by ``streams.tagging``; the mechanism (shared with the milestone detector) is
``streams.compiled``: the compiled modules are used only when all of them are built by
``streams/build_compiled.py`` (``make compile``), the stamp matches the current sources, and they import.
``WIREWATCH_TAGGER_PURE=1`` forces pure Python. ``IMPLEMENTATION`` says which one is in use and why
(``python -m streams.tagging`` prints it).
"""

from __future__ import annotations

import json
from pathlib import Path

from streams.compiled import CompiledModules

HOT = ("words", "text", "features", "resolve", "places")
MODULES = CompiledModules(
    package=__name__.rpartition(".")[0], directory=Path(__file__).resolve().parent, hot=HOT,
    # the hot modules and the tagging modules they import
    sources=tuple(f"{m}.py" for m in (*HOT, "gazetteer", "keywords", "model")), pure_env="WIREWATCH_TAGGER_PURE")

COMPILED, IMPLEMENTATION = MODULES.select()

SAMPLE = ("BEIRUT — Fighters broke into Raqqa’s Old City, the U.S.-backed S.D.F. said on Tuesday. "
          "Mr. Smith left Mosul, Iraq.\nCAIRO (Reuters) - Zürich? Ḩamāh… ‘al-Bab’ 24 km away.")


def sample_output() -> str:
    """What the build compares between the compiled modules and pure Python (each in its own process)."""
    from streams.tagging.text import find_dateline, fold, split_sentences

    return json.dumps([fold(SAMPLE), [(x.start, x.end, x.text) for x in split_sentences(SAMPLE)],
                       find_dateline(SAMPLE)])
