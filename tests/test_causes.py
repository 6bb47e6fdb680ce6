"""The week's report: every change of a gauge or of trust is put down to its cause, and they add up."""

from __future__ import annotations

import random

import pytest

from game.engine import Action, Game
from game.engine.view import PowerView
from game.scenario import load_scenario
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def s1939():
    return load_scenario(ROOT / "scenarios" / "1939.yaml")


def played(sc, seed: int, weeks: int) -> Game:
    """A game whose player takes legal steps at random (actions, drafts, answers, choices) each week."""
    game = Game.new(sc, seed=seed, humans=(sc.player,))
    pick = random.Random(seed)
    for _ in range(weeks):
        if game.over:
            break
        for _ in range(4):
            moves = [a for a in game.legal_actions(sc.player) if a.kind != "end_turn"]
            if not moves or game.over:
                break
            game.submit(pick.choice(moves))
        while game.pending_choices(sc.player) and not game.over:
            event = game.pending_choices(sc.player)[0]
            game.submit(Action("choose", sc.player, event.id, option=pick.choice(event.choices).id))
        if not game.over:
            game.submit(Action("end_turn", sc.player))
    return game


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_change_has_a_cause_and_the_changes_add_up(s1939, seed):
    game = played(s1939, seed, 8)
    start, st = game.cx.start, game.state
    chains = {}
    for change in game.changes:
        assert change.cause.kind in ("action", "event", "choice", "sign", "outcome", "drift")
        key = change.meter or (change.src, change.dst)
        before = chains.get(key, start.meters[key] if change.meter else start.trust[key[0]][key[1]])
        assert change.before == pytest.approx(before), f"{key} changed without a cause before {change}"
        chains[key] = change.after
    for meter, value in st.meters.items():
        assert chains.get(meter, start.meters[meter]) == pytest.approx(value)
    for src, row in st.trust.items():
        for dst, value in row.items():
            assert chains.get((src, dst), start.trust[src][dst]) == pytest.approx(value)
    assert {c.cause.kind for c in game.changes} >= {"action", "event", "drift"}


def test_each_week_s_gauge_changes_sum_to_the_week_s_delta(s1939):
    game = played(s1939, 4, 6)
    history = game.state.history
    view = PowerView(game, s1939.player)
    for turn in range(1, len(history) - 1):
        for gauge in view.gauges():
            total = sum(c.delta for c in view.changes() if c.turn == turn and c.id == gauge.id and c.kind == "gauge")
            assert total == pytest.approx(history[turn][gauge.id] - history[turn - 1][gauge.id], abs=1e-6)


def test_a_speech_is_named_as_the_cause_of_the_trust_it_cost(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    game.submit(Action("act", "red", "open_talks"))       # hidden effect: Blue's trust in Red -5
    (change,) = [c for c in PowerView(game, "red").changes() if c.kind == "trust"]
    assert change.text == "Blue Kingdom's trust in you −5: your action ‘Open talks with Grey’ on 17 April"
    assert change.good == "bad"


def test_another_powers_view_names_only_what_it_may_see(mini):
    game = Game.new(mini, seed=1, humans=["red", "blue"])
    game.submit(Action("act", "red", "open_talks"))
    (change,) = [c for c in PowerView(game, "blue").changes() if c.kind == "trust"]
    assert change.name == "Your trust in Red Republic" and change.cause == "a step taken by Red Republic"
    assert change.good == ""
    assert not [c for c in PowerView(game, "grey").changes() if c.kind == "trust"]


def test_a_game_without_people_keeps_no_ledger(mini):
    game = Game.new(mini, seed=1)
    game.run_until_human()
    assert game.changes == []
