"""Scripted playthroughs: the seats' actions listed week by week (each step names its power), the rest played
by the AI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .actions import Action
from .game import Game


@dataclass(frozen=True, slots=True)
class Step:
    """One scripted action, to be taken in a given week (or the current one)."""

    action: Action
    turn: int | None
    where: str


class ScriptError(Exception):
    """A scripted action was refused; `where` locates the step."""

    def __init__(self, where: str, message: str):
        self.where = where
        super().__init__(message)


def finish_week(game: Game, power: str) -> None:
    """End the power's week, taking the default option of any question still open (and of any its answers raise)."""
    while (waiting := game.pending_choices(power)) and not game.over:
        event = waiting[0]
        game.submit(Action("choose", power, event.id, option=event.default_choice().id))
    if not game.over:
        game.submit(Action("end_turn", power))


def finish_weeks(game: Game) -> None:
    """End the current week for every seat that has not ended it yet (so the week resolves)."""
    for power in game.waiting_for():
        finish_week(game, power)


def play_script(game: Game, steps: list[Step], after_week: Callable[[Game], None] | None = None) -> None:
    """Play the steps in order (each by its action's power, a seat of the game), ending weeks as needed, then
    end weeks until the game is over; `after_week` sees the game after each week the script ends."""
    for step in steps:
        while step.turn is not None and game.state.turn < step.turn and not game.over:
            finish_weeks(game)
            if after_week is not None:
                after_week(game)
        if game.over:
            raise ScriptError(step.where, f"the game ended ({game.state.outcome}) before this step")
        if step.turn is not None and game.state.turn > step.turn:
            raise ScriptError(step.where, game.scenario.calendar.words(
                f"week {step.turn} has passed (it is week {game.state.turn})"))
        result = game.submit(step.action)
        if not result.ok:
            power = step.action.power
            raise ScriptError(step.where, game.scenario.calendar.words(f"week {game.state.turn}: ") +
                              f"{power} {step.action.kind} {step.action.target} refused: {result.reason}"
                              f"{_hint(game, power)}")
    while not game.over:
        finish_weeks(game)
        if after_week is not None:
            after_week(game)


def _hint(game: Game, power: str) -> str:
    """How to answer a question that blocks the step (questions are answered by `choose` steps)."""
    waiting = game.pending_choices(power)
    if not waiting:
        return ""
    event = waiting[0]
    options = ", ".join(c.id for c in event.choices)
    return (f" Answer it first with a step {{turn: {game.state.turn}, power: {power}, kind: choose, "
            f"target: {event.id}, option: ...}} (options: {options}).")
