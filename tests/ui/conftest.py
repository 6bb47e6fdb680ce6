"""Headless UI tests: dummy video and audio drivers, a private home for settings and saves."""

from __future__ import annotations

import os
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pygame
import pytest


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("MOSCOW1939_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def title_app(scenario: Path | None = None, seed: int = 3):
    """An App at 1280x720 on a headless display, at the title screen of the scenario (None: the default), its
    start-up tasks done."""
    from game.ui.app import App
    from game.ui.screens.title import TitleScreen
    from game.ui.settings import Settings

    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((1280, 720))
    a = App(Settings(), scenario, size=(1280, 720), window=False)
    a.push(TitleScreen(a, seed=seed))
    while a.tasks:
        a.tasks.pop(0)()
    return a


@pytest.fixture
def app():
    a = title_app()
    a.draw(pygame.display.get_surface())
    yield a
    pygame.display.quit()


class NoCache(dict):
    """Stands in for the text cache so that every text drawn goes through printable (and is recorded)."""

    def get(self, key, default=None):
        return default

    def __setitem__(self, key, value):
        pass


@pytest.fixture
def drawn(app, monkeypatch):
    """Every text drawn, by who could see it: the seat at the desk, 'handover', 'teacher' (the console over any
    screen) or 'title' (no game)."""
    import game.ui.widgets.text as text_module
    from game.ui.screens.handover import HandoverScreen

    seen: dict[str, list[str]] = {}
    where = {"now": "title"}
    original = text_module.printable

    def record(text, *args, **kwargs):
        seen.setdefault(where["now"], []).append(str(text))
        return original(text, *args, **kwargs)

    monkeypatch.setattr(text_module, "_cache", NoCache())
    monkeypatch.setattr(text_module, "printable", record)
    draw = app.draw

    def draw_and_note(surf):
        s = app.session
        if any(screen.name.startswith("console") for screen in app.stack):
            where["now"] = "teacher"
        elif isinstance(app.top, HandoverScreen):
            where["now"] = "handover"
        else:
            where["now"] = s.power if s else "title"
        return draw(surf)

    monkeypatch.setattr(app, "draw", draw_and_note)
    return seen
