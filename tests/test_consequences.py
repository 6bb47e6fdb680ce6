"""The consequences a power is shown before a decision are the changes the decision makes: for every action and
every question's option of the 1939 scenario (with its Poland overlay) and the fixtures, the gauge and trust lines
shown equal the changes applying the same effects makes in a copy of the game, for what the power is shown."""

from __future__ import annotations

import re
from copy import deepcopy

import pytest

from game.engine import Game
from game.engine.consequences import Foreseen, words
from game.engine.effects import run_effects
from game.engine.ledger import Cause
from game.engine.view import PowerView
from game.scenario import load_scenario
from game.scenario.walk import nested_effects
from tests.conftest import MINI, ROOT, random_game

SCENARIOS = [MINI, ROOT / "tests" / "fixtures" / "other_year.yaml", ROOT / "scenarios" / "1939.yaml",
             ROOT / "scenarios" / "poland.yaml"]
CHANGE_LINE = re.compile(r" [+−]\d+(\.\d+)?$")


def applied(game: Game, viewer: str, bound: list, cause: Cause) -> set[str]:
    """The changes the bound effects make in a copy of the game that the viewer is shown, in words."""
    copy = Game(game.scenario, deepcopy(game.state), humans=[viewer])
    for effects in bound:
        run_effects(copy, effects, cause)
    total: dict = {}
    sc = game.scenario
    for change in copy.changes:
        if change.cause != cause:
            continue
        if change.meter:
            if sc.meter(change.meter).shown(viewer):
                total[("meter", change.meter)] = total.get(("meter", change.meter), 0) + change.after - change.before
        elif viewer in (change.src, change.dst) and change.src != change.dst:
            key = ("trust", (change.src, change.dst))
            total[key] = total.get(key, 0) + change.after - change.before
    return {words(sc, viewer, Foreseen(kind, key, delta)) for (kind, key), delta in total.items() if round(delta, 6)}


def certain(effects) -> bool:
    return not any(e.kind == "chance" for e in nested_effects(effects))


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_the_consequences_shown_are_the_changes_applied(path):
    sc = load_scenario(path)
    for seed, weeks in ((1, 0), (2, 4), (3, 9)):
        game = random_game(sc, seed, weeks)
        if game.over:
            continue
        cx = game.cx
        for action in sc.actions:
            if not certain((*action.effects, *action.hidden_effects)):
                continue
            view = PowerView(Game(sc, game.state, humans=[action.power]), action.power)
            (shown,) = [a.consequences for a in view.actions() if a.id == action.id]
            lines = {line for line in shown if CHANGE_LINE.search(line)}
            cause = Cause("action", action.id, action.power)
            assert lines == applied(game, action.power, list(cx.on_take[action.id]), cause), (action.id, seed)
        for event in sc.events:
            chooser = event.chooser or sc.player
            view = PowerView(Game(sc, game.state, humans=[chooser]), chooser)
            question = view.question(event.id)
            for choice, shown in zip(event.choices, question.consequences, strict=True):
                if not certain(choice.effects):
                    continue
                lines = {line for line in shown if CHANGE_LINE.search(line)}
                cause = Cause("choice", event.id, chooser)
                bound = [cx.effects["choice", event.id, choice.id]]
                assert lines == applied(game, chooser, bound, cause), (event.id, choice.id, seed)
