"""Lesson-sized play: a game can start at one of the scenario's checkpoints (the documented path is played up
to it, then handed to the seats) and stop at one (the front end shows the lesson's end once it is reached).

A checkpoint stands at the start of the week that contains its date: that week's events have fired and wait
for the seats, none of whose steps of that week is taken.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..scenario.model import Checkpoint, Scenario
from .target import Play
from .teacher import answer_for

if TYPE_CHECKING:
    from .game import Game


def week_of(sc: Scenario, checkpoint_id: str) -> int:
    """The week a checkpoint stands at the start of (KeyError for a checkpoint the scenario does not name)."""
    return sc.calendar.turn_of(sc.checkpoint(checkpoint_id).date)


def first_week(sc: Scenario, start: str | None) -> int:
    """The week the teams play first: a checkpoint's, or the scenario's first."""
    return week_of(sc, start) if start else 1


def documented_policy(sc: Scenario, power: str) -> str:
    """How the documented path plays a power: the scenario's policy for it whose id starts with `historical`
    (1939's `historical` follows the real Soviet choices), else the scenario's AI plan for it."""
    return next((p.id for p in sc.policies if p.power == power and p.id.startswith("historical")), "ai")


def play_to(game: Play, checkpoint_id: str) -> None:
    """Play the documented path from where the game stands to the start of a checkpoint's week: every seat by
    its documented policy (and every other power as the game plays it), then the seats go back to their
    teams just before that week begins, so that its questions wait for them. Nothing for a week passed."""
    week, st = week_of(game.sc, checkpoint_id), game.st
    if week <= st.turn or game.over:
        return
    mine = {p: documented_policy(game.sc, p) for p in game.seats if p not in st.ai_seats}
    hand(game, mine)
    while st.turn < week - 1 and not game.over:
        game.resolve_week()
    if game.over:
        return
    for power, controller in game.ai_turns:   # the seats' last documented week, then their teams take over
        if power in mine and not game.over:
            controller.act(game, power)
    for power in mine:
        st.ai_seats.pop(power)
    game.reseat()
    if not game.over:
        game.resolve_week()


def hand(game: Play, policies: dict[str, str]) -> None:
    """Hand seats to policies, answering the questions that waited for them."""
    game.st.ai_seats.update(policies)
    game.reseat()
    for power in policies:
        answer_for(game, power)


def crossed(game: Play, checkpoint_id: str | None, since_week: int) -> Checkpoint | None:
    """The checkpoint, if the game reached it since `since_week` (its week began): the lesson ends there. None
    for no checkpoint, one reached before, or one the game ended short of."""
    if not checkpoint_id or checkpoint_id not in game.sc.index["checkpoints"]:
        return None
    week = week_of(game.sc, checkpoint_id)
    return game.sc.checkpoint(checkpoint_id) if since_week < week <= game.st.turn else None


def stop_next_lesson(game: Game, checkpoint_id: str) -> None:
    """The checkpoint the game's next lesson stops at (saved with its class options): one after the week the game
    is in (ValueError if it has been reached; KeyError for a checkpoint the scenario does not name)."""
    week, turn = week_of(game.scenario, checkpoint_id), game.state.turn
    if week <= turn:
        raise ValueError(f"the lesson cannot stop at {checkpoint_id}: the game is in week {turn}, and "
                         f"{checkpoint_id} stands at the start of week {week}")
    game.options = replace(game.options, stop=checkpoint_id)
