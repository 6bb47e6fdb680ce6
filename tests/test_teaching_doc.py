"""Every command docs/TEACHING.md quotes in a code block works as quoted.

What is executed and what is only parsed:
- `python main.py ...` commands other than `play` are executed in full (in a temporary folder and home).
- `python main.py play ...` is executed up to the window: the parser, the seats, the class options and the
  checkpoints are checked as for a teacher, and the window's entry point (`run_app`) is replaced by a recorder.
- `python main.py host ...` is executed up to serving: the class game is made and saved as for a teacher, and the
  host's window (or, with `--headless`, its server) is replaced by a recorder.
- `python3 dev.py bundle ...` runs dev.py's own argument parsing and steps with the copying and the downloading
  replaced (tests/test_bundle.py makes a real bundle and installs from it with no network).
- `python3 dev.py play ...` runs dev.py's dispatch with the environment set-up and the game's process replaced.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "TEACHING.md"
FENCE = re.compile(r"^[ \t]*```[^\n]*\n(.*?)^[ \t]*```", re.S | re.M)   # (indented: inside a list item)


def quoted_commands(text: str) -> list[str]:
    """The command lines of the guide's code blocks."""
    lines = (line.strip() for block in FENCE.findall(text) for line in block.splitlines())
    return [line for line in lines if line.startswith(("python main.py", "python3 dev.py"))]


def load_dev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_under_test", ROOT / "dev.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def exit_code(call: Any) -> int:
    """The code a command returns, or exits with (argparse exits 2 on an unknown flag)."""
    try:
        return int(call() or 0)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1


def run_main(args: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[tuple]]:
    """main.py with these arguments; a window it would open, or a host it would serve, is recorded instead."""
    import game.cli.host
    import game.net.server
    import game.ui.play
    from game.cli import main

    windows: list[tuple] = []

    async def serve(host: Any, bind: str, port: int, ready: Any, stop: Any) -> None:
        windows.append((host, bind, port))
        ready(port or 8039)

    monkeypatch.setattr(game.ui.play, "run_app", lambda *a, **k: windows.append(a) or 0)
    monkeypatch.setattr(game.cli.host, "_window", lambda host, parsed: windows.append((host, parsed)) or 0)
    monkeypatch.setattr(game.net.server, "serve", serve)
    return exit_code(lambda: main(args)), windows


def run_dev(args: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[list[str]]]:
    """dev.py with these arguments; copying, downloading, installing and starting the game are recorded."""
    dev = load_dev()
    steps: list[list[str]] = []
    monkeypatch.setattr(dev, "copy_sources", lambda out: steps.append(["copy", str(out)]))
    monkeypatch.setattr(dev, "download_wheels", lambda wheels, req, here: steps.append(["wheels", str(wheels)]) or [])
    monkeypatch.setattr(dev, "ensure_environment", lambda mode: Path("python"))
    monkeypatch.setattr(dev.subprocess, "call", lambda cmd, **k: steps.append(list(cmd)) or 0)
    return exit_code(lambda: dev.main(args)), steps


def run_quoted(command: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, list]:
    words = shlex.split(command)
    if words[:2] == ["python", "main.py"]:
        return run_main(words[2:], monkeypatch)
    assert words[:2] == ["python3", "dev.py"], command
    return run_dev(words[2:], monkeypatch)


@pytest.fixture
def lab(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A teacher's folder: a fresh home for the game, the scenarios at hand, no display."""
    monkeypatch.setenv("MOSCOW1939_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    (tmp_path / "scenarios").symlink_to(ROOT / "scenarios")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_guide_quotes_the_commands_a_teacher_needs() -> None:
    commands = quoted_commands(GUIDE.read_text(encoding="utf-8"))
    starts = {" ".join(c.split()[:3]) for c in commands}
    assert {"python3 dev.py bundle", "python3 dev.py play", "python main.py handouts",
            "python main.py play", "python main.py host"} <= starts


@pytest.mark.parametrize("command", quoted_commands(GUIDE.read_text(encoding="utf-8")))
def test_each_quoted_command_works(command: str, lab: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, done = run_quoted(command, monkeypatch)
    assert code == 0, command
    words = shlex.split(command)
    if words[:3] in (["python", "main.py", "play"], ["python", "main.py", "host"]):
        assert len(done) == 1, "the window would have opened (or the host served) once"
    elif words[:3] == ["python", "main.py", "handouts"]:
        out = lab / words[words.index("--out") + 1]
        assert sorted(p.name for p in out.iterdir()) == ["moscow_1939-role-cards.html", "moscow_1939-sources.html",
                                                         "moscow_1939-teacher.html"]
    elif words[:3] == ["python3", "dev.py", "bundle"]:
        assert done[0][0] == "copy" and done[1][0] == "wheels"
    elif words[:3] == ["python3", "dev.py", "play"]:
        assert done[-1][1].endswith("main.py") and done[-1][2:] == words[3:]


@pytest.mark.parametrize("command", [
    "python main.py play --seats ussr --class 9A --pin 1939 --no-such-flag",
    "python main.py play --seats ussr --start no_such_checkpoint",
    "python main.py play --seats ussr,atlantis",
    "python main.py host --seats ussr,atlantis --bind 0.0.0.0",
    "python main.py host --bind 0.0.0.0",
    "python main.py handouts --outt handouts",
    "python3 dev.py bundle --outt lab",
])
def test_a_broken_command_is_caught(command: str, lab: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, done = run_quoted(command, monkeypatch)
    assert code != 0 and not done, command

