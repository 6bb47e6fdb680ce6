"""Shared fixtures: the repository root, the small test scenario, a scenario text checked (and its one error),
a random game."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"


@pytest.fixture(scope="session")
def mini():
    from game.scenario import load_scenario

    return load_scenario(MINI)


@pytest.fixture
def check(tmp_path):
    """Write a scenario's text to a file and validate it; return (scenario, report)."""
    from game.scenario.loader import check_scenario

    def run(text: str):
        path = tmp_path / "variant.yaml"
        path.write_text(text, encoding="utf-8")
        return check_scenario(path)

    return run


@pytest.fixture
def error(check):
    """Validate a text that must be invalid with exactly one error; return that error."""

    def run(text: str):
        scenario, report = check(text)
        assert scenario is None, "expected the file to be refused"
        assert len(report.errors) == 1, [str(d) for d in report.errors]
        return report.errors[0]

    return run


def random_game(sc, seed: int, weeks: int):
    """A game every power plays at random for some weeks (fewer if it ends first): a table with drafts sent,
    countered and accepted."""
    from game.engine import Game

    game = Game.new(sc, seed=seed, policies={p.id: "random" for p in sc.powers})
    for _ in range(weeks):
        if game.over:
            break
        game.resolve_week()
    return game
