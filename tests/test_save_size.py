"""A save must always be loadable: a game whose state outgrows the limit is saved as its seed and actions, and
`check` warns about scenarios whose saves would grow that large."""

from __future__ import annotations

import json

import pytest

import game.engine.saves as saves
from game.engine import Action, Game
from game.engine.saves import load_game, save_game, summary
from game.scenario.loader import check_data
from tests.conftest import MINI

MINI_TEXT = MINI.read_text(encoding="utf-8")


def chatty(events: int, chars: int, calendar: str = "") -> str:
    """mini.yaml with events that repeat every week, each logging a long text."""
    text = MINI_TEXT
    if calendar:
        text = text.replace("calendar: {start: 1939-04-17, end: 1939-06-05, turn_days: 7}", calendar)
    extra = "".join(f"  - id: chatter_{i}\n    title: Weekly report {i}\n    when: {{not: {{treaty: pact}}}}\n"
                    f"    repeat: true\n    text: {'word ' * (chars // 5)}\n" for i in range(events))
    return text.replace("events:\n", "events:\n" + extra, 1)


def played_to_the_end(scenario) -> Game:
    game = Game.new(scenario, seed=4, humans=["red"])
    while not game.over:
        for event in game.pending_choices("red"):
            game.submit(Action("choose", "red", event.id, option=event.default_choice().id))
        game.submit(Action("end_turn", "red"))
    return game


@pytest.fixture
def chatty_scenario(tmp_path):
    path = tmp_path / "chatty.yaml"
    path.write_text(chatty(20, 3000), encoding="utf-8")
    from game.scenario import load_scenario

    return load_scenario(path)


def test_a_game_too_large_for_its_state_is_saved_compact_and_loads(chatty_scenario, tmp_path, monkeypatch):
    """The full state of this game is some 500 KB; with a load limit of 256 KB it must still save and load."""
    monkeypatch.setattr(saves, "MAX_SAVE_BYTES", 256 * 1024)
    game = played_to_the_end(chatty_scenario)
    assert len(json.dumps(game.state.to_dict())) > saves.MAX_SAVE_BYTES
    path = tmp_path / "autosave.json"
    save_game(game, path)
    assert path.stat().st_size <= saves.MAX_SAVE_BYTES
    loaded, notes = load_game(path, chatty_scenario)
    assert notes == [] and loaded.state.to_dict() == game.state.to_dict()
    assert summary(path).week == game.state.turn and summary(path).outcome == game.state.outcome


def test_a_save_that_cannot_be_made_small_enough_fails_and_keeps_the_old_one(mini, tmp_path, monkeypatch):
    path = tmp_path / "autosave.json"
    save_game(Game.new(mini, seed=1, humans=["red"]), path)
    before = path.read_bytes()
    monkeypatch.setattr(saves, "MAX_SAVE_BYTES", 100)
    with pytest.raises(OSError, match="too large"):
        save_game(Game.new(mini, seed=2, humans=["red"]), path)
    assert path.read_bytes() == before


def test_check_warns_when_repeating_events_would_swell_saves():
    data = chatty(2, 6000, "calendar: {start: 1939-01-02, end: 1946-12-30, turn_days: 7}").encode("utf-8")
    scenario, report = check_data(data, "chatty.yaml")
    assert scenario is not None
    warnings = [d for d in report.warnings if "save" in d.message]
    assert len(warnings) == 1, report.items
    lines = data.decode("utf-8").splitlines()
    assert lines[warnings[0].line - 1].strip() == "- id: chatter_0"
    assert "repeat" in warnings[0].message and "MB" in warnings[0].message


def test_check_does_not_warn_about_small_repeating_events(mini):
    scenario, report = check_data(chatty(2, 100).encode("utf-8"), "quiet.yaml")
    assert scenario is not None and not [d for d in report.warnings if "save" in d.message]


def test_check_warns_when_many_meters_would_swell_saves():
    """As many meters as a scenario may have, with long ids, over the longest calendar."""
    text = chatty(0, 0, "calendar: {start: 1939-01-02, end: 1948-07-26, turn_days: 7}")
    extra = "".join(f"  - {{id: gauge_{'x' * 60}_{i:02d}, name: Gauge {i}, start: 1}}\n" for i in range(98))
    data = text.replace("meters:\n", "meters:\n" + extra, 1).encode("utf-8")
    scenario, report = check_data(data, "gauges.yaml")
    assert scenario is not None
    warnings = [d for d in report.warnings if "save" in d.message]
    assert len(warnings) == 1 and "meters" in warnings[0].message
    lines = data.decode("utf-8").splitlines()
    assert lines[warnings[0].line - 2] == "meters:"     # at the list of meters
