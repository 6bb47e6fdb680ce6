"""What the command line writes: crash logs, terminal text, progress and interrupted runs."""

from __future__ import annotations

import pytest

from game.cli import main


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("MOSCOW1939_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_cli_crash_logs_go_to_the_home_log_folder_and_never_overwrite(home, monkeypatch, capsys):
    from game.cli import check

    def boom(args):
        raise RuntimeError("an unexpected failure")

    monkeypatch.setattr(check, "run", boom)
    assert main(["check", "x.yaml"]) == 3
    assert main(["check", "x.yaml"]) == 3
    logs = sorted((home / "log").glob("crash-*.log"))
    assert len(logs) == 2
    assert all("RuntimeError: an unexpected failure" in p.read_text(encoding="utf-8") for p in logs)
    err = capsys.readouterr().err
    assert "internal error" in err and str(logs[0]) in err and "Traceback" not in err


def test_builtin_policies_are_the_names_the_format_reserves(mini):
    from game.engine import policy_names
    from game.scenario.format import BUILTIN_POLICIES

    assert tuple(policy_names(mini, "blue")) == BUILTIN_POLICIES


HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x9b31m\rfake"


def test_run_shows_control_characters_of_a_script_instead_of_obeying_them(tmp_path, capsys):
    script = tmp_path / "script.yaml"
    script.write_text('actions:\n  - {kind: act, target: "\\e]0;pwned\\a\\e[2J\\u009b31m\\rfake"}\n', encoding="utf-8")
    assert main(["run", "--script", str(script)]) == 1
    out = capsys.readouterr().out
    assert "refused" in out and r"\x1b]0;pwned\x07\x1b[2J\x9b31m\x0dfake" in out
    assert not any(ch in out for ch in "\x1b\x07\x9b\r")


def test_every_command_escapes_what_it_prints_even_a_file_name(tmp_path, capsys):
    assert main(["check", str(tmp_path / f"{HOSTILE}.yaml")]) == 1
    for command in (["simulate"], ["run", "--policy", "random"]):
        with pytest.raises(SystemExit):
            main([*command, str(tmp_path / f"{HOSTILE}.yaml")])
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert text.count(r"\x1b]0;pwned") == 3
    assert not any(ch in text for ch in "\x1b\x07\x9b\r")


def test_json_keeps_control_characters_as_json_escapes():
    import json

    from game.cli.terminal import json_text

    text = json_text({"title": HOSTILE + " Молотов"}, utf8=True)
    assert not any(ch in text for ch in "\x1b\x07\x9b\r") and "Молотов" in text
    assert json.loads(text) == {"title": HOSTILE + " Молотов"}
    assert json.loads(json_text({"t": "Молотов"}, utf8=False)) == {"t": "Молотов"}


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_run_writes_to_an_ascii_stdout(json_flag):
    import json
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "run", "--policy", "historical", *json_flag],
                         cwd=ROOT, capture_output=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    text = out.stdout.decode("ascii")
    if json_flag:
        assert any(ord(ch) > 127 for e in json.loads(text)["log"] for ch in e["title"] + e["text"])
    else:
        assert "Outcome: nazi_soviet_pact" in text
