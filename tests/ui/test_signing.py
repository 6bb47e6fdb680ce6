"""A treaty ending opens with the signature itself, then the ending."""

from __future__ import annotations

import pygame

from game.engine import Action
from game.ui.screens.ending import EndingScreen
from game.ui.screens.signing import SigningCard
from game.ui.session import Session
from tests.conftest import MINI
from tests.ui.driver import Driver


def test_accepting_the_treaty_that_ends_the_game_shows_the_signature_first(app):
    session = Session.new(MINI, seed=1)
    app.start_session(session, briefing=False)
    game = session.game
    while "alliance" not in game.drafts_for("red"):       # Blue sends its draft in week 2
        game.submit(Action("end_turn", "red"))
    for event in game.pending_choices("red"):
        game.submit(Action("choose", "red", event.id, option="ignore"))
    app.submit(Action("accept", "red", "alliance"))
    assert isinstance(app.top, SigningCard)
    text = " ".join(b.text for b in app.top.body_blocks())
    assert "Red-Blue alliance" in text and "Mutual assistance" in text
    assert "Signed for Blue Kingdom by Minister Blue; for Red Republic by Minister Red." in text
    assert app.top.title.startswith("SIGNED, ")               # the mini scenario names no place
    Driver(app, "keys").key(pygame.K_RETURN)
    assert isinstance(app.top, EndingScreen)


def test_an_ending_without_a_signature_opens_on_the_ending(app):
    session = Session.new(MINI, seed=1)
    app.start_session(session, briefing=False)
    game = session.game
    while not game.over:
        for event in game.pending_choices("red"):
            game.submit(Action("choose", "red", event.id, option="ignore"))
        for offer in game.drafts_for("red"):
            game.submit(Action("reject", "red", offer))
        app.submit(Action("end_turn", "red"))
    assert game.state.outcome == "alone"
    assert isinstance(app.top, EndingScreen)
