"""``wirewatch rules check | explain | backtest``: the rule-testing commands, kept out of cli.py.

Thin: the logic and the report formats live in ``streams.milestones``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from streams.errors import InputError


def cmd_check(args: argparse.Namespace) -> int:
    from streams.milestones import check_rules

    print(check_rules(Path(args.file)).format())
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from streams.milestones import Detector, format_explanation
    from streams.parsing import decode
    from streams.tagging import Tagger

    if args.text is not None:
        text = args.text
    else:
        source = args.file or "-"
        try:
            data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
        except OSError as e:
            raise InputError(e.strerror or "cannot read", source=source) from None
        text = decode(data, source=source)
    detector = Detector.load(Path(args.rules) if args.rules else None)
    candidates = detector.explain(Tagger.load().tag(text), published_at=args.published)
    print(format_explanation(candidates, verbose=args.verbose))
    return 0


def published_date(value: str) -> datetime:
    """``--published``: an ISO date or date-time; without a zone it is UTC."""
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date or date-time: {value!r}") from None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def cmd_backtest(args: argparse.Namespace) -> int:
    from streams.milestones import Detector, backtest, combine
    from streams.tagging import Tagger

    rules = Path(args.rules) if args.rules else None
    corpora = [Path(c) for c in args.corpus]
    for c in corpora:
        if not c.is_file():
            raise InputError("no such file", source=str(c))
    if len(corpora) == 1:
        report = backtest(rules, corpora[0])
        print(report.format(max_disagreements=args.max_disagreements))
        return 0
    # several corpora: one tagger and one detector for all, a line per corpus, then their sum as one report
    tagger = Tagger.load()
    detector = Detector.load(rules)
    reports = []
    print(f"{'corpus':<40} {'articles':>8} {'tp':>5} {'fp':>5} {'fn':>5} {'precision':>9} {'recall':>7} {'f1':>6}")
    for c in corpora:
        r = backtest(None, c, tagger=tagger, detector=detector)
        t = r.total
        print(f"{c.name:<40} {r.articles:>8} {t.tp:>5} {t.fp:>5} {t.fn:>5} {t.precision:>9.3f} {t.recall:>7.3f} "
              f"{t.f1:>6.3f}", flush=True)
        reports.append(r)
    print()
    print(combine(reports).format(max_disagreements=args.max_disagreements))
    return 0


def add_rules_parser(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    rules = sub.add_parser("rules", help="check, explain and backtest milestone rule packs")
    rsub = rules.add_subparsers(dest="sub", metavar="SUBCOMMAND", required=True)

    chk = rsub.add_parser("check", parents=parents, help="validate a rule pack and print a summary",
                          description="Validates a rule pack; errors name the file, line and field.")
    chk.add_argument("file", help="rule pack YAML, e.g. seeds/rules/conflict.yaml")
    chk.set_defaults(func=cmd_check)

    exp = rsub.add_parser("explain", parents=parents,
                          help="show every candidate in a text and why it fired or was stopped")
    src = exp.add_mutually_exclusive_group()
    src.add_argument("--text", help="the text to explain")
    src.add_argument("--file", help="a plain-text file (or - for stdin) to explain")
    exp.add_argument("--rules", help="rule pack (default seeds/rules/conflict.yaml)")
    exp.add_argument("--published", type=published_date, metavar="DATE",
                     help="the article's publication date (ISO, e.g. 2025-04-10): history filters such as "
                          "'seized X in January' judge dates against it")
    exp.add_argument("-v", "--verbose", action="store_true", help="print the sentence of fired candidates too")
    exp.set_defaults(func=cmd_explain)

    bt = rsub.add_parser("backtest", parents=parents, help="precision/recall per milestone on a labelled JSONL corpus",
                         description="Runs the rules over a labelled corpus ({id, text, published_at?, "
                         "milestones: [{milestone, place, geonameid?}]} per line) and prints precision and "
                         "recall per milestone over (milestone, place) pairs, then the disagreements.")
    bt.add_argument("--rules", help="rule pack (default seeds/rules/conflict.yaml)")
    bt.add_argument("--corpus", required=True, action="append",
                    help="labelled JSONL, e.g. seeds/labelled/dev.jsonl; give it more than once for a line per "
                         "corpus and their combined table")
    bt.add_argument("--max-disagreements", type=int, default=200, help="how many disagreements to list")
    bt.set_defaults(func=cmd_backtest)
