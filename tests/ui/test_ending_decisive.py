"""The ending names the decisions that decided the game (game/engine/decisive.py)."""

from __future__ import annotations

import pygame


def test_the_ending_names_the_decisions_that_decided_the_game(app):
    from game.ui.screenshots import _ended
    from game.ui.wording import DECISIVE_HEAD

    app.session = _ended(None)
    app.stack = []
    screen = app.open("ending")
    decisive = screen.data["decisive"]
    blocks = screen.story_blocks()
    start = blocks.index(("head", DECISIVE_HEAD, 0))
    listed = [b.text for b in blocks[start + 1:start + 1 + len(decisive)]]
    assert decisive and [t.split(" (")[0] for t in listed] == [f"{i}. {d['title']}" for i, d in enumerate(decisive, 1)]
    app.draw(pygame.Surface(app.size))


def test_the_ending_of_a_game_of_two_seats_judges_each_seat(app):
    from game.engine import Game
    from game.engine.checkpoints import hand
    from game.ui.screenshots import _ended
    from game.ui.wording import VERDICT_HEAD

    app.session = _ended(None)
    game = Game.new(app.session.scenario, seed=7, humans=["ussr", "britain"])
    hand(game, {"ussr": "historical", "britain": "ai"})
    game.reseat()
    game.run_until_human()
    app.session.game = game
    app.stack = []
    screen = app.open("ending")
    heads = [b.text for b in screen.table_blocks() if b[0] == "head"]
    assert f"USSR: {VERDICT_HEAD.lower()}" in heads and f"Britain: {VERDICT_HEAD.lower()}" in heads
    app.draw(pygame.Surface(app.size))
