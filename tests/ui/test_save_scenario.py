"""A save names its scenario by id and hash; the game looks for it among the scenarios it offers (its own
folder and the mods folder) first, and at the path written in the save only if no such file has the id."""

from __future__ import annotations

import json

import pytest

from game.engine import Game
from game.engine.saves import save_game
from game.paths import SCENARIOS
from game.scenario import load_scenario
from game.ui import scenario_lookup
from game.ui.save_list import save_info
from game.ui.scenario_lookup import find_scenario
from game.ui.session import Session
from game.ui.settings import mods_dir, saves_dir
from tests.conftest import MINI


@pytest.fixture
def opened(monkeypatch):
    """Every scenario file the game reads while resolving a save."""
    seen: list = []
    original = scenario_lookup._scenario_at

    def spy(path):
        seen.append(path)
        return original(path)

    monkeypatch.setattr(scenario_lookup, "_scenario_at", spy)
    return seen


def tampered_save(stored: str):
    mods_dir().mkdir(parents=True, exist_ok=True)
    mod = mods_dir() / "mini.yaml"
    mod.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    path = saves_dir() / "odd.json"
    save_game(Game.new(load_scenario(mod), seed=1, humans=["red"]), path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["scenario"]["path"] = stored
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def offered(path) -> bool:
    folder = path.resolve().parent
    return folder in (SCENARIOS.resolve(), mods_dir().resolve())


@pytest.mark.parametrize("stored", ["/etc/passwd", "../../../etc/shadow", "/dev/zero", ""])
def test_listing_and_loading_a_save_never_opens_the_path_inside_it(stored, opened):
    path = tampered_save(stored)
    info = save_info(path)
    assert info.problem == "" and info.scenario == "Mini scenario"
    session = Session.load(path)
    assert session.scenario.id == "mini"
    assert opened and all(offered(p) for p in opened), opened


def test_the_scenario_with_the_saved_hash_is_preferred(tmp_path):
    """Two mods share an id; the save was made with the second: that one is used, not the first by name."""
    mods_dir().mkdir(parents=True, exist_ok=True)
    text = MINI.read_text(encoding="utf-8")
    (mods_dir() / "a-edited.yaml").write_text(text.replace("start: 20,", "start: 25,"), encoding="utf-8")
    (mods_dir() / "b-original.yaml").write_text(text, encoding="utf-8")
    original = load_scenario(mods_dir() / "b-original.yaml")
    found = find_scenario("mini", original.sha256)
    assert found is not None and found.sha256 == original.sha256
    edited = find_scenario("mini", "0" * 64)     # no file has the hash: the first with the id (replayed, with a note)
    assert edited is not None and edited.id == "mini"
