"""Headless UI tests: dummy video and audio drivers, a private home for settings and saves."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pygame
import pytest


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("MOSCOW1939_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def app():
    from game.ui.app import App
    from game.ui.screens.title import TitleScreen
    from game.ui.settings import Settings

    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((1280, 720))
    a = App(Settings(), None, size=(1280, 720), window=False)
    a.push(TitleScreen(a, seed=3))
    while a.tasks:
        a.tasks.pop(0)()
    a.draw(pygame.display.get_surface())
    yield a
    pygame.display.quit()
