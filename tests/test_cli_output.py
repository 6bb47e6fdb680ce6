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


class Interrupting:
    """Stands for the engine's Game in simulate: the nth game started raises KeyboardInterrupt (a Ctrl-C)."""

    def __init__(self, after: int):
        from game.engine import Game

        self.game, self.after, self.started = Game, after, 0

    def new(self, *args, **kwargs):
        self.started += 1
        if self.started > self.after:
            raise KeyboardInterrupt
        return self.game.new(*args, **kwargs)


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_an_interrupted_simulation_prints_what_it_has(monkeypatch, capsys, json_flag):
    import json

    from game.cli import simulate
    from tests.conftest import MINI

    monkeypatch.setattr(simulate, "Game", Interrupting(after=4))
    assert main(["simulate", str(MINI), "--games", "100", "--policy", "passive", *json_flag]) == 130
    captured = capsys.readouterr()
    assert "interrupted after 4 of 100 games" in captured.err
    if json_flag:
        data = json.loads(captured.out)
        assert data["games"] == 4 and data["games_requested"] == 100 and data["interrupted"] is True
        assert data["outcomes"]["alone"] == 4
    else:
        assert "4 of 100 games" in captured.out and "alone" in captured.out


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Stream:
    def __init__(self, tty: bool):
        self.tty, self.text = tty, ""

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        pass


def test_progress_redraws_one_line_on_a_terminal_after_the_first_seconds():
    from game.cli.simulate import Progress

    clock, stream = Clock(), Stream(tty=True)
    progress = Progress(1000, stream, clock)
    clock.now = 1.0
    progress.update(100)
    assert stream.text == ""
    clock.now = 2.0
    progress.update(200)
    assert stream.text.startswith("\r") and "200 of 1,000 games (20%)" in stream.text and "about 8 s left" in stream.text
    progress.close()
    assert stream.text.endswith("\r") and "\n" not in stream.text


def test_progress_in_a_log_is_a_line_now_and_then():
    from game.cli.simulate import Progress

    clock, stream = Clock(), Stream(tty=False)
    progress = Progress(10_000, stream, clock)
    for second in range(1, 120):
        clock.now = float(second)
        progress.update(second * 10)
    progress.close()
    lines = stream.text.splitlines()
    assert 3 <= len(lines) <= 5 and all("games" in line for line in lines) and "\r" not in stream.text


def test_progress_never_reaches_json_stdout(monkeypatch, capsys):
    import json

    from game.cli import simulate
    from tests.conftest import MINI

    monkeypatch.setattr(simulate, "QUIET_SECONDS", 0.0)
    assert main(["simulate", str(MINI), "--games", "30", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["games"] == 30 and "of 30 games" in captured.err


def test_a_command_without_a_console_writes_nothing_and_does_not_fail(monkeypatch):
    """pythonw (Windows, no console) gives None for sys.stdout and sys.stderr."""
    import sys

    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["schema"]) == 0
    assert main(["check", "no-such-file.yaml"]) == 1
