"""A game of a scenario played from its own path (not installed) can be resumed: from the path the save recorded
(if that file still has the id), or from the scenario given with `play SCENARIO --load SAVE`."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Game
from game.engine.saves import save_game
from game.scenario import ScenarioError, load_scenario
from game.ui.save_list import save_info
from game.ui.session import Session
from tests.conftest import MINI


def own_save(tmp_path: Path) -> tuple[Path, Path]:
    """A scenario outside the scenarios and mods folders (id 'odd'), and a save of a game of it."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    scenario = folder / "odd.yaml"
    scenario.write_text(MINI.read_text(encoding="utf-8").replace("id: mini", "id: odd", 1), encoding="utf-8")
    save = tmp_path / "autosave.json"
    save_game(Game.new(load_scenario(scenario), seed=1, humans=["red"]), save)
    return scenario, save


def test_a_save_of_a_scenario_played_from_its_path_is_listed_as_loadable(tmp_path):
    _scenario, save = own_save(tmp_path)
    info = save_info(save)
    assert info.problem == "" and info.scenario == "Mini scenario"


def test_a_save_of_a_scenario_played_from_its_path_is_resumed_from_that_path(tmp_path):
    scenario, save = own_save(tmp_path)
    assert Session.load(save).scenario.path == str(scenario)


def test_a_save_is_resumed_with_the_scenario_given_when_the_recorded_one_moved(tmp_path):
    scenario, save = own_save(tmp_path)
    moved = tmp_path / "moved.yaml"
    scenario.rename(moved)
    assert Session.load(save, moved).scenario.id == "odd"


def test_a_save_whose_scenario_is_gone_names_the_path_it_was_played_from(tmp_path):
    scenario, save = own_save(tmp_path)
    scenario.unlink()
    assert save_info(save).problem == f"its scenario 'odd' is not installed (it was played from {scenario})"
    with pytest.raises(ScenarioError) as caught:
        Session.load(save)
    assert caught.value.diagnostics[0].message == \
        f"its scenario 'odd' is not installed (it was played from {scenario})"


def test_a_recorded_path_with_another_id_is_not_used(tmp_path):
    scenario, save = own_save(tmp_path)
    scenario.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")   # now the file of 'mini'
    assert "is not installed" in save_info(save).problem


def test_play_scenario_load_save_uses_the_scenario_given_on_the_command_line(app, tmp_path):
    from game.ui import flow

    scenario, save = own_save(tmp_path)
    moved = tmp_path / "moved.yaml"
    scenario.rename(moved)
    app.scenario_path = moved
    app.apply(flow.LoadSave(save))
    assert app.session is not None and app.session.scenario.id == "odd"


def test_a_save_whose_scenario_is_gone_does_not_say_the_file_could_not_be_read(app, tmp_path):
    from game.ui import flow

    scenario, save = own_save(tmp_path)
    scenario.unlink()
    app.apply(flow.LoadSave(save))
    assert app.session is None and app.top.name == "error"
    text = " ".join(b.text for b in app.top.blocks)
    assert "could not be read" not in text and "cannot be used" in text
    assert f"its scenario 'odd' is not installed (it was played from {scenario})" in text


def test_the_scenario_chooser_lists_the_scenario_played_from_its_own_path(app, tmp_path):
    from game.ui.screens.title import ScenarioChooser

    scenario, _save = own_save(tmp_path)
    app.top.set_scenario(scenario)
    chooser = ScenarioChooser(app, app.top)
    assert chooser.paths[-1] == scenario and chooser.paths.count(scenario) == 1
