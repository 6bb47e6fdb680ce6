"""`main.py screenshot` renders every screen to PNG without a display."""

from __future__ import annotations

import pygame


def test_render_all(tmp_path):
    from game.ui.screenshots import render_all

    paths = render_all(tmp_path / "shots", None)
    names = " ".join(p.name for p in paths)
    for screen in ("title", "briefing", "desk", "negotiation", "event", "archive", "pause", "settings", "ending"):
        assert screen in names
    for p in paths:
        img = pygame.image.load(str(p))
        assert img.get_width() >= 1280
