"""Which implementation of a package's hot modules is in use: mypyc-compiled or pure Python.

Two packages run their hot loops compiled with mypyc: the tagger (``streams.tagging``) and the milestone
detector (``streams.milestones``). Each declares its hot modules once, as a ``CompiledModules`` in its
``_compiled`` module, which the package's ``__init__`` imports first; ``streams/build_compiled.py``
(``make compile``, also run by the venv setup) compiles them into extension modules next to their
sources, with a stamp of the sources' hashes.

At import, ``CompiledModules.select`` uses the compiled modules only when all of them are built, the
stamp matches the current sources, and they import; otherwise the ``.py`` files are imported instead (an
import hook skips the extension modules, which would otherwise take precedence). So an edited source is
never shadowed by an old build, and a failed or missing build only costs speed. The package's
``WIREWATCH_<PACKAGE>_PURE=1`` forces pure Python (to compare both, or to debug with Python tools).

    >>> from streams.tagging._compiled import MODULES
    >>> MODULES.package, MODULES.pure_env
    ('streams.tagging', 'WIREWATCH_TAGGER_PURE')
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
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType


@dataclass(frozen=True)
class CompiledModules:
    """The hot modules of one package, compiled together into one mypyc group."""

    package: str  # "streams.tagging"
    directory: Path  # the package's directory
    hot: tuple[str, ...]  # modules of the package compiled with mypyc
    # What the compiled code was type-checked against: the hot modules and the modules they import, as paths
    # relative to ``directory``. An edit to any of them makes the build stale.
    sources: tuple[str, ...]
    pure_env: str  # "WIREWATCH_TAGGER_PURE": set, it forces pure Python
    stamp: str = "_compiled.json"

    @property
    def group(self) -> str:
        """The shared library of the group: ``<package>/native__mypyc<suffix>``."""
        return f"{self.package}.native"

    def source_digests(self, directory: Path | None = None) -> dict[str, str]:
        """SHA-256 of each of ``sources`` (what the build stamp records)."""
        d = directory or self.directory
        return {s: hashlib.sha256((d / s).read_bytes()).hexdigest() for s in self.sources}

    def built_modules(self, directory: Path | None = None) -> list[str]:
        """The hot modules that have an extension module for this interpreter next to their source."""
        d = directory or self.directory
        suffixes = importlib.machinery.EXTENSION_SUFFIXES
        return [m for m in self.hot if any((d / f"{m}{s}").exists() for s in suffixes)]

    def pure_reason(self, directory: Path | None = None, environ: Mapping[str, str] = os.environ) -> str | None:
        """None when the compiled modules in ``directory`` may be used, else why not."""
        if environ.get(self.pure_env, "") not in ("", "0"):
            return f"{self.pure_env} is set"
        d = directory or self.directory
        built = self.built_modules(d)
        if not built:
            return "not compiled: run make compile"
        if len(built) < len(self.hot):
            return f"incomplete build ({', '.join(built)} only): run make compile"
        try:
            stamp = json.loads((d / self.stamp).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return f"compiled modules without a valid {self.stamp}: run make compile"
        try:
            digests = self.source_digests(d)
        except OSError:
            return "a source of the compiled modules is missing: run make compile"
        if not isinstance(stamp, dict) or stamp.get("sources") != digests:
            return "compiled modules are stale (sources changed since the build): run make compile"
        return None

    def select(self) -> tuple[bool, str]:
        """Import the hot modules compiled when ``pure_reason`` allows it and they load, else make sure they
        are imported from their ``.py`` files. Returns (compiled?, what runs and why)."""
        reason = self.pure_reason()
        if reason is None:
            before = set(sys.modules)
            try:
                modules = [importlib.import_module(f"{self.package}.{m}") for m in self.hot]
                if any(str(getattr(m, "__file__", "")).endswith(".py") for m in modules):
                    raise ImportError("a hot module was imported from its source")
            except ImportError as e:
                for name in set(sys.modules) - before:  # start over: nothing half-compiled stays loaded
                    if name.startswith(f"{self.package}."):
                        del sys.modules[name]
                reason = f"compiled modules failed to import: {e}"
            else:
                return True, f"compiled (mypyc): {', '.join(self.hot)}"
        if not any(isinstance(f, _PureFinder) and f.modules is self for f in sys.meta_path):
            sys.meta_path.insert(0, _PureFinder(self))
        return False, f"pure Python ({reason})"


class _PureFinder(importlib.abc.MetaPathFinder):
    """Imports the hot modules from their ``.py`` files even where an extension module sits beside them."""

    def __init__(self, modules: CompiledModules) -> None:
        self.modules = modules

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        if package != self.modules.package or name not in self.modules.hot:
            return None
        return importlib.util.spec_from_file_location(fullname, self.modules.directory / f"{name}.py")
