"""The choice between a package's mypyc-compiled hot modules and their ``.py`` files (``streams.compiled``),
for both packages that have them: which one runs, and that stale or partial builds are never used."""

from __future__ import annotations

import importlib
import importlib.machinery
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from streams.compiled import CompiledModules
from streams.milestones._compiled import MODULES as MILESTONES
from streams.tagging._compiled import MODULES as TAGGING

PACKAGES = pytest.mark.parametrize("modules", [TAGGING, MILESTONES], ids=["tagging", "milestones"])


@PACKAGES
def test_implementation_is_reported_and_true(modules: CompiledModules) -> None:
    package = importlib.import_module(modules.package)
    hot = [sys.modules[f"{modules.package}.{m}"] for m in modules.hot]
    assert package.COMPILED == all(not str(m.__file__).endswith(".py") for m in hot)
    assert package.COMPILED == any(not str(m.__file__).endswith(".py") for m in hot)  # never a mix
    assert package.IMPLEMENTATION.startswith("compiled (mypyc)" if package.COMPILED else "pure Python (")


def _fake_build(root: Path, modules: CompiledModules, stamp: dict[str, object] | None,
                built: tuple[str, ...] | None = None) -> Path:
    """A copy of the package's sources under ``root`` (same relative layout), empty extension modules for
    ``built`` (default: every hot module), and ``stamp``; returns the copy of the package directory."""
    d = root / "pkg" / modules.directory.name
    for source in modules.sources:
        dest = d / source
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(modules.directory / source, dest)
    for name in modules.hot if built is None else built:
        (d / f"{name}{importlib.machinery.EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    if stamp is not None:
        (d / modules.stamp).write_text(json.dumps(stamp), encoding="utf-8")
    return d


@PACKAGES
def test_compiled_modules_used_only_when_complete_and_fresh(modules: CompiledModules, tmp_path: Path) -> None:
    assert modules.pure_reason(tmp_path, {}) is not None  # nothing built
    d = _fake_build(tmp_path, modules, None)
    (d / modules.stamp).write_text(json.dumps({"sources": modules.source_digests(d)}), encoding="utf-8")
    assert modules.pure_reason(d, {}) is None
    assert modules.pure_env in str(modules.pure_reason(d, {modules.pure_env: "1"}))
    assert modules.pure_reason(d, {modules.pure_env: "0"}) is None
    for source in (f"{modules.hot[-1]}.py", modules.sources[-1]):  # a hot module, a module it imports
        original = (d / source).read_bytes()
        (d / source).write_bytes(original + b"# edited after the build\n")
        assert "stale" in str(modules.pure_reason(d, {}))
        (d / source).write_bytes(original)
    assert modules.pure_reason(d, {}) is None


@PACKAGES
def test_incomplete_build_or_missing_stamp_is_not_used(modules: CompiledModules, tmp_path: Path) -> None:
    assert modules.stamp in str(modules.pure_reason(_fake_build(tmp_path / "a", modules, None), {}))
    incomplete = _fake_build(tmp_path / "b", modules, {"sources": {}}, built=modules.hot[:1])
    assert "incomplete" in str(modules.pure_reason(incomplete, {}))


@PACKAGES
def test_compiled_modules_are_extension_modules_when_built(modules: CompiledModules) -> None:
    if not importlib.import_module(modules.package).COMPILED:
        pytest.skip(f"{modules.package} is not compiled here (make compile)")
    for name in modules.hot:
        assert not str(sys.modules[f"{modules.package}.{name}"].__file__).endswith(".py")


def _makefile_sources(name: str) -> set[str]:
    """The files the Makefile rebuilds a package's compiled modules from (its ``<name>_SOURCES``)."""
    text = (Path(__file__).resolve().parents[2] / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    line = next(line for line in text.splitlines() if line.startswith(f"{name}_SOURCES :="))
    value = line.split(":=", 1)[1]
    out: set[str] = set()
    for prefix, files in re.findall(r"\$\(addprefix ([^,]+),([^)]*)\)", value):
        out |= {prefix + f for f in files.split()}
    out |= set(re.sub(r"\$\(addprefix [^)]*\)", " ", value).split())
    return out


@PACKAGES
def test_makefile_rebuilds_from_what_the_stamp_covers(modules: CompiledModules) -> None:
    """The Makefile's list of a package's sources (what triggers a rebuild) is the stamp's list (what makes a
    build stale) plus the package's ``_compiled.py``: an edit that makes a build stale also rebuilds it."""
    repo = Path(__file__).resolve().parents[2]
    stamped = {str((modules.directory / s).resolve().relative_to(repo)) for s in modules.sources}
    own = str((modules.directory / "_compiled.py").relative_to(repo))
    assert _makefile_sources(modules.directory.name) == stamped | {own}
