"""The decisions a class export credits to each team: those its people took, in a lesson that starts at a
checkpoint and with a seat the teacher handed to the game (found running a lesson: the CSV had no row of the
teams that played, and the AI's steps under a handed seat's team)."""

from __future__ import annotations

from game.engine import Action, Game
from game.engine.classroom import ClassOptions
from game.engine.debrief import decisions_of
from game.paths import DEFAULT_SCENARIO
from game.scenario import load_scenario

SEATS = ("ussr", "britain", "germany")


def lesson() -> Game:
    """Start on 24 July; each team acts once with a reason; then the teacher hands Germany to the game."""
    sc = load_scenario(DEFAULT_SCENARIO)
    game = Game.new(sc, seed=5, humans=SEATS, options=ClassOptions.typed("7B", start="political_text"))
    for power, action in (("ussr", "speech_collective_security"), ("britain", "reaffirm_polish_guarantee"),
                          ("germany", "offer_spheres")):
        assert game.submit(Action("act", power, action, why=f"{power} grupa Łódź")).ok
    for power in SEATS:
        assert game.submit(Action("end_turn", power)).ok
    assert game.submit(Action("seat", "teacher", "germany", option="ai", why="absent")).ok
    for power in ("ussr", "britain"):
        assert game.submit(Action("end_turn", power)).ok
    return game


def test_a_lesson_from_a_checkpoint_credits_each_team_with_its_own_steps() -> None:
    game = lesson()
    found = decisions_of(game, SEATS)
    assert [(d["power"], d["turn"], d["why"]) for d in found] == [
        ("ussr", 15, "ussr grupa Łódź"), ("britain", 15, "britain grupa Łódź"), ("germany", 15, "germany grupa Łódź")]
