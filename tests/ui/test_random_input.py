"""20,000 random clicks, keys, wheels and resizes through every screen: no exception."""

from __future__ import annotations

import random

import pygame

from tests.ui.driver import Driver

KEYS = [pygame.K_TAB, pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT,
        pygame.K_RIGHT, pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END, pygame.K_1, pygame.K_2,
        pygame.K_3, pygame.K_4, pygame.K_e, pygame.K_a, pygame.K_b, pygame.K_p, pygame.K_r, pygame.K_s, pygame.K_d,
        pygame.K_n, pygame.K_c, pygame.K_l, pygame.K_o, pygame.K_i, pygame.K_x, pygame.K_t, pygame.K_f, pygame.K_h,
        pygame.K_F11, pygame.K_F1, pygame.K_m, pygame.K_EQUALS, pygame.K_MINUS, pygame.K_q]
SIZES = [(1280, 720), (960, 540), (1920, 1080), (1600, 900), (1366, 768)]


def test_random_input(app):
    rng = random.Random(1939)
    limit = int(__import__("os").environ.get("FUZZ_EVENTS", "20000"))
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
        if events % 3 == 0 or r >= 0.98:
            d.frame()
    assert events >= limit
