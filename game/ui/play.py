"""`python main.py play` and `python main.py host`: open the window and run the app until the player quits."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

from . import flow, hosting
from .app import App
from .saving_flow import rescue_note
from .settings import Settings
from .theme import Theme


def open_app(scenario_path: Path | None, fullscreen: bool) -> App:
    """The window, with the player's settings (and full screen if asked)."""
    os.environ.setdefault("SDL_VIDEO_ALLOW_SCREENSAVER", "1")
    # A software framebuffer: without it SDL loads an OpenGL driver (on Linux ~100 MB of memory) for nothing.
    os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
    pygame.display.init()
    pygame.font.init()
    settings = Settings.load()
    if fullscreen:
        settings.fullscreen = True
    pygame.display.set_caption("Moscow 1939")
    app = App(settings, scenario_path)
    app.open_window()
    app.theme = Theme(app.size, settings.text_step, settings.high_contrast)
    pygame.key.set_repeat(350, 40)
    return app


def run_app(scenario_path: Path | None, seed: int | None, load: Path | None, fullscreen: bool,
            seats: tuple[str, ...] = (), options: Any = None) -> int:
    """`python main.py play`: open the window and play until the player quits."""
    def begin(app: Any) -> None:
        app.open("title", seed=seed)
        if load is not None:
            app.tasks.append(lambda: app.apply(flow.LoadSave(load)))
        elif seats:   # a class game: straight to the first seat's hand-over
            app.tasks.append(lambda: app.apply(flow.NewGame(scenario_path, seed, seats, options)))

    return _window("play", scenario_path, fullscreen, begin)


def play_hosted(host: Any, server: Any, held: Any = None, fullscreen: bool = False) -> int:
    """`python main.py host` with a window: the host's screen for the projector (the address, its QR code, the
    join codes) and the teacher's console, for a game the host (`game.net.host.NetworkHost`) serves through the
    server its caller started (`game.net.server.start_in_thread`). The window owns the server and the save's lock
    `held` from then on: leaving the hosted game for the title stops serving and lets the save go."""
    path = Path(host.game.scenario.path) if host.game.scenario.path else None
    return _window("host", path, fullscreen, lambda app: hosting.show(app, host, server, owned=True, held=held))


def _window(command: str, scenario_path: Path | None, fullscreen: bool, begin: Callable[[Any], None]) -> int:
    """Open the window, `begin` on it, and run it until it closes: Ctrl-C is 130, a crash is reported with what
    was rescued, and a game hosted from it stops serving with the window."""
    app = None
    try:
        app = open_app(scenario_path, fullscreen)
        begin(app)
        return app.run(safe=True)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        from ..cli.crash import report_crash

        return report_crash(exc, command, rescue_note(app))
    finally:
        if app is not None:
            hosting.stop(app)
        pygame.quit()
