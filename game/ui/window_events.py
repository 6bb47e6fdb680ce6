"""What the window answers before any screen: closing, resizing and showing it, a held Enter or Space, and the
keys of the whole window (F1 help, F5 reload, F9 the teacher's console, F11 fullscreen, Ctrl+Plus and Ctrl+Minus
text size, Ctrl+H contrast)."""

from __future__ import annotations

from typing import Any

import pygame

from . import reloading, saving_flow, teaching

MIN_SIZE = (960, 540)


def held_repeat(app: Any, event: pygame.event.Event) -> bool:
    """True for a repeat of an Enter or Space key held down: holding it presses once, never through the
    dialogs that open after it (the window repeats held keys for the arrows and Page keys)."""
    if event.type == pygame.KEYUP:
        app.held.discard(event.key)
        return False
    if event.type != pygame.KEYDOWN or event.key not in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
        return False
    if event.key in app.held:
        return True
    app.held.add(event.key)
    return False


def window_event(app: Any, event: pygame.event.Event) -> bool:
    """Closing, resizing and showing the window; True if the event was one of these."""
    if event.type == pygame.WINDOWCLOSE:   # the close button (SDL then sends QUIT, which is the one that asked)
        close(app)
    elif event.type == pygame.QUIT:          # after the close button, or a signal (SIGTERM): never deaf to it
        app.running = app.running and app.asked_to_close
        app.asked_to_close = False
    elif event.type == pygame.VIDEORESIZE and app.window and not app.settings.fullscreen:
        app.resize((max(MIN_SIZE[0], event.w), max(MIN_SIZE[1], event.h)), remember=True)
    elif event.type == pygame.WINDOWSIZECHANGED and app.window:
        surf = pygame.display.get_surface()
        if surf is not None and surf.get_size() != app.size:
            app.size = surf.get_size()
            app.restyle()
    elif event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN, pygame.WINDOWFOCUSGAINED):
        app.dirty = True
    else:
        return False
    return True


def close(app: Any) -> None:
    """The window's close button: if the game is saved nowhere, ask first (a second request closes)."""
    s = app.session
    if s is None or s.save_problem is None or app.top_is("save_failed"):
        app.running = False
    else:
        saving_flow.save_failed(app, leaving="quit")
        app.asked_to_close = True   # the QUIT that follows the close button is answered by the question


def global_key(app: Any, event: pygame.event.Event) -> bool:
    """A key of the whole window, carried out; True if the key was one."""
    ctrl = event.mod & pygame.KMOD_CTRL
    if event.key == pygame.K_F1:
        if not app.top_is("help"):
            app.open("help", about=app.top)
    elif event.key == pygame.K_F9:
        teaching.console_key(app)
    elif event.key == pygame.K_F5:
        reloading.reload(app)
    elif event.key == pygame.K_F11:
        app.set_fullscreen(not app.settings.fullscreen)
    elif ctrl and event.key in (pygame.K_EQUALS, pygame.K_PLUS, pygame.K_KP_PLUS):
        app.set_text_step(app.settings.text_step + 1)
    elif ctrl and event.key in (pygame.K_MINUS, pygame.K_KP_MINUS):
        app.set_text_step(app.settings.text_step - 1)
    elif ctrl and event.key == pygame.K_h:
        app.set_contrast(not app.settings.high_contrast)
    else:
        return False
    return True
