"""A letter pressed as a shortcut is not typed: pygame sends its text after the key, when the key may already
have opened a dialog with a text box (found in a lesson: S for Stall, now W, put an "s" at the start of the
reason)."""

from __future__ import annotations

import pygame

from game.engine.classroom import ClassOptions
from game.ui.screens.decide import DecideDialog
from game.ui.screens.negotiation import NegotiationScreen
from tests.ui.test_reason_box import class_desk, type_text


def press_letter(d, key: int, letter: str) -> None:
    """A letter key as pygame delivers it: KEYDOWN, then its TEXTINPUT, then KEYUP."""
    d.app.handle(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=letter, scancode=0))
    d.app.handle(pygame.event.Event(pygame.TEXTINPUT, text=letter))
    d.app.handle(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode=letter, scancode=0))
    d.frame()


def test_the_letter_that_opens_the_reason_box_is_not_typed_into_it(app) -> None:
    d = class_desk(app, ClassOptions.typed("7B", require_reason=True, start="political_text"))
    d.tab("actions")
    assert d.press(d.wid("answer:anglo_french_alliance"))
    assert isinstance(app.top, NegotiationScreen)
    press_letter(d, pygame.K_w, "w")
    dialog = app.top
    assert isinstance(dialog, DecideDialog)
    assert dialog.reason() == ""
    type_text(d, "sto")
    assert dialog.reason() == "sto"
