"""Talks the player watches as an observer (Poland and the Moscow talks): on the desk, and read-only at the table."""

from __future__ import annotations

import pygame
import pytest

from game.ui.screens.negotiation import NegotiationScreen
from game.ui.widgets.buttons import Button
from tests.conftest import ROOT
from tests.ui.driver import Driver

POLAND = ROOT / "scenarios" / "poland.yaml"


@pytest.fixture
def watching(app):
    from game.engine import Action
    from game.ui.session import Session

    app.session = Session.new(POLAND, seed=3)
    app.stack = []
    app.open("desk")
    for _ in range(3):   # the Moscow talks have a draft on the table by the fourth week
        app.session.game.submit(Action("end_turn", app.session.power))
    return app


@pytest.mark.parametrize("mode", ["mouse", "keys"])
def test_watched_talks_open_read_only_from_the_desk(watching, mode):
    app = watching
    d = Driver(app, mode)
    d.frame()
    d.tab("treaties")
    _, item = d.find(d.wid("offer:anglo_french_alliance"))
    assert item is not None and "watching" in item.item.note
    assert d.press(d.wid("offer:anglo_french_alliance"))
    screen = app.top
    assert isinstance(screen, NegotiationScreen) and screen.watching
    labels = [w.label for w in screen.widgets if isinstance(w, Button)]
    assert labels == ["Back"], labels
    clauses = [w for w in screen.widgets if str(w.wid).startswith("clause:")]
    assert clauses and not any(w.enabled for w in clauses)
    draft = list(screen.draft)
    if mode == "mouse":
        d.press(lambda w: w is clauses[-1])
    else:   # the keys pass over greyed entries: Tab all the way round never lands on a clause
        for _ in range(len(screen.widgets) + 1):
            d.key(pygame.K_TAB)
            assert not str(screen.widgets[screen.focus].wid).startswith("clause:")
    assert screen.draft == draft
    assert d.press(lambda w: getattr(w, "label", "") == "Back")
    assert app.top is not screen
