"""Compile the hot modules of the tagger and of the milestone detector with mypyc, in place. Never fails the
caller: without a compiler, or when compiling fails, it says so, leaves no compiled module of that package
behind and exits 0 — the package then runs as pure Python (same results, slower). Run by ``make compile``
and by the Makefile's venv setup.

    .venv/bin/python streams/build_compiled.py                # both packages (exit 0 even when it cannot)
    .venv/bin/python streams/build_compiled.py milestones     # one: tagging | milestones
    .venv/bin/python streams/build_compiled.py --strict       # exit 1 when it cannot (to debug the build)
    .venv/bin/python streams/build_compiled.py --clean        # remove the compiled modules

What each package compiles is its ``_compiled.MODULES`` (``streams.compiled.CompiledModules``).
``WIREWATCH_NO_COMPILE=1`` skips compiling (and removes an earlier build). Needs mypy (the ``test`` extra:
mypyc ships with it), setuptools and a C compiler with the Python headers. Writes the C code and objects
under ``build/mypyc/<package>`` (log: ``build/mypyc/<package>/build.log``), then moves the extension
modules next to their sources (``streams/<package>/*.so``, one ``native__mypyc*.so`` shared by them) with
the stamp ``streams/<package>/_compiled.json`` that ``CompiledModules.select`` checks before using them.
The build is then checked in fresh processes: the package must import as compiled, and its
``_compiled.sample_output()`` must be the same as pure Python's.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
if sys.path and sys.path[0] and Path(sys.path[0]).resolve() == HERE:
    sys.path.pop(0)  # run as a script: its directory's modules are not top-level modules
sys.path.insert(0, str(REPO))
# This process reads the packages' module lists as pure Python and never loads the modules it is about to
# replace.
PURE_ENVS = ("WIREWATCH_TAGGER_PURE", "WIREWATCH_MILESTONES_PURE")
os.environ.update(dict.fromkeys(PURE_ENVS, "1"))

from streams.compiled import CompiledModules  # noqa: E402
from streams.milestones._compiled import MODULES as MILESTONES  # noqa: E402
from streams.tagging._compiled import MODULES as TAGGING  # noqa: E402

PACKAGES: dict[str, tuple[CompiledModules, str]] = {  # name → its modules, and how long compiling takes
    "tagging": (TAGGING, "≈15–60 s"),
    "milestones": (MILESTONES, "≈20–90 s"),
}
BUILD = REPO / "build" / "mypyc"

_CHILD = """
import sys
from mypyc.build import mypycify
from setuptools import setup
group, c_dir, lib, tmp, *paths = sys.argv[1:]
ext = mypycify(["--ignore-missing-imports", *paths], group_name=group, target_dir=c_dir)
setup(name=group.replace(".", "-") + "-compiled", ext_modules=ext, script_args=["build_ext", "--build-lib", lib,
      "--build-temp", tmp])
"""

# prints the package's sample output, after checking that it runs compiled (or pure, when asked)
_CHECK = """
import importlib, sys
package, want_compiled = sys.argv[1], sys.argv[2] == "1"
p = importlib.import_module(package)
if p.COMPILED != want_compiled:
    sys.exit(p.IMPLEMENTATION)
