"""The compiled (mypyc) detector and its pure-Python fallback find the same candidates and events on every
labelled set (which one runs, and when: ``tests/unit/test_compiled.py``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from streams.milestones import _compiled

REPO = Path(__file__).resolve().parents[3]


def test_pure_python_fallback_detects_the_same() -> None:
    """A fresh process forced to pure Python gives the same explanations and events on
    ``seeds/labelled/*.jsonl`` as this one (compiled when ``make compile`` built it)."""
    code = ("import sys\n"
            "from streams.milestones import COMPILED, _compiled\n"
            "print(COMPILED, sys.modules['streams.milestones.detector'].__file__)\n"
            "print(_compiled.sample_output())\n")
    env = {**os.environ, "WIREWATCH_MILESTONES_PURE": "1", "PYTHONPATH": str(REPO)}
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO, env=env,
                         timeout=300)
    implementation, pure = res.stdout.strip().splitlines()[-2:]
    assert implementation.startswith("False ") and implementation.endswith("detector.py")
    here = _compiled.sample_output()
    assert json.loads(here) == json.loads(pure)
    articles = json.loads(pure)
    assert len(articles) > 500  # every labelled set
    assert sum(len(events["milestones"]) for _, _, events in articles) > 300
    assert {c[6] for _, candidates, _ in articles for c in candidates} >= {"fired", "blocked", "no-place"}
