"""Defects found by play-testing at large text and in small windows, pinned by behaviour: entries, numbers, key
hints and notices stay whole and in view (the other play-test defects: tests/ui/test_playtest.py)."""

from __future__ import annotations

import pygame

from game.ui.screens.negotiation import NegotiationScreen
from tests.ui.test_playtest import to_desk


def small_window_large_text(app) -> None:
    app.settings.text_step = 3           # Projector
    app.size = (960, 540)                # the smallest window the game allows
    app.restyle()


def test_title_and_menu_keep_every_entry_on_a_small_window_with_projector_text(app):
    small_window_large_text(app)
    title = app.top
    title.ensure_layout()
    labels = [getattr(w, "label", "") for w in title.widgets]
    assert "Quit" in labels and "Sources and credits" in labels
    buttons = [w for w in title.widgets if getattr(w, "label", "")]
    assert all(w.rect.bottom <= title.foot_y for w in buttons), "a button runs into the key hints"
    summary = next(w for w in title.widgets if w.wid == "scenario-summary")
    assert summary.rect.bottom <= title.foot_y and summary.rect.bottom <= title.cover.bottom

    d = to_desk(app, "keys")
    d.key(pygame.K_ESCAPE)
    menu = app.top
    menu.ensure_layout()
    labels = [getattr(w, "label", "") for w in menu.widgets]
    assert {"Archive", "Quit to title", "Resume", "Save the game"} <= set(labels)
    screen = pygame.Rect((0, 0), app.size)
    assert all(menu.rect.contains(w.rect) and screen.contains(w.rect) for w in menu.widgets)
    d.key(pygame.K_q)
    assert app.session is None


def test_trust_row_shows_every_number_whole_at_every_text_size(app):
    """On a narrow desk with large text the trust entries wrap (or shorten their names), never their numbers."""
    from game.ui.widgets.gauges import MeterWidget, TrustWidget
    from game.ui.widgets.text import fit

    to_desk(app)
    desk = app.top
    s = app.session
    others = [p for p in s.scenario.powers if p.id != s.power]
    for size in ((1280, 720), (960, 540)):
        for step in range(4):
            app.settings.text_step = step
            app.size = size
            app.restyle()
            desk.ensure_layout()
            th = app.theme
            trust = [w for w in desk.widgets if isinstance(w, TrustWidget)]
            assert [w.power.id for w in trust] == [p.id for p in others], (size, step)
            meters = [w for w in desk.widgets if isinstance(w, MeterWidget)]
            for w in trust:
                numbers = f"{w.theirs:.0f}/{w.mine:.0f}"
                text = getattr(w, "text", f"{w.power.short} {numbers}")
                shown = fit(th, text, "soft", w.rect.w - th.px(10) - th.px(8))
                assert shown == text and shown.endswith(numbers), (size, step, shown)
                assert desk.meter_rect.contains(w.rect), (size, step, w.power.id)
                assert not any(w.rect.colliderect(m.rect) for m in meters), (size, step, w.power.id)


def test_buttons_keep_their_key_hints_with_large_text(app):
    """With large text a button shows a smaller key cap or a shorter label, not a label without its key."""
    from game.engine import Game
    from game.ui.screens.ending import EndingScreen
    from game.ui.screens.pause import PauseScreen, SettingsScreen
    from game.ui.widgets.buttons import Button

    to_desk(app)
    desk = app.top
    s = app.session
    offer = next(o.id for o in s.scenario.offers if s.power in o.parties)
    end = type(s).new(None, seed=7)
    end.game = Game.new(end.scenario, seed=7, policies={end.power: "historical"})
    end.game.run_until_human()
    screens = [lambda: [desk], lambda: [desk, NegotiationScreen(app, offer)], lambda: [desk, PauseScreen(app)],
               lambda: [desk, PauseScreen(app), SettingsScreen(app)]]
    for size in ((1280, 720), (960, 540)):
        for step in (2, 3):
            app.settings.text_step = step
            app.size = size
            app.restyle()
            for make in [*screens, "ending"]:
                if make == "ending":
                    app.session, app.stack = end, [EndingScreen(app)]
                else:
                    app.session, app.stack = s, make()
                top = app.top
                top.stale = True
                top.ensure_layout()
                keyed = [w for w in top.widgets if isinstance(w, Button) and w.key_code]
                assert keyed, top
                for w in keyed:
                    text, cap, _style = w.face(app.theme)
                    assert cap is not None, (size, step, type(top).__name__, w.label, text)
                    assert len(text.rstrip("…")) >= 3
                    assert not text.endswith("…"), (size, step, type(top).__name__, w.label, text)   # whole words


def test_a_notice_never_hides_a_button(app):
    """The transient notice moves off the ending's row of buttons (and any screen's controls)."""
    from game.engine import Game
    from game.ui.screens.ending import EndingScreen
    from game.ui.widgets.core import Control

    to_desk(app)
    s = app.session
    offer = next(o.id for o in s.scenario.offers if s.power in o.parties)
    end = type(s).new(None, seed=7)
    end.game = Game.new(end.scenario, seed=7, policies={end.power: "historical"})
    end.game.run_until_human()
    desk = app.top
    text = ("Debrief written: /home/someone/.local/share/moscow1939/debriefs/moscow_1939-seed7-week20.html "
            "(open it in a browser to print or share)")
    for size, step in (((1280, 720), 3), ((1920, 1080), 1), ((960, 540), 2)):
        app.settings.text_step = step
        app.size = size
        app.restyle()
        for session, stack in ((end, lambda: [EndingScreen(app)]), (s, lambda: [desk]),
                               (s, lambda: [desk, NegotiationScreen(app, offer)])):
            app.session, app.stack = session, stack()
            app.invalidate()
            app.notify(text, "good")
            surf = pygame.Surface(size)
            app.dirty = True
            app.draw(surf)
            note = app.frame.overlay[-1]
            assert note.w > 100
            for w in app.top.widgets:
                if isinstance(w, Control):
                    r = w.screen_rect().clip(w.scroller.view) if w.scroller else w.screen_rect()
                    assert not note.colliderect(r), (size, step, type(app.top).__name__, w.label)
