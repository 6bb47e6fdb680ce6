"""A save whose scenario has since become invalid says so, with the scenario's first error (not "not found")."""

from __future__ import annotations

import pytest

from game.engine import Game
from game.engine.saves import save_game
from game.scenario import ScenarioError, load_scenario
from game.ui import settings
from game.ui.session import Session
from tests.conftest import MINI


def test_a_save_of_a_scenario_now_invalid_says_invalid_and_its_first_error(tmp_path):
    mods = settings.mods_dir()
    mods.mkdir(parents=True, exist_ok=True)
    mod = mods / "mini.yaml"
    mod.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    game = Game.new(load_scenario(mod), seed=1, humans=["red"])
    save = tmp_path / "save.json"
    save_game(game, save)
    mod.write_text(MINI.read_text(encoding="utf-8").replace("player: red", "player: purple"), encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        Session.load(save)
    message = caught.value.diagnostics[0].message
    assert "'mini' of this save (mini.yaml) is invalid:" in message and "purple" in message, message
