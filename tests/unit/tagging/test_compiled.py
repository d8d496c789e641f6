"""The compiled (mypyc) tagger and its pure-Python fallback: which one runs, and that both agree."""

from __future__ import annotations

import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import streams.tagging as tagging
from streams.tagging import Tagger, _compiled

REPO = Path(__file__).resolve().parents[3]
TEXT = ("BEIRUT - Fighters broke into Raqqa's Old City, the SDF said, as air strikes hit eastern Mosul. "
        "Washington said the offensive would continue. Officials in Mobile, Ala., and Nice, France, agreed.")


def test_implementation_is_reported_and_true() -> None:
    places = sys.modules["streams.tagging.places"]
    assert tagging.COMPILED == (not str(places.__file__).endswith(".py"))
    assert tagging.IMPLEMENTATION.startswith("compiled (mypyc)" if tagging.COMPILED else "pure Python (")


def _fake_build(tmp_path: Path, stamp: dict[str, object] | None, modules: tuple[str, ...] = _compiled.HOT_MODULES
                ) -> Path:
    for name in _compiled.SOURCES:
        shutil.copyfile(Path(_compiled.__file__).with_name(f"{name}.py"), tmp_path / f"{name}.py")
    for name in modules:
        (tmp_path / f"{name}{importlib.machinery.EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    if stamp is not None:
        (tmp_path / _compiled.STAMP).write_text(json.dumps(stamp), encoding="utf-8")
    return tmp_path


def test_compiled_modules_used_only_when_complete_and_fresh(tmp_path: Path) -> None:
    assert _compiled.pure_reason(tmp_path, {}) is not None  # nothing built
    d = _fake_build(tmp_path, None)
    (d / _compiled.STAMP).write_text(json.dumps({"sources": _compiled.source_digests(d)}), encoding="utf-8")
    assert _compiled.pure_reason(d, {}) is None
    assert "WIREWATCH_TAGGER_PURE" in str(_compiled.pure_reason(d, {"WIREWATCH_TAGGER_PURE": "1"}))
    with (d / "places.py").open("a") as fh:
        fh.write("# edited after the build\n")
    assert "stale" in str(_compiled.pure_reason(d, {}))


def test_incomplete_build_or_missing_stamp_is_not_used(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert _compiled.STAMP in str(_compiled.pure_reason(_fake_build(tmp_path / "a", None), {}))
    incomplete = _fake_build(tmp_path / "b", {"sources": {}}, modules=("places",))
    assert "incomplete" in str(_compiled.pure_reason(incomplete, {}))


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


@pytest.mark.skipif(not tagging.COMPILED, reason="the tagger is not compiled here (make compile)")
def test_compiled_modules_are_extension_modules() -> None:
    for name in _compiled.HOT_MODULES:
        assert not str(sys.modules[f"streams.tagging.{name}"].__file__).endswith(".py")
