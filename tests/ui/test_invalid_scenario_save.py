"""A save whose scenario has since become invalid says so, with the scenario's first error (not "not found")."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Game
from game.engine.saves import save_game
from game.scenario import ScenarioError, load_scenario
from game.ui import settings
from game.ui.save_list import save_info
from game.ui.session import Session
from tests.conftest import MINI


@pytest.fixture
def save(tmp_path) -> Path:
    """A save of a mod in the mods folder, whose file has since been made invalid (an unknown player)."""
    mods = settings.mods_dir()
    mods.mkdir(parents=True, exist_ok=True)
    mod = mods / "mini.yaml"
    mod.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "save.json"
    save_game(Game.new(load_scenario(mod), seed=1, humans=["red"]), path)
    mod.write_text(MINI.read_text(encoding="utf-8").replace("player: red", "player: purple"), encoding="utf-8")
    return path


def test_a_save_of_a_scenario_now_invalid_says_invalid_and_its_first_error(save):
    with pytest.raises(ScenarioError) as caught:
        Session.load(save)
    message = caught.value.diagnostics[0].message
    assert "'mini' of this save (mini.yaml) is invalid:" in message and "purple" in message, message


def test_the_load_list_says_a_save_whose_scenario_is_now_invalid_is_invalid(save):
    assert save_info(save).problem == "its scenario (mini.yaml) is invalid: unknown power 'purple' (line 7, column 9)"
