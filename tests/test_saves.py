"""Save files: atomic, versioned, naming the scenario; bad saves never destroy anything."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.engine import Action, Game
from game.engine.saves import SAVE_VERSION, dumps, load_game, save_game
from game.scenario import ScenarioError, load_scenario


def played(mini) -> Game:
    game = Game.new(mini, seed=9, humans=["red"])
    game.submit(Action("act", "red", "open_talks"))
    game.submit(Action("end_turn", "red"))
    return game


def reload_tampered(game: Game, path: Path, tamper) -> tuple[Game, list[str]]:
    """Save a game, let `tamper` edit the stored state, and load it again."""
    save_game(game, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    tamper(doc["state"])
    path.write_text(json.dumps(doc), encoding="utf-8")
    return load_game(path, game.scenario)


def test_save_names_scenario_hash_seed_and_actions(mini, tmp_path):
    game = played(mini)
    path = tmp_path / "a.json"
    save_game(game, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["version"] == SAVE_VERSION
    assert doc["scenario"] == {"id": "mini", "path": mini.path, "sha256": mini.sha256}
    assert doc["seed"] == 9 and doc["actions"][0] == {"kind": "act", "power": "red", "target": "open_talks"}
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


def test_failed_write_keeps_the_previous_save(mini, tmp_path, monkeypatch):
    path = tmp_path / "a.json"
    save_game(played(mini), path)
    before = path.read_bytes()
    import game.files as files

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "replace", broken)
    with pytest.raises(OSError):
        save_game(Game.new(mini, seed=1, humans=["red"]), path)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("content, words", [
    (b"", "damaged"),
    (b"{not json", "damaged"),
    (b"\xff\xfe\x00", "UTF-8"),
    (b"[1, 2]", "not a Moscow 1939 save"),
    (b'{"format": "moscow1939-save", "version": 99}', "version 99"),
    (b'{"format": "moscow1939-save", "version": 1, "scenario": {"id": "other"}}', "belongs to scenario"),
    (b"[" * 100000, "damaged"),
])
def test_bad_saves_are_refused_with_a_reason(mini, tmp_path, content, words):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(ScenarioError) as info:
        load_game(path, mini)
    assert words in str(info.value) and str(path) in str(info.value)


def _meter_text(state):
    state["meters"] = {k: "high" for k in state["meters"]}


def _trust_null(state):
    first = next(iter(state["trust"]))
    state["trust"][first] = {k: None for k in state["trust"][first]}


def _budget_float(state):
    state["budget"] = {k: 1.5 for k in state["budget"]}


def _unknown_owner(state):
    for territory in state["territories"].values():
        territory["owner"] = "atlantis"


def _draft_numbers(state):
    for offer in state["offers"].values():
        offer["clauses"] = [1, 2]


@pytest.mark.parametrize("tamper", [
    lambda state: state.update(meters={"bogus": 1}),
    _meter_text, _trust_null, _budget_float, _unknown_owner, _draft_numbers,
    lambda state: state.update(flags=[["nested"]]),
    lambda state: state.update(rng="seed"),
])
def test_tampered_state_is_rebuilt_from_the_actions(mini, tmp_path, tamper):
    game = played(mini)
    loaded, notes = reload_tampered(game, tmp_path / "a.json", tamper)
    assert notes and "rebuilt" in notes[0]
    assert dumps(loaded) == dumps(game)


def test_changed_scenario_replays_the_actions(mini, tmp_path):
    game = played(mini)
    path = tmp_path / "a.json"
    save_game(game, path)
    changed = tmp_path / "mini.yaml"
    changed.write_text(Path(mini.path).read_text(encoding="utf-8").replace("start: 20,", "start: 25,"), encoding="utf-8")
    new = load_scenario(changed)
    loaded, notes = load_game(path, new)
    assert "replayed" in notes[0]
    assert loaded.state.turn == game.state.turn and loaded.state.meters["security"] == 24


def test_a_save_from_before_the_new_dice_still_loads(mini, tmp_path):
    """Version 1 saves were written before the random generator changed: their stored state loads as it is;
    if the actions must be replayed, the player is told that chance may fall differently."""
    game = played(mini)
    path = tmp_path / "a.json"
    save_game(game, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["version"] = 1
    path.write_text(json.dumps(doc), encoding="utf-8")
    loaded, notes = load_game(path, mini)
    assert notes == [] and dumps(loaded) == dumps(game)
    doc["scenario"]["sha256"] = "0" * 64
    path.write_text(json.dumps(doc), encoding="utf-8")
    loaded, notes = load_game(path, mini)
    assert "replayed" in notes[0] and "earlier version" in notes[1]
    assert loaded.state.turn == game.state.turn


def test_replay_that_no_longer_fits_is_refused(mini, tmp_path):
    game = played(mini)
    path = tmp_path / "a.json"
    save_game(game, path)
    changed = tmp_path / "mini.yaml"
    text = Path(mini.path).read_text(encoding="utf-8").replace("open_talks", "start_talks")
    changed.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_game(path, load_scenario(changed))
    assert "cannot replay" in str(info.value) and "open_talks" in str(info.value)


def test_summary_reads_scenario_week_and_outcome_without_loading(mini, tmp_path):
    from game.engine.saves import summary

    path = tmp_path / "a.json"
    save_game(played(mini), path)
    assert summary(path) == ("mini", mini.sha256, 2, None, "", (), mini.path)   # no class: no name, no teams
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["progress"]["turn"] = "two"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert summary(path).week is None
    del doc["scenario"]
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ScenarioError, match="does not name its scenario"):
        summary(path)
