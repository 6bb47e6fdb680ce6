"""What the desk's entries say: the reason an action is not possible now, the tooltips by the entry's state."""

from __future__ import annotations

import pygame

from game.ui.screens.desk import DeskScreen
from game.ui.screens.event import EventDialog
from tests.ui.driver import Driver
from tests.ui.test_turns import to_desk, to_question


def test_replace_litvinov_on_the_desk_says_he_is_no_longer_in_office(app):
    to_desk(app)
    to_question(app, "litvinov_question")
    d = Driver(app, "keys")
    d.answer(1)                                   # dismiss Litvinov in the question (confirmed)
    for _ in range(3):
        back_to_desk(d)
        _, entry = d.find(d.wid("act:replace_litvinov"))
        words = f"{entry.item.sub} {entry.tip()}"
        assert "no longer in office" in words and "still in office" not in words
        d.end_week()


def back_to_desk(d: Driver) -> None:
    """Close what the week shows (questions answered with their first option) until the desk is on top."""
    for _ in range(30):
        if isinstance(d.app.top, DeskScreen):
            return
        d.answer(1) if isinstance(d.app.top, EventDialog) else d.key(pygame.K_RETURN)
    raise AssertionError(f"the desk never came back: {d.app.top!r}")
