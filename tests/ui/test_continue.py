"""Continue on the title resumes the newest unfinished game, or says clearly that the last game ended."""

from __future__ import annotations

import pygame

from game.engine import Action
from game.engine.teacher import TEACHER
from game.ui.save_list import save_info
from game.ui.settings import autosave_path
from tests.ui.test_saves_settings import start


def _finish(app) -> None:
    """End the game at the desk (the teacher's stop: a mid-week end, no week's autosave after it)."""
    assert app.session.submit(Action("stop", TEACHER)).ok and app.session.game.over


def test_a_game_that_ends_is_autosaved_as_ended(app):
    start(app)
    _finish(app)
    assert save_info(autosave_path()).ended


def test_a_new_game_is_what_continue_offers_from_its_first_week(app):
    d = start(app)
    _finish(app)
    app.to_title()
    d.key(pygame.K_n)            # a new game: the window is closed in its first week, before it ends
    seed = app.session.game.state.seed
    app.to_title(save=False)
    d.key(pygame.K_c)
    assert app.session is not None and not app.session.game.over
    assert app.session.game.state.seed == seed and app.session.game.state.turn == 1


def test_continue_after_a_game_ended_says_so_and_offers_its_ending(app):
    d = start(app)
    _finish(app)
    app.to_title()
    d.key(pygame.K_c)
    assert app.session is None and app.top.name == "last_game_ended"
    said = " ".join(b.text for b in app.top.body_blocks())
    assert "ended" in said and "Stopped by the teacher" in said
    d.key(pygame.K_RETURN)       # see its ending
    assert app.session is not None and app.top.name == "ending"
