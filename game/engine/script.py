"""Scripted playthroughs: a power's actions listed week by week, the rest played by the AI."""

from __future__ import annotations

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
    """End the power's week, taking the default option of any question still open."""
    for event in game.pending_choices(power):
        game.submit(Action("choose", power, event.id, option=event.default_choice().id))
    if not game.over:
        game.submit(Action("end_turn", power))


def play_script(game: Game, power: str, steps: list[Step]) -> None:
    """Play the steps in order, ending weeks as needed, then end weeks until the game is over."""
    for step in steps:
        while step.turn is not None and game.state.turn < step.turn and not game.over:
            finish_week(game, power)
        if game.over:
            raise ScriptError(step.where, f"the game ended ({game.state.outcome}) before this step")
        if step.turn is not None and game.state.turn > step.turn:
            raise ScriptError(step.where, f"week {step.turn} has passed (it is week {game.state.turn})")
        result = game.submit(step.action)
        if not result.ok:
            raise ScriptError(step.where, f"week {game.state.turn}: {step.action.kind} "
                                          f"{step.action.target} refused: {result.reason}{_hint(game, power)}")
    while not game.over:
        finish_week(game, power)


def _hint(game: Game, power: str) -> str:
    """How to answer a question that blocks the step (questions are answered by `choose` steps)."""
    waiting = game.pending_choices(power)
    if not waiting:
        return ""
    event = waiting[0]
    options = ", ".join(c.id for c in event.choices)
    return (f" Answer it first with a step {{turn: {game.state.turn}, kind: choose, target: {event.id}, "
            f"option: ...}} (options: {options}).")
