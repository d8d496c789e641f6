"""Milestone detection throughput: tag+detect articles/s, and how detection scales with the rule count.

    .venv/bin/python bench/detect.py [--rules 10,100,1000] [--repeat 3] [--corpus FILE.jsonl ...]

Texts: the labelled development set (conflict-heavy: many trigger hits), the seed articles, and the
real news corpora in ../shared/benchmarks/geoparsing when present (mostly not about conflict: the
common case on a wire). Each text is tagged once (timed), then detected with packs of 10, 100 and
1,000 rules: the default pack (8 milestones) plus synthetic milestones, each a copy of one of the
default pack's match patterns (same place role, object/exclude roles and filters) whose triggers are
corpus words exactly as frequent as the default pack's own trigger forms, so they hit as often as real
triggers do ("hits" rows), or invented words that never occur ("silent" rows: what the rule count alone
costs). The detector
indexes every rule's triggers in one Aho-Corasick automaton, so cost follows trigger hits, not rules.

Prints figures only; nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streams.milestones import Detector  # noqa: E402
from streams.milestones.rules import DEFAULT_RULES  # noqa: E402
from streams.tagging import Tagger  # noqa: E402

SHARED = ROOT.parent / "shared" / "benchmarks" / "geoparsing"


def load_texts(extra: list[Path]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    dev = ROOT / "seeds" / "labelled" / "dev.jsonl"
    sets["dev set (conflict)"] = [json.loads(line)["text"] for line in dev.open(encoding="utf-8") if line.strip()]
    seeds = sorted((ROOT / "seeds" / "articles").glob("*.txt"))
    sets["dev set (conflict)"] += [p.read_text(encoding="utf-8") for p in seeds]
    news = []
    for path in [*sorted(SHARED.glob("*.jsonl")), *extra]:
        news += [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    if news:
        sets["news corpora (general)"] = news
    return sets


def synthetic_pack(n_rules: int, vocabulary: Counter[str], seed: int = 7, *, silent: bool = False) -> Path:
    """The default pack plus ``n_rules - 8`` synthetic milestones, written next to the shared filter lists.

    A synthetic milestone copies the structure of one of the default pack's match patterns (place role,
    object/exclude roles, filters) and gets three trigger words from the corpus vocabulary, each chosen to
    be exactly as frequent in the corpus as a randomly drawn trigger form of the default pack (a form the
    corpus never uses maps to an invented word). Synthetic rules therefore hit about as often as real
    ones and cost what a real rule costs when it hits."""
    rng = random.Random(seed)
    pack = yaml.safe_load(DEFAULT_RULES.read_text(encoding="utf-8"))
    patterns = [(m, p) for m in pack["milestones"]
                for p in (m["match"] if isinstance(m["match"], list) else [m["match"]])]
    real_forms = [f for f in Detector.load().pack.entries if " " not in f]
    by_count: dict[int, list[str]] = {}
    for word, count in vocabulary.items():
        by_count.setdefault(count, []).append(word)
    counts = sorted(by_count)

    def word_like(form: str, i: int) -> str:
        c = vocabulary.get(form, 0)
        if c == 0 or silent:
            return f"zq{i}x{rng.randrange(10**6)}"
        nearest = min(counts, key=lambda k: abs(k - c))
        return rng.choice(by_count[nearest])

    for i in range(max(0, n_rules - len(pack["milestones"]))):
        rule, pattern = patterns[i % len(patterns)]
        clone = copy.deepcopy(pattern)
        clone["triggers"] = [word_like(rng.choice(real_forms), i) for _ in range(3)]
        pack["milestones"].append({
            "id": f"synthetic-{i}", "title": f"Synthetic {i}: {{place}}", "severity": "info",
            "filters": copy.deepcopy(rule.get("filters", [])),
            "disable_filters": list(rule.get("disable_filters", [])), "match": [clone]})
    folder = Path(tempfile.mkdtemp(prefix="wirewatch-bench-"))
    (folder / "filters.yaml").write_text((DEFAULT_RULES.parent / "filters.yaml").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    path = folder / "pack.yaml"
    path.write_text(yaml.safe_dump(pack, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def vocabulary_of(texts: list[str]) -> Counter[str]:
    return Counter(w for t in texts for w in re.findall(r"[a-z]{3,14}", t.lower()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rules", default="10,100,1000", help="rule counts to measure (default 10,100,1000)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per figure; the best is reported")
    ap.add_argument("--corpus", type=Path, action="append", default=[], help="extra JSONL with 'text'")
    args = ap.parse_args()

    t0 = time.perf_counter()
    tagger = Tagger.load()
    print(f"tagger load {time.perf_counter() - t0:.2f}s")
    t0 = time.perf_counter()
    default = Detector.load()
    print(f"default pack load+compile {time.perf_counter() - t0:.2f}s: {len(default.pack.rules)} milestones, "
          f"{len(default.pack.patterns)} patterns, {default.pack.form_count} indexed trigger forms")

    sets = load_texts(args.corpus)
    vocab = vocabulary_of([t for texts in sets.values() for t in texts])
    counts = [int(x) for x in args.rules.split(",")]
    detectors: dict[tuple[int, str], Detector] = {}
    for n in counts:
        for mode in ("hits", "silent"):
            t0 = time.perf_counter()
            path = synthetic_pack(n, vocab, silent=mode == "silent")
            try:
                detectors[n, mode] = Detector.load(path)
            finally:  # (the pack is compiled at load: its temporary folder is not read again)
                shutil.rmtree(path.parent, ignore_errors=True)
            print(f"{n:>5}-rule pack ({mode}) load+compile {time.perf_counter() - t0:.2f}s, "
                  f"{detectors[n, mode].pack.form_count} indexed forms")
    print()

    for name, texts in sets.items():
        chars = sum(len(t) for t in texts)
        taggings = [tagger.tag(t) for t in texts]
        # as the worker does after loading (streams/app.py): long-lived objects — the gazetteer, the packs,
        # the taggings held for the timed passes — are not rescanned by every collection
        gc.collect()
        gc.freeze()
        # interleaved rounds (tag, then each pack), best of each: the ratio survives a noisy machine
        best: dict[object, float] = {}
        for _ in range(args.repeat):
            for key in ["tag", *detectors]:
                t0 = time.perf_counter()
                if key == "tag":
                    for t in texts:
                        tagger.tag(t)
                else:
                    det = detectors[key]
                    for tg in taggings:
                        det.detect(tg, article_id="b")
                best[key] = min(best.get(key, float("inf")), time.perf_counter() - t0)
        tag_s = best["tag"]
        print(f"## {name}: {len(texts)} articles, {chars / len(texts):.0f} chars/article")
        print(f"tagging alone: {len(texts) / tag_s:,.0f} articles/s ({tag_s / len(texts) * 1e3:.3f} ms/article)")
        print(f"{'rules':>6} {'synthetic':>9} {'candidates/art':>14} {'events/art':>10} {'detect ms/art':>13} "
              f"{'tag+detect art/s':>16} {'overhead vs tagging':>19}")
        for (n, mode), det in detectors.items():
            det_s = best[n, mode]
            cands = statistics.fmean(len(det.explain(tg)) for tg in taggings)
            events = statistics.fmean(len(det.detect(tg, article_id="b")) for tg in taggings)
            print(f"{n:>6} {mode:>9} {cands:>14.2f} {events:>10.2f} {det_s / len(texts) * 1e3:>13.3f} "
                  f"{len(texts) / (tag_s + det_s):>16,.0f} {det_s / tag_s:>18.1%}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
