"""Settings offers the window sizes that fit the screen, and always the window's current size."""

from __future__ import annotations

import pygame

from game.ui.settings import window_sizes


def test_only_sizes_that_fit_the_screen_are_offered_with_the_current_one():
    assert window_sizes((1366, 768), (1280, 720)) == [(1280, 720)]
    assert window_sizes((1920, 1200), (1000, 700)) == [(1000, 700), (1280, 720), (1600, 900), (1920, 1080)]
    assert (3840, 2160) in window_sizes(None, (1280, 720))


def test_the_settings_screen_offers_no_window_larger_than_the_screen(app, monkeypatch):
    monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: [(1600, 900)])
    app.settings.window = [1280, 720]
    app.window = True   # a real window's settings (without one, as for screenshots, every size is shown)
    settings = app.open("settings")
    settings.ensure_layout()
    offered = [w.label for w in settings.widgets if getattr(w, "wid", "").startswith("Window size:")]
    assert offered == ["1280×720", "1600×900"]
