"""20,000 random clicks, keys, wheels and resizes through every screen: the game stays whole.

Frames are drawn every few dozen events (and after every resize), not after each one: the handlers see
every event, and drawing still runs on every screen the fuzz reaches, in a fraction of the time."""

from __future__ import annotations

import os
import random

import pygame

from game.engine.saves import replay
from game.ui.screens import SCREENS, screen_class
from game.ui.session import Session
from game.ui.settings import log_dir
from tests.ui.driver import Driver

KEYS = [pygame.K_TAB, pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT,
        pygame.K_RIGHT, pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END, pygame.K_1, pygame.K_2,
        pygame.K_3, pygame.K_4, pygame.K_e, pygame.K_a, pygame.K_b, pygame.K_p, pygame.K_r, pygame.K_s, pygame.K_d,
        pygame.K_y, pygame.K_w, pygame.K_n, pygame.K_c, pygame.K_l, pygame.K_o, pygame.K_i, pygame.K_x, pygame.K_t, pygame.K_f, pygame.K_h,
        pygame.K_F11, pygame.K_F1, pygame.K_m, pygame.K_EQUALS, pygame.K_MINUS, pygame.K_q]
SIZES = [(1280, 720), (960, 540), (1920, 1080), (1600, 900), (1366, 768)]
DRAW_EVERY = 40   # events between frames


def fuzz(app, rng: random.Random, limit: int, seen: set[str]) -> None:
    """Send `limit` random events to the app, drawing now and then; note the screens it passes through."""
    d = Driver(app, "mouse")
    events = 0
    while events < limit:
        if not app.running:           # Quit was chosen: start again from the title
            app.running = True
        w, h = app.size
        r = rng.random()
        if r < 0.45:
            pos = (rng.randrange(w), rng.randrange(h))
            app.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
            app.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=rng.choice((1, 1, 1, 3))))
            events += 2
        elif r < 0.9:
            key = rng.choice(KEYS)
            if key == pygame.K_q and rng.random() < 0.9:
                key = pygame.K_TAB
            mod = rng.choice((0, 0, 0, pygame.KMOD_SHIFT, pygame.KMOD_CTRL))
            app.handle(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
            events += 1
        elif r < 0.98:
            app.handle(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice((-3, -1, 1, 3)), flipped=False))
            events += 1
        else:
            app.resize(rng.choice(SIZES))
            events += 1
        if app.top is not None:
            seen.add(type(app.top).__name__)
        if events % DRAW_EVERY < 2 or r >= 0.98:
            d.frame()
    d.frame()


def test_random_input_keeps_the_game_whole(app, monkeypatch):
    """No exception; no crash log; the app ends on a registered screen; every game the fuzz played is exactly
    the replay of the actions the engine accepted (nothing else changed it); and the fuzz got somewhere."""
    games, sent = [], []
    submit = Session.submit

    def spy(session: Session, action):
        result = submit(session, action)
        sent.append((action.kind, result.ok))
        if all(g is not session.game for g in games):
            games.append(session.game)
        return result

    monkeypatch.setattr(Session, "submit", spy)
    seen: set[str] = set()
    fuzz(app, random.Random(1939), int(os.environ.get("FUZZ_EVENTS", "20000")), seen)

    assert not list(log_dir().glob("crash-*.log"))
    registered = tuple(screen_class(name) for name in SCREENS)
    assert app.stack and all(isinstance(s, registered) for s in app.stack)
    assert {"TitleScreen", "DeskScreen", "NegotiationScreen", "EventDialog"} <= seen
    accepted = {kind for kind, ok in sent if ok}
    assert {"act", "end_turn", "choose"} <= accepted
    for game in games:
        again = replay(game.scenario, game.state.seed, list(game.humans), dict(game.policies), list(game.record))
        assert again.state.to_dict() == game.state.to_dict()
