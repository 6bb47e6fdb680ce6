"""Which steps cannot be taken back: marked in the scenario (`confirm: true`) or derived from their effects."""

from __future__ import annotations

from game.engine import Action
from game.engine.actions import final
from game.engine.view import PowerView
from game.scenario.loader import load_scenario
from game.scenario.vocabulary import Stmt

SC = load_scenario("scenarios/1939.yaml")


def test_a_step_marked_confirm_cannot_be_taken_back():
    assert final(True, ()) == "This cannot be taken back."
    assert final(False, ()) == ""


def test_a_step_that_ends_the_game_cannot_be_taken_back_even_nested():
    nested = Stmt("if", {"when": None, "then": (Stmt("end_game", "x"),), "otherwise": ()})
    assert final(False, (nested,)) == "This ends the game."


def test_the_1939_steps_that_cannot_be_taken_back():
    actions = {a.id for a in SC.actions if final(a.confirm, (*a.effects, *a.hidden_effects))}
    choices = {(e.id, c.id) for e in SC.events for c in e.choices if final(c.confirm, c.effects)}
    assert {"replace_litvinov", "break_off_german_contacts"} <= actions
    assert "speech_collective_security" not in actions
    assert {("litvinov_question", "dismiss"), ("ribbentrop_in_moscow", "sign_protocol")} <= choices
    assert ("litvinov_question", "keep") not in choices


def test_the_view_says_why_an_action_cannot_be_taken_back():
    from game.engine import Game

    view = PowerView(Game.new(SC, seed=3, humans=["ussr"]), "ussr")
    assert view.irreversible(Action("act", "ussr", "break_off_german_contacts")) == "This cannot be taken back."
    assert view.irreversible(Action("act", "ussr", "speech_collective_security")) == ""
    assert view.irreversible(Action("end_turn", "ussr")) == ""


def test_accepting_a_draft_others_must_still_answer_asks_first():
    """The others' answers come when the week ends, out of the player's hands: the signature may follow."""
    from game.engine import Game

    game = Game.new(SC, seed=1, humans=("ussr",))
    game.state.offers["anglo_french_alliance"].waiting = {"ussr": 1, "france": 1}
    game.state.offers["anglo_french_alliance"].status = "proposed"
    reason = PowerView(game, "ussr").irreversible(Action("accept", "ussr", "anglo_french_alliance"))
    assert reason.startswith("Once France accepts as well, ") and "cannot be taken back" in reason


def test_sending_a_draft_asks_first_since_the_others_acceptance_signs_it():
    """A draft the others accept is signed without another step of the sender's: the treaty may end the game."""
    from game.engine import Game

    view = PowerView(Game.new(SC, seed=1, humans=("ussr",)), "ussr")
    reason = view.irreversible(Action("propose", "ussr", "anglo_french_alliance", ("mutual_assistance",)))
    assert reason.startswith("If Britain and France accept this draft, ") and "cannot be taken back" in reason
    pact = view.irreversible(Action("propose", "ussr", "german_pact", ("non_aggression",)))
    assert pact.startswith("If Germany accepts this draft, ")
