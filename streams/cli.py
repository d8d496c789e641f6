"""``wirewatch`` command line: thin wrappers that build settings and call the pipeline steps.

Every user mistake ends as one line on stderr and a non-zero exit (2 for usage and input errors,
3 when Kafka cannot be reached); tracebacks are for bugs only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import yaml

from streams import __version__
from streams.errors import BrokerError, InputError, WirewatchError
from streams.settings import Settings, load_settings


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(args.config)


def cmd_config_show(args: argparse.Namespace) -> int:
    print(yaml.safe_dump(_settings(args).masked(), sort_keys=False), end="")
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from streams.ingest import ingest

    paths = [Path(p) for p in args.paths if p != "-"]
    use_stdin = "-" in args.paths
    summary = ingest(_settings(args), paths, stdin=sys.stdin.buffer if use_stdin else None,
                     progress=False if args.no_progress else None)
    print(summary.line(), file=sys.stderr)
    return 1 if summary.rejected and not summary.published else 0


def cmd_worker(args: argparse.Namespace) -> int:
    from streams.app import run_worker

    run_worker(_settings(args), loglevel=args.loglevel)
    return 0


def _read_records(path: str) -> Iterator[tuple[str, str, Any]]:
    """JSONL input for ``tag``/``detect``: yields (id, text to analyse, article)."""
    from streams.parsing import parse_record

    try:
        stream: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as e:
        raise InputError(e.strerror or "cannot open", source=path) from None
    with stream:
        for lineno, line in enumerate(stream, 1):
            if not line.strip():
                continue
            source = f"{'<stdin>' if path == '-' else path}:{lineno}"
            try:
                obj = json.loads(line)
            except ValueError as e:
                raise InputError(f"invalid JSON ({e})", source=source) from None
            article = parse_record(obj, source=source)
            # with a "text" field, offsets refer to that string; otherwise to Article.text
            has_text = isinstance(obj, dict) and isinstance(obj.get("text"), str)
            yield article.id, obj["text"] if has_text else article.text, article


def cmd_tag(args: argparse.Namespace) -> int:
    from streams.tagging import Tagger, tagging_to_json

    tagger = Tagger.load()
    for rid, text, _ in _read_records(args.file):
        print(json.dumps(tagging_to_json(tagger.tag(text), rid), ensure_ascii=False))
    return 0


def cmd_detect(args: argparse.Namespace) -> int:
    from streams.milestones import Detector, events_to_json
    from streams.tagging import Tagger

    tagger, detector = Tagger.load(), Detector.load(Path(args.rules) if args.rules else None)
    for rid, text, article in _read_records(args.file):
        events = detector.detect(tagger.tag(text), article_id=rid, source=article.source,
                                 published_at=article.published_at)
        print(json.dumps(events_to_json(rid, events), ensure_ascii=False))
    return 0


def cmd_receiver(args: argparse.Namespace) -> int:
    import asyncio

    from alerts.receiver import WebhookReceiver, format_alert

    async def serve() -> None:
        receiver = WebhookReceiver(secret=args.secret.encode() if args.secret else None,
                                   on_alert=lambda a: print(format_alert(a), flush=True))
        url = await receiver.start(args.host, args.port)
        print(f"listening on {url} (Ctrl-C to stop)", file=sys.stderr, flush=True)
        await asyncio.Event().wait()

    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        pass
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from streams.demo import run_demo

    return run_demo(Path(args.seeds), keep_running=args.keep_running, timeout=args.timeout)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="wirewatch",
        description="Streaming monitor for news wires: Kafka in, milestones and alerts out.",
        epilog="Settings come from WIREWATCH_* env vars (nested: WIREWATCH_KAFKA__BOOTSTRAP_SERVERS) "
               "and an optional YAML file (--config or WIREWATCH_CONFIG). See 'wirewatch config show'.",
    )
    p.add_argument("--version", action="version", version=f"wirewatch {__version__}")
    p.add_argument("--config", type=Path, help="YAML settings file (env vars override it)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)
    # '--config' is accepted after the command too ('wirewatch worker --config prod.yaml'); SUPPRESS keeps
    # a value given before the command when it is not repeated after it.
    config_too = argparse.ArgumentParser(add_help=False)
    config_too.add_argument("--config", type=Path, default=argparse.SUPPRESS,
                            help="YAML settings file (env vars override it)")

    cfg = sub.add_parser("config", help="inspect settings").add_subparsers(dest="sub", required=True)
    show = cfg.add_parser("show", parents=[config_too], help="print the effective settings, secrets masked",
                          description="Prints the settings in effect (defaults, then the YAML file, then "
                          "WIREWATCH_* env vars) as YAML, with secrets shown as ***.")
    show.set_defaults(func=cmd_config_show)

    ing = sub.add_parser("ingest", parents=[config_too],
                         help="publish wire articles (files, directories, '-' for stdin) to Kafka",
                         description="Reads plain-text wire files, .json and .jsonl (recursively in "
                         "directories), validates them and publishes them to the articles topic keyed by a "
                         "stable article id. Rejected inputs go to the dead-letter topic and are listed.")
    ing.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, or - for stdin")
    ing.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    ing.set_defaults(func=cmd_ingest)

    wk = sub.add_parser("worker", parents=[config_too],
                        help="run the stream worker (Faust): articles → milestones → alerts",
                        description="Consumes the articles topic, detects milestones, publishes them, and "
                        "delivers alerts to the configured webhooks. Serves Prometheus /metrics on the "
                        "worker web port (default http://127.0.0.1:6066/metrics). Stop with Ctrl-C.")
    wk.add_argument("--loglevel", default="info", choices=["debug", "info", "warning", "error"])
    wk.set_defaults(func=cmd_worker)

    tg = sub.add_parser("tag", parents=[config_too], help="tag places and keywords in JSONL articles (stdout: JSONL)")
    tg.add_argument("file", nargs="?", default="-", help="JSONL file of articles or {id, text} (default stdin)")
    tg.set_defaults(func=cmd_tag)

    dt = sub.add_parser("detect", parents=[config_too], help="detect milestones in JSONL articles (stdout: JSONL)")
    dt.add_argument("file", nargs="?", default="-", help="JSONL file of articles or {id, text} (default stdin)")
    dt.add_argument("--rules", help="rule pack (default seeds/rules/conflict.yaml)")
    dt.set_defaults(func=cmd_detect)

    rc = sub.add_parser("receiver", help="run a local webhook receiver that prints alerts")
    rc.add_argument("--host", default="127.0.0.1")
    rc.add_argument("--port", type=int, default=8099)
    rc.add_argument("--secret", help="verify X-Wirewatch-Signature with this secret")
    rc.set_defaults(func=cmd_receiver)

    dm = sub.add_parser("demo", parents=[config_too],
                        help="end to end on the local broker: seeds → worker → webhook alert",
                        description="Starts the local Kafka broker (deploy/kafka/local-kafka), a webhook "
                        "receiver and a worker, ingests the seed articles and shows the alerts arriving.")
    dm.add_argument("--seeds", default="seeds/articles", help="articles to ingest (default seeds/articles)")
    dm.add_argument("--keep-running", action="store_true", help="keep worker and receiver up until Ctrl-C")
    dm.add_argument("--timeout", type=float, default=180.0, help="seconds to wait for the first alert")
    dm.set_defaults(func=cmd_demo)

    from streams.rules_cli import add_rules_parser

    add_rules_parser(sub, [config_too])
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except BrokerError as e:
        print(f"wirewatch: error: {e}", file=sys.stderr)
        return 3
    except WirewatchError as e:
        print(f"wirewatch: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
