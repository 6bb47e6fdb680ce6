"""The tutorial's scenario (docs/examples/first.yaml): it checks, its tests pass and a game of it completes."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

FIRST = ROOT / "docs" / "examples" / "first.yaml"


def main_py(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_the_first_scenario_checks_without_warnings():
    out = main_py("check", str(FIRST))
    assert out.returncode == 0 and out.stdout.strip() == f"{FIRST}: ok (3 powers, 1 offers, 2 clauses, 1 actions, " \
                                                        "1 events, 1 sources, 2 outcomes)", out.stdout


def test_the_first_scenario_passes_its_tests():
    out = main_py("test", str(FIRST))
    assert out.returncode == 0 and "3 of 3 tests passed" in out.stdout, out.stdout


def test_a_game_of_the_first_scenario_runs_to_its_end():
    out = main_py("run", str(FIRST), "--policy", "random", "--seed", "4")
    assert out.returncode == 0 and "Outcome: strait_" in out.stdout, out.stdout + out.stderr


def test_the_tutorial_quotes_the_example_file():
    """Each YAML line the tutorial shows for the frame is in the shipped example, so the two do not drift apart."""
    guide = (ROOT / "docs" / "MODDING.md").read_text(encoding="utf-8")
    example = FIRST.read_text(encoding="utf-8")
    for line in ("calendar: {start: 1925-03-02, end: 1925-04-27, turn_days: 7}", "player: northland",
                 "eastmark: {threshold: 0, trust_weight: 0.5}"):
        assert line in guide and line in example
