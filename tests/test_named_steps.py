"""The week's report names the step of a power played by the game that changed a gauge or trust ("Poland's step
‘Stand firm on Danzig’"), never the step of another team's seat."""

from __future__ import annotations

from game.engine import Action, Game
from game.engine.view import PowerView
from game.scenario import load_scenario
from tests.conftest import ROOT


def _weeks(seats: tuple[str, ...], weeks: int) -> Game:
    """Some weeks of 1939; every seat but the USSR's takes each week the first of its steps it can."""
    sc = load_scenario(ROOT / "scenarios" / "1939.yaml")
    game = Game.new(sc, seed=3, humans=seats)
    while not game.over and game.state.turn <= weeks:
        for seat in seats:
            for event in game.pending_choices(seat):
                game.submit(Action("choose", seat, event.id, option=event.default_choice().id))
        for seat in seats[1:]:
            step = next((Action("act", seat, a.id) for a in sc.actions if a.power == seat
                         and game.check(Action("act", seat, a.id)).ok), None)
            if step is not None:
                game.submit(step)
        for seat in seats:
            game.submit(Action("end_turn", seat))
    return game


def test_a_step_of_a_power_played_by_the_game_is_named():
    game = _weeks(("ussr",), 7)
    theirs = [c for c in PowerView(game, "ussr").changes() if c.cause_kind == "action"]
    assert theirs and not any("a step taken by" in c.text for c in theirs)
    steps = {(e.power, e.title) for e in game.state.log if e.kind == "action"}
    for c in theirs:
        assert any(c.cause == f"{game.scenario.power(p).short}'s step ‘{title}’" for p, title in steps), c.text


def test_a_step_of_another_teams_seat_stays_unnamed():
    game = _weeks(("ussr", "poland"), 7)
    polish = {e.title for e in game.state.log if e.kind == "action" and e.power == "poland"}
    seen = [c for c in PowerView(game, "ussr").changes() if c.cause_kind == "action" and "Poland" in c.cause]
    assert seen and all(c.cause == "a step taken by Poland" for c in seen)
    assert not any(title in c.text for c in PowerView(game, "ussr").changes() for title in polish)
