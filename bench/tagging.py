"""Tagging throughput, side by side, in one run on one core.

    .venv/bin/python bench/tagging.py [--repeat N] [--no-spacy] [--no-flashtext] [--no-pure]

Tags the article texts of the four geoparsing corpora (read at run time from
``$WIREWATCH_SHARED/benchmarks/geoparsing``, default ``<repo>/../shared``) with:

* **wirewatch** — ``Tagger.tag`` with full semantics (fold, sentences, places resolved, keywords);
* **raw aho, plain** — pyahocorasick over the same names as they are, on ``text.lower()``, only
  counting hits (the issue's "raw scan" ceiling: no folding, no word boundaries);
* **raw aho, padded** — the tagger's own scanner (an ahocorasick_rs automaton over the names and keyword
  phrases padded with spaces, so only whole-word hits) over the same folded text, only counting hits: the
  tighter ceiling for *this* tagger's single scan;
* **flashtext** — ``KeywordProcessor`` over the same names;
* **spaCy** — ``PhraseMatcher(attr="LOWER")`` over the same names on ``spacy.blank("en")``.

Every engine runs in **its own worker process** holding only its own structures, as it would in
production; the parent sends "one pass" to each worker in turn (interleaved rounds, one core busy at a
time, so load on a shared machine hits every engine alike) and keeps each engine's best pass. (Until the
eighth session all engines shared one process: the tagger then ran beside a second gazetteer, flashtext's
trie and spaCy's vocabulary and lost 20–30 % to cache misses, while spaCy's speed did not move.)

Prints articles/s, MB/s, hits/article and the ratios, the pattern-set size, build times, the cached
start (import + ``Tagger.load``) and the peak RSS of the tagger's worker. Says whether the tagger runs
compiled (mypyc, ``make compile``) or as pure Python; when compiled, one more worker runs the pure-Python
tagger (``WIREWATCH_TAGGER_PURE=1``) for comparison (``--no-pure`` skips it). Needs the ``bench`` extra
(flashtext, spacy) for the comparison columns.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

CORPORA = ["lgl", "geovirus", "geowebnews", "trnews"]
ENGINES = {  # engine key -> row label
    "full": "wirewatch Tagger.tag (full)",
    "pure": "wirewatch, pure Python",
    "plain": "raw aho, plain (count)",
    "padded": "raw aho, padded (count)",
    "flashtext": "flashtext KeywordProcessor",
    "spacy": "spaCy PhraseMatcher (blank en)",
}


def shared_dir() -> Path:
    return Path(os.environ.get("WIREWATCH_SHARED", REPO.parent / "shared")).resolve()


def load_texts() -> list[str]:
    texts: list[str] = []
    for name in CORPORA:
        path = shared_dir() / "benchmarks" / "geoparsing" / f"{name}.jsonl"
        with path.open(encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    return texts


def _peak_rss_mb() -> float:
    # VmHWM is this process's own high-water mark (ru_maxrss would include the parent's before exec)
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1024


def _send(obj: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def worker(engine: str, texts_path: str, names_path: str) -> int:
    """One engine in its own process: build it, report, then time one pass per "pass" line on stdin."""
    t0 = time.perf_counter()
    info: dict[str, object] = {}
    if engine in ("full", "pure", "padded"):
        from streams.tagging import IMPLEMENTATION, Tagger
        from streams.tagging.text import fold

        tagger = Tagger.load()
        info["load_s"] = time.perf_counter() - t0
        info["impl"] = IMPLEMENTATION
        scanner = tagger.places.scanner
        info["patterns"] = tagger.places.pattern_count
        info["keyword_phrases"] = len(tagger.keywords.patterns)
        if engine == "padded":
            def count(text: str) -> int:
                return len(scanner.find_matches_as_indexes(f" {fold(text)} ", overlapping=True))
        else:
            def count(text: str) -> int:
                t = tagger.tag(text)
                return len(t.places) + len(t.keywords)
    else:
        with open(names_path, encoding="utf-8") as fh:
            names: list[str] = json.load(fh)
        info["patterns"] = len(names)
        if engine == "plain":
            import ahocorasick

            plain = ahocorasick.Automaton()
            for n in names:
                plain.add_word(n, n)
            plain.make_automaton()

            def count(text: str) -> int:
                n = 0
                for _ in plain.iter(text.lower()):
                    n += 1
                return n
        elif engine == "flashtext":
            from flashtext import KeywordProcessor

            kp = KeywordProcessor(case_sensitive=False)
            for n in names:
                kp.add_keyword(n)

            def count(text: str) -> int:
                return len(kp.extract_keywords(text))
        else:
            import spacy
            from spacy.matcher import PhraseMatcher

            nlp = spacy.blank("en")
            matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
            matcher.add("PLACE", [nlp.make_doc(n) for n in names])
        del names
    info["build_s"] = time.perf_counter() - t0
    with open(texts_path, encoding="utf-8") as fh:
        texts: list[str] = json.load(fh)

    def one_pass() -> int:
        if engine == "spacy":
            return sum(len(matcher(doc)) for doc in nlp.pipe(texts, batch_size=64))
        hits = 0
        for t in texts:
            hits += count(t)
        return hits

    # Long-lived tables (gazetteer, tries, vocabularies) are not garbage: keep the cyclic collector from
    # rescanning them during the timed passes (a worker can do the same with gc.freeze() after loading).
    gc.collect()
    gc.freeze()
    _send({"ready": True, **info})
    for line in sys.stdin:
        if line.strip() != "pass":
            break
        t0 = time.perf_counter()
        hits = one_pass()
        _send({"secs": time.perf_counter() - t0, "hits": hits})
    _send({"peak_rss_mb": _peak_rss_mb()})
    return 0


class Worker:
    def __init__(self, engine: str, texts_path: Path, names_path: Path, env: dict[str, str]) -> None:
        self.engine = engine
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--worker", engine, str(texts_path), str(names_path)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO), **env})
        self.info: dict[str, object] = {}

    def read(self) -> dict[str, object]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit(f"bench/tagging.py: the {self.engine} worker died (exit {self.proc.wait()})")
        result: dict[str, object] = json.loads(line)
        return result

    def ask(self, command: str) -> dict[str, object]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self.read()


def _available(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        return worker(*argv[1:4])
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3, help="timed passes per engine (best is kept)")
    ap.add_argument("--no-spacy", action="store_true")
    ap.add_argument("--no-flashtext", action="store_true")
    ap.add_argument("--no-pure", action="store_true", help="no pure-Python worker beside the compiled tagger")
    args = ap.parse_args(argv)

    from streams.tagging import COMPILED, IMPLEMENTATION
    from streams.tagging import gazetteer as gz

    texts = load_texts()
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"corpus: {len(texts)} articles, {mb:.2f} MB (lgl+geovirus+geowebnews+trnews), one core per engine, "
          f"each engine in its own worker process, passes interleaved")
    print(f"tagger: {IMPLEMENTATION}\n", flush=True)

    t0 = time.perf_counter()
    names = list(gz.build().names)
    gaz_build = time.perf_counter() - t0
    print(f"gazetteer build from GeoNames data: {gaz_build:.2f} s ({len(names):,} names)", flush=True)

    engines = ["full", "plain", "padded"]
    if COMPILED and not args.no_pure:
        engines.insert(1, "pure")
    for key, module in (("flashtext", "flashtext"), ("spacy", "spacy")):
        if getattr(args, f"no_{key}"):
            continue
        if _available(module):
            engines.append(key)
        else:
            print(f"{module} not installed: skipped (pip install -e '.[bench]')")

    with tempfile.TemporaryDirectory(prefix="wirewatch-bench-") as tmp:
        texts_path, names_path = Path(tmp) / "texts.json", Path(tmp) / "names.json"
        texts_path.write_text(json.dumps(texts), encoding="utf-8")
        names_path.write_text(json.dumps(names), encoding="utf-8")
        del names
        workers: list[Worker] = []
        try:
            # Built one after another (spaCy's build alone takes ~15 s of one core), then all wait.
            for key in engines:
                w = Worker(key, texts_path, names_path, {"WIREWATCH_TAGGER_PURE": "1"} if key == "pure" else {})
                w.info = w.read()
                workers.append(w)
            print("workers ready; timing", flush=True)
            best: dict[str, tuple[float, int]] = {}
            for round_no in range(1 + args.repeat):  # the first round warms caches and is not kept
                for w in workers:
                    res = w.ask("pass")
                    secs, hits = float(res["secs"]), int(res["hits"])  # type: ignore[call-overload]
                    if round_no > 0 and secs < best.get(w.engine, (float("inf"), 0))[0]:
                        best[w.engine] = (secs, hits)
            for w in workers:
                w.info.update(w.ask("quit"))
        finally:
            for w in workers:
                if w.proc.poll() is None:
                    w.proc.kill()
                w.proc.wait()

    full = next(w for w in workers if w.engine == "full")
    print(f"one automaton for places and keywords: {full.info['patterns']:,} patterns (gazetteer names, demonyms "
          f"and feature words, min population {gz.DEFAULT_MIN_POPULATION:,}; plus {full.info['keyword_phrases']:,} "
          f"keyword phrases)\n")
    print(f"{'engine':<32} {'art/s':>8} {'MB/s':>7} {'hits/art':>9} {'patterns':>9} {'build s':>8} "
          f"{'full ÷ this':>11}")
    full_rate = len(texts) / best["full"][0]
    ratios: dict[str, float] = {}
    for w in workers:
        secs, hits = best[w.engine]
        rate = len(texts) / secs
        ratios[w.engine] = full_rate / rate
        print(f"{ENGINES[w.engine]:<32} {rate:>8.0f} {mb / secs:>7.2f} {hits / len(texts):>9.1f} "
              f"{w.info['patterns']:>9,} {w.info['build_s']:>8.2f} {ratios[w.engine]:>10.2f}×")
    print()
    print(f"full tagger vs raw scan, plain: {ratios['plain']:.2f}× (target ≥ 0.5); "
          f"vs raw scan, padded: {ratios['padded']:.2f}×")
    if "spacy" in ratios:
        print(f"full tagger vs spaCy PhraseMatcher: {ratios['spacy']:.1f}× (target ≥ 7)")
    if "pure" in ratios:
        print(f"compiled ÷ pure Python: {ratios['pure']:.2f}×")
    print(f"tagger worker ({str(full.info['impl']).split(':')[0]}): cached start (import + Tagger.load) "
          f"{full.info['load_s']:.2f} s (target ≤ 3); peak RSS {full.info['peak_rss_mb']:.0f} MB (target ≤ 600)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
