"""Which implementation of the tagger's hot modules is in use: mypyc-compiled or pure Python.

``streams/tagging/build_compiled.py`` (``make compile``, also run by the venv setup) compiles
``HOT_MODULES`` with mypyc into extension modules next to their sources, and writes a stamp with the
sources' hashes. Imported first by ``streams.tagging``: the compiled modules are used only when all of
them are built, the stamp matches the current sources, and they import; otherwise the ``.py`` files are
imported instead (an import hook skips the extension modules, which would otherwise take precedence).
So an edited source is never shadowed by an old build, and a failed or missing build only costs speed.

``WIREWATCH_TAGGER_PURE=1`` forces pure Python (to compare both, or to debug with Python tools).
``IMPLEMENTATION`` says which one is in use and why (``python -m streams.tagging`` prints it).
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import ModuleType

HOT_MODULES = ("words", "text", "features", "resolve", "places")  # compiled together, in one group
# What the compiled code was type-checked against: the hot modules and the tagging modules they import. An edit
# to any of them makes the build stale.
SOURCES = (*HOT_MODULES, "gazetteer", "keywords", "model")
STAMP = "_compiled.json"
PURE_ENV = "WIREWATCH_TAGGER_PURE"
_DIR = Path(__file__).resolve().parent
_PACKAGE = __name__.rpartition(".")[0]


def source_digests(directory: Path = _DIR) -> dict[str, str]:
    """SHA-256 of each of ``SOURCES`` (what the build stamp records)."""
    return {f"{m}.py": hashlib.sha256((directory / f"{m}.py").read_bytes()).hexdigest() for m in SOURCES}


def built_modules(directory: Path = _DIR) -> list[str]:
    """The hot modules that have an extension module for this interpreter next to their source."""
    suffixes = importlib.machinery.EXTENSION_SUFFIXES
    return [m for m in HOT_MODULES if any((directory / f"{m}{s}").exists() for s in suffixes)]


def pure_reason(directory: Path = _DIR, environ: Mapping[str, str] = os.environ) -> str | None:
    """None when the compiled modules in ``directory`` may be used, else why not."""
    if environ.get(PURE_ENV, "") not in ("", "0"):
        return f"{PURE_ENV} is set"
    built = built_modules(directory)
    if not built:
        return "not compiled: run make compile"
    if len(built) < len(HOT_MODULES):
        return f"incomplete build ({', '.join(built)} only): run make compile"
    try:
        stamp = json.loads((directory / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return f"compiled modules without a valid {STAMP}: run make compile"
    if not isinstance(stamp, dict) or stamp.get("sources") != source_digests(directory):
        return "compiled modules are stale (sources changed since the build): run make compile"
    return None


class _PureFinder(importlib.abc.MetaPathFinder):
    """Imports the hot modules from their ``.py`` files even where an extension module sits beside them."""

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        if package != _PACKAGE or name not in HOT_MODULES:
            return None
        return importlib.util.spec_from_file_location(fullname, _DIR / f"{name}.py")


def _select() -> tuple[bool, str]:
    reason = pure_reason()
    if reason is None:
        before = set(sys.modules)
        try:
            modules = [importlib.import_module(f"{_PACKAGE}.{m}") for m in HOT_MODULES]
            if any(str(getattr(m, "__file__", "")).endswith(".py") for m in modules):
                raise ImportError("a hot module was imported from its source")
        except ImportError as e:
            for name in set(sys.modules) - before:  # start over: nothing half-compiled stays loaded
                if name.startswith(f"{_PACKAGE}."):
                    del sys.modules[name]
            reason = f"compiled modules failed to import: {e}"
        else:
            return True, f"compiled (mypyc): {', '.join(HOT_MODULES)}"
    if not any(isinstance(f, _PureFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _PureFinder())
    return False, f"pure Python ({reason})"


COMPILED, IMPLEMENTATION = _select()
