"""The compiled (mypyc) tagger and its pure-Python fallback give the same tagging (which one runs, and when:
``tests/unit/test_compiled.py``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from streams.tagging import Tagger

REPO = Path(__file__).resolve().parents[3]
TEXT = ("BEIRUT - Fighters broke into Raqqa's Old City, the SDF said, as air strikes hit eastern Mosul. "
        "Washington said the offensive would continue. Officials in Mobile, Ala., and Nice, France, agreed.")


def test_pure_python_fallback_tags_the_same(tagger: Tagger, gazetteer_cache: Path) -> None:
    """A fresh process forced to pure Python imports the ``.py`` files and gives the same tagging as this one
    (compiled when ``make compile`` built it)."""
    code = ("import json, sys\n"
            "from pathlib import Path\n"
            "import streams.tagging as t\n"
            "places = sys.modules['streams.tagging.places']\n"
            "tagging = t.Tagger.load(cache_dir=Path(sys.argv[1])).tag(sys.argv[2])\n"
            "print(json.dumps([t.COMPILED, places.__file__, tagging.model_dump()]))\n")
    env = {**os.environ, "WIREWATCH_TAGGER_PURE": "1", "PYTHONPATH": str(REPO)}
    res = subprocess.run([sys.executable, "-c", code, str(gazetteer_cache), TEXT], capture_output=True, text=True,
                         check=True, cwd=REPO, env=env, timeout=120)
    compiled, places_file, dumped = json.loads(res.stdout.strip().splitlines()[-1])
    assert compiled is False and places_file.endswith("places.py")
    assert dumped == json.loads(json.dumps(tagger.tag(TEXT).model_dump()))
    assert any(p["name"] == "Mosul" for p in dumped["places"])
