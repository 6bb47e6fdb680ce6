"""A focus tooltip at 1280×720 with projector text covers neither the desk's gauges nor the negotiation table's
forecast, nor the entry it belongs to."""

from __future__ import annotations

import pygame

from game.ui.widgets.items import ListItem
from tests.ui.test_playtest import to_desk


def tooltip_of(app, screen, entry) -> pygame.Rect:
    """Where the tooltip of a list entry goes with the keyboard's focus on it."""
    screen.focus = screen.widgets.index(entry)
    screen.keyboard_used = True
    text, anchor, listed = screen.current_tooltip()
    return screen.draw_tooltip(pygame.Surface(app.size), text, anchor, listed)


def projector(app) -> None:
    app.settings.text_step = 3
    app.size = (1280, 720)
    app.restyle()


def test_an_actions_tooltip_leaves_the_gauges_and_its_entry_clear(app):
    to_desk(app)
    projector(app)
    desk = app.top
    desk.set_tab("actions")
    desk.ensure_layout()
    entries = [w for w in desk.widgets if isinstance(w, ListItem) and w.wid.startswith("act:") and w.tip()][:4]
    assert entries
    for entry in entries:
        box = tooltip_of(app, desk, entry)
        assert not box.colliderect(desk.meter_rect), (entry.wid, box, desk.meter_rect)
        assert not box.colliderect(entry.screen_rect()), entry.wid


def test_a_clauses_tooltip_leaves_the_forecast_and_its_entry_clear(app):
    to_desk(app)
    projector(app)
    offer = next(o.id for o in app.session.view.offers() if o.editable)
    table = app.open("negotiation", offer_id=offer)
    table.ensure_layout()
    entries = [w for w in table.widgets if isinstance(w, ListItem) and w.tip() and w.scroller
               and w.screen_rect().colliderect(w.scroller.view)][:3]
    assert entries
    for entry in entries:
        box = tooltip_of(app, table, entry)
        assert not box.colliderect(table.right), (entry.wid, box, table.right)
        assert not box.colliderect(entry.screen_rect()), entry.wid
