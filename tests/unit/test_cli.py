"""The command line: every command has useful --help; tag/detect/rules work on files and stdin;
user mistakes are one-line errors with a non-zero exit, never tracebacks."""

from __future__ import annotations

import io
import json
import sys

import pytest

from streams.cli import build_parser, main

COMMANDS = [["config", "show"], ["ingest"], ["worker"], ["tag"], ["detect"], ["receiver"], ["demo"],
            ["rules", "check"], ["rules", "explain"], ["rules", "backtest"]]


@pytest.mark.parametrize("cmd", COMMANDS, ids=" ".join)
def test_every_command_has_help(cmd, capsys):
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args([*cmd, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: wirewatch") and len(out) > 150


def stdin_with(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_tag_and_detect_the_seed_from_stdin(monkeypatch, capsys, seed_path):
    record = json.dumps({"id": "seed", "text": seed_path.read_text()}).encode() + b"\n"
    stdin_with(monkeypatch, record)
    assert main(["tag", "-"]) == 0
    tagged = json.loads(capsys.readouterr().out)
    assert tagged["id"] == "seed"
    raqqa = [p for p in tagged["places"] if p["geonameid"] == 172955]
    assert raqqa and tagged["places"][0].keys() >= {"start", "end", "text", "name", "country", "lat", "lon",
                                                    "kind", "role", "score"}
    text = seed_path.read_text()
    assert all(text[p["start"]:p["end"]] == p["text"] for p in tagged["places"])  # offsets into "text"

    stdin_with(monkeypatch, record)
    assert main(["detect"]) == 0
    found = json.loads(capsys.readouterr().out)
    pairs = {(m["milestone"], m["geonameid"]) for m in found["milestones"]}
    assert ("city-breach", 172955) in pairs and ("city-captured", 99072) not in pairs


def test_detect_accepts_article_fields(tmp_path, capsys):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "k1", "headline": "Aleppo", "body": "Rebels breached the walls of Aleppo."}) + "\n")
    assert main(["detect", str(f)]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "k1"


@pytest.mark.parametrize(
    ("argv", "stdin", "needle"),
    [
        (["tag", "/no/such/file.jsonl"], b"", "No such file"),
        (["detect", "-"], b"{not json\n", "<stdin>:1: invalid JSON"),
        (["detect", "-"], b'{"id": "a", "body": ""}\n', "body is empty"),
        (["rules", "backtest", "--corpus", "/no/such.jsonl"], b"", "no such file"),
        (["rules", "check", "/no/such/rules.yaml"], b"", "no/such/rules.yaml"),
    ],
)
def test_user_mistakes_are_one_line_errors(monkeypatch, capsys, argv, stdin, needle):
    stdin_with(monkeypatch, stdin)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("wirewatch: error:") and needle in err and err.count("\n") == 1


def test_rules_backtest_on_several_corpora_sums_them(tmp_path, capsys):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(json.dumps({"id": "a1", "text": "Rebels breached the walls of Aleppo on Tuesday.",
                             "milestones": [{"milestone": "city-breach", "place": "Aleppo"}]}) + "\n")
    b.write_text(json.dumps({"id": "b1", "text": "Troops recaptured Tikrit on Sunday, officials said.",
                             "milestones": [{"milestone": "city-captured", "place": "Tikrit"},
                                            {"milestone": "siege", "place": "Mosul"}]}) + "\n")
    assert main(["rules", "backtest", "--corpus", str(a), "--corpus", str(b)]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.endswith(tuple("0123456789"))}
    assert rows["a.jsonl"][:4] == ["1", "1", "0", "0"] and rows["b.jsonl"][:4] == ["1", "1", "0", "1"]
    assert "on 2 corpora (2 articles)" in out
    assert rows["all"][:3] == ["2", "0", "1"]  # the combined table: tp, fp, fn
    assert "b1: missed siege/Mosul" in out
    # a missing second corpus is a one-line error, like a missing first
    assert main(["rules", "backtest", "--corpus", str(a), "--corpus", str(tmp_path / "nope.jsonl")]) == 2
    assert "nope.jsonl" in capsys.readouterr().err


def test_rules_explain_says_why(capsys):
    assert main(["rules", "explain", "--text", "Rebels are expected to capture Aleppo within days."]) == 0
    out = capsys.readouterr().out
    assert "city-captured" in out and "FIRED    city-captured" not in out


def test_tag_accepts_text_or_article_fields(tmp_path, capsys):
    f = tmp_path / "mixed.jsonl"
    f.write_text('{"id": "t1", "text": "Troops entered Mosul."}\n\n'
                 '{"id": "a1", "headline": "Raqqa wall breached", "body": "Forces broke in.", "dateline": "beirut"}\n')
    assert main(["tag", str(f)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["id"] for o in out] == ["t1", "a1"]
    assert out[0]["places"][0]["text"] == "Mosul" and out[0]["places"][0]["start"] == 15
    assert {p["text"] for p in out[1]["places"]} == {"Raqqa", "beirut"}


@pytest.mark.parametrize("where", ["before", "after"])
def test_config_file_is_accepted_before_or_after_the_command(where, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("WIREWATCH_CONFIG", raising=False)
    monkeypatch.delenv("WIREWATCH_TOPICS__PARTITIONS", raising=False)
    cfg = tmp_path / "w.yaml"
    cfg.write_text("topics:\n  partitions: 7\n")
    argv = ["--config", str(cfg), "config", "show"] if where == "before" else ["config", "show", "--config", str(cfg)]
    assert main(argv) == 0
    assert "partitions: 7" in capsys.readouterr().out


def test_missing_config_file_after_the_command_is_a_one_line_error(tmp_path, capsys):
    assert main(["worker", "--config", str(tmp_path / "nope.yaml")]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"wirewatch: error: {tmp_path / 'nope.yaml'}: config file not found"


def test_explain_judges_month_dates_against_the_published_date(capsys):
    text = "The rebels captured Goma, the largest city in the east, in late January."
    assert main(["rules", "explain", "--text", text, "--published", "2025-04-10"]) == 0
    dated = capsys.readouterr().out
    assert "BLOCKED  city-captured" in dated and "dated-month: 'in late January'" in dated
    assert main(["rules", "explain", "--text", text, "--published", "2025-02-01T09:00:00Z"]) == 0
    assert "FIRED    city-captured" in capsys.readouterr().out  # a week after late January: still news


def test_explain_rejects_a_date_it_cannot_read(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["rules", "explain", "--text", "x", "--published", "10/04/2025"])
    assert exit_.value.code == 2
    assert "not an ISO date or date-time: '10/04/2025'" in capsys.readouterr().err
