"""Compile the tagger's hot modules with mypyc, in place. Never fails the caller: without a compiler, or
when compiling fails, it says so, leaves no compiled module behind and exits 0 — the tagger then runs as
pure Python (same results, slower). Run by ``make compile`` and by the Makefile's venv setup.

    .venv/bin/python streams/tagging/build_compiled.py           # compile (exit 0 even when it cannot)
    .venv/bin/python streams/tagging/build_compiled.py --strict  # exit 1 when it cannot (to debug the build)
    .venv/bin/python streams/tagging/build_compiled.py --clean   # remove the compiled modules

``WIREWATCH_NO_COMPILE=1`` skips compiling (and removes an earlier build). Needs mypy (the ``test`` extra:
mypyc ships with it), setuptools and a C compiler with the Python headers. Writes the C code and objects
under ``build/mypyc`` (log: ``build/mypyc/build.log``), then moves the extension modules next to their
sources (``streams/tagging/*.so``, one ``native__mypyc*.so`` shared by them) with the stamp
``streams/tagging/_compiled.json`` that ``streams.tagging._compiled`` checks before using them.
"""

from __future__ import annotations

import argparse
import importlib.machinery
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
REPO = HERE.parents[1]
if sys.path and sys.path[0] and Path(sys.path[0]).resolve() == HERE:
    sys.path.pop(0)  # run as a script: its directory's modules (text, model, ...) are not top-level modules
sys.path.insert(0, str(REPO))
# This process imports the tagger as pure Python (to check the build against it) and never loads the modules
# it is about to replace.
os.environ["WIREWATCH_TAGGER_PURE"] = "1"

from streams.tagging import _compiled  # noqa: E402

GROUP = "streams.tagging.native"  # the shared library: streams/tagging/native__mypyc<suffix>
BUILD = REPO / "build" / "mypyc"
LOG = BUILD / "build.log"
SAMPLE = ("BEIRUT — Fighters broke into Raqqa’s Old City, the U.S.-backed S.D.F. said on Tuesday. "
          "Mr. Smith left Mosul, Iraq.\nCAIRO (Reuters) - Zürich? Ḩamāh… ‘al-Bab’ 24 km away.")

_CHILD = """
import sys
from mypyc.build import mypycify
from setuptools import setup
group, c_dir, lib, tmp, *paths = sys.argv[1:]
ext = mypycify(["--ignore-missing-imports", *paths], group_name=group, target_dir=c_dir)
setup(name="wirewatch-tagger-compiled", ext_modules=ext, script_args=["build_ext", "--build-lib", lib,
      "--build-temp", tmp])
"""

_VERIFY = """
import json, sys
import streams.tagging as t
from streams.tagging.text import find_dateline, fold, split_sentences
if not t.COMPILED:
    sys.exit(t.IMPLEMENTATION)
s = sys.argv[1]
print(json.dumps([fold(s), [(x.start, x.end, x.text) for x in split_sentences(s)], find_dateline(s)]))
"""


def artefacts() -> list[Path]:
    """The compiled files this script installs (for any interpreter), and its stamp."""
    found = [HERE / _compiled.STAMP] if (HERE / _compiled.STAMP).exists() else []
    for name in (*_compiled.HOT_MODULES, GROUP.rpartition(".")[2] + "__mypyc"):
        found += sorted(p for p in HERE.glob(f"{name}.*") if p.suffix in (".so", ".pyd"))
    return found


def clean() -> int:
    removed = artefacts()
    for p in removed:
        p.unlink(missing_ok=True)
    return len(removed)


def _reference() -> str:
    from streams.tagging.text import find_dateline, fold, split_sentences

    return json.dumps([fold(SAMPLE), [(x.start, x.end, x.text) for x in split_sentences(SAMPLE)],
                       find_dateline(SAMPLE)])


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