print(importlib.import_module(package + "._compiled").sample_output())
"""


def artefacts(modules: CompiledModules) -> list[Path]:
    """The compiled files this script installs for a package (for any interpreter), and its stamp."""
    d = modules.directory
    found = [d / modules.stamp] if (d / modules.stamp).exists() else []
    for name in (*modules.hot, modules.group.rpartition(".")[2] + "__mypyc"):
        found += sorted(p for p in d.glob(f"{name}.*") if p.suffix in (".so", ".pyd"))
    return found


def clean(modules: CompiledModules) -> int:
    removed = artefacts(modules)
    for p in removed:
        p.unlink(missing_ok=True)
    return len(removed)


def missing_tools() -> str | None:
    """Why compiling cannot even start here, or None."""
    if importlib.util.find_spec("mypyc") is None or importlib.util.find_spec("mypyc.build") is None:
        return "mypyc is not installed (it comes with mypy: pip install -e '.[test]')"
    if importlib.util.find_spec("setuptools") is None:
        return "setuptools is not installed"
    cc = shlex.split(sysconfig.get_config_var("CC") or "cc")
    if not cc or shutil.which(cc[0]) is None:
        return f"no C compiler ({cc[0] if cc else 'cc'} not found)"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").exists():
        return "no Python headers (Python.h)"
    return None


def _env(pure: CompiledModules | None = None) -> dict[str, str]:
    """The environment of a child process: every package compiled when it can be, except ``pure``."""
    env = {k: v for k, v in os.environ.items() if k not in PURE_ENVS}
    if pure is not None:
        env[pure.pure_env] = "1"
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [env.get("PYTHONPATH")])])
    return env


def _sample(modules: CompiledModules, *, compiled: bool) -> tuple[str | None, str]:
    """(the package's sample output, None) from a fresh process, compiled or pure; (None, why) on failure."""
    try:
        res = subprocess.run([sys.executable, "-c", _CHECK, modules.package, "1" if compiled else "0"], cwd=REPO,
                             env=_env(None if compiled else modules), capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"could not be checked: {e}"
    if res.returncode != 0:
        return None, (res.stderr or res.stdout).strip()[-300:]
    return res.stdout.strip(), ""


def compile_modules(modules: CompiledModules, build: Path) -> str | None:
    """Build and install one package's compiled modules; None when they work, else why not."""
    shutil.rmtree(build, ignore_errors=True)  # (and an earlier build's log with it)
    why = missing_tools()
    if why:
        return why
    build.mkdir(parents=True)
    lib, tmp, log = build / "lib", build / "temp", build / "build.log"
    paths = [str(modules.directory / f"{m}.py") for m in modules.hot]
    digests = modules.source_digests()  # of the sources as they are when compiling starts
    with log.open("w", encoding="utf-8") as out:
        try:
            res = subprocess.run([sys.executable, "-c", _CHILD, modules.group, str(build / "c"), str(lib), str(tmp),
                                  *paths], cwd=build, env=_env(), stdout=out, stderr=subprocess.STDOUT,
                                 timeout=1200)
        except (OSError, subprocess.TimeoutExpired) as e:
            return f"mypyc did not finish: {e}"
    if res.returncode != 0:
        return f"mypyc failed (exit {res.returncode})"
    out_dir = lib.joinpath(*modules.package.split("."))
    built = sorted(out_dir.glob("*.so")) + sorted(out_dir.glob("*.pyd"))
    names = {p.name.split(".")[0] for p in built}
    if not set(modules.hot) <= names:
        return f"mypyc built {sorted(names)}, not every hot module"
    clean(modules)
    # The shared library first, then the modules that load it; each file replaced, never rewritten, so a
    # running worker keeps the files it has mapped.
    for src in sorted(built, key=lambda p: "__mypyc" not in p.name):
        dest = modules.directory / src.name
        part = dest.with_name(f".{dest.name}.{os.getpid()}.part")
        shutil.copyfile(src, part)
        os.replace(part, dest)
    stamp = {"sources": digests, "modules": list(modules.hot), "python": sys.version.split()[0],
             "mypy": _mypy_version(), "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    part = modules.directory / f".{modules.stamp}.{os.getpid()}.part"
    part.write_text(json.dumps(stamp, indent=1) + "\n", encoding="utf-8")
    os.replace(part, modules.directory / modules.stamp)
    # Check the build in fresh processes: it must import as compiled and agree with pure Python.
    got, why = _sample(modules, compiled=True)
    if got is None:
        return f"the compiled modules do not load: {why}"
    want, why = _sample(modules, compiled=False)
    if want is None:
        return f"pure Python failed on the sample: {why}"
    if got != want:
        return "the compiled modules disagree with pure Python on the sample"
    return None


def _mypy_version() -> str:
    try:
        from importlib.metadata import version

        return version("mypy")
    except Exception:  # (only informative)
        return "?"


def build_package(name: str) -> bool:
    modules, duration = PACKAGES[name]
    t0 = time.perf_counter()
    print(f"{name}: compiling {', '.join(modules.hot)} with mypyc ({duration}) ...", flush=True)
    build = BUILD / name
    try:
        why = compile_modules(modules, build)
    except Exception as e:  # (whatever goes wrong, the pure-Python package still works)
        why = f"{type(e).__name__}: {e}"
    if why is None:
        print(f"{name}: compiled in {time.perf_counter() - t0:.0f} s; "
              f"python -m {modules.package} says which implementation is in use")
        return True
    clean(modules)
    log = build / "build.log"
    where = f" (log: {log.relative_to(REPO)})" if log.exists() else ""
    print(f"{name}: NOT compiled — {why}{where}.\n"
          f"{name}: falling back to pure Python: same results, slower. Retry with make compile.")
    return False


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("packages", nargs="*", metavar="PACKAGE",
                    help=f"what to compile: {' | '.join(PACKAGES)} (default: all)")
    ap.add_argument("--clean", action="store_true", help="remove the compiled modules (pure Python from now on)")
    ap.add_argument("--strict", action="store_true", help="exit 1 when compiling fails")
    args = ap.parse_args(argv)
    names = args.packages or list(PACKAGES)
    if unknown := [n for n in names if n not in PACKAGES]:
        ap.error(f"unknown package {', '.join(unknown)}: {' | '.join(PACKAGES)}")
    if args.clean:
        for name in names:
            print(f"{name}: removed {clean(PACKAGES[name][0])} compiled file(s); pure Python from now on")
        return 0
    if os.environ.get("WIREWATCH_NO_COMPILE", "") not in ("", "0"):
        for name in names:
            clean(PACKAGES[name][0])
            print(f"{name}: not compiled (WIREWATCH_NO_COMPILE is set); pure Python")
        return 0
    ok = [build_package(name) for name in names]
    return 1 if args.strict and not all(ok) else 0


if __name__ == "__main__":
    raise SystemExit(main())
