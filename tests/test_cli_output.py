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