def compile_modules() -> str | None:
    """Build and install the compiled modules; None when they work, else why not."""
    shutil.rmtree(BUILD, ignore_errors=True)  # (and an earlier build's log with it)
    why = missing_tools()
    if why:
        return why
    BUILD.mkdir(parents=True)
    lib, tmp = BUILD / "lib", BUILD / "temp"
    paths = [str(HERE / f"{m}.py") for m in _compiled.HOT_MODULES]
    env = {k: v for k, v in os.environ.items() if k != "WIREWATCH_TAGGER_PURE"}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [env.get("PYTHONPATH")])])
    digests = _compiled.source_digests()  # of the sources as they are when compiling starts
    with LOG.open("w", encoding="utf-8") as log:
        try:
            res = subprocess.run([sys.executable, "-c", _CHILD, GROUP, str(BUILD / "c"), str(lib), str(tmp), *paths],
                                 cwd=BUILD, env=env, stdout=log, stderr=subprocess.STDOUT, timeout=1200)
        except (OSError, subprocess.TimeoutExpired) as e:
            return f"mypyc did not finish: {e}"
    if res.returncode != 0:
        return f"mypyc failed (exit {res.returncode})"
    built = sorted((lib / "streams" / "tagging").glob("*.so")) + sorted((lib / "streams" / "tagging").glob("*.pyd"))
    names = {p.name.split(".")[0] for p in built}
    if not set(_compiled.HOT_MODULES) <= names:
        return f"mypyc built {sorted(names)}, not every hot module"
    clean()
    # The shared library first, then the modules that load it; each file replaced, never rewritten, so a
    # running worker keeps the files it has mapped.
    for src in sorted(built, key=lambda p: "__mypyc" not in p.name):
        dest = HERE / src.name
        part = dest.with_name(f".{dest.name}.{os.getpid()}.part")
        shutil.copyfile(src, part)
        os.replace(part, dest)
    stamp = {"sources": digests, "modules": list(_compiled.HOT_MODULES), "python": sys.version.split()[0],
             "mypy": _mypy_version(), "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    part = HERE / f".{_compiled.STAMP}.{os.getpid()}.part"
    part.write_text(json.dumps(stamp, indent=1) + "\n", encoding="utf-8")
    os.replace(part, HERE / _compiled.STAMP)
    # Check the build in a fresh process: it must import as compiled and agree with pure Python.
    try:
        check = subprocess.run([sys.executable, "-c", _VERIFY, SAMPLE], cwd=REPO, env=env, capture_output=True,
                               text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"the compiled modules could not be checked: {e}"
    if check.returncode != 0:
        return f"the compiled modules do not load: {(check.stderr or check.stdout).strip()[-300:]}"
    if check.stdout.strip() != _reference():
        return "the compiled modules disagree with pure Python on a sample text"
    return None


def _mypy_version() -> str:
    try:
        from importlib.metadata import version

        return version("mypy")
    except Exception:  # (only informative)
        return "?"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clean", action="store_true", help="remove the compiled modules (pure Python from now on)")
    ap.add_argument("--strict", action="store_true", help="exit 1 when compiling fails")
    args = ap.parse_args(argv)
    if args.clean:
        print(f"tagger: removed {clean()} compiled file(s); pure Python from now on")
        return 0
    if os.environ.get("WIREWATCH_NO_COMPILE", "") not in ("", "0"):
        clean()
        print("tagger: not compiled (WIREWATCH_NO_COMPILE is set); pure Python")
        return 0
    t0 = time.perf_counter()
    print(f"tagger: compiling {', '.join(_compiled.HOT_MODULES)} with mypyc (≈15–60 s) ...", flush=True)
    try:
        why = compile_modules()
    except Exception as e:  # (whatever goes wrong, the pure-Python tagger still works)
        why = f"{type(e).__name__}: {e}"
    if why is None:
        print(f"tagger: compiled in {time.perf_counter() - t0:.0f} s; "
              f"python -m streams.tagging says which implementation is in use")
        return 0
    clean()
    log = f" (log: {LOG.relative_to(REPO)})" if LOG.exists() else ""
    print(f"tagger: NOT compiled — {why}{log}.\n"
          f"tagger: falling back to pure Python: same results, ≈35 % slower. Retry with make compile.")
    return 1 if args.strict else 0


if __name__ == "__main__":
    raise SystemExit(main())
